/**
 * Common first names in Norway, one a line, written for Groundwork from general knowledge of
 * Norwegian naming (the names in use across several generations, and names common among people
 * who moved to Norway). Names that are also everyday words ("Per", "Liv", "Bo") are listed in
 * `ambiguous.ts` too: the detector then needs a capital letter and the context of a name.
 */
export const firstNames = `
Aase Ada Adele Agnes Agnete Aina Aisha Alba Aleksandra Alexandra Alice Alida Alma Amalie Amanda Amelia Amina Ane Anette Anita Anja Ann Anna Annbjørg Anne Anne-Lise Anne-Marie Annette Anniken Ariana Asta Astri Astrid Aud Audhild Aurora
Beate Benedicte Bente Berit Betty Birgit Birgitte Bjørg Bodil Borghild Brit Britt Bushra
Camilla Carina Caroline Cathrine Cecilie Charlotte Christina Christine Dagny Dagrun Dina Dorthe Edel Edith Eira Eldbjørg Eli Elin Eline Elisabeth Elise Ella Ellen Ellinor Else Elsa Emilie Emma Eva Evelyn
Fadumo Fatima Fatma Frida Frøydis Gerd Gina Gjertrud Grete Grethe Gro Gudrun Gunda Gunhild Gunn Gunnhild Gunvor Guri Guro Hafsa Halima Hanna Hanne Hannah Hedda Hege Heidi Helen Helena Helene Helga Hilde Hildegunn Hodan Huong
Ida Idun Ina Inga Ingebjørg Ingeborg Inger Inger-Lise Ingrid Ingunn Ingvild Irene Iris Irina Iselin Jannicke Janne Jenny Johanne Jorid Jorun Jorunn Josefine Julia Julie June Kaja Kamilla Karen Kari Karianne Karin Karina Karoline Katarzyna Katinka Katrine Kine Kirsten Kjersti Klara Kristin Kristina Kristine
Laila Lea Leah Leila Lena Lene Lilja Lill Lillian Lina Linda Line Linn Linnea Lisa Lise Live Lotte Lovise Magdalena Magnhild Maiken Maja Malak Malene Malin Mari Maria Mariam Mariann Marianne Marie Marion Marit Marita Marlene Marte Marthe Martha Martine Maryam Mathilde Merete Mette Mia Mille Mina Mona Monica Monika
Nadia Natalia Nathalie Nina Nora Norah Oda Oddbjørg Oddny Oddrun Olga Olivia Patricia Pernille Petra Ragna Ragnhild Randi Rebecca Rebekka Reidun Renate Rikke Ronja Rut Ruth Sabina Sahra Samira Sana Sandra Sanna Sara Selma Sidsel Signe Sigrid Sigrun Silje Siren Siri Sissel Sofia Sofie Solfrid Solveig Stine Sunniva Susanne Svanhild Synne Synnøve Sølvi
Thea Tina Tiril Tonje Toril Torill Torunn Tove Trine Trude Turid Tuva Unni Vera Veronica Veronika Vibeke Victoria Vigdis Vilde Vilja Wenche Wenke Yasmin Ylva Yvonne Zahra Zainab Åse Åshild Øydis
Abdi Abdirahman Abdullah Adam Adrian Ahmad Ahmed Aksel Alexander Alf Ali Amir Anders Andreas Andrzej Anton Are Arild Arne Arnfinn Arnt Aron Arve Asbjørn Atle Audun Axel
Bendik Benjamin Bent Bernt Birger Bjarne Bjørnar Brage Bård Carl Christian Christoffer Dagfinn Daniel David Dmitri Edvard Egil Einar Eirik Eivind Elias Emil Endre Erik Erlend Erling Eskil Espen Even Eyvind
Filip Frank Fredrik Frode Gaute Geir Gisle Gjermund Glenn Gudmund Gunnar Guttorm Gustav Hallvard Halvard Halvor Hamza Harald Hassan Helge Henning Henrik Herman Hussein Håkon Håvard Ibrahim Idar Inge Ingvar Isak Ivan Ivar
Jakob Jan Jan-Erik Jarle Jens Jesper Joakim Johan Johannes John Jon Jonas Jonathan Jostein Julian Jørgen Jørn Kasper Karl Karsten Kenneth Khalid Kjell Kjetil Knut Kolbjørn Krzysztof Kristian Kristoffer Kåre
Lars Lasse Leif Leon Liam Lucas Ludvig Lukas Magne Magnus Mahmoud Marcus Marek Markus Martin Mathias Mats Max Mikael Mikkel Minh Mohamed Mohammad Mohammed Morten Muhammad Mustafa
Nicolai Nikolai Nils Njål Noah Odd-Arne Oddvar Olav Ole Oliver Omar Oskar Ottar Ove Pawel Peder Petter Piotr Preben Pål Ragnar Rasmus Reidar Reza Robert Roger Rolf Ronny Roy Rune Sander Sebastian Sigmund Sigurd Sigve Simen Simon Sindre Sivert Snorre Sondre Steffen Steinar Stian Sturla Svein Sverre Syver Ståle
Terje Theo Theodor Thomas Thor Thorbjørn Tobias Tom Tomas Tomasz Tommy Tor Torbjørn Tore Torgeir Torkel Torleif Torstein Trond Truls Trygve Tryggve Ulrik Vebjørn Vegard Vetle Vidar Viktor Willy William Yngve Yusuf Øyvind Øystein Ørjan Åge Åsmund
Per Liv Bo Hans Dag Sol Siv Vår Stig Ask Gry Unn Tone Stein Bjørn Finn Jo Kai Odd Mai Storm Lykke Ørn Ravn Iben Ea
`;
