import type { GuideContent, GuideLanguage, GuidePart } from './contract.js';

/**
 * The starter guide: the study's shape (an introduction read aloud, an opening about the person, a
 * main part on everyday life and the change process with one question for each reSTART theme, a
 * closing), in the project's own words. The researcher adapts it; the keys stay with each question
 * through every later version.
 */

type Texts = { title: string; parts: GuidePart[] };

const nb: Texts = {
  title: 'Intervjuguide',
  parts: [
    {
      key: 'intro',
      title: 'Innledning',
      notes:
        'Les høyt: Takk for at du tar deg tid. Jeg vil gjerne høre om dine erfaringer med reSTART-gruppa og om hvordan hverdagen din er nå. ' +
        'Det finnes ingen riktige eller gale svar. Du kan la være å svare, ta en pause eller stoppe når du vil, uten å forklare hvorfor. ' +
        'Hvis du har sagt ja til lydopptak, tar jeg opp samtalen; opptaket slettes når jeg har skrevet det ut, og det du forteller, blir anonymisert. ' +
        'Vi bruker omtrent en time.',
      questions: [
        { key: 'intro-questions', text: 'Er det noe du lurer på før vi begynner?', notes: '', followUps: [] },
        { key: 'intro-recording', text: 'Er det fortsatt greit at jeg starter opptakeren nå?', notes: 'Start opptaket først når deltakeren har sagt ja.', followUps: [] },
      ],
    },
    {
      key: 'opening',
      title: 'Åpning: om deg',
      notes: 'Lette spørsmål først, så deltakeren blir trygg på samtalen.',
      questions: [
        {
          key: 'about-you',
          text: 'Kan du begynne med å fortelle litt om deg selv?',
          notes: '',
          followUps: ['Hva bruker du dagene dine på for tiden?', 'Hvem er viktige personer i livet ditt?'],
        },
        {
          key: 'before-group',
          text: 'Hvordan hadde du det i perioden før du begynte i gruppa?',
          notes: '',
          followUps: ['Hvordan kom det seg at du ble med?'],
        },
      ],
    },
    {
      key: 'main',
      title: 'Hverdagen og endringsprosessen',
      notes: 'Temaene kan komme i en annen rekkefølge. Følg det deltakeren forteller, og bruk spørsmålene som en sjekkliste.',
      questions: [
        {
          key: 'everyday-now',
          text: 'Hvordan ser en vanlig dag ut for deg nå?',
          notes: '',
          followUps: ['Er noe annerledes enn før du var med i gruppa?'],
        },
        {
          key: 'change',
          text: 'Når du ser tilbake på tiden i gruppa, hva har eventuelt forandret seg for deg?',
          notes: '',
          followUps: ['Kan du gi et eksempel?', 'Hva tror du gjorde at det skjedde?'],
        },
        {
          key: 'values',
          text: 'Hva er det viktigste for deg i livet ditt nå?',
          notes: 'Tema: Verdier.',
          followUps: ['Har det å sette ord på det som er viktig for deg, hatt noe å si for valgene du tar?'],
        },
        {
          key: 'belonging',
          text: 'Hvor, eller sammen med hvem, kjenner du at du hører til?',
          notes: 'Tema: Tilhørighet.',
          followUps: ['Hvordan var det for deg å være en del av gruppa?'],
        },
        {
          key: 'living-with',
          text: 'Hvordan har du det på dager da det som er vanskelig, er til stede?',
          notes: 'Tema: Leve med.',
          followUps: ['Hva hjelper deg gjennom en tung dag?'],
        },
        {
          key: 'dream',
          text: 'Har du en drøm for livet ditt, stor eller liten?',
          notes: 'Tema: Drømmen.',
          followUps: ['Hva skal til for at du kommer litt nærmere den?'],
        },
        {
          key: 'hope',
          text: 'Hva gir deg håp?',
          notes: 'Tema: Håp og optimisme.',
          followUps: ['Ser du annerledes på framtida nå enn før?'],
        },
        {
          key: 'self-determination',
          text: 'På hvilke områder i livet ditt opplever du at du bestemmer selv?',
          notes: 'Tema: Selvbestemmelse.',
          followUps: ['Kan du fortelle om en gang du tok en avgjørelse som var helt din egen?'],
        },
        {
          key: 'group-helped',
          text: 'Var det noe ved gruppa som hjalp deg, eller noe som var vanskelig?',
          notes: '',
          followUps: ['Hvordan opplevde du at en av lederne hadde egen erfaring?'],
        },
      ],
    },
    {
      key: 'closing',
      title: 'Avslutning',
      notes: 'Fortell hva som skjer videre: utskrift, sletting av opptaket, og at samtykket kan trekkes tilbake. Takk for samtalen.',
      questions: [
        { key: 'anything-else', text: 'Er det noe vi ikke har snakket om som du vil legge til?', notes: '', followUps: [] },
        {
          key: 'how-was-it',
          text: 'Hvordan har det vært å snakke om dette i dag?',
          notes: 'Se til at deltakeren går ut av samtalen i god form, og vet hvem hun kan ta kontakt med.',
          followUps: [],
        },
      ],
    },
  ],
};

const en: Texts = {
  title: 'Interview guide',
  parts: [
    {
      key: 'intro',
      title: 'Introduction',
      notes:
        'Read aloud: Thank you for taking the time. I would like to hear about your experience of the reSTART group and about your everyday life now. ' +
        'There are no right or wrong answers. You may leave a question unanswered, take a break or stop whenever you like, without saying why. ' +
        'If you agreed to an audio recording, I will record our talk; the recording is deleted once I have transcribed it, and what you tell me is anonymised. ' +
        'We will take about an hour.',
      questions: [
        { key: 'intro-questions', text: 'Is there anything you would like to ask before we begin?', notes: '', followUps: [] },
        { key: 'intro-recording', text: 'Is it still all right that I start the recorder now?', notes: 'Start recording only once the participant has said yes.', followUps: [] },
      ],
    },
    {
      key: 'opening',
      title: 'Opening: about you',
      notes: 'Easy questions first, so the participant can settle into the conversation.',
      questions: [
        {
          key: 'about-you',
          text: 'Could you start by telling me a little about yourself?',
          notes: '',
          followUps: ['What do you spend your days on at the moment?', 'Who are the important people in your life?'],
        },
        {
          key: 'before-group',
          text: 'How were things for you in the time before you joined the group?',
          notes: '',
          followUps: ['How did it come about that you took part?'],
        },
      ],
    },
    {
      key: 'main',
      title: 'Everyday life and the change process',
      notes: 'The themes may come in another order. Follow what the participant tells you, and use the questions as a checklist.',
      questions: [
        {
          key: 'everyday-now',
          text: 'What does an ordinary day look like for you now?',
          notes: '',
          followUps: ['Is anything different from before you were in the group?'],
        },
        {
          key: 'change',
          text: 'Looking back on your time in the group, what, if anything, has changed for you?',
          notes: '',
          followUps: ['Could you give an example?', 'What do you think made that happen?'],
        },
        {
          key: 'values',
          text: 'What matters most to you in your life now?',
          notes: 'Theme: Values.',
          followUps: ['Has putting into words what matters to you made a difference to the choices you make?'],
        },
        {
          key: 'belonging',
          text: 'Where, or with whom, do you feel you belong?',
          notes: 'Theme: Belonging.',
          followUps: ['What was it like for you to be part of the group?'],
        },
        {
          key: 'living-with',
          text: 'How do you get on, on days when what is hard is there?',
          notes: 'Theme: Living with.',
          followUps: ['What helps you through a difficult day?'],
        },
        {
          key: 'dream',
          text: 'Do you have a dream for your life, large or small?',
          notes: 'Theme: The dream.',
          followUps: ['What would it take for you to come a little closer to it?'],
        },
        {
          key: 'hope',
          text: 'What gives you hope?',
          notes: 'Theme: Hope and optimism.',
          followUps: ['Do you see the future differently now than before?'],
        },
        {
          key: 'self-determination',
          text: 'In which parts of your life do you feel that you decide for yourself?',
          notes: 'Theme: Self-determination.',
          followUps: ['Could you tell me about a time you made a decision that was entirely your own?'],
        },
        {
          key: 'group-helped',
          text: 'Was there anything about the group that helped you, or anything that was hard?',
          notes: '',
          followUps: ['How did you find it that one of the leaders had lived experience?'],
        },
      ],
    },
    {
      key: 'closing',
      title: 'Closing',
      notes: 'Say what happens next: transcription, deletion of the recording, and that consent can be withdrawn. Thank the participant.',
      questions: [
        { key: 'anything-else', text: 'Is there anything we have not talked about that you would like to add?', notes: '', followUps: [] },
        {
          key: 'how-was-it',
          text: 'How has it been to talk about this today?',
          notes: 'Make sure the participant leaves the conversation in a good state, and knows whom to contact.',
          followUps: [],
        },
      ],
    },
  ],
};

/** A fresh copy of the starter guide in `language`. */
export function starterGuide(language: GuideLanguage): GuideContent {
  const texts = language === 'nb' ? nb : en;
  return JSON.parse(JSON.stringify({ language, title: texts.title, parts: texts.parts })) as GuideContent;
}
