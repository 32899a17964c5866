/**
 * Common Norwegian words and names that people build passwords from. zxcvbn ships English
 * dictionaries only, so without this list "Passord123!" or "sommer2026" would count as random
 * letters. Lower case, bokmål and nynorsk forms, ordered roughly by how often they turn up in
 * leaked Norwegian passwords and in everyday speech.
 */
const words = [
  'passord', 'hemmelig', 'hemmeleg', 'sommer', 'sommar', 'vinter', 'høst', 'haust', 'vår', 'var', 'jul', 'julaften', 'påske',
  'vinterferie', 'sommerferie', 'høstferie', 'ferie', 'norge', 'noreg', 'norsk', 'oslo', 'bergen', 'trondheim', 'stavanger',
  'tromsø', 'kristiansand', 'drammen', 'fredrikstad', 'bodø', 'ålesund', 'molde', 'hamar', 'lillehammer', 'kongsberg',
  'elsker', 'kjærlighet', 'kjærleik', 'kjæreste', 'glad', 'hjerte', 'hjarte', 'venn', 'venner', 'familie', 'mamma', 'pappa',
  'mor', 'far', 'bror', 'søster', 'datter', 'sønn', 'barn', 'baby', 'jente', 'gutt', 'kone', 'mann', 'bestemor', 'bestefar',
  'hund', 'katt', 'katten', 'hunden', 'hest', 'fotball', 'håndball', 'ski', 'skiløper', 'fjell', 'fjord', 'hytte', 'hjem',
  'heime', 'hjemme', 'huset', 'bil', 'båt', 'sol', 'solen', 'sola', 'måne', 'stjerne', 'himmel', 'regn', 'snø', 'sno',
  'blomst', 'rose', 'skog', 'sjø', 'hav', 'havet', 'elv', 'vann', 'fisk', 'laks', 'troll', 'nisse', 'viking', 'kongen',
  'dronning', 'prinsesse', 'engel', 'djevel', 'gud', 'jesus', 'frihet', 'fridom', 'lykke', 'lykkelig', 'håp', 'drøm',
  'drømmen', 'tilhørighet', 'verdier', 'selvbestemmelse', 'optimisme', 'recovery', 'restart', 'gruppe', 'gruppa',
  'studie', 'studien', 'forskning', 'intervju', 'deltaker', 'informant', 'samtykke', 'masteroppgave', 'master', 'doktorgrad',
  'universitet', 'høgskole', 'høyskole', 'skole', 'jobb', 'arbeid', 'kommune', 'helse', 'psykisk', 'hverdag', 'hverdagen',
  'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag', 'januar', 'februar', 'mars', 'april', 'mai', 'juni',
  'juli', 'august', 'september', 'oktober', 'november', 'desember', 'hallo', 'heisann', 'hei', 'takk', 'velkommen',
  'sjokolade', 'kaffe', 'pizza', 'taco', 'brunost', 'vaffel', 'rosa', 'rød', 'blå', 'grønn', 'gul', 'svart', 'hvit',
  'brann', 'rosenborg', 'vålerenga', 'molde', 'lyn', 'viking', 'tromsø', 'lillestrøm', 'odd', 'start', 'bodøglimt',
  'ola', 'kari', 'nordmann', 'per', 'pål', 'espen', 'askeladden', 'anne', 'inger', 'kari', 'marit', 'ingrid', 'liv',
  'eva', 'ida', 'nora', 'emma', 'sara', 'sofie', 'thea', 'maja', 'jan', 'bjørn', 'ole', 'lars', 'kjell', 'knut', 'arne',
  'svein', 'thomas', 'hans', 'geir', 'tor', 'morten', 'terje', 'odd', 'erik', 'martin', 'andreas', 'jonas', 'magnus',
  'emil', 'henrik', 'kristian', 'hansen', 'johansen', 'olsen', 'larsen', 'andersen', 'pedersen', 'nilsen', 'kristiansen',
  'jensen', 'karlsen', 'johnsen', 'pettersen', 'eriksen', 'berg', 'haugen', 'hagen', 'johannessen', 'andreassen',
  'jacobsen', 'dahl', 'jørgensen', 'halvorsen', 'henriksen', 'lund', 'sørensen', 'jakobsen', 'moen', 'gundersen',
  'iversen', 'strand', 'solberg', 'svendsen', 'eide', 'knutsen', 'martinsen', 'paulsen', 'bakken', 'kristoffersen',
  'mathisen', 'lie', 'amundsen', 'nguyen', 'rasmussen', 'ali', 'lunde', 'solheim', 'berge', 'moe', 'nygård', 'bakke',
  'kristensen', 'fredriksen', 'holm', 'lien', 'hauge', 'christensen', 'andresen', 'nielsen', 'knudsen', 'evensen',
  'sæther', 'aas', 'myhre', 'hanssen', 'ahmed', 'haugland', 'thomassen', 'sivertsen', 'simonsen', 'danielsen', 'berntsen',
  'sandvik', 'rønning', 'arnesen', 'antonsen', 'næss', 'vik', 'haug', 'ellingsen', 'thorsen', 'edvardsen', 'birkeland',
  'isaksen', 'gulbrandsen', 'ruud', 'aasen', 'strøm', 'myklebust', 'tangen', 'ødegård', 'eliassen', 'helland', 'bøe',
  'jenssen', 'aune', 'mikkelsen', 'tveit', 'brekke', 'abrahamsen', 'madsen',
];

export const norwegianPasswordWords: readonly string[] = [...new Set(words)];
