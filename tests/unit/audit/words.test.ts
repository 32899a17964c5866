import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditDetailKeyText, auditKindTexts } from '../../../shared/audit/kindTexts.js';
import type { Participant } from '../../../shared/participants/contract.js';
import { tempDir, testCore, value } from '../../helpers/study.js';

/**
 * The audit trail is read by people (and exported for them): every kind of event and every key of
 * its details must have words in both languages. This walks a study in use (the demo, which runs
 * through every feature's own code, plus a withdrawal of each kind and an access export) and checks
 * every event it recorded.
 */
describe('the audit trail in words', () => {
  it('has words in English and bokmål for every kind and every detail key a study in use records', async () => {
    const root = tempDir();
    const core = testCore(root);
    value(await core.invoke('study.openDemo', {}));
    const participants = value<Participant[]>(await core.invoke('participants.list', {})).filter((participant) => participant.status !== 'withdrawn');
    const [first, second] = participants;
    if (!first || !second) throw new Error('the demo should have two participants who have not withdrawn');
    value(
      await core.invoke('withdrawal.accessExport', { participantId: first.id, format: 'json', language: 'en', path: path.join(root, 'access.json') }),
    );
    for (const [participant, scope] of [
      [first, 'keepAnonymisedAnalysis'],
      [second, 'deleteEverything'],
    ] as const) {
      value(
        await core.invoke('withdrawal.confirm', {
          participantId: participant.id,
          scope,
          withdrawnOn: '2026-11-01',
          communicatedHow: 'E-post',
          typedPseudonym: participant.pseudonym,
          language: 'nb',
        }),
      );
    }

    const events = core.session
      .require()
      .db.connection.prepare('SELECT kind, detail FROM audit_event')
      .all()
      .map((row) => {
        const { kind, detail } = row as { kind: string; detail: string };
        return { kind, keys: Object.keys(JSON.parse(detail) as object) };
      });
    const kinds = new Set(events.map((event) => event.kind));
    const keys = new Set(events.flatMap((event) => event.keys));
    expect(kinds.size).toBeGreaterThan(10);
    expect(keys).toContain('deleted.participant_identity');
    for (const language of ['en', 'nb'] as const) {
      expect([...kinds].filter((kind) => !auditKindTexts[language][kind]), `kinds without words in ${language}`).toEqual([]);
      expect([...keys].filter((key) => auditDetailKeyText(key, language) === null), `detail keys without words in ${language}`).toEqual([]);
    }
  });
});
