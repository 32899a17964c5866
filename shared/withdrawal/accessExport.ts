import type { Language } from '../app/contract.js';

/**
 * The access export's JSON (GDPR art. 15 and 20). The keys are stable: a later version may add
 * keys, never rename or remove one, and says so by raising `version`. Dates are `YYYY-MM-DD`,
 * moments ISO 8601 in UTC; a value that was never set is `null`.
 *
 * Version 2 added `interviews` (with their checklists, transcripts, lines and the anonymisation
 * review) and `anonymisationKey`. Version 3 added `groups` (the group calendar). Version 4 added
 * each transcript's `codings`, `quotes` and `memos` (the researcher's analysis of its passages).
 */
/** A passage of a transcript: its first and last line's numbers (null if it cannot be placed now) and its words. */
export interface AccessPassage {
  fromLine: number | null;
  toLine: number | null;
  text: string;
}

export interface AccessExport {
  format: 'groundwork.accessExport';
  version: 4;
  exportedAt: string;
  study: { title: string };
  participant: {
    pseudonym: string;
    status: string;
    askedOn: string | null;
    consentedOn: string | null;
    interviewedOn: string | null;
    completedOn: string | null;
    withdrawnOn: string | null;
    registeredAt: string;
  };
  /** Name, phone, e-mail and address: only in this export, never in any other. */
  identifyingDetails: { name: string; phone: string; email: string; address: string } | null;
  attributes: { name: string; kind: string; value: string }[];
  consents: {
    letterVersion: number;
    formVersion: number;
    language: string;
    signedOn: string;
    signedPlace: string;
    method: string;
    allowsRecording: boolean;
    allowsQuotes: boolean;
    confirmedByResearcherOn: string | null;
    /** The scan of the signed form, as an attachment (the file itself, base64). */
    scan: { fileName: string; mediaType: string; addedAt: string; bytes: number; contentBase64: string } | null;
  }[];
  recordings: {
    madeAt: string;
    keptWhere: string;
    format: string;
    lengthSeconds: number | null;
    transcribedOn: string | null;
    deletionDueOn: string | null;
    deletedOn: string | null;
    deletedHow: string;
    deletionConfirmedBy: string;
    notes: string;
    /** Audio stored inside the study: named and sized here (the participant may ask to listen to it). */
    audioInStudy: { fileName: string; mediaType: string; bytes: number } | null;
  }[];
  interviews: {
    /** Local time in Norway, `YYYY-MM-DDTHH:MM`. */
    heldAt: string;
    lengthMinutes: number | null;
    /** `video`, `home`, `groupRoom` or `other` (then described in `settingOther`). */
    setting: string;
    settingOther: string;
    /** The interviewer's notes. */
    notes: string;
    guideVersion: number | null;
    /** The guide's questions ticked as covered; `question` is the guide's wording (null if it cannot be read). */
    coveredQuestions: { key: string; question: string | null; coveredAt: string }[];
    transcripts: {
      title: string;
      /** `raw` until the anonymisation review is finished, then `anonymised`. */
      state: string;
      anonymisedAt: string | null;
      completedAt: string | null;
      /** `typed`, `pasted`, or the imported file's format: `txt`, `docx`, `srt`, `vtt`. */
      source: string;
      interviewerLabel: string;
      participantLabel: string;
      createdAt: string;
      updatedAt: string;
      /** Every line, with the number shown in the margin; `speaker` is `interviewer`, `participant` or `other`. */
      lines: { number: number; speaker: string; timestampMs: number | null; text: string }[];
      /** What the review found that may identify someone (the original words) and what was decided. */
      anonymisationReview: { line: number | null; original: string; kind: string; decision: string; replacement: string }[];
      /** Passages the researcher coded, with the code's name. */
      codings: { code: string; passage: AccessPassage }[];
      /** Passages marked as quotes, with the wording for publication and the researcher's note. */
      quotes: { passage: AccessPassage; wording: string; note: string; createdAt: string; updatedAt: string }[];
      /** The researcher's memos about passages (their plain text). */
      memos: { passage: AccessPassage; title: string; text: string; createdAt: string; updatedAt: string }[];
    }[];
  }[];
  /** The entries of the study's anonymisation key that these transcripts use: the original words and their replacements. */
  anonymisationKey: { original: string; replacement: string; kind: string }[];
  /** The groups in the group calendar where the participant is a member, and what is kept about them there. */
  groups: {
    group: string;
    programme: { en: string; nb: string };
    /** What the leaders call the member (initials or a first name). */
    label: string;
    /** When the member completed the group by the programme's rule, if they have. */
    completedOn: string | null;
    /** Every session of the group: `status` is `present`, `absent` or null when not registered. */
    attendance: { session: number; startsAt: string; status: string | null; reason: string }[];
    /** The leaders' notes about the member in a session's log. */
    leadersNotes: { session: number; startsAt: string; note: string }[];
    talks: { name: { en: string; nb: string }; startsAt: string; minutes: number; held: boolean }[];
    /** Evaluation forms linked to the member (forms are otherwise kept without anyone's name). */
    evaluations: {
      form: { en: string; nb: string };
      submittedOn: string;
      answers: { question: { en: string; nb: string }; answer: string | number | boolean | null }[];
    }[];
  }[];
  requests: {
    kind: string;
    receivedOn: string;
    dueOn: string;
    extendedTo: string | null;
    extensionReason: string;
    status: string;
    answeredOn: string | null;
    notes: string;
  }[];
  withdrawal: { withdrawnOn: string; communicatedHow: string; scope: string; completedAt: string } | null;
}

/** The readable export's own words (DOCX and PDF), in the language the researcher works in. */
export const accessExportTexts = {
  en: {
    title: 'What is stored about you',
    intro:
      'This document lists everything the research project stores about you, as of the date below. You have the right to see it (GDPR article 15), to have errors corrected, to have it deleted, and to receive it in a machine-readable form (article 20).',
    study: 'Study',
    exportedAt: 'Made on',
    participant: 'Participant',
    pseudonym: 'Pseudonym',
    status: 'Status',
    askedOn: 'Asked via a group leader',
    consentedOn: 'Consented',
    interviewedOn: 'Interviewed',
    completedOn: 'Completed',
    withdrawnOn: 'Withdrawn',
    registeredAt: 'Registered',
    identifyingDetails: 'Directly identifying details',
    name: 'Name',
    phone: 'Phone',
    email: 'E-mail',
    address: 'Address',
    none: 'None stored.',
    attributes: 'Background information',
    consents: 'Consents',
    letterVersion: 'Information letter, version',
    formVersion: 'Consent form, version',
    signedOn: 'Signed on',
    signedPlace: 'Place',
    method: 'How',
    allowsRecording: 'Audio recording allowed',
    allowsQuotes: 'Quotes in publications allowed',
    confirmedByResearcherOn: 'Confirmed by the researcher',
    scan: 'Scan of the signed form (attached to the machine-readable export)',
    recordings: 'Recordings',
    madeAt: 'Made',
    keptWhere: 'Kept where',
    format: 'Format',
    lengthSeconds: 'Length (seconds)',
    transcribedOn: 'Transcribed',
    deletionDueOn: 'To be deleted by',
    deletedOn: 'Deleted',
    deletedHow: 'Deleted how',
    deletionConfirmedBy: 'Deletion confirmed by',
    notes: 'Notes',
    audioInStudy: 'Audio stored in the study file',
    interviews: 'Interviews',
    heldAt: 'Date and time',
    lengthMinutes: 'Length (minutes)',
    setting: 'Where',
    settingOther: 'Where, described',
    guideVersion: 'Interview guide, version',
    coveredQuestions: 'Questions covered',
    transcripts: 'Transcripts',
    interview: 'Interview',
    transcriptTitle: 'Title',
    transcriptState: 'State',
    anonymisedAt: 'Anonymised',
    completedAt: 'Marked complete',
    source: 'Made from',
    speakers: 'Speakers',
    lines: 'Lines',
    lineNumber: 'Line',
    speaker: 'Speaker',
    timestamp: 'Time',
    text: 'Text',
    anonymisationReview: 'Words in the transcript that may identify someone, and what was done with them',
    original: 'Original',
    replacement: 'Replaced with',
    decision: 'Decision',
    codings: 'Passages the researcher has coded',
    code: 'Code',
    passage: 'Passage',
    quotes: 'Passages marked as quotes',
    wording: 'Wording for publication',
    memos: 'The researcher’s memos about passages',
    memoTitle: 'Title',
    memoText: 'Memo',
    anonymisationKey: 'The anonymisation key',
    anonymisationKeyIntro: 'Words in your transcripts that could identify someone, and what they are replaced with',
    groups: 'Group calendar',
    group: 'Group',
    programme: 'Programme',
    memberLabel: 'Called in the group',
    groupCompletedOn: 'Completed the group',
    attendance: 'Attendance',
    session: 'Session',
    attended: 'Attended',
    absenceReason: 'Reason for absence',
    leadersNotes: 'The leaders’ notes about you',
    note: 'Note',
    talks: 'Individual talks',
    held: 'Held',
    evaluations: 'Evaluation forms linked to you',
    submittedOn: 'filled in',
    question: 'Question',
    answer: 'Answer',
    requests: 'Your requests',
    kind: 'Kind',
    receivedOn: 'Received',
    dueOn: 'Due',
    extendedTo: 'Extended to',
    extensionReason: 'Reason for extension',
    answeredOn: 'Answered',
    withdrawal: 'Withdrawal',
    communicatedHow: 'Communicated how',
    scope: 'Scope',
    yes: 'Yes',
    no: 'No',
    notSet: '–',
  },
  nb: {
    title: 'Dette er lagret om deg',
    intro:
      'Dette dokumentet viser alt forskningsprosjektet har lagret om deg per datoen nedenfor. Du har rett til innsyn (personvernforordningen artikkel 15), til å få rettet feil, til å få opplysningene slettet og til å få dem utlevert i et maskinlesbart format (artikkel 20).',
    study: 'Studie',
    exportedAt: 'Laget',
    participant: 'Deltaker',
    pseudonym: 'Pseudonym',
    status: 'Status',
    askedOn: 'Spurt via gruppeleder',
    consentedOn: 'Samtykket',
    interviewedOn: 'Intervjuet',
    completedOn: 'Fullført',
    withdrawnOn: 'Trukket seg',
    registeredAt: 'Registrert',
    identifyingDetails: 'Direkte identifiserende opplysninger',
    name: 'Navn',
    phone: 'Telefon',
    email: 'E-post',
    address: 'Adresse',
    none: 'Ingenting lagret.',
    attributes: 'Bakgrunnsopplysninger',
    consents: 'Samtykker',
    letterVersion: 'Informasjonsskriv, versjon',
    formVersion: 'Samtykkeskjema, versjon',
    signedOn: 'Signert',
    signedPlace: 'Sted',
    method: 'Hvordan',
    allowsRecording: 'Lydopptak tillatt',
    allowsQuotes: 'Sitater i publikasjoner tillatt',
    confirmedByResearcherOn: 'Bekreftet av forskeren',
    scan: 'Skannet samtykkeskjema (vedlagt i den maskinlesbare utgaven)',
    recordings: 'Lydopptak',
    madeAt: 'Tatt opp',
    keptWhere: 'Oppbevart',
    format: 'Format',
    lengthSeconds: 'Lengde (sekunder)',
    transcribedOn: 'Transkribert',
    deletionDueOn: 'Skal slettes innen',
    deletedOn: 'Slettet',
    deletedHow: 'Slettet hvordan',
    deletionConfirmedBy: 'Sletting bekreftet av',
    notes: 'Notater',
    audioInStudy: 'Lyd lagret i studiefilen',
    interviews: 'Intervjuer',
    heldAt: 'Dato og tid',
    lengthMinutes: 'Lengde (minutter)',
    setting: 'Hvor',
    settingOther: 'Sted, beskrevet',
    guideVersion: 'Intervjuguide, versjon',
    coveredQuestions: 'Spørsmål som ble dekket',
    transcripts: 'Transkripsjoner',
    interview: 'Intervju',
    transcriptTitle: 'Tittel',
    transcriptState: 'Tilstand',
    anonymisedAt: 'Anonymisert',
    completedAt: 'Markert som ferdig',
    source: 'Laget fra',
    speakers: 'Talere',
    lines: 'Linjer',
    lineNumber: 'Linje',
    speaker: 'Taler',
    timestamp: 'Tid',
    text: 'Tekst',
    anonymisationReview: 'Ord i transkripsjonen som kan identifisere noen, og hva som ble gjort med dem',
    original: 'Opprinnelig',
    replacement: 'Erstattet med',
    decision: 'Avgjørelse',
    codings: 'Utdrag forskeren har kodet',
    code: 'Kode',
    passage: 'Utdrag',
    quotes: 'Utdrag markert som sitater',
    wording: 'Ordlyd for publisering',
    memos: 'Forskerens memoer om utdrag',
    memoTitle: 'Tittel',
    memoText: 'Memo',
    anonymisationKey: 'Anonymiseringsnøkkelen',
    anonymisationKeyIntro: 'Ord i transkripsjonene dine som kan identifisere noen, og hva de erstattes med',
    groups: 'Gruppekalender',
    group: 'Gruppe',
    programme: 'Program',
    memberLabel: 'Kalt i gruppen',
    groupCompletedOn: 'Fullførte gruppen',
    attendance: 'Oppmøte',
    session: 'Samling',
    attended: 'Møtte',
    absenceReason: 'Grunn til fravær',
    leadersNotes: 'Gruppeledernes notater om deg',
    note: 'Notat',
    talks: 'Individuelle samtaler',
    held: 'Holdt',
    evaluations: 'Evalueringsskjemaer knyttet til deg',
    submittedOn: 'fylt ut',
    question: 'Spørsmål',
    answer: 'Svar',
    requests: 'Dine henvendelser',
    kind: 'Type',
    receivedOn: 'Mottatt',
    dueOn: 'Frist',
    extendedTo: 'Forlenget til',
    extensionReason: 'Begrunnelse for forlengelse',
    answeredOn: 'Besvart',
    withdrawal: 'Tilbaketrekking',
    communicatedHow: 'Meldt hvordan',
    scope: 'Omfang',
    yes: 'Ja',
    no: 'Nei',
    notSet: '–',
  },
} as const satisfies Record<Language, Record<string, string>>;

export type AccessExportLabels = Record<keyof (typeof accessExportTexts)['en'], string>;

/** Values stored as keys, said in words in the readable export. */
export const accessExportValues: Record<Language, Record<string, string>> = {
  en: {
    asked: 'asked', consented: 'consented', interviewed: 'interviewed', completed: 'completed', withdrawn: 'withdrawn',
    paper: 'on paper', digital: 'digitally',
    access: 'access', rectification: 'rectification', erasure: 'erasure', restriction: 'restriction', portability: 'portability', objection: 'objection',
    open: 'open', answered: 'answered', refused: 'refused',
    deleteEverything: 'delete everything', keepAnonymisedAnalysis: 'keep what is already anonymised and analysed',
    video: 'video meeting', home: 'at home', groupRoom: 'in the group’s room', other: 'other',
    raw: 'not yet anonymised', anonymised: 'anonymised',
    typed: 'typed', pasted: 'pasted', txt: 'a text file', docx: 'a Word document', srt: 'a subtitle file (SRT)', vtt: 'a subtitle file (WebVTT)',
    accepted: 'replaced', rejected: 'kept as written', changed: 'replaced with other words',
    name: 'name', place: 'place', organisation: 'organisation or workplace', phone: 'phone number', email: 'e-mail address',
    nationalId: 'national identity number', address: 'address', date: 'date', age: 'age', pronoun: 'pronoun',
    present: 'present', absent: 'absent',
  },
  nb: {
    asked: 'spurt', consented: 'samtykket', interviewed: 'intervjuet', completed: 'fullført', withdrawn: 'trukket seg',
    paper: 'på papir', digital: 'digitalt',
    access: 'innsyn', rectification: 'retting', erasure: 'sletting', restriction: 'begrensning', portability: 'dataportabilitet', objection: 'protest',
    open: 'åpen', answered: 'besvart', refused: 'avslått',
    deleteEverything: 'slett alt', keepAnonymisedAnalysis: 'behold det som allerede er anonymisert og analysert',
    video: 'videomøte', home: 'hjemme', groupRoom: 'i gruppas rom', other: 'annet',
    raw: 'ikke anonymisert ennå', anonymised: 'anonymisert',
    typed: 'skrevet inn', pasted: 'limt inn', txt: 'en tekstfil', docx: 'et Word-dokument', srt: 'en undertekstfil (SRT)', vtt: 'en undertekstfil (WebVTT)',
    accepted: 'erstattet', rejected: 'beholdt slik det står', changed: 'erstattet med andre ord',
    name: 'navn', place: 'sted', organisation: 'organisasjon eller arbeidssted', phone: 'telefonnummer', email: 'e-postadresse',
    nationalId: 'fødselsnummer', address: 'adresse', date: 'dato', age: 'alder', pronoun: 'pronomen',
    present: 'til stede', absent: 'borte',
  },
};
