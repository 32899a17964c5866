import { describe, expect, it } from 'vitest';
import type { Overview } from '../../../shared/overview/contract.js';
import type { Recording } from '../../../shared/recordings/contract.js';
import type { RightsRequest } from '../../../shared/requests/contract.js';
import { freshStudy, value } from '../../helpers/study.js';

/** Sorted from most to least urgent (fewest days left first). */
const mostUrgentFirst = (items: { days: number }[]) => items.every((item, index) => index === 0 || items[index - 1]!.days <= item.days);

describe('at the scale of a large study', () => {
  // How fast these open is measured by bench/registers.ts; here, that they are complete and in order at this size.
  it('the recordings and request lists and the overview are complete and most urgent first (500 participants, 1,000 recordings, 300 requests)', async () => {
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

    const recordings = value<{ recordings: Recording[] }>(await study.core.invoke('recordings.list', {})).recordings;
    expect(recordings).toHaveLength(1000);
    const deleted = Array.from({ length: 500 }, (_, index) => index + 1).filter((index) => index % 3 === 0).length * 2;
    expect(recordings.filter((recording) => recording.deletedOn !== null)).toHaveLength(deleted);
    value(await study.core.invoke('recordings.candidates', {}));
    const requests = value<{ requests: RightsRequest[] }>(await study.core.invoke('requests.list', {})).requests;
    expect(requests).toHaveLength(300);
    expect(requests.every((request) => request.pseudonym === `Deltaker ${request.participantId}`)).toBe(true);

    const overview = value<Overview>(await study.core.invoke('overview.get', {}));
    expect(overview.participantsByStatus).toEqual({ asked: 50, consented: 0, interviewed: 450, completed: 0, withdrawn: 0 });
    expect(overview.withoutConsent.map((participant) => participant.pseudonym).sort()).toEqual(
      Array.from({ length: 50 }, (_, index) => `Deltaker ${(index + 1) * 10}`).sort(),
    );
    expect(overview.recordingsAwaitingTranscription).toBe(0);
    // Every recording still kept was due for deletion in March 2026: all overdue.
    expect(overview.recordingsDue).toHaveLength(1000 - deleted);
    expect(mostUrgentFirst(overview.recordingsDue)).toBe(true);
    expect(overview.requestsOpen).toHaveLength(300);
    expect(mostUrgentFirst(overview.requestsOpen)).toBe(true);
  }, 60_000);
});
