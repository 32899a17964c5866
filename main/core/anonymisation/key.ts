import type { KeyEntry, KeySummary } from '../../../shared/anonymisation/contract.js';
import type { IdentifierKind } from '../../../shared/anonymisation/kinds.js';
import { GroundworkError } from '../../../shared/contract/errors.js';
import { recordAudit } from '../audit/audit.js';
import type { StudyReader, StudyWriter } from '../db/connection.js';

/**
 * The key: every original with its replacement, kept apart inside the study file. It is shown only
 * when asked for (and that is recorded), and deleted in one step: then the key, every review's
 * originals and the transcripts' link to them are gone, and the data are anonymous. The numbers
 * already given (`anonymisation_label`) stay, so later transcripts never reuse one.
 */

export function keySummary(reader: StudyReader): KeySummary {
  const row = reader
    .query<KeySummary>(
      `SELECT (SELECT count(*) FROM anonymisation_key) AS entries,
              (SELECT count(DISTINCT transcript_id) FROM anonymisation_key_use) AS transcriptsUsing,
              (SELECT count(*) FROM transcript t WHERE t.state = 'raw'
                 AND EXISTS (SELECT 1 FROM transcript_line l WHERE l.transcript_id = t.id AND length(trim(l.text)) > 0)) AS rawTranscripts`,
    )
    .get();
  return row!;
}

/** The key itself; recorded in the audit trail (the count, never an entry). */
export function viewKey(writer: StudyWriter, now = new Date()): KeyEntry[] {
  const entries = writer
    .query<{ id: number; original: string; replacement: string; kind: IdentifierKind; transcripts: number }>(
      `SELECT k.id, k.original, k.replacement, k.kind,
              (SELECT count(*) FROM anonymisation_key_use u WHERE u.key_id = k.id) AS transcripts
       FROM anonymisation_key k ORDER BY k.kind, k.replacement, k.original`,
    )
    .all();
  recordAudit(writer, 'anonymisation.keyViewed', { entries: entries.length }, now);
  return entries;
}

/**
 * Deletes the key and every review's hits. Refused while a transcript with text is still raw: its
 * lines hold what identifies people, so deleting the key would not make the data anonymous, and
 * its review would lose the decisions made so far.
 */
export function deleteKey(writer: StudyWriter, now = new Date()): { deletedEntries: number; deletedHits: number } {
  const summary = keySummary(writer);
  if (summary.rawTranscripts > 0) throw new GroundworkError('anonymisation.rawTranscripts');
  const deletedHits = writer.statement('DELETE FROM anonymisation_hit').run().changes;
  writer.statement('DELETE FROM anonymisation_key_use').run();
  const deletedEntries = writer.statement('DELETE FROM anonymisation_key').run().changes;
  recordAudit(writer, 'anonymisation.keyDeleted', { entries: deletedEntries, hits: deletedHits, transcripts: summary.transcriptsUsing }, now);
  return { deletedEntries, deletedHits };
}
