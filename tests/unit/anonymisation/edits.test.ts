import { describe, expect, it } from 'vitest';
import type { KeySummary, Review, ReviewHit } from '../../../shared/anonymisation/contract.js';
import type { InvokeResult } from '../../../shared/contract/errors.js';
import type { Transcript, TranscriptSaved } from '../../../shared/transcripts/contract.js';
import type { TranscriptLine } from '../../../shared/transcripts/lines.js';
import { freshStudy, value, type FreshStudy } from '../../helpers/study.js';
import { lineTexts, seedTranscript } from './seed.js';

/**
 * An edit to an anonymised transcript must not slip an identifying detail past the review: a save
 * that may add one sends the transcript back to raw, and the review then proposes what was added.
 */

const interview = [
  'Kan du fortelle litt om deg selv?',
  'Jeg heter Kari Nordmann og bor i Storgata 12 i Trondheim.',
  'Hvem hjelper deg i hverdagen?',
  'Søstera mi, Hilde, ringer hver dag fra 905 12 334. Hilde er snill.',
  'Og jobben?',
  'Jeg jobba i Trondheim kommune, og Hilde jobba der også.',
];

async function review(study: FreshStudy, transcriptId: number): Promise<Review> {
  return value<Review>(await study.core.invoke('anonymisation.review', { transcriptId }));
}

/** Decides every open hit: accepted, except the texts in `reject`. */
async function decideAll(study: FreshStudy, transcriptId: number, reject: string[] = []): Promise<Review> {
  let current = await review(study, transcriptId);
  for (let open = current.hits.find((h) => h.decision === 'open'); open; open = current.hits.find((h) => h.decision === 'open')) {
    const decision = reject.includes(open.original) ? 'rejected' : 'accepted';
    current = value<Review>(await study.core.invoke('anonymisation.decide', { transcriptId, hitId: open.id, decision, reach: 'transcript' }));
  }
  return current;
}

async function finish(study: FreshStudy, transcriptId: number): Promise<void> {
  const { transcript } = await review(study, transcriptId);
  value(await study.core.invoke('anonymisation.finish', { transcriptId, revision: transcript.revision }));
}

async function get(study: FreshStudy, id: number): Promise<Transcript> {
  return value<Transcript>(await study.core.invoke('transcripts.get', { id }));
}

async function save(study: FreshStudy, transcript: Transcript, content: TranscriptLine[]): Promise<InvokeResult<unknown>> {
  // Every line in full, as a save may send them; the core writes (and checks) only those that differ.
  return study.core.invoke('transcripts.save', { id: transcript.id, baseRevision: transcript.revision, order: content.map((line) => line.id), lines: content });
}

function audit(study: FreshStudy): { kind: string; detail: string }[] {
  return study.core.session.require().db.connection.prepare('SELECT kind, detail FROM audit_event ORDER BY id').all() as { kind: string; detail: string }[];
}

/** The interview reviewed and finished: every hit accepted except the address, which is kept. */
async function anonymised(study: FreshStudy): Promise<Transcript> {
  const { transcriptId } = seedTranscript(study, interview);
  await decideAll(study, transcriptId, ['Storgata 12']);
  await finish(study, transcriptId);
  const transcript = await get(study, transcriptId);
  expect(transcript.state).toBe('anonymised');
  expect(transcript.content.map((line) => line.text)).toEqual([
    'Kan du fortelle litt om deg selv?',
    'Jeg heter [NAVN 1] og bor i Storgata 12 i [STED 1].',
    'Hvem hjelper deg i hverdagen?',
    'Søstera mi, [NAVN 2], ringer hver dag fra [TELEFON]. [NAVN 2] er snill.',
    'Og jobben?',
    'Jeg jobba i [ARBEIDSPLASS 1], og [NAVN 2] jobba der også.',
  ]);
  return transcript;
}

const reopenings = (study: FreshStudy) => audit(study).filter((event) => event.kind === 'anonymisation.reopened');

describe('editing an anonymised transcript', () => {
  it('stays anonymised when the edit adds nothing identifying: a typo fixed, a line split, lines joined, a kept address', async () => {
    const study = await freshStudy();
    const start = await anonymised(study);
    const [l1, l2, l3, l4, l5, l6] = start.content as [TranscriptLine, TranscriptLine, TranscriptLine, TranscriptLine, TranscriptLine, TranscriptLine];
    const edited: TranscriptLine[] = [
      // A typo fixed.
      { ...l1, text: 'Kan du fortelle litt om deg sjøl?' },
      // A comma added in the line with the address the researcher chose to keep.
      { ...l2, text: 'Jeg heter [NAVN 1], og bor i Storgata 12 i [STED 1].' },
      { ...l3, speaker: 'other' },
      // Split in two: the second part is a new line.
      { ...l4, text: 'Søstera mi, [NAVN 2], ringer hver dag fra [TELEFON].' },
      { id: 'SplitLine0001', speaker: 'participant', timestampMs: null, text: '[NAVN 2] er snill.' },
      // Joined: line 6 onto line 5.
      { ...l5, text: `${l5.text} ${l6.text}` },
    ];
    const saved = value<TranscriptSaved>(await save(study, start, edited));
    expect(saved).toMatchObject({ revision: start.revision + 1, state: 'anonymised', reviewAgain: null });
    const after = await get(study, start.id);
    expect(after).toMatchObject({ state: 'anonymised', anonymisedAt: start.anonymisedAt });
    expect(after.content).toEqual(edited);
    expect(reopenings(study)).toEqual([]);
  });

  it('goes back to raw when a name and a phone number are typed, records it with counts only, and the review proposes them', async () => {
    const study = await freshStudy();
    const start = await anonymised(study);
    const keyBefore = value<KeySummary>(await study.core.invoke('anonymisation.keySummary', {}));
    const typed: TranscriptLine = { id: 'TypedLine0001', speaker: 'participant', timestampMs: null, text: 'Kari Nordmann ringte fra 412 34 567.' };
    const content = [...start.content, typed];

    const saved = value<TranscriptSaved>(await save(study, start, content));
    expect(saved).toMatchObject({ revision: start.revision + 1, state: 'raw', reviewAgain: { proposals: 2 } });
    const raw = await get(study, start.id);
    expect(raw).toMatchObject({ state: 'raw', anonymisedAt: null });
    // Saved as typed: nothing is lost, and nothing is replaced behind the researcher's back.
    expect(raw.content.at(-1)).toEqual(typed);

    const [reopened] = reopenings(study);
    expect(JSON.parse(reopened!.detail)).toEqual({ transcriptId: start.id, changedLines: 1, proposals: 2 });
    for (const event of audit(study)) for (const secret of ['Kari', 'Nordmann', '412', 'NAVN']) expect(event.detail).not.toContain(secret);

    // Raw again: not exported without the researcher's recorded override.
    const exported = await study.core.invoke('transcripts.export', { id: start.id, format: 'txt', path: '/tmp/never-written.txt', overrideRaw: false, language: 'nb' });
    expect(exported).toEqual({ ok: false, error: { code: 'transcript.notAnonymised' } });

    // A further edit while raw is saved as it is, with nothing more recorded.
    const again = value<TranscriptSaved>(await save(study, raw, [...raw.content.slice(0, -1), { ...typed, text: `${typed.text} Hun er snill.` }]));
    expect(again).toMatchObject({ state: 'raw', reviewAgain: null });
    expect(reopenings(study)).toHaveLength(1);

    // The review proposes what was typed, with the replacement the study already uses for the
    // person, and keeps the earlier decision on the address.
    const current = await review(study, start.id);
    expect(current.transcript.state).toBe('raw');
    const summary = (hit: ReviewHit) => `${hit.lineNumber}:${hit.original}:${hit.decision}:${hit.replacement}`;
    expect(current.hits.map(summary)).toEqual(['2:Storgata 12:rejected:', '7:Kari Nordmann:open:[NAVN 1]', '7:412 34 567:open:[TELEFON]']);
    expect(current.hits.find((hit) => hit.original === 'Kari Nordmann')).toMatchObject({ source: 'key', consistent: true });

    // Finishing it makes it anonymised again, with the same replacement as before.
    await decideAll(study, start.id);
    await finish(study, start.id);
    const done = await get(study, start.id);
    expect(done.state).toBe('anonymised');
    expect(done.anonymisedAt).not.toBeNull();
    expect(lineTexts(study, start.id).at(-1)).toBe('[NAVN 1] ringte fra [TELEFON]. Hun er snill.');
    const keyAfter = value<KeySummary>(await study.core.invoke('anonymisation.keySummary', {}));
    // The person was already in the key; only the new phone number is a new entry.
    expect(keyAfter.entries).toBe(keyBefore.entries + 1);
  });

  it('counts an original the key replaces, typed into an existing line in any case', async () => {
    const study = await freshStudy();
    const start = await anonymised(study);
    const content = start.content.map((line, index) => (index === 4 ? { ...line, text: 'Og jobben med hilde?' } : line));
    const saved = value<TranscriptSaved>(await save(study, start, content));
    expect(saved).toMatchObject({ state: 'raw', reviewAgain: { proposals: 1 } });
    const current = await review(study, start.id);
    expect(current.hits.filter((hit) => hit.decision === 'open').map((hit) => `${hit.lineNumber}:${hit.original}:${hit.replacement}`)).toEqual(['5:hilde:[NAVN 2]']);
  });

  it('leaves the state alone when the save is refused', async () => {
    const study = await freshStudy();
    const start = await anonymised(study);
    const typed: TranscriptLine = { id: 'TypedLine0002', speaker: 'participant', timestampMs: null, text: 'Kari Nordmann ringte.' };
    const stale = await study.core.invoke('transcripts.save', {
      id: start.id,
      baseRevision: start.revision - 1,
      order: [...start.content, typed].map((line) => line.id),
      lines: [typed],
    });
    expect(stale).toEqual({ ok: false, error: { code: 'transcript.staleRevision' } });
    expect(await get(study, start.id)).toMatchObject({ state: 'anonymised', revision: start.revision });
    expect(reopenings(study)).toEqual([]);
  });
});
