import type { DocumentKind, DocumentLanguage, RichNode } from './contract.js';

/**
 * The information letter and consent form Groundwork starts every study with, in bokmål and
 * English. Fields in `{{…}}` are filled from the study page when the document is exported (an empty
 * field becomes a line to write on).
 */

/** The mark that starts a consent option on the form; the exports draw it as an empty box. */
export const checkbox = '☐';

const text = (value: string): RichNode => ({ type: 'text', text: value });
const heading = (level: number, value: string): RichNode => ({ type: 'heading', attrs: { level }, content: [text(value)] });
const paragraph = (value: string): RichNode => ({ type: 'paragraph', content: [text(value)] });
const strong = (value: string): RichNode => ({ type: 'paragraph', content: [{ type: 'text', text: value, marks: [{ type: 'bold' }] }] });
const bullets = (items: string[]): RichNode => ({
  type: 'bulletList',
  content: items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })),
});
const doc = (content: RichNode[]): RichNode => ({ type: 'doc', content });

const letterNb = doc([
  heading(1, 'Vil du delta i forskningsprosjektet «{{studyTitle}}»?'),
  paragraph(
    'Dette er en forespørsel om å delta i et forskningsprosjekt. Her kan du lese hva prosjektet handler om, ' +
      'hva det betyr for deg å være med, og hvordan opplysningene om deg blir tatt vare på.',
  ),
  heading(2, 'Hva er formålet med prosjektet?'),
  paragraph(
    'Prosjektet skal gi mer kunnskap om hvordan mennesker selv opplever veien videre etter å ha fått hjelp med psykisk helse, ' +
      'og hva som har betydning for dem i hverdagen. [Beskriv formålet med dine egne ord.] ' +
      'Prosjektet er en masteroppgave, og resultatene blir publisert i oppgaven og kanskje i en fagartikkel.',
  ),
  heading(2, 'Hvem er ansvarlig for prosjektet?'),
  paragraph(
    '{{institution}} er ansvarlig for prosjektet. Intervjuene og analysen gjøres av {{researcher}}, masterstudent, ' +
      'med veiledning fra {{supervisors}}.',
  ),
  heading(2, 'Hva betyr det for deg å delta?'),
  paragraph(
    'Hvis du sier ja, blir du intervjuet én gang. Intervjuet tar omtrent en time, på et sted og en tid som passer for deg. ' +
      'Du forteller om egne erfaringer, og du bestemmer selv hva du vil fortelle og ikke.',
  ),
  paragraph(
    'Intervjuet blir tatt opp med lydopptaker, slik at det kan skrives ut ordrett etterpå. ' +
      'Vil du heller ikke bli tatt opp, tar forskeren notater i stedet. Du krysser av for hva du ønsker på samtykkeskjemaet.',
  ),
  heading(2, 'Det er frivillig å være med'),
  paragraph(
    'Det er frivillig å delta. Du kan når som helst trekke samtykket ditt tilbake, uten å si hvorfor. ' +
      'Opplysningene om deg blir da slettet, bortsett fra det som allerede er anonymisert og brukt i analysen. ' +
      'Det får ingen følger for deg eller for hjelpen du får om du sier nei eller trekker deg senere.',
  ),
  heading(2, 'Slik tar vi vare på opplysningene dine'),
  paragraph('Opplysningene om deg brukes bare til det som står i dette skrivet, og behandles konfidensielt.'),
  bullets([
    'Det er bare forskeren og veilederne som ser opplysningene.',
    'Navnet ditt og fødselsnummeret ditt lagres aldri sammen med intervjuet. Du får et annet navn i prosjektet, og kontaktopplysningene dine holdes atskilt fra intervjuet.',
    'Lydopptaket oppbevares innelåst og slettes så snart intervjuet er skrevet ut.',
    'Når intervjuet skrives ut, fjernes eller endres navn, steder og andre detaljer som kan vise hvem du er.',
    'Ingen skal kunne kjenne deg igjen i oppgaven eller i en artikkel. Sitater fra deg brukes bare hvis du har sagt ja til det.',
  ]),
  heading(2, 'Når prosjektet er ferdig'),
  paragraph(
    'Prosjektet skal etter planen være ferdig {{plannedEndDate}}. Da slettes alt som kan knyttes til deg, ' +
      'og det som blir igjen, er anonymt.',
  ),
  heading(2, 'Dine rettigheter'),
  paragraph('Så lenge opplysningene kan knyttes til deg, har du rett til å'),
  bullets([
    'få vite hvilke opplysninger som er lagret om deg, og få en kopi av dem (innsyn)',
    'få rettet opplysninger som er feil',
    'høre lydopptaket av intervjuet ditt og si hvilke deler som kan brukes',
    'få slettet opplysningene om deg',
    'klage til Datatilsynet hvis du mener opplysningene dine behandles feil',
  ]),
  heading(2, 'Hva gir oss rett til å bruke opplysningene?'),
  paragraph(
    'Vi bruker opplysningene om deg fordi du samtykker til det. Personvernvurderingen er gjort av Sikt ' +
      '(referanse {{siktReference}}).',
  ),
  heading(2, 'Spørsmål og kontakt'),
  paragraph('Har du spørsmål, eller vil du bruke rettighetene dine, kan du kontakte'),
  bullets([
    '{{researcher}}, masterstudent: {{researcherContact}}',
    'veileder: {{supervisors}}',
    'personvernombudet ved {{institution}}: {{dataProtectionOfficer}}',
  ]),
  paragraph('Du kan også klage til Datatilsynet, www.datatilsynet.no, telefon 22 39 69 00.'),
  paragraph('Med vennlig hilsen'),
  paragraph('{{researcher}}'),
]);

const letterEn = doc([
  heading(1, 'Would you like to take part in the research project “{{studyTitle}}”?'),
  paragraph(
    'We are asking you to take part in a research project. This letter tells you what the project is about, ' +
      'what taking part would mean for you, and how the information about you is looked after.',
  ),
  heading(2, 'What is the project for?'),
  paragraph(
    'The project will add to what we know about how people themselves experience the way forward after getting help with their mental health, ' +
      'and what matters to them in everyday life. [Describe the purpose in your own words.] ' +
      'The project is a master’s thesis; its results will be published in the thesis and perhaps in a journal article.',
  ),
  heading(2, 'Who is responsible for the project?'),
  paragraph(
    '{{institution}} is responsible for the project. The interviews and the analysis are done by {{researcher}}, a master’s student, ' +
      'supervised by {{supervisors}}.',
  ),
  heading(2, 'What does taking part mean for you?'),
  paragraph(
    'If you say yes, you will be interviewed once. The interview takes about an hour, at a place and time that suit you. ' +
      'You talk about your own experience, and you decide what you want to tell and what not.',
  ),
  paragraph(
    'The interview is recorded on an audio recorder so that it can be written out word for word afterwards. ' +
      'If you would rather not be recorded, the researcher takes notes instead. You tick what you prefer on the consent form.',
  ),
  heading(2, 'Taking part is voluntary'),
  paragraph(
    'Taking part is voluntary. You can withdraw your consent at any time without giving a reason. ' +
      'The information about you is then deleted, except what has already been anonymised and used in the analysis. ' +
      'Saying no, or withdrawing later, has no consequences for you or for the help you receive.',
  ),
  heading(2, 'How we look after your information'),
  paragraph('The information about you is used only for what this letter describes, and it is kept confidential.'),
  bullets([
    'Only the researcher and the supervisors see the information.',
    'Your name and national identity number are never stored with the interview. You are given another name in the project, and your contact details are kept apart from the interview.',
    'The audio recording is kept locked away and deleted as soon as the interview has been written out.',
    'When the interview is written out, names, places and other details that could show who you are are removed or changed.',
    'Nobody should be able to recognise you in the thesis or in an article. Quotes from you are used only if you have agreed to it.',
  ]),
  heading(2, 'When the project ends'),
  paragraph(
    'The project is planned to end on {{plannedEndDate}}. Everything that can be linked to you is then deleted, ' +
      'and what remains is anonymous.',
  ),
  heading(2, 'Your rights'),
  paragraph('As long as the information can be linked to you, you have the right to'),
  bullets([
    'know what information is stored about you and receive a copy of it (access)',
    'have information that is wrong corrected',
    'listen to the recording of your interview and say which parts may be used',
    'have the information about you deleted',
    'complain to Datatilsynet, the Norwegian Data Protection Authority, if you believe your information is handled wrongly',
  ]),
  heading(2, 'What gives us the right to use the information?'),
  paragraph('We use the information about you because you consent to it. The data-protection assessment was made by Sikt (reference {{siktReference}}).'),
  heading(2, 'Questions and contacts'),
  paragraph('If you have questions, or wish to use your rights, you can contact'),
  bullets([
    '{{researcher}}, master’s student: {{researcherContact}}',
    'supervisor: {{supervisors}}',
    'the data-protection officer at {{institution}}: {{dataProtectionOfficer}}',
  ]),
  paragraph('You can also complain to Datatilsynet, www.datatilsynet.no, telephone +47 22 39 69 00.'),
  paragraph('Kind regards'),
  paragraph('{{researcher}}'),
]);

const formNb = doc([
  heading(1, 'Samtykkeerklæring'),
  paragraph('Forskningsprosjektet «{{studyTitle}}», {{institution}}'),
  paragraph('Jeg har fått informasjon om prosjektet og hatt mulighet til å stille spørsmål. Kryss av for det du sier ja til:'),
  paragraph(`${checkbox} Intervjuet kan tas opp med lydopptaker. (Uten kryss tar forskeren notater i stedet.)`),
  paragraph(`${checkbox} Anonymiserte sitater fra intervjuet kan brukes i oppgaven og i publikasjoner.`),
  strong('Jeg har mottatt informasjon om studien og ønsker å delta.'),
  paragraph('Opplysningene om meg kan brukes til prosjektet er ferdig, {{plannedEndDate}}.'),
  heading(2, 'Deltaker'),
  paragraph('Sted og dato: ______________________________'),
  paragraph('Underskrift: ______________________________'),
  paragraph('Navn med blokkbokstaver: ______________________________'),
  heading(2, 'Forsker'),
  paragraph('Sted og dato: ______________________________'),
  paragraph('Underskrift: ______________________________'),
]);

const formEn = doc([
  heading(1, 'Consent form'),
  paragraph('The research project “{{studyTitle}}”, {{institution}}'),
  paragraph('I have received information about the project and have had the chance to ask questions. Tick what you agree to:'),
  paragraph(`${checkbox} The interview may be audio-recorded. (Without a tick, the researcher takes notes instead.)`),
  paragraph(`${checkbox} Anonymised quotes from the interview may be used in the thesis and in publications.`),
  strong('I have received information about the study and wish to take part.'),
  paragraph('The information about me may be used until the project ends, {{plannedEndDate}}.'),
  heading(2, 'Participant'),
  paragraph('Place and date: ______________________________'),
  paragraph('Signature: ______________________________'),
  paragraph('Name in capital letters: ______________________________'),
  heading(2, 'Researcher'),
  paragraph('Place and date: ______________________________'),
  paragraph('Signature: ______________________________'),
]);

export const starterDocuments: readonly { kind: DocumentKind; language: DocumentLanguage; content: RichNode }[] = [
  { kind: 'letter', language: 'nb', content: letterNb },
  { kind: 'form', language: 'nb', content: formNb },
  { kind: 'letter', language: 'en', content: letterEn },
  { kind: 'form', language: 'en', content: formEn },
];
