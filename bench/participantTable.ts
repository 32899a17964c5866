/**
 * The participant table and the audit trail at the size of a large study:
 * `node bench/participantTable.ts` (Node 22.18+ strips the types itself).
 *
 *   500 participants × 20 attributes and 5,000 audit entries, in a real encrypted study file.
 *   Targets: the table preview and the audit list's first page under 100 ms each (median of 5);
 *   the table export in each format (DOCX, XLSX, CSV) under 2 s.
 *
 * Like bench/run.ts, two module hooks let Node load the core's TypeScript: `./x.js` resolves to
 * `./x.ts`, and the core's `.ts` files go through TypeScript's transform mode. Everything is timed
 * through the core's router (`createCore(...).invoke`), validation included, as the UI calls it.
 */
import fs from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type * as CoreModule from '../main/core/index.js';
import type * as AuditModule from '../main/core/audit/audit.js';
import type * as HandlersModule from '../main/core/participantTable/handlers.js';

module.registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if ((specifier.startsWith('./') || specifier.startsWith('../')) && specifier.endsWith('.js')) {
        return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
      }
      throw error;
    }
  },
  load(url, context, nextLoad) {
    if (!url.startsWith('file:') || !url.endsWith('.ts') || url.includes('/node_modules/')) return nextLoad(url, context);
    const source = fs.readFileSync(new URL(url), 'utf8');
    return { format: 'module', source: module.stripTypeScriptTypes(source, { mode: 'transform' }), shortCircuit: true };
  },
});

const { createCore } = (await import('../main/core/index.js')) as typeof CoreModule;
const { recordAudit } = (await import('../main/core/audit/audit.js')) as typeof AuditModule;

const passphrase = 'Benk-målinger-med-lange-ord-i-Tromsø-2026';
const participants = 500;
const attributeCount = 20;
const auditEntries = 5000;
const rounds = 5;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');

/** CPU time (user + system) of the last `timed` call: other load on a shared machine disturbs it less. */
const cpu: number[] = [];
async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = (await work()) as { ok?: boolean; error?: unknown };
  const took = performance.now() - start;
  const used = process.cpuUsage(cpuStart);
  cpu.push((used.user + used.system) / 1000);
  if (result && result.ok === false) throw new Error(`failed: ${JSON.stringify(result.error)}`);
  return took;
}

async function sample(work: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const wall = await timed(work);
  return { wall, cpu: cpu.at(-1)! };
}

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-bench-table-'));
const results: boolean[] = [];
const core = createCore({
  appVersion: 'bench',
  userDataDir: path.join(folder, 'userData'),
  defaultStudyFolder: folder,
  systemLanguage: 'nb',
  dialogs: null,
});

try {
  console.log(`Participant table and audit trail — node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}`);
  const created = await core.invoke('study.create', { title: 'Benk', path: path.join(folder, 'Bench.groundwork'), passphrase });
  if (!created.ok) throw new Error(JSON.stringify(created.error));

  // ---- Seed: 500 participants × 20 attributes, 5,000 audit entries ------------------------------
  const seedStart = performance.now();
  const attributeIds: number[] = [];
  core.session.require().db.write((writer) => {
    for (const row of writer.query<{ id: number }>('SELECT id FROM attribute ORDER BY position').all()) attributeIds.push(row.id);
    const addAttribute = writer.statement("INSERT INTO attribute (name, kind, position) VALUES (?, 'text', ?)");
    for (let index = attributeIds.length; index < attributeCount; index += 1) {
      attributeIds.push(Number(addAttribute.run(`Egenskap ${index + 1}`, index).lastInsertRowid));
    }
    const addParticipant = writer.statement("INSERT INTO participant (pseudonym, status, created_at) VALUES (?, ?, '2026-01-01T00:00:00Z')");
    const setValue = writer.statement('INSERT INTO attribute_value (participant_id, attribute_id, value) VALUES (?, ?, ?)');
    const families = ['samboer', 'gift', 'enslig', 'skilt', 'enke'];
    for (let index = 0; index < participants; index += 1) {
      const id = Number(addParticipant.run(`Deltaker ${index + 1}`, index % 25 === 0 ? 'withdrawn' : 'interviewed').lastInsertRowid);
      attributeIds.forEach((attributeId, position) => {
        const value =
          position === 0 ? String(20 + ((index * 7) % 50))
          : position === 1 ? families[index % families.length]!
          : position === 4 ? (index % 3 === 0 ? 'Mann' : 'Kvinne')
          : position === 6 ? `202${index % 5}-0${1 + (index % 9)}-15`
          : `verdi ${(index * (position + 3)) % 7}`;
        setValue.run(id, attributeId, value);
      });
    }
    for (let index = 0; index < auditEntries; index += 1) {
      recordAudit(writer, (['backup.made', 'study.opened', 'export.written', 'study.locked'] as const)[index % 4]!, { count: index }, new Date(Date.UTC(2026, 0, 1) + index * 3_600_000));
    }
  });
  console.log(`Seeded ${participants} participants × ${attributeCount} attributes and ${auditEntries} audit entries in ${ms(performance.now() - seedStart)}`);

  // A table as a thesis would have it, plus every other attribute as is (20 columns in all).
  const definition = {
    caption: 'Deltakerne',
    columns: attributeIds.map((attributeId, position) => ({
      attributeId,
      heading: '',
      rule:
        position === 0 ? { kind: 'bands', width: 5, start: 20 }
        : position === 1 ? { kind: 'groups', groups: [{ label: 'i parforhold', values: ['samboer', 'gift'] }], otherLabel: 'ikke i parforhold' }
        : position === 6 ? { kind: 'timeBefore', referenceDate: '2026-03-01' }
        : { kind: 'asIs' },
    })),
    showPseudonym: false,
    order: 'shuffled',
    orderAttributeId: null,
    shuffleSeed: 'bench',
  };
  const saved = await core.invoke('participantTable.save', { definition, language: 'nb' });
  if (!saved.ok) throw new Error(JSON.stringify(saved.error));
  const view = saved.value as { table: { rows: { uniqueBy: string[] | null }[]; columns: unknown[] } };
  console.log(`Table: ${view.table.rows.length} rows × ${view.table.columns.length} columns, ${view.table.rows.filter((row) => row.uniqueBy).length} rows unique`);
  console.log('');

  // ---- Preview and audit list -------------------------------------------------------------------
  const preview: { wall: number; cpu: number }[] = [];
  for (let round = 0; round < rounds; round += 1) preview.push(await sample(() => core.invoke('participantTable.get', { language: 'nb' })));
  const { readTableView } = (await import('../main/core/participantTable/handlers.js')) as typeof HandlersModule;
  const direct: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const start = performance.now();
    core.session.require().db.read((reader) => readTableView(reader, 'nb'));
    direct.push(performance.now() - start);
  }
  console.log(`(of which reading and building the table, without the bridge's validation: ${ms(median(direct))})`);
  const small = { ...definition, columns: definition.columns.slice(0, 7) };
  await core.invoke('participantTable.save', { definition: small, language: 'nb' });
  const previewSmall: { wall: number; cpu: number }[] = [];
  for (let round = 0; round < rounds; round += 1) previewSmall.push(await sample(() => core.invoke('participantTable.get', { language: 'nb' })));
  await core.invoke('participantTable.save', { definition, language: 'nb' });

  const none = { kinds: [], from: null, to: null };
  const auditFirst: { wall: number; cpu: number }[] = [];
  const auditLast: { wall: number; cpu: number }[] = [];
  const auditFiltered: { wall: number; cpu: number }[] = [];
  for (let round = 0; round < rounds; round += 1) {
    auditFirst.push(await sample(() => core.invoke('audit.list', { filters: none, offset: 0, limit: 100 })));
    auditLast.push(await sample(() => core.invoke('audit.list', { filters: none, offset: 4900, limit: 100 })));
    auditFiltered.push(await sample(() => core.invoke('audit.list', { filters: { kinds: ['export.written'], from: '2026-02-01', to: '2026-04-30' }, offset: 0, limit: 100 })));
  }
  const listTarget = 100;
  console.log(`${''.padEnd(60)} ${'wall'.padStart(10)} ${'CPU'.padStart(10)}`);
  for (const [label, value, cpuValue] of [
    ['Table preview, 500 × 20 columns (participantTable.get)', median(preview.map((p) => p.wall)), median(preview.map((p) => p.cpu))],
    ['Table preview, 500 × 7 columns', median(previewSmall.map((p) => p.wall)), median(previewSmall.map((p) => p.cpu))],
    ['Audit trail, first page of 100 of 5,000', median(auditFirst.map((p) => p.wall)), median(auditFirst.map((p) => p.cpu))],
    ['Audit trail, last page', median(auditLast.map((p) => p.wall)), median(auditLast.map((p) => p.cpu))],
    ['Audit trail, filtered by kind and dates', median(auditFiltered.map((p) => p.wall)), median(auditFiltered.map((p) => p.cpu))],
  ] as const) {
    const pass = value < listTarget;
    results.push(pass);
    console.log(`${label.padEnd(60)} ${ms(value).padStart(10)} ${ms(cpuValue).padStart(10)}  (wall < ${listTarget} ms: ${verdict(pass)})`);
  }
  console.log('');

  // ---- Exports ----------------------------------------------------------------------------------
  for (const format of ['docx', 'xlsx', 'csv'] as const) {
    const times: { wall: number; cpu: number }[] = [];
    for (let round = 0; round < rounds; round += 1) {
      times.push(await sample(() => core.invoke('participantTable.export', { format, path: path.join(folder, `table.${format}`), language: 'nb' })));
    }
    const value = median(times.map((time) => time.wall));
    const cpuValue = median(times.map((time) => time.cpu));
    const pass = value < 2000;
    results.push(pass);
    const bytes = fs.statSync(path.join(folder, `table.${format}`)).size;
    console.log(`${`Table export, ${format.toUpperCase()} (${(bytes / 1024).toFixed(0)} kB)`.padEnd(60)} ${ms(value).padStart(10)} ${ms(cpuValue).padStart(10)}  (wall < 2000 ms: ${verdict(pass)})`);
  }
  for (const format of ['xlsx', 'csv'] as const) {
    const took = await timed(() => core.invoke('audit.export', { filters: none, format, path: path.join(folder, `audit.${format}`), language: 'nb' }));
    console.log(`${`Audit trail export, ${format.toUpperCase()}, all entries`.padEnd(60)} ${ms(took).padStart(10)}`);
  }
} finally {
  core.shutdown();
  fs.rmSync(folder, { recursive: true, force: true });
}
console.log('');
console.log(results.every(Boolean) ? 'All targets met.' : 'Some targets were missed.');
process.exitCode = results.every(Boolean) ? 0 : 1;
