import type { Language } from '../app/contract.js';

/**
 * The access export's JSON (GDPR art. 15 and 20). The keys are stable: a later version may add
 * keys, never rename or remove one, and says so by raising `version`. Dates are `YYYY-MM-DD`,
 * moments ISO 8601 in UTC; a value that was never set is `null`.
 */
export interface AccessExport {
  format: 'groundwork.accessExport';
  version: 1;
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
  },
  nb: {
    asked: 'spurt', consented: 'samtykket', interviewed: 'intervjuet', completed: 'fullført', withdrawn: 'trukket seg',
    paper: 'på papir', digital: 'digitalt',
    access: 'innsyn', rectification: 'retting', erasure: 'sletting', restriction: 'begrensning', portability: 'dataportabilitet', objection: 'protest',
    open: 'åpen', answered: 'besvart', refused: 'avslått',
    deleteEverything: 'slett alt', keepAnonymisedAnalysis: 'behold det som allerede er anonymisert og analysert',
  },
};
