import { getSchema } from '@tiptap/core';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import type { TranscriptLine } from '../../../shared/transcripts/lines.js';
import { docFromLines, transcriptExtensions } from '../../../renderer/src/features/transcripts/editor/lineDocument.js';
import { Columns, extentOf, indexLines, lineAt, linesExtent, looksLikeAction, marginLine, place, suggestCodes } from '../../../renderer/src/features/coding/layout.js';

/**
 * The coding workspace's placing of codings in the document (the same document the transcript
 * editor makes), its margin columns, the completion of codes and the nudge towards gerunds.
 */
const schema = getSchema(transcriptExtensions({ onFind: () => {} }));
const lines: TranscriptLine[] = [
  { id: 'lineAAAAAAAA', speaker: 'interviewer', timestampMs: null, text: 'Hva betydde gruppa?' },
  { id: 'lineBBBBBBBB', speaker: 'participant', timestampMs: null, text: 'Mye. Jeg fikk venner.' },
  { id: 'lineCCCCCCCC', speaker: 'participant', timestampMs: null, text: '' },
  { id: 'lineDDDDDDDD', speaker: 'participant', timestampMs: null, text: 'Og håp.' },
];
const doc = ProseMirrorNode.fromJSON(schema, docFromLines(lines));
const index = indexLines(doc);

describe('placing codings', () => {
  it('indexes every line with its position and length', () => {
    expect(index.lines.map((line) => [line.id, line.index, line.length])).toEqual([
      ['lineAAAAAAAA', 0, 19],
      ['lineBBBBBBBB', 1, 21],
      ['lineCCCCCCCC', 2, 0],
      ['lineDDDDDDDD', 3, 7],
    ]);
    for (const line of index.lines) expect(doc.nodeAt(line.pos)?.attrs.id).toBe(line.id);
  });

  it('turns an anchor into the document range of its words, across lines', () => {
    const where = place(index, { startLineId: 'lineBBBBBBBB', startOffset: 5, endLineId: 'lineDDDDDDDD', endOffset: 2 })!;
    expect(doc.textBetween(where.from, where.to, '|')).toBe('Jeg fikk venner.||Og');
    expect([where.startLine, where.endLine]).toEqual([1, 3]);
  });

  it('keeps an offset past a line’s end within the line, and refuses unknown or reversed lines', () => {
    const where = place(index, { startLineId: 'lineDDDDDDDD', startOffset: 3, endLineId: 'lineDDDDDDDD', endOffset: 99 })!;
    expect(doc.textBetween(where.from, where.to)).toBe('håp.');
    expect(place(index, { startLineId: 'lineZZZZZZZZ', startOffset: 0, endLineId: 'lineDDDDDDDD', endOffset: 1 })).toBeNull();
    expect(place(index, { startLineId: 'lineDDDDDDDD', startOffset: 0, endLineId: 'lineAAAAAAAA', endOffset: 1 })).toBeNull();
  });

  it('turns a selection into an extent, and back to the same words', () => {
    const b = index.lines[1]!;
    const d = index.lines[3]!;
    const extent = extentOf(index, b.pos + 1 + 5, d.pos + 1 + 2)!;
    expect(extent).toEqual({ startLineId: 'lineBBBBBBBB', startOffset: 5, endLineId: 'lineDDDDDDDD', endOffset: 2 });
    const where = place(index, extent)!;
    expect([where.from, where.to]).toEqual([b.pos + 6, d.pos + 3]);
  });

  it('ends a selection that reaches the start of the next line at the end of the line before', () => {
    const a = index.lines[0]!;
    const b = index.lines[1]!;
    expect(extentOf(index, a.pos + 1, b.pos + 1)).toEqual({ startLineId: 'lineAAAAAAAA', startOffset: 0, endLineId: 'lineAAAAAAAA', endOffset: 19 });
    expect(extentOf(index, a.pos + 3, a.pos + 3)).toBeNull();
  });

  it('finds the line of a position, and makes whole-line extents in either order', () => {
    expect(lineAt(index, index.lines[2]!.pos + 1)?.id).toBe('lineCCCCCCCC');
    expect(lineAt(index, 0)?.id).toBe('lineAAAAAAAA');
    expect(lineAt(index, doc.content.size)?.id).toBe('lineDDDDDDDD');
    expect(linesExtent(index, 3, 1)).toEqual({ startLineId: 'lineBBBBBBBB', startOffset: 0, endLineId: 'lineDDDDDDDD', endOffset: 7 });
  });
});

describe('margin columns', () => {
  it('puts overlapping codings side by side and reuses a column once it is free', () => {
    const columns = new Columns();
    columns.placeAll([
      { id: 1, startLine: 0, endLine: 4 },
      { id: 2, startLine: 2, endLine: 3 },
      { id: 3, startLine: 5, endLine: 6 },
      { id: 4, startLine: 3, endLine: 5 },
    ]);
    expect([1, 2, 3, 4].map((id) => columns.get(id))).toEqual([0, 1, 0, 2]);
    expect(columns.count).toBe(3);
  });

  it('keeps the others where they are when one is added or removed', () => {
    const columns = new Columns();
    columns.add(1, 0, 2);
    columns.add(2, 1, 1);
    expect(columns.add(3, 3, 3)).toBe(0);
    columns.remove(1);
    expect(columns.get(2)).toBe(1);
    expect(columns.add(4, 0, 1)).toBe(0);
    columns.remove(2);
    columns.remove(4);
    columns.remove(3);
    expect(columns.count).toBe(0);
  });

  it('draws a line’s stripes by column and labels the codings that start on it', () => {
    const codings = [
      { id: 7, codeId: 70, column: 1, startLine: 2, endLine: 4 },
      { id: 8, codeId: 80, column: 0, startLine: 3, endLine: 3 },
      { id: 9, codeId: 90, column: 2, startLine: 3, endLine: 5 },
    ];
    expect(marginLine(3, codings, 4)).toEqual({
      stripes: [
        { codingId: 8, codeId: 80, first: true, last: true },
        { codingId: 7, codeId: 70, first: false, last: false },
        { codingId: 9, codeId: 90, first: true, last: false },
        null,
      ],
      labels: [
        { codingId: 8, codeId: 80 },
        { codingId: 9, codeId: 90 },
      ],
    });
  });
});

describe('completing codes', () => {
  const codes = [
    { id: 1, name: 'feeling seen', level: 'initial' as const },
    { id: 2, name: 'Keeping distance', level: 'initial' as const },
    { id: 3, name: 'finding footing', level: 'initial' as const },
    { id: 4, name: 'å føle seg sett', level: 'initial' as const },
    { id: 5, name: 'being afraid of feelings', level: 'initial' as const },
  ];

  it('offers names starting with what is typed first, then a word of them, then initials, then (four letters on) letters in order', () => {
    expect(suggestCodes(codes, 'fe').map((code) => code.id)).toEqual([1, 5]);
    expect(suggestCodes(codes, 'dist').map((code) => code.id)).toEqual([2]);
    expect(suggestCodes(codes, 'fs').map((code) => code.id)).toEqual([1, 4]);
    expect(suggestCodes(codes, 'fltn').map((code) => code.id)).toEqual([]);
    expect(suggestCodes(codes, 'fndng').map((code) => code.id)).toEqual([3]);
    expect(suggestCodes(codes, 'KEEP').map((code) => code.id)).toEqual([2]);
  });

  it('ignores accents as typed and finds nothing for what no code holds', () => {
    expect(suggestCodes(codes, 'a føle').map((code) => code.id)).toEqual([4]);
    expect(suggestCodes(codes, 'xyz')).toEqual([]);
  });
});

describe('the nudge towards codes that name actions', () => {
  it('accepts gerunds, Norwegian infinitives and participles, and in-vivo codes in quotes', () => {
    for (const name of ['feeling seen', 'Keeping distance', 'å føle seg sett', 'kjempende', '“ingen spurte hva som var galt”', '"like a family"']) expect(looksLikeAction(name), name).toBe(true);
  });

  it('hints at a topic-like code', () => {
    for (const name of ['family', 'trust in the group', 'gruppa', 'søvn']) expect(looksLikeAction(name), name).toBe(false);
  });
});
