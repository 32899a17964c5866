/**
 * Fictional interview transcripts with every identifying detail marked (see README.md). The
 * detector was developed against these.
 */
export const tuningTranscripts: { title: string; text: string }[] = [
  {
    title: 'Hverdagen etter gruppa',
    text: `
I: Da er opptakeren på. Kan du begynne med å fortelle litt om deg selv?
D: Ja. Altså, jeg er {{age:43}} år nå, og jeg bor sammen med dattera mi, {{name:Ingrid}}, i en leilighet på {{place:Hamar}}.
D: Vi flytta fra {{place:Bodø}} for fire år siden, da jeg fikk jobb i {{organisation:Ringsaker kommune}}.
I: Mm. Hvordan var det å flytte?
D: Det var tøft. Jeg kjente ingen her, bare søstera mi, {{name:Hilde}}, som bor oppe på {{place:Brumunddal}}.
D: {{name:Hilde}} har alltid vært den som tar tak i ting, liksom.
I: Og hvordan kom du i kontakt med gruppa?
D: Det var fastlegen min, {{name:Sundby}}, som tipsa om det. Eller, han het {{name:Arild Sundby}}, han er pensjonist nå.
D: Han sa at det gikk en gruppe på {{organisation:Hamar DPS}} som het reSTART, og at det kanskje var noe for meg.
I: Hva tenkte du da?
D: Ærlig talt tenkte jeg at det var enda en sånn ting man blir sendt til. Jeg hadde vært på så mye.
D: Jeg var innlagt på {{organisation:Sanderud}} to ganger, første gangen {{date:14. februar 2017}}, det husker jeg fordi det var valentinsdagen.
D: Og så hadde jeg hatt en periode på {{organisation:DPS Gjøvik}} før det igjen.
I: Du sa at du fikk jobb. Hva jobber du med?
D: Jeg er barnehagelærer. Jeg jobba i {{organisation:Furubakken barnehage}} i tre år, men så ble jeg sykmeldt.
D: Nå er jeg på arbeidsavklaringspenger, så jeg har mye kontakt med {{organisation:NAV}}.
D: Veilederen min på {{organisation:NAV Hamar}}, {{name:Tone}}, hun er egentlig grei, men det er mye skjema.
I: Mm.
D: {{name:Tone}} ringer meg en gang per måned, sånn cirka.
I: Hvordan ser en vanlig dag ut for deg nå?
D: Jeg står opp halv sju og følger {{name:Ingrid}} til skolen. Hun går på {{organisation:Storhamar skole}}, i femte.
D: Så går jeg tur. Jeg prøver å gå en runde rundt {{place:Domkirkeodden}} hver dag, det er blitt en sånn fast ting.
D: Per i dag er det vel det som holder meg oppe, å ha noe fast.
I: Kan du si mer om det?
D: Det handler om at livet ble så uforutsigbart. Da jeg var dårligst visste jeg aldri hva dagen bød på.
D: Mamma sa alltid at jeg var for streng med meg selv. Hun døde i {{date:2. juni}} for to år siden. Altså, {{date:2. juni 2022}}.
I: Det var trist å høre.
D: Ja. Hun var bare {{age:71}}.
I: Hvordan var det å komme inn i gruppa?
D: Første gangen satt jeg i bilen utenfor i ti minutter før jeg gikk inn.
D: Gruppelederne var {{name:Marit}} og {{name:Bjørn}}. {{name:Bjørn}} er erfaringsmedarbeider, og det var han som kom ut og henta meg, faktisk.
D: Han hadde sett meg fra vinduet. Det glemmer jeg aldri.
I: Hva betydde det?
D: At noen så meg. {{name:Bjørn}} sa ikke noe stort, han sa bare "kom inn, kaffen er klar".
I: Hvem andre var i gruppa?
D: Vi var seks stykker. Det var en eldre dame, {{name:Solveig}}, og en ung gutt fra {{place:Løten}}, {{name:Sindre}}.
D: Og så var det {{name:Per}}. {{name:Per}} var morsom, han fikk oss til å le hele tida.
D: {{name:Liv}} var der også, {{name:Liv Haugen}}, hun hadde vært med før.
I: Hvordan var det å høre de andres historier?
D: Det var sterkt. {{name:Solveig}} fortalte om mannen sin som var alkoholiker, og da kjente jeg meg så igjen.
D: Faren min drakk også. Vi bodde i {{address:Sjøgata 14}} i {{place:Bodø}}, og jeg husker lyden av nøklene når han kom hjem.
I: Vil du si noe mer om det?
D: Nei, det er greit. Det er lenge siden.
I: Du nevnte temaene i gruppa. Hvilke husker du best?
D: Drømmen. Vi skulle skrive ned en drøm, og jeg skrev at jeg ville bo ved sjøen igjen.
D: Og Tilhørighet, det var vanskelig. Jeg har ikke følt at jeg hører til noen plass siden jeg flytta fra {{place:Nordland}}.
I: Og Verdier?
D: Ja, vi hadde de kortene, refleksjonskortene. Jeg trakk et kort som het "ærlighet", og det ble liksom et vendepunkt.
I: Hvordan da?
D: Jeg innså at jeg ikke hadde vært ærlig med {{name:Ingrid}} om hvor dårlig jeg var. Hun var bare {{age:8}} år da jeg ble innlagt.
D: Så jeg snakka med henne. Hun sa "mamma, jeg visste det jo". Barn vet alt.
I: Ja. Hvordan har det vært etter at gruppa var ferdig?
D: Det har gått opp og ned. Vi hadde en oppfølgingssamtale i mars 2024, og da var jeg i en dårlig periode.
I: Hva gjorde du da?
D: Jeg ringte {{name:Marit}}. Hun hadde sagt at vi kunne ringe. Nummeret hennes er fortsatt på kjøleskapet, {{phone:905 12 334}}.
I: Så du bruker fortsatt nettverket fra gruppa?
D: Ja, og {{name:Solveig}} og jeg går tur sammen hver torsdag. Hun bor i {{address:Parkgata}}, rett ved meg.
I: Det høres fint ut.
D: Ja. Hun er {{age:76}}, men hun går fortere enn meg.
I: Er det noe du vil legge til?
D: Bare at jeg håper andre får sjansen. Gruppa på {{organisation:Hamar DPS}} ble lagt ned en periode, og det var helt feil.
I: Takk for at du ville være med.
`,
  },
  {
    title: 'Gruppa og de andre',
    text: `
I: Kan du fortelle hvordan du havna i reSTART?
D: Det var via {{organisation:NAV}}, egentlig. Jeg var på et sånt kurs på {{organisation:Fretex}} i {{place:Drammen}}, arbeidstrening.
D: Og der jobba det en som het {{name:Kjetil}}, og han hadde gått i gruppa selv.
D: {{name:Kjetil}} sa: "Du, det der er noe for deg."
I: Og hvor gikk gruppa?
D: I {{place:Lier}}. Det var i et lokale ved {{organisation:Lier helsehus}}, i andre etasje.
D: Vi møttes to ganger i uka, mandager og torsdager, klokka ti til tolv.
I: Hvordan var de første gangene?
D: Jeg sa nesten ingenting. Jeg satt og hørte på {{name:Bo}}, han snakket jo mest.
D: {{name:Bo}} er fra {{place:Sverige}}, opprinnelig, fra {{place:Göteborg}}, og han hadde en sånn måte å prate på som gjorde alle rolige.
I: Hadde du noe du gjorde for å bo deg inn i gruppa, så å si?
D: Haha, bo meg inn. Ja, jeg tok med kaffe. Jeg er sånn som tar med kaffe.
D: Og så var det {{name:Liv}}, hun satt alltid ved vinduet.
D: {{name:Liv}} hadde mista jobben på {{organisation:Drammen sykehus}}, hun var sykepleier der i femten år.
I: Det var mange med erfaring fra helse, da?
D: Ja, og {{name:Anne-Lise}} jobba på et sykehjem i {{place:Svelvik}}. {{name:Anne-Lise}}s mann var også syk, så hun hadde det tøft.
I: Hvem ledet gruppa?
D: {{name:Trine Eriksen}} og {{name:Geir}}. {{name:Trine}} er psykiatrisk sykepleier, og {{name:Geir}} var erfaringsmedarbeider.
D: {{name:Geir}} hadde vært rusavhengig i mange år og bodd på gata i {{place:Oslo}}, og han var helt åpen om det.
I: Hva gjorde det med gruppa?
D: At han var så åpen? Det gjorde at vi turte. Hvis {{name:Geir}} kunne si det, kunne vi også.
I: Kan du huske en bestemt samling?
D: Ja, den om Håp og optimisme. Det var rett før jul, {{date:18. desember}}, og {{name:Trine}} hadde tatt med pepperkaker.
D: Vi skulle si én ting vi håpet på for neste år. {{name:Per Olav}} sa at han håpet å få se barnebarna sine i {{place:Bergen}}.
D: Og det fikk han! Han ringte meg i påsken og fortalte det.
I: Så dere holder kontakten?
D: Noen av oss. Vi har en gruppe på Messenger. {{name:Per Olav}}, {{name:Bo}}, {{name:Liv}} og meg.
D: Per uke blir det kanskje ti meldinger, det er ikke så mye, men det betyr noe.
I: Hvordan har hverdagen din endra seg?
D: Jeg jobber nå. Femti prosent, på lageret til {{organisation:Biltema}} på {{place:Lierskogen}}.
D: Sjefen min, {{name:Rolf}}, vet at jeg har slitt, og han er grei med at jeg tar pauser.
I: Hvordan var det å fortelle ham det?
D: Skummelt. Men det var noe vi øvde på i gruppa, å si det høyt.
D: {{name:Marianne}}, hun andre i gruppa, hun hjalp meg å skrive ned hva jeg ville si.
I: Så gruppa ga deg noen verktøy.
D: Ja. Og et sted å høre til. Det er det viktigste.
D: Før bodde jeg alene i {{address:Bragernes torg 6}}, og jeg kunne gå flere dager uten å snakke med noen.
I: Og nå?
D: Nå bor jeg sammen med samboeren min, {{name:Hanne}}, i {{place:Mjøndalen}}. Vi flytta sammen i fjor, {{date:1. september}}.
I: Gratulerer.
D: Takk. Hun er {{age:39}}, litt yngre enn meg. Jeg fylte {{age:45}} i vår.
I: Hvis du skulle gi et råd til noen som skal begynne i en sånn gruppe, hva ville det vært?
D: At de skal gi det tid. Jeg holdt på å slutte etter tre ganger. Det var {{name:Bo}} som fikk meg til å bli.
I: Takk.
`,
  },
  {
    title: 'Jobb, tilbakefall og brev fra kommunen',
    text: `
I: Du sa at du ville fortelle om det som skjedde i fjor høst.
D: Ja. Jeg ble innlagt igjen, på {{organisation:St. Olavs hospital}}, på {{organisation:Østmarka}}. Det var {{date:3. oktober}}.
D: Jeg hadde jobba for mye. Jeg jobber som elektriker i {{organisation:Trønder Elektro AS}}, og vi hadde et stort prosjekt på {{place:Tiller}}.
I: Hvordan merka du at det gikk nedover?
D: Jeg slutta å sove. Og så begynte jeg å drikke igjen. Kona mi, {{name:Randi}}, sa at jeg måtte ringe legevakta.
D: {{name:Randi}} har vært med på alt, altså. Vi har vært gift i tjuetre år.
I: Hva skjedde da du kom ut?
D: Da fikk jeg et brev fra {{organisation:Trondheim kommune}} om at jeg hadde fått plass i reSTART-gruppa på {{place:Heimdal}}.
D: Jeg har brevet her, faktisk. Det står fødselsnummeret mitt på det og alt, {{nationalId:12038310060}}. Skal jeg lese opp hva det står?
I: Nei, det trenger du ikke. Vi tar ikke med sånt.
D: Ok. Det var i alle fall {{name:Eirik}} som skrev det, han var saksbehandler.
I: Hvordan opplevde du gruppa?
D: Jeg var skeptisk. Jeg er ikke en sånn som prater om følelser. Men {{name:Stig}} og {{name:Ragnhild}}, som ledet den, de var veldig jordnære.
D: {{name:Stig}} hadde selv vært innlagt, og han snakka trøndersk, så jeg følte meg hjemme.
I: Hvilke tema var viktige for deg?
D: Leve med. Det å leve med at jeg har en sykdom som kan komme tilbake.
D: Og Selvbestemmelse, at det er jeg som bestemmer over livet mitt, ikke {{organisation:NAV}} og ikke legene.
I: Du har nevnt {{organisation:NAV}} flere ganger.
D: Ja, {{organisation:NAV Heimdal}} har vært en kamp. Jeg har en veileder der, {{name:Lise Moen}}, og hun er ny hele tida, altså, det er en ny hver gang.
D: Du kan ringe dem på {{phone:55 55 33 33}}, men du kommer aldri gjennom. Haha.
I: Hvordan er arbeidssituasjonen nå?
D: Jeg er tilbake i jobb, seksti prosent. Sjefen min heter {{name:Odd Arne Nilsen}}, og han har vært bra.
D: {{name:Odd Arne}} sa at jobben står der når jeg er klar. Det betydde mye.
I: Hvordan ser dagene ut nå?
D: Jeg står opp kvart over seks. Jeg kjører til {{place:Tiller}}, eller nå er vi på et bygg på {{place:Lade}}.
D: Etter jobb går jeg tur med hunden langs {{place:Nidelva}}.
I: Har gruppa betydd noe for hvordan du har det på jobb?
D: Ja. Jeg har lært å si fra. Før bare kjørte jeg på til jeg sprakk.
D: Det var en i gruppa, {{name:Terje}}, han var fra {{place:Orkanger}}, og han sa noe jeg aldri glemmer: "Du er ikke jobben din."
I: Har du kontakt med noen fra gruppa?
D: Med {{name:Terje}}, ja. Vi tar en kaffe på {{organisation:Sjøhuset}} på {{place:Brattøra}} av og til. Han er {{age:58}}, han har vært uføretrygda i mange år.
I: Og familien?
D: Sønnen min, {{name:Magnus}}, har flytta til {{place:Stavanger}}. Han jobber på {{organisation:Equinor}}.
D: Han er {{age:24}}. Han ringte meg hver dag da jeg var innlagt. Nummeret mitt var sperra, så han ringte avdelinga på {{phone:+47 72 82 10 00}}.
I: Det høres ut som han bryr seg.
D: Ja. Han og {{name:Randi}} er grunnen til at jeg står her.
D: Og datteren min, {{name:Emilie}}, hun er {{age:19}}, hun bor fortsatt hjemme. Hun går på {{organisation:Charlottenlund videregående skole}}.
I: Er det noe mer du vil si om tida etter?
D: Bare at jeg skriver dagbok nå. Det lærte vi i gruppa. Jeg sender noen ganger ting til {{name:Ragnhild}} på e-post, {{email:ragnhild.strand@trondheim.kommune.no}}, og hun svarer alltid.
I: Takk for at du deler.
`,
  },
  {
    title: 'Oppfølgingssamtale på video',
    text: `
I: Hører du meg nå?
D: ja nå hører jeg deg. æ sitter på kjøkkenet hjemme i {{place:tromsø}}.
I: Fint. Det er tre måneder siden gruppa var ferdig. Hvordan har du hatt det?
D: det har gått greit. jeg har begynt på jobb igjen, på {{organisation:rema}} på {{place:Kvaløya}}.
D: sjefen der, {{name:kristin}}, hun var med i en annen gruppe før, så hun skjønner greia.
I: Så du fortalte henne om gruppa?
D: ja. {{name:Kristin}} sa at hun hadde gått på noe lignende i {{place:Harstad}} for mange år siden.
I: Hva har vært vanskeligst?
D: helgene. Når ungene er hos faren sin i {{place:Finnsnes}}.
D: {{name:Jonas}} og {{name:Maja}}. {{name:Jonas}} er {{age:12}} og {{name:Maja}} er {{age:9}}.
D: {{name:Maja}} sa sist helg at hun savna meg, og da gråt jeg i bilen etterpå.
I: Hvordan har du det i helgene nå, da?
D: jeg har begynt å gå på turer med {{name:liv}} og {{name:siv}}, de to fra gruppa. vi går opp {{place:Fjellheisen}} eller rundt {{place:Prestvannet}}.
D: {{name:Liv}} og jeg har blitt gode venner, egentlig. hun bor i {{address:Storgata 88}}, rett over gata for meg.
I: Du nevnte at du hadde en samtale med gruppelederne?
D: ja, med {{name:Ellen}} og {{name:Dag}}. {{name:Dag}} ringte meg i forrige uke, på {{phone:977 66 544}}, som er jobbmobilen min.
D: {{name:Dag}} sa at de skal starte en ny gruppe til høsten, og spurte om jeg ville komme og fortelle.
I: Hva svarte du?
D: at jeg skulle tenke på det. det er skummelt. men kanskje.
I: Har du hatt kontakt med helsetjenesten?
D: ja, jeg går til {{name:Sigrid}} på {{organisation:UNN}} en gang i måneden. hun er psykolog.
D: og så har jeg fastlegen min på {{organisation:Tromsdalen legesenter}}, dr. {{name:Pedersen}}.
I: Hvordan opplever du det?
D: det er greit. men det var gruppa som hjalp mest. der var det folk som skjønte.
D: {{name:Ellen}} sa en gang at vi er ekspertene på vårt eget liv. det har jeg tenkt mye på.
I: Har du noe du vil legge til?
D: nei. eller jo, du kan sende meg det du skriver. mailen min er {{email:tussa77@hotmail.com}}.
I: Det skal jeg. Takk for praten.
D: takk sjøl. ha det.
`,
  },
  {
    title: 'Fra Syria til Sandnes',
    text: `
I: Vil du begynne med å fortelle hvor du kommer fra?
D: Jeg kommer fra {{place:Syria}}, fra {{place:Aleppo}}. Jeg kom til Norge i 2015, sammen med broren min, {{name:Khaled}}.
D: Vi bodde først på et asylmottak i {{place:Vadsø}}, så i {{place:Sandnes}}.
I: Og hvordan kom du inn i gruppa?
D: Via {{organisation:Flyktningtjenesten}} i {{organisation:Sandnes kommune}}. Det var en kvinne der, {{name:Sara}}, som hjalp meg med alt.
D: {{name:Sara}} sa at jeg hadde for mange mareritt, og at jeg burde snakke med noen.
I: Hvordan var det i gruppa, med språket?
D: Vanskelig i starten. Men {{name:Gunnar}}, han som ledet, han snakket sakte. Og {{name:Amina}}, hun var også fra et annet land, fra {{place:Somalia}}.
D: {{name:Amina}} og jeg hjalp hverandre. Vi oversatte ord.
I: Hva jobber du med nå?
D: Jeg jobber på {{organisation:Kiwi}} på {{place:Ganddal}}. Og jeg tar norskkurs på {{organisation:Sandnes læringssenter}}.
D: Sjefen min, {{name:Thomas Larsen}}, han er veldig snill.
I: Du sa at du bor sammen med broren din?
D: Nå bor jeg alene. {{name:Khaled}} flyttet til {{place:Oslo}}, han jobber i {{organisation:Ruter}} som bussjåfør.
D: Han er {{age:31}}. Jeg er {{age:27}}.
I: Hvordan har dagene dine vært etter gruppa?
D: Bedre. Jeg sover bedre. Jeg har lært å puste når det kommer, angsten.
D: Vi hadde en øvelse i gruppa om Drømmen. Min drøm er å bli sykepleier. Jeg har søkt på {{organisation:Universitetet i Stavanger}}.
I: Hva tenker du om den drømmen nå?
D: At den er mulig. Før trodde jeg ikke det.
D: Moren min ringer fra {{place:Tyrkia}} hver søndag. Hun er {{age:63}} og syk. Jeg sender penger når jeg kan.
I: Er det noe annet du vil fortelle om?
D: Adressen min har endret seg, hvis du skal sende noe. Den er {{address:Langgata 41B, 4306 Sandnes}}.
D: Og telefonen er {{phone:+4741234567}}.
I: Takk. Det skal vi ikke ha med i teksten, men jeg noterer det separat.
`,
  },
];
