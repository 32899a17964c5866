import { describe, expect, it } from 'vitest';
import type { UndoState } from '../../../shared/coding/contract.js';
import { apply, call, codingStudy, createCode, wholeLine } from './setup.js';

const text = 'I: Hvordan var det?\nD: Jeg følte meg sett i gruppa, for første gang.\nD: Det ga meg mot.';

describe('deleting a transcript', () => {
  it('takes the coding undo history with it, so no quote wording or coding of it stays behind as SQL', async () => {
    const { study, transcripts } = await codingStudy(text, text);
    const [kept, deleted] = transcripts as [(typeof transcripts)[0], (typeof transcripts)[0]];
    const seen = await createCode(study, 'feeling seen');
    await apply(study, seen.id, wholeLine(deleted, 1), wholeLine(kept, 1));
    const quote = await call<{ quote: { id: number } }>(study, 'quotes.create', { passage: wholeLine(deleted, 1) });
    await call(study, 'quotes.update', { id: quote.quote.id, wording: 'Første gang jeg ble sett.', note: '', categoryId: null, baseUpdatedAt: (await call<{ quotes: { id: number; updatedAt: string }[] }>(study, 'quotes.list', {})).quotes[0]!.updatedAt });
    await call(study, 'quotes.delete', { id: quote.quote.id });
    const db = study.core.session.require().db.connection;
    // The deleted quote's wording is in the undo log, to be restored by an undo.
    expect((db.prepare('SELECT group_concat(statement) FROM coding_undo_sql').pluck().get() as string)).toContain('Første gang jeg ble sett.');

    await call(study, 'transcripts.delete', { id: deleted.id });
    expect(db.prepare('SELECT count(*) FROM coding_undo_sql').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM coding_undo_step').pluck().get()).toBe(0);
    expect((await call<{ undo: UndoState }>(study, 'coding.codebook', {})).undo).toEqual({ undo: null, redo: null });
    // The other transcript's coding stays.
    expect(db.prepare('SELECT transcript_id FROM coding').pluck().all()).toEqual([kept.id]);
  });
});
