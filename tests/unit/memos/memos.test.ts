import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { Memo, MemoFilter, MemoSummary, MemoTargets } from '../../../shared/memos/contract.js';
import { bodyFromText, plainTextOf } from '../../../shared/memos/richText.js';
import { parseUndoLabel, type UndoState } from '../../../shared/coding/contract.js';
import { replayStep } from '../../../main/core/coding/undo.js';
import { ftsQuery } from '../../../main/core/memos/search.js';
import { freshStudy, value, type FreshStudy } from '../../helpers/study.js';
import { addCategory, addCode, addTranscript, auditEvents, linesPassage, markRaw } from './setup.js';

const lines = ['Jeg kom dit for første gang.', 'Ingen kjente meg der.', 'Så ble jeg sett av de andre.', 'Det forandret mye for meg.'];

const all: MemoFilter = { order: 'newest', kind: 'all', search: '' };

async function list(study: FreshStudy, filter: Partial<MemoFilter> = {}): Promise<{ memos: MemoSummary[]; total: number; targets: MemoTargets }> {
  return value(await study.core.invoke('memos.list', { ...all, ...filter }));
}

async function create(study: FreshStudy, title: string, text = '', target: unknown = { kind: 'free' }): Promise<Memo> {
  return value<{ memo: Memo }>(await study.core.invoke('memos.create', { title, target, body: bodyFromText(text) })).memo;
}

function errorCode(result: { ok: boolean; error?: { code: string } }): string | undefined {
  return result.ok ? undefined : result.error?.code;
}

describe('memos', () => {
  it('creates a free memo with its rich text and the plain text made from it, dated', async () => {
    const study = await freshStudy();
    const body = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Å bli sett' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Flere snakker om ' }, { type: 'text', text: 'blikket', marks: [{ type: 'bold' }] }, { type: 'text', text: ' fra de andre.' }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Deltaker 2' }] }] }] },
      ],
    };
    const created = value<{ memo: Memo; undo: UndoState }>(await study.core.invoke('memos.create', { title: '  Being seen  ', target: { kind: 'free' }, body }));
    const memo = created.memo;
    // Making it is a step of the study's undo, and the answer says so.
    expect(created.undo.redo).toBeNull();
    expect(parseUndoLabel(created.undo.undo!.label)).toEqual({ action: 'createMemo', names: ['Being seen'], count: 1 });
    expect(memo.title).toBe('Being seen');
    expect(memo.target).toEqual({ kind: 'free' });
    expect(memo.body).toEqual(body);
    expect(memo.bodyText).toBe('Å bli sett\nFlere snakker om blikket fra de andre.\nDeltaker 2');
    expect(memo.excerpt).toBe('Å bli sett Flere snakker om blikket fra de andre. Deltaker 2');
    expect(memo.createdAt).toBe(memo.updatedAt);
    expect(value<Memo>(await study.core.invoke('memos.get', { id: memo.id }))).toEqual(memo);
    // Without a body it starts empty.
    const empty = value<{ memo: Memo }>(await study.core.invoke('memos.create', { title: '', target: { kind: 'free' } })).memo;
    expect(empty.bodyText).toBe('');
    expect(empty.body.type).toBe('doc');
  });

  it('saves from the last saved time and refuses a save from an older one, writing nothing', async () => {
    const study = await freshStudy();
    const memo = await create(study, 'Draft', 'first');
    const first = value<{ updatedAt: string; excerpt: string }>(
      await study.core.invoke('memos.save', { id: memo.id, title: 'Draft 2', body: bodyFromText('second'), baseUpdatedAt: memo.updatedAt }),
    );
    expect(first.excerpt).toBe('second');
    expect(first.updatedAt > memo.updatedAt).toBe(true);
    // Saves within the same millisecond still get a newer time each.
    const second = value<{ updatedAt: string }>(
      await study.core.invoke('memos.save', { id: memo.id, title: 'Draft 3', body: bodyFromText('third'), baseUpdatedAt: first.updatedAt }),
    );
    expect(second.updatedAt > first.updatedAt).toBe(true);
    // A save from the first version (another window, say) is refused, and the newer text stays.
    const stale = await study.core.invoke('memos.save', { id: memo.id, title: 'Old', body: bodyFromText('older text'), baseUpdatedAt: first.updatedAt });
    expect(errorCode(stale)).toBe('memo.stale');
    const stored = value<Memo>(await study.core.invoke('memos.get', { id: memo.id }));
    expect(stored.title).toBe('Draft 3');
    expect(stored.bodyText).toBe('third');
    expect(stored.updatedAt).toBe(second.updatedAt);
    expect(errorCode(await study.core.invoke('memos.save', { id: 999, title: '', body: bodyFromText(''), baseUpdatedAt: second.updatedAt }))).toBe('memo.missing');
  });

  it('writes a memo on a passage, showing its text with pseudonym and line numbers as the transcript has it now', async () => {
    const study = await freshStudy();
    const transcript = await addTranscript(study, 'Deltaker 3', lines);
    expect(transcript.content.map((line) => line.text)).toEqual(lines);
    const passage = { ...linesPassage(transcript, 2, 3), startOffset: 6 };
    const memo = await create(study, 'Seen', 'A turning point.', { kind: 'passage', passage });
    expect(memo.target.kind).toBe('passage');
    if (memo.target.kind !== 'passage') return;
    expect(memo.target.passage).toMatchObject({ pseudonym: 'Deltaker 3', found: true, startNumber: 2, endNumber: 3, state: 'anonymised', transcriptId: transcript.id });
    expect(memo.target.passage.lines.map((line) => [line.number, line.text])).toEqual([
      [2, 'kjente meg der.'],
      [3, 'Så ble jeg sett av de andre.'],
    ]);
    // The transcript is edited (a detail changed, same length, so no anchor moves): the memo shows the new text.
    const changed = { ...transcript.content[2]!, text: 'Så ble jeg sett av dem alle.' };
    value(await study.core.invoke('transcripts.save', { id: transcript.id, baseRevision: transcript.revision, order: null, lines: [changed] }));
    const reread = value<Memo>(await study.core.invoke('memos.get', { id: memo.id }));
    expect(reread.target.kind === 'passage' && reread.target.passage.lines[1]!.text).toBe('Så ble jeg sett av dem alle.');
  });

  it('refuses a memo on a passage of a raw transcript, or on a passage that is not in the transcript', async () => {
    const study = await freshStudy();
    const raw = await addTranscript(study, 'Deltaker 1', lines, { anonymised: false });
    const other = await addTranscript(study, 'Deltaker 2', lines);
    const target = (passage: unknown) => ({ title: '', target: { kind: 'passage', passage } });
    expect(errorCode(await study.core.invoke('memos.create', target(linesPassage(raw, 1, 2))))).toBe('memo.passageRaw');
    // End before start; a line of another transcript; an offset past the line's end; no such transcript.
    expect(errorCode(await study.core.invoke('memos.create', target({ ...linesPassage(other, 3, 3), endLineId: other.content[0]!.id })))).toBe('memo.passageInvalid');
    expect(errorCode(await study.core.invoke('memos.create', target({ ...linesPassage(other, 1, 2), endLineId: raw.content[1]!.id })))).toBe('memo.passageInvalid');
    expect(errorCode(await study.core.invoke('memos.create', target({ ...linesPassage(other, 1, 1), endOffset: 500 })))).toBe('memo.passageInvalid');
    expect(errorCode(await study.core.invoke('memos.create', target({ ...linesPassage(other, 1, 1), transcriptId: 999 })))).toBe('transcript.missing');
    expect((await list(study)).total).toBe(0);
  });

  it('writes memos on a code and a category, refuses one on a code that is gone, and keeps them as free memos when theirs is deleted', async () => {
    const study = await freshStudy();
    const codeId = addCode(study, 'feeling seen');
    const categoryId = addCategory(study, 'Finding a footing');
    const onCode = await create(study, 'On the code', '', { kind: 'code', codeId });
    const onCategory = await create(study, 'On the category', '', { kind: 'category', categoryId });
    expect(onCode.target).toEqual({ kind: 'code', codeId, name: 'feeling seen', level: 'initial' });
    expect(onCategory.target).toEqual({ kind: 'category', categoryId, name: 'Finding a footing' });
    expect(errorCode(await study.core.invoke('memos.create', { title: '', target: { kind: 'code', codeId: 999 } }))).toBe('memo.targetMissing');
    expect(errorCode(await study.core.invoke('memos.create', { title: '', target: { kind: 'category', categoryId: 999 } }))).toBe('memo.targetMissing');
    const { targets } = await list(study);
    expect(targets.codes).toEqual([{ id: codeId, name: 'feeling seen', level: 'initial' }]);
    expect(targets.categories).toEqual([{ id: categoryId, name: 'Finding a footing', parentId: null }]);
    study.core.session.require().db.write((writer) => writer.statement('DELETE FROM code WHERE id = ?').run(codeId));
    expect(value<Memo>(await study.core.invoke('memos.get', { id: onCode.id })).target).toEqual({ kind: 'free' });
  });

  it('lists memos in time order, newest or oldest first, and by kind or target', async () => {
    const study = await freshStudy();
    const transcript = await addTranscript(study, 'Deltaker 3', lines);
    const codeId = addCode(study, 'feeling seen');
    const a = await create(study, 'A');
    const b = await create(study, 'B', '', { kind: 'code', codeId });
    const c = await create(study, 'C', '', { kind: 'passage', passage: linesPassage(transcript, 1, 1) });
    // Made within the same millisecond or not, the order is the order they were written in.
    expect((await list(study)).memos.map((memo) => memo.id)).toEqual([c.id, b.id, a.id]);
    expect((await list(study, { order: 'oldest' })).memos.map((memo) => memo.id)).toEqual([a.id, b.id, c.id]);
    expect((await list(study, { kind: 'free' })).memos.map((memo) => memo.id)).toEqual([a.id]);
    expect((await list(study, { kind: 'code' })).memos.map((memo) => memo.id)).toEqual([b.id]);
    expect((await list(study, { kind: 'code', codeId: codeId + 1 })).memos).toEqual([]);
    expect((await list(study, { kind: 'passage', transcriptId: transcript.id })).memos.map((memo) => memo.id)).toEqual([c.id]);
    expect((await list(study, { kind: 'category' })).memos).toEqual([]);
    const { total, targets } = await list(study, { kind: 'category' });
    expect(total).toBe(3);
    expect(targets.transcripts).toEqual([{ id: transcript.id, pseudonym: 'Deltaker 3', heldAt: transcript.heldAt }]);
  });

  it('finds memos by the words of their title and text, the last word as typed so far, and any input is only text to find', async () => {
    const study = await freshStudy();
    const seen = await create(study, 'Å bli sett', 'Flere forteller om blikket fra gruppen.');
    const alone = await create(study, 'Ensomhet', 'Hun var alene "lenge" AND NOT sett? (før gruppen)');
    const ids = async (search: string) => (await list(study, { search })).memos.map((memo) => memo.id).sort();
    expect(await ids('blikket')).toEqual([seen.id]);
    expect(await ids('gruppen')).toEqual([seen.id, alone.id].sort());
    expect(await ids('BLI sett')).toEqual([seen.id]);
    expect(await ids('blikk')).toEqual([seen.id]);
    expect(await ids('ensomh')).toEqual([alone.id]);
    // Diacritics are folded: "a bli" finds "Å bli".
    expect(await ids('a bli')).toEqual([seen.id]);
    expect(await ids('gruppen blikket')).toEqual([seen.id]);
    expect(await ids('nowhere')).toEqual([]);
    // FTS5's syntax is only text: none of these is an error, and they find what they say.
    for (const hostile of ['"', '""', '*', 'AND', 'OR', 'NOT', 'NEAR', 'NEAR(sett lenge)', 'sett*', '"lenge"', '(før', 'title:sett', '-sett', '^sett', "'", 'sett AND', 'a"b', '\\', '\u0000', ':', '{title body_text}: sett', '+']) {
      const result = await study.core.invoke('memos.list', { ...all, search: hostile });
      expect(result.ok, hostile).toBe(true);
    }
    expect(await ids('AND NOT')).toEqual([alone.id]);
    expect(await ids('"lenge"')).toEqual([alone.id]);
    expect(await ids('NEAR(sett lenge)')).toEqual([]);
    expect(await ids('(før gruppen)')).toEqual([alone.id]);
    expect(await ids('title:sett')).toEqual([]);
    expect(await ids('*')).toEqual([]);
    // An edit is found at once, and the old words no longer.
    const memo = value<Memo>(await study.core.invoke('memos.get', { id: seen.id }));
    value(await study.core.invoke('memos.save', { id: seen.id, title: 'Å bli sett', body: bodyFromText('Anerkjennelse.'), baseUpdatedAt: memo.updatedAt }));
    expect(await ids('blikket')).toEqual([]);
    expect(await ids('anerkjennelse')).toEqual([seen.id]);
  });

  it('shows where a search found each memo: the words marked in its title, and its text around them', async () => {
    const study = await freshStudy();
    const long = `${'Innledning om gruppa og møtene. '.repeat(20)}Det var blikket fra de andre som gjorde det. ${'Avslutning om hverdagen etterpå. '.repeat(20)}`;
    const memo = await create(study, 'Blikket i gruppa', long);
    const marked = (text: string, ranges: readonly (readonly [number, number])[]) => ranges.map(([from, to]) => text.slice(from, to));
    const [found] = (await list(study, { search: 'blikket' })).memos;
    expect(found!.id).toBe(memo.id);
    // The title with the word found; the text around it, not the start of the memo.
    expect(marked(found!.title, found!.found!.title)).toEqual(['Blikket']);
    expect(marked(found!.excerpt, found!.found!.excerpt)).toEqual(['blikket']);
    expect(found!.excerpt).toContain('Det var blikket fra de andre');
    expect(found!.excerpt.startsWith('Innledning')).toBe(false);
    expect(found!.excerpt.length).toBeLessThan(400);
    // Found in the title only: the start of the text, nothing marked in it.
    const [byTitle] = (await list(study, { search: 'gruppa blikket' })).memos;
    expect(marked(byTitle!.title, byTitle!.found!.title)).toEqual(['Blikket', 'gruppa']);
    const other = await create(study, 'Tilhørighet', 'Om å høre til.');
    const [titleOnly] = (await list(study, { search: 'tilhørighet' })).memos;
    expect(titleOnly!.id).toBe(other.id);
    expect(titleOnly!.excerpt).toBe('Om å høre til.');
    expect(titleOnly!.found).toEqual({ title: [[0, 'Tilhørighet'.length]], excerpt: [] });
    // Without a search, nothing is marked.
    expect((await list(study, {})).memos.map((summary) => summary.found)).toEqual([null, null]);
  });

  it('builds FTS5 queries that quote every word', () => {
    expect(ftsQuery('')).toBeNull();
    expect(ftsQuery('  " * ( ')).toBeNull();
    expect(ftsQuery('bli sett')).toBe('"bli" "sett"*');
    expect(ftsQuery('a"b AND')).toBe('"a""b" "AND"*');
  });

  it('deletes a memo, and Undo brings it back with its latest text; Redo deletes it again', async () => {
    const study = await freshStudy();
    const memo = await create(study, 'To keep', 'first words');
    const saved = value<{ updatedAt: string }>(
      await study.core.invoke('memos.save', { id: memo.id, title: 'To keep', body: bodyFromText('latest words'), baseUpdatedAt: memo.updatedAt }),
    );
    const deleted = value<{ undo: UndoState }>(await study.core.invoke('memos.delete', { id: memo.id }));
    expect(parseUndoLabel(deleted.undo.undo!.label)).toMatchObject({ action: 'deleteMemo', names: ['To keep'] });
    expect(errorCode(await study.core.invoke('memos.get', { id: memo.id }))).toBe('memo.missing');
    expect(errorCode(await study.core.invoke('memos.delete', { id: memo.id }))).toBe('memo.missing');
    const db = study.core.session.require().db;
    expect(JSON.parse(db.write((writer) => replayStep(writer, 'undo'))!)).toMatchObject({ action: 'deleteMemo', names: ['To keep'] });
    const back = value<Memo>(await study.core.invoke('memos.get', { id: memo.id }));
    expect(back.bodyText).toBe('latest words');
    expect(back.updatedAt).toBe(saved.updatedAt);
    // Found by search again.
    expect((await list(study, { search: 'latest' })).memos.map((found) => found.id)).toEqual([memo.id]);
    db.write((writer) => replayStep(writer, 'redo'));
    expect(errorCode(await study.core.invoke('memos.get', { id: memo.id }))).toBe('memo.missing');
    expect((await list(study, { search: 'latest' })).memos).toEqual([]);
  });

  it('makes creating a memo one undo step, and saving its text none', async () => {
    const study = await freshStudy();
    const memo = await create(study, 'Fresh', 'words');
    value(await study.core.invoke('memos.save', { id: memo.id, title: 'Fresh', body: bodyFromText('more words'), baseUpdatedAt: memo.updatedAt }));
    const db = study.core.session.require().db;
    expect(JSON.parse(db.write((writer) => replayStep(writer, 'undo'))!)).toMatchObject({ action: 'createMemo', names: ['Fresh'] });
    expect(errorCode(await study.core.invoke('memos.get', { id: memo.id }))).toBe('memo.missing');
    expect(db.write((writer) => replayStep(writer, 'undo'))).toBeNull();
    db.write((writer) => replayStep(writer, 'redo'));
    expect(value<Memo>(await study.core.invoke('memos.get', { id: memo.id })).bodyText).toBe('more words');
  });

  it('exports the memos listed to Word: titles, dates, what each is about, passage text and the rich text; counts only in the audit trail', async () => {
    const study = await freshStudy();
    const transcript = await addTranscript(study, 'Deltaker 3', lines);
    const hidden = await addTranscript(study, 'Deltaker 4', ['Jeg bor i Tromsø.', 'Det er kaldt.']);
    const codeId = addCode(study, 'feeling seen', 'focused');
    await create(study, 'Free thought', 'Recovery is relational.');
    value(
      await study.core.invoke('memos.create', {
        title: 'On seeing',
        target: { kind: 'code', codeId },
        body: {
          type: 'doc',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'Two ' }, { type: 'text', text: 'properties', marks: [{ type: 'italic' }] }, { type: 'text', text: ':' }] },
            { type: 'orderedList', content: ['being noticed', 'being named'].map((text) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })) },
          ],
        },
      }),
    );
    await create(study, 'The turn', 'Here it changes.', { kind: 'passage', passage: linesPassage(transcript, 3, 4) });
    await create(study, 'Place', 'About home.', { kind: 'passage', passage: linesPassage(hidden, 1, 1) });
    // Its transcript goes back to its review: the passage's text must not leave the study.
    markRaw(study, hidden.id);
    const target = path.join(study.root, 'Memos.docx');
    const answer = value<{ path: string; memos: number }>(await study.core.invoke('memos.export', { filter: { ...all, order: 'oldest' }, path: target, language: 'en' }));
    expect(answer).toEqual({ path: target, memos: 4 });
    const { value: text } = await mammoth.extractRawText({ path: target });
    expect(text).toContain('4 memos');
    const order = ['Free thought', 'On seeing', 'The turn', 'Place'].map((title) => text.indexOf(title));
    expect(order.every((at, index) => at >= 0 && (index === 0 || at > order[index - 1]!))).toBe(true);
    expect(text).toContain('Recovery is relational.');
    expect(text).toContain('On the focused code “feeling seen”');
    expect(text).toContain('being noticed');
    expect(text).toContain('On a passage: Deltaker 3, lines 3–4');
    expect(text).toContain('“Så ble jeg sett av de andre. Det forandret mye for meg.”');
    expect(text).toContain('On a passage: Deltaker 4, line 1');
    expect(text).not.toContain('Tromsø');
    expect(text).toContain('left out');
    expect(text).toMatch(/Written \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    const html = (await mammoth.convertToHtml({ path: target })).value;
    expect(html).toContain('<em>properties</em>');
    expect(html).toMatch(/<ol><li>being noticed<\/li><li>being named<\/li><\/ol>/);
    // Filtered, in Norwegian.
    const filtered = path.join(study.root, 'Memoer.docx');
    expect(value<{ memos: number }>(await study.core.invoke('memos.export', { filter: { ...all, search: 'relational' }, path: filtered, language: 'nb' })).memos).toBe(1);
    const { value: nb } = await mammoth.extractRawText({ path: filtered });
    expect(nb).toContain('1 memo');
    expect(nb).toContain('Fritt memo');
    expect(nb).not.toContain('On seeing');
    expect(auditEvents(study, 'export.written')).toEqual([
      { what: 'memos', format: 'docx', memos: 4 },
      { what: 'memos', format: 'docx', memos: 1 },
    ]);
    const folder = path.join(study.root, 'no-such-folder', 'x.docx');
    expect(errorCode(await study.core.invoke('memos.export', { filter: all, path: folder, language: 'en' }))).toBe('memo.exportFailed');
  });

  it('makes the plain text of the editor document', () => {
    expect(plainTextOf({ type: 'doc', content: [{ type: 'paragraph' }] })).toBe('');
    expect(plainTextOf({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a' }, { type: 'hardBreak' }, { type: 'text', text: 'b' }] }, { type: 'paragraph', content: [{ type: 'text', text: 'c' }] }] })).toBe('a\nb\nc');
  });
});
