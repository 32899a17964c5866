import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { Quote, QuoteCategory } from '../../../shared/quotes/contract.js';
import { lineReference } from '../../../shared/memos/passage.js';
import { parseUndoLabel, type UndoState } from '../../../shared/coding/contract.js';
import { replayStep } from '../../../main/core/coding/undo.js';
import { freshStudy, value, type FreshStudy } from '../../helpers/study.js';
import { addCategory, addTranscript, auditEvents, linesPassage, markRaw } from '../memos/setup.js';

const lines = ['Jeg kom dit for første gang.', 'Ingen kjente meg der.', 'Så ble jeg sett av de andre.', 'Det forandret mye for meg.'];

async function list(study: FreshStudy): Promise<{ quotes: Quote[]; categories: QuoteCategory[] }> {
  return value(await study.core.invoke('quotes.list', {}));
}

function errorCode(result: { ok: boolean; error?: { code: string } }): string | undefined {
  return result.ok ? undefined : result.error?.code;
}

describe('quotes', () => {
  it('marks a passage of an anonymised transcript as a quote, with pseudonym, line numbers and its text now', async () => {
    const study = await freshStudy();
    const transcript = await addTranscript(study, 'Deltaker 3', lines);
    const passage = { ...linesPassage(transcript, 2, 3), startOffset: 6 };
    const quote = value<{ quote: Quote }>(await study.core.invoke('quotes.create', { passage })).quote;
    expect(quote.passage).toEqual(passage);
    expect(quote.wording).toBe('');
    expect(quote.categoryId).toBeNull();
    expect(quote.source).toMatchObject({ pseudonym: 'Deltaker 3', startNumber: 2, endNumber: 3, found: true, state: 'anonymised' });
    expect(quote.source.lines.map((line) => line.text)).toEqual(['kjente meg der.', 'Så ble jeg sett av de andre.']);
    expect(lineReference(quote.source, 'en')).toBe('Deltaker 3, lines 2–3');
    expect(lineReference(quote.source, 'nb')).toBe('Deltaker 3, linje 2–3');
    expect(lineReference({ ...quote.source, endNumber: 2 }, 'en')).toBe('Deltaker 3, line 2');
    // The source text is read afresh: an edit of the transcript shows.
    const changed = { ...transcript.content[1]!, text: 'Ingen kjente oss der.' };
    value(await study.core.invoke('transcripts.save', { id: transcript.id, baseRevision: transcript.revision, order: null, lines: [changed] }));
    expect((await list(study)).quotes[0]!.source.lines[0]!.text).toBe('kjente oss der.');
  });

  it('refuses a passage of a raw transcript and one that is not in the transcript', async () => {
    const study = await freshStudy();
    const raw = await addTranscript(study, 'Deltaker 1', lines, { anonymised: false });
    const other = await addTranscript(study, 'Deltaker 2', lines);
    expect(errorCode(await study.core.invoke('quotes.create', { passage: linesPassage(raw, 1, 2) }))).toBe('quote.passageRaw');
    expect(errorCode(await study.core.invoke('quotes.create', { passage: linesPassage(other, 3, 1) }))).toBe('quote.passageInvalid');
    expect(errorCode(await study.core.invoke('quotes.create', { passage: { ...linesPassage(other, 1, 2), startLineId: raw.content[0]!.id } }))).toBe('quote.passageInvalid');
    expect(errorCode(await study.core.invoke('quotes.create', { passage: { ...linesPassage(other, 2, 2), startOffset: 10, endOffset: 4 } }))).toBe('quote.passageInvalid');
    expect(errorCode(await study.core.invoke('quotes.create', { passage: { ...linesPassage(other, 2, 2), endOffset: 999 } }))).toBe('quote.passageInvalid');
    expect(errorCode(await study.core.invoke('quotes.create', { passage: linesPassage(other, 1, 1), categoryId: 99 }))).toBe('quote.categoryMissing');
    expect((await list(study)).quotes).toEqual([]);
  });

  it('rewrites the wording, note and category, and refuses a change from an older version', async () => {
    const study = await freshStudy();
    const transcript = await addTranscript(study, 'Deltaker 3', lines);
    const categoryId = addCategory(study, 'Being seen');
    const quote = value<{ quote: Quote }>(await study.core.invoke('quotes.create', { passage: linesPassage(transcript, 3, 3) })).quote;
    const rewritten = value<Quote>(
      await study.core.invoke('quotes.update', { id: quote.id, wording: ' Da ble jeg sett av de andre. ', note: 'Dialekt fjernet.', categoryId, baseUpdatedAt: quote.updatedAt }),
    );
    expect(rewritten).toMatchObject({ wording: 'Da ble jeg sett av de andre.', note: 'Dialekt fjernet.', categoryId });
    expect(rewritten.updatedAt > quote.updatedAt).toBe(true);
    // The link to the source lines is kept.
    expect(rewritten.passage).toEqual(quote.passage);
    expect(rewritten.source.lines[0]!.text).toBe(lines[2]);
    const stale = await study.core.invoke('quotes.update', { id: quote.id, wording: 'Eldre', note: '', categoryId: null, baseUpdatedAt: quote.updatedAt });
    expect(errorCode(stale)).toBe('quote.stale');
    expect((await list(study)).quotes[0]!.wording).toBe('Da ble jeg sett av de andre.');
    expect(errorCode(await study.core.invoke('quotes.update', { id: quote.id, wording: '', note: '', categoryId: 999, baseUpdatedAt: rewritten.updatedAt }))).toBe('quote.categoryMissing');
    expect(errorCode(await study.core.invoke('quotes.update', { id: 999, wording: '', note: '', categoryId: null, baseUpdatedAt: rewritten.updatedAt }))).toBe('quote.missing');
  });

  it('lists quotes by category in the tree order (the unplaced last), then by participant and line', async () => {
    const study = await freshStudy();
    const p10 = await addTranscript(study, 'Deltaker 10', lines);
    const p2 = await addTranscript(study, 'Deltaker 2', lines);
    const second = addCategory(study, 'Second main', null, 1);
    const first = addCategory(study, 'First main', null, 0);
    const sub = addCategory(study, 'A sub of the first', first, 0);
    const make = async (passage: ReturnType<typeof linesPassage>, categoryId: number | null) =>
      value<{ quote: Quote }>(await study.core.invoke('quotes.create', { passage, categoryId })).quote.id;
    const unplaced = await make(linesPassage(p2, 1, 1), null);
    const inSecond = await make(linesPassage(p2, 2, 2), second);
    const inSubLate = await make(linesPassage(p10, 1, 1), sub);
    const inSubLine4 = await make(linesPassage(p2, 4, 4), sub);
    const inSubLine3 = await make(linesPassage(p2, 3, 3), sub);
    const inFirst = await make(linesPassage(p10, 2, 2), first);
    const { quotes, categories } = await list(study);
    expect(categories.map((category) => category.path)).toEqual([['First main'], ['First main', 'A sub of the first'], ['Second main']]);
    expect(quotes.map((quote) => quote.id)).toEqual([inFirst, inSubLine3, inSubLine4, inSubLate, inSecond, unplaced]);
    // Deleting a category leaves its quotes unplaced.
    study.core.session.require().db.write((writer) => writer.statement('DELETE FROM category WHERE id = ?').run(second));
    expect((await list(study)).quotes.find((quote) => quote.id === inSecond)!.categoryId).toBeNull();
  });

  it('unmarks a quote; Undo marks it again with its wording, Redo unmarks it', async () => {
    const study = await freshStudy();
    const transcript = await addTranscript(study, 'Deltaker 3', lines);
    const quote = value<{ quote: Quote }>(await study.core.invoke('quotes.create', { passage: linesPassage(transcript, 3, 4), wording: 'Jeg ble sett.' })).quote;
    const db = study.core.session.require().db;
    expect(JSON.parse(db.write((writer) => replayStep(writer, 'undo'))!)).toMatchObject({ action: 'createQuote', names: ['Deltaker 3, 3–4'] });
    expect((await list(study)).quotes).toEqual([]);
    db.write((writer) => replayStep(writer, 'redo'));
    expect((await list(study)).quotes.map((found) => found.wording)).toEqual(['Jeg ble sett.']);
    const unmarked = value<{ undo: UndoState }>(await study.core.invoke('quotes.delete', { id: quote.id }));
    expect(parseUndoLabel(unmarked.undo.undo!.label)).toMatchObject({ action: 'deleteQuote', names: ['Deltaker 3, 3–4'] });
    expect((await list(study)).quotes).toEqual([]);
    expect(errorCode(await study.core.invoke('quotes.delete', { id: quote.id }))).toBe('quote.missing');
    expect(JSON.parse(db.write((writer) => replayStep(writer, 'undo'))!)).toMatchObject({ action: 'deleteQuote' });
    expect((await list(study)).quotes.map((found) => [found.id, found.wording])).toEqual([[quote.id, 'Jeg ble sett.']]);
  });

  it('goes with its transcript', async () => {
    const study = await freshStudy();
    const transcript = await addTranscript(study, 'Deltaker 3', lines);
    value(await study.core.invoke('quotes.create', { passage: linesPassage(transcript, 1, 1) }));
    value(await study.core.invoke('transcripts.delete', { id: transcript.id }));
    expect((await list(study)).quotes).toEqual([]);
  });

  it('exports to Word grouped by category: the wording, or the source text marked so, with pseudonym and lines; never a raw transcript’s text', async () => {
    const study = await freshStudy();
    const p3 = await addTranscript(study, 'Deltaker 3', lines);
    const p4 = await addTranscript(study, 'Deltaker 4', ['Jeg bor i Tromsø.', 'Der er det kaldt.']);
    const main = addCategory(study, 'Finding a footing', null, 0);
    const sub = addCategory(study, 'Being seen', main, 0);
    value(await study.core.invoke('quotes.create', { passage: linesPassage(p3, 3, 4), wording: 'Da ble jeg sett av de andre, og det forandret mye.', categoryId: sub }));
    value(await study.core.invoke('quotes.create', { passage: linesPassage(p3, 1, 1), categoryId: main }));
    value(await study.core.invoke('quotes.create', { passage: linesPassage(p4, 1, 1) }));
    value(await study.core.invoke('quotes.create', { passage: linesPassage(p4, 2, 2), wording: 'Det er kaldt der.' }));
    markRaw(study, p4.id);
    const target = path.join(study.root, 'Quotes.docx');
    expect(value(await study.core.invoke('quotes.export', { path: target, language: 'en' }))).toEqual({ path: target, quotes: 4, categories: 3 });
    const { value: text } = await mammoth.extractRawText({ path: target });
    const at = (needle: string) => {
      const index = text.indexOf(needle);
      expect(index, needle).toBeGreaterThanOrEqual(0);
      return index;
    };
    expect(at('4 quotes')).toBeLessThan(at('Finding a footing\n'));
    // The main category, its quote (source only, marked), then the subcategory with its wording.
    expect(at('Finding a footing\n')).toBeLessThan(at('No wording yet; the source text as transcribed:'));
    expect(at('No wording yet; the source text as transcribed:')).toBeLessThan(at('Jeg kom dit for første gang.'));
    expect(at('(Deltaker 3, line 1)')).toBeLessThan(at('Finding a footing › Being seen'));
    expect(at('Finding a footing › Being seen')).toBeLessThan(at('Da ble jeg sett av de andre, og det forandret mye.'));
    expect(at('(Deltaker 3, lines 3–4)')).toBeLessThan(at('Not in a category'));
    // The raw transcript's quotes: the written wording goes, the source text never.
    expect(at('Not in a category')).toBeLessThan(at('Det er kaldt der.'));
    expect(text).toContain('the source text is left out');
    expect(text).not.toContain('Tromsø');
    expect(text).not.toContain('Så ble jeg sett');
    const norsk = path.join(study.root, 'Sitater.docx');
    value(await study.core.invoke('quotes.export', { path: norsk, language: 'nb' }));
    const { value: nb } = await mammoth.extractRawText({ path: norsk });
    expect(nb).toContain('4 sitater');
    expect(nb).toContain('(Deltaker 3, linje 3–4)');
    expect(nb).toContain('Ikke i en kategori');
    expect(auditEvents(study, 'export.written')).toEqual([
      { what: 'quotes', format: 'docx', quotes: 4, categories: 3 },
      { what: 'quotes', format: 'docx', quotes: 4, categories: 3 },
    ]);
    expect(errorCode(await study.core.invoke('quotes.export', { path: path.join(study.root, 'missing', 'q.docx'), language: 'en' }))).toBe('quote.exportFailed');
  });
});
