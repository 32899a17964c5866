import type { StudyReader } from '../db/connection.js';
import { collator, readAnalysis, type CategoryNode, type CodeRow } from './analysis.js';

/**
 * The codebook: categories › subcategories › focused codes › the initial codes they subsume, with
 * definitions and counts. Counts are over every transcript (the codebook holds no transcript text):
 * codings are coded passages, interviews those with at least one. A focused code's counts include
 * the passages of the initial codes it subsumes (its passages are found under it); `ownCodings` is
 * its own.
 */

export interface CodebookCode {
  id: number;
  level: 'initial' | 'focused';
  name: string;
  definition: string;
  codings: number;
  interviews: number;
  ownCodings: number;
}

export interface CodebookFocused extends CodebookCode {
  initial: CodebookCode[];
}

export interface CodebookCategory extends CategoryNode {
  /** The codes placed under it: focused codes with the initial codes they subsume, and initial codes placed on their own (with none). */
  codes: CodebookFocused[];
}

export interface Codebook {
  categories: CodebookCategory[];
  unplaced: CodebookFocused[];
  /** Initial codes no focused code subsumes and no category holds. */
  notRaised: CodebookCode[];
  counts: { focused: number; initial: number; categories: number };
}

export function buildCodebook(reader: StudyReader): Codebook {
  const analysis = readAnalysis(reader);
  // Per code: its codings and the interviews they are in.
  const interviewsOf = new Map<number, Set<number>>();
  const codingsOf = new Map<number, number>();
  for (const row of reader
    .query<{ code_id: number; interview_id: number; codings: number }>(
      `SELECT c.code_id, t.interview_id, count(*) AS codings FROM coding c JOIN transcript t ON t.id = c.transcript_id GROUP BY c.code_id, t.interview_id`,
    )
    .iterate()) {
    codingsOf.set(row.code_id, (codingsOf.get(row.code_id) ?? 0) + row.codings);
    const set = interviewsOf.get(row.code_id) ?? new Set<number>();
    set.add(row.interview_id);
    interviewsOf.set(row.code_id, set);
  }
  const entry = (code: CodeRow): CodebookCode => ({
    id: code.id,
    level: code.level,
    name: code.name,
    definition: code.definition,
    codings: codingsOf.get(code.id) ?? 0,
    interviews: interviewsOf.get(code.id)?.size ?? 0,
    ownCodings: codingsOf.get(code.id) ?? 0,
  });
  const focusedEntry = (code: CodeRow): CodebookFocused => {
    const initial = (analysis.subsumes.get(code.id) ?? [])
      .map((id) => analysis.codeById.get(id)!)
      .sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id)
      .map(entry);
    const interviews = new Set(interviewsOf.get(code.id) ?? []);
    for (const subsumed of initial) for (const interview of interviewsOf.get(subsumed.id) ?? []) interviews.add(interview);
    const own = entry(code);
    return { ...own, codings: own.ownCodings + initial.reduce((sum, subsumed) => sum + subsumed.codings, 0), interviews: interviews.size, initial };
  };

  const byCategory = new Map<number | null, CodebookFocused[]>();
  for (const code of analysis.placedInOrder) {
    const list = byCategory.get(code.categoryId) ?? [];
    list.push(focusedEntry(code));
    byCategory.set(code.categoryId, list);
  }
  const initial = [...analysis.codeById.values()].filter((code) => code.level === 'initial');
  return {
    categories: analysis.categories.map((category) => ({ ...category, codes: byCategory.get(category.id) ?? [] })),
    unplaced: byCategory.get(null) ?? [],
    notRaised: initial
      .filter((code) => !analysis.subsumedBy.has(code.id) && code.categoryId === null)
      .sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id)
      .map(entry),
    counts: { focused: analysis.focusedInOrder.length, initial: initial.length, categories: analysis.categories.length },
  };
}
