import type { BuiltinProgrammeKey, ProgrammeContent } from '../../../shared/calendar/contract.js';

/**
 * The programmes Groundwork ships, as templates the leaders can edit or copy. Written in our own
 * words from the programme descriptions the study builds on (reSTART, and the sibling programmes
 * of seeds 000, 001, 002 and 004). Migration 0005 writes them into every study once; a change here
 * reaches only studies made after it, so a fix for existing studies needs a migration of its own.
 *
 * Where a description sets no rule (reSTART's completion, the capacity of a training programme),
 * the value here is a starting point and says so in the description.
 */

const weekdayHours = { from: '08:00', to: '16:00' } as const;

const restart: ProgrammeContent = {
  name: { en: 'reSTART', nb: 'reSTART' },
  description: {
    en: 'A recovery-oriented group for people who live at home and are followed up by the mental-health service. The question is "what matters to you?" rather than "what is wrong with you?". Members work on their own change process with a workbook and reflection cards. The completion rule (12 of 16 sessions) is a starting point: the programme itself sets none.',
    nb: 'En recoveryorientert gruppe for personer som bor hjemme og får oppfølging fra psykisk helsetjeneste. Spørsmålet er «hva er viktig for deg?» heller enn «hva er i veien med deg?». Medlemmene arbeider med sin egen endringsprosess med arbeidshefte og refleksjonskort. Regelen for fullført (12 av 16 samlinger) er et utgangspunkt: programmet selv setter ingen.',
  },
  phases: [
    {
      name: { en: 'START talk', nb: 'START-samtale' },
      description: {
        en: 'Individual talks with both leaders before the group: what the group is, the workbook, and what the person values. At least three hours in all.',
        nb: 'Individuelle samtaler med begge gruppelederne før gruppen: hva gruppen er, arbeidsheftet og hva personen verdsetter. Minst tre timer til sammen.',
      },
    },
    {
      name: { en: 'Group', nb: 'Gruppe' },
      description: {
        en: 'Two sessions a week for eight weeks, two hours each, with reflective dialogue on the themes.',
        nb: 'To samlinger i uken i åtte uker, to timer hver gang, med reflekterende dialog om temaene.',
      },
    },
    {
      name: { en: 'Mid-way talk', nb: 'Samtale underveis' },
      description: { en: 'An individual talk in week 4.', nb: 'En individuell samtale i uke 4.' },
    },
    {
      name: { en: 'Follow-up', nb: 'Oppfølging' },
      description: {
        en: 'Individual talks about three months after the group: how it went, where the person is now, and what they need next.',
        nb: 'Individuelle samtaler omtrent tre måneder etter gruppen: hvordan det gikk, hvor personen står nå, og hva som trengs videre.',
      },
    },
  ],
  cadence: { kind: 'weekly', weeks: 8, perWeek: 2 },
  startTime: '12:00',
  sessionMinutes: 120,
  sessionParts: [],
  themes: [
    { key: 'values', name: { en: 'Values', nb: 'Verdier' } },
    { key: 'belonging', name: { en: 'Belonging', nb: 'Tilhørighet' } },
    { key: 'livingWith', name: { en: 'Living with', nb: 'Leve med' } },
    { key: 'theDream', name: { en: 'The dream', nb: 'Drømmen' } },
    { key: 'hope', name: { en: 'Hope and optimism', nb: 'Håp og optimisme' } },
    { key: 'selfDetermination', name: { en: 'Self-determination', nb: 'Selvbestemmelse' } },
  ],
  learningGoals: [],
  individualTalks: [
    { key: 'start', name: { en: 'START talk', nb: 'START-samtale' }, timing: { kind: 'beforeStart' }, minMinutes: 180, bothLeaders: true },
    { key: 'midway', name: { en: 'Talk in week 4', nb: 'Samtale i uke 4' }, timing: { kind: 'inWeek', week: 4 }, minMinutes: 45, bothLeaders: false },
    { key: 'followUp', name: { en: 'Follow-up talk', nb: 'Oppfølgingssamtale' }, timing: { kind: 'afterEnd', weeks: 13 }, minMinutes: 60, bothLeaders: false },
  ],
  capacity: { max: 8, ideal: null },
  completion: { kind: 'minSessions', sessions: 12 },
  evaluationForms: [
    {
      key: 'before',
      when: 'before',
      title: { en: 'Before the group', nb: 'Før gruppen' },
      questions: [
        { key: 'knowWhatMatters', kind: 'scale', text: { en: 'I know what matters to me.', nb: 'Jeg vet hva som er viktig for meg.' } },
        { key: 'hopeful', kind: 'scale', text: { en: 'I feel hopeful about the time ahead.', nb: 'Jeg har håp for tiden fremover.' } },
        { key: 'hopes', kind: 'text', text: { en: 'What do you hope to get from the group?', nb: 'Hva håper du å få ut av gruppen?' } },
      ],
    },
    {
      key: 'after',
      when: 'after',
      title: { en: 'After the group', nb: 'Etter gruppen' },
      questions: [
        { key: 'knowWhatMatters', kind: 'scale', text: { en: 'I know what matters to me.', nb: 'Jeg vet hva som er viktig for meg.' } },
        { key: 'hopeful', kind: 'scale', text: { en: 'I feel hopeful about the time ahead.', nb: 'Jeg har håp for tiden fremover.' } },
        { key: 'recommend', kind: 'yesNo', text: { en: 'Would you recommend the group to others?', nb: 'Vil du anbefale gruppen til andre?' } },
        { key: 'change', kind: 'text', text: { en: 'What should we change?', nb: 'Hva bør vi endre?' } },
      ],
    },
  ],
  leaderLog: false,
  usualHours: weekdayHours,
};

const groupTherapyTraining: ProgrammeContent = {
  name: { en: 'Regional training in group therapy', nb: 'Regional opplæring i gruppebehandling' },
  description: {
    en: 'A year-long training programme for staff in mental-health and substance-use services: seven seminar days on fixed dates, with theory and supervision of the participants\' own groups in between (arranged by each supervision group). Up to 20 % absence is accepted. The dates are those of the 2025–26 course: change them for a new year.',
    nb: 'Et opplæringsprogram over ett år for ansatte i psykisk helse- og rustjenester: sju seminardager på faste datoer, med teori og veiledning på deltakernes egne grupper imellom (avtales i hver veiledningsgruppe). Inntil 20 % fravær godtas. Datoene er kullet 2025–26 sine: endre dem for et nytt år.',
  },
  phases: [
    {
      name: { en: 'Seminar days', nb: 'Seminardager' },
      description: { en: 'Lectures, theory and process groups, Fridays from 09:00 to 16:00.', nb: 'Forelesninger, teori og prosessgrupper, fredager fra 09:00 til 16:00.' },
    },
    {
      name: { en: 'Between the seminars', nb: 'Mellom samlingene' },
      description: {
        en: 'About ten hours of theory and forty hours of supervision on a group the participant runs or starts.',
        nb: 'Om lag ti timer teori og førti timer veiledning på en gruppe deltakeren driver eller starter.',
      },
    },
  ],
  cadence: { kind: 'fixedDates', dates: ['2025-09-26', '2025-10-31', '2025-12-05', '2026-02-06', '2026-03-13', '2026-04-17', '2026-05-29'] },
  startTime: '09:00',
  sessionMinutes: 420,
  sessionParts: [],
  themes: [],
  learningGoals: [],
  individualTalks: [],
  capacity: { max: 30, ideal: null },
  completion: { kind: 'maxAbsencePercent', percent: 20 },
  evaluationForms: [],
  leaderLog: false,
  usualHours: { from: '09:00', to: '16:00' },
};

const groupSupervision: ProgrammeContent = {
  name: { en: 'Group supervision for junior doctors', nb: 'Gruppeveiledning for leger i spesialisering' },
  description: {
    en: 'Group supervision for doctors in the first part of specialist training in the municipality: two or three days in a half-year, at most twelve participants (eight is best). Cases from the participants\' own practice, reflection exercises and audits, with the learning goals below in mind. Each meeting ends with an evaluation, so later meetings can take up what the participants ask for.',
    nb: 'Gruppeveiledning for leger i første del av spesialiseringen i kommunen: to eller tre dager i løpet av et halvår, høyst tolv deltakere (åtte er best). Kasuistikker fra egen praksis, refleksjonsøvelser og audit, med læringsmålene nedenfor i tankene. Hver samling avsluttes med en evaluering, så senere samlinger kan ta opp det deltakerne ønsker.',
  },
  phases: [
    {
      name: { en: 'Supervision days', nb: 'Veiledningsdager' },
      description: { en: 'Two or three days, spread over the half-year as suits the participants.', nb: 'To eller tre dager, spredt over halvåret slik det passer deltakerne.' },
    },
  ],
  cadence: { kind: 'interval', sessions: 3, everyDays: 56 },
  startTime: '09:00',
  sessionMinutes: 360,
  sessionParts: [],
  themes: [],
  learningGoals: [
    { code: 'FKM LM-02', text: { en: 'Recognise and handle ethical challenges in one\'s own clinical work.', nb: 'Se og håndtere etiske utfordringer i eget klinisk arbeid.' } },
    { code: 'FKM LM-03', text: { en: 'Ethics in a multicultural society and from a public-health view.', nb: 'Etikk i et flerkulturelt samfunn og i et folkehelseperspektiv.' } },
    { code: 'FKM LM-05', text: { en: 'Principles of prevention for individuals and groups.', nb: 'Prinsipper for forebygging for enkeltpersoner og grupper.' } },
    { code: 'FKM LM-06', text: { en: 'Overdiagnosis and overtreatment, and what they cost.', nb: 'Overdiagnostikk og overbehandling, og hva de koster.' } },
    { code: 'FKM LM-26', text: { en: 'Shared decision-making: what the patient needs to know.', nb: 'Samvalg: hva pasienten trenger å vite.' } },
    { code: 'FKM LM-44', text: { en: 'The main rules on the duties of health personnel and the rights of patients.', nb: 'De viktigste reglene om helsepersonells plikter og pasienters rettigheter.' } },
    { code: 'FKM LM-48', text: { en: 'Involve patients and relatives as partners, as far as they wish.', nb: 'Involvere pasienter og pårørende som likeverdige parter, så langt de selv ønsker.' } },
    { code: 'FKM LM-62', text: { en: 'One\'s own role as helper and as gatekeeper in the health service.', nb: 'Egen rolle som hjelper og som portvokter i helsetjenesten.' } },
  ],
  individualTalks: [],
  capacity: { max: 12, ideal: 8 },
  completion: { kind: 'minSessions', sessions: 2 },
  evaluationForms: [
    {
      key: 'afterMeeting',
      when: 'afterEachSession',
      title: { en: 'Evaluation of the meeting', nb: 'Evaluering av samlingen' },
      questions: [
        { key: 'relevant', kind: 'scale', text: { en: 'The meeting was relevant to my work.', nb: 'Samlingen var relevant for arbeidet mitt.' } },
        { key: 'worked', kind: 'text', text: { en: 'What worked well?', nb: 'Hva fungerte godt?' } },
        { key: 'wishes', kind: 'text', text: { en: 'What would you like to take up next time?', nb: 'Hva vil du ta opp neste gang?' } },
      ],
    },
  ],
  leaderLog: false,
  usualHours: weekdayHours,
};

const palliativeReflection: ProgrammeContent = {
  name: { en: 'Reflection group in palliative care', nb: 'Refleksjonsgruppe i palliasjon' },
  description: {
    en: 'Reflection groups for care staff in municipal services, six or seven participants: five sessions about a month apart, at least two hours each. Participants prepare with reading or a film; each session has a short introduction (under half an hour) and then shared reflection. A certificate needs four of the five sessions.',
    nb: 'Refleksjonsgrupper for helse- og omsorgspersonell i kommunen, seks eller sju deltakere: fem samlinger med omtrent en måned imellom, minst to timer hver. Deltakerne forbereder seg med lesing eller film; hver samling har en kort faglig innledning (under en halvtime) og deretter felles refleksjon. Deltakerbevis krever fire av de fem samlingene.',
  },
  phases: [],
  cadence: { kind: 'interval', sessions: 5, everyDays: 28 },
  startTime: '14:00',
  sessionMinutes: 120,
  sessionParts: [
    { name: { en: 'Preparation (before the session, about an hour)', nb: 'Forberedelse (før samlingen, omtrent en time)' }, minutes: 0 },
    { name: { en: 'Introduction to the topic', nb: 'Faglig innledning' }, minutes: 25 },
    { name: { en: 'Shared reflection', nb: 'Felles refleksjon' }, minutes: 85 },
    { name: { en: 'Round-up: what we take with us', nb: 'Avrunding: hva vi tar med oss' }, minutes: 10 },
  ],
  themes: [
    { key: 'start', name: { en: 'Getting started: expectations, ground rules, what palliative care is', nb: 'Oppstart: forventninger, grupperegler, hva palliasjon er' } },
    { key: 'conversations', name: { en: 'Talking and planning with patients and families', nb: 'Samtaler og planlegging med pasient og pårørende' } },
    { key: 'symptoms', name: { en: 'Assessing and relieving symptoms', nb: 'Kartlegging og lindring' } },
    { key: 'families', name: { en: 'Families and ethical challenges', nb: 'Pårørende og etiske utfordringer' } },
    { key: 'lastPhase', name: { en: 'The last phase of life', nb: 'Livets siste fase' } },
  ],
  learningGoals: [],
  individualTalks: [],
  capacity: { max: 7, ideal: 6 },
  completion: { kind: 'minSessions', sessions: 4 },
  evaluationForms: [],
  leaderLog: false,
  usualHours: weekdayHours,
};

const rehabilitationReflection: ProgrammeContent = {
  name: { en: 'Reflection programme in rehabilitation', nb: 'Refleksjonsprogram i rehabilitering' },
  description: {
    en: 'A reflection programme for teams working with rehabilitation: five sessions about every fourteen days, two hours of work (book two and a half with a break). Participants prepare for about two hours before each session. The leader keeps a short log after each session, and participants fill in a form before the start and after the end. The completion rule (four of five) is a starting point.',
    nb: 'Et refleksjonsprogram for team som arbeider med rehabilitering: fem samlinger omtrent hver fjortende dag, to timer effektivt arbeid (sett av to og en halv med pause). Deltakerne forbereder seg omtrent to timer før hver samling. Veilederen skriver en kort logg etter hver samling, og deltakerne fyller ut et skjema før start og etter slutt. Regelen for fullført (fire av fem) er et utgangspunkt.',
  },
  phases: [],
  cadence: { kind: 'interval', sessions: 5, everyDays: 14 },
  startTime: '12:00',
  sessionMinutes: 150,
  sessionParts: [
    { name: { en: 'Preparation (before the session, about two hours)', nb: 'Forberedelse (før samlingen, omtrent to timer)' }, minutes: 0 },
    { name: { en: 'Reflection on the theme', nb: 'Refleksjon over temaet' }, minutes: 120 },
    { name: { en: 'Break', nb: 'Pause' }, minutes: 30 },
  ],
  themes: [],
  learningGoals: [],
  individualTalks: [],
  capacity: { max: 12, ideal: null },
  completion: { kind: 'minSessions', sessions: 4 },
  evaluationForms: [
    {
      key: 'before',
      when: 'before',
      title: { en: 'Before the start', nb: 'Før oppstart' },
      questions: [
        { key: 'knowledge', kind: 'scale', text: { en: 'I know what rehabilitation means in my service.', nb: 'Jeg vet hva rehabilitering betyr i tjenesten vår.' } },
        { key: 'reflect', kind: 'scale', text: { en: 'It feels safe to reflect on my own practice in the team.', nb: 'Det føles trygt å reflektere over egen praksis i teamet.' } },
        { key: 'expect', kind: 'text', text: { en: 'What do you expect from the programme?', nb: 'Hva forventer du av programmet?' } },
      ],
    },
    {
      key: 'after',
      when: 'after',
      title: { en: 'After the end', nb: 'Etter avslutning' },
      questions: [
        { key: 'knowledge', kind: 'scale', text: { en: 'I know what rehabilitation means in my service.', nb: 'Jeg vet hva rehabilitering betyr i tjenesten vår.' } },
        { key: 'reflect', kind: 'scale', text: { en: 'It feels safe to reflect on my own practice in the team.', nb: 'Det føles trygt å reflektere over egen praksis i teamet.' } },
        { key: 'practiceChanged', kind: 'yesNo', text: { en: 'Have you changed how you work with users?', nb: 'Har du endret hvordan du arbeider med brukerne?' } },
        { key: 'how', kind: 'text', text: { en: 'If so, how?', nb: 'Hvis ja, hvordan?' } },
      ],
    },
  ],
  leaderLog: true,
  usualHours: weekdayHours,
};

/** In the order the list shows them; reSTART is the default. */
export const builtinProgrammes: readonly { key: BuiltinProgrammeKey; content: ProgrammeContent }[] = [
  { key: 'restart', content: restart },
  { key: 'groupTherapyTraining', content: groupTherapyTraining },
  { key: 'groupSupervision', content: groupSupervision },
  { key: 'palliativeReflection', content: palliativeReflection },
  { key: 'rehabilitationReflection', content: rehabilitationReflection },
];
