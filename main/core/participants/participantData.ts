/**
 * The one place that knows every table holding data about a participant, and what withdrawal does
 * with it. Withdrawal, the access export and the end-of-study deletion all read this list; a test
 * (tests/unit/participants/participantData.test.ts) walks the schema's foreign keys and fails when a
 * table that reaches `participant` is missing here, and when a table such a row points at is neither
 * listed as reached through it nor named as shared by the whole study. A later feature that stores
 * something about a participant (codings, memos, group membership) adds its table here in the same change.
 */
export type WithdrawalScope = 'deleteEverything' | 'keepAnonymisedAnalysis';

/**
 * What one kind of withdrawal does with a table's rows: delete them all, keep them all, or keep the
 * rows `keptRowsOf` selects among them and delete the rest. `keptRowsOf` is a condition without
 * parameters, combined with `rowsOf`. It must select the same rows when the plan is made and when the
 * withdrawal reaches the table, after the tables above it in the list: so it may look at the table's
 * own columns, at tables further down, or at rows above that the same withdrawal keeps.
 */
export type OnWithdrawal = 'delete' | 'keep' | { keptRowsOf: string };

export interface ParticipantTable {
  table: string;
  /** A WHERE clause selecting this table's rows for participant `?` (the one parameter). */
  rowsOf: string;
  /** What each kind of withdrawal does with the rows. */
  onWithdrawal: Record<WithdrawalScope, OnWithdrawal>;
  /** Why the rows are kept when they are (for the researcher's list before confirming). */
  keptBecause?: string;
  /** Free-text columns a researcher may have written about the person: emptied when the rows are kept. */
  clearedOnKeep?: readonly string[];
}

/**
 * A table no foreign key leads from `participant` to, whose rows are about a participant all the
 * same because one of the participant tables points at them: `through` is that table. Such rows are
 * chosen before anything is deleted (deleting the rows that point at them would hide them) and
 * deleted after the participant tables, by every kind of withdrawal.
 */
export interface TableReachedThrough {
  table: string;
  /** The participant table whose rows point at this one. */
  through: string;
  /** A WHERE clause selecting the rows that only participant `?`'s data reaches. */
  rowsOf: string;
}

const always = { deleteEverything: 'delete', keepAnonymisedAnalysis: 'delete' } as const;
const never = { deleteEverything: 'keep', keepAnonymisedAnalysis: 'keep' } as const;

const interviewsOf = 'SELECT id FROM interview WHERE participant_id = ?';
const transcriptsOf = `SELECT id FROM transcript WHERE interview_id IN (${interviewsOf})`;
const membersOf = 'SELECT id FROM group_member WHERE participant_id = ?';
const anonymisedTranscripts = "SELECT id FROM transcript WHERE state = 'anonymised'";

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
  // Interviews and transcripts (issue 4). Keeping the anonymised analysis keeps the anonymised
  // transcripts and their lines (codings will anchor on them), and the interview they belong to as
  // their anchor, its free text emptied. The review's hits hold the originals, the checklist and raw
  // transcripts are not analysis, and every link from this person's transcripts to the key goes, so
  // a transcript that is kept cannot be led back to the originals through it.
  // The analysis (issue 5): codings, quotes and memos about a passage of this person's transcripts
  // go with the transcripts and stay with them: deleted with everything, kept with the anonymised
  // transcripts they are anchored in (the analysis those transcripts carry). A memo about a code or
  // a category is about the analysis, not a person, and has no transcript here. The codes and
  // categories are the study's (sharedTables); the undo log is emptied whole (tablesEmptiedOnWithdrawal).
  {
    table: 'coding',
    rowsOf: `transcript_id IN (${transcriptsOf})`,
    onWithdrawal: { deleteEverything: 'delete', keepAnonymisedAnalysis: { keptRowsOf: `transcript_id IN (${anonymisedTranscripts})` } },
    keptBecause: 'anonymisedTranscript',
  },
  {
    table: 'quote',
    rowsOf: `transcript_id IN (${transcriptsOf})`,
    onWithdrawal: { deleteEverything: 'delete', keepAnonymisedAnalysis: { keptRowsOf: `transcript_id IN (${anonymisedTranscripts})` } },
    keptBecause: 'anonymisedTranscript',
  },
  {
    table: 'memo',
    rowsOf: `transcript_id IN (${transcriptsOf})`,
    onWithdrawal: { deleteEverything: 'delete', keepAnonymisedAnalysis: { keptRowsOf: `transcript_id IN (${anonymisedTranscripts})` } },
    keptBecause: 'anonymisedTranscript',
  },
  { table: 'anonymisation_hit', rowsOf: `transcript_id IN (${transcriptsOf})`, onWithdrawal: always },
  { table: 'anonymisation_key_use', rowsOf: `transcript_id IN (${transcriptsOf})`, onWithdrawal: always },
  {
    table: 'transcript_line',
    rowsOf: `transcript_id IN (${transcriptsOf})`,
    onWithdrawal: { deleteEverything: 'delete', keepAnonymisedAnalysis: { keptRowsOf: `transcript_id IN (${anonymisedTranscripts})` } },
    keptBecause: 'anonymisedTranscript',
  },
  {
    table: 'transcript',
    rowsOf: `interview_id IN (${interviewsOf})`,
    onWithdrawal: { deleteEverything: 'delete', keepAnonymisedAnalysis: { keptRowsOf: "state = 'anonymised'" } },
    keptBecause: 'anonymisedTranscript',
    // The review covers the lines; the title and the name given to the participant's voice are not reviewed.
    clearedOnKeep: ['title', 'participant_label'],
  },
  { table: 'interview_question', rowsOf: `interview_id IN (${interviewsOf})`, onWithdrawal: always },
  // The group calendar (issue 7): a group member linked to the participant goes, with their
  // attendance, the leader's notes about them, their individual talks and the evaluation answers
  // linked to them. The group, its sessions and the log about the group as a whole stay.
  { table: 'group_log_mention', rowsOf: `member_id IN (${membersOf})`, onWithdrawal: always },
  { table: 'group_attendance', rowsOf: `member_id IN (${membersOf})`, onWithdrawal: always },
  { table: 'group_talk', rowsOf: `member_id IN (${membersOf})`, onWithdrawal: always },
  { table: 'group_evaluation', rowsOf: `member_id IN (${membersOf})`, onWithdrawal: always },
  { table: 'group_member', rowsOf: 'participant_id = ?', onWithdrawal: always },
  {
    table: 'interview',
    rowsOf: 'participant_id = ?',
    onWithdrawal: { deleteEverything: 'delete', keepAnonymisedAnalysis: { keptRowsOf: `id IN (SELECT interview_id FROM transcript WHERE state = 'anonymised')` } },
    keptBecause: 'interviewAnchor',
    clearedOnKeep: ['notes', 'setting_other'],
  },
  { table: 'withdrawal', rowsOf: 'participant_id = ?', onWithdrawal: never, keptBecause: 'withdrawalRecord' },
];

export const tablesReachedThrough: readonly TableReachedThrough[] = [
  // The key is study-wide: an entry goes when only this person's transcripts used it. An entry
  // another participant's transcript uses stays, with that use.
  {
    table: 'anonymisation_key',
    through: 'anonymisation_key_use',
    rowsOf: `id IN (SELECT u.key_id FROM anonymisation_key_use u
      JOIN transcript t ON t.id = u.transcript_id JOIN interview i ON i.id = t.interview_id
      GROUP BY u.key_id HAVING min(i.participant_id = ?) = 1)`,
  },
];

/**
 * Tables the participant tables point at that hold nothing about any one participant: the study's
 * attribute definitions, its consent documents and its interview guide; a group and its
 * sessions, which are the whole group's (what concerns one member is in the member's tables); and
 * the codes and categories of the analysis. A shared table may link to participant data only by a
 * link the deletion empties (`ON DELETE SET NULL`: a subcategory named by a quote keeps its name and
 * loses the link when the quote goes); the test checks that.
 */
export const sharedTables: readonly string[] = ['attribute', 'consent_document', 'guide_version', 'calendar_group', 'group_session', 'code', 'category'];

/**
 * Tables that may hold any participant's words as text that no query can pick out by participant:
 * the coding undo log keeps the SQL that would restore a removed coding, quote or memo (its wording
 * and text included). Every withdrawal empties them whole, for the whole study, so that deletion
 * means deleted; the researcher loses the undo and redo history of coding, nothing else.
 */
export const tablesEmptiedOnWithdrawal: readonly string[] = ['coding_undo_sql', 'coding_undo_step'];

/** The participant's own row: kept on withdrawal with only its pseudonym, status and dates. */
export const participantTable = 'participant';
