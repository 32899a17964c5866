import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ParticipantTableView } from '../../../shared/participantTable/contract.js';
import type { TableDefinition } from '../../../shared/participantTable/definition.js';
import { freshStudy, value, type FreshStudy } from '../../helpers/study.js';

/** Strings that must never reach an export: the directly identifying details. */
const identity = {
  name: 'SENTINEL-NAME-Åse-Kvitberg',
  phone: 'SENTINEL-PHONE-98765432',
  email: 'sentinel-mail@eksempel.no',
  address: 'SENTINEL-ADDR-Bjørkeveien-9',
};
/** The real pseudonyms, which must not appear unless shown "as is". */
const pseudonyms = ['Sol-PSEUDO', 'Måne-PSEUDO', 'Stjerne-PSEUDO', 'Komet-PSEUDO'];

async function seeded(): Promise<FreshStudy & { ids: Record<string, number> }> {
  const study = await freshStudy();
  const ids: Record<string, number> = {};
  study.core.session.require().db.write((writer) => {
    const attribute = (key: string) => writer.query<{ id: number }>('SELECT id FROM attribute WHERE builtin = ?').get(key)!.id;
    ids.age = attribute('age');
    ids.family = attribute('familySituation');
    ids.completed = attribute('groupCompleted');
    ids.gender = attribute('gender');
    const rows: [string, string, string, string, string, string][] = [
      // pseudonym, status, age, family, completed, gender
      [pseudonyms[0]!, 'interviewed', '31', 'samboer', '2025-02-01', 'Kvinne'],
      [pseudonyms[1]!, 'completed', '33', 'gift', '2025-01-10', 'Kvinne'],
      [pseudonyms[2]!, 'interviewed', '47', 'enslig', '2022-05-01', 'Mann'],
      [pseudonyms[3]!, 'withdrawn', '52', 'skilt', '2021-05-01', 'Mann'],
    ];
    for (const [pseudonym, status, age, family, completed, gender] of rows) {
      const id = Number(
        writer.statement("INSERT INTO participant (pseudonym, status, created_at) VALUES (?, ?, '2026-01-01T00:00:00Z')").run(pseudonym, status).lastInsertRowid,
      );
      writer
        .statement('INSERT INTO participant_identity (participant_id, name, phone, email, address) VALUES (?, ?, ?, ?, ?)')
        .run(id, `${identity.name}-${id}`, identity.phone, identity.email, identity.address);
      const set = writer.statement('INSERT INTO attribute_value (participant_id, attribute_id, value) VALUES (?, ?, ?)');
      set.run(id, ids.age, age);
      set.run(id, ids.family, family);
      set.run(id, ids.completed, completed);
      set.run(id, ids.gender, gender);
    }
  });
  return { ...study, ids };
}

function definitionFor(ids: Record<string, number>, changes: Partial<TableDefinition> = {}): TableDefinition {
  return {
    caption: 'Deltakerne i studien (n = 3)',
    columns: [
      { attributeId: ids.age!, heading: 'Alder', rule: { kind: 'bands', width: 5, start: 20 } },
      { attributeId: ids.family!, heading: '', rule: { kind: 'groups', groups: [{ label: 'i parforhold', values: ['samboer', 'gift'] }], otherLabel: 'ikke i parforhold' } },
      { attributeId: ids.completed!, heading: 'Gruppe fullført', rule: { kind: 'timeBefore', referenceDate: '2026-03-01' } },
      { attributeId: ids.gender!, heading: 'Kjønn', rule: { kind: 'asIs' } },
    ],
    showPseudonym: false,
    order: 'pseudonym',
    orderAttributeId: null,
    shuffleSeed: '',
    ...changes,
  };
}

function assertClean(text: string, options: { pseudonymsAllowed?: boolean } = {}) {
  for (const secret of Object.values(identity)) expect(text).not.toContain(secret);
  if (!options.pseudonymsAllowed) for (const pseudonym of pseudonyms) expect(text).not.toContain(pseudonym);
  // The withdrawn participant is left out whatever is shown.
  expect(text).not.toContain('Komet-PSEUDO');
  expect(text).not.toContain('50–54');
}

const expectedRows = [
  ['Deltaker', 'Alder', 'Familiesituasjon', 'Gruppe fullført', 'Kjønn'],
  // by pseudonym: Måne, Sol, Stjerne
  ['Deltaker 1', '30–34', 'i parforhold', 'omtrent 1 år siden', 'Kvinne'],
  ['Deltaker 2', '30–34', 'i parforhold', 'omtrent 1 år siden', 'Kvinne'],
  ['Deltaker 3', '45–49', 'ikke i parforhold', '4–5 år siden', 'Mann'],
];

async function docxText(file: string): Promise<{ xml: string; rows: string[][]; caption: string }> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['w:tr', 'w:tc', 'w:p', 'w:r'].includes(name) });
  const body = parser.parse(xml)['w:document']['w:body'];
  const textOf = (paragraphs: { 'w:r'?: { 'w:t': string | { '#text': string } }[] }[]) =>
    paragraphs.flatMap((paragraph) => (paragraph['w:r'] ?? []).map((run) => (typeof run['w:t'] === 'object' ? run['w:t']['#text'] : String(run['w:t'] ?? '')))).join('');
  const rows = (body['w:tbl']['w:tr'] as { 'w:tc': { 'w:p': never[] }[] }[]).map((row) => row['w:tc'].map((cell) => textOf(cell['w:p'])));
  return { xml, rows, caption: textOf(body['w:p']) };
}

describe('the participant table', () => {
  it('saves its definition in the study and previews it, withdrawn participants left out, uniqueness named', async () => {
    const { core, ids } = await seeded();
    const view = value<ParticipantTableView>(await core.invoke('participantTable.save', { definition: definitionFor(ids), language: 'nb' }));
    expect(view.withdrawnLeftOut).toBe(1);
    expect(view.table.rows.map((row) => [row.label, ...row.cells.map((cell) => cell.text)])).toEqual(expectedRows.slice(1));
    expect(view.table.rows.map((row) => row.uniqueBy)).toEqual([null, null, ['Alder']]);
    // Saved: a fresh read gives the same definition.
    const again = value<ParticipantTableView>(await core.invoke('participantTable.get', { language: 'en' }));
    expect(again.definition).toEqual(definitionFor(ids));
    expect(again.table.rows[2]!.cells[2]!.text).toBe('4–5 years ago');
    // The attribute list offers the values to group, from participants who have not withdrawn.
    expect(again.attributes.find((attribute) => attribute.id === ids.family)!.values).toEqual(['enslig', 'gift', 'samboer']);
  });

  it('keeps a shuffled order between exports until reshuffled', async () => {
    const { core, ids } = await seeded();
    const first = value<ParticipantTableView>(await core.invoke('participantTable.save', { definition: definitionFor(ids, { order: 'shuffled', showPseudonym: true }), language: 'nb' }));
    expect(first.definition.shuffleSeed).not.toBe('');
    const second = value<ParticipantTableView>(await core.invoke('participantTable.get', { language: 'nb' }));
    expect(second.table.rows).toEqual(first.table.rows);
    const seeds = new Set<string>();
    for (let round = 0; round < 5; round += 1) seeds.add(value<ParticipantTableView>(await core.invoke('participantTable.reshuffle', { language: 'nb' })).definition.shuffleSeed);
    expect(seeds.size).toBe(5);
  });

  it('exports CSV in UTF-8 with a byte-order mark and ";", with æøå intact, and nothing identifying', async () => {
    const { core, ids, root } = await seeded();
    value(await core.invoke('participantTable.save', { definition: definitionFor(ids), language: 'nb' }));
    const file = path.join(root, 'tabell æøå.csv');
    expect(value(await core.invoke('participantTable.export', { format: 'csv', path: file, language: 'nb' }))).toEqual({ path: file, rows: 3, columns: 4 });
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('Gruppe fullført;Kjønn\r\n');
    expect(parse(text, { bom: true, delimiter: ';' })).toEqual(expectedRows);
    assertClean(text);
  });

  it('exports XLSX with a header row and numbers as numbers, and nothing identifying', async () => {
    const { core, ids, root } = await seeded();
    const definition = definitionFor(ids);
    definition.columns[0]!.rule = { kind: 'asIs' };
    value(await core.invoke('participantTable.save', { definition, language: 'nb' }));
    const file = path.join(root, 'tabell.xlsx');
    value(await core.invoke('participantTable.export', { format: 'xlsx', path: file, language: 'nb' }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(expectedRows[0]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(rows.slice(1).map((row) => row[1])).toEqual([33, 31, 47]);
    expect(rows[3]).toEqual(['Deltaker 3', 47, 'ikke i parforhold', '4–5 år siden', 'Mann']);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const all = (await Promise.all(Object.values(zip.files).map((entry) => entry.async('string')))).join('\n');
    assertClean(all);
  });

  it('exports DOCX: caption, header row, one row per participant, nothing identifying', async () => {
    const { core, ids, root } = await seeded();
    value(await core.invoke('participantTable.save', { definition: definitionFor(ids), language: 'nb' }));
    const file = path.join(root, 'tabell.docx');
    value(await core.invoke('participantTable.export', { format: 'docx', path: file, language: 'nb' }));
    const { xml, rows, caption } = await docxText(file);
    expect(caption).toBe('Tabell 1. Deltakerne i studien (n = 3)');
    expect(rows).toEqual(expectedRows);
    expect(xml).toContain('w:tblHeader');
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const all = (await Promise.all(Object.values(zip.files).map((entry) => entry.async('string')))).join('\n');
    assertClean(all);
  });

  it('shows the real pseudonyms only when the researcher chose to, and never identifying details', async () => {
    const { core, ids, root } = await seeded();
    value(await core.invoke('participantTable.save', { definition: definitionFor(ids, { showPseudonym: true }), language: 'en' }));
    for (const format of ['csv', 'xlsx', 'docx'] as const) {
      const file = path.join(root, `with.${format}`);
      value(await core.invoke('participantTable.export', { format, path: file, language: 'en' }));
      const text = format === 'csv' ? fs.readFileSync(file, 'utf8') : (await Promise.all(Object.values((await JSZip.loadAsync(fs.readFileSync(file))).files).map((entry) => entry.async('string')))).join('\n');
      expect(text).toContain('Sol-PSEUDO');
      assertClean(text, { pseudonymsAllowed: true });
    }
  });

  it('records each export in the audit trail with format and counts only', async () => {
    const { core, ids, root } = await seeded();
    value(await core.invoke('participantTable.save', { definition: definitionFor(ids), language: 'nb' }));
    for (const format of ['csv', 'xlsx', 'docx'] as const) {
      value(await core.invoke('participantTable.export', { format, path: path.join(root, `t.${format}`), language: 'nb' }));
    }
    const rows = core.session
      .require()
      .db.read((reader) => reader.query<{ kind: string; detail: string }>("SELECT kind, detail FROM audit_event WHERE kind = 'export.written' ORDER BY id").all());
    expect(rows.map((row) => JSON.parse(row.detail))).toEqual(
      ['csv', 'xlsx', 'docx'].map((format) => ({ what: 'participantTable', format, rows: 3, columns: 4 })),
    );
  });

  it('refuses a folder that does not exist, and records nothing', async () => {
    const { core, ids, root } = await seeded();
    value(await core.invoke('participantTable.save', { definition: definitionFor(ids), language: 'nb' }));
    const result = await core.invoke('participantTable.export', { format: 'csv', path: path.join(root, 'finnes-ikke', 't.csv'), language: 'nb' });
    expect(result).toEqual({ ok: false, error: { code: 'participantTable.exportFailed' } });
    const count = core.session.require().db.read((reader) => reader.query<{ n: number }>("SELECT count(*) AS n FROM audit_event WHERE kind = 'export.written'").get()!.n);
    expect(count).toBe(0);
  });

  it('the export code never reads participant_identity', () => {
    const folder = path.resolve(import.meta.dirname, '../../../main/core/participantTable');
    for (const name of fs.readdirSync(folder)) {
      const source = fs.readFileSync(path.join(folder, name), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(source, name).not.toMatch(/participant_identity/);
    }
  });
});
