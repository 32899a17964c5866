import ExcelJS from 'exceljs';
import type { auditChannels, AuditEventView } from '../../../shared/audit/contract.js';
import { auditDetailText, auditKindText } from '../../../shared/audit/kindTexts.js';
import type { Handler } from '../router.js';
import type { StudySession } from '../study/session.js';
import { tableCsv } from '../participantTable/exports.js';
import { writeExport } from '../participantTable/handlers.js';
import { recordAudit } from './audit.js';
import { listAuditAll, listAuditPage } from './trail.js';

type AuditHandlers = { [C in keyof typeof auditChannels]: Handler<C> };

const headings = {
  en: ['Time (UTC)', 'Event', 'Details', 'Event code'],
  nb: ['Tidspunkt (UTC)', 'Hendelse', 'Detaljer', 'Hendelseskode'],
} as const;

function rowsOf(events: AuditEventView[], language: 'en' | 'nb'): string[][] {
  return events.map((event) => [event.at, auditKindText(event.kind, language), auditDetailText(event.detail, language), event.kind]);
}

async function trailXlsx(events: AuditEventView[], language: 'en' | 'nb'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Groundwork';
  const sheet = workbook.addWorksheet(language === 'nb' ? 'Logg' : 'Audit trail', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...headings[language]]).font = { bold: true };
  for (const event of events) {
    sheet.addRow([new Date(event.at), auditKindText(event.kind, language), auditDetailText(event.detail, language), event.kind]);
  }
  sheet.getColumn(1).numFmt = 'yyyy-mm-dd hh:mm:ss';
  sheet.getColumn(1).width = 22;
  sheet.getColumn(2).width = 40;
  sheet.getColumn(3).width = 50;
  sheet.getColumn(4).width = 28;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function auditHandlers(session: StudySession): AuditHandlers {
  return {
    'audit.list': ({ filters, offset, limit }) => session.require().db.read((reader) => listAuditPage(reader, filters, offset, limit)),
    'audit.export': async ({ filters, format, path: target, language }) => {
      const { db } = session.require();
      const events = db.read((reader) => listAuditAll(reader, filters));
      const bytes = format === 'csv' ? tableCsv([[...headings[language]], ...rowsOf(events, language)]) : await trailXlsx(events, language);
      const written = writeExport(target, bytes, 'audit.exportFailed');
      session.require().db.write((writer) => recordAudit(writer, 'export.written', { what: 'auditTrail', format, rows: events.length }));
      return { path: written, rows: events.length };
    },
  };
}
