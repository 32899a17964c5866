import { describe, expect, it } from 'vitest';
import type { MemoSummary } from '../../../shared/memos/contract.js';
import type { Quote, QuoteCategory } from '../../../shared/quotes/contract.js';
import { tempDir, testCore, value } from '../../helpers/study.js';

describe('the demo’s memos and quotes', () => {
  it('has memos of every kind in time order and two quotes placed in the subcategories, all found in the transcript', async () => {
    const core = testCore(tempDir());
    value(await core.invoke('study.openDemo', {}));
    const { memos, total } = value<{ memos: MemoSummary[]; total: number }>(await core.invoke('memos.list', { order: 'oldest', kind: 'all', search: '' }));
    expect(total).toBe(4);
    expect(memos.map((memo) => [memo.title, memo.target.kind])).toEqual([
      ['Etter første gjennomlesning', 'free'],
      ['Å grue seg før første møte', 'passage'],
      ['Rytme som mer enn vane', 'code'],
      ['Å bli sett: egenskaper og betingelser', 'category'],
    ]);
    const onPassage = memos[1]!.target;
    expect(onPassage.kind === 'passage' && onPassage.passage.lines.map((line) => line.text)).toEqual(['Jeg satt nesten ved døra.']);
    const { quotes } = value<{ quotes: Quote[]; categories: QuoteCategory[] }>(await core.invoke('quotes.list', {}));
    expect(quotes.map((quote) => [quote.source.lines.map((line) => line.text).join(' '), quote.wording !== '', quote.categoryId !== null])).toEqual([
      ['Jeg står opp omtrent samme tid hver dag, og det er nytt for meg.', false, true],
      ['Det var ingen som spurte hva som var galt med meg. De spurte hva som betydde noe.', true, true],
    ]);
    // Nothing to undo in a fresh demo.
    const undo = value<{ undo: unknown }>(await core.invoke('coding.codebook', {})).undo;
    expect(undo).toEqual({ undo: null, redo: null });
  });
});
