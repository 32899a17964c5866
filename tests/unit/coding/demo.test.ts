import { describe, expect, it } from 'vitest';
import type { Category, Code, Coding, UndoState } from '../../../shared/coding/contract.js';
import type { Transcript, TranscriptSummary } from '../../../shared/transcripts/contract.js';
import { tempDir, testCore, value } from '../../helpers/study.js';

describe('the demo’s analysis', () => {
  it('has initial codes on every passage it names, two focused codes raised from them, and a category tree holding those', async () => {
    const core = testCore(tempDir());
    value(await core.invoke('study.openDemo', {}));
    const book = value<{ codes: Code[]; categories: Category[]; undo: UndoState }>(await core.invoke('coding.codebook', {}));
    const initial = book.codes.filter((code) => code.level === 'initial');
    const focused = book.codes.filter((code) => code.level === 'focused');
    expect(initial).toHaveLength(12);
    expect(focused).toHaveLength(2);
    // Every passage of the demo's codes was found in the transcript's text.
    expect(initial.reduce((sum, code) => sum + code.codings, 0)).toBe(14);
    for (const code of initial) expect(code.codings, code.name).toBeGreaterThan(0);
    expect(focused.map((code) => code.linked.length).sort()).toEqual([4, 5]);
    expect(book.categories.map((category) => [category.name, category.parentId === null, category.codeIds.length])).toEqual([
      ['Å finne fotfeste igjen', true, 0],
      ['Hverdagens rytme', false, 1],
      ['Å bli sett', false, 1],
    ]);
    expect(book.undo).toEqual({ undo: null, redo: null });

    const { transcripts } = value<{ transcripts: TranscriptSummary[] }>(await core.invoke('transcripts.list', {}));
    const transcript = value<Transcript>(await core.invoke('transcripts.get', { id: transcripts[0]!.id }));
    const { codings } = value<{ codings: Coding[] }>(await core.invoke('coding.transcriptCodings', { transcriptId: transcript.id }));
    const passage = (name: string) => {
      const code = initial.find((candidate) => candidate.name === name)!;
      const coding = codings.find((candidate) => candidate.codeId === code.id)!;
      const first = transcript.content.findIndex((line) => line.id === coding.startLineId);
      const last = transcript.content.findIndex((line) => line.id === coding.endLineId);
      const texts = transcript.content.slice(first, last + 1).map((line) => line.text);
      texts[texts.length - 1] = texts[texts.length - 1]!.slice(0, coding.endOffset);
      texts[0] = texts[0]!.slice(coding.startOffset);
      return texts.join(' ');
    };
    expect(passage('å skamme seg over drømmer')).toBe('Jeg syntes det var flaut.');
    expect(passage('å bli møtt som menneske')).toBe('Det var ingen som spurte hva som var galt med meg. De spurte hva som betydde noe.');
    expect(passage('å kjenne seg igjen i en annens vei')).toBe('fortalte om sin egen vei, og da senket skuldrene seg litt.');
  });
});
