import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { GroupDetail } from '../../../shared/calendar/contract.js';
import { instantOf, localEnd, localTimeExists } from '../../../main/core/calendar/time.js';
import { freshStudy, listFiles, value, type FreshStudy } from '../../helpers/study.js';
import { calendarState, createGroup } from './helpers.js';

function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    calendar,
    events: calendar.getAllSubcomponents('vevent').map((component) => {
      const event = new ICAL.Event(component);
      return {
        uid: event.uid,
        summary: event.summary,
        location: event.location,
        description: event.description,
        zone: event.startDate.zone?.tzid,
        start: event.startDate.toJSDate().toISOString(),
        end: event.endDate.toJSDate().toISOString(),
      };
    }),
  };
}

/** A reSTART group on Mondays and Thursdays from the week before Easter 2026 (summer time begins on 29 March), with two members. */
async function easterGroup(study: FreshStudy): Promise<GroupDetail> {
  const group = await createGroup(study, { startDate: '2026-03-23', weekdays: [1, 4], room: 'Møterom 2' });
  value(await study.core.invoke('calendar.members.add', { groupId: group.group.id, label: 'MEMBER-Kari', participantId: null }));
  return value<GroupDetail>(await study.core.invoke('calendar.members.add', { groupId: group.group.id, label: 'MEMBER-Ola', participantId: null }));
}

describe('Europe/Oslo time', () => {
  it('a wall-clock time stays put across the change to and from summer time; its instant moves', () => {
    expect(new Date(instantOf('2026-03-26T12:00')).toISOString()).toBe('2026-03-26T11:00:00.000Z');
    expect(new Date(instantOf('2026-03-30T12:00')).toISOString()).toBe('2026-03-30T10:00:00.000Z');
    expect(new Date(instantOf('2026-10-22T12:00')).toISOString()).toBe('2026-10-22T10:00:00.000Z');
    expect(new Date(instantOf('2026-10-26T12:00')).toISOString()).toBe('2026-10-26T11:00:00.000Z');
    // The skipped hour does not exist; the doubled hour is read as winter time.
    expect(localTimeExists('2026-03-29T02:30')).toBe(false);
    expect(localTimeExists('2026-03-29T03:00')).toBe(true);
    expect(localTimeExists('2026-02-30T12:00')).toBe(false);
    expect(new Date(instantOf('2026-10-25T02:30')).toISOString()).toBe('2026-10-25T01:30:00.000Z');
    // Two hours from 01:30 on the night the clocks go forward end at 04:30; on the night they go back, at 02:30.
    expect(localEnd('2026-03-29T01:30', 120)).toBe('2026-03-29T04:30');
    expect(localEnd('2026-10-25T01:30', 120)).toBe('2026-10-25T02:30');
    expect(localEnd('2026-03-26T12:00', 120)).toBe('2026-03-26T14:00');
  });

  it('a group across the change keeps meeting at 12:00 local time', async () => {
    const study = await freshStudy();
    const group = await easterGroup(study);
    expect(group.sessions.every((session) => session.startsAt.endsWith('T12:00') && session.endsAt.endsWith('T14:00'))).toBe(true);
  });
});

describe('the .ics file', () => {
  it('parses back with a calendar library: one event per session in UTC, theme and room, no member, stable UIDs; audited by counts', async () => {
    const study = await freshStudy();
    const group = await easterGroup(study);
    const target = path.join(study.root, 'gruppe.ics');
    const result = value<{ path: string; events: number }>(await study.core.invoke('calendar.export.ics', { groupId: group.group.id, path: target, language: 'nb' }));
    expect(result).toEqual({ path: target, events: 16 });
    const text = fs.readFileSync(target, 'utf8');
    expect(text).not.toContain('MEMBER-');
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
    const { calendar, events } = parseIcs(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(events).toHaveLength(16);
    // Before summer time 12:00 is 11:00 UTC, after it 10:00 UTC.
    expect(events.slice(0, 4).map((event) => [event.start, event.end, event.zone])).toEqual([
      ['2026-03-23T11:00:00.000Z', '2026-03-23T13:00:00.000Z', 'UTC'],
      ['2026-03-26T11:00:00.000Z', '2026-03-26T13:00:00.000Z', 'UTC'],
      ['2026-03-30T10:00:00.000Z', '2026-03-30T12:00:00.000Z', 'UTC'],
      ['2026-04-02T10:00:00.000Z', '2026-04-02T12:00:00.000Z', 'UTC'],
    ]);
    expect(events[0]!.summary).toBe('Gruppe vår: samling 1 av 16 (Verdier)');
    expect(events.at(-1)!.summary).toBe('Gruppe vår: samling 16 av 16 (Selvbestemmelse)');
    expect(events.every((event) => event.location === 'Møterom 2')).toBe(true);
    expect(events[0]!.description).toBe('Tema: Verdier\nGruppeledere: Ingrid Bakke, Tor Lie');
    expect(new Set(events.map((event) => event.uid)).size).toBe(16);
    // Exported again after a move: the same UIDs, the new time.
    value(await study.core.invoke('calendar.sessions.move', { id: group.sessions[3]!.id, startsAt: '2026-04-07T12:00', shift: 'following' }));
    value(await study.core.invoke('calendar.export.ics', { groupId: group.group.id, path: target, language: 'en' }));
    const again = parseIcs(fs.readFileSync(target, 'utf8')).events;
    expect(again.map((event) => event.uid).sort()).toEqual(events.map((event) => event.uid).sort());
    expect(again[3]!.start).toBe('2026-04-07T10:00:00.000Z');
    expect(again[3]!.summary).toBe('Gruppe vår: session 4 of 16 (Belonging)');

    const audit = study.core.session.require().db.connection.prepare("SELECT detail FROM audit_event WHERE kind = 'export.written'").pluck().all() as string[];
    expect(audit.map((detail) => JSON.parse(detail))).toEqual([
      { what: 'groupCalendar', format: 'ics', groupId: group.group.id, events: 16 },
      { what: 'groupCalendar', format: 'ics', groupId: group.group.id, events: 16 },
    ]);
    // Nothing else was written beside it.
    expect(listFiles(study.root).filter((name) => !name.startsWith('studies'))).toEqual(['gruppe.ics']);
  });

  it('refuses a folder that does not exist, writing nothing and auditing nothing', async () => {
    const study = await freshStudy();
    const group = await easterGroup(study);
    const before = calendarState(study);
    for (const channel of ['calendar.export.ics', 'calendar.export.attendance'] as const) {
      expect(await study.core.invoke(channel, { groupId: group.group.id, path: path.join(study.root, 'nowhere', 'x'), language: 'nb' })).toEqual({
        ok: false,
        error: { code: 'calendar.exportFolderMissing' },
      });
    }
    expect(await study.core.invoke('calendar.export.ics', { groupId: 999, path: path.join(study.root, 'x.ics'), language: 'nb' })).toEqual({
      ok: false,
      error: { code: 'calendar.groupMissing' },
    });
    expect(calendarState(study)).toBe(before);
    expect(study.core.session.require().db.connection.prepare("SELECT count(*) FROM audit_event WHERE kind = 'export.written'").pluck().get()).toBe(0);
  });
});

describe('the printable schedule and the attendance list', () => {
  it('PDF and DOCX: every session with date, time, theme and room; no member', async () => {
    const study = await freshStudy();
    const group = await easterGroup(study);
    const pdfPath = path.join(study.root, 'timeplan.pdf');
    expect(value(await study.core.invoke('calendar.export.schedule', { groupId: group.group.id, path: pdfPath, format: 'pdf', language: 'nb' }))).toEqual({
      path: pdfPath,
      sessions: 16,
    });
    const pdf = await getDocumentProxy(new Uint8Array(fs.readFileSync(pdfPath)));
    const { text } = await extractText(pdf, { mergePages: true });
    for (const expected of ['Gruppe vår', 'mandag 23.3.2026', 'torsdag 14.5.2026', '12:00–14:00', 'Verdier', 'Selvbestemmelse', 'Møterom 2', 'Ingrid Bakke']) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain('MEMBER-');

    const docxPath = path.join(study.root, 'timeplan.docx');
    value(await study.core.invoke('calendar.export.schedule', { groupId: group.group.id, path: docxPath, format: 'docx', language: 'en' }));
    const xml = await (await JSZip.loadAsync(fs.readFileSync(docxPath))).file('word/document.xml')!.async('string');
    for (const expected of ['Gruppe vår', 'Monday 23.3.2026', 'Hope and optimism', 'Møterom 2']) expect(xml, expected).toContain(expected);
    expect(xml).not.toContain('MEMBER-');
  });

  it('XLSX: members by label against every session, with counts, outcome and reasons for absence', async () => {
    const study = await freshStudy();
    const group = await easterGroup(study);
    const [kari, ola] = group.members;
    value(
      await study.core.invoke('calendar.attendance.set', {
        sessionId: group.sessions[0]!.id,
        entries: [
          { memberId: kari!.id, status: 'present', reason: 'ignored for the present' },
          { memberId: ola!.id, status: 'absent', reason: 'Syk' },
        ],
      }),
    );
    const target = path.join(study.root, 'oppmote.xlsx');
    expect(value(await study.core.invoke('calendar.export.attendance', { groupId: group.group.id, path: target, language: 'nb' }))).toEqual({
      path: target,
      members: 2,
      sessions: 16,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(target) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Medlem');
    expect(sheet.getRow(1).getCell(2).value).toBe('1: 2026-03-23');
    const rows = [2, 3].map((index) => sheet.getRow(index));
    expect(rows.map((row) => [row.getCell(1).value, row.getCell(2).value, row.getCell(18).value, row.getCell(19).value, row.getCell(20).value])).toEqual([
      ['MEMBER-Kari', 'til stede', 1, 12, 'pågår'],
      ['MEMBER-Ola', 'borte', 0, 12, 'pågår'],
    ]);
    const reasons = workbook.worksheets[1]!;
    expect(reasons.getRow(2).values).toEqual([undefined, 'MEMBER-Ola', 1, '2026-03-23', 'Syk']);
    expect(reasons.rowCount).toBe(2);
    const detail = JSON.parse(
      study.core.session.require().db.connection.prepare("SELECT detail FROM audit_event WHERE kind = 'export.written'").pluck().get() as string,
    ) as Record<string, unknown>;
    expect(detail).toEqual({ what: 'groupAttendance', format: 'xlsx', groupId: group.group.id, members: 2, sessions: 16 });
  });
});
