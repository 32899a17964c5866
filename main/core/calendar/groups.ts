import type {
  CalendarEntry,
  Conflict,
  CreateGroup,
  GroupDetail,
  GroupSummary,
  MoveSession,
  Session,
} from '../../../shared/calendar/contract.js';
import { addDays, datePart, daysBetween, generateSchedule, timePart, weekdaysFit, weeklyDates } from '../../../shared/calendar/schedule.js';
import { GroundworkError } from '../../../shared/contract/errors.js';
import { recordAudit } from '../audit/audit.js';
import type { StudyReader, StudyWriter } from '../db/connection.js';
import { conflictsFor, slotOf, slotsAround, type Slot } from './conflicts.js';
import { memberDetails, syncCompletion, talksOf } from './members.js';
import { readProgramme } from './programmes.js';
import { readAllGroups, readGroup, readSession, readSessions, readSessionsBetween, type GroupInfo, type SessionRow } from './store.js';
import { localEnd, requireLocalTime } from './time.js';

/** How many colours the calendar views have (renderer/src/features/calendar/palette.ts). */
const colourCount = 10;

// ── Reading ─────────────────────────────────────────────────────────────────────────────────

interface Counts {
  sessions: number;
  members: number;
  lastStart: string | null;
}

function countsByGroup(reader: StudyReader): Map<number, Counts> {
  const counts = new Map<number, Counts>();
  for (const row of reader
    .query<{ id: number; sessions: number; members: number; last_start: string | null }>(
      `SELECT g.id,
        (SELECT count(*) FROM group_session s WHERE s.group_id = g.id) AS sessions,
        (SELECT count(*) FROM group_member m WHERE m.group_id = g.id) AS members,
        (SELECT max(starts_at) FROM group_session s WHERE s.group_id = g.id) AS last_start
       FROM calendar_group g`,
    )
    .iterate()) {
    counts.set(row.id, { sessions: row.sessions, members: row.members, lastStart: row.last_start });
  }
  return counts;
}

function summaryOf(group: GroupInfo, counts: Counts | undefined): GroupSummary {
  return {
    id: group.id,
    name: group.name,
    programmeId: group.programmeId,
    programmeName: group.plan.name,
    leaders: group.leaders,
    room: group.room,
    startDate: group.startDate,
    endDate: counts?.lastStart ? datePart(counts.lastStart) : null,
    colour: group.colour,
    sessionCount: counts?.sessions ?? 0,
    memberCount: counts?.members ?? 0,
    capacity: group.plan.capacity.max,
  };
}

export function listGroups(reader: StudyReader): GroupSummary[] {
  const counts = countsByGroup(reader);
  return readAllGroups(reader).map((group) => summaryOf(group, counts.get(group.id)));
}

function attendanceCounts(reader: StudyReader, groupId: number): Map<number, { recorded: number; present: number }> {
  const counts = new Map<number, { recorded: number; present: number }>();
  for (const row of reader
    .query<{ session_id: number; recorded: number; present: number }>(
      `SELECT a.session_id, count(*) AS recorded, sum(a.status = 'present') AS present
       FROM group_attendance a JOIN group_session s ON s.id = a.session_id
       WHERE s.group_id = ? GROUP BY a.session_id`,
    )
    .iterate(groupId)) {
    counts.set(row.session_id, { recorded: row.recorded, present: row.present });
  }
  return counts;
}

/** A session as the contract shows it; `number` is its place in time within its group. */
export function toSession(
  row: SessionRow,
  number: number,
  group: GroupInfo,
  conflicts: Conflict[],
  attendance: { recorded: number; present: number } | undefined,
): Session {
  const theme = row.theme_key ? (group.plan.themes.find((candidate) => candidate.key === row.theme_key)?.name ?? null) : null;
  return {
    id: row.id,
    groupId: row.group_id,
    number,
    startsAt: row.starts_at,
    endsAt: localEnd(row.starts_at, row.minutes),
    minutes: row.minutes,
    room: row.room,
    themeKey: row.theme_key,
    theme,
    themeNotes: row.theme_notes,
    conflicts,
    attendance: attendance ?? { recorded: 0, present: 0 },
    hasLog: row.log_updated_at !== null,
  };
}

/** A group's sessions with their conflicts (checked against every group around the same days). */
export function groupSessions(reader: StudyReader, group: GroupInfo, rows = readSessions(reader, group.id)): Session[] {
  if (rows.length === 0) return [];
  const groups = new Map(readAllGroups(reader).map((candidate) => [candidate.id, candidate]));
  groups.set(group.id, group);
  const others = slotsAround(reader, datePart(rows[0]!.starts_at), datePart(rows.at(-1)!.starts_at), groups);
  const conflicts = conflictsFor(
    rows.map((row) => slotOf(row, group)),
    others,
    groups,
  );
  const attendance = attendanceCounts(reader, group.id);
  return rows.map((row, index) => toSession(row, index + 1, group, conflicts.get(row.id) ?? [], attendance.get(row.id)));
}

export function groupDetail(reader: StudyReader, id: number): GroupDetail {
  const group = readGroup(reader, id);
  const rows = readSessions(reader, id);
  const sessions = groupSessions(reader, group, rows);
  const members = memberDetails(reader, group, rows);
  const { talks, talksDue } = talksOf(reader, group, rows);
  const counts = countsByGroup(reader).get(id);
  return {
    group: summaryOf(group, counts),
    plan: group.plan,
    weekdays: group.weekdays,
    startTime: group.startTime,
    notes: group.notes,
    sessions,
    members,
    talks,
    talksDue,
    attendanceComplete: members.length > 0 && sessions.length > 0 && members.every((member) => member.progress.unrecorded === 0),
  };
}

/**
 * Every group's sessions between two dates, each with its group's name, colour, leaders and its
 * conflicts: what the month, week and agenda views show.
 */
export function sessionsInRange(reader: StudyReader, from: string, to: string): { entries: CalendarEntry[]; groups: GroupSummary[] } {
  const allGroups = readAllGroups(reader);
  const groups = new Map(allGroups.map((group) => [group.id, group]));
  const rows = readSessionsBetween(reader, from, to);
  const others = slotsAround(reader, from, to, groups);
  const slots = rows.flatMap((row) => {
    const group = groups.get(row.group_id);
    return group ? [slotOf(row, group)] : [];
  });
  const conflicts = conflictsFor(slots, others, groups);
  // Numbers and attendance for the groups in range: one pass over those groups' sessions.
  const groupIds = [...new Set(rows.map((row) => row.group_id))];
  const numbers = new Map<number, number>();
  const sessionCounts = new Map<number, number>();
  const attendance = new Map<number, { recorded: number; present: number }>();
  for (const groupId of groupIds) {
    const ordered = readSessions(reader, groupId);
    ordered.forEach((row, index) => numbers.set(row.id, index + 1));
    sessionCounts.set(groupId, ordered.length);
    for (const [sessionId, counts] of attendanceCounts(reader, groupId)) attendance.set(sessionId, counts);
  }
  const counts = countsByGroup(reader);
  const entries = rows.flatMap((row): CalendarEntry[] => {
    const group = groups.get(row.group_id);
    if (!group) return [];
    return [
      {
        ...toSession(row, numbers.get(row.id) ?? 0, group, conflicts.get(row.id) ?? [], attendance.get(row.id)),
        groupName: group.name,
        colour: group.colour,
        leaders: group.leaders,
        groupRoom: group.room,
        sessionCount: sessionCounts.get(group.id) ?? 0,
      },
    ];
  });
  return { entries, groups: allGroups.map((group) => summaryOf(group, counts.get(group.id))) };
}

// ── Creating and changing groups ────────────────────────────────────────────────────────────

/** The colour used by the fewest groups (the lowest such), so neighbours in the calendar differ. */
function nextColour(reader: StudyReader): number {
  const used = new Array<number>(colourCount).fill(0);
  for (const row of reader.query<{ colour: number }>('SELECT colour FROM calendar_group').iterate()) {
    used[row.colour % colourCount]! += 1;
  }
  const least = Math.min(...used);
  return used.indexOf(least);
}

const insertSessionSql =
  'INSERT INTO group_session (group_id, starts_at, minutes, theme_key, created_at) VALUES (?, ?, ?, ?, ?)';

/** Makes a group from a programme: a copy of the programme as its plan, and the schedule it gives. */
export function createGroup(writer: StudyWriter, input: CreateGroup, now = new Date()): number {
  const programme = readProgramme(writer, input.programmeId);
  const plan = programme.content;
  const weekdays = plan.cadence.kind === 'weekly' ? [...input.weekdays].sort((a, b) => a - b) : [];
  if (!weekdaysFit(plan.cadence, weekdays)) throw new GroundworkError('calendar.weekdaysMismatch');
  const startTime = input.startTime ?? plan.startTime;
  const schedule = generateSchedule(plan, { startDate: input.startDate, weekdays, startTime });
  if (schedule.length === 0) throw new GroundworkError('calendar.noSessions');
  for (const session of schedule) requireLocalTime(session.startsAt);
  const at = now.toISOString();
  const groupId = Number(
    writer
      .statement(
        `INSERT INTO calendar_group (name, programme_id, plan, professional_leader, peer_leader, room, start_date, weekdays, start_time, notes, colour, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.name.trim(),
        programme.id,
        JSON.stringify(plan),
        input.leaders.professional.trim(),
        input.leaders.peer.trim(),
        input.room.trim(),
        input.startDate,
        JSON.stringify(weekdays),
        startTime,
        input.notes ?? '',
        nextColour(writer),
        at,
      ).lastInsertRowid,
  );
  const insert = writer.statement(insertSessionSql);
  for (const session of schedule) insert.run(groupId, session.startsAt, session.minutes, session.themeKey, at);
  recordAudit(writer, 'calendar.groupCreated', { groupId, programmeId: programme.id, sessions: schedule.length }, now);
  return groupId;
}

export function updateGroup(
  writer: StudyWriter,
  input: { id: number; name: string; leaders: { professional: string; peer: string }; room: string; notes: string },
  now = new Date(),
): void {
  readGroup(writer, input.id);
  writer
    .statement('UPDATE calendar_group SET name = ?, professional_leader = ?, peer_leader = ?, room = ?, notes = ? WHERE id = ?')
    .run(input.name.trim(), input.leaders.professional.trim(), input.leaders.peer.trim(), input.room.trim(), input.notes, input.id);
  recordAudit(writer, 'calendar.groupChanged', { groupId: input.id }, now);
}

/** Deletes the group; its sessions, members and everything about them go with it (the foreign keys cascade). */
export function deleteGroup(writer: StudyWriter, id: number, now = new Date()): { sessions: number; members: number } {
  readGroup(writer, id);
  const counts = countsByGroup(writer).get(id) ?? { sessions: 0, members: 0 };
  // Take back what the group wrote to linked participants' "group completed".
  for (const member of writer.query<{ id: number }>('SELECT id FROM group_member WHERE group_id = ?').all(id)) {
    syncCompletion(writer, member.id, null, now);
  }
  writer.statement('DELETE FROM calendar_group WHERE id = ?').run(id);
  recordAudit(writer, 'calendar.groupDeleted', { groupId: id, sessions: counts.sessions, members: counts.members }, now);
  return { sessions: counts.sessions, members: counts.members };
}

// ── Themes and the schedule ─────────────────────────────────────────────────────────────────

/** Sets every session's theme in time order; `null` is a session without a theme. */
export function setThemes(writer: StudyWriter, groupId: number, themes: readonly (string | null)[], now = new Date()): void {
  const group = readGroup(writer, groupId);
  const rows = readSessions(writer, groupId);
  const known = new Set(group.plan.themes.map((theme) => theme.key));
  if (themes.length !== rows.length || themes.some((key) => key !== null && !known.has(key))) {
    throw new GroundworkError('calendar.themesMismatch');
  }
  const update = writer.statement('UPDATE group_session SET theme_key = ? WHERE id = ?');
  rows.forEach((row, index) => update.run(themes[index] ?? null, row.id));
  recordAudit(writer, 'calendar.scheduleChanged', { groupId, themes: themes.filter(Boolean).length }, now);
}

/**
 * Puts the themes back in their order after sessions have moved: the theme sequence as it was
 * (`before`, in the old time order) is laid over the sessions in their new time order, so moving
 * session 5 after session 6 swaps their times and not what they are about.
 */
function keepThemeOrder(writer: StudyWriter, groupId: number, before: readonly (string | null)[]): void {
  const rows = readSessions(writer, groupId);
  const update = writer.statement('UPDATE group_session SET theme_key = ? WHERE id = ?');
  rows.forEach((row, index) => {
    const theme = before[index] ?? null;
    if (row.theme_key !== theme) update.run(theme, row.id);
  });
}

/**
 * Where each following session goes when a session moves with `shift: 'following'`. In a weekly
 * programme they take the group's next weekly slots after the moved session, one each, so the
 * rhythm (say Tuesday and Thursday) is kept and the course grows by as many slots as it slipped;
 * otherwise they move by the same number of days. Each keeps its own time of day.
 */
function shiftedStarts(group: GroupInfo, moved: { from: string; to: string }, following: readonly SessionRow[]): string[] {
  if (group.plan.cadence.kind === 'weekly' && group.weekdays.length > 0) {
    const dates = weeklyDates(group.weekdays, addDays(datePart(moved.to), 1), following.length);
    return following.map((row, index) => `${dates[index]}T${timePart(row.starts_at)}`);
  }
  const days = daysBetween(datePart(moved.from), datePart(moved.to));
  return following.map((row) => `${addDays(datePart(row.starts_at), days)}T${timePart(row.starts_at)}`);
}

/** The planned changes of a move: the session itself, and the following ones when they shift. */
function plannedMove(reader: StudyReader, input: MoveSession): { group: GroupInfo; rows: SessionRow[]; moves: Map<number, string> } {
  const session = readSession(reader, input.id);
  const group = readGroup(reader, session.group_id);
  const rows = readSessions(reader, group.id);
  const moves = new Map<number, string>([[session.id, requireLocalTime(input.startsAt)]]);
  if (input.shift === 'following') {
    const index = rows.findIndex((row) => row.id === session.id);
    const following = rows.slice(index + 1);
    shiftedStarts(group, { from: session.starts_at, to: input.startsAt }, following).forEach((startsAt, position) => {
      moves.set(following[position]!.id, requireLocalTime(startsAt));
    });
  }
  return { group, rows, moves };
}

export function moveSession(writer: StudyWriter, input: MoveSession, now = new Date()): number {
  const { group, rows, moves } = plannedMove(writer, input);
  const themesBefore = rows.map((row) => row.theme_key);
  const update = writer.statement('UPDATE group_session SET starts_at = ? WHERE id = ?');
  for (const [id, startsAt] of moves) update.run(startsAt, id);
  if (input.minutes !== undefined) writer.statement('UPDATE group_session SET minutes = ? WHERE id = ?').run(input.minutes, input.id);
  keepThemeOrder(writer, group.id, themesBefore);
  syncGroupCompletion(writer, group.id, now);
  recordAudit(writer, 'calendar.scheduleChanged', { groupId: group.id, sessionId: input.id, moved: moves.size }, now);
  return group.id;
}

/** What a session would be flagged for at another time, without moving it. */
export function checkMove(reader: StudyReader, input: { id: number; startsAt: string; minutes?: number | undefined }): Conflict[] {
  const session = readSession(reader, input.id);
  const groups = new Map(readAllGroups(reader).map((group) => [group.id, group]));
  const group = groups.get(session.group_id)!;
  const startsAt = requireLocalTime(input.startsAt);
  const slot: Slot = { ...slotOf(session, group), startsAt, minutes: input.minutes ?? session.minutes };
  const date = datePart(startsAt);
  const others = slotsAround(reader, date, date, groups);
  return conflictsFor([slot], others, groups).get(session.id) ?? [];
}

export function addSession(writer: StudyWriter, input: { groupId: number; startsAt: string; minutes: number }, now = new Date()): void {
  readGroup(writer, input.groupId);
  writer.statement(insertSessionSql).run(input.groupId, requireLocalTime(input.startsAt), input.minutes, null, now.toISOString());
  syncGroupCompletion(writer, input.groupId, now);
  recordAudit(writer, 'calendar.scheduleChanged', { groupId: input.groupId, added: 1 }, now);
}

/** Removes a session with its attendance, log and log notes (cascade); the others keep their themes. */
export function removeSession(writer: StudyWriter, id: number, now = new Date()): number {
  const session = readSession(writer, id);
  writer.statement('DELETE FROM group_session WHERE id = ?').run(id);
  syncGroupCompletion(writer, session.group_id, now);
  recordAudit(writer, 'calendar.scheduleChanged', { groupId: session.group_id, removed: 1 }, now);
  return session.group_id;
}

export function setSessionRoom(writer: StudyWriter, id: number, room: string): void {
  readSession(writer, id);
  writer.statement('UPDATE group_session SET room = ? WHERE id = ?').run(room.trim(), id);
}

/** Recomputes every member's completion after the schedule changed (a session added or removed). */
export function syncGroupCompletion(writer: StudyWriter, groupId: number, now = new Date()): void {
  const group = readGroup(writer, groupId);
  const rows = readSessions(writer, groupId);
  for (const member of memberDetails(writer, group, rows)) syncCompletion(writer, member.id, member.progress.completedOn, now);
}
