import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AccessExport } from '../../../shared/withdrawal/accessExport.js';
import type { WithdrawalPlan, WithdrawalReceipt } from '../../../shared/withdrawal/contract.js';
import { freshStudy, value } from '../../helpers/study.js';

/**
 * The scale: 500 participants with 20 attributes each (and a consent, a scan, a recording
 * and a request each). Among so many, the plan, the access export and the withdrawal reach exactly
 * the one participant. How fast they are is measured by `bench/registers.ts`, not here.
 */
describe('withdrawal at the scale of a large study', () => {
  it('plans, exports and withdraws exactly one participant among 500, and nobody else', async () => {
    const study = await freshStudy();
    study.core.session.require().db.write((writer) => {
      for (let extra = 0; extra < 13; extra += 1) {
        writer.statement("INSERT INTO attribute (name, kind, position) VALUES (?, 'text', ?)").run(`Ekstra ${extra}`, 10 + extra);
      }
      const attributes = writer.query<{ id: number }>('SELECT id FROM attribute').all();
      expect(attributes).toHaveLength(20);
      const letter = Number(writer.statement("INSERT INTO consent_document (kind, language, version, content, created_at) VALUES ('letter', 'nb', 99, '{}', '2026-01-01')").run().lastInsertRowid);
      const form = Number(writer.statement("INSERT INTO consent_document (kind, language, version, content, created_at) VALUES ('form', 'nb', 99, '{}', '2026-01-01')").run().lastInsertRowid);
      const scan = Buffer.alloc(10_000, 7);
      for (let n = 1; n <= 500; n += 1) {
        const id = Number(writer.statement("INSERT INTO participant (pseudonym, status, created_at) VALUES (?, 'consented', '2026-01-01')").run(`Deltaker ${n}`).lastInsertRowid);
        writer.statement("INSERT INTO participant_identity (participant_id, name, phone) VALUES (?, ?, '400 00 000')").run(id, `Person ${n}`);
        for (const attribute of attributes) writer.statement('INSERT INTO attribute_value VALUES (?, ?, ?)').run(id, attribute.id, `verdi ${n}`);
        const consent = Number(
          writer
            .statement("INSERT INTO consent (participant_id, letter_id, form_id, signed_on, method, allows_recording, allows_quotes, created_at) VALUES (?, ?, ?, '2026-01-02', 'paper', 1, 1, '2026-01-02')")
            .run(id, letter, form).lastInsertRowid,
        );
        writer.statement("INSERT INTO consent_scan VALUES (?, 'skjema.pdf', 'application/pdf', ?, '2026-01-02')").run(consent, scan);
        writer.statement("INSERT INTO recording (participant_id, made_at, created_at) VALUES (?, '2026-01-03', '2026-01-03')").run(id);
        writer.statement("INSERT INTO rights_request (participant_id, kind, received_on, due_on, created_at) VALUES (?, 'access', '2026-02-01', '2026-03-01', '2026-02-01')").run(id);
      }
      for (let n = 0; n < 5000; n += 1) writer.statement("INSERT INTO audit_event (at, kind, detail) VALUES ('2026-01-01T00:00:00Z', 'study.opened', '{}')").run();
    });

    const id = 250;
    const plan = value<WithdrawalPlan>(await study.core.invoke('withdrawal.plan', { participantId: id, scope: 'deleteEverything' }));
    expect(Object.fromEntries(plan.deleted.filter((item) => item.rows > 0).map((item) => [item.table, item.rows]))).toEqual({
      participant_identity: 1,
      attribute_value: 20,
      consent_scan: 1,
    });
    expect(Object.fromEntries(plan.kept.map((item) => [item.table, item.rows]))).toMatchObject({ consent: 1, recording: 1, rights_request: 1, participant: 1 });

    for (const format of ['docx', 'pdf', 'json'] as const) {
      const target = path.join(study.root, `innsyn.${format}`);
      value(await study.core.invoke('withdrawal.accessExport', { participantId: id, format, language: 'nb', path: target }));
      expect(fs.statSync(target).size).toBeGreaterThan(0);
    }
    const data = JSON.parse(fs.readFileSync(path.join(study.root, 'innsyn.json'), 'utf8')) as AccessExport;
    expect(data.participant.pseudonym).toBe('Deltaker 250');
    expect(data.identifyingDetails?.name).toBe('Person 250');
    expect(data.attributes).toHaveLength(20);
    expect(data.attributes.every((attribute) => attribute.value === 'verdi 250')).toBe(true);
    expect([data.consents.length, data.recordings.length, data.requests.length]).toEqual([1, 1, 1]);

    const receipt = value<WithdrawalReceipt>(
      await study.core.invoke('withdrawal.confirm', {
        participantId: id,
        scope: 'deleteEverything',
        withdrawnOn: '2026-05-01',
        communicatedHow: '',
        typedPseudonym: `Deltaker ${id}`,
        language: 'nb',
      }),
    );
    expect(receipt.deleted).toMatchObject({ participant_identity: 1, attribute_value: 20, consent_scan: 1 });
    const db = study.core.session.require().db.connection;
    const count = (sql: string) => db.prepare(sql).pluck().get();
    expect(count('SELECT count(*) FROM participant_identity')).toBe(499);
    expect(count('SELECT count(*) FROM attribute_value')).toBe(499 * 20);
    expect(count('SELECT count(*) FROM consent_scan')).toBe(499);
    expect(count(`SELECT count(*) FROM participant_identity WHERE name = 'Person 250'`)).toBe(0);
    expect(count(`SELECT count(*) FROM attribute_value WHERE value = 'verdi 250'`)).toBe(0);
    expect(count(`SELECT count(*) FROM participant WHERE status = 'withdrawn'`)).toBe(1);
  });
});
