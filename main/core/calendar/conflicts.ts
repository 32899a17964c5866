import type { Conflict } from '../../../shared/calendar/contract.js';
import { addDays, datePart, isoWeekday, minutesOfDay, timePart } from '../../../shared/calendar/schedule.js';
import type { StudyReader } from '../db/connection.js';
import { holidayOn } from './holidays.js';
import { readSessionsBetween, roomOf, type GroupInfo, type SessionRow } from './store.js';
import { instantOf, localEnd } from './time.js';

/**
 * Why a session is flagged: a Norwegian public holiday, a weekend, outside the programme's usual
 * hours, a leader who is in another group's session at the same time, or a room that is. Nothing
 * is stored: conflicts are worked out whenever sessions are shown, so they always follow the
 * calendar as it is.
 */

/** A session, or a session as it would be after a move, to check. */
export interface Slot {
  id: number;
  groupId: number;
  startsAt: string;
  minutes: number;
  room: string;
}

/** Leader names compared without case and extra spaces ("Kari  Nordmann" is "kari nordmann"). */
function leaderKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nb');
}

function leaderKeys(group: GroupInfo): string[] {
  return [group.leaders.professional, group.leaders.peer].map(leaderKey).filter((key) => key.length > 0);
}

interface Timed {
  slot: Slot;
  from: number;
  to: number;
}

function timed(slot: Slot): Timed {
  const from = instantOf(slot.startsAt);
  return { slot, from, to: from + slot.minutes * 60_000 };
}

/** The conflicts that come from the session alone: holiday, weekend, usual hours. */
export function ownConflicts(slot: Slot, group: GroupInfo): Conflict[] {
  const conflicts: Conflict[] = [];
  const date = datePart(slot.startsAt);
  const holiday = holidayOn(date);
  if (holiday) conflicts.push({ kind: 'holiday', date, holiday });
  if (isoWeekday(date) >= 6) conflicts.push({ kind: 'weekend', date });
  const { from, to } = group.plan.usualHours;
  const start = minutesOfDay(timePart(slot.startsAt));
  const end = localEnd(slot.startsAt, slot.minutes);
  const endsLater = datePart(end) !== date || minutesOfDay(timePart(end)) > minutesOfDay(to);
  if (start < minutesOfDay(from) || endsLater) conflicts.push({ kind: 'outsideUsualHours', usualFrom: from, usualTo: to });
  return conflicts;
}

/**
 * Conflicts for `slots`, checked against `others` (sessions of every group around the same days).
 * A slot never conflicts with itself, nor with its own group's sessions (a group does not double-book
 * its own leaders by meeting twice; moving one session onto another is visible in the group itself).
 */
export function conflictsFor(
  slots: readonly Slot[],
  others: readonly Slot[],
  groups: ReadonlyMap<number, GroupInfo>,
): Map<number, Conflict[]> {
  const byDate = new Map<string, Timed[]>();
  for (const other of others) {
    const date = datePart(other.startsAt);
    let list = byDate.get(date);
    if (!list) byDate.set(date, (list = []));
    list.push(timed(other));
  }
  const result = new Map<number, Conflict[]>();
  for (const slot of slots) {
    const group = groups.get(slot.groupId);
    if (!group) continue;
    const conflicts = ownConflicts(slot, group);
    const mine = timed(slot);
    const myLeaders = leaderKeys(group);
    const myRoom = leaderKey(slot.room);
    const date = datePart(slot.startsAt);
    const candidates = [...(byDate.get(addDays(date, -1)) ?? []), ...(byDate.get(date) ?? []), ...(byDate.get(addDays(date, 1)) ?? [])];
    for (const other of candidates) {
      if (other.slot.id === slot.id || other.slot.groupId === slot.groupId) continue;
      if (!(other.from < mine.to && mine.from < other.to)) continue;
      const otherGroup = groups.get(other.slot.groupId);
      if (!otherGroup) continue;
      const theirs = new Set(leaderKeys(otherGroup));
      const shared = [group.leaders.professional, group.leaders.peer].find((name) => name.trim() && theirs.has(leaderKey(name)));
      if (shared !== undefined && myLeaders.length > 0) {
        conflicts.push({
          kind: 'leaderDoubleBooked',
          leader: shared.trim(),
          otherSessionId: other.slot.id,
          otherGroupId: otherGroup.id,
          otherGroupName: otherGroup.name,
        });
      }
      if (myRoom && leaderKey(other.slot.room) === myRoom) {
        conflicts.push({ kind: 'roomDoubleBooked', room: slot.room, otherSessionId: other.slot.id, otherGroupId: otherGroup.id, otherGroupName: otherGroup.name });
      }
    }
    result.set(slot.id, conflicts);
  }
  return result;
}

export function slotOf(row: SessionRow, group: GroupInfo): Slot {
  return { id: row.id, groupId: row.group_id, startsAt: row.starts_at, minutes: row.minutes, room: roomOf(row, group) };
}

/** Every group's sessions from the day before `from` to the day after `to`, as slots to compare with. */
export function slotsAround(reader: StudyReader, from: string, to: string, groups: ReadonlyMap<number, GroupInfo>): Slot[] {
  return readSessionsBetween(reader, addDays(from, -1), addDays(to, 1)).flatMap((row) => {
    const group = groups.get(row.group_id);
    return group ? [slotOf(row, group)] : [];
  });
}
