/**
 * Organisations and workplaces, written for Groundwork from general knowledge. Three lists:
 * words that end an organisation's name ("Haugesund kommune", "Fjellheim skole"), words that start
 * one ("NAV Grünerløkka", "DPS Nordfjord", "Universitetet i Bergen"), and known employers and
 * services named on their own ("Rema 1000", "Equinor", "Blå Kors").
 */

/** After one or more capitalised words (or a known place): the name of an organisation. */
export const organisationSuffixes = `
kommune kommunes fylkeskommune sykehus sykehuset sykehjem sykehjemmet skole skolen skule barneskole ungdomsskole videregående vgs barnehage barnehagen universitet universitetssykehus høgskole høyskole
legesenter legesenteret legekontor legekontoret helsesenter helsestasjon helsehus helsehuset dps klinikk klinikken senter senteret bo- omsorgssenter bofellesskap rehabiliteringssenter behandlingssenter
kirke kirken menighet bibliotek fengsel hotell hotellet bakeri bakeriet sparebank bank as asa sa ans da il fk bk idrettslag fotballklubb kor korps avis
`;

/** Before one or more capitalised words: the name of an organisation. */
export const organisationPrefixes = `
NAV Nav DPS Helse Sykehuset Sykehjemmet Universitetet Høgskolen Høyskolen Kirkens Fontenehuset Fontenehus Frelsesarmeen Sparebanken Diakonhjemmet Kiwi Rema Coop Meny Spar Joker Bunnpris Extra Obs Elkjøp
`;

/** Employers and services named on their own. Written in lower case; matched without regard to case. */
export const knownOrganisations = `
nav
rema 1000
rema
kiwi
coop
coop extra
coop prix
coop mega
coop obs
extra
meny
spar
joker
bunnpris
europris
elkjøp
power
ikea
jysk
clas ohlson
biltema
jula
maxbo
byggmakker
montér
plantasjen
fretex
narvesen
7-eleven
circle k
uno-x
esso
shell
xxl
intersport
vinmonopolet
apotek 1
vitusapotek
boots
posten
bring
telenor
telia
equinor
statoil
hydro
norsk hydro
aker
aker solutions
kongsberg gruppen
dnb
nordea
sparebank 1
gjensidige
storebrand
vy
nsb
ruter
skyss
atb
kolumbus
sas
norwegian
widerøe
avinor
statens vegvesen
skatteetaten
lånekassen
hurtigruten
nrk
tine
nortura
orkla
gilde
norgesgruppen
securitas
iss
adecco
manpower
randstad
mcdonald's
burger king
peppes
starbucks
h&m
cubus
dressmann
lindex
kappahl
ullevål
rikshospitalet
radiumhospitalet
haukeland
st. olavs
st. olavs hospital
ahus
akershus universitetssykehus
lovisenberg
diakonhjemmet
gaustad
dikemark
modum bad
sanderud
blakstad
sandviken sykehus
østmarka
unn
sørlandet sykehus
sykehuset innlandet
sykehuset østfold
sykehuset telemark
sykehuset i vestfold
vestre viken
helse bergen
helse stavanger
helse fonna
helse førde
helse møre og romsdal
helse nord-trøndelag
nordlandssykehuset
finnmarkssykehuset
blå kors
kirkens bymisjon
bymisjonen
frelsesarmeen
røde kors
mental helse
rådet for psykisk helse
fontenehuset
kirkens sos
wayback
a-larm
ntnu
uio
uib
uit
oslomet
nord universitet
universitetet i bergen
universitetet i oslo
universitetet i agder
universitetet i stavanger
universitetet i sørøst-norge
høgskulen på vestlandet
`;
