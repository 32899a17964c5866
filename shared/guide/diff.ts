import type { GuideContent, GuidePart, GuideQuestion } from './contract.js';

/**
 * What changed from one guide version to another. Parts and questions are matched by their stable
 * key, so a question whose wording was adjusted is "changed", not "removed" and "added"; one that
 * went to another part, or changed places with its neighbours, is "moved". An item both reworded
 * and moved gives two entries.
 */
export type GuideChangeKind = 'added' | 'removed' | 'changed' | 'moved';
export type GuideChangedField = 'title' | 'notes' | 'text' | 'followUps';

export interface GuideChange {
  item: 'part' | 'question';
  change: GuideChangeKind;
  key: string;
  /** The part's title or the question's text: as in the newer version, or the older if removed. */
  label: string;
  /** For a question: the title of the part it is in (in the older version, if removed). */
  part?: string;
  /** For 'changed': what changed. */
  fields?: GuideChangedField[];
  /** For a question 'moved' to another part: the title of the part it came from. */
  fromPart?: string;
}

/**
 * The keys of `before` (in order) that keep their relative order in `after`: the longest common
 * subsequence. Every other key present in both has moved. Guides are small (tens of items), so the
 * quadratic table is cheap.
 */
function keptInOrder(before: readonly string[], after: readonly string[]): Set<string> {
  const rows = before.length;
  const columns = after.length;
  const table: number[][] = Array.from({ length: rows + 1 }, () => new Array<number>(columns + 1).fill(0));
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = columns - 1; j >= 0; j--) {
      table[i]![j] = before[i] === after[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const kept = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < rows && j < columns) {
    if (before[i] === after[j]) {
      kept.add(before[i]!);
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return kept;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, index) => value === b[index]);

function partFields(before: GuidePart, after: GuidePart): GuideChangedField[] {
  const fields: GuideChangedField[] = [];
  if (before.title !== after.title) fields.push('title');
  if (before.notes !== after.notes) fields.push('notes');
  return fields;
}

function questionFields(before: GuideQuestion, after: GuideQuestion): GuideChangedField[] {
  const fields: GuideChangedField[] = [];
  if (before.text !== after.text) fields.push('text');
  if (before.notes !== after.notes) fields.push('notes');
  if (!sameList(before.followUps, after.followUps)) fields.push('followUps');
  return fields;
}

interface Located {
  question: GuideQuestion;
  part: GuidePart;
}

function questionsByKey(content: GuideContent): Map<string, Located> {
  return new Map(content.parts.flatMap((part) => part.questions.map((question) => [question.key, { question, part }] as const)));
}

/** The changes from `before` to `after`, in the newer version's order, then what was removed. */
export function diffGuides(before: GuideContent, after: GuideContent): GuideChange[] {
  const changes: GuideChange[] = [];
  const partsBefore = new Map(before.parts.map((part) => [part.key, part]));
  const partsAfter = new Set(after.parts.map((part) => part.key));
  const questionsBefore = questionsByKey(before);
  const questionsAfter = questionsByKey(after);

  const commonParts = (content: GuideContent, other: { has(key: string): boolean }) =>
    content.parts.map((part) => part.key).filter((key) => other.has(key));
  const partsInOrder = keptInOrder(commonParts(before, partsAfter), commonParts(after, partsBefore));

  for (const part of after.parts) {
    const old = partsBefore.get(part.key);
    if (!old) changes.push({ item: 'part', change: 'added', key: part.key, label: part.title });
    else {
      const fields = partFields(old, part);
      if (fields.length > 0) changes.push({ item: 'part', change: 'changed', key: part.key, label: part.title, fields });
      if (!partsInOrder.has(part.key)) changes.push({ item: 'part', change: 'moved', key: part.key, label: part.title });
    }

    // Within a part, order is judged among the questions that were in this same part before.
    const stayed = (content: GuidePart | undefined, isHere: (key: string) => boolean) =>
      (content?.questions ?? []).map((question) => question.key).filter(isHere);
    const inOrder = keptInOrder(
      stayed(old, (key) => questionsAfter.get(key)?.part.key === part.key),
      stayed(part, (key) => questionsBefore.get(key)?.part.key === part.key),
    );
    for (const question of part.questions) {
      const was = questionsBefore.get(question.key);
      const base = { item: 'question', key: question.key, label: question.text, part: part.title } as const;
      if (!was) {
        changes.push({ ...base, change: 'added' });
        continue;
      }
      const fields = questionFields(was.question, question);
      if (fields.length > 0) changes.push({ ...base, change: 'changed', fields });
      if (was.part.key !== part.key) changes.push({ ...base, change: 'moved', fromPart: was.part.title });
      else if (!inOrder.has(question.key)) changes.push({ ...base, change: 'moved' });
    }
  }

  for (const part of before.parts) {
    if (!partsAfter.has(part.key)) changes.push({ item: 'part', change: 'removed', key: part.key, label: part.title });
    for (const question of part.questions) {
      if (!questionsAfter.has(question.key)) {
        changes.push({ item: 'question', change: 'removed', key: question.key, label: question.text, part: part.title });
      }
    }
  }
  return changes;
}

/** How many of each kind of change, for a one-line summary. */
export function countChanges(changes: readonly GuideChange[]): Record<GuideChangeKind, number> {
  const counts: Record<GuideChangeKind, number> = { added: 0, removed: 0, changed: 0, moved: 0 };
  for (const change of changes) counts[change.change]++;
  return counts;
}
