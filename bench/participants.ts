/**
 * The participant register at the size the issue names: 500 participants × 20 attributes and
 * 5,000 audit entries. Times every list channel of the participants feature through the real router
 * (`createCore(...).invoke`), on an encrypted study in a temp folder that is removed afterwards.
 * Target: every list opens in under 100 ms (median of 7 runs; the worst is printed too).
 *
 *   node --experimental-strip-types bench/participants.ts
 *
 * The core is loaded through the same two module hooks as bench/run.ts (resolve `./x.js` to
 * `./x.ts`; load the core's `.ts` through TypeScript's transform mode).
 */
import fs from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type * as CoreModule from '../main/core/index.js';
import type * as AttributesModule from '../main/core/participants/attributes.js';

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
const { attributeValues } = (await import('../main/core/participants/attributes.js')) as typeof AttributesModule;

const passphrase = 'Benk-deltakere-med-lange-ord-i-Bodø-2026';
const participants = 500;
const attributes = 20;
const auditEntries = 5000;
const rounds = 7;
const targetMs = 100;

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-bench-participants-'));
const core = createCore({
  appVersion: 'bench',
  userDataDir: path.join(folder, 'userData'),
  defaultStudyFolder: folder,
  systemLanguage: 'en',
  dialogs: null,
});

async function call<T>(channel: string, input: unknown): Promise<T> {
  const result = await core.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
  return result.value as T;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
let failed = false;

try {
  console.log(`Participants benchmark — node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}`);
  const setupStart = performance.now();
  await call('study.create', { title: 'Benchmark', path: path.join(folder, 'Bench.groundwork'), passphrase });

  // 7 built-in attributes; 13 more of every kind.
  const kinds = ['text', 'number', 'date', 'choice'] as const;
  for (let index = 0; attributes > 7 + index; index += 1) {
    const kind = kinds[index % kinds.length]!;
    await call('attributes.add', { name: `Egenskap ${index + 1}`, kind, choices: kind === 'choice' ? ['A', 'B', 'C'] : [] });
  }
  const defined = await call<{ id: number; kind: string; choices: string[] }[]>('attributes.list', {});
  const valueFor = (kind: string, choices: string[], n: number) =>
    kind === 'number' ? String(20 + (n % 40)) : kind === 'date' ? `2024-0${1 + (n % 9)}-1${n % 10}` : kind === 'choice' ? choices[n % choices.length]! : `Tekst ${n}`;

  for (let n = 1; n <= participants; n += 1) {
    const { id } = await call<{ id: number }>('participants.add', { pseudonym: `Deltaker ${n}`, status: 'asked', on: '2026-03-01' });
    await call('participants.setValues', { id, values: defined.map((attribute) => ({ attributeId: attribute.id, value: valueFor(attribute.kind, attribute.choices, n) })) });
    await call('participants.updateIdentity', { id, identity: { name: `Navn ${n}`, phone: `400 00 ${n}`, email: `${n}@example.invalid`, address: `Vei ${n}` } });
  }
  // Fill the audit trail up to the figure the issue names.
  const db = core.session.require().db;
  db.write((writer) => {
    const have = writer.query<{ count: number }>('SELECT count(*) AS count FROM audit_event').get()?.count ?? 0;
    const insert = writer.statement('INSERT INTO audit_event (at, kind, detail) VALUES (?, ?, ?)');
    for (let n = have; n < auditEntries; n += 1) insert.run(new Date().toISOString(), 'participant.statusChanged', JSON.stringify({ participant: 1 + (n % participants), status: 'asked' }));
  });
  console.log(`Set up ${participants} participants × ${defined.length} attributes, ${auditEntries} audit entries in ${((performance.now() - setupStart) / 1000).toFixed(1)} s`);
  console.log('');

  const cases: [string, () => Promise<unknown> | unknown][] = [
    ['participants.list', () => call('participants.list', {})],
    ['attributes.list', () => call('attributes.list', {})],
    ['participants.get (one, with 20 values)', () => call('participants.get', { id: 250 })],
    ['participants.identityStatus', () => call('participants.identityStatus', {})],
    ['attributeValues(reader) (all 10,000 values)', () => db.read(attributeValues)],
  ];
  for (const [name, work] of cases) {
    const times: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const start = performance.now();
      await work();
      times.push(performance.now() - start);
    }
    const typical = median(times);
    const pass = typical < targetMs;
    failed ||= !pass;
    console.log(`${pass ? 'PASS' : 'FAIL'}  ${name.padEnd(46)} median ${typical.toFixed(1)} ms, worst ${Math.max(...times).toFixed(1)} ms (target < ${targetMs} ms)`);
  }
} finally {
  core.shutdown();
  fs.rmSync(folder, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
