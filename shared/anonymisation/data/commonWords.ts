/**
 * Everyday Norwegian words (bokmål and the spoken forms transcripts keep), written for Groundwork.
 * A capitalised word at the start of a sentence is only proposed as a name when it is not one of
 * these; and a word from the name lists written in lower case is only proposed when it is not one.
 */
export const commonWords = `
jeg du han hun hen vi dere de den det denne dette disse seg meg deg oss dem ham henne hennes hans deres vår vårt våre min mitt mine din ditt dine sin sitt sine sjøl selv
og eller men for så som at om når da hvis fordi mens før etter siden til fra med på i av ved over under mot uten mellom hos gjennom rundt langs bak foran innen blant
ikke bare også jo nok vel altså liksom egentlig kanskje sikkert nesten helt veldig ganske litt mye mer mest mindre minst lite alltid aldri ofte sjelden iblant noen gang gang ganger
ja nei jo neida joda jaja nja hm hmm eh ehm æh øh mhm ok okei åja å oi uff huff hei ha nå da der her hit dit hjem hjemme ute inne oppe nede borte fram frem tilbake igjen
hva hvem hvor hvorfor hvordan hvilken hvilket hvilke hvis
alle alt ingen ingenting noe noen noen ting hver hvert begge andre annen annet samme slik sånn sånt sånne slike egen eget egne hele
en et ei én to tre fire fem seks sju syv åtte ni ti elleve tolv tretten fjorten femten seksten sytten atten nitten tjue tretti førti femti seksti sytti åtti nitti hundre tusen
første andre tredje fjerde femte siste neste forrige
er var har hadde vært blir ble blitt skal skulle vil ville kan kunne må måtte bør burde får fikk fått gjør gjorde gjort går gikk gått kommer kom kommet sier sa sagt tar tok tatt ser så sett
vet visste tror trodde tenker tenkte synes syntes føler følte husker husket mener mente liker likte trenger trengte prøver prøvde begynner begynte slutter sluttet jobber jobbet bor bodde
snakker snakket forteller fortalte spør spurte svarer svarte hjelper hjalp står sto sitter satt ligger lå blir bli være ha gjøre gå komme si ta se vite tro tenke føle huske prøve
dag dager uke uker måned måneder år året årene tid tiden time timer morgen kveld natt helg helga helgen mandag tirsdag onsdag torsdag fredag lørdag søndag
januar februar mars april mai juni juli august september oktober november desember jul julen påske påsken sommer sommeren vinter vinteren høst høsten vår våren
mamma pappa mor far mora faren moren broren bror søster søstera søsteren datter dattera datteren sønn sønnen barn barna ungene ungen mann mannen kona kone samboer samboeren kjæreste kjæresten
venn venner venninne venninna vennen vennene familie familien familiene slekt besteforeldre bestemor bestefar mormor morfar farmor farfar tante onkel fetter kusine naboen naboene
lege legen fastlegen fastlege psykolog psykologen psykiater psykiateren sykepleier sykepleieren terapeut terapeuten behandler behandleren miljøterapeut kontaktperson kontaktpersonen
gruppa gruppe gruppen gruppene gruppeleder gruppelederen gruppelederne lederne lederen leder erfaringsmedarbeider erfaringsmedarbeideren fagansatt kursholder kurset kurs
jobb jobben jobbe arbeid arbeidet skole skolen studier studiet hjem hjemmet huset leiligheten byen bygda landet kommunen sykehuset sykehjemmet kontoret butikken
livet liv hverdagen hverdag dagen kvelden natta morgenen helsa helse angst angsten depresjon depresjonen smerte smertene søvn søvnen medisin medisiner medisinene diagnose diagnosen
ting tingene sted stedet folk mennesker menneske personer person alle sammen samtale samtalen samtaler møte møtet møter prat praten
fint fin fine godt god gode bra dårlig dårlige vondt vond vanskelig vanskelige lett lettere tungt tung stor store større liten lite små lang lange kort korte ny nytt nye gammel gamle eldre yngre
glad trist sint redd lei sliten slitne flau stolt trygg utrygg ensom alene sammen
skikkelig kjempe kjempebra dritt dritten faktisk selvfølgelig heldigvis dessverre plutselig endelig etterpå samtidig likevel allikevel uansett derfor dermed sånn
takk unnskyld beklager vær være velkommen
verdier verdiene tilhørighet drømmen drøm håp optimisme selvbestemmelse arbeidshefte arbeidsheftet refleksjonskort refleksjonskortene
intervjuer intervjueren deltaker deltakeren informant informanten
dr doktor fru frøken herr prof professor
`;

/**
 * Proper nouns that do not identify anyone, so a capital letter alone does not make them a name:
 * the country itself, God, the programme and its themes, platforms everyone uses, diagnoses.
 */
export const harmlessProperNouns = `
norge noreg norsk gud jesus herren allah bibelen koranen restart start facebook instagram snapchat tiktok messenger whatsapp teams zoom netflix youtube google spotify iphone ipad android pc mac tv
dps bup corona korona covid covid-19 adhd add ptsd ocd kols ms me cfs kbt dbt emdr act fact ips rop sms cv dvd ok fn eu aa na kid bmi iq mr ct ekg hjerterytme
verdier tilhørighet leve drømmen håp optimisme selvbestemmelse
`;
