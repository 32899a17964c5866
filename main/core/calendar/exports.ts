import fs from 'node:fs';
import path from 'node:path';
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import { createEvents, type EventAttributes } from 'ics';
import PDFDocument from 'pdfkit';
import type { GroupDetail, Session } from '../../../shared/calendar/contract.js';
import { datePart, isoWeekday, timePart } from '../../../shared/calendar/schedule.js';
import { GroundworkError } from '../../../shared/contract/errors.js';
import type { StudyReader } from '../db/connection.js';
import { instantOf } from './time.js';

/**
 * The group's files for outside Groundwork: an .ics calendar, a printable schedule for members and
 * the leaders' attendance list. Each is built in memory and written only to the path chosen. The
 * calendar file and the schedule name no member: they hold the group, its sessions, themes, rooms
 * and leaders. The attendance list names members by their labels, for the leaders.
 */

export type ExportLanguage = 'en' | 'nb';

const texts = {
  en: {
    session: 'Session',
    number: 'No.',
    of: 'of',
    theme: 'Theme',
    room: 'Room',
    leaders: 'Leaders',
    date: 'Date',
    time: 'Time',
    schedule: 'Schedule',
    programme: 'Programme',
    noMembers: 'This schedule names no members.',
    member: 'Member',
    attended: 'Attended',
    required: 'Required',
    outcome: 'Outcome',
    completedOn: 'Completed on',
    present: 'present',
    absent: 'absent',
    attendance: 'Attendance',
    reasons: 'Reasons for absence',
    reason: 'Reason',
    status: { inProgress: 'in progress', completed: 'completed', notCompleted: 'not completed' },
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  },
  nb: {
    session: 'Samling',
    number: 'Nr.',
    of: 'av',
    theme: 'Tema',
    room: 'Rom',
    leaders: 'Gruppeledere',
    date: 'Dato',
    time: 'Tid',
    schedule: 'Timeplan',
    programme: 'Program',
    noMembers: 'Denne timeplanen nevner ingen medlemmer.',
    member: 'Medlem',
    attended: 'Deltatt',
    required: 'Krav',
    outcome: 'Status',
    completedOn: 'Fullført',
    present: 'til stede',
    absent: 'borte',
    attendance: 'Oppmøte',
    reasons: 'Grunner til fravær',
    reason: 'Grunn',
    status: { inProgress: 'pågår', completed: 'fullført', notCompleted: 'ikke fullført' },
    weekdays: ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'],
  },
} as const;

function leadersText(detail: GroupDetail): string {
  return [detail.group.leaders.professional, detail.group.leaders.peer].filter((name) => name.trim()).join(', ');
}

function roomText(session: Session, detail: GroupDetail): string {
  return session.room.trim() || detail.group.room;
}

function dateText(date: string, language: ExportLanguage): string {
  const [year, month, day] = date.split('-');
  return `${texts[language].weekdays[isoWeekday(date) - 1]} ${Number(day)}.${Number(month)}.${year}`;
}

function timeText(session: Session): string {
  return `${timePart(session.startsAt)}–${timePart(session.endsAt)}`;
}

/**
 * The group's sessions as an RFC 5545 calendar. Times are written in UTC (`…Z`), converted from
 * Oslo's wall clock with the zone rules, so every calendar program shows them right on both sides
 * of the change to and from summer time without a time-zone definition in the file. Each event has
 * a stable UID, so importing a newer file updates the events instead of doubling them.
 */
export function groupIcs(detail: GroupDetail, studyId: string, language: ExportLanguage, now = new Date()): string {
  const t = texts[language];
  const total = detail.sessions.length;
  const events: EventAttributes[] = detail.sessions.map((session) => {
    const theme = session.theme ? session.theme[language] : null;
    const room = roomText(session, detail);
    const description = [theme ? `${t.theme}: ${theme}` : null, `${t.leaders}: ${leadersText(detail)}`].filter(Boolean).join('\n');
    return {
      uid: `${studyId}-session-${session.id}@groundwork`,
      title: `${detail.group.name}: ${t.session.toLowerCase()} ${session.number} ${t.of} ${total}${theme ? ` (${theme})` : ''}`,
      start: instantOf(session.startsAt),
      startInputType: 'utc',
      startOutputType: 'utc',
      end: instantOf(session.startsAt) + session.minutes * 60_000,
      endInputType: 'utc',
      endOutputType: 'utc',
      ...(room ? { location: room } : {}),
      description,
      status: 'CONFIRMED',
      busyStatus: 'BUSY',
      productId: '-//Groundwork//Group calendar//EN',
      calName: detail.group.name,
      timestamp: now.getTime(),
    };
  });
  const { error, value } = createEvents(events);
  if (error || !value) throw new GroundworkError('calendar.exportFailed');
  return value;
}

function sessionRows(detail: GroupDetail, language: ExportLanguage): string[][] {
  return detail.sessions.map((session) => [
    String(session.number),
    dateText(datePart(session.startsAt), language),
    timeText(session),
    session.theme ? session.theme[language] : '',
    roomText(session, detail),
  ]);
}

/** The printable schedule as a PDF (standard Helvetica covers æ, ø and å). */
export function schedulePdf(detail: GroupDetail, language: ExportLanguage): Promise<Buffer> {
  const t = texts[language];
  const pdf = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `${detail.group.name}: ${t.schedule}`, Creator: 'Groundwork' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.font('Helvetica-Bold').fontSize(18).text(detail.group.name);
  pdf.moveDown(0.3).font('Helvetica').fontSize(11).text(`${t.programme}: ${detail.group.programmeName[language]}`);
  pdf.text(`${t.leaders}: ${leadersText(detail)}`);
  if (detail.group.room) pdf.text(`${t.room}: ${detail.group.room}`);
  pdf.moveDown(1);
  const columns = [40, 150, 80, 140, 73];
  const headings = [t.number, t.date, t.time, t.theme, t.room];
  const row = (cells: readonly string[], bold: boolean) => {
    const top = pdf.y;
    let x = pdf.page.margins.left;
    let bottom = top;
    pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    cells.forEach((cell, index) => {
      pdf.text(cell, x, top, { width: columns[index]! - 6 });
      bottom = Math.max(bottom, pdf.y);
      x += columns[index]!;
    });
    pdf.x = pdf.page.margins.left;
    pdf.y = bottom + 4;
    if (pdf.y > pdf.page.height - pdf.page.margins.bottom - 40) pdf.addPage();
  };
  row(headings, true);
  for (const cells of sessionRows(detail, language)) row(cells, false);
  pdf.end();
  return done;
}

/** The printable schedule as a Word document, a plain table with a header row repeated on each page. */
export async function scheduleDocx(detail: GroupDetail, language: ExportLanguage): Promise<Buffer> {
  const t = texts[language];
  const rule = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const header = new TableRow({
    tableHeader: true,
    children: [t.number, t.date, t.time, t.theme, t.room].map(
      (text) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: true })] })], borders: { top: rule, bottom: rule, left: none, right: none } }),
    ),
  });
  const rows = sessionRows(detail, language).map((cells) => new TableRow({ children: cells.map((text) => new TableCell({ children: [new Paragraph(text)] })) }));
  const document = new Document({
    creator: 'Groundwork',
    title: `${detail.group.name}: ${t.schedule}`,
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.LEFT, spacing: { after: 120 }, children: [new TextRun({ text: detail.group.name, bold: true, size: 32 })] }),
          new Paragraph(`${t.programme}: ${detail.group.programmeName[language]}`),
          new Paragraph(`${t.leaders}: ${leadersText(detail)}`),
          ...(detail.group.room ? [new Paragraph(`${t.room}: ${detail.group.room}`)] : []),
          new Paragraph(''),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            borders: { top: none, bottom: rule, left: none, right: none, insideHorizontal: none, insideVertical: none },
            rows: [header, ...rows],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** Attendance by member and session, each member's count against the rule, and the reasons for absence. */
export async function attendanceXlsx(reader: StudyReader, detail: GroupDetail, language: ExportLanguage): Promise<Buffer> {
  const t = texts[language];
  const marks = new Map<string, { status: string; reason: string }>();
  for (const row of reader
    .query<{ session_id: number; member_id: number; status: 'present' | 'absent'; reason: string }>(
      `SELECT a.session_id, a.member_id, a.status, a.reason FROM group_attendance a
       JOIN group_member m ON m.id = a.member_id WHERE m.group_id = ?`,
    )
    .iterate(detail.group.id)) {
    marks.set(`${row.member_id}:${row.session_id}`, { status: row.status, reason: row.reason });
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Groundwork';
  const sheet = workbook.addWorksheet(t.attendance, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  const sessionHeadings = detail.sessions.map((session) => `${session.number}: ${datePart(session.startsAt)}`);
  sheet.addRow([t.member, ...sessionHeadings, t.attended, t.required, t.outcome, t.completedOn]).font = { bold: true };
  for (const member of detail.members) {
    sheet.addRow([
      member.label,
      ...detail.sessions.map((session) => {
        const mark = marks.get(`${member.id}:${session.id}`);
        return mark ? (mark.status === 'present' ? t.present : t.absent) : '';
      }),
      member.progress.attended,
      member.progress.required,
      t.status[member.progress.status],
      member.progress.completedOn ?? '',
    ]);
  }
  sheet.getColumn(1).width = 16;
  const reasons = workbook.addWorksheet(t.reasons);
  reasons.addRow([t.member, t.session, t.date, t.reason]).font = { bold: true };
  for (const member of detail.members) {
    for (const session of detail.sessions) {
      const mark = marks.get(`${member.id}:${session.id}`);
      if (mark?.status === 'absent' && mark.reason) reasons.addRow([member.label, session.number, datePart(session.startsAt), mark.reason]);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Writes only to the path chosen; the folder must exist. No temporary file beside it. */
export function writeCalendarExport(target: string, bytes: Buffer | string): string {
  const resolved = path.resolve(target);
  const folder = path.dirname(resolved);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new GroundworkError('calendar.exportFolderMissing');
  try {
    fs.writeFileSync(resolved, bytes, { mode: 0o600 });
  } catch {
    throw new GroundworkError('calendar.exportFailed');
  }
  return resolved;
}
