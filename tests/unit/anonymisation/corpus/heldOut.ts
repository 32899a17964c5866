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
