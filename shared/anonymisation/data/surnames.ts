/**
 * Common surnames in Norway, one a line, written for Groundwork from general knowledge (the -sen
 * names, farm names, and names common among people who moved to Norway). Surnames that are also
 * everyday words ("Berg", "Lund", "Strand") are listed in `ambiguous.ts` too.
 */
export const surnames = `
Aas Aasen Abrahamsen Ahmed Ali Amundsen Andersen Andreassen Andresen Antonsen Arnesen Aune Bakke Bakken Berg Berge Berntsen Birkeland Bjerke Bjørnstad Borge Brekke Brathen Bråthen Bye Bøe
Christensen Dahl Danielsen Edvardsen Eide Eliassen Ellingsen Engen Eriksen Evensen Fjeld Fredriksen Gjerde Grønvold Gulbrandsen Gundersen Haug Hauge Haugen Haugland Halvorsen Hansen Hanssen Helland Henriksen Hermansen Holm Holmen Hovland Husby Hussain Hustad
Isaksen Iversen Jacobsen Jakobsen Jensen Jenssen Johannessen Johansen Johnsen Jørgensen Karlsen Khan Kjos Knudsen Knutsen Kristensen Kristiansen Kristoffersen Kvam Kvale Larsen Lie Lien Lunde Lund Løken Madsen Martinsen Mathisen Mikkelsen Moe Moen Myhre Myklebust Mæland
Næss Nguyen Nielsen Nilsen Nordby Nordmann Nygaard Nygård Olsen Pedersen Pettersen Paulsen Rasmussen Ruud Rønning Sandvik Sivertsen Simonsen Skogen Solberg Solheim Strand Strøm Svendsen Sæther Sætre Sørensen Sørli
Tangen Thomassen Thorsen Tveit Tveiten Ulriksen Vik Vold Wold Wilhelmsen Ødegård Ødegaard Øien Østby Aasheim Lindstad Lindberg Lindahl Bergstrøm Grande Hagen Hetland Hoff Hovde Jahr Kleven Kvalheim Langeland Lyngstad Mo Nes Opsahl Rud Sand Sandberg Skaar Stene Tønnesen Vestby Våge Øverland
Aasland Andersson Bakkevold Bergersen Bjørklund Brun Dahle Eggen Ekeberg Fosse Fossum Gjertsen Grøtte Hammer Haraldsen Helgesen Hoel Holmberg Holst Horn Hovden Hoem Johannesen Kolstad Kvalvik Lange Larsson Lorentzen Løvland Melby Mikalsen Myrvold Nordli Nyberg Olsson Opheim Ramberg Reitan Rolstad Rønningen Skjelbred Skog Smith Solli Steen Stenersen Sundby Sunde Syversen Thoresen Tobiassen Torgersen Tveter Vestli Viken Walle Wiik Østrem Aarseth Moland Nilssen Rød Sæle Kleppe Lima Rustad Sveen Thorstensen Vestre Hassan Yusuf Ibrahim Omar Abdi Jama Hersi Duale Karimi Hosseini Ahmadi Rahimi Mohammadi Kowalczyk Wójcik Wojcik Zielinski Szymanski Jankowski Mazur Krawczyk Hoang Dang Bui Ngo Duong
Kowalski Nowak Wiśniewski Kaminski Lewandowski Hussein Mohamed Abdullahi Warsame Farah Osman Yilmaz Kaya Demir Tran Pham Le Singh Kaur Petrov Ivanova Kazlauskas
`;
