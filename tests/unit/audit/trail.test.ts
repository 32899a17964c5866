import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { auditKinds, recordAudit } from '../../../main/core/audit/audit.js';
import type { AuditEventView } from '../../../shared/audit/contract.js';
import { auditKindTexts } from '../../../shared/audit/kindTexts.js';
import { freshStudy, value } from '../../helpers/study.js';

type Page = { total: number; events: AuditEventView[]; kinds: string[] };
const none = { kinds: [], from: null, to: null };

/** A study with 300 extra events spread over 2025, day by day, of three kinds. */
async function withEvents() {
  const study = await freshStudy();
  study.core.session.require().db.write((writer) => {
    for (let index = 0; index < 300; index += 1) {
      const kind = (['backup.made', 'export.written', 'study.locked'] as const)[index % 3]!;
      recordAudit(writer, kind, { rows: index }, new Date(Date.UTC(2025, 0, 1 + index, 12)));
    }
  });
  return study;
}

describe('the audit trail in the UI', () => {
  it('lists newest first, one page at a time, with the total', async () => {
    const { core } = await withEvents();
    const first = value<Page>(await core.invoke('audit.list', { filters: none, offset: 0, limit: 100 }));
    expect(first.total).toBe(301); // and study.created
    expect(first.events).toHaveLength(100);
    const ids = first.events.map((event) => event.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const last = value<Page>(await core.invoke('audit.list', { filters: none, offset: 300, limit: 100 }));
    expect(last.events.map((event) => event.kind)).toEqual(['study.created']);
    expect(first.kinds).toEqual(['backup.made', 'export.written', 'study.created', 'study.locked']);
  });

  it('filters by kind and by date range, both ends included', async () => {
    const { core } = await withEvents();
    const exports = value<Page>(await core.invoke('audit.list', { filters: { kinds: ['export.written'], from: null, to: null }, offset: 0, limit: 1000 }));
    expect(exports.total).toBe(100);
    expect(new Set(exports.events.map((event) => event.kind))).toEqual(new Set(['export.written']));
    // 2025-01-01 … 2025-01-10 are events 0…9.
    const range = value<Page>(await core.invoke('audit.list', { filters: { kinds: [], from: '2025-01-01', to: '2025-01-10' }, offset: 0, limit: 1000 }));
    expect(range.events.map((event) => event.detail.rows)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    const both = value<Page>(await core.invoke('audit.list', { filters: { kinds: ['backup.made', 'study.locked'], from: '2025-01-01', to: '2025-01-10' }, offset: 0, limit: 1000 }));
    expect(both.events.map((event) => event.detail.rows)).toEqual([9, 8, 6, 5, 3, 2, 0]);
    expect(both.total).toBe(7);
  });

  it("takes the filter's days on Norway's clock, whatever the computer's zone: half past midnight belongs to the new day", async () => {
    const { core } = await freshStudy();
    core.session.require().db.write((db) => {
      // 00:30 in Oslo on 1 January (winter, UTC+1) and on 1 July (summer, UTC+2); 23:30 in Oslo on 10 January.
      for (const at of ['2024-12-31T23:30:00.000Z', '2025-06-30T22:30:00.000Z', '2025-01-10T22:30:00.000Z', '2025-01-10T23:30:00.000Z']) {
        recordAudit(db, 'export.written', { what: at }, new Date(at));
      }
    });
    const list = async (from: string, to: string) =>
      value<Page>(await core.invoke('audit.list', { filters: { kinds: ['export.written'], from, to }, offset: 0, limit: 100 })).events.map((event) => event.detail.what);
    expect(await list('2025-01-01', '2025-01-10')).toEqual(['2025-01-10T22:30:00.000Z', '2024-12-31T23:30:00.000Z']);
    expect(await list('2025-01-11', '2025-01-11')).toEqual(['2025-01-10T23:30:00.000Z']);
    expect(await list('2025-07-01', '2025-07-01')).toEqual(['2025-06-30T22:30:00.000Z']);
  });

  it('exports the filtered trail to CSV and XLSX in words, and records the export', async () => {
    const { core, root } = await withEvents();
    const filters = { kinds: ['export.written'], from: '2025-01-01', to: '2025-01-31' };
    const csv = path.join(root, 'logg.csv');
    expect(value(await core.invoke('audit.export', { filters, format: 'csv', path: csv, language: 'nb' }))).toEqual({ path: csv, rows: 10 });
    const rows = parse(fs.readFileSync(csv, 'utf8'), { bom: true, delimiter: ';' }) as string[][];
    expect(rows[0]).toEqual(['Tidspunkt (UTC)', 'Hendelse', 'Detaljer', 'Hendelseskode']);
    expect(rows).toHaveLength(11);
    expect(rows[1]).toEqual(['2025-01-29T12:00:00.000Z', 'Eksport lagret', 'rader: 28', 'export.written']);

    const xlsx = path.join(root, 'logg.xlsx');
    value(await core.invoke('audit.export', { filters: none, format: 'xlsx', path: xlsx, language: 'en' }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Time (UTC)', 'Event', 'Details', 'Event code']);
    // 301 events plus the CSV export's own record, plus the header.
    expect(sheet.rowCount).toBe(303);
    expect(sheet.getRow(2).getCell(1).value).toBeInstanceOf(Date);
    expect(sheet.getRow(2).getCell(2).value).toBe('Export saved');

    const recorded = value<{ events: AuditEventView[] }>(await core.invoke('audit.list', { filters: { kinds: ['export.written'], from: null, to: null }, offset: 0, limit: 2 }));
    expect(recorded.events.map((event) => event.detail)).toEqual([
      { what: 'auditTrail', format: 'xlsx', rows: 302 },
      { what: 'auditTrail', format: 'csv', rows: 10 },
    ]);
  });

  it('has words for every kind of event in both languages', () => {
    for (const kind of auditKinds) {
      expect(auditKindTexts.en[kind], `en ${kind}`).toBeTruthy();
      expect(auditKindTexts.nb[kind], `nb ${kind}`).toBeTruthy();
    }
  });
});
