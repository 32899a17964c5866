import type { GuideContent, GuidePart } from './contract.js';

/**
 * Reordering a guide, the same for the keyboard (Alt+Arrow) and for dragging. Pure functions that
 * return a new guide; keys never change, so a moved question stays the same question.
 */

function moved<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(Math.max(0, Math.min(to, next.length)), 0, item);
  return next;
}

/** Moves a part to position `to` (0-based, clamped). */
export function movePart(content: GuideContent, key: string, to: number): GuideContent {
  const from = content.parts.findIndex((part) => part.key === key);
  if (from < 0) return content;
  return { ...content, parts: moved(content.parts, from, to) };
}

/** Where a question is: its part's index and its own index in that part. */
export function findQuestion(content: GuideContent, key: string): { part: number; index: number } | null {
  for (const [part, { questions }] of content.parts.entries()) {
    const index = questions.findIndex((question) => question.key === key);
    if (index >= 0) return { part, index };
  }
  return null;
}

/** Moves a question to `index` in the part `toPart` (which may be its own). */
export function moveQuestion(content: GuideContent, key: string, toPart: string, index: number): GuideContent {
  const at = findQuestion(content, key);
  const target = content.parts.findIndex((part) => part.key === toPart);
  if (!at || target < 0) return content;
  const question = content.parts[at.part]!.questions[at.index]!;
  const parts: GuidePart[] = content.parts.map((part, partIndex) =>
    partIndex === at.part ? { ...part, questions: part.questions.filter((_, questionIndex) => questionIndex !== at.index) } : part,
  );
  const into = parts[target]!;
  const questions = [...into.questions];
  questions.splice(Math.max(0, Math.min(index, questions.length)), 0, question);
  parts[target] = { ...into, questions };
  return { ...content, parts };
}

/**
 * One step up or down, as Alt+ArrowUp/Down does: a question at the top of its part goes to the end
 * of the part before; at the bottom, to the start of the part after. Null when it cannot go further.
 */
export function stepQuestion(content: GuideContent, key: string, direction: -1 | 1): { content: GuideContent; part: string; index: number } | null {
  const at = findQuestion(content, key);
  if (!at) return null;
  const part = content.parts[at.part]!;
  const index = at.index + direction;
  if (index >= 0 && index < part.questions.length) return { content: moveQuestion(content, key, part.key, index), part: part.key, index };
  const neighbour = content.parts[at.part + direction];
  if (!neighbour) return null;
  const into = direction < 0 ? neighbour.questions.length : 0;
  return { content: moveQuestion(content, key, neighbour.key, into), part: neighbour.key, index: into };
}

/** One step up or down for a part. Null when it is already first or last. */
export function stepPart(content: GuideContent, key: string, direction: -1 | 1): { content: GuideContent; index: number } | null {
  const from = content.parts.findIndex((part) => part.key === key);
  const to = from + direction;
  if (from < 0 || to < 0 || to >= content.parts.length) return null;
  return { content: movePart(content, key, to), index: to };
}

/** Follow-up prompts as the researcher types them, one a line: blank lines and spaces around are dropped. */
export function promptLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** What must be filled in before a guide can be saved: the title, every part's title and every question. */
export function emptyGuideFields(content: GuideContent): { title: boolean; parts: string[]; questions: string[] } {
  return {
    title: content.title.trim() === '',
    parts: content.parts.filter((part) => part.title.trim() === '').map((part) => part.key),
    questions: content.parts.flatMap((part) => part.questions.filter((question) => question.text.trim() === '').map((question) => question.key)),
  };
}
