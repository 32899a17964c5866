import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { forEachLine } from '../transcripts/editor/lineDocument.js';
import type { Passage } from '../../../../shared/coding/contract.js';

/**
 * Where codings are in the workspace's document, and how the margin draws them. Pure (no DOM, no
 * React), so the unit tests run it in Node.
 *
 * The document is the transcript's lines, one `line` node each, in order (in groups, see
 * lineDocument.ts). A coding is anchored to
 * line ids and character offsets (see `shared/coding/contract.ts`); here it becomes a document range
 * (for the editor's decorations) and a span of line indexes (for the margin's stripes).
 */

export interface LineInfo {
  id: string;
  /** 0-based: the number in the margin is index + 1. */
  index: number;
  /** The position before the line's node; its text starts at pos + 1. */
  pos: number;
  /** Its text's length (UTF-16 units, as offsets count). */
  length: number;
}

export interface LineIndex {
  lines: LineInfo[];
  byId: Map<string, LineInfo>;
}

export function indexLines(doc: ProseMirrorNode): LineIndex {
  const lines: LineInfo[] = [];
  const byId = new Map<string, LineInfo>();
  forEachLine(doc, (node, pos, index) => {
    const line = { id: node.attrs.id as string, index, pos, length: node.content.size };
    lines.push(line);
    byId.set(line.id, line);
  });
  return { lines, byId };
}

/** A passage without its transcript, as the workspace handles it. */
export type Extent = Omit<Passage, 'transcriptId'>;

export interface Placed {
  /** Document range of the coded text. */
  from: number;
  to: number;
  startLine: number;
  endLine: number;
}

/** Where an extent is in the document; null when a line is not in it (the transcript changed since). */
export function place(index: LineIndex, extent: Extent): Placed | null {
  const start = index.byId.get(extent.startLineId);
  const end = index.byId.get(extent.endLineId);
  if (!start || !end || end.index < start.index) return null;
  const from = start.pos + 1 + Math.min(extent.startOffset, start.length);
  const to = end.pos + 1 + Math.min(extent.endOffset, end.length);
  return { from, to: Math.max(from, to), startLine: start.index, endLine: end.index };
}

/** The line holding a document position (the nearest one for a position between lines). */
export function lineAt(index: LineIndex, pos: number): LineInfo | null {
  const { lines } = index;
  if (lines.length === 0) return null;
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lines[middle]!.pos <= pos) low = middle;
    else high = middle - 1;
  }
  return lines[low]!;
}

/**
 * The extent of a document range (a selection). A range ending at the very start of a line ends at
 * the end of the line before it (a triple click selects to the next line's start); an empty range
 * or one holding no text is null.
 */
export function extentOf(index: LineIndex, from: number, to: number): Extent | null {
  if (to <= from) return null;
  const start = lineAt(index, from)!;
  let end = lineAt(index, to)!;
  let endOffset = clamp(to - end.pos - 1, 0, end.length);
  if (endOffset === 0 && end.index > start.index) {
    end = index.lines[end.index - 1]!;
    endOffset = end.length;
  }
  const startOffset = clamp(from - start.pos - 1, 0, start.length);
  if (end.index === start.index && endOffset <= startOffset) return null;
  return { startLineId: start.id, startOffset, endLineId: end.id, endOffset };
}

/** Whole lines, from `first` to `last` (indexes, either order). */
export function linesExtent(index: LineIndex, first: number, last: number): Extent {
  const start = index.lines[Math.min(first, last)]!;
  const end = index.lines[Math.max(first, last)]!;
  return { startLineId: start.id, startOffset: 0, endLineId: end.id, endOffset: end.length };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

// ── Columns ──────────────────────────────────────────────────────────────────────────────────

/**
 * The margin gives every coding a column (a narrow stripe) that no other coding uses on any of its
 * lines, so overlapping codings stand side by side. Columns are kept: a new coding takes the first
 * column free over its lines, and the others do not move (the margin stays calm as one codes).
 */
export class Columns {
  /** For each column, the codings in it as [startLine, endLine, id]. */
  private readonly used: [number, number, number][][] = [];
  private readonly columnOf = new Map<number, number>();

  get count(): number {
    let count = this.used.length;
    while (count > 0 && this.used[count - 1]!.length === 0) count -= 1;
    return count;
  }

  get(id: number): number | undefined {
    return this.columnOf.get(id);
  }

  /** Places codings given in any order (sorted by start here, longest first, for a tidy margin). */
  placeAll(spans: readonly { id: number; startLine: number; endLine: number }[]): void {
    const sorted = [...spans].sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine || a.id - b.id);
    for (const span of sorted) this.add(span.id, span.startLine, span.endLine);
  }

  add(id: number, startLine: number, endLine: number): number {
    this.remove(id);
    let column = 0;
    for (; column < this.used.length; column += 1) {
      if (!this.used[column]!.some(([start, end]) => start <= endLine && end >= startLine)) break;
    }
    if (column === this.used.length) this.used.push([]);
    this.used[column]!.push([startLine, endLine, id]);
    this.columnOf.set(id, column);
    return column;
  }

  remove(id: number): void {
    const column = this.columnOf.get(id);
    if (column === undefined) return;
    const list = this.used[column]!;
    const at = list.findIndex((entry) => entry[2] === id);
    if (at >= 0) list.splice(at, 1);
    this.columnOf.delete(id);
  }
}

// ── The margin of one line ───────────────────────────────────────────────────────────────────

export interface MarginCoding {
  id: number;
  codeId: number;
  column: number;
  startLine: number;
  endLine: number;
}

export interface MarginLine {
  /** One entry per column up to `columns`: the coding there on this line, or null. */
  stripes: ({ codingId: number; codeId: number; first: boolean; last: boolean } | null)[];
  /** The codings that start on this line, in column order: their labels. */
  labels: { codingId: number; codeId: number }[];
}

/** What the margin shows beside one line, from the codings on it. */
export function marginLine(lineIndex: number, codings: Iterable<MarginCoding>, columns: number): MarginLine {
  const stripes: MarginLine['stripes'] = Array.from({ length: columns }, () => null);
  const labels: MarginLine['labels'] = [];
  const starting: MarginCoding[] = [];
  for (const coding of codings) {
    if (coding.column < columns) stripes[coding.column] = { codingId: coding.id, codeId: coding.codeId, first: coding.startLine === lineIndex, last: coding.endLine === lineIndex };
    if (coding.startLine === lineIndex) starting.push(coding);
  }
  starting.sort((a, b) => a.column - b.column || a.id - b.id);
  for (const coding of starting) labels.push({ codingId: coding.id, codeId: coding.codeId });
  return { stripes, labels };
}

// ── Completion and the nudge towards gerunds ─────────────────────────────────────────────────

export interface NamedCode {
  id: number;
  name: string;
  level: 'initial' | 'focused';
}

/**
 * Existing codes for what is typed, best first: the name starts with it, then a word of the name
 * does, then it holds it, then its words' first letters come in order ("fs" finds "feeling
 * seen"), then (from four letters on) its letters come in order. Case and accents are ignored. An empty query gives the most recent codes (the list's end).
 */
export function suggestCodes<T extends NamedCode>(codes: readonly T[], query: string, limit = 8): T[] {
  const wanted = fold(query.trim());
  if (wanted === '') return codes.slice(-limit).reverse();
  const scored: { code: T; score: number }[] = [];
  for (const code of codes) {
    const name = fold(code.name);
    let score: number;
    if (name.startsWith(wanted)) score = 0;
    else if (name.split(/[\s\-/]+/).some((word) => word.startsWith(wanted)) || name.includes(` ${wanted}`)) score = 1;
    else if (name.includes(wanted)) score = 2;
    else if (inOrder(initials(name), wanted)) score = 3;
    else if (wanted.length >= 4 && inOrder(name, wanted)) score = 4;
    else continue;
    scored.push({ code, score });
  }
  scored.sort((a, b) => a.score - b.score || a.code.name.length - b.code.name.length || a.code.name.localeCompare(b.code.name));
  return scored.slice(0, limit).map((entry) => entry.code);
}

function fold(text: string): string {
  return text.toLocaleLowerCase('nb').normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

function initials(name: string): string {
  return name
    .split(/[\s\-/]+/)
    .map((word) => word.charAt(0))
    .join('');
}

function inOrder(name: string, letters: string): boolean {
  let at = 0;
  for (const letter of letters.replace(/\s+/g, '')) {
    at = name.indexOf(letter, at);
    if (at < 0) return false;
    at += 1;
  }
  return true;
}

/**
 * Whether a code reads as an action, as constructivist grounded theory advises for initial codes:
 * its first word a gerund ("feeling seen") or, in Norwegian, an infinitive with "å" ("å føle seg
 * sett") or a present participle ("kjempende"). A code in quotes is in vivo, the participant's own
 * words, and fine as it is. Only a hint: the researcher decides.
 */
export function looksLikeAction(name: string): boolean {
  const trimmed = name.trim();
  if (trimmed === '' || /^["“”«'‘’]/.test(trimmed)) return true;
  const first = trimmed.split(/\s+/)[0]!.toLocaleLowerCase('nb').replace(/[^\p{L}-]/gu, '');
  return /ing$/.test(first) || first === 'å' || /ende$/.test(first);
}
