import { programmeContentSchema, type ProgrammeContent } from '../../../shared/calendar/contract.js';
import { GroundworkError } from '../../../shared/contract/errors.js';
import type { StudyReader } from '../db/connection.js';

/** The rows of the calendar's tables as the core reads them (one place for the column lists). */

export interface GroupRow {
  id: number;
  name: string;
  programme_id: number | null;
  plan: string;
  professional_leader: string;
  peer_leader: string;
  room: string;
  start_date: string;
  weekdays: string;
  start_time: string;
  notes: string;
  colour: number;
}

export interface GroupInfo {
  id: number;
  name: string;
  programmeId: number | null;
  plan: ProgrammeContent;
  leaders: { professional: string; peer: string };
  room: string;
  startDate: string;
  weekdays: number[];
  startTime: string;
  notes: string;
  colour: number;
}

export interface SessionRow {
  id: number;
  group_id: number;
  starts_at: string;
  minutes: number;
  room: string;
  theme_key: string | null;
  theme_notes: string;
  log_updated_at: string | null;
}

export const sessionColumns = 'id, group_id, starts_at, minutes, room, theme_key, theme_notes, log_updated_at';
const groupColumns =
  'id, name, programme_id, plan, professional_leader, peer_leader, room, start_date, weekdays, start_time, notes, colour';

export function toGroupInfo(row: GroupRow): GroupInfo {
  return {
    id: row.id,
    name: row.name,
    programmeId: row.programme_id,
    plan: programmeContentSchema.parse(JSON.parse(row.plan)),
    leaders: { professional: row.professional_leader, peer: row.peer_leader },
    room: row.room,
    startDate: row.start_date,
    weekdays: JSON.parse(row.weekdays) as number[],
    startTime: row.start_time,
    notes: row.notes,
    colour: row.colour,
  };
}

export function readGroup(reader: StudyReader, id: number): GroupInfo {
  const row = reader.query<GroupRow>(`SELECT ${groupColumns} FROM calendar_group WHERE id = ?`).get(id);
  if (!row) throw new GroundworkError('calendar.groupMissing');
  return toGroupInfo(row);
}

export function readAllGroups(reader: StudyReader): GroupInfo[] {
  return reader.query<GroupRow>(`SELECT ${groupColumns} FROM calendar_group ORDER BY start_date, id`).all().map(toGroupInfo);
}

/** A group's sessions in time order (number 1 first). */
export function readSessions(reader: StudyReader, groupId: number): SessionRow[] {
  return reader.query<SessionRow>(`SELECT ${sessionColumns} FROM group_session WHERE group_id = ? ORDER BY starts_at, id`).all(groupId);
}

export function readSession(reader: StudyReader, id: number): SessionRow {
  const row = reader.query<SessionRow>(`SELECT ${sessionColumns} FROM group_session WHERE id = ?`).get(id);
  if (!row) throw new GroundworkError('calendar.sessionMissing');
  return row;
}

/** Every group's sessions that start on a date from `from` to `to` (inclusive). */
export function readSessionsBetween(reader: StudyReader, from: string, to: string): SessionRow[] {
  return reader
    .query<SessionRow>(`SELECT ${sessionColumns} FROM group_session WHERE starts_at >= ? AND starts_at < ? ORDER BY starts_at, id`)
    .all(`${from}T00:00`, `${to}T24:00`);
}

export interface MemberRow {
  id: number;
  group_id: number;
  label: string;
  participant_id: number | null;
  completed_on: string | null;
  pseudonym: string | null;
}

export function readMembers(reader: StudyReader, groupId: number): MemberRow[] {
  return reader
    .query<MemberRow>(
      `SELECT m.id, m.group_id, m.label, m.participant_id, m.completed_on, p.pseudonym
       FROM group_member m LEFT JOIN participant p ON p.id = m.participant_id
       WHERE m.group_id = ? ORDER BY m.label COLLATE NOCASE, m.id`,
    )
    .all(groupId);
}

export function readMember(reader: StudyReader, id: number): MemberRow {
  const row = reader
    .query<MemberRow>(
      `SELECT m.id, m.group_id, m.label, m.participant_id, m.completed_on, p.pseudonym
       FROM group_member m LEFT JOIN participant p ON p.id = m.participant_id WHERE m.id = ?`,
    )
    .get(id);
  if (!row) throw new GroundworkError('calendar.memberMissing');
  return row;
}

/** The effective room of a session: its own, else the group's. */
export function roomOf(session: { room: string }, group: { room: string }): string {
  return session.room.trim() || group.room;
}
