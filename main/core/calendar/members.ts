import type { Member, SessionDetail, Talk, TalkDue } from '../../../shared/calendar/contract.js';
import { memberProgress } from '../../../shared/calendar/completion.js';
import { datePart, talkWindow } from '../../../shared/calendar/schedule.js';
import { GroundworkError } from '../../../shared/contract/errors.js';
import { recordAudit } from '../audit/audit.js';
import type { StudyReader, StudyWriter } from '../db/connection.js';
import { requireActiveParticipant } from '../participants/participants.js';
import { readGroup, readMember, readMembers, readSession, readSessions, type GroupInfo, type SessionRow } from './store.js';
import { requireLocalTime } from './time.js';

/**
 * Members, their attendance, the leader's log and individual talks. A member is a label the leaders
 * recognise and, optionally, a link to a study participant: nothing else about the person is kept.
 */

/**
 * Whether a label could identify someone beyond the group: six or more digits (a phone or national
 * identity number) or an e-mail address. A full name cannot be told from a first name by rule; the
 * length limit and the form's guidance do what they can.
 */
export function labelLooksIdentifying(label: string): boolean {
  return (label.match(/\d/g) ?? []).length >= 6 || label.includes('@');
}

function attendanceOf(reader: StudyReader, groupId: number): Map<number, Map<number, 'present' | 'absent'>> {
  const byMember = new Map<number, Map<number, 'present' | 'absent'>>();
  for (const row of reader
    .query<{ member_id: number; session_id: number; status: 'present' | 'absent' }>(
      `SELECT a.member_id, a.session_id, a.status FROM group_attendance a
       JOIN group_member m ON m.id = a.member_id WHERE m.group_id = ?`,
    )
    .iterate(groupId)) {
    let sessions = byMember.get(row.member_id);
    if (!sessions) byMember.set(row.member_id, (sessions = new Map()));
    sessions.set(row.session_id, row.status);
  }
  return byMember;
}

/** Every member of the group with their sessions attended against the plan's completion rule. */
export function memberDetails(reader: StudyReader, group: GroupInfo, rows: readonly SessionRow[] = readSessions(reader, group.id)): Member[] {
  const sessions = rows.map((row) => ({ id: row.id, date: datePart(row.starts_at) }));
  const attendance = attendanceOf(reader, group.id);
  return readMembers(reader, group.id).map((row) => ({
    id: row.id,
    groupId: row.group_id,
    label: row.label,
    participantId: row.participant_id,
    participantPseudonym: row.pseudonym,
    progress: memberProgress(group.plan.completion, sessions, attendance.get(row.id) ?? new Map()),
  }));
}

/**
 * Writes a member's completion date to their participant's "group completed" attribute (the
 * built-in `groupCompleted`), or takes back the date it wrote earlier when the member is no longer
 * completed. A value the researcher typed differently is left alone. Nothing is written for a
 * member without a participant, nor when the study has deleted that attribute.
 */
export function syncCompletion(writer: StudyWriter, memberId: number, completedOn: string | null, now = new Date()): void {
  const member = readMember(writer, memberId);
  if (member.completed_on === completedOn) return;
  writer.statement('UPDATE group_member SET completed_on = ? WHERE id = ?').run(completedOn, memberId);
  if (member.participant_id === null) return;
  const attribute = writer.query<{ id: number }>("SELECT id FROM attribute WHERE builtin = 'groupCompleted'").get();
  const participant = writer.query<{ status: string }>('SELECT status FROM participant WHERE id = ?').get(member.participant_id);
  if (!attribute || !participant || participant.status === 'withdrawn') return;
  const current = writer
    .query<{ value: string }>('SELECT value FROM attribute_value WHERE participant_id = ? AND attribute_id = ?')
    .get(member.participant_id, attribute.id)?.value;
  if (completedOn !== null) {
    writer
      .statement(
        `INSERT INTO attribute_value (participant_id, attribute_id, value) VALUES (?, ?, ?)
         ON CONFLICT (participant_id, attribute_id) DO UPDATE SET value = excluded.value`,
      )
      .run(member.participant_id, attribute.id, completedOn);
    recordAudit(writer, 'calendar.groupCompleted', { groupId: member.group_id, memberId, participantId: member.participant_id }, now);
  } else if (current !== undefined && current === member.completed_on) {
    writer.statement('DELETE FROM attribute_value WHERE participant_id = ? AND attribute_id = ?').run(member.participant_id, attribute.id);
  }
}

function syncMembers(writer: StudyWriter, groupId: number, now: Date): void {
  const group = readGroup(writer, groupId);
  for (const member of memberDetails(writer, group)) syncCompletion(writer, member.id, member.progress.completedOn, now);
}

// ── Members ─────────────────────────────────────────────────────────────────────────────────

function checkLabel(writer: StudyReader, groupId: number, label: string, except: number | null): string {
  const trimmed = label.trim();
  if (labelLooksIdentifying(trimmed)) throw new GroundworkError('calendar.memberLabelIdentifying');
  const taken = writer.query<{ id: number }>('SELECT id FROM group_member WHERE group_id = ? AND label = ?').get(groupId, trimmed);
  if (taken && taken.id !== except) throw new GroundworkError('calendar.memberLabelTaken');
  return trimmed;
}

function checkParticipant(writer: StudyReader, groupId: number, participantId: number | null, except: number | null): void {
  if (participantId === null) return;
  requireActiveParticipant(writer, participantId);
  const linked = writer.query<{ id: number }>('SELECT id FROM group_member WHERE group_id = ? AND participant_id = ?').get(groupId, participantId);
  if (linked && linked.id !== except) throw new GroundworkError('calendar.participantAlreadyMember');
}

export function addMember(writer: StudyWriter, input: { groupId: number; label: string; participantId: number | null }, now = new Date()): number {
  const group = readGroup(writer, input.groupId);
  const count = writer.query<{ n: number }>('SELECT count(*) AS n FROM group_member WHERE group_id = ?').get(group.id)?.n ?? 0;
  if (count >= group.plan.capacity.max) throw new GroundworkError('calendar.groupFull');
  const label = checkLabel(writer, group.id, input.label, null);
  checkParticipant(writer, group.id, input.participantId, null);
  const id = Number(
    writer
      .statement('INSERT INTO group_member (group_id, label, participant_id, created_at) VALUES (?, ?, ?, ?)')
      .run(group.id, label, input.participantId, now.toISOString()).lastInsertRowid,
  );
  recordAudit(writer, 'calendar.memberAdded', { groupId: group.id, memberId: id, linked: input.participantId !== null }, now);
  syncMembers(writer, group.id, now);
  return group.id;
}

export function updateMember(writer: StudyWriter, input: { id: number; label: string; participantId: number | null }, now = new Date()): number {
  const member = readMember(writer, input.id);
  const label = checkLabel(writer, member.group_id, input.label, member.id);
  checkParticipant(writer, member.group_id, input.participantId, member.id);
  if (member.participant_id !== input.participantId) {
    // Unlinking takes back the completion date written to the previous participant.
    syncCompletion(writer, member.id, null, now);
  }
  writer.statement('UPDATE group_member SET label = ?, participant_id = ? WHERE id = ?').run(label, input.participantId, member.id);
  recordAudit(writer, 'calendar.memberChanged', { groupId: member.group_id, memberId: member.id, linked: input.participantId !== null }, now);
  syncMembers(writer, member.group_id, now);
  return member.group_id;
}

export function removeMember(writer: StudyWriter, id: number, now = new Date()): number {
  const member = readMember(writer, id);
  syncCompletion(writer, member.id, null, now);
  writer.statement('DELETE FROM group_member WHERE id = ?').run(id);
  recordAudit(writer, 'calendar.memberRemoved', { groupId: member.group_id, memberId: id }, now);
  return member.group_id;
}

// ── Attendance and the leader's log ─────────────────────────────────────────────────────────

export function sessionDetail(reader: StudyReader, sessionId: number, session: SessionDetail['session']): SessionDetail {
  const row = reader
    .query<{ log_what_happened: string; log_why: string; log_what_next: string; log_updated_at: string | null; group_name: string }>(
      `SELECT s.log_what_happened, s.log_why, s.log_what_next, s.log_updated_at, g.name AS group_name
       FROM group_session s JOIN calendar_group g ON g.id = s.group_id WHERE s.id = ?`,
    )
    .get(sessionId);
  if (!row) throw new GroundworkError('calendar.sessionMissing');
  const attendance = reader
    .query<{ member_id: number; status: 'present' | 'absent'; reason: string }>(
      'SELECT member_id, status, reason FROM group_attendance WHERE session_id = ? ORDER BY member_id',
    )
    .all(sessionId)
    .map((entry) => ({ memberId: entry.member_id, status: entry.status, reason: entry.reason }));
  const mentions = reader
    .query<{ member_id: number; note: string }>('SELECT member_id, note FROM group_log_mention WHERE session_id = ? ORDER BY member_id')
    .all(sessionId)
    .map((mention) => ({ memberId: mention.member_id, note: mention.note }));
  return {
    session,
    groupName: row.group_name,
    attendance,
    log: { whatHappened: row.log_what_happened, why: row.log_why, whatNext: row.log_what_next, mentions, updatedAt: row.log_updated_at },
  };
}

function requireMembersOf(reader: StudyReader, groupId: number, memberIds: readonly number[]): void {
  for (const memberId of memberIds) {
    const member = readMember(reader, memberId);
    if (member.group_id !== groupId) throw new GroundworkError('calendar.memberNotInGroup');
  }
}

/** Sets attendance for some members of a session (`null` clears it), then their completion. */
export function setAttendance(
  writer: StudyWriter,
  input: { sessionId: number; entries: { memberId: number; status: 'present' | 'absent' | null; reason: string }[] },
  now = new Date(),
): void {
  const session = readSession(writer, input.sessionId);
  requireMembersOf(
    writer,
    session.group_id,
    input.entries.map((entry) => entry.memberId),
  );
  const upsert = writer.statement(
    `INSERT INTO group_attendance (session_id, member_id, status, reason, recorded_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (session_id, member_id) DO UPDATE SET status = excluded.status, reason = excluded.reason, recorded_at = excluded.recorded_at`,
  );
  const remove = writer.statement('DELETE FROM group_attendance WHERE session_id = ? AND member_id = ?');
  for (const entry of input.entries) {
    if (entry.status === null) remove.run(session.id, entry.memberId);
    // A reason belongs to an absence only.
    else upsert.run(session.id, entry.memberId, entry.status, entry.status === 'absent' ? entry.reason.trim() : '', now.toISOString());
  }
  recordAudit(writer, 'calendar.attendanceRecorded', { groupId: session.group_id, sessionId: session.id, entries: input.entries.length }, now);
  syncMembers(writer, session.group_id, now);
}

export function saveLog(
  writer: StudyWriter,
  input: { sessionId: number; whatHappened: string; why: string; whatNext: string; themeNotes: string; mentions: { memberId: number; note: string }[] },
  now = new Date(),
): void {
  const session = readSession(writer, input.sessionId);
  const memberIds = input.mentions.map((mention) => mention.memberId);
  if (new Set(memberIds).size !== memberIds.length) throw new GroundworkError('input.invalid', ['mentions']);
  requireMembersOf(writer, session.group_id, memberIds);
  const empty = [input.whatHappened, input.why, input.whatNext].every((text) => text.trim() === '') && input.mentions.length === 0;
  writer
    .statement('UPDATE group_session SET log_what_happened = ?, log_why = ?, log_what_next = ?, theme_notes = ?, log_updated_at = ? WHERE id = ?')
    .run(input.whatHappened, input.why, input.whatNext, input.themeNotes, empty ? null : now.toISOString(), session.id);
  writer.statement('DELETE FROM group_log_mention WHERE session_id = ?').run(session.id);
  const insert = writer.statement('INSERT INTO group_log_mention (session_id, member_id, note) VALUES (?, ?, ?)');
  for (const mention of input.mentions) insert.run(session.id, mention.memberId, mention.note.trim());
  recordAudit(writer, 'calendar.logSaved', { groupId: session.group_id, sessionId: session.id, mentions: input.mentions.length }, now);
}

// ── Individual talks ────────────────────────────────────────────────────────────────────────

export function talksOf(reader: StudyReader, group: GroupInfo, rows: readonly SessionRow[]): { talks: Talk[]; talksDue: TalkDue[] } {
  const names = new Map(group.plan.individualTalks.map((talk) => [talk.key, talk]));
  const talks = reader
    .query<{ id: number; member_id: number; talk_key: string; starts_at: string; minutes: number; held: number }>(
      `SELECT t.id, t.member_id, t.talk_key, t.starts_at, t.minutes, t.held FROM group_talk t
       JOIN group_member m ON m.id = t.member_id WHERE m.group_id = ? ORDER BY t.starts_at, t.id`,
    )
    .all(group.id)
    .map(
      (row): Talk => ({
        id: row.id,
        memberId: row.member_id,
        talkKey: row.talk_key,
        name: names.get(row.talk_key)?.name ?? { en: row.talk_key, nb: row.talk_key },
        startsAt: row.starts_at,
        minutes: row.minutes,
        held: row.held === 1,
      }),
    );
  const first = rows[0] ? datePart(rows[0].starts_at) : null;
  const last = rows.at(-1) ? datePart(rows.at(-1)!.starts_at) : null;
  const talksDue: TalkDue[] = [];
  for (const member of readMembers(reader, group.id)) {
    for (const talk of group.plan.individualTalks) {
      const window = talkWindow(talk.timing, first, last);
      talksDue.push({
        memberId: member.id,
        talkKey: talk.key,
        name: talk.name,
        dueFrom: window.from,
        dueBy: window.by,
        minMinutes: talk.minMinutes,
        bothLeaders: talk.bothLeaders,
        talkId: talks.find((booked) => booked.memberId === member.id && booked.talkKey === talk.key)?.id ?? null,
      });
    }
  }
  return { talks, talksDue };
}

export function bookTalk(
  writer: StudyWriter,
  input: { memberId: number; talkKey: string; startsAt: string; minutes: number },
  now = new Date(),
): number {
  const member = readMember(writer, input.memberId);
  const group = readGroup(writer, member.group_id);
  if (!group.plan.individualTalks.some((talk) => talk.key === input.talkKey)) throw new GroundworkError('calendar.talkUnknown');
  writer
    .statement('INSERT INTO group_talk (member_id, talk_key, starts_at, minutes, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(member.id, input.talkKey, requireLocalTime(input.startsAt), input.minutes, now.toISOString());
  return group.id;
}

function readTalk(reader: StudyReader, id: number): { id: number; groupId: number } {
  const row = reader
    .query<{ id: number; group_id: number }>('SELECT t.id, m.group_id FROM group_talk t JOIN group_member m ON m.id = t.member_id WHERE t.id = ?')
    .get(id);
  if (!row) throw new GroundworkError('calendar.talkMissing');
  return { id: row.id, groupId: row.group_id };
}

export function setTalkHeld(writer: StudyWriter, id: number, held: boolean): number {
  const talk = readTalk(writer, id);
  writer.statement('UPDATE group_talk SET held = ? WHERE id = ?').run(held ? 1 : 0, id);
  return talk.groupId;
}

export function removeTalk(writer: StudyWriter, id: number): number {
  const talk = readTalk(writer, id);
  writer.statement('DELETE FROM group_talk WHERE id = ?').run(id);
  return talk.groupId;
}
