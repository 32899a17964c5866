import { describe, expect, it } from 'vitest';
import { freshStudy } from '../../helpers/study.js';

/** The median time of `runs` calls, in milliseconds. */
async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

describe('at the scale of a large study', () => {
  it('the recordings and request lists and the overview open in under half a second, aiming at 100 ms (500 participants, 1,000 recordings, 300 requests)', async () => {
    const study = await freshStudy();
    study.core.session.require().db.write((writer) => {
      const now = new Date().toISOString();
      writer.statement("INSERT INTO consent_document (kind, language, version, content, created_at) VALUES ('letter', 'nb', 1, '{}', ?), ('form', 'nb', 1, '{}', ?)").run(now, now);
      const participant = writer.statement('INSERT INTO participant (pseudonym, status, created_at) VALUES (?, ?, ?)');
      const consent = writer.statement(
        "INSERT INTO consent (participant_id, letter_id, form_id, signed_on, method, allows_recording, allows_quotes, created_at) VALUES (?, 1, 2, '2026-01-01', 'paper', 1, 1, ?)",
      );
      const recording = writer.statement(
        'INSERT INTO recording (participant_id, made_at, kept_where, transcribed_on, deletion_due_on, deleted_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      const request = writer.statement('INSERT INTO rights_request (participant_id, kind, received_on, due_on, created_at) VALUES (?, ?, ?, ?, ?)');
      for (let index = 1; index <= 500; index += 1) {
        participant.run(`Deltaker ${index}`, index % 10 === 0 ? 'asked' : 'interviewed', now);
        if (index % 10 !== 0) consent.run(index, now);
        for (const offset of [0, 1]) {
          const day = String(1 + ((index + offset) % 28)).padStart(2, '0');
          recording.run(index, `2026-02-${day}`, 'Diktafon', `2026-03-${day}`, `2026-03-${day}`, index % 3 === 0 ? `2026-03-${day}` : null, now);
        }
        if (index % 5 < 3) request.run(index, 'access', `2026-04-${String(1 + (index % 28)).padStart(2, '0')}`, `2026-05-${String(1 + (index % 28)).padStart(2, '0')}`, now);
      }
    });

    const figures = {
      'recordings.list': await median(5, () => study.core.invoke('recordings.list', {})),
      'recordings.candidates': await median(5, () => study.core.invoke('recordings.candidates', {})),
      'requests.list': await median(5, () => study.core.invoke('requests.list', {})),
      'overview.get': await median(5, () => study.core.invoke('overview.get', {})),
    };
    // The figures for the report (median of five, through the router, on an encrypted file).
    console.info('recordings/requests/overview at scale (ms):', JSON.stringify(Object.fromEntries(Object.entries(figures).map(([name, ms]) => [name, Math.round(ms * 10) / 10]))));
    for (const [name, ms] of Object.entries(figures)) expect(ms, name).toBeLessThan(500);
  }, 60_000);
});
