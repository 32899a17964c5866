/**
 * The one place that knows every table holding data about a participant, and what withdrawal does
 * with it. Withdrawal, the access export and the end-of-study deletion all read this list; a test
 * (tests/unit/participants/participantData.test.ts) walks the schema's foreign keys and fails when a
 * table that reaches `participant` is missing here. A later feature that stores something about a
 * participant (transcripts, codings, memos, group membership) adds its table here in the same change.
 */
export type WithdrawalScope = 'deleteEverything' | 'keepAnonymisedAnalysis';

export interface ParticipantTable {
  table: string;
  /** A WHERE clause selecting this table's rows for participant `?`. */
  rowsOf: string;
  /** What each kind of withdrawal does with the rows: delete them, or keep them. */
  onWithdrawal: Record<WithdrawalScope, 'delete' | 'keep'>;
  /** Why the rows are kept when they are (for the researcher's list before confirming). */
  keptBecause?: string;
  /** Free-text columns a researcher may have written about the person: emptied when the rows are kept. */
  clearedOnKeep?: readonly string[];
}

const always = { deleteEverything: 'delete', keepAnonymisedAnalysis: 'delete' } as const;
const never = { deleteEverything: 'keep', keepAnonymisedAnalysis: 'keep' } as const;

const interviewsOf = 'SELECT id FROM interview WHERE participant_id = ?';
const transcriptsOf = `SELECT id FROM transcript WHERE interview_id IN (${interviewsOf})`;

export const participantTables: readonly ParticipantTable[] = [
  // Children before parents, so deletion in this order never trips a foreign key.
  { table: 'participant_identity', rowsOf: 'participant_id = ?', onWithdrawal: always },
  { table: 'attribute_value', rowsOf: 'participant_id = ?', onWithdrawal: always },
  { table: 'consent_scan', rowsOf: 'consent_id IN (SELECT id FROM consent WHERE participant_id = ?)', onWithdrawal: always },
  {
    table: 'consent',
    rowsOf: 'participant_id = ?',
    onWithdrawal: never,
    // Dates and options only: the record that processing before the withdrawal had a lawful basis.
    keptBecause: 'consentRecord',
    clearedOnKeep: ['signed_place'],
  },
  { table: 'recording_audio', rowsOf: 'recording_id IN (SELECT id FROM recording WHERE participant_id = ?)', onWithdrawal: always },
  {
    table: 'recording',
    rowsOf: 'participant_id = ?',
    onWithdrawal: never,
    // The register's receipt (made, transcribed, deleted when and how): no content, no identity.
    keptBecause: 'recordingReceipt',
    clearedOnKeep: ['notes'],
  },
  {
    table: 'rights_request',
    rowsOf: 'participant_id = ?',
    onWithdrawal: never,
    // The controller must be able to show how a request was handled.
    keptBecause: 'requestRecord',
    clearedOnKeep: ['notes', 'extension_reason'],
  },
  // Interviews and transcripts (issue 4). The transcripts feature refines what a withdrawal that
  // keeps the anonymised analysis keeps; until then everything about the interview goes.
  { table: 'anonymisation_hit', rowsOf: `transcript_id IN (${transcriptsOf})`, onWithdrawal: always },
  { table: 'anonymisation_key_use', rowsOf: `transcript_id IN (${transcriptsOf})`, onWithdrawal: always },
  { table: 'transcript_line', rowsOf: `transcript_id IN (${transcriptsOf})`, onWithdrawal: always },
  { table: 'transcript', rowsOf: `interview_id IN (${interviewsOf})`, onWithdrawal: always },
  { table: 'interview_question', rowsOf: `interview_id IN (${interviewsOf})`, onWithdrawal: always },
  { table: 'interview', rowsOf: 'participant_id = ?', onWithdrawal: always },
  { table: 'withdrawal', rowsOf: 'participant_id = ?', onWithdrawal: never, keptBecause: 'withdrawalRecord' },
];

/** The participant's own row: kept on withdrawal with only its pseudonym, status and dates. */
export const participantTable = 'participant';
