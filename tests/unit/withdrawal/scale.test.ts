import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { freshStudy, value } from '../../helpers/study.js';

/**
 * The scale: 500 participants with 20 attributes each (and a consent, a scan, a recording
 * and a request each). The plan must answer at once; the withdrawal and the access export quickly.
 */
describe('withdrawal at the scale of a large study', () => {
  it('plans in under 100 ms, withdraws in under 1 s, exports in under 2 s', async () => {
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

    const time = async (work: () => Promise<unknown>) => {
      const start = performance.now();
      await work();
      return performance.now() - start;
    };
    const id = 250;
    const plan = await time(async () => value(await study.core.invoke('withdrawal.plan', { participantId: id, scope: 'deleteEverything' })));
    const exports: Record<string, number> = {};
    for (const format of ['docx', 'pdf', 'json'] as const) {
      exports[format] = await time(async () =>
        value(await study.core.invoke('withdrawal.accessExport', { participantId: id, format, language: 'nb', path: path.join(study.root, `innsyn.${format}`) })),
      );
    }
    const confirm = await time(async () =>
      value(
        await study.core.invoke('withdrawal.confirm', {
          participantId: id,
          scope: 'deleteEverything',
          withdrawnOn: '2026-05-01',
          communicatedHow: '',
          typedPseudonym: `Deltaker ${id}`,
          language: 'nb',
        }),
      ),
    );
    // The figures, for the report.
    process.stdout.write(`withdrawal scale: plan ${plan.toFixed(1)} ms, confirm ${confirm.toFixed(1)} ms, export ${JSON.stringify(exports)}\n`);
    expect(plan).toBeLessThan(100);
    expect(confirm).toBeLessThan(1000);
    for (const ms of Object.values(exports)) expect(ms).toBeLessThan(2000);
  });
});
