import type { ComparisonCategory, ComparisonCode } from '../../../../shared/comparison/contract.js';

/** The interview's day, `YYYY-MM-DDTHH:MM` local time, as a date in the user's language. */
export function interviewDay(heldAt: string, locale: string): string {
  const date = new Date(`${heldAt.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return heldAt;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** Categories in tree order, each with its depth (0 for a main category). */
export function categoryTree(categories: readonly ComparisonCategory[]): { category: ComparisonCategory; depth: number }[] {
  const children = new Map<number | null, ComparisonCategory[]>();
  for (const category of categories) {
    const list = children.get(category.parentId) ?? [];
    list.push(category);
    children.set(category.parentId, list);
  }
  const ordered: { category: ComparisonCategory; depth: number }[] = [];
  const walk = (parentId: number | null, depth: number) => {
    for (const category of [...(children.get(parentId) ?? [])].sort((a, b) => a.position - b.position || a.id - b.id)) {
      ordered.push({ category, depth });
      walk(category.id, depth + 1);
    }
  };
  walk(null, 0);
  return ordered;
}

export const byName = (a: ComparisonCode, b: ComparisonCode) => a.name.localeCompare(b.name, 'nb', { sensitivity: 'base' });

/** Today minus one year, `YYYY-MM-DD` (29 February becomes 28 February). */
export function yearAgo(today = new Date()): string {
  const year = today.getFullYear() - 1;
  const month = today.getMonth();
  const day = Math.min(today.getDate(), new Date(year, month + 1, 0).getDate());
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
