import { randomUUID } from 'node:crypto';
import type { Passage } from '../../../shared/coding/contract.js';
import type { TranscriptSummary, Transcript } from '../../../shared/transcripts/contract.js';
import { value, type FreshStudy } from '../../helpers/study.js';
import { addInterview } from '../transcripts/setup.js';

/**
 * A study with transcripts to write memos and mark quotes on, made through the transcripts' own
 * channels; the anonymisation review's finish and the codebook's rows are written straight into the
 * file (as those features store them), so these tests depend only on the schema there.
 */

export async function addTranscript(study: FreshStudy, pseudonym: string, lines: string[], options: { anonymised?: boolean; heldAt?: string } = {}): Promise<Transcript> {
  const { interviewId } = addInterview(study, pseudonym, options.heldAt);
  const summary = value<TranscriptSummary>(await study.core.invoke('transcripts.create', { interviewId, source: 'pasted', text: lines.join('\n') }));
  if (options.anonymised ?? true) markAnonymised(study, summary.id);
  return value<Transcript>(await study.core.invoke('transcripts.get', { id: summary.id }));
}

export function markAnonymised(study: FreshStudy, transcriptId: number): void {
  study.core.session.require().db.write((writer) => {
    const at = new Date().toISOString();
    writer.statement("UPDATE transcript SET state = 'anonymised', anonymised_at = ?, revision = revision + 1, updated_at = ? WHERE id = ?").run(at, at, transcriptId);
  });
}

export function markRaw(study: FreshStudy, transcriptId: number): void {
  study.core.session.require().db.write((writer) => writer.statement("UPDATE transcript SET state = 'raw', anonymised_at = NULL WHERE id = ?").run(transcriptId));
}

/** Whole lines `from`–`to` (1-based, as the margin numbers them). */
export function linesPassage(transcript: Transcript, from: number, to: number): Passage {
  const start = transcript.content[from - 1]!;
  const end = transcript.content[to - 1]!;
  return { transcriptId: transcript.id, startLineId: start.id, startOffset: 0, endLineId: end.id, endOffset: end.text.length };
}

export function addCode(study: FreshStudy, name: string, level: 'initial' | 'focused' = 'initial'): number {
  return study.core.session.require().db.write((writer) => {
    const at = new Date().toISOString();
    return Number(
      writer
        .statement("INSERT INTO code (guid, level, name, colour, created_at, updated_at) VALUES (?, ?, ?, '#2f6fb0', ?, ?)")
        .run(randomUUID(), level, name, at, at).lastInsertRowid,
    );
  });
}

export function addCategory(study: FreshStudy, name: string, parentId: number | null = null, position = 0): number {
  return study.core.session.require().db.write((writer) => {
    const at = new Date().toISOString();
    return Number(
      writer
        .statement('INSERT INTO category (guid, parent_id, name, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(randomUUID(), parentId, name, position, at, at).lastInsertRowid,
    );
  });
}

/** The audit trail's events of one kind, with their details. */
export function auditEvents(study: FreshStudy, kind: string): Record<string, unknown>[] {
  return study.core.session
    .require()
    .db.read((reader) => reader.query<{ detail: string }>('SELECT detail FROM audit_event WHERE kind = ? ORDER BY id').all(kind))
    .map((row) => JSON.parse(row.detail) as Record<string, unknown>);
}
