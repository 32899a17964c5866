/**
 * Fictional interview transcripts with every identifying detail marked (see README.md), written
 * before the detector was run on them and never used to change it: the test reports their figures
 * apart from the tuning corpus.
 */
export const heldOutTranscripts: { title: string; text: string }[] = [
  {
    title: 'Angsten og hagen',
    text: `
I: Først, kan du si litt om hvem du er?
D: Jeg heter jo {{name:Tordis}}, men det skal du vel ikke skrive. Jeg er {{age:52}} og bor på en småbruk utenfor {{place:Kongsvinger}}.
D: Mannen min, {{name:Håkon}}, driver gården, og jeg har vært hjemme i mange år på grunn av angsten.
I: Hvordan begynte det?
D: Det begynte etter at jeg mista jobben på {{organisation:Kongsvinger sykehus}}. Jeg var kontorfullmektig der fra 1998.
D: Det var en omstilling, og plutselig var det bare ut. Sjefen der, {{name:Wenche Aasen}}, sa det på et møte, foran alle.
I: Det høres tøft ut.
D: Ja. Etter det klarte jeg ikke å gå i butikken engang. {{name:Håkon}} måtte handle alt på {{organisation:Coop Extra}} i {{place:Kongsvinger}}.
I: Hvordan kom du til gruppa?
D: Distriktspsykiatrisk, altså DPS-en, de ringte meg. Det var {{name:Aslaug}} der som mente jeg passa.
D: {{name:Aslaug}} har jeg hatt samtaler med i to år. Hun er den eneste jeg har klart å snakke med.
I: Og gruppa, hvor var den?
D: I kjelleren på {{organisation:Frivilligsentralen}} i {{place:Skarnes}}. Det var ikke så koselig, men det gikk greit.
D: Vi var fem. Jeg husker særlig {{name:Gudrun}}, hun var {{age:70}} og hadde mista mannen sin, og {{name:Per-Erik}}, som var veldig stille.
D: {{name:Per-Erik}} sa nesten ingenting de første gangene. Men i femte samling fortalte han om sønnen sin som tok livet sitt.
I: Hvordan var det å være der da?
D: Det var helt stille. Så sa {{name:Even}}, han var gruppeleder, at vi kunne ta en pause. {{name:Even}} var god på sånt.
I: Hva har gruppa betydd for deg?
D: At jeg klarer å gå i butikken nå. Det høres lite ut, men det er stort for meg.
D: Og hagen. I Drømmen-samlinga sa jeg at jeg ville ha en stor kjøkkenhage, og nå har jeg det.
D: Vi selger grønnsaker på markedet i {{place:Flisa}} om sommeren. Første gang var {{date:12. juli}}, og jeg sto der hele dagen.
I: Så du har kommet langt.
D: Ja. Jeg har fortsatt dårlige dager, men jeg vet hva jeg skal gjøre.
D: Jeg ringer {{name:Aslaug}} på {{phone:62 88 45 00}} hvis det blir ille.
I: Hvordan er det med familien?
D: Dattera vår, {{name:Siri}}, studerer i {{place:Trondheim}}, på {{organisation:NTNU}}. Hun er {{age:22}}.
D: Og sønnen vår, {{name:Ola}}, jobber i {{place:Norrköping}} i {{place:Sverige}}. Han var den som sa at jeg burde prøve gruppa.
D: {{name:ola}} ringte meg hver søndag mens gruppa gikk og spurte hvordan det var.
I: Hvordan var det å avslutte gruppa?
D: Trist. Vi hadde en avslutning {{date:20. november 2023}}, med kake. {{name:Gudrun}} hadde bakt.
D: Jeg har adressen til {{name:Gudrun}}, hun bor i {{address:Vinger gate 3}}, så jeg sender henne julekort.
I: Er det noe mer?
D: Nei. Eller, jeg vil bare si at den som leste brevet fra {{organisation:NAV Kongsvinger}} for meg, det var {{name:Håkon}}. Jeg klarte ikke åpne det selv.
I: Takk.
`,
  },
  {
    title: 'Rus, arbeid og en ny start',
    text: `
I: Du har sagt ja til å snakke om tida før og etter gruppa. Hvor vil du begynne?
D: Kanskje med at jeg var rusa i femten år. Fra jeg var {{age:16}}-sytten. Jeg vokste opp på {{place:Stovner}}.
D: Faren min, {{name:Rune}}, var ikke der. Mora mi, {{name:Bente}}, gjorde så godt hun kunne.
I: Når snudde det?
D: Det var da jeg havna på {{organisation:Blå Kors}} i {{place:Eina}}, på behandling. {{date:4. januar 2019}}. Den datoen er liksom min andre bursdag.
D: Der møtte jeg {{name:Vegard}}, han var miljøterapeut, og han ga meg ikke opp.
I: Og reSTART?
D: Det kom seinere, da jeg bodde i {{place:Gjøvik}}. {{organisation:Gjøvik kommune}} hadde gruppa på {{organisation:Kulturhuset}}.
D: Lederne var {{name:Merete}} og {{name:Jo}}. {{name:Jo}} var sånn erfaringskonsulent, han hadde også rusa.
D: {{name:Jo}} sa at han hadde vært på samme plass som meg, på {{organisation:Blå Kors}}, ti år før.
I: Hvordan var det å være i gruppe med andre?
D: Rart først. Jeg er vant til å klare meg sjøl. Men det var en dame der, {{name:Hege}}, som var helt rå.
D: {{name:Hege}} hadde tre unger og hadde mista omsorgen for alle, og fått den tilbake. Hun er {{age:41}} nå.
I: Hva lærte du av henne?
D: At det går an. At det ikke er for seint.
D: Og {{name:Bo}}, han eldste, han var {{age:67}}. {{name:Bo}} sa alltid "ett skritt om gangen", og vi himla med øya, men han hadde rett.
I: Hvordan er livet ditt nå?
D: Jeg jobber på {{organisation:Mester Grønn}} i {{place:Lillehammer}}. Jeg begynte som praktikant via {{organisation:NAV}}.
D: Nå er jeg fast ansatt. Sjefen min, {{name:Ingunn Bakke}}, sier at jeg er den som kan mest om planter.
I: Det er fint å høre.
D: Ja. Og jeg har leilighet. Jeg bor i {{address:Kirkegata 17}}, andre etasje. Første gang jeg har hatt egen leilighet med navnet mitt på døra.
I: Har du kontakt med familien?
D: Med mora mi. {{name:Bente}} kommer på besøk hver andre helg. Hun er {{age:64}} og har fått dårlig rygg, så jeg hjelper henne med ting.
D: Faren min vet jeg ikke hvor er. Sist jeg hørte var han i {{place:Spania}}.
I: Hvis du tenker tilbake på temaene i gruppa, hva sitter igjen?
D: Selvbestemmelse. At jeg bestemmer. Ikke rusen, ikke {{organisation:NAV}}, ikke noen.
D: Og Tilhørighet. Jeg har aldri hørt til noe sted. Nå hører jeg til på jobben, og i gruppa på {{organisation:Anonyme Narkomane}} på tirsdager.
I: Er det noe du vil at jeg skal vite som vi ikke har snakket om?
D: Bare at jeg har skrevet et dikt om det. Du kan få det på mail hvis du vil. {{email:m.haugstad91@gmail.com}}.
D: Eller ring meg, {{phone:412 33 908}}. Men ikke skriv det, da.
I: Nei, det blir ikke med. Takk skal du ha.
`,
  },
  {
    title: 'Mor og student',
    text: `
I: Hvordan vil du beskrive hverdagen din?
D: Kaotisk, haha. Jeg er alenemor til {{name:Noah}}, som er {{age:5}}, og jeg studerer sosiologi på {{organisation:Universitetet i Bergen}}.
D: Vi bor på {{place:Danmarksplass}}, i en liten leilighet. {{name:Noah}} går i {{organisation:Solstråle barnehage}}.
I: Og hvordan gikk du inn i gruppa?
D: Jeg hadde en fødselsdepresjon som aldri gikk over. Helsesykepleieren på {{organisation:Årstad helsestasjon}} så det.
D: Hun het {{name:Kirsti}}, hun var fantastisk. {{name:Kirsti}} ringte {{organisation:Bjørgvin DPS}}, og de satte meg på liste.
I: Hvordan var de første samlingene?
D: Jeg var den yngste. De andre var eldre, og jeg tenkte først at jeg ikke passa inn.
D: Men {{name:Bodil}}, som var {{age:60}}-et-eller-annet, hun sa at hun hadde hatt det akkurat sånn som meg da hun fikk sitt første barn i 1985.
D: {{name:Bodil}} og jeg ble venner. Vi drikker kaffe på {{organisation:Godt Brød}} i {{place:Nesttun}} noen ganger.
I: Hvem var det som ledet?
D: {{name:Lars Kristian}} og {{name:Mona}}. {{name:Mona}} hadde selv vært deprimert etter en fødsel, og det sa hun første gang.
D: {{name:Lars Kristian}} var mer sånn faglig, han var psykolog.
I: Hva med familien din?
D: Foreldrene mine bor i {{place:Førde}}. Pappa, {{name:Jostein}}, kjører ned hver tredje helg og passer {{name:Noah}}.
D: Pappa er {{age:58}}, men han er sprek. Han går på ski til {{place:Jølster}} og sånn.
I: Og faren til {{name:Noah}}?
D: Han bor i {{place:Haugesund}}. Vi har ikke så mye kontakt. Han har {{name:Noah}} annenhver helg, av og til.
I: Hva tok du med deg fra gruppa?
D: Håp. Jeg trodde ikke at det skulle bli bedre. Og det at det går an å be om hjelp.
D: Jeg fikk også hjelp til å søke om utsatt eksamen, {{name:Mona}} skrev et brev til {{organisation:SV-fakultetet}}.
I: Hvordan går studiene nå?
D: Bra, faktisk. Jeg skal levere bacheloroppgava {{date:1. juni}}.
D: Og så har jeg fått sommerjobb på {{organisation:Haukeland}}, på kjøkkenet. Jeg begynner {{date:24.06.2025}}.
I: Gratulerer.
D: Takk. Hvis du trenger å nå meg, er det {{phone:92 41 18 06}}. Eller {{email:linea.solvik@student.uib.no}}.
I: Takk. Det holder jeg for meg selv.
`,
  },
];

/**
 * Written after the first two changes named in README.md; its first run led to the third (see
 * there), so its figures are no longer those of unseen text.
 */
export const heldOutLaterTranscripts: { title: string; text: string }[] = [
  {
    title: 'Fra sykmelding til kafé',
    text: `
I: Du var med i en av de første gruppene, sa du?
D: Ja, våren 2021. Vi var bare fire da, på grunn av korona. Vi satt i kantina på {{organisation:Brumunddal helsesenter}} med god avstand.
D: {{name:Ragnar}} og {{name:Elisabeth Holm}} ledet. {{name:Ragnar}} hadde jobbet på {{organisation:Sanderud}} i mange år før han gikk over til kommunen.
I: Hvordan var det å være så få?
D: Tett. Vi ble kjent fort. Det var meg, {{name:Gunn Tove}}, {{name:Snorre}} og en dame fra {{place:Moelv}} som het {{name:Marta}}.
D: {{name:marta}} var den som lo mest. Hun hadde en måte å si ting på som gjorde det lettere.
I: Hva gjorde du før du ble syk?
D: Jeg var butikksjef på {{organisation:Europris}} i {{place:Hamar}} i elleve år. Så kom utbrentheten, og jeg ble sykmeldt {{date:15. august 2019}}.
D: Jeg husker datoen fordi det var dagen etter at sønnen min, {{name:Eskil}}, begynte på skolen. Han var {{age:6}}.
I: Hvordan har veien tilbake vært?
D: Lang. Jeg var på {{organisation:Modum Bad}} i seks uker i 2020. Det var der jeg skjønte at jeg måtte slutte å late som.
D: Terapeuten der, {{name:Ingvild}}, sa at jeg snakket om meg selv som om jeg var en maskin.
I: Og nå?
D: Nå driver jeg en liten kafé sammen med svogeren min, {{name:Øistein}}, i {{address:Torggata 3}} på {{place:Brumunddal}}.
D: {{name:Øistein}} tar det meste av regnskapet. Jeg baker.
D: Vi har ansatt en ungdom gjennom {{organisation:NAV Ringsaker}}, {{name:Sebastian}}, han er {{age:19}} og helt fantastisk med kundene.
I: Hva sitter igjen fra gruppa?
D: Leve med. At det ikke går over, men at jeg kan leve godt likevel.
D: Og så det {{name:Elisabeth}} sa på siste samling, {{date:2. juni}}, at vi skulle være like snille med oss selv som vi er med andre.
I: Har du kontakt med noen av de andre?
D: Med {{name:Snorre}}. Han kommer innom kafeen hver fredag. Han har flyttet til {{place:Gjøvik}} nå, men kommer likevel.
D: Hvis du vil snakke med meg igjen, ring {{phone:464 23 117}} eller send en e-post til {{email:kafe.torggata@online.no}}.
I: Takk, det noterer jeg utenom opptaket.
`,
  },
];

/** Written after every change named in README.md and reported as it came out. */
export const heldOutFinalTranscripts: { title: string; text: string }[] = [
  {
    title: 'Bygda og gruppa',
    text: `
I: Kan du fortelle litt om hvor du bor?
D: Jeg bor på et lite sted utenfor {{place:Tynset}}, i {{place:Tolga}} kommune, i huset etter besteforeldrene mine.
D: Det er stille. Nærmeste nabo er {{name:Arvid}}, han er {{age:81}} og kommer innom med fisk av og til.
I: Hvordan fikk du vite om gruppa?
D: Det var psykiatrisk sykepleier i kommunen, {{name:Bodil Haugan}}, som kom på hjemmebesøk. {{name:Bodil}} hadde med seg en brosjyre.
D: Gruppa gikk på {{place:Tynset}}, i et rom på {{organisation:Tynset bibliotek}}, så jeg kjørte tjue minutter hver vei.
I: Hvem var med?
D: Vi var sju. Det var {{name:Hallvard}} fra {{place:Alvdal}}, {{name:Ingeborg}}, og to søstre, {{name:Kjersti}} og {{name:Randi Bakken}}.
D: {{name:ingeborg}} hadde vært sykepleier på {{organisation:Sykehuset Innlandet}} i {{place:Tynset}} og visste alt om systemet.
D: {{name:Hallvard}} snakket nesten ikke i starten. Men på slutten var det han som sa mest.
I: Hva tror du gjorde det?
D: At ingen pressa. {{name:Torunn}}, hun som ledet sammen med {{name:Kåre}}, sa at vi kunne sitte og høre på så lenge vi ville.
D: {{name:Kåre}} hadde selv vært deprimert etter at han mista gården. Han fortalte om det første dagen.
I: Hva jobber du med nå?
D: Jeg kjører skolebuss for {{organisation:Tynset Bilruter}}. Og så har jeg noen sauer.
D: Sjefen, {{name:Per Arne Moen}}, lot meg starte med halv stilling. {{name:Per Arne}} er fra {{place:Os}}, han vet hvordan det er med folk her.
I: Hvordan har det vært etter gruppa?
D: Bedre. Jeg var innlagt på {{organisation:DPS Tynset}} i en uke i februar, {{date:3. februar}}, men det var kortere enn før.
D: Dattera mi, {{name:Synnøve}}, bor i {{place:Oslo}}, på {{place:Tøyen}}. Hun ringer hver kveld. Hun er {{age:27}} og jobber på {{organisation:Rikshospitalet}}.
I: Har du noe du vil legge til?
D: Bare at folk i bygda snakker. Derfor er jeg glad for at du ikke skriver navnet mitt.
D: Hvis du må nå meg, har jeg fasttelefon, {{phone:62 48 11 90}}. Mobildekninga er dårlig her oppe.
`,
  },
  {
    title: 'Student og mor i gruppe',
    text: `
I: Hvordan begynte det for deg?
D: Jeg fikk panikkanfall på eksamen på {{organisation:OsloMet}} i andre semester. Etter det gikk det nedover.
D: Samboeren min, {{name:Jonatan}}, var den som fikk meg til legen. Legen min heter {{name:Hanne Strøm}}, på {{organisation:Grünerløkka legesenter}}.
I: Og så kom du til gruppa?
D: Ja, via {{organisation:Gamle Oslo DPS}}. Gruppa var på {{place:Tøyen}}, i et lokale som {{organisation:Kirkens Bymisjon}} låner ut.
D: Vi var åtte, og jeg var yngst. {{name:Magnhild}} var eldst, hun var {{age:67}}.
D: {{name:magnhild}} sa en gang at hun hadde ventet førti år på å få snakke om det hun snakket om i gruppa. Det glemmer jeg ikke.
I: Hvem ledet gruppa?
D: {{name:Helene}} og {{name:Mohammed}}. {{name:Mohammed}} var erfaringskonsulent, han hadde kommet fra {{place:Irak}} som {{age:14}}-åring.
D: Han var veldig god på å få oss til å le. Og {{name:Helene}} var rolig og tydelig.
I: Hva var viktigst for deg i gruppa?
D: Tilhørighet, tror jeg. Jeg har aldri følt at jeg passa inn noe sted, ikke i {{place:Kristiansand}} der jeg vokste opp, og ikke i {{place:Oslo}}.
D: Men der i gruppa var det ingen som trengte å forklare seg.
I: Hvordan er hverdagen nå?
D: Jeg studerer på deltid og jobber litt på {{organisation:Deichman Tøyen}}, biblioteket. Sjefen min der heter {{name:Vilde}}.
D: Og vi har fått en datter, {{name:Frøya}}. Hun ble født {{date:19. oktober 2024}}.
I: Gratulerer!
D: Takk. Hun er grunnen til at jeg står opp om morgenen nå, bokstavelig talt.
D: Om du trenger å spørre om noe mer, er det enklest på {{email:jonatan.og.meg@gmail.com}}, eller {{phone:+47 951 22 807}}.
I: Takk for at du ville være med.
`,
  },
];
