import { describe, expect, it } from 'vitest';
import type { Code } from '../../../shared/coding/contract.js';
import { apply, call, codingStudy, createCode, dump, wholeLine } from './setup.js';

describe('smoke', () => {
  it('applies and undoes', async () => {
    const { study, transcripts } = await codingStudy('I: Hva skjedde da?\nD: Jeg ble med. Det var bra.');
    const t = transcripts[0]!;
    const before = dump(study);
    const code = await createCode(study, 'feeling seen');
    await apply(study, code.id, wholeLine(t, 1));
    const book = await call<{ codes: Code[] }>(study, 'coding.codebook', {});
    expect(book.codes[0]).toMatchObject({ codings: 1, interviews: 1 });
    await call(study, 'coding.undo', {});
    await call(study, 'coding.undo', {});
    expect(dump(study)).toEqual(before);
    await call(study, 'coding.redo', {});
    await call(study, 'coding.redo', {});
    const again = await call<{ codes: Code[] }>(study, 'coding.codebook', {});
    expect(again.codes[0]).toMatchObject({ codings: 1, interviews: 1, id: code.id });
  });
});
