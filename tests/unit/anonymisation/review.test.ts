import { describe, expect, it } from 'vitest';
import type { KeyEntry, KeySummary, Review, ReviewHit } from '../../../shared/anonymisation/contract.js';
import type { InvokeResult } from '../../../shared/contract/errors.js';
import { containsText, freshStudy, openWithSqlcipher, sqlcipher4, testPassphrase, value, type FreshStudy } from '../../helpers/study.js';
import { lineTexts, seedTranscript } from './seed.js';

const interview = [
  'Kan du fortelle litt om deg selv?',
  'Jeg heter Kari Nordmann og bor i Storgata 12 i Trondheim.',
  'Hvem hjelper deg i hverdagen?',
  'Søstera mi, Hilde, ringer hver dag fra 905 12 334. Hilde er snill.',
  'Og jobben?',
  'Jeg jobba i Trondheim kommune, og Hilde jobba der også. Han sa at hun var flink.',
];

async function review(study: FreshStudy, transcriptId: number): Promise<Review> {
  return value<Review>(await study.core.invoke('anonymisation.review', { transcriptId }));
}

function hit(review: Review, original: string, nth = 0): ReviewHit {
  const found = review.hits.filter((candidate) => candidate.original === original)[nth];
  if (!found) throw new Error(`no hit "${original}" in ${review.hits.map((h) => h.original).join(', ')}`);
  return found;
}

async function decide(study: FreshStudy, transcriptId: number, target: ReviewHit, decision: string, reach = 'hit', replacement?: string): Promise<Review> {
  return value<Review>(
    await study.core.invoke('anonymisation.decide', { transcriptId, hitId: target.id, decision, reach, ...(replacement ? { replacement } : {}) }),
  );
}

/** Decides every open hit: accepted, except the texts in `reject`. */
async function decideAll(study: FreshStudy, transcriptId: number, reject: string[] = []): Promise<Review> {
  let current = await review(study, transcriptId);
  for (let open = current.hits.find((h) => h.decision === 'open'); open; open = current.hits.find((h) => h.decision === 'open')) {
    current = await decide(study, transcriptId, open, reject.includes(open.original) ? 'rejected' : 'accepted', 'transcript');
  }
  return current;
}

async function finish(study: FreshStudy, transcriptId: number): Promise<{ revision: number; replaced: number; keyEntries: number }> {
  const { transcript } = await review(study, transcriptId);
  return value(await study.core.invoke('anonymisation.finish', { transcriptId, revision: transcript.revision }));
}

function errorCode(result: InvokeResult<unknown>): string | undefined {
  return result.ok ? undefined : result.error.code;
}

function audit(study: FreshStudy): { kind: string; detail: string }[] {
  return study.core.session.require().db.connection.prepare('SELECT kind, detail FROM audit_event ORDER BY id').all() as { kind: string; detail: string }[];
}

describe('anonymisation review', () => {
  it('proposes every hit with its line number and a few words around it, all open', async () => {
    const study = await freshStudy();
    const { transcriptId, lineIds } = seedTranscript(study, interview);
    const current = await review(study, transcriptId);
    expect(current.hits.map((h) => `${h.lineNumber}:${h.kind}:${h.original}`)).toEqual([
      '2:name:Kari Nordmann',
      '2:address:Storgata 12',
      '2:place:Trondheim',
      '4:name:Hilde',
      '4:phone:905 12 334',
      '4:name:Hilde',
      '6:organisation:Trondheim kommune',
      '6:name:Hilde',
    ]);
    const phone = hit(current, '905 12 334');
    expect(phone).toMatchObject({ lineId: lineIds[3], speaker: 'participant', decision: 'open', replacement: '[TELEFON]', before: '…mi, Hilde, ringer hver dag fra ', after: '. Hilde er snill.' });
    expect(hit(current, 'Kari Nordmann').replacement).toBe('[NAVN 1]');
    expect(current.counts).toEqual({ open: 8, accepted: 0, rejected: 0, changed: 0 });
    expect(current.transcript).toMatchObject({ state: 'raw', lines: 6 });
  });

  it('accepts with the next number, changes, rejects, and applies a decision to every occurrence', async () => {
    const study = await freshStudy();
    const { transcriptId } = seedTranscript(study, interview);
    let current = await review(study, transcriptId);
    current = await decide(study, transcriptId, hit(current, 'Kari Nordmann'), 'accepted');
    expect(hit(current, 'Kari Nordmann')).toMatchObject({ decision: 'accepted', replacement: '[NAVN 1]' });
    // The next open name is offered the next number; "accept all like this" gives every Hilde the same.
    expect(hit(current, 'Hilde').replacement).toBe('[NAVN 2]');
    current = await decide(study, transcriptId, hit(current, 'Hilde'), 'accepted', 'transcript');
    expect(current.hits.filter((h) => h.original === 'Hilde').map((h) => `${h.decision}:${h.replacement}`)).toEqual(Array(3).fill('accepted:[NAVN 2]'));
    current = await decide(study, transcriptId, hit(current, 'Trondheim kommune'), 'changed', 'hit', '[en kommune]');
    current = await decide(study, transcriptId, hit(current, 'Storgata 12'), 'rejected');
    expect(current.counts).toEqual({ open: 2, accepted: 4, rejected: 1, changed: 1 });
    // Reopening keeps the number, so accepting again gives the same.
    current = await decide(study, transcriptId, hit(current, 'Kari Nordmann'), 'open');
    expect(hit(current, 'Kari Nordmann')).toMatchObject({ decision: 'open', replacement: '[NAVN 1]' });
    // A change needs its replacement; a hit of another transcript is not this one's.
    const refused = await study.core.invoke('anonymisation.decide', { transcriptId, hitId: hit(current, 'Trondheim').id, decision: 'changed', reach: 'hit' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'input.invalid', fields: ['replacement'] } });
    const other = seedTranscript(study, ['Hei.']);
    const wrongTranscript = await study.core.invoke('anonymisation.decide', { transcriptId: other.transcriptId, hitId: hit(current, 'Trondheim').id, decision: 'accepted', reach: 'hit' });
    expect(errorCode(wrongTranscript)).toBe('anonymisation.hitMissing');
    expect(errorCode(await study.core.invoke('anonymisation.review', { transcriptId: 999 }))).toBe('anonymisation.transcriptMissing');
  });

  it('keeps the decisions when the review is run again, also after the line was edited elsewhere', async () => {
    const study = await freshStudy();
    const { transcriptId, lineIds } = seedTranscript(study, interview);
    let current = await review(study, transcriptId);
    current = await decide(study, transcriptId, hit(current, 'Hilde'), 'accepted', 'transcript');
    current = await decide(study, transcriptId, hit(current, 'Storgata 12'), 'rejected');
    current = await decide(study, transcriptId, hit(current, 'Trondheim kommune'), 'changed', 'hit', '[en kommune]');
    const before = current.hits.map((h) => `${h.id}:${h.original}:${h.decision}:${h.replacement}`);
    expect(await review(study, transcriptId)).toEqual(current);

    // The researcher edits line 4 before the name: the hits move, their decisions stay.
    study.core.session
      .require()
      .db.connection.prepare('UPDATE transcript_line SET text = ? WHERE id = ?')
      .run('Ja, søstera mi, Hilde, ringer hver eneste dag fra 905 12 334. Hilde er snill.', lineIds[3]);
    const again = await review(study, transcriptId);
    expect(again.hits.map((h) => `${h.id}:${h.original}:${h.decision}:${h.replacement}`)).toEqual(before);
    expect(hit(again, 'Hilde').start).toBe(16);
  });

  it('finishing applies the replacements in one go, makes the transcript anonymised and refuses an older autosave', async () => {
    const study = await freshStudy();
    const { transcriptId, lineIds } = seedTranscript(study, interview);
    let current = await review(study, transcriptId);
    current = await decide(study, transcriptId, hit(current, 'Trondheim kommune'), 'changed', 'hit', '[en kommune]');
    // Not while something is undecided.
    const early = await study.core.invoke('anonymisation.finish', { transcriptId, revision: current.transcript.revision });
    expect(errorCode(early)).toBe('anonymisation.openHits');
    current = await decideAll(study, transcriptId, ['Storgata 12']);
    // Not from another revision than the one reviewed.
    const stale = await study.core.invoke('anonymisation.finish', { transcriptId, revision: current.transcript.revision + 1 });
    expect(errorCode(stale)).toBe('anonymisation.stale');
    expect(lineTexts(study, transcriptId)).toEqual(interview);

    const result = await finish(study, transcriptId);
    expect(result).toMatchObject({ revision: current.transcript.revision + 1, replaced: 7, keyEntries: 5 });
    expect(lineTexts(study, transcriptId)).toEqual([
      'Kan du fortelle litt om deg selv?',
      'Jeg heter [NAVN 1] og bor i Storgata 12 i [STED 1].',
      'Hvem hjelper deg i hverdagen?',
      'Søstera mi, [NAVN 2], ringer hver dag fra [TELEFON]. [NAVN 2] er snill.',
      'Og jobben?',
      'Jeg jobba i [en kommune], og [NAVN 2] jobba der også. Han sa at hun var flink.',
    ]);
    const after = await review(study, transcriptId);
    expect(after.transcript).toMatchObject({ state: 'anonymised', revision: result.revision });
    expect(after.transcript.anonymisedAt).not.toBeNull();
    // The rejected address is still rejected in a later review; nothing else is proposed.
    expect(after.hits.map((h) => `${h.original}:${h.decision}`)).toEqual(['Storgata 12:rejected']);

    // The editor's autosave from before the review is refused and changes nothing.
    const save = await study.core.invoke('transcripts.save', {
      id: transcriptId,
      baseRevision: current.transcript.revision,
      order: null,
      lines: [{ id: lineIds[1]!, speaker: 'participant', timestampMs: null, text: interview[1]! }],
    });
    expect(errorCode(save)).toBe('transcript.staleRevision');
    expect(lineTexts(study, transcriptId)[1]).toBe('Jeg heter [NAVN 1] og bor i Storgata 12 i [STED 1].');

    // The audit trail has counts, never a name or a replacement.
    const finished = audit(study).filter((event) => event.kind === 'anonymisation.finished');
    expect(finished).toHaveLength(1);
    expect(JSON.parse(finished[0]!.detail)).toEqual({ transcriptId, replaced: 7, pronouns: 0, rejected: 1, keyEntriesAdded: 5 });
    for (const event of audit(study)) for (const secret of ['Kari', 'Hilde', 'Trondheim', '905', 'NAVN']) expect(event.detail).not.toContain(secret);
  });

  it('gives the same person the same replacement in every transcript, through the key and through open reviews', async () => {
    const study = await freshStudy();
    const first = seedTranscript(study, interview);
    const second = seedTranscript(study, ['Hvem kom på besøk?', 'Hilde kom, og så Ola fra Trondheim. Vi snakka om hilde sin jobb.']);
    const third = seedTranscript(study, ['Og hvem andre?', 'Ola og Hilde, som vanlig.']);

    // A decision in one open review is offered in another at once.
    let one = await review(study, first.transcriptId);
    one = await decide(study, first.transcriptId, hit(one, 'Kari Nordmann'), 'accepted');
    await decide(study, first.transcriptId, hit(one, 'Hilde'), 'accepted', 'transcript');
    let two = await review(study, second.transcriptId);
    expect(hit(two, 'Hilde')).toMatchObject({ replacement: '[NAVN 2]', consistent: true, source: 'key' });
    // The lower-case slip is found because the study knows the name.
    expect(hit(two, 'hilde')).toMatchObject({ replacement: '[NAVN 2]', consistent: true });
    expect(hit(two, 'Ola')).toMatchObject({ replacement: '[NAVN 3]', consistent: false });

    await decideAll(study, first.transcriptId);
    await finish(study, first.transcriptId);
    two = await decideAll(study, second.transcriptId);
    expect(two.hits.map((h) => `${h.original}→${h.replacement}`)).toEqual(['Hilde→[NAVN 2]', 'Ola→[NAVN 3]', 'Trondheim→[STED 1]', 'hilde→[NAVN 2]']);
    await finish(study, second.transcriptId);
    expect(lineTexts(study, second.transcriptId)[1]).toBe('[NAVN 2] kom, og så [NAVN 3] fra [STED 1]. Vi snakka om [NAVN 2] sin jobb.');

    // A transcript reviewed later gets them from the key.
    const three = await review(study, third.transcriptId);
    expect(three.hits.map((h) => `${h.original}→${h.replacement}:${h.consistent}`)).toEqual(['Ola→[NAVN 3]:true', 'Hilde→[NAVN 2]:true']);
    const key = value<{ entries: KeyEntry[] }>(await study.core.invoke('anonymisation.key', {})).entries;
    expect(key.find((entry) => entry.original === 'Hilde')).toMatchObject({ replacement: '[NAVN 2]', kind: 'name', transcripts: 2 });
    expect(key.filter((entry) => entry.original.toLowerCase() === 'hilde')).toHaveLength(1);
  });

  it('applies a decision to every occurrence in every transcript still under review when asked', async () => {
    const study = await freshStudy();
    const first = seedTranscript(study, ['Jeg snakka med Hilde.']);
    const second = seedTranscript(study, ['Hilde var der.', 'Og Hilde igjen.']);
    await review(study, second.transcriptId);
    const one = await review(study, first.transcriptId);
    await decide(study, first.transcriptId, hit(one, 'Hilde'), 'changed', 'study', '[søstera]');
    const two = await review(study, second.transcriptId);
    expect(two.hits.map((h) => `${h.original}:${h.decision}:${h.replacement}`)).toEqual(['Hilde:changed:[søstera]', 'Hilde:changed:[søstera]']);
    // A finished review keeps what it was finished with: a rejected "Lade" there stays rejected.
    const done = seedTranscript(study, ['Vi bodde på Lade.']);
    const doneReview = await review(study, done.transcriptId);
    await decide(study, done.transcriptId, hit(doneReview, 'Lade'), 'rejected');
    await finish(study, done.transcriptId);
    const third = seedTranscript(study, ['Han jobber på Lade.']);
    await decide(study, third.transcriptId, hit(await review(study, third.transcriptId), 'Lade'), 'accepted', 'study');
    expect((await review(study, done.transcriptId)).hits.map((h) => `${h.original}:${h.decision}`)).toEqual(['Lade:rejected']);
  });

  it('adds the researcher’s own rule: every "Trondheim" becomes "[by]", here and in the study', async () => {
    const study = await freshStudy();
    const first = seedTranscript(study, ['Jeg bor i Trondheim.', 'Trondheim er fint, og trondheim kommune er grei.']);
    const second = seedTranscript(study, ['Vi flytta til Trondheim i fjor.']);
    await review(study, first.transcriptId);
    const ruled = value<Review>(
      await study.core.invoke('anonymisation.addRule', { transcriptId: first.transcriptId, original: 'Trondheim', replacement: '[by]', kind: 'place', scope: 'study' }),
    );
    expect(ruled.hits.map((h) => `${h.original}:${h.source}:${h.decision}:${h.replacement}`)).toEqual([
      'Trondheim:rule:changed:[by]',
      'Trondheim:rule:changed:[by]',
      'trondheim:rule:changed:[by]',
    ]);
    // It stays after a refresh, and the other transcript is offered it from the key.
    expect((await review(study, first.transcriptId)).hits).toEqual(ruled.hits);
    expect(hit(await review(study, second.transcriptId), 'Trondheim')).toMatchObject({ replacement: '[by]', consistent: true });
    await finish(study, first.transcriptId);
    expect(lineTexts(study, first.transcriptId)).toEqual(['Jeg bor i [by].', '[by] er fint, og [by] kommune er grei.']);
    // The key cannot give it another replacement now that a transcript uses it.
    const changed = await study.core.invoke('anonymisation.addRule', { transcriptId: second.transcriptId, original: 'trondheim', replacement: '[byen]', kind: 'place', scope: 'study' });
    expect(errorCode(changed)).toBe('anonymisation.keyInUse');
    // In one transcript only, it can.
    const local = value<Review>(
      await study.core.invoke('anonymisation.addRule', { transcriptId: second.transcriptId, original: 'Trondheim', replacement: '[byen]', kind: 'place', scope: 'transcript' }),
    );
    expect(hit(local, 'Trondheim')).toMatchObject({ decision: 'changed', replacement: '[byen]', source: 'rule' });
  });

  it('proposes the study’s pronoun as hits to review, never applied blindly, and never into the key', async () => {
    const study = await freshStudy();
    const { transcriptId } = seedTranscript(study, ['Hvordan var det?', 'Han sa at hans mor ringte ham. Hun var glad.']);
    let current = value<Review>(await study.core.invoke('anonymisation.setOptions', { transcriptId, pronoun: 'hun', labelLanguage: 'nb' }));
    expect(current.options).toEqual({ pronoun: 'hun', labelLanguage: 'nb' });
    expect(current.hits.map((h) => `${h.original}→${h.replacement}:${h.kind}:${h.decision}`)).toEqual([
      'Han→Hun:pronoun:open',
      'hans→hennes:pronoun:open',
      'ham→henne:pronoun:open',
    ]);
    // "hans mor" is the participant's own mother, so the researcher keeps it.
    current = await decide(study, transcriptId, hit(current, 'Han'), 'accepted');
    current = await decide(study, transcriptId, hit(current, 'hans'), 'rejected');
    await decide(study, transcriptId, hit(current, 'ham'), 'accepted');
    await finish(study, transcriptId);
    expect(lineTexts(study, transcriptId)[1]).toBe('Hun sa at hans mor ringte henne. Hun var glad.');
    expect(value<KeySummary>(await study.core.invoke('anonymisation.keySummary', {})).entries).toBe(0);
    // Turning it off takes the open proposals away.
    const other = seedTranscript(study, ['Han kom.']);
    value(await study.core.invoke('anonymisation.setOptions', { transcriptId: other.transcriptId, pronoun: 'hun', labelLanguage: 'en' }));
    const off = value<Review>(await study.core.invoke('anonymisation.setOptions', { transcriptId: other.transcriptId, pronoun: null, labelLanguage: 'en' }));
    expect(off.hits).toEqual([]);
  });

  it('never gives a number already written in a transcript, even one anonymised by hand before it came in', async () => {
    const study = await freshStudy();
    seedTranscript(study, ['Han het [NAVN 3], og hun kom fra [STED 2].', 'Hun jobbet på [WORKPLACE 4].']);
    const { transcriptId } = seedTranscript(study, ['Kari ringte fra Bergen om jobben i Bergen kommune.']);
    const current = await review(study, transcriptId);
    expect(current.hits.map((h) => `${h.original}→${h.replacement}`)).toEqual(['Kari→[NAVN 4]', 'Bergen→[STED 3]', 'Bergen kommune→[ARBEIDSPLASS 5]']);
    // And the bracketed replacements themselves are never proposed.
    expect((await review(study, 1)).hits).toEqual([]);
  });

  it('writes replacements in the language chosen for the study', async () => {
    const study = await freshStudy();
    const { transcriptId } = seedTranscript(study, ['Ring Kari på 905 12 334.']);
    const current = value<Review>(await study.core.invoke('anonymisation.setOptions', { transcriptId, pronoun: null, labelLanguage: 'en' }));
    expect(current.hits.map((h) => h.replacement)).toEqual(['[NAME 1]', '[PHONE]']);
  });
});

describe('the anonymisation key', () => {
  it('is shown only when asked for, and that is recorded with a count', async () => {
    const study = await freshStudy();
    const { transcriptId } = seedTranscript(study, interview);
    await decideAll(study, transcriptId);
    await finish(study, transcriptId);
    const summary = value<KeySummary>(await study.core.invoke('anonymisation.keySummary', {}));
    expect(summary).toEqual({ entries: 6, transcriptsUsing: 1, rawTranscripts: 0 });
    expect(audit(study).filter((event) => event.kind === 'anonymisation.keyViewed')).toHaveLength(0);
    const { entries } = value<{ entries: KeyEntry[] }>(await study.core.invoke('anonymisation.key', {}));
    expect(entries.map((entry) => `${entry.original}→${entry.replacement}`).sort()).toEqual(
      ['905 12 334→[TELEFON]', 'Hilde→[NAVN 2]', 'Kari Nordmann→[NAVN 1]', 'Storgata 12→[ADRESSE]', 'Trondheim→[STED 1]', 'Trondheim kommune→[ARBEIDSPLASS 1]'].sort(),
    );
    const viewed = audit(study).filter((event) => event.kind === 'anonymisation.keyViewed');
    expect(viewed.map((event) => JSON.parse(event.detail))).toEqual([{ entries: 6 }]);
  });

  it('cannot be deleted while a transcript is raw: its text still identifies people', async () => {
    const study = await freshStudy();
    const done = seedTranscript(study, interview);
    await decideAll(study, done.transcriptId);
    await finish(study, done.transcriptId);
    seedTranscript(study, ['Kari ringte meg.']);
    expect(errorCode(await study.core.invoke('anonymisation.deleteKey', { confirm: true }))).toBe('anonymisation.rawTranscripts');
    expect(value<KeySummary>(await study.core.invoke('anonymisation.keySummary', {}))).toMatchObject({ entries: 6, rawTranscripts: 1 });
  });

  it('once deleted, no original identifier remains anywhere in the file: tables, free pages, slack', async () => {
    const study = await freshStudy();
    const originals = ['Kari Nordmann', 'Storgata 12', 'Trondheim', 'Hilde', '905 12 334', 'Ingeborg Vestli'];
    const first = seedTranscript(study, interview);
    const second = seedTranscript(study, ['Hvem var med?', 'Ingeborg Vestli og Hilde, fra Trondheim.']);
    for (const { transcriptId } of [first, second]) {
      await decideAll(study, transcriptId);
      await finish(study, transcriptId);
    }
    // Before: the key holds every original (the dump finds them, so the check below can fail).
    const connection = study.core.session.require().db.connection;
    for (const original of originals) expect(dumpEverything(connection).some((cell) => containsText(cell, original)), original).toBe(true);
    // A review opened again on an anonymised transcript holds originals too, until the key goes.
    connection.prepare("UPDATE transcript_line SET text = 'Hilde, altså [NAVN 2], ringte.' WHERE id = ?").run(second.lineIds[0]);
    expect(hit(await review(study, second.transcriptId), 'Hilde').decision).toBe('open');
    connection.prepare("UPDATE transcript_line SET text = 'Hvem var med?' WHERE id = ?").run(second.lineIds[0]);

    const deleted = value<{ deletedEntries: number; deletedHits: number }>(await study.core.invoke('anonymisation.deleteKey', { confirm: true }));
    expect(deleted).toEqual({ deletedEntries: 7, deletedHits: 1 });
    const event = audit(study).filter((entry) => entry.kind === 'anonymisation.keyDeleted');
    expect(event.map((entry) => JSON.parse(entry.detail))).toEqual([{ entries: 7, hits: 1, transcripts: 2 }]);
    expect(value<KeySummary>(await study.core.invoke('anonymisation.keySummary', {}))).toEqual({ entries: 0, transcriptsUsing: 0, rawTranscripts: 0 });
    for (const original of originals) expect(dumpEverything(connection).filter((cell) => containsText(cell, original)), original).toEqual([]);

    // A later transcript never reuses a number: the next name is [NAVN 4], not [NAVN 1].
    const later = seedTranscript(study, ['Så kom Gunnbjørg.']);
    expect(hit(await review(study, later.transcriptId), 'Gunnbjørg').replacement).toBe('[NAVN 4]');
    value(await study.core.invoke('study.close', {}));

    // The file itself, page by page, decrypted with the key: free pages and slack included.
    const plaintext = sqlcipher4.plaintext(study.file, testPassphrase);
    expect(containsText(plaintext, '[NAVN 2]')).toBe(true);
    for (const original of originals) expect(containsText(plaintext, original), original).toBe(false);
    const reopened = openWithSqlcipher(study.file, testPassphrase, { readonly: true });
    try {
      expect(reopened.prepare("SELECT count(*) FROM transcript WHERE state = 'anonymised'").pluck().get()).toBe(2);
    } finally {
      reopened.close();
    }
  });
});

/** Every value of every table (and every table's schema), as bytes. */
function dumpEverything(db: ReturnType<FreshStudy['core']['session']['require']>['db']['connection']): Buffer[] {
  const found: Buffer[] = [];
  const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as { name: string; sql: string | null }[];
  for (const { name, sql } of tables) {
    found.push(Buffer.from(sql ?? ''));
    for (const row of db.prepare(`SELECT * FROM "${name}"`).raw().iterate() as Iterable<unknown[]>) {
      for (const cell of row) {
        if (cell === null || cell === undefined) continue;
        found.push(Buffer.isBuffer(cell) ? cell : Buffer.from(String(cell), 'utf8'));
      }
    }
  }
  return found;
}
