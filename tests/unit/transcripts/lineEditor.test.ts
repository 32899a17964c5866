import { getSchema } from '@tiptap/core';
import { joinBackward } from '@tiptap/pm/commands';
import { history, undo } from '@tiptap/pm/history';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import type { TranscriptLine } from '../../../shared/transcripts/lines.js';
import {
  countLines,
  docFromLines,
  findKey,
  forEachLine,
  joinAcrossGroupsCommand,
  lineAtPosition,
  linesPerGroup,
  findPlugin,
  enterCommand,
  lineIdsPlugin,
  linesFromDoc,
  replaceAll,
  replaceCurrent,
  SavedDocument,
  setSearch,
  setSpeakerCommand,
  sliceFromPastedText,
  stepMatch,
  transcriptExtensions,
} from '../../../renderer/src/features/transcripts/editor/lineDocument.js';

/**
 * The editor's document and plugins, run headless in Node (ProseMirror's state needs no DOM): the
 * same code the editor in the app uses, so what is tested here is what the researcher types into.
 */
const schema = getSchema(transcriptExtensions({ onFind: () => {} }));

const start: TranscriptLine[] = [
  { id: 'lineAAAAAAAA', speaker: 'interviewer', timestampMs: 1000, text: 'Hva betydde gruppa for deg?' },
  { id: 'lineBBBBBBBB', speaker: 'participant', timestampMs: 5000, text: 'Mye. Jeg fikk venner.' },
  { id: 'lineCCCCCCCC', speaker: 'participant', timestampMs: null, text: 'Og håp.' },
];

function editorState(lines = start, perGroup?: number): { state: EditorState; made: string[] } {
  const made: string[] = [];
  const makeId = () => {
    const id = `new${String(made.length + 1).padStart(9, '0')}`;
    made.push(id);
    return id;
  };
  const state = EditorState.create({
    doc: ProseMirrorNode.fromJSON(schema, docFromLines(lines, perGroup)),
    plugins: [history(), lineIdsPlugin(makeId), findPlugin()],
  });
  return { state, made };
}

/** Where line `index` (from 0) starts in the document: the position before its node. */
function before(state: EditorState, index: number): number {
  let found = -1;
  forEachLine(state.doc, (_line, pos, at) => {
    if (at === index) found = pos;
  });
  if (found < 0) throw new Error(`No line ${index}`);
  return found;
}

/** Where character `offset` of line `index` (from 0) is in the document. */
function at(state: EditorState, index: number, offset: number): number {
  return before(state, index) + 1 + offset;
}

function run(state: EditorState, command: (state: EditorState, dispatch: (tr: Transaction) => void) => boolean): EditorState {
  let next = state;
  expect(command(state, (tr) => (next = state.apply(tr)))).toBe(true);
  return next;
}

const view = (state: EditorState) => linesFromDoc(state.doc).map((line) => [line.id, line.speaker, line.timestampMs, line.text]);

describe('the transcript editor’s lines', () => {
  it('round-trips lines through the document unchanged', () => {
    expect(linesFromDoc(editorState().state.doc)).toEqual(start);
  });

  it('splits a line: the first part keeps its id and time, the second is a new line', () => {
    const { state, made } = editorState();
    const split = state.apply(state.tr.split(at(state, 1, 'Mye.'.length)));
    expect(view(split)).toEqual([
      ['lineAAAAAAAA', 'interviewer', 1000, 'Hva betydde gruppa for deg?'],
      ['lineBBBBBBBB', 'participant', 5000, 'Mye.'],
      [made[0], 'participant', null, ' Jeg fikk venner.'],
      ['lineCCCCCCCC', 'participant', null, 'Og håp.'],
    ]);
  });

  it('Enter within a line splits it there without leaving a space at either end', () => {
    const { state, made } = editorState();
    const placed = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at(state, 1, 'Mye.'.length))));
    const split = run(placed, enterCommand);
    expect(view(split).slice(1, 3)).toEqual([
      ['lineBBBBBBBB', 'participant', 5000, 'Mye.'],
      [made[0], 'participant', null, 'Jeg fikk venner.'],
    ]);
    expect(split.selection.from).toBe(at(split, 2, 0));
    // At the end of a line: a new line after it, with the caret in it.
    const atEnd = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at(state, 2, 'Og håp.'.length))));
    const after = run(atEnd, enterCommand);
    expect(view(after).slice(2)).toEqual([
      ['lineCCCCCCCC', 'participant', null, 'Og håp.'],
      [made[1], 'participant', null, ''],
    ]);
    expect(after.selection.from).toBe(at(after, 3, 0));
    // With a selection, the editor's own Enter (delete it, then split) does it.
    const selected = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at(state, 0, 0), at(state, 0, 3))));
    expect(enterCommand(selected, undefined)).toBe(false);
  });

  it('Enter at the start of a line puts a new line before it, so the text keeps its id', () => {
    const { state, made } = editorState();
    const before = run(state.apply(state.tr.setSelection(TextSelection.create(state.doc, at(state, 2, 0)))), enterCommand);
    expect(view(before).map((line) => [line[0], line[3]])).toEqual([
      ['lineAAAAAAAA', 'Hva betydde gruppa for deg?'],
      ['lineBBBBBBBB', 'Mye. Jeg fikk venner.'],
      [made[0], ''],
      ['lineCCCCCCCC', 'Og håp.'],
    ]);
    expect(before.selection.from).toBe(at(before, 3, 0));
  });

  it('Backspace at a line’s start joins it onto the line before, which keeps its id', () => {
    const { state } = editorState();
    const placed = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at(state, 2, 0))));
    const joined = run(placed, (current, dispatch) => joinBackward(current, dispatch));
    expect(view(joined)).toEqual([
      ['lineAAAAAAAA', 'interviewer', 1000, 'Hva betydde gruppa for deg?'],
      ['lineBBBBBBBB', 'participant', 5000, 'Mye. Jeg fikk venner.Og håp.'],
    ]);
  });

  it('gives pasted lines ids of their own, even when they were copied from this transcript', () => {
    const { state, made } = editorState();
    const slice = sliceFromPastedText(schema, 'I: Og etterpå?\nD: Jeg fortsatte. Alene.');
    const pasted = state.apply(state.tr.replaceRange(at(state, 2, 0) - 1, at(state, 2, 0) - 1, slice));
    expect(view(pasted)).toEqual([
      ['lineAAAAAAAA', 'interviewer', 1000, 'Hva betydde gruppa for deg?'],
      ['lineBBBBBBBB', 'participant', 5000, 'Mye. Jeg fikk venner.'],
      [made[0], 'interviewer', null, 'Og etterpå?'],
      [made[1], 'participant', null, 'Jeg fortsatte.'],
      [made[2], 'participant', null, 'Alene.'],
      ['lineCCCCCCCC', 'participant', null, 'Og håp.'],
    ]);
    // A copy of an existing line (its id repeated) is the new one; the original keeps its id.
    const copy = schema.nodes.line!.create({ id: 'lineAAAAAAAA', speaker: 'interviewer', timestampMs: 1000 }, schema.text('Kopi'));
    const copied = pasted.apply(pasted.tr.insert(pasted.doc.content.size, copy));
    expect(view(copied).at(-1)).toEqual([made[3], 'interviewer', null, 'Kopi']);
    expect(view(copied)[0]![0]).toBe('lineAAAAAAAA');
  });

  it('changes the speaker of the current line, or of every selected line', () => {
    const { state } = editorState();
    const inFirst = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at(state, 0, 3))));
    expect(view(run(inFirst, (current, dispatch) => setSpeakerCommand(current, dispatch, 'next'))).map((line) => line[1])).toEqual([
      'participant',
      'participant',
      'participant',
    ]);
    const across = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at(state, 1, 2), at(state, 2, 2))));
    expect(view(run(across, (current, dispatch) => setSpeakerCommand(current, dispatch, 'other'))).map((line) => line[1])).toEqual([
      'interviewer',
      'other',
      'other',
    ]);
  });

  it('finds within lines and replaces one or all, each as one undoable step', () => {
    const { state } = editorState();
    const searching = state.apply(setSearch(state, 'jeg', false));
    expect(findKey.getState(searching)).toMatchObject({ matches: [{ from: at(state, 1, 5), to: at(state, 1, 8) }], current: 0 });
    const withOg = searching.apply(setSearch(searching, 'og', false));
    expect(findKey.getState(withOg)!.matches).toHaveLength(1);
    const onMatch = withOg.apply(stepMatch(withOg, 1)!);
    expect(onMatch.doc.textBetween(onMatch.selection.from, onMatch.selection.to)).toBe('Og');
    const replaced = onMatch.apply(replaceCurrent(onMatch, 'Men')!);
    expect(linesFromDoc(replaced.doc)[2]!.text).toBe('Men håp.');
    expect(findKey.getState(replaced)!.matches).toEqual([]);

    const all = state.apply(setSearch(state, 'e', true));
    expect(findKey.getState(all)!.matches.length).toBe(7);
    const none = all.apply(replaceAll(all, '')!);
    expect(linesFromDoc(none.doc).map((line) => line.text)).toEqual(['Hva btydd gruppa for dg?', 'My. Jg fikk vnnr.', 'Og håp.']);
    // One undo takes every replacement back, and the ids never moved.
    expect(linesFromDoc(run(none, undo).doc)).toEqual(start);
  });

  it('counts what changed since the last save: only the edited lines, and the order only when lines came, went or moved', () => {
    const { state, made } = editorState();
    const saved = new SavedDocument(state.doc);
    expect(saved.changesSince(state.doc)).toEqual({ order: null, lines: [] });

    // Typing in line 2 changes that line only.
    const typed = state.apply(state.tr.insertText('!', at(state, 1, 'Mye.'.length)));
    expect(saved.changesSince(typed.doc)).toEqual({ order: null, lines: [{ ...start[1]!, text: 'Mye.! Jeg fikk venner.' }] });
    // A speaker changed is a changed line too.
    const speaker = run(typed.apply(typed.tr.setSelection(TextSelection.create(typed.doc, at(typed, 2, 0)))), (current, dispatch) => setSpeakerCommand(current, dispatch, 'other'));
    expect(saved.changesSince(speaker.doc).lines.map((line) => [line.id, line.speaker])).toEqual([
      ['lineBBBBBBBB', 'participant'],
      ['lineCCCCCCCC', 'other'],
    ]);

    // Once saved, the same document has nothing to send; a split sends its two parts and the order.
    saved.acknowledge(speaker.doc);
    expect(saved.changesSince(speaker.doc)).toEqual({ order: null, lines: [] });
    const split = speaker.apply(speaker.tr.split(at(speaker, 0, 'Hva'.length)));
    expect(saved.changesSince(split.doc)).toEqual({
      order: ['lineAAAAAAAA', made[0], 'lineBBBBBBBB', 'lineCCCCCCCC'],
      lines: [
        { ...start[0]!, text: 'Hva' },
        { id: made[0], speaker: 'interviewer', timestampMs: null, text: ' betydde gruppa for deg?' },
      ],
    });

    // A line removed changes the order and sends no line.
    const removed = speaker.apply(speaker.tr.delete(before(speaker, 1), before(speaker, 2)));
    expect(saved.changesSince(removed.doc)).toEqual({ order: ['lineAAAAAAAA', 'lineCCCCCCCC'], lines: [] });
  });
});

describe('lines in groups (a unit of drawing only)', () => {
  const five: TranscriptLine[] = [
    { id: 'line11111111', speaker: 'interviewer', timestampMs: 1000, text: 'Hvordan var starten?' },
    { id: 'line22222222', speaker: 'participant', timestampMs: 4000, text: 'Tung.' },
    { id: 'line33333333', speaker: 'participant', timestampMs: null, text: 'Men jeg kom meg dit.' },
    { id: 'line44444444', speaker: 'interviewer', timestampMs: 9000, text: '' },
    { id: 'line55555555', speaker: 'participant', timestampMs: null, text: 'Ja.' },
  ];
  // Groups of two: [1 2] [3 4] [5].
  const grouped = () => editorState(five, 2);
  const caret = (state: EditorState, index: number, offset: number) => state.apply(state.tr.setSelection(TextSelection.create(state.doc, at(state, index, offset))));
  const groupSizes = (state: EditorState) => {
    const sizes: number[] = [];
    state.doc.forEach((group) => sizes.push(group.childCount));
    return sizes;
  };

  it('holds the lines in groups, evenly filled, and gives them back in order', () => {
    const { state } = grouped();
    expect(groupSizes(state)).toEqual([2, 2, 1]);
    expect(linesFromDoc(state.doc)).toEqual(five);
    expect(countLines(state.doc)).toBe(5);
    expect(groupSizes(editorState(five, 40).state)).toEqual([5]);
    const many = Array.from({ length: 81 }, (_, index) => ({ id: `many${String(index).padStart(8, '0')}`, speaker: 'participant' as const, timestampMs: null, text: `${index}` }));
    expect(groupSizes(editorState(many, 16).state)).toEqual([14, 14, 14, 13, 13, 13]);
    // As the editor opens it: no group over the size, none much smaller than the others.
    const sizes = groupSizes(editorState(many).state);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(81);
    expect(sizes).toHaveLength(Math.ceil(81 / linesPerGroup));
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('numbers the lines across groups and knows where a speaker’s turn starts', () => {
    const { state } = grouped();
    expect(five.map((_line, index) => lineAtPosition(state.doc, before(state, index)))).toEqual([
      { index: 0, turn: 'first' },
      { index: 1, turn: 'new' },
      // The first line of the second group: the same speaker as the line before, across the edge.
      { index: 2, turn: null },
      { index: 3, turn: 'new' },
      { index: 4, turn: 'new' },
    ]);
  });

  it('Backspace at the start of a group’s first line joins it onto the line before, in one key press', () => {
    const { state } = grouped();
    const joined = run(caret(state, 2, 0), joinAcrossGroupsCommand(-1));
    expect(view(joined).map((line) => [line[0], line[3]])).toEqual([
      ['line11111111', 'Hvordan var starten?'],
      ['line22222222', 'Tung.Men jeg kom meg dit.'],
      ['line44444444', ''],
      ['line55555555', 'Ja.'],
    ]);
    expect(joined.selection.from).toBe(at(joined, 1, 'Tung.'.length));
    // Within a group, at the first line, or with text before the caret, it leaves the key to the editor.
    expect(joinAcrossGroupsCommand(-1)(caret(state, 1, 0), undefined)).toBe(false);
    expect(joinAcrossGroupsCommand(-1)(caret(state, 0, 0), undefined)).toBe(false);
    expect(joinAcrossGroupsCommand(-1)(caret(state, 2, 1), undefined)).toBe(false);
    // Undo takes it back, ids and all.
    expect(linesFromDoc(run(joined, undo).doc)).toEqual(five);
  });

  it('Delete at the end of a group’s last line joins the next line onto it', () => {
    const { state } = grouped();
    const joined = run(caret(state, 1, 'Tung.'.length), joinAcrossGroupsCommand(1));
    expect(view(joined).map((line) => line[3])).toEqual(['Hvordan var starten?', 'Tung.Men jeg kom meg dit.', '', 'Ja.']);
    // The empty line at the end of the second group takes the last line in.
    const last = run(caret(state, 3, 0), joinAcrossGroupsCommand(1));
    expect(view(last).map((line) => [line[0], line[3]]).slice(3)).toEqual([['line44444444', 'Ja.']]);
    expect(joinAcrossGroupsCommand(1)(caret(state, 4, 3), undefined)).toBe(false);
    expect(joinAcrossGroupsCommand(1)(caret(state, 0, 3), undefined)).toBe(false);
  });

  it('Enter in an empty line makes a new line (never a new group)', () => {
    const { state, made } = grouped();
    const entered = run(caret(state, 3, 0), enterCommand);
    expect(view(entered).map((line) => [line[0], line[3]]).slice(3)).toEqual([
      ['line44444444', ''],
      [made[0], ''],
      ['line55555555', 'Ja.'],
    ]);
    expect(groupSizes(entered)).toEqual([2, 3, 1]);
    expect(entered.selection.from).toBe(at(entered, 4, 0));
  });

  it('a selection across groups deleted joins what is left of its first and last line', () => {
    const { state } = grouped();
    const selected = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at(state, 1, 2), at(state, 4, 1))));
    const deleted = selected.apply(selected.tr.deleteSelection());
    expect(view(deleted).map((line) => [line[0], line[3]])).toEqual([
      ['line11111111', 'Hvordan var starten?'],
      ['line22222222', 'Tua.'],
    ]);
  });

  it('sets speakers, finds and counts changes across groups', () => {
    const { state } = grouped();
    const across = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at(state, 1, 1), at(state, 2, 1))));
    const changed = run(across, (current, dispatch) => setSpeakerCommand(current, dispatch, 'other'));
    expect(view(changed).map((line) => line[1])).toEqual(['interviewer', 'other', 'other', 'interviewer', 'participant']);
    const saved = new SavedDocument(state.doc);
    expect(saved.changesSince(changed.doc).lines.map((line) => line.id)).toEqual(['line22222222', 'line33333333']);
    const searching = state.apply(setSearch(state, 'ja', false));
    expect(findKey.getState(searching)!.matches).toEqual([{ from: at(state, 4, 0), to: at(state, 4, 2) }]);
    expect(searching.doc.textBetween(at(state, 4, 0), at(state, 4, 2))).toBe('Ja');
  });
});
