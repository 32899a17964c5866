/**
 * What a value of each kind of attribute may be. Both the form (to explain a refusal at once) and
 * the core (which stores only what passes) use this, so they never disagree.
 */
export const attributeKinds = ['text', 'number', 'date', 'choice'] as const;
export type AttributeKind = (typeof attributeKinds)[number];

/** Why a value was refused: it is not a number, not a calendar date, or not one of the choices. */
export type AttributeValueProblem = 'number' | 'date' | 'choice' | 'tooLong';

export const attributeValueMaxLength = 2000;

/** Reads a number typed with a comma or a point as the decimal mark; null when it is none. */
export function parseAttributeNumber(text: string): number | null {
  const normalised = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return null;
  const number = Number(normalised);
  return Number.isFinite(number) ? number : null;
}

/** Whether `text` is a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The value as it is stored (numbers with a point, text trimmed), or the problem with it. An empty
 * value means "not filled in" and is always accepted.
 */
export function checkAttributeValue(
  kind: AttributeKind,
  choices: readonly string[],
  raw: string,
): { ok: true; value: string } | { ok: false; problem: AttributeValueProblem } {
  const text = raw.trim();
  if (text === '') return { ok: true, value: '' };
  if (text.length > attributeValueMaxLength) return { ok: false, problem: 'tooLong' };
  switch (kind) {
    case 'text':
      return { ok: true, value: text };
    case 'number': {
      const number = parseAttributeNumber(text);
      return number === null ? { ok: false, problem: 'number' } : { ok: true, value: String(number) };
    }
    case 'date':
      return isCalendarDate(text) ? { ok: true, value: text } : { ok: false, problem: 'date' };
    case 'choice':
      return choices.includes(text) ? { ok: true, value: text } : { ok: false, problem: 'choice' };
  }
}

/** "Deltaker N" with N one more than the highest such pseudonym in use. */
export function nextPseudonym(taken: readonly string[]): string {
  let highest = 0;
  for (const pseudonym of taken) {
    const match = /^deltaker\s+(\d+)$/i.exec(pseudonym.trim());
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `Deltaker ${highest + 1}`;
}
