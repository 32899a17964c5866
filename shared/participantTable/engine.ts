import type { ColumnRule, SourceParticipant, TableAttribute, TableDefinition } from './definition.js';

export type TableLanguage = 'en' | 'nb';

/** One cell: the text shown, and for the spreadsheet its number or date when the rule keeps one. */
export interface TableCell {
  text: string;
  number?: number;
  /** `YYYY-MM-DD` */
  date?: string;
}

export interface TableColumnOut {
  /** The attribute shown; null for the pseudonym column. */
  attributeId: number | null;
  heading: string;
}

export interface TableRow {
  /** "Deltaker 1" … "Deltaker n", in the chosen order. */
  label: string;
  cells: TableCell[];
  /**
   * When the row's combination of shown values is unique in the table: the headings of the columns
   * that single it out (the smallest such set found), else null.
   */
  uniqueBy: string[] | null;
}

export interface BuiltTable {
  caption: string;
  labelHeading: string;
  columns: TableColumnOut[];
  rows: TableRow[];
}

const words = {
  en: {
    participant: 'Participant',
    labelHeading: 'Participant',
    pseudonym: 'Pseudonym',
    under: (value: number) => `under ${value}`,
    after: 'after the reference date',
    underHalfYear: 'less than half a year ago',
    aboutOneYear: 'about 1 year ago',
    years: (from: number, to: number) => `${from}–${to} years ago`,
    moreThan: (years: number) => `more than ${years} years ago`,
  },
  nb: {
    participant: 'Deltaker',
    labelHeading: 'Deltaker',
    pseudonym: 'Pseudonym',
    under: (value: number) => `under ${value}`,
    after: 'etter referansedatoen',
    underHalfYear: 'under et halvt år siden',
    aboutOneYear: 'omtrent 1 år siden',
    years: (from: number, to: number) => `${from}–${to} år siden`,
    moreThan: (years: number) => `mer enn ${years} år siden`,
  },
} as const;

/** Reads a number the way a Norwegian or English researcher types it: "34", "34,5", "34.5". */
export function parseNumber(value: string): number | null {
  const cleaned = value.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** The band a number falls in: width 5 from 30 gives "30–34"; below the start, "under 30". */
export function band(value: number, width: number, start: number, language: TableLanguage): string {
  if (value < start) return words[language].under(start);
  const lower = start + Math.floor((value - start) / width) * width;
  return width === 1 ? String(lower) : `${lower}–${lower + width - 1}`;
}

/** The researcher's own group for a value (case and surrounding spaces ignored). */
export function mapToGroup(value: string, groups: { label: string; values: string[] }[], otherLabel: string): string {
  const key = value.trim().toLocaleLowerCase('nb');
  if (key === '') return '';
  for (const group of groups) {
    if (group.values.some((candidate) => candidate.trim().toLocaleLowerCase('nb') === key)) return group.label;
  }
  return otherLabel.trim() === '' ? value : otherLabel;
}

function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return null;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** Whole calendar months from `date` to `reference` (negative when the date is after it). */
export function monthsBefore(date: string, reference: string): number | null {
  const from = parseIsoDate(date);
  const to = parseIsoDate(reference);
  if (!from || !to) return null;
  let months = (to.year - from.year) * 12 + (to.month - from.month);
  if (to.day < from.day) months -= 1;
  return months;
}

/**
 * A date as time before the reference date, in coarse steps so that it does not point at a day:
 * under half a year; about 1 year (6–17 months); 2–3 years; 4–5 years; more than 5 years.
 */
export function timeBefore(date: string, reference: string, language: TableLanguage): string {
  const months = monthsBefore(date, reference);
  if (months === null) return '';
  const say = words[language];
  if (date.trim() > reference) return say.after;
  if (months < 6) return say.underHalfYear;
  if (months < 18) return say.aboutOneYear;
  if (months < 42) return say.years(2, 3);
  if (months < 66) return say.years(4, 5);
  return say.moreThan(5);
}

/** One value under one rule. */
export function applyRule(raw: string | undefined, rule: ColumnRule, kind: TableAttribute['kind'], language: TableLanguage): TableCell {
  const value = raw ?? '';
  if (value.trim() === '') return { text: '' };
  switch (rule.kind) {
    case 'asIs': {
      if (kind === 'number') {
        const number = parseNumber(value);
        if (number !== null) return { text: value.trim(), number };
      }
      if (kind === 'date' && parseIsoDate(value)) return { text: value.trim(), date: value.trim() };
      return { text: value };
    }
    case 'bands': {
      const number = parseNumber(value);
      return { text: number === null ? '' : band(number, rule.width, rule.start, language) };
    }
    case 'groups':
      return { text: mapToGroup(value, rule.groups, rule.otherLabel) };
    case 'timeBefore':
      return { text: timeBefore(value, rule.referenceDate, language) };
    case 'leftOut':
      return { text: '' };
  }
}

/** A small, stable hash (FNV-1a), so a stored seed gives the same shuffled order every time. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  // One more mixing round: FNV alone keeps neighbouring ids close together.
  value ^= value >>> 16;
  value = Math.imul(value, 0x7feb352d) >>> 0;
  value ^= value >>> 15;
  return value >>> 0;
}

const collator = new Intl.Collator('nb', { numeric: true, sensitivity: 'base' });

function orderParticipants(
  participants: readonly SourceParticipant[],
  definition: TableDefinition,
  attributes: ReadonlyMap<number, TableAttribute>,
): SourceParticipant[] {
  const byPseudonym = (a: SourceParticipant, b: SourceParticipant) => collator.compare(a.pseudonym, b.pseudonym) || a.id - b.id;
  const sorted = [...participants];
  if (definition.order === 'shuffled') {
    const key = new Map(sorted.map((participant) => [participant.id, hash(`${definition.shuffleSeed}:${participant.id}`)]));
    return sorted.sort((a, b) => key.get(a.id)! - key.get(b.id)! || a.id - b.id);
  }
  const attribute = definition.order === 'attribute' && definition.orderAttributeId !== null ? attributes.get(definition.orderAttributeId) : undefined;
  if (!attribute) return sorted.sort(byPseudonym);
  return sorted.sort((a, b) => {
    const left = a.values.get(attribute.id)?.trim() ?? '';
    const right = b.values.get(attribute.id)?.trim() ?? '';
    // Empty values last, whatever the kind.
    if (left === '' || right === '') return (left === '' ? 1 : 0) - (right === '' ? 1 : 0) || byPseudonym(a, b);
    if (attribute.kind === 'number') {
      const x = parseNumber(left);
      const y = parseNumber(right);
      if (x !== null && y !== null && x !== y) return x - y;
    }
    return collator.compare(left, right) || byPseudonym(a, b);
  });
}

/** Subsets of size `size` of 0…n-1, in order. */
function* subsets(n: number, size: number, from = 0, chosen: number[] = []): Generator<number[]> {
  if (chosen.length === size) {
    yield chosen;
    return;
  }
  for (let index = from; index <= n - (size - chosen.length); index += 1) yield* subsets(n, size, index + 1, [...chosen, index]);
}

/** The largest set of columns searched exhaustively for the smallest combination; beyond it, see below. */
const exhaustiveUpTo = 3;
/**
 * How many column combinations the exhaustive search may count. Up to 15 columns every set of three
 * fits; a wider table is searched up to pairs, which keeps the preview of 500 rows × 20 columns fast.
 */
const combinationBudget = 600;

function binomial(n: number, k: number): number {
  let value = 1;
  for (let step = 1; step <= k; step += 1) value = (value * (n - k + step)) / step;
  return Math.round(value);
}

/** The largest set size searched exhaustively for `width` columns within the budget. */
export function searchedUpTo(width: number): number {
  let spent = 0;
  let size = 0;
  while (size < Math.min(exhaustiveUpTo, width)) {
    spent += binomial(width, size + 1);
    if (spent > combinationBudget && size >= 1) break;
    size += 1;
  }
  return size;
}

/**
 * For every row whose combination of shown values is unique in the table, the columns that single it
 * out: the smallest set of columns whose combination is unique to the row (searched up to three
 * columns, or two in a table wider than 15 columns: `searchedUpTo`); failing that, each column whose removal would make the row non-unique;
 * failing that (every column is needed only together), all of them.
 */
export function uniqueColumns(cells: readonly (readonly string[])[]): (number[] | null)[] {
  const width = cells[0]?.length ?? 0;
  const result: (number[] | null)[] = cells.map(() => null);
  if (width === 0 || cells.length === 0) return result;
  // Each value as a small number per column, so a combination of up to three columns is one number
  // (fast to count), and a wider one a short string of numbers.
  const codes: number[][] = cells.map(() => new Array<number>(width));
  let base = 1;
  for (let column = 0; column < width; column += 1) {
    const seen = new Map<string, number>();
    cells.forEach((row, index) => {
      const value = row[column]!;
      let code = seen.get(value);
      if (code === undefined) {
        code = seen.size;
        seen.set(value, code);
      }
      codes[index]![column] = code;
    });
    base = Math.max(base, seen.size);
  }
  const numeric = base ** exhaustiveUpTo < Number.MAX_SAFE_INTEGER;
  const codeSpace = base + 1;
  const interned = new Map<number, number>();
  const keyOf = (index: number, columns: readonly number[]): number => {
    const row = codes[index]!;
    if (numeric && columns.length <= exhaustiveUpTo) {
      let key = 0;
      for (const column of columns) key = key * base + row[column]!;
      return key;
    }
    // A wider combination: fold the codes into one interned number (no strings to build).
    let key = 0;
    for (const column of columns) {
      const pair = key * codeSpace + row[column]!;
      let next = interned.get(pair);
      if (next === undefined) {
        next = interned.size + 1;
        interned.set(pair, next);
      }
      key = next;
    }
    return -key;
  };
  const countsFor = (columns: readonly number[]) => {
    const map = new Map<number, number>();
    for (let index = 0; index < cells.length; index += 1) {
      const key = keyOf(index, columns);
      map.set(key, (map.get(key) ?? 0) + 1);
    }
    return map;
  };
  const all = Array.from({ length: width }, (_, index) => index);
  const fullCounts = countsFor(all);
  const pending = new Set<number>();
  cells.forEach((_, index) => {
    if (fullCounts.get(keyOf(index, all)) === 1) pending.add(index);
  });
  // When a combination's keys fit a small array, count in it (and clear only what was touched)
  // rather than in a Map: the search over hundreds of combinations stays a few milliseconds.
  const arrayLimit = 1 << 20;
  let counter: Int32Array | null = null;
  const keys = new Array<number>(cells.length);
  for (let size = 1; size <= searchedUpTo(width) && pending.size > 0; size += 1) {
    const small = numeric && base ** size <= arrayLimit;
    if (small && (!counter || counter.length < base ** size)) counter = new Int32Array(base ** size);
    for (const columns of subsets(width, size)) {
      if (pending.size === 0) break;
      if (small) {
        const count = counter!;
        for (let index = 0; index < cells.length; index += 1) {
          const key = keyOf(index, columns);
          keys[index] = key;
          count[key]! += 1;
        }
        for (const index of pending) {
          if (count[keys[index]!] === 1) {
            result[index] = [...columns];
            pending.delete(index);
          }
        }
        for (let index = 0; index < cells.length; index += 1) count[keys[index]!] = 0;
        continue;
      }
      const map = countsFor(columns);
      for (const index of pending) {
        if (map.get(keyOf(index, columns)) === 1) {
          result[index] = [...columns];
          pending.delete(index);
        }
      }
    }
  }
  if (pending.size > 0) {
    // Each row's key without column c, from interned prefixes (columns before c) and suffixes
    // (columns after c), so every "all but one" combination costs a few lookups per row.
    const intern = (table: Map<number, number>, a: number, b: number, space = codeSpace) => {
      const pair = a * space + b;
      let id = table.get(pair);
      if (id === undefined) {
        id = table.size + 1;
        table.set(pair, id);
      }
      return id;
    };
    const prefixes = new Map<number, number>();
    const suffixes = new Map<number, number>();
    const joined = new Map<number, number>();
    const ends = cells.map((_, index) => {
      const row = codes[index]!;
      const prefix = new Array<number>(width + 1);
      const suffix = new Array<number>(width + 1);
      prefix[0] = 0;
      for (let column = 0; column < width; column += 1) prefix[column + 1] = intern(prefixes, prefix[column]!, row[column]!);
      suffix[width] = 0;
      for (let column = width - 1; column >= 0; column -= 1) suffix[column] = intern(suffixes, suffix[column + 1]!, row[column]!);
      return { prefix, suffix };
    });
    // Suffix ids are only bounded once all are made: that bound keeps the joined pairs distinct.
    const suffixSpace = suffixes.size + 1;
    const withoutKeys: number[][] = ends.map(({ prefix, suffix }) =>
      all.map((column) => intern(joined, prefix[column]!, suffix[column + 1]!, suffixSpace) * width + column),
    );
    const counts = new Map<number, number>();
    for (const keys of withoutKeys) for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    for (const index of pending) {
      const critical = width > 1 ? all.filter((column) => (counts.get(withoutKeys[index]![column]!) ?? 0) > 1) : [];
      result[index] = critical.length > 0 ? critical : all;
    }
  }
  return result;
}

/**
 * The table as the researcher will publish it. Withdrawn participants must already be left out of
 * `participants`; the real pseudonyms appear only when `showPseudonym` is chosen.
 */
export function buildTable(
  definition: TableDefinition,
  attributeList: readonly TableAttribute[],
  participants: readonly SourceParticipant[],
  language: TableLanguage,
): BuiltTable {
  const say = words[language];
  const attributes = new Map(attributeList.map((attribute) => [attribute.id, attribute]));
  const shown = definition.columns.filter((column) => column.rule.kind !== 'leftOut' && attributes.has(column.attributeId));
  const columns: TableColumnOut[] = [
    ...(definition.showPseudonym ? [{ attributeId: null, heading: say.pseudonym }] : []),
    ...shown.map((column) => ({ attributeId: column.attributeId, heading: column.heading.trim() || attributes.get(column.attributeId)!.name })),
  ];
  const ordered = orderParticipants(participants, definition, attributes);
  const cellRows = ordered.map((participant) => [
    ...(definition.showPseudonym ? [{ text: participant.pseudonym }] : []),
    ...shown.map((column) => applyRule(participant.values.get(column.attributeId), column.rule, attributes.get(column.attributeId)!.kind, language)),
  ]);
  const unique = uniqueColumns(cellRows.map((row) => row.map((cell) => cell.text)));
  return {
    caption: definition.caption,
    labelHeading: say.labelHeading,
    columns,
    rows: cellRows.map((cells, index) => ({
      label: `${say.participant} ${index + 1}`,
      cells,
      uniqueBy: unique[index]?.map((column) => columns[column]!.heading) ?? null,
    })),
  };
}
