import { participantTableTexts } from '../withdrawal/tableTexts.js';

/**
 * Each kind of audit event in words, in both languages. The UI and the exported trail use the same
 * texts. A test checks that every kind in `main/core/audit/audit.ts` has both; a kind without one
 * is shown by its code rather than hidden.
 */
export const auditKindTexts: Record<'en' | 'nb', Record<string, string>> = {
  en: {
    'study.created': 'Study created',
    'study.opened': 'Study opened',
    'study.migrated': 'Study file brought up to date',
    'study.locked': 'Study locked',
    'study.closed': 'Study closed',
    'study.passphraseChanged': 'Passphrase changed',
    'study.pageUpdated': 'Study page changed',
    'study.settingsChanged': 'Security settings changed',
    'backup.made': 'Backup made',
    'backup.failed': 'Backup failed',
    'backup.removed': 'Old automatic backup removed',
    'export.written': 'Export saved',
    'recording.registered': 'Recording registered',
    'recording.transcribed': 'Recording marked as transcribed',
    'recording.deleted': 'Recording deleted',
    'request.registered': 'Request from a participant registered',
    'request.extended': 'Deadline for a request extended',
    'request.answered': 'Request answered',
    'participant.added': 'Participant added',
    'participant.pseudonymChanged': 'Pseudonym changed',
    'participant.statusChanged': 'Participant status changed',
    'participant.identityViewed': 'Identifying details shown',
    'participant.identityChanged': 'Identifying details changed',
    'participant.identityDeletedAll': 'Identifying details deleted for everyone',
    'attribute.deleted': 'Attribute deleted',
    'participant.withdrawn': 'Withdrawal carried out',
    'consent.documentCreated': 'New version of a letter or consent form',
    'consent.documentFrozen': 'Letter or consent form version frozen',
    'consent.documentExported': 'Letter or consent form saved as a file',
    'consent.recorded': 'Consent recorded',
    'consent.scanAttached': 'Scan of a consent form attached',
    'consent.scanRemoved': 'Scan of a consent form removed',
    'consent.scanCopied': 'Scan of a consent form saved as a file',
    'calendar.programmeChanged': 'Group programme changed, copied or deleted',
    'calendar.groupCreated': 'Group created with its schedule',
    'calendar.groupChanged': 'Group details changed',
    'calendar.groupDeleted': 'Group deleted with its members and attendance',
    'calendar.scheduleChanged': 'Group schedule changed',
    'calendar.memberAdded': 'Member added to a group',
    'calendar.memberChanged': 'Group member changed',
    'calendar.memberRemoved': 'Member removed from a group',
    'calendar.attendanceRecorded': 'Attendance registered',
    'calendar.logSaved': "Leader's log saved",
    'calendar.evaluationSubmitted': 'Evaluation form registered',
    'calendar.groupCompleted': "Group completion entered in the participant's details",
    'guide.versionCreated': 'New version of the interview guide',
    'guide.versionFrozen': 'Interview guide version frozen (used in an interview)',
    'interview.registered': 'Interview registered',
    'interview.changed': 'Interview details changed',
    'interview.deleted': 'Interview deleted (registered by mistake)',
    'transcript.created': 'Transcript created',
    'transcript.imported': 'Transcript imported from a file',
    'transcript.completed': 'Transcript marked complete',
    'transcript.deleted': 'Transcript deleted',
    'transcript.exportedUnanonymised': 'Transcript exported before anonymisation (the researcher overrode the warning)',
    'anonymisation.finished': 'Anonymisation review of a transcript finished',
    'anonymisation.keyViewed': 'Anonymisation key shown',
    'anonymisation.keyDeleted': 'Anonymisation key deleted (the data became anonymous)',
    'anonymisation.reopened': 'Anonymised transcript made raw again: an edit may have added something identifying',
    'exchange.imported': 'Study made from a REFI-QDA project',
    'exchange.codebookImported': 'REFI-QDA codebook added',
  },
  nb: {
    'study.created': 'Studien ble opprettet',
    'study.opened': 'Studien ble åpnet',
    'study.migrated': 'Studiefilen ble oppdatert',
    'study.locked': 'Studien ble låst',
    'study.closed': 'Studien ble lukket',
    'study.passphraseChanged': 'Passordfrasen ble endret',
    'study.pageUpdated': 'Studiesiden ble endret',
    'study.settingsChanged': 'Sikkerhetsinnstillingene ble endret',
    'backup.made': 'Sikkerhetskopi laget',
    'backup.failed': 'Sikkerhetskopi mislyktes',
    'backup.removed': 'Gammel automatisk sikkerhetskopi fjernet',
    'export.written': 'Eksport lagret',
    'recording.registered': 'Opptak registrert',
    'recording.transcribed': 'Opptak merket som transkribert',
    'recording.deleted': 'Opptak slettet',
    'request.registered': 'Henvendelse fra en deltaker registrert',
    'request.extended': 'Fristen for en henvendelse forlenget',
    'request.answered': 'Henvendelse besvart',
    'participant.added': 'Deltaker lagt til',
    'participant.pseudonymChanged': 'Pseudonym endret',
    'participant.statusChanged': 'Deltakerstatus endret',
    'participant.identityViewed': 'Identifiserende opplysninger vist',
    'participant.identityChanged': 'Identifiserende opplysninger endret',
    'participant.identityDeletedAll': 'Identifiserende opplysninger slettet for alle',
    'attribute.deleted': 'Egenskap slettet',
    'participant.withdrawn': 'Tilbaketrekking gjennomført',
    'consent.documentCreated': 'Ny versjon av informasjonsskriv eller samtykkeskjema',
    'consent.documentFrozen': 'Versjon av informasjonsskriv eller samtykkeskjema låst',
    'consent.documentExported': 'Informasjonsskriv eller samtykkeskjema lagret som fil',
    'consent.recorded': 'Samtykke registrert',
    'consent.scanAttached': 'Skannet samtykkeskjema lagt ved',
    'consent.scanRemoved': 'Skannet samtykkeskjema fjernet',
    'consent.scanCopied': 'Skannet samtykkeskjema lagret som fil',
    'calendar.programmeChanged': 'Gruppeprogram endret, kopiert eller slettet',
    'calendar.groupCreated': 'Gruppe opprettet med timeplan',
    'calendar.groupChanged': 'Opplysninger om en gruppe endret',
    'calendar.groupDeleted': 'Gruppe slettet med medlemmer og oppmøte',
    'calendar.scheduleChanged': 'Timeplanen for en gruppe endret',
    'calendar.memberAdded': 'Medlem lagt til i en gruppe',
    'calendar.memberChanged': 'Gruppemedlem endret',
    'calendar.memberRemoved': 'Medlem fjernet fra en gruppe',
    'calendar.attendanceRecorded': 'Oppmøte registrert',
    'calendar.logSaved': 'Gruppeleders logg lagret',
    'calendar.evaluationSubmitted': 'Evalueringsskjema registrert',
    'calendar.groupCompleted': 'Fullført gruppe ført inn i deltakerens opplysninger',
    'guide.versionCreated': 'Ny versjon av intervjuguiden',
    'guide.versionFrozen': 'Versjon av intervjuguiden låst (brukt i et intervju)',
    'interview.registered': 'Intervju registrert',
    'interview.changed': 'Opplysninger om et intervju endret',
    'interview.deleted': 'Intervju slettet (registrert ved en feil)',
    'transcript.created': 'Transkripsjon opprettet',
    'transcript.imported': 'Transkripsjon importert fra fil',
    'transcript.completed': 'Transkripsjon merket som ferdig',
    'transcript.deleted': 'Transkripsjon slettet',
    'transcript.exportedUnanonymised': 'Transkripsjon eksportert før anonymisering (forskeren overstyrte advarselen)',
    'anonymisation.finished': 'Anonymiseringsgjennomgang av en transkripsjon fullført',
    'anonymisation.keyViewed': 'Anonymiseringsnøkkelen vist',
    'anonymisation.keyDeleted': 'Anonymiseringsnøkkelen slettet (dataene ble anonyme)',
    'anonymisation.reopened': 'Anonymisert transkripsjon gjort rå igjen: en endring kan ha lagt til noe identifiserende',
    'exchange.imported': 'Studie laget fra et REFI-QDA-prosjekt',
    'exchange.codebookImported': 'REFI-QDA-kodebok lagt til',
  },
};

export function auditKindText(kind: string, language: 'en' | 'nb'): string {
  return auditKindTexts[language][kind] ?? kind;
}

/** The detail's keys in words (counts and kinds only ever). Unknown keys are shown as they are. */
export const auditDetailTexts: Record<'en' | 'nb', Record<string, string>> = {
  en: {
    format: 'format', rows: 'rows', columns: 'columns', what: 'what', count: 'count', kind: 'kind', bytes: 'bytes',
    participant: 'participant no.', participantId: 'participant no.', status: 'status', version: 'version', fields: 'fields',
    from: 'from', to: 'to', values: 'values', attribute: 'attribute no.',
    consentId: 'consent no.', letterId: 'letter no.', formId: 'form no.', documentId: 'document no.', method: 'signed',
    allowsRecording: 'audio recording', allowsQuotes: 'quotes', renewal: 'renewal', scope: 'scope', recordingId: 'recording no.',
    audioStored: 'audio in the study', audioRemoved: 'audio removed', deletionDays: 'days until deletion', requestId: 'request no.',
    mediaType: 'file type', replaced: 'replaced', starter: 'starter text', basedOn: 'based on no.', keptBecauseChanged: 'kept (worked in)',
    interviewId: 'interview no.', guideVersionId: 'guide version no.', recordings: 'recordings', notes: 'with notes',
    programmeId: 'programme no.', copiedFrom: 'copied from no.', groupId: 'group no.', sessionId: 'session no.', memberId: 'member no.',
    sessions: 'sessions', members: 'members', linked: 'linked to a participant', entries: 'entries', mentions: 'notes on members',
    formKey: 'form', themes: 'themes', moved: 'sessions moved', added: 'added', removed: 'removed', events: 'events', deleted: 'deleted',
    transcriptId: 'transcript no.', lines: 'lines', changedLines: 'lines changed', proposals: 'possible identifiers',
    // What an access export held (counts only).
    identifyingDetails: 'identifying details', attributes: 'attribute values', consents: 'consents', scans: 'scans',
    interviews: 'interviews', transcripts: 'transcripts', transcriptLines: 'transcript lines', anonymisationHits: 'anonymisation review entries',
    keyEntries: 'key entries', groups: 'groups', groupAttendance: 'attendance entries', groupNotes: "leaders' notes",
    groupEvaluations: 'evaluation forms', requests: 'requests', withdrawal: 'withdrawal',
    sources: 'sources', codings: 'codings', cases: 'cases', variables: 'variables', lineEnding: 'line endings', notHeld: 'not held', participants: 'participants', merged: 'merged',
    selection: 'passages chosen', chosen: 'chosen', rawLeftOut: 'passages left out (not anonymised)', codes: 'codes', focusedCodes: 'focused codes',
    memos: 'memos', quotes: 'quotes', categories: 'categories',
  },
  nb: {
    format: 'format', rows: 'rader', columns: 'kolonner', what: 'hva', count: 'antall', kind: 'type', bytes: 'byte',
    participant: 'deltaker nr.', participantId: 'deltaker nr.', status: 'status', version: 'versjon', fields: 'felt',
    from: 'fra', to: 'til', values: 'verdier', attribute: 'egenskap nr.',
    consentId: 'samtykke nr.', letterId: 'skriv nr.', formId: 'skjema nr.', documentId: 'dokument nr.', method: 'signert',
    allowsRecording: 'lydopptak', allowsQuotes: 'sitater', renewal: 'fornyelse', scope: 'omfang', recordingId: 'opptak nr.',
    audioStored: 'lyd i studien', audioRemoved: 'lyd fjernet', deletionDays: 'dager til sletting', requestId: 'henvendelse nr.',
    mediaType: 'filtype', replaced: 'erstattet', starter: 'starttekst', basedOn: 'basert på nr.', keptBecauseChanged: 'beholdt (arbeidet i)',
    interviewId: 'intervju nr.', guideVersionId: 'guideversjon nr.', recordings: 'opptak', notes: 'med merknader',
    programmeId: 'program nr.', copiedFrom: 'kopiert fra nr.', groupId: 'gruppe nr.', sessionId: 'samling nr.', memberId: 'medlem nr.',
    sessions: 'samlinger', members: 'medlemmer', linked: 'koblet til en deltaker', entries: 'oppføringer', mentions: 'notater om medlemmer',
    formKey: 'skjema', themes: 'temaer', moved: 'samlinger flyttet', added: 'lagt til', removed: 'fjernet', events: 'hendelser', deleted: 'slettet',
    transcriptId: 'transkripsjon nr.', lines: 'linjer', changedLines: 'linjer endret', proposals: 'mulige identifikatorer',
    // Hva en innsynseksport inneholdt (bare antall).
    identifyingDetails: 'identifiserende opplysninger', attributes: 'verdier for egenskaper', consents: 'samtykker', scans: 'skannede skjemaer',
    interviews: 'intervjuer', transcripts: 'transkripsjoner', transcriptLines: 'linjer i transkripsjoner', anonymisationHits: 'oppføringer i anonymiseringsgjennomgangen',
    keyEntries: 'oppføringer i nøkkelen', groups: 'grupper', groupAttendance: 'oppmøteregistreringer', groupNotes: 'gruppeledernes notater',
    groupEvaluations: 'evalueringsskjemaer', requests: 'henvendelser', withdrawal: 'tilbaketrekking',
    sources: 'kilder', codings: 'kodinger', cases: 'tilfeller', variables: 'variabler', lineEnding: 'linjeskift', notHeld: 'ikke tatt med', participants: 'deltakere', merged: 'slått sammen',
    selection: 'utdrag valgt', chosen: 'valgt', rawLeftOut: 'utdrag utelatt (ikke anonymisert)', codes: 'koder', focusedCodes: 'fokuserte koder',
    memos: 'memoer', quotes: 'sitater', categories: 'kategorier',
  },
};

/** Codes that appear as detail values, in words. */
const detailValueTexts: Record<'en' | 'nb', Record<string, string>> = {
  en: {
    participantTable: 'participant table', auditTrail: 'audit trail', accessExport: 'access export', automatic: 'automatic', manual: 'manual',
    true: 'yes', false: 'no', paper: 'on paper', digital: 'digitally', letter: 'information letter', form: 'consent form',
    deleteEverything: 'delete everything', keepAnonymisedAnalysis: 'keep what is anonymised and analysed',
    interviewGuide: 'interview guide',
    groupCalendar: 'group calendar (.ics)', groupSchedule: 'group schedule', groupAttendance: 'attendance list',
    transcript: 'transcript', typed: 'typed', pasted: 'pasted',
    refiProject: 'REFI-QDA project', refiCodebook: 'REFI-QDA codebook', lf: 'LF (Mac, Linux)', crlf: 'CRLF (Windows, MAXQDA)',
    codingTable: 'coding table', codebook: 'codebook', all: 'all', categories: 'by category', focusedCodes: 'by focused code',
    memos: 'memos', quotes: 'quotes',
  },
  nb: {
    participantTable: 'deltakertabell', auditTrail: 'logg', accessExport: 'innsynseksport', automatic: 'automatisk', manual: 'manuell',
    true: 'ja', false: 'nei', paper: 'på papir', digital: 'digitalt', letter: 'informasjonsskriv', form: 'samtykkeskjema',
    deleteEverything: 'slett alt', keepAnonymisedAnalysis: 'behold det som er anonymisert og analysert',
    interviewGuide: 'intervjuguide',
    groupCalendar: 'gruppekalender (.ics)', groupSchedule: 'timeplan for gruppe', groupAttendance: 'oppmøteliste',
    transcript: 'transkripsjon', typed: 'skrevet inn', pasted: 'limt inn',
    refiProject: 'REFI-QDA-prosjekt', refiCodebook: 'REFI-QDA-kodebok', lf: 'LF (Mac, Linux)', crlf: 'CRLF (Windows, MAXQDA)',
    codingTable: 'kodingstabell', codebook: 'kodebok', all: 'alle', categories: 'etter kategori', focusedCodes: 'etter fokusert kode',
    memos: 'memoer', quotes: 'sitater',
  },
};

/**
 * A withdrawal's receipt counts rows per table (`deleted.participant_identity: 1`, `cleared.consent: 1`):
 * the table is named in the words the withdrawal plan uses.
 */
const perTableTexts: Record<'en' | 'nb', Record<string, string>> = {
  en: { deleted: 'deleted', cleared: 'free text emptied' },
  nb: { deleted: 'slettet', cleared: 'fritekst tømt' },
};

/** A detail's key in words; a key nobody has words for is shown as it is rather than hidden. */
export function auditDetailKeyText(key: string, language: 'en' | 'nb'): string | null {
  const known = auditDetailTexts[language][key];
  if (known) return known;
  const [prefix = '', table = ''] = key.split('.', 2);
  const action = perTableTexts[language][prefix];
  const tableWords = (participantTableTexts[language] as Record<string, string>)[table];
  return action && tableWords ? `${action} – ${tableWords}` : null;
}

export function auditDetailText(detail: Record<string, string | number | boolean | null>, language: 'en' | 'nb'): string {
  return Object.entries(detail)
    .map(([key, value]) => `${auditDetailKeyText(key, language) ?? key}: ${detailValueTexts[language][String(value)] ?? String(value)}`)
    .join('; ');
}
