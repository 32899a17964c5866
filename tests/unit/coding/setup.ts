import type { Code, Coding, Passage, UndoState } from '../../../shared/coding/contract.js';
import type { InvokeResult } from '../../../shared/contract/errors.js';
import type { Transcript, TranscriptSummary } from '../../../shared/transcripts/contract.js';
import { analysisTables } from '../../../main/core/db/migrations/0006-coding.js';
import { freshStudy, value, type FreshStudy } from '../../helpers/study.js';
import { addInterview } from '../transcripts/setup.js';

/** A study with anonymised transcripts of the given texts (one line a sentence, "I:"/"D:" speakers). */
export async function codingStudy(...texts: string[]): Promise<{ study: FreshStudy; transcripts: Transcript[] }> {
  const study = await freshStudy();
  const transcripts: Transcript[] = [];
  for (const [index, text] of texts.entries()) {
    const { interviewId } = addInterview(study, `Deltaker ${index + 1}`);
    const summary = value<TranscriptSummary>(await study.core.invoke('transcripts.create', { interviewId, source: 'pasted', text }));
    // As the anonymisation review marks a transcript it has finished.
    study.core.session.require().db.write((writer) => {
      writer.statement("UPDATE transcript SET state = 'anonymised', anonymised_at = ? WHERE id = ?").run(new Date().toISOString(), summary.id);
    });
    transcripts.push(value<Transcript>(await study.core.invoke('transcripts.get', { id: summary.id })));
  }
  return { study, transcripts };
}

/** The whole of one line of a transcript, as a passage. */
export function wholeLine(transcript: Transcript, index: number): Passage {
  const line = transcript.content[index]!;
  return { transcriptId: transcript.id, startLineId: line.id, startOffset: 0, endLineId: line.id, endOffset: line.text.length };
}

/** From line `from` offset `a` to line `to` offset `b`. */
export function span(transcript: Transcript, from: number, a: number, to: number, b: number): Passage {
  return { transcriptId: transcript.id, startLineId: transcript.content[from]!.id, startOffset: a, endLineId: transcript.content[to]!.id, endOffset: b };
}

export function call<T>(study: FreshStudy, channel: string, input: unknown): Promise<T> {
  return study.core.invoke(channel, input).then((result) => value<T>(result));
}

export async function refused(study: FreshStudy, channel: string, input: unknown): Promise<string | undefined> {
  const result: InvokeResult<unknown> = await study.core.invoke(channel, input);
  return result.ok ? undefined : result.error.code;
}

export async function createCode(study: FreshStudy, name: string, level: 'initial' | 'focused' = 'initial'): Promise<Code> {
  return (await call<{ code: Code }>(study, 'coding.createCode', { level, name })).code;
}

export async function apply(study: FreshStudy, codeId: number, ...passages: Passage[]): Promise<Coding[]> {
  return (await call<{ codings: Coding[] }>(study, 'coding.apply', { code: { id: codeId }, passages })).codings;
}

export type UndoAnswer = { label: string | null; undo: UndoState };

/** Every row of every analysis table (and code history), sorted: to compare the study before and after. */
export function dump(study: FreshStudy): Record<string, unknown[]> {
  return study.core.session.require().db.read((reader) =>
    Object.fromEntries(analysisTables.map((table) => [table, reader.query(`SELECT rowid AS _rowid, * FROM ${table} ORDER BY rowid`).all()])),
  );
}
