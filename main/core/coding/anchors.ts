import { diffWordsWithSpace } from 'diff';
import type { StudyWriter } from '../db/connection.js';

/**
 * Anchors through transcript edits. A coding, a quote and a memo about a passage are anchored to
 * `(start_line_id, start_offset, end_line_id, end_offset)` (UTF-16 offsets, end exclusive). When the
 * text of lines changes (the editor's save, the anonymisation review's replacements), every anchor
 * on a changed, new or removed line is mapped through the edit in the same transaction, so a
 * passage stays on the words it was made on. See the "Anchors" section of README.md beside this file.
 *
 * The pure part maps positions through "hunks" (what text became what). The editor's saves give
 * old and new text; their hunks come from a common prefix and suffix, and where a line changed in
 * more than one place, a word diff (jsdiff's diffWordsWithSpace) of what lies between: a word diff
 * never lines up single letters of two different words ("Ola" → "[name]" is one replacement, not
 * "a" kept and the rest swapped around it), and a typo's own letters are found exactly by the
 * prefix and suffix. The review gives its replacements as hunks directly.
 */

// ── Positions through a change of text (pure) ──────────────────────────────────────────────

/** `before[oldStart, oldEnd)` became `after[newStart, newEnd)`; the text between hunks is unchanged. */
export interface Hunk {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/** Beyond this many edits, the word diff gives up and the changed middle is one replacement. */
const maxEditLength = 4000;

/** The hunks that turn `before` into `after`: sorted, and never touching (at least one unchanged character between two). */
export function textHunks(before: string, after: string): Hunk[] {
  if (before === after) return [];
  const limit = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix += 1;
  let suffix = 0;
  while (suffix < limit - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix += 1;
  // Never cut a surrogate pair: a character is kept or changed whole.
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix -= 1;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix -= 1;
  const oldMiddle = before.slice(prefix, before.length - suffix);
  const newMiddle = after.slice(prefix, after.length - suffix);
  const whole: Hunk = { oldStart: prefix, oldEnd: prefix + oldMiddle.length, newStart: prefix, newEnd: prefix + newMiddle.length };
  if (oldMiddle.length === 0 || newMiddle.length === 0) return [whole];
  const changes = diffWordsWithSpace(oldMiddle, newMiddle, { maxEditLength });
  if (!changes) return [whole];
  const hunks: Hunk[] = [];
  let oldAt = prefix;
  let newAt = prefix;
  for (const change of changes) {
    const length = change.value.length;
    if (!change.added && !change.removed) {
      oldAt += length;
      newAt += length;
      continue;
    }
    const last = hunks[hunks.length - 1];
    const hunk = last && last.oldEnd === oldAt && last.newEnd === newAt ? last : { oldStart: oldAt, oldEnd: oldAt, newStart: newAt, newEnd: newAt };
    if (hunk !== last) hunks.push(hunk);
    if (change.removed) oldAt += length;
    else newAt += length;
    hunk.oldEnd = oldAt;
    hunk.newEnd = newAt;
  }
  return hunks;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** A replacement of `text[start, end)` by `replacement`, as the anonymisation review writes it. */
export interface Replacement {
  start: number;
  end: number;
  replacement: string;
}

/** The hunks of replacements that do not overlap (in any order); touching ones become one hunk. */
export function replacementHunks(replacements: readonly Replacement[]): Hunk[] {
  const hunks: Hunk[] = [];
  let shift = 0;
  for (const { start, end, replacement } of [...replacements].sort((a, b) => a.start - b.start)) {
    const last = hunks[hunks.length - 1];
    const newStart = start + shift;
    shift += replacement.length - (end - start);
    if (last && last.oldEnd === start) {
      last.oldEnd = end;
      last.newEnd = end + shift;
    } else {
      hunks.push({ oldStart: start, oldEnd: end, newStart, newEnd: end + shift });
    }
  }
  return hunks.filter((hunk) => hunk.oldEnd - hunk.oldStart > 0 || hunk.newEnd - hunk.newStart > 0);
}

export type Side = 'start' | 'end';

/**
 * Line boundaries of a text made of lines joined by one separator each: where each line starts and
 * ends. A position at a line's start or end is "sticky" there (see mapPosition).
 */
export interface LineBounds {
  isLineStart(position: number): boolean;
  isLineEnd(position: number): boolean;
}

/**
 * Where `position` of the old text is in the new text, for the start or the end of a passage.
 * - Unchanged text moves with the edit.
 * - Text typed exactly at a passage's start or end is outside it, except that a start at the start
 *   of a line stays at the start of that line, and an end at the end of a line stays at the end of
 *   that line (so a coding of a whole line covers words added at either end of it; a line break
 *   typed there still ends the line).
 * - Text that replaced coded text is inside: a start in replaced text moves to the replacement's
 *   start, an end in it to the replacement's end (a name replaced by a label stays coded).
 * - A passage whose every character was deleted collapses (start ≥ end): only then is it gone.
 */
export function mapPosition(hunks: readonly Hunk[], position: number, side: Side, oldLines?: LineBounds, newLines?: LineBounds): number {
  // The first hunk that ends at or after the position.
  let low = 0;
  let high = hunks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (hunks[middle]!.oldEnd < position) low = middle + 1;
    else high = middle;
  }
  const hunk = hunks[low];
  if (!hunk || position < hunk.oldStart) {
    const previous = hunks[low - 1];
    return previous ? position + previous.newEnd - previous.oldEnd : position;
  }
  if (hunk.oldStart === hunk.oldEnd) {
    // Text inserted exactly here.
    if (side === 'start') {
      if (oldLines?.isLineStart(position) && newLines) {
        for (let at = hunk.newEnd; at >= hunk.newStart; at -= 1) if (newLines.isLineStart(at)) return at;
      }
      return hunk.newEnd;
    }
    if (oldLines?.isLineEnd(position) && newLines) {
      for (let at = hunk.newStart; at <= hunk.newEnd; at += 1) if (newLines.isLineEnd(at)) return at;
    }
    return hunk.newStart;
  }
  if (side === 'start') return position < hunk.oldEnd ? hunk.newStart : hunk.newEnd;
  return position > hunk.oldStart ? hunk.newEnd : hunk.newStart;
}

// ── Lines as one text (pure) ────────────────────────────────────────────────────────────────

export interface TextLine {
  id: string;
  text: string;
}

export interface Endpoint {
  lineId: string;
  offset: number;
}

/** Consecutive lines as one text, joined by a line break, with conversions to and from (line, offset). */
export class LineRun implements LineBounds {
  readonly text: string;
  private readonly starts: number[] = [];
  private readonly index = new Map<string, number>();

  constructor(readonly lines: readonly TextLine[]) {
    let at = 0;
    lines.forEach((line, index) => {
      this.starts.push(at);
      this.index.set(line.id, index);
      at += line.text.length + 1;
    });
    this.text = lines.map((line) => line.text).join('\n');
  }

  has(lineId: string): boolean {
    return this.index.has(lineId);
  }

  /** The position of a line's offset, the offset clamped to the line. */
  position(endpoint: Endpoint): number {
    const index = this.index.get(endpoint.lineId)!;
    return this.starts[index]! + Math.min(Math.max(endpoint.offset, 0), this.lines[index]!.text.length);
  }

  endpoint(position: number): Endpoint {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= position) low = middle;
      else high = middle - 1;
    }
    const line = this.lines[low]!;
    return { lineId: line.id, offset: Math.min(position - this.starts[low]!, line.text.length) };
  }

  isLineStart(position: number): boolean {
    return position === 0 || this.text.charCodeAt(position - 1) === 10;
  }

  isLineEnd(position: number): boolean {
    return position === this.text.length || this.text.charCodeAt(position) === 10;
  }
}

/**
 * Maps endpoints on consecutive old lines to the consecutive new lines that replaced them (a line
 * retyped, split, joined with the next, or several replaced by others). With no new lines (they
 * were deleted), answers null: the caller moves the endpoint to the nearest surviving text.
 */
export function mapThroughRun(before: LineRun, after: LineRun, hunks: readonly Hunk[], endpoint: Endpoint, side: Side): Endpoint | null {
  if (after.lines.length === 0) return null;
  return after.endpoint(mapPosition(hunks, before.position(endpoint), side, before, after));
}

// ── Passages (pure) ────────────────────────────────────────────────────────────────────────

export interface Anchor {
  startLineId: string;
  startOffset: number;
  endLineId: string;
  endOffset: number;
}

/**
 * A passage's anchors made safe to show against the lines as they are now: offsets clamped to their
 * line's length, and null when a line is no longer there or the start comes after the end. The undo
 * log may restore a coding, quote or memo with the anchors it had before a later edit of the text
 * (the edit maps the rows that exist, not the log's statements): whatever reads passages to show or
 * export them clamps them with this first. `lines` is the transcript in order.
 */
export function clampAnchor(lines: readonly TextLine[], anchor: Anchor, index = lineIndex(lines)): Anchor | null {
  const start = index.get(anchor.startLineId);
  const end = index.get(anchor.endLineId);
  if (start === undefined || end === undefined || start > end) return null;
  const startOffset = Math.min(Math.max(anchor.startOffset, 0), lines[start]!.text.length);
  const endOffset = Math.min(Math.max(anchor.endOffset, 0), lines[end]!.text.length);
  if (start === end && startOffset > endOffset) return null;
  return { startLineId: anchor.startLineId, startOffset, endLineId: anchor.endLineId, endOffset };
}

/** Each line's index in the transcript, for clampAnchor and passageText over many passages. */
export function lineIndex(lines: readonly TextLine[]): Map<string, number> {
  return new Map(lines.map((line, index) => [line.id, index]));
}

/** The words of a passage (its lines joined by a line break), clamped as clampAnchor does; '' when it cannot be placed. */
export function passageText(lines: readonly TextLine[], anchor: Anchor, index = lineIndex(lines)): string {
  const clamped = clampAnchor(lines, anchor, index);
  if (!clamped) return '';
  const start = index.get(clamped.startLineId)!;
  const end = index.get(clamped.endLineId)!;
  if (start === end) return lines[start]!.text.slice(clamped.startOffset, clamped.endOffset);
  return [
    lines[start]!.text.slice(clamped.startOffset),
    ...lines.slice(start + 1, end).map((line) => line.text),
    lines[end]!.text.slice(0, clamped.endOffset),
  ].join('\n');
}

// ── An edit of a transcript's lines ────────────────────────────────────────────────────────

/**
 * What a save changed: the order of line ids before and after (after: null when no line came,
 * went or moved; the order before is read only when there is one after), the text before of every
 * line changed or removed, and the text after of every line changed or new.
 */
export interface LinesEdit {
  orderBefore: readonly string[];
  orderAfter: readonly string[] | null;
  textBefore: ReadonlyMap<string, string>;
  textAfter: ReadonlyMap<string, string>;
}

/** A run of old lines and the new lines that replaced it, and where it sits in the new order. */
interface Region {
  before: LineRun;
  after: LineRun;
  hunks: Hunk[];
  /** For a run whose lines all went: the new line before it and after it, if any. */
  previous: string | null;
  next: string | null;
}

/**
 * The regions of an edit. Lines whose text is unchanged and that keep their place relative to each
 * other (the longest such sequence) are fixed points; between two of them, each changed line
 * starts a region that takes the new and removed lines after it (a split's new line, a joined
 * line), and new or removed lines before the first changed line form a region of their own. A
 * changed line that also moved is a region alone. Unchanged lines that moved keep their anchors.
 */
export function editRegions(edit: LinesEdit): { regions: Region[]; moved: Set<string> } {
  const changed = (id: string) => edit.textBefore.has(id) && edit.textAfter.has(id);
  if (edit.orderAfter === null) {
    const regions = [...edit.textAfter.keys()].filter(changed).map((id) => single(id, edit));
    return { regions, moved: new Set() };
  }
  const after = edit.orderAfter;
  const before = edit.orderBefore;
  // Unchanged lines at the same place from either end are fixed: only what lies between is looked at.
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head] && !changed(after[head]!)) head += 1;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail] &&
    !changed(after[after.length - 1 - tail]!)
  ) {
    tail += 1;
  }
  const oldMiddle = before.slice(head, before.length - tail);
  const newMiddle = after.slice(head, after.length - tail);
  const beforeIndex = new Map(oldMiddle.map((id, index) => [id, index]));
  const afterIndex = new Map(newMiddle.map((id, index) => [id, index]));
  // Unchanged lines in both orders, in the new order, with their old places: the longest increasing run stays.
  const unchanged = newMiddle.filter((id) => beforeIndex.has(id) && !changed(id));
  const fixed = longestIncreasing(unchanged, (id) => beforeIndex.get(id)!);
  const moved = new Set(unchanged.filter((id) => !fixed.has(id)));
  // Gap g lies after the g-th fixed line (gap 0 before the first, right after the unchanged head).
  const gapsOf = (order: readonly string[], take: (id: string) => boolean) => {
    const gaps: string[][] = [[]];
    for (const id of order) {
      if (fixed.has(id)) gaps.push([]);
      else if (take(id)) gaps[gaps.length - 1]!.push(id);
    }
    return gaps;
  };
  const oldGaps = gapsOf(oldMiddle, (id) => !moved.has(id) && (changed(id) || !afterIndex.has(id)));
  const newGaps = gapsOf(newMiddle, (id) => !moved.has(id) && (changed(id) || !beforeIndex.has(id)));
  const oldGap = new Map<string, number>();
  oldGaps.forEach((ids, gap) => ids.forEach((id) => oldGap.set(id, gap)));
  const regions: Region[] = [];
  const fixedInOrder = newMiddle.filter((id) => fixed.has(id));
  for (let gap = 0; gap < newGaps.length; gap += 1) {
    if (oldGaps[gap]!.length === 0 && newGaps[gap]!.length === 0) continue;
    // Changed lines that stay in this gap, in the same order in both: the others are regions alone.
    const candidates = newGaps[gap]!.filter((id) => changed(id) && oldGap.get(id) === gap);
    const keep = longestIncreasing(candidates, (id) => beforeIndex.get(id)!);
    for (const id of newGaps[gap]!) if (changed(id) && !keep.has(id)) regions.push(single(id, edit));
    const oldGroups = groupAfterChanged(oldGaps[gap]!.filter((id) => !changed(id) || keep.has(id)), keep);
    const newGroups = groupAfterChanged(newGaps[gap]!.filter((id) => !changed(id) || keep.has(id)), keep);
    for (const [key, newIds] of newGroups) {
      const oldIds = oldGroups.get(key) ?? [];
      oldGroups.delete(key);
      regions.push(region(oldIds, newIds, edit, null, null));
    }
    // Lines removed before the first changed line, with nothing new there: they go to the neighbours.
    for (const oldIds of oldGroups.values()) {
      const place = head + (gap > 0 ? afterIndex.get(fixedInOrder[gap - 1]!)! + 1 : 0);
      regions.push(region(oldIds, [], edit, place > 0 ? after[place - 1]! : null, after[place] ?? null));
    }
  }
  return { regions, moved };
}

/** Ids grouped by the changed line before them (key: that line, or '' for those before the first). */
function groupAfterChanged(ids: readonly string[], changedLines: ReadonlySet<string>): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  let key = '';
  for (const id of ids) {
    if (changedLines.has(id)) key = id;
    const group = groups.get(key);
    if (group) group.push(id);
    else groups.set(key, [id]);
  }
  return groups;
}

function single(id: string, edit: LinesEdit): Region {
  return region([id], [id], edit, null, null);
}

function region(oldIds: readonly string[], newIds: readonly string[], edit: LinesEdit, previous: string | null, next: string | null): Region {
  const before = new LineRun(oldIds.map((id) => ({ id, text: edit.textBefore.get(id) ?? '' })));
  const after = new LineRun(newIds.map((id) => ({ id, text: edit.textAfter.get(id) ?? '' })));
  return { before, after, hunks: after.lines.length === 0 ? [] : runHunks(before, after), previous, next };
}

/** Characters of `text[from, to)` other than white space that the hunks leave unchanged (a space kept says nothing). */
function kept(hunks: readonly Hunk[], text: string, from: number, to: number): number {
  let count = 0;
  let at = from;
  const add = (end: number) => {
    for (; at < end; at += 1) if (!/\s/.test(text[at]!)) count += 1;
  };
  for (const hunk of hunks) {
    if (hunk.oldStart >= to) break;
    add(Math.min(hunk.oldStart, to));
    at = Math.max(at, hunk.oldEnd);
  }
  add(to);
  return count;
}

/**
 * The hunks of a changed line with the lines removed or added after it. Usually one diff of the
 * whole run: that is what finds a split, a join, or a selection deleted across lines. But when a
 * line is retyped and the whole next line deleted in the same save, that diff may match the end of
 * the deleted line with the end of the retyped one by chance ("En.\nFire." → "Ee." keeps "e." of
 * "Fire."), so a passage on the deleted line would live on as a full stop. So the line is also
 * diffed with itself, the other lines removed or added whole: that reading is taken when it keeps
 * more of the line's own text in place and loses at most a few characters of the whole.
 */
function runHunks(before: LineRun, after: LineRun): Hunk[] {
  const whole = textHunks(before.text, after.text);
  const first = before.lines[0];
  if (!first || first.id !== after.lines[0]?.id || (before.lines.length === 1 && after.lines.length === 1)) return whole;
  const newFirst = after.lines[0]!.text;
  const own = textHunks(first.text, newFirst);
  if (before.text.length > first.text.length || after.text.length > newFirst.length) {
    const last = own[own.length - 1];
    if (last && last.oldEnd === first.text.length && last.newEnd === newFirst.length) {
      last.oldEnd = before.text.length;
      last.newEnd = after.text.length;
    } else {
      own.push({ oldStart: first.text.length, oldEnd: before.text.length, newStart: newFirst.length, newEnd: after.text.length });
    }
  }
  const ownKeeps = kept(own, before.text, 0, first.text.length) > kept(whole, before.text, 0, first.text.length);
  return ownKeeps && kept(own, before.text, 0, before.text.length) >= kept(whole, before.text, 0, before.text.length) - 3 ? own : whole;
}

/** The items whose keys form the longest strictly increasing sequence, in O(n log n). */
function longestIncreasing(items: readonly string[], key: (item: string) => number): Set<string> {
  const tails: number[] = [];
  const previous: number[] = new Array<number>(items.length).fill(-1);
  items.forEach((item, index) => {
    const value = key(item);
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (key(items[tails[middle]!]!) < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1]!;
    tails[low] = index;
  });
  const kept = new Set<string>();
  for (let at = tails.length > 0 ? tails[tails.length - 1]! : -1; at >= 0; at = previous[at]!) kept.add(items[at]!);
  return kept;
}

// ── In the study ───────────────────────────────────────────────────────────────────────────

/** The tables whose rows are anchored to transcript lines. */
export const anchoredTables = ['coding', 'quote', 'memo'] as const;

interface AnchorRow {
  id: number;
  start_line_id: string;
  start_offset: number;
  end_line_id: string;
  end_offset: number;
}

/**
 * Takes away a row whose passage's text was all deleted. A coding or quote goes; a memo stays, as
 * a free memo, since what the researcher wrote about the passage is theirs and outlives its words.
 */
function removeAnchored(writer: StudyWriter, table: (typeof anchoredTables)[number]): { run: (id: number) => unknown } {
  if (table !== 'memo') return writer.statement(`DELETE FROM ${table} WHERE id = ?`);
  const detach = writer.statement(
    'UPDATE memo SET transcript_id = NULL, start_line_id = NULL, start_offset = NULL, end_line_id = NULL, end_offset = NULL WHERE id = ?',
  );
  return { run: (id: number) => detach.run(id) };
}

/** What mapping anchors did: rows moved, and rows removed (a memo: set free) because all their text was deleted. */
export interface AnchorsMapped {
  updated: Record<(typeof anchoredTables)[number], number>;
  removed: Record<(typeof anchoredTables)[number], number>;
}

/**
 * Maps every coding, quote and passage memo anchored on a line this edit touched, in the caller's
 * transaction, after the lines are written. Only anchors on changed, new, removed or moved lines
 * are read (by index). A row is removed only when every character of its passage was deleted.
 */
export function mapAnchorsThroughEdit(writer: StudyWriter, transcriptId: number, edit: LinesEdit): AnchorsMapped {
  // Line ids are unique in the study, so the anchors are found by line alone (by index).
  const { regions, moved } = editRegions(edit);
  const regionOf = new Map<string, Region>();
  for (const region of regions) for (const line of region.before.lines) regionOf.set(line.id, region);
  const touched = [...regionOf.keys(), ...moved];
  const result: AnchorsMapped = { updated: { coding: 0, quote: 0, memo: 0 }, removed: { coding: 0, quote: 0, memo: 0 } };
  if (touched.length === 0) return result;
  const order = new TranscriptOrder(writer, transcriptId, edit);

  const mapEndpoint = (endpoint: Endpoint, side: Side): Endpoint | null => {
    const region = regionOf.get(endpoint.lineId);
    if (!region) return { lineId: endpoint.lineId, offset: Math.min(Math.max(endpoint.offset, 0), order.length(endpoint.lineId)) };
    const mapped = mapThroughRun(region.before, region.after, region.hunks, endpoint, side);
    if (mapped) return mapped;
    // Its lines were deleted: a start moves to the start of the next line, an end to the end of the previous one.
    if (side === 'start') return region.next === null ? null : { lineId: region.next, offset: 0 };
    return region.previous === null ? null : { lineId: region.previous, offset: order.length(region.previous) };
  };

  for (const table of anchoredTables) {
    const rows = new Map<number, AnchorRow>();
    const ids = JSON.stringify(touched);
    for (const column of ['start_line_id', 'end_line_id']) {
      for (const row of writer
        .query<AnchorRow>(
          `SELECT id, start_line_id, start_offset, end_line_id, end_offset FROM ${table}
           WHERE ${column} IN (SELECT value FROM json_each(?))`,
        )
        .iterate(ids)) {
        rows.set(row.id, row);
      }
    }
    const update = writer.statement(`UPDATE ${table} SET start_line_id = ?, start_offset = ?, end_line_id = ?, end_offset = ? WHERE id = ?`);
    const remove = removeAnchored(writer, table);
    for (const row of rows.values()) {
      const anchor = placeAnchor(
        order,
        mapEndpoint({ lineId: row.start_line_id, offset: row.start_offset }, 'start'),
        mapEndpoint({ lineId: row.end_line_id, offset: row.end_offset }, 'end'),
        regionOf.has(row.start_line_id) && regionOf.get(row.start_line_id) === regionOf.get(row.end_line_id),
      );
      if (anchor === null) {
        remove.run(row.id);
        result.removed[table] += 1;
      } else if (
        anchor.startLineId !== row.start_line_id ||
        anchor.startOffset !== row.start_offset ||
        anchor.endLineId !== row.end_line_id ||
        anchor.endOffset !== row.end_offset
      ) {
        update.run(anchor.startLineId, anchor.startOffset, anchor.endLineId, anchor.endOffset, row.id);
        result.updated[table] += 1;
      }
    }
  }
  return result;
}

/**
 * Maps anchors through replacements written into single lines (the anonymisation review): each
 * line's text before and after and the replacements' hunks.
 */
export function mapAnchorsThroughReplacements(
  writer: StudyWriter,
  lines: readonly { lineId: string; before: string; after: string; replacements: readonly Replacement[] }[],
): AnchorsMapped {
  const result: AnchorsMapped = { updated: { coding: 0, quote: 0, memo: 0 }, removed: { coding: 0, quote: 0, memo: 0 } };
  if (lines.length === 0) return result;
  const regionOf = new Map<string, Region>();
  for (const line of lines) {
    regionOf.set(line.lineId, {
      before: new LineRun([{ id: line.lineId, text: line.before }]),
      after: new LineRun([{ id: line.lineId, text: line.after }]),
      hunks: replacementHunks(line.replacements),
      previous: null,
      next: null,
    });
  }
  const ids = JSON.stringify([...regionOf.keys()]);
  for (const table of anchoredTables) {
    const update = writer.statement(`UPDATE ${table} SET start_offset = ?, end_offset = ? WHERE id = ?`);
    const remove = removeAnchored(writer, table);
    for (const column of ['start_line_id', 'end_line_id']) {
      const rows = writer
        .query<AnchorRow>(
          `SELECT id, start_line_id, start_offset, end_line_id, end_offset FROM ${table}
           WHERE ${column} IN (SELECT value FROM json_each(?))`,
        )
        .all(ids);
      for (const row of rows) {
        // Each endpoint once: the start through the start's line, the end through the end's line (a row on one line is read twice, mapped once).
        if (column === 'end_line_id' && regionOf.has(row.start_line_id)) continue;
        const map = (lineId: string, offset: number, side: Side) => {
          const region = regionOf.get(lineId);
          return region ? mapThroughRun(region.before, region.after, region.hunks, { lineId, offset }, side)!.offset : offset;
        };
        const startOffset = map(row.start_line_id, row.start_offset, 'start');
        const endOffset = map(row.end_line_id, row.end_offset, 'end');
        if (row.start_line_id === row.end_line_id && startOffset >= endOffset) {
          // Only when a replacement was empty and took all the passage's text.
          remove.run(row.id);
          result.removed[table] += 1;
        } else if (startOffset !== row.start_offset || endOffset !== row.end_offset) {
          update.run(startOffset, endOffset, row.id);
          result.updated[table] += 1;
        }
      }
    }
  }
  return result;
}

/** The transcript's lines after the edit: their order (from the edit, else by position) and lengths. */
class TranscriptOrder {
  private built: Map<string, number> | null = null;
  private readonly lengths = new Map<string, number>();

  constructor(
    private readonly writer: StudyWriter,
    private readonly transcriptId: number,
    private readonly edit: LinesEdit,
  ) {}

  /** Each line's index in the new order (made when first needed), or null when the order did not change. */
  private get index(): Map<string, number> | null {
    if (this.edit.orderAfter === null) return null;
    this.built ??= new Map(this.edit.orderAfter.map((id, index) => [id, index]));
    return this.built;
  }

  length(lineId: string): number {
    const known = this.edit.textAfter.get(lineId);
    if (known !== undefined) return known.length;
    let length = this.lengths.get(lineId);
    if (length === undefined) {
      length = this.writer.query<{ text: string }>('SELECT text FROM transcript_line WHERE id = ?').get(lineId)?.text.length ?? 0;
      this.lengths.set(lineId, length);
    }
    return length;
  }

  /** A line's place (comparable within this transcript). */
  place(lineId: string): number {
    if (this.index) return this.index.get(lineId) ?? -1;
    return this.writer.query<{ position: number }>('SELECT position FROM transcript_line WHERE id = ?').get(lineId)?.position ?? -1;
  }

  /** The line after (step 1) or before (step -1), or null. */
  neighbour(lineId: string, step: 1 | -1): string | null {
    if (this.index) return this.edit.orderAfter![this.index.get(lineId)! + step] ?? null;
    const sql =
      step === 1
        ? 'SELECT id FROM transcript_line WHERE transcript_id = ? AND position > (SELECT position FROM transcript_line WHERE id = ?) ORDER BY position LIMIT 1'
        : 'SELECT id FROM transcript_line WHERE transcript_id = ? AND position < (SELECT position FROM transcript_line WHERE id = ?) ORDER BY position DESC LIMIT 1';
    return this.writer.query<{ id: string }>(sql).get(this.transcriptId, lineId)?.id ?? null;
  }
}

/**
 * The passage from two mapped endpoints, or null when all its text is gone. A start at the end of
 * a line moves to the start of the next, an end at the start of a line to the end of the one
 * before (no passage begins or ends on a line break). When lines moved so that the end comes
 * before the start, the passage covers both lines whole and what lies between them now. `oneRegion`:
 * both ends were on lines of the same changed run.
 */
function placeAnchor(order: TranscriptOrder, start: Endpoint | null, end: Endpoint | null, oneRegion: boolean): Anchor | null {
  if (start === null || end === null) return null;
  let startPlace = order.place(start.lineId);
  let endPlace = order.place(end.lineId);
  if (startPlace > endPlace || (startPlace === endPlace && start.offset >= end.offset)) {
    // Within one run of changed lines the mapping keeps the order, so only deleted text collapses there.
    if (oneRegion || startPlace === endPlace) return null;
    // Lines moved past each other: keep both whole.
    return { startLineId: end.lineId, startOffset: 0, endLineId: start.lineId, endOffset: order.length(start.lineId) };
  }
  let { lineId: startLineId, offset: startOffset } = start;
  let { lineId: endLineId, offset: endOffset } = end;
  while (startPlace < endPlace && startOffset >= order.length(startLineId)) {
    const next = order.neighbour(startLineId, 1);
    if (next === null) break;
    startLineId = next;
    startOffset = 0;
    startPlace = order.place(next);
  }
  while (endPlace > startPlace && endOffset === 0) {
    const previous = order.neighbour(endLineId, -1);
    if (previous === null) break;
    endLineId = previous;
    endOffset = order.length(previous);
    endPlace = order.place(previous);
  }
  if (startPlace === endPlace && startOffset >= endOffset) return null;
  return { startLineId, startOffset, endLineId, endOffset };
}
