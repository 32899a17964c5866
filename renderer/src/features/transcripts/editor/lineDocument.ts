import { Extension, Node, type JSONContent, type NodeViewRenderer } from '@tiptap/core';
import { UndoRedo } from '@tiptap/extensions';
import { Fragment, Slice, type Node as ProseMirrorNode, type Schema } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import type { LineChanges } from '../../../../../shared/transcripts/contract.js';
import { formatTimestamp, lineIdFrom, linesNeedingIds, linesOfText, speakers, type Speaker, type TranscriptLine } from '../../../../../shared/transcripts/lines.js';

/**
 * The transcript editor's document: a sequence of `line` nodes, one paragraph-like node per line,
 * each with its stable id, speaker and time as attributes. The margin (number, speaker, time) is
 * drawn by CSS from the line's data attributes (its number too, see lineView.ts), so no line has
 * a React node view (each is a plain <p>) and typing touches only the line being typed in. No DOM
 * or React here: the tests run it in Node.
 *
 * The lines are kept in groups (`lineGroup`, 16 lines each when a transcript is opened). A group
 * is only a unit of drawing: off screen, the browser skips a whole group's style, layout and paint
 * at once (`content-visibility: auto`), which costs it one check a frame for each group rather than
 * for each of 2,000 lines, and a change re-draws the 16 lines of its group. Measured on a two-hour
 * interview: a keystroke's work 11 → 6 ms (median), 17 → 8 ms (95th percentile); see
 * bench/transcriptEditor.ts and the coding workspace's README. Nothing outside this file and the views sees the groups: lines are
 * numbered, saved, found and coded across them (`forEachLine`, `lineDepth`), and joining two lines
 * across a group's edge joins the groups.
 */

/** A new line id from the platform's cryptographic random source. */
export function newLineId(): string {
  return lineIdFrom(globalThis.crypto.getRandomValues(new Uint8Array(12)));
}

const TranscriptDocument = Node.create({
  name: 'doc',
  topNode: true,
  content: 'lineGroup+',
});

/** How many lines a group holds when a transcript is opened (editing may make a group larger or smaller). */
export const linesPerGroup = 16;

/** The depth of a line in the document (doc > group > line). */
export const lineDepth = 2;

const LineGroup = Node.create({
  name: 'lineGroup',
  content: 'line+',
  parseHTML() {
    // Before the line's own rule for <div>, so a group copied from a transcript stays a group.
    return [{ tag: 'div.tgroup', priority: 60 }];
  },
  renderHTML({ node }) {
    // How tall the group is thought to be before it has been drawn (see transcripts.css).
    return ['div', { class: 'tgroup', style: `--lines: ${node.childCount}` }, 0];
  },
});

/** Every line of the document in order: its node, the position before it, and its index (from 0). */
export function forEachLine(doc: ProseMirrorNode, visit: (line: ProseMirrorNode, pos: number, index: number) => void): void {
  let index = 0;
  doc.forEach((group, groupPos) => {
    group.forEach((line, offset) => {
      visit(line, groupPos + 1 + offset, index);
      index += 1;
    });
  });
}

export function countLines(doc: ProseMirrorNode): number {
  let count = 0;
  doc.forEach((group) => (count += group.childCount));
  return count;
}

/** Where a line starts a speaker's turn: the first line, a line whose speaker is not the one before's, or neither. */
export type Turn = 'first' | 'new' | null;

/**
 * The line at `pos` (the position before it, as a node view is given it): its index among all
 * lines (from 0), and whether it starts a turn. A position between groups counts the lines before it.
 */
export function lineAtPosition(doc: ProseMirrorNode, pos: number): { index: number; turn: Turn } {
  const $pos = doc.resolve(pos);
  const group = $pos.index(0);
  let index = $pos.depth >= 1 ? $pos.index(1) : 0;
  for (let before = 0; before < group; before += 1) index += doc.child(before).childCount;
  const line = $pos.depth >= 1 ? $pos.nodeAfter : null;
  if (!line) return { index, turn: null };
  const previous = $pos.nodeBefore ?? (group > 0 ? doc.child(group - 1).lastChild : null);
  return { index, turn: previous === null ? 'first' : previous.attrs.speaker !== line.attrs.speaker ? 'new' : null };
}

/** The lines of a transcript as the document holds them: in as few groups of at most `perGroup` as can be, their sizes differing by one at most. */
function groupsOf<T>(lines: readonly T[], perGroup: number): T[][] {
  const groups = Math.ceil(lines.length / perGroup);
  const size = Math.floor(lines.length / Math.max(groups, 1));
  const larger = lines.length - size * groups;
  const result: T[][] = [];
  let start = 0;
  for (let group = 0; group < groups; group += 1) {
    const end = start + size + (group < larger ? 1 : 0);
    result.push(lines.slice(start, end));
    start = end;
  }
  return result;
}

const TranscriptText = Node.create({
  name: 'text',
  group: 'inline',
});

const Line = Node.create({
  name: 'line',
  group: 'block',
  content: 'text*',
  marks: '',
  addAttributes() {
    return {
      // Never read from pasted HTML: a line copied within the transcript is a new line, so the
      // original keeps its id (and what is coded on it).
      id: { default: null, keepOnSplit: false, parseHTML: () => null, renderHTML: () => ({}) },
      speaker: {
        default: 'participant',
        parseHTML: (element: { getAttribute(name: string): string | null }) => {
          const speaker = element.getAttribute('data-speaker');
          return speakers.find((candidate) => candidate === speaker) ?? 'participant';
        },
        renderHTML: (attributes: { speaker: Speaker }) => ({ 'data-speaker': attributes.speaker }),
      },
      timestampMs: {
        default: null,
        keepOnSplit: false,
        parseHTML: (element: { getAttribute(name: string): string | null }) => {
          const value = Number(element.getAttribute('data-ms'));
          return element.getAttribute('data-ms') !== null && Number.isInteger(value) && value >= 0 ? value : null;
        },
        renderHTML: (attributes: { timestampMs: number | null }) =>
          attributes.timestampMs === null ? {} : { 'data-ms': String(attributes.timestampMs), 'data-time': formatTimestamp(attributes.timestampMs) },
      },
    };
  },
  parseHTML() {
    return [{ tag: 'p' }, { tag: 'div' }, { tag: 'li' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['p', { ...HTMLAttributes, class: 'tline' }, 0];
  },
});

// ── Stable ids ────────────────────────────────────────────────────────────────────────────────

/**
 * Gives every line without an id, and every later repeat of an id, a new one (see
 * `linesNeedingIds`): after Enter in the middle of a line, the first part keeps the line's id and
 * time, the second is a new line without a time.
 */
export function lineIdsPlugin(makeId: () => string = newLineId): Plugin {
  return new Plugin({
    key: new PluginKey('lineIds'),
    appendTransaction(transactions, _old, state) {
      if (!transactions.some((transaction) => transaction.docChanged)) return null;
      // Typing within a line makes no line and copies none: nothing to look at (2,000 lines a key).
      if (transactions.every(withinLines)) return null;
      const ids: (string | null)[] = [];
      forEachLine(state.doc, (line) => ids.push(line.attrs.id as string | null));
      const needing = linesNeedingIds(ids);
      if (needing.length === 0) return null;
      const tr = state.tr;
      const wanted = new Set(needing);
      forEachLine(state.doc, (line, pos, index) => {
        if (wanted.has(index)) {
          const repeated = line.attrs.id !== null;
          tr.setNodeMarkup(pos, undefined, { ...line.attrs, id: makeId(), timestampMs: repeated ? null : line.attrs.timestampMs });
        }
      });
      return tr.setMeta('addToHistory', false);
    },
  });
}

/**
 * Whether every step of the transaction changes text within one line and puts in no line: then no
 * line was made, removed, moved or copied, and each keeps its number and id.
 */
function withinLines(tr: Transaction): boolean {
  return tr.steps.every((step, index) => {
    const { from, to } = step as unknown as { from?: number; to?: number };
    if (from === undefined || to === undefined) return false;
    const doc = tr.docs[index]!;
    const $from = doc.resolve(from);
    return $from.depth >= lineDepth && from >= $from.start(lineDepth) && to <= $from.end(lineDepth) && !(step as unknown as { slice?: Slice }).slice?.content.firstChild?.isBlock;
  });
}

// ── Lines in and out ─────────────────────────────────────────────────────────────────────────

export function docFromLines(lines: readonly TranscriptLine[], perGroup = linesPerGroup): JSONContent {
  return {
    type: 'doc',
    content: groupsOf(lines, perGroup).map((group) => ({
      type: 'lineGroup',
      content: group.map((line) => ({
        type: 'line',
        attrs: { id: line.id, speaker: line.speaker, timestampMs: line.timestampMs },
        ...(line.text === '' ? {} : { content: [{ type: 'text', text: line.text }] }),
      })),
    })),
  };
}

// ProseMirror nodes never change: a line that was not edited is the same node as at the last save,
// so its line is made once.
const lineOfNode = new WeakMap<ProseMirrorNode, TranscriptLine>();

function lineOf(node: ProseMirrorNode, makeId: () => string): TranscriptLine {
  let line = lineOfNode.get(node);
  if (!line) {
    line = {
      id: (node.attrs.id as string | null) ?? makeId(),
      speaker: node.attrs.speaker as Speaker,
      timestampMs: node.attrs.timestampMs as number | null,
      text: node.textContent,
    };
    if (node.attrs.id !== null) lineOfNode.set(node, line);
  }
  return line;
}

export function linesFromDoc(doc: ProseMirrorNode, makeId: () => string = newLineId): TranscriptLine[] {
  const lines: TranscriptLine[] = [];
  forEachLine(doc, (node) => lines.push(lineOf(node, makeId)));
  return lines;
}

/**
 * What changed in the document since the last save the core acknowledged, as `transcripts.save`
 * takes it: the lines that are new or changed, in full, and the order of all ids only when a line
 * was added, removed or moved (else null). An edit replaces the nodes it touches and keeps every
 * other node as it was, so a line is unchanged exactly when its node is the one last saved: finding
 * the changed lines of 2,000 is one identity check each, and only those are turned into lines.
 */
export class SavedDocument {
  private nodes = new Map<string, ProseMirrorNode>();
  private order: string[] = [];

  /** `doc` is the document as the core has it (the one the editor opened with). */
  constructor(doc: ProseMirrorNode) {
    this.acknowledge(doc);
  }

  changesSince(doc: ProseMirrorNode, makeId: () => string = newLineId): LineChanges {
    const order: string[] = [];
    const lines: TranscriptLine[] = [];
    forEachLine(doc, (node) => {
      const id = node.attrs.id as string | null;
      if (id !== null && this.nodes.get(id) === node) {
        order.push(id);
        return;
      }
      const line = lineOf(node, makeId);
      order.push(line.id);
      lines.push(line);
    });
    const moved = order.length !== this.order.length || order.some((id, index) => id !== this.order[index]);
    return { order: moved ? order : null, lines };
  }

  /** The core has stored `doc`: later changes are counted from it. */
  acknowledge(doc: ProseMirrorNode): void {
    const nodes = new Map<string, ProseMirrorNode>();
    const order: string[] = [];
    forEachLine(doc, (node) => {
      const id = node.attrs.id as string | null;
      if (id === null) return;
      nodes.set(id, node);
      order.push(id);
    });
    this.nodes = nodes;
    this.order = order;
  }
}

/**
 * Pasted plain text: with line breaks it becomes lines the way an imported text does (speakers
 * and all); without, it is text inside the current line.
 */
export function sliceFromPastedText(schema: Schema, text: string): Slice {
  if (!/[\r\n]/.test(text.trim())) {
    const inline = text.replace(/\s+/g, ' ');
    return inline === '' ? Slice.empty : new Slice(Fragment.from(schema.text(inline)), 0, 0);
  }
  const drafts = linesOfText(text);
  if (drafts.length === 0) return Slice.empty;
  const nodes = drafts.map((draft) =>
    schema.nodes.line!.create({ id: null, speaker: draft.speaker, timestampMs: draft.timestampMs }, draft.text ? schema.text(draft.text) : null),
  );
  return new Slice(Fragment.from(nodes), 1, 1);
}

// ── Speakers ─────────────────────────────────────────────────────────────────────────────────

export function nextSpeaker(speaker: Speaker): Speaker {
  return speakers[(speakers.indexOf(speaker) + 1) % speakers.length]!;
}

/** Sets the speaker of every line the selection touches (`'next'`: the one after the first line's). */
export function setSpeakerCommand(state: EditorState, dispatch: ((tr: Transaction) => void) | undefined, to: Speaker | 'next'): boolean {
  const { from, to: end } = state.selection;
  const first = state.selection.$from.node(lineDepth);
  if (!first) return false;
  const speaker = to === 'next' ? nextSpeaker(first.attrs.speaker as Speaker) : to;
  if (!dispatch) return true;
  const tr = state.tr;
  state.doc.nodesBetween(from, end, (node, position) => {
    if (node.type.name === 'line') {
      if (node.attrs.speaker !== speaker) tr.setNodeMarkup(position, undefined, { ...node.attrs, speaker });
      return false;
    }
    return true;
  });
  dispatch(tr);
  return true;
}

/**
 * Enter. At the start of a line that has text it puts a new empty line before it, so the text
 * keeps its line (and its id). Within a line it splits there and drops the spaces at the split, so
 * neither part starts or ends with one; at the end of a line (or in an empty one) it starts a new
 * line after it. With a selection, the editor's own Enter (which deletes it, then splits).
 */
export function enterCommand(state: EditorState, dispatch: ((tr: Transaction) => void) | undefined): boolean {
  const { $from, empty } = state.selection;
  if (!empty || $from.depth !== lineDepth) return false;
  const line = $from.parent;
  if ($from.parentOffset === 0 && line.content.size > 0) {
    if (dispatch) {
      const before = $from.before();
      const fresh = state.schema.nodes.line!.create({ id: null, speaker: line.attrs.speaker, timestampMs: null });
      const tr = state.tr.insert(before, fresh);
      dispatch(tr.setSelection(TextSelection.create(tr.doc, before + fresh.nodeSize + 1)).scrollIntoView());
    }
    return true;
  }
  const text = line.textContent;
  let start = $from.parentOffset;
  let end = start;
  while (start > 0 && /\s/.test(text[start - 1]!)) start -= 1;
  while (end < text.length && /\s/.test(text[end]!)) end += 1;
  // Between two words, in an empty line or at the end: split at the caret. (The editor's own
  // Enter would split the group instead of the line when the line is empty.)
  if (start === end || end === text.length) start = end = $from.parentOffset;
  if (dispatch) {
    const lineStart = $from.start();
    // The second part is a copy of the line at first; the ids plugin gives it an id of its own.
    const tr = state.tr.delete(lineStart + start, lineStart + end).split(lineStart + start);
    dispatch(tr.setSelection(TextSelection.create(tr.doc, lineStart + start + 2)).scrollIntoView());
  }
  return true;
}

/**
 * Backspace at the start of a group's first line (-1), or Delete at the end of a group's last line
 * (1): joins the line with the one across the group's edge, as within a group (the line before
 * keeps its id). The editor's own join would join the two groups first and the lines only with a
 * second key press.
 */
export function joinAcrossGroupsCommand(direction: -1 | 1) {
  return (state: EditorState, dispatch: ((tr: Transaction) => void) | undefined): boolean => {
    const { $from, empty } = state.selection;
    if (!empty || $from.depth !== lineDepth) return false;
    const group = $from.node(1);
    let from: number;
    let to: number;
    if (direction < 0) {
      if ($from.parentOffset !== 0 || $from.index(1) !== 0 || $from.index(0) === 0) return false;
      // The end of the previous group's last line, and the start of this line.
      from = $from.before(1) - 2;
      to = $from.pos;
    } else {
      if ($from.parentOffset !== $from.parent.content.size || $from.index(1) !== group.childCount - 1 || $from.index(0) === state.doc.childCount - 1) return false;
      from = $from.pos;
      to = $from.after(1) + 2;
    }
    if (dispatch) dispatch(state.tr.delete(from, to).scrollIntoView());
    return true;
  };
}

// ── Find and replace ─────────────────────────────────────────────────────────────────────────

export interface FindState {
  query: string;
  caseSensitive: boolean;
  matches: { from: number; to: number }[];
  /** The match the researcher is on, or -1. */
  current: number;
  decorations: DecorationSet;
}

export const findKey = new PluginKey<FindState>('find');

/** Every occurrence of `query` within a line (a match never spans two lines). */
export function findMatches(doc: ProseMirrorNode, query: string, caseSensitive: boolean): { from: number; to: number }[] {
  if (query === '') return [];
  const needle = caseSensitive ? query : query.toLocaleLowerCase('nb');
  const matches: { from: number; to: number }[] = [];
  forEachLine(doc, (line, offset) => {
    const text = caseSensitive ? line.textContent : line.textContent.toLocaleLowerCase('nb');
    let at = text.indexOf(needle);
    while (at !== -1) {
      matches.push({ from: offset + 1 + at, to: offset + 1 + at + needle.length });
      at = text.indexOf(needle, at + needle.length);
    }
  });
  return matches;
}

function decorate(doc: ProseMirrorNode, matches: FindState['matches'], current: number): DecorationSet {
  if (matches.length === 0) return DecorationSet.empty;
  return DecorationSet.create(
    doc,
    matches.map((match, index) => Decoration.inline(match.from, match.to, { class: index === current ? 'find-match find-match--current' : 'find-match' })),
  );
}

type FindMeta = { query: string; caseSensitive: boolean } | { current: number };

export function findPlugin(): Plugin<FindState> {
  return new Plugin<FindState>({
    key: findKey,
    state: {
      init: () => ({ query: '', caseSensitive: false, matches: [], current: -1, decorations: DecorationSet.empty }),
      apply(tr, previous, _old, state) {
        const meta = tr.getMeta(findKey) as FindMeta | undefined;
        if (meta && 'query' in meta) {
          const matches = findMatches(state.doc, meta.query, meta.caseSensitive);
          const current = matches.length > 0 ? Math.max(0, matches.findIndex((match) => match.from >= state.selection.from)) : -1;
          return { ...meta, matches, current, decorations: decorate(state.doc, matches, current) };
        }
        if (meta && 'current' in meta) return { ...previous, current: meta.current, decorations: decorate(state.doc, previous.matches, meta.current) };
        if (!tr.docChanged || previous.query === '') return previous;
        const matches = findMatches(state.doc, previous.query, previous.caseSensitive);
        const current = matches.length === 0 ? -1 : Math.min(Math.max(previous.current, 0), matches.length - 1);
        return { ...previous, matches, current, decorations: decorate(state.doc, matches, current) };
      },
    },
    props: {
      decorations: (state) => findKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  });
}

export function setSearch(state: EditorState, query: string, caseSensitive: boolean): Transaction {
  return state.tr.setMeta(findKey, { query, caseSensitive } satisfies FindMeta).setMeta('addToHistory', false);
}

/** Moves to the next (1) or previous (-1) match and selects it. */
export function stepMatch(state: EditorState, direction: 1 | -1): Transaction | null {
  const find = findKey.getState(state);
  if (!find || find.matches.length === 0) return null;
  const current = (find.current + direction + find.matches.length) % find.matches.length;
  const match = find.matches[current]!;
  return state.tr
    .setMeta(findKey, { current } satisfies FindMeta)
    .setSelection(TextSelection.create(state.doc, match.from, match.to))
    .scrollIntoView();
}

/** Replaces the current match and moves on to the next. */
export function replaceCurrent(state: EditorState, replacement: string): Transaction | null {
  const find = findKey.getState(state);
  const match = find && find.current >= 0 ? find.matches[find.current] : undefined;
  if (!match) return null;
  const tr = replacement === '' ? state.tr.delete(match.from, match.to) : state.tr.insertText(replacement, match.from, match.to);
  const next = tr.mapping.map(match.to);
  return tr.setSelection(TextSelection.create(tr.doc, next)).scrollIntoView();
}

/** Replaces every match in one step, so one undo takes it all back. */
export function replaceAll(state: EditorState, replacement: string): Transaction | null {
  const find = findKey.getState(state);
  if (!find || find.matches.length === 0) return null;
  const tr = state.tr;
  for (const match of [...find.matches].reverse()) {
    if (replacement === '') tr.delete(match.from, match.to);
    else tr.insertText(replacement, match.from, match.to);
  }
  return tr;
}

// ── The extensions ───────────────────────────────────────────────────────────────────────────

export interface TranscriptKeysOptions {
  /** Ctrl/Cmd+F and Ctrl/Cmd+H: the page opens its find panel. */
  onFind: (mode: 'find' | 'replace') => void;
}

/** How the lines are drawn on screen (see lineView.ts); without it, as plain HTML (in Node). */
export interface LineDrawing {
  lineView: NodeViewRenderer;
  plugins: Plugin[];
}

const TranscriptKeys = Extension.create<TranscriptKeysOptions>({
  name: 'transcriptKeys',
  // Before the core keymap, so Enter, Backspace and Delete at a group's edge, and Ctrl+H, are ours.
  priority: 1000,
  addOptions() {
    return { onFind: () => {} };
  },
  addKeyboardShortcuts() {
    const joinBackward = () => this.editor.commands.command(({ state, dispatch }) => joinAcrossGroupsCommand(-1)(state, dispatch));
    const joinForward = () => this.editor.commands.command(({ state, dispatch }) => joinAcrossGroupsCommand(1)(state, dispatch));
    return {
      Enter: () => this.editor.commands.command(({ state, dispatch }) => enterCommand(state, dispatch)),
      Backspace: joinBackward,
      'Mod-Backspace': joinBackward,
      'Shift-Backspace': joinBackward,
      'Alt-Backspace': joinBackward,
      Delete: joinForward,
      'Mod-Delete': joinForward,
      'Alt-Delete': joinForward,
      'Mod-Shift-s': () => this.editor.commands.command(({ state, dispatch }) => setSpeakerCommand(state, dispatch, 'next')),
      'Mod-f': () => {
        this.options.onFind('find');
        return true;
      },
      'Mod-h': () => {
        this.options.onFind('replace');
        return true;
      },
    };
  },
  addProseMirrorPlugins() {
    return [lineIdsPlugin(), findPlugin()];
  },
});

/** Everything the editor is made of: the document of lines, undo/redo, ids, keys, find (and how lines are drawn). */
export function transcriptExtensions(options: TranscriptKeysOptions, drawing?: LineDrawing) {
  const line = drawing ? Line.extend({ addNodeView: () => drawing.lineView, addProseMirrorPlugins: () => drawing.plugins }) : Line;
  return [TranscriptDocument, LineGroup, TranscriptText, line, UndoRedo.configure({ depth: 500 }), TranscriptKeys.configure(options)];
}

/**
 * Brings the editor's selection up to where the caret is on the page, before a key the editor
 * handles itself (Enter, Backspace, a shortcut). The browser moves the caret at once for a click or
 * an arrow key, but tells the editor only with a later `selectionchange` event; on a busy machine
 * the next key can come first, and Enter would split the line where the caret was a few keys ago.
 */
export function syncSelectionFromPage(view: EditorView): void {
  const selection = view.dom.ownerDocument.getSelection();
  const { anchorNode, focusNode } = selection ?? {};
  if (!selection || !anchorNode || !focusNode || !view.dom.contains(anchorNode) || !view.dom.contains(focusNode)) return;
  let anchor: number;
  let head: number;
  try {
    anchor = view.posAtDOM(anchorNode, selection.anchorOffset);
    head = view.posAtDOM(focusNode, selection.focusOffset);
  } catch {
    return;
  }
  const current = view.state.selection;
  if (current.anchor === anchor && current.head === head) return;
  const { doc } = view.state;
  if (anchor < 0 || head < 0 || anchor > doc.content.size || head > doc.content.size) return;
  view.dispatch(view.state.tr.setSelection(TextSelection.between(doc.resolve(anchor), doc.resolve(head))).setMeta('addToHistory', false));
}

/** Keys the editor handles itself rather than the browser: before them, the selection is brought up to date. */
export function isEditorKey(event: { ctrlKey: boolean; metaKey: boolean; altKey: boolean; key: string }): boolean {
  return event.ctrlKey || event.metaKey || event.altKey || event.key === 'Enter' || event.key === 'Backspace' || event.key === 'Delete' || event.key === 'Tab';
}
