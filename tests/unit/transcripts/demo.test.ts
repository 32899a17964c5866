import { describe, expect, it } from 'vitest';
import type { Transcript, TranscriptSummary } from '../../../shared/transcripts/contract.js';
import { tempDir, testCore, value } from '../../helpers/study.js';

describe('the demo’s transcripts', () => {
  it('has an anonymised, complete transcript and a raw one, each of a demo interview', async () => {
    const core = testCore(tempDir());
    value(await core.invoke('study.openDemo', {}));
    const { transcripts } = value<{ transcripts: TranscriptSummary[] }>(await core.invoke('transcripts.list', {}));
    expect(transcripts.map((transcript) => [transcript.pseudonym, transcript.state, transcript.completedOn !== null])).toEqual([
      ['Deltaker 1', 'anonymised', true],
      ['Deltaker 2', 'raw', false],
    ]);
    const anonymised = value<Transcript>(await core.invoke('transcripts.get', { id: transcripts[0]!.id }));
    expect(anonymised.content.length).toBeGreaterThan(20);
    expect(anonymised.content[0]).toMatchObject({ speaker: 'interviewer', timestampMs: 5000 });
    expect(anonymised.content.some((line) => line.text.includes('[NAVN 1]'))).toBe(true);
    expect(transcripts[1]!.words).toBeGreaterThan(150);
  });
});
