import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { linesOf, PositionMap, planCodes } from '../../../main/core/exchange/importProject.js';
import { CharIndex, derivedGuid, normaliseGuid, type QdaCode } from '../../../main/core/exchange/qde.js';
import { isSafeEntryName } from '../../../main/core/exchange/zip.js';
import { tempDir, testCore, value } from '../../helpers/study.js';
import { expectValid, schemaPath } from './seed.js';

const textOf = (text: string, lines: ReturnType<typeof linesOf>, anchor: NonNullable<ReturnType<PositionMap['anchor']>>) => {
  const first = lines.findIndex((line) => line.id === anchor.startLineId);
  const last = lines.findIndex((line) => line.id === anchor.endLineId);
  return lines
    .slice(first, last + 1)
    .map((line, index, all) => text.slice(line.start, line.end).slice(index === 0 ? anchor.startOffset : 0, index === all.length - 1 ? anchor.endOffset : undefined))
    .join('|');
};

describe('character positions', () => {
  it('counts a character outside the BMP once, both ways', () => {
    const index = new CharIndex('a🙂b');
    expect(index.length).toBe(3);
    expect([0, 1, 2, 3].map((position) => index.toUnits(position))).toEqual([0, 1, 3, 4]);
    expect([0, 1, 2, 3, 4].map((unit) => index.toPosition(unit))).toEqual([0, 1, 1, 2, 3]);
    const plain = new CharIndex('æøå');
    expect(plain.toUnits(2)).toBe(2);
    expect(plain.toUnits(99)).toBe(3);
  });

  it('makes one line per paragraph, leaving blank ones out, and maps selections across line breaks (LF, CRLF, CR)', () => {
    for (const breakWith of ['\n', '\r\n', '\r']) {
      const text = ['Første linje.', '', '  ', 'Andre 🙂 linje.', 'Tredje.'].join(breakWith);
      const lines = linesOf(text);
      expect(lines.map((line) => text.slice(line.start, line.end))).toEqual(['Første linje.', 'Andre 🙂 linje.', 'Tredje.']);
      const map = new PositionMap(text, lines);
      const characters = [...text];
      const at = (needle: string) => characters.join('').indexOf(needle);
      const position = (unit: number) => [...text.slice(0, unit)].length;
      // Across the blank paragraphs: from "linje." in the first to "Andre" in the second.
      const start = position(at('linje.'));
      const end = position(at('Andre') + 'Andre'.length);
      expect(textOf(text, lines, map.anchor(start, end)!)).toBe('linje.|Andre');
      // A start in the blank paragraphs moves to the next line; an end in them to the previous line's end.
      expect(textOf(text, lines, map.anchor(position(at('Første') + 13 + breakWith.length), position(at('Tredje')) + 3)!)).toBe('Andre 🙂 linje.|Tre');
      expect(textOf(text, lines, map.anchor(position(at('Første')), position(at('Andre')) - 1)!)).toBe('Første linje.');
      // After the emoji: positions are characters.
      const emojiEnd = position(at('🙂') + 2);
      expect(textOf(text, lines, map.anchor(emojiEnd, emojiEnd + 7)!)).toBe(' linje.');
      // Nothing of a line in it, outside the text, empty: not placed.
      expect(map.anchor(position(at('Første') + 13), position(at('Første') + 13) + breakWith.length)).toBeNull();
      expect(map.anchor(0, map.length + 1)).toBeNull();
      expect(map.anchor(3, 3)).toBeNull();
    }
  });

  it('takes a leading time and a speaker from a paragraph, keeping its text whole', () => {
    const lines = linesOf('[00:01:05] Intervjuer: Hvordan går det?\nKari: Bra.\nOg så videre.');
    expect(lines.map((line) => [line.speaker, line.timestampMs])).toEqual([
      ['interviewer', 65_000],
      ['participant', null],
      ['participant', null],
    ]);
    expect(lines[0]!.start).toBe(0);
  });

  it('starts a new line inside a paragraph where a time or a role says a new turn begins', () => {
    const text = 'I: Hvordan var det? D: Godt, sa han: ja. [00:02:10] Så kom vi hjem. Kari: hei.';
    const lines = linesOf(text);
    expect(lines.map((line) => text.slice(line.start, line.end))).toEqual(['I: Hvordan var det?', 'D: Godt, sa han: ja.', '[00:02:10] Så kom vi hjem. Kari: hei.']);
    expect(lines.map((line) => [line.speaker, line.timestampMs])).toEqual([
      ['interviewer', null],
      ['participant', null],
      ['participant', 130_000],
    ]);
    // A selection across the turns is still placed exactly.
    const map = new PositionMap(text, lines);
    const start = text.indexOf('var det');
    const anchor = map.anchor(start, text.indexOf('Godt') + 4)!;
    expect(textOf(text, lines, anchor)).toBe('var det?|D: Godt');
  });

  it('breaks a paragraph longer than a line may be at a space', () => {
    const text = `${'ord '.repeat(6000)}slutt`;
    const lines = linesOf(text);
    expect(lines.length).toBe(2);
    expect(lines.every((line) => line.end - line.start <= 20_000)).toBe(true);
    expect(lines.map((line) => text.slice(line.start, line.end)).join('')).toBe(text);
  });
});

describe('GUIDs and paths', () => {
  it('reads GUIDs with or without braces, in either case, and refuses what is not one', () => {
    expect(normaliseGuid('{9F0A0D1C-0001-4E2B-8D3A-6C1D2E3F4A01}')).toBe('9f0a0d1c-0001-4e2b-8d3a-6c1d2e3f4a01');
    expect(normaliseGuid(' 9f0a0d1c-0001-4e2b-8d3a-6c1d2e3f4a01 ')).toBe('9f0a0d1c-0001-4e2b-8d3a-6c1d2e3f4a01');
    expect(normaliseGuid('not-a-guid')).toBeNull();
    expect(derivedGuid('x', 'coding')).toBe(derivedGuid('x', 'coding'));
    expect(derivedGuid('x', 'coding')).not.toBe(derivedGuid('x', 'selection'));
    expect(normaliseGuid(derivedGuid('x', 'coding'))).not.toBeNull();
  });

  it('tells entry names that stay in the folder from those that escape it', () => {
    expect(['project.qde', 'Sources/a.txt', 'sources/{A}.txt', 'a/b..c/d.txt'].every(isSafeEntryName)).toBe(true);
    for (const name of ['../x', 'Sources/../../x', '/etc/passwd', 'C:\\x', 'Sources\\..\\..\\x', '']) expect(isSafeEntryName(name), name).toBe(false);
  });
});

describe('the import rule for the code tree', () => {
  const code = (name: string, children: QdaCode[] = [], isCodable = true): QdaCode => ({ guid: name, name, color: null, description: '', isCodable, noteGuids: [], children });
  it('makes categories of uncoded parents, focused codes of codes under categories or with codes beneath, initial codes of the rest', () => {
    const tree = [code('Category', [code('Sub', [code('focused leaf')]), code('parent', [code('child')])]), code('top leaf'), code('Uncodable', [], false)];
    const plan = planCodes(tree, new Set(['parent', 'child', 'focused leaf', 'top leaf']), new Map(), null);
    const flat: string[] = [];
    const walk = (nodes: typeof plan) =>
      nodes.forEach((node) => {
        flat.push(`${node.code.name}: ${node.kind === 'category' ? 'category' : node.level}${node.categoryGuid ? ` in ${node.categoryGuid}` : ''}${node.subsumedBy ? ` under ${node.subsumedBy}` : ''}`);
        walk(node.children);
      });
    walk(plan);
    expect(flat).toEqual([
      'Category: category',
      'Sub: category in Category',
      'focused leaf: focused in Sub',
      'parent: focused in Category',
      'child: initial in Category under parent',
      'top leaf: initial',
      'Uncodable: category',
    ]);
  });
});

describe('the demo study', () => {
  it('exports a project.qde that validates', async () => {
    const root = tempDir();
    const core = testCore(root);
    value(await core.invoke('study.openDemo', {}));
    const file = path.join(root, 'demo.qdpx');
    value(await core.invoke('exchange.exportProject', { path: file, lineEnding: 'crlf', includeMemos: true, language: 'nb' }));
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    expectValid(await zip.file('project.qde')!.async('string'), schemaPath, root);
  });
});
