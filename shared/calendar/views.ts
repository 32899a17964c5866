import { addMonths as addMonthsToDate, format, getDaysInMonth, getISOWeek, parseISO } from 'date-fns';
import { studyTimeZone } from '../contract/values.js';
import type { Bilingual, CalendarEntry, Conflict, Session } from './contract.js';
import { colourAt, type GroupColour } from './palette.js';
import { addDays, datePart, isoWeekday, minutesOfDay, mondayOf, timePart } from './schedule.js';

/**
 * The pure part of the calendar's month, week and agenda views (the UI is in
 * renderer/src/features/calendar/): the days a view shows, the grid's keyboard, sessions side by
 * side, and the item each session becomes.
 *
 * Days are `YYYY-MM-DD` strings meaning a day in Europe/Oslo, and times Oslo's `HH:MM`. Whole-day
 * arithmetic (here and in schedule.ts) never looks at a clock, so a view never skips or repeats a
 * day when Norway changes to or from summer time, whatever the machine's zone. Weeks start on
 * Monday, as in Norway.
 */

const pad = (value: number) => String(value).padStart(2, '0');

function toUtc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function fromUtc(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = toUtc(text);
  return !Number.isNaN(date.getTime()) && fromUtc(date) === text;
}

/** Monday 0 … Sunday 6. */
export function weekdayOf(day: string): number {
  return isoWeekday(day) - 1;
}

/** The Monday of the week `day` falls in. */
export const startOfWeek = mondayOf;

/** `YYYY-MM` of a day. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

export function firstOfMonth(month: string): string {
  return `${month}-01`;
}

/** Dates through date-fns work on local midnights, which is exact for whole days in any zone. */
const local = (day: string) => parseISO(day);
const iso = (date: Date) => format(date, 'yyyy-MM-dd');

export function daysInMonth(month: string): number {
  return getDaysInMonth(local(firstOfMonth(month)));
}

/** The same day of the month `count` months later (or earlier), clamped to the month's last day. */
export function addMonths(day: string, count: number): string {
  return iso(addMonthsToDate(local(day), count));
}

/**
 * The weeks a month view shows: from the Monday on or before the 1st to the Sunday on or after the
 * last day, so 4 to 6 rows of 7 days.
 */
export function monthWeeks(month: string): string[][] {
  const first = firstOfMonth(month);
  const last = `${month}-${pad(daysInMonth(month))}`;
  const weeks: string[][] = [];
  for (let monday = startOfWeek(first); monday <= last; monday = addDays(monday, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, index) => addDays(monday, index)));
  }
  return weeks;
}

/** The seven days of the week that holds `day`, Monday first. */
export function weekDays(day: string): string[] {
  const monday = startOfWeek(day);
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

/** The ISO 8601 week number (the one Norwegian calendars print). */
export function isoWeek(day: string): number {
  return getISOWeek(local(day));
}

const osloParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: studyTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The day and the clock time in Oslo at a moment, whatever the machine's own zone. */
export function inOslo(moment: Date): { day: string; time: string } {
  const parts = Object.fromEntries(osloParts.formatToParts(moment).map((part) => [part.type, part.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** Today in Oslo. */
export function osloToday(now: Date = new Date()): string {
  return inOslo(now).day;
}

/** Minutes after midnight to `HH:MM`. */
export function timeOf(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

export function isTime(text: string): boolean {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  return match !== null && Number(match[1]) < 24 && Number(match[2]) < 60;
}

// ── The grid's keyboard ─────────────────────────────────────────────────────────────────────

/**
 * The calendar grid's keyboard model, after the WAI-ARIA date grid: the arrows move a day or a
 * week, Home and End go to the start and end of the week, PageUp and PageDown a month (with Shift,
 * a year). Returns the day to focus, or null when the key is not the grid's.
 */
export function dayAfterKey(day: string, key: string, shiftKey = false): string | null {
  switch (key) {
    case 'ArrowLeft':
      return addDays(day, -1);
    case 'ArrowRight':
      return addDays(day, 1);
    case 'ArrowUp':
      return addDays(day, -7);
    case 'ArrowDown':
      return addDays(day, 7);
    case 'Home':
      return startOfWeek(day);
    case 'End':
      return addDays(startOfWeek(day), 6);
    case 'PageUp':
      return addMonths(day, shiftKey ? -12 : -1);
    case 'PageDown':
      return addMonths(day, shiftKey ? 12 : 1);
    default:
      return null;
  }
}

// ── Sessions side by side in the week ────────────────────────────────────────────────────────

export interface Timed {
  start: string;
  end: string;
}

export interface Placed<T> {
  item: T;
  /** The column this item takes within its cluster of overlapping items, from 0. */
  lane: number;
  /** How many columns its cluster needs. */
  lanes: number;
}

/**
 * Places a day's sessions side by side where they overlap in time, as a calendar does: each cluster
 * of overlapping sessions gets as many columns as it needs at its busiest, and every session the
 * first column free when it starts.
 */
export function placeInLanes<T extends Timed>(items: readonly T[]): Placed<T>[] {
  const sorted = [...items].sort((a, b) => minutesOfDay(a.start) - minutesOfDay(b.start) || minutesOfDay(b.end) - minutesOfDay(a.end));
  const placed: Placed<T>[] = [];
  let cluster: Placed<T>[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -1;
  const close = () => {
    for (const member of cluster) member.lanes = laneEnds.length;
    cluster = [];
    laneEnds = [];
  };
  for (const item of sorted) {
    const start = minutesOfDay(item.start);
    const end = Math.max(minutesOfDay(item.end), start + 1);
    if (start >= clusterEnd) close();
    let lane = laneEnds.findIndex((laneEnd) => laneEnd <= start);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(end);
    } else laneEnds[lane] = end;
    const member = { item, lane, lanes: 1 };
    cluster.push(member);
    placed.push(member);
    clusterEnd = Math.max(clusterEnd, end);
  }
  close();
  return placed;
}

/** The hours a week view shows: office hours, widened to fit every session of the week. */
export function hoursToShow(items: readonly Timed[], from = 8, to = 20): { first: number; last: number } {
  let first = from;
  let last = to;
  for (const item of items) {
    first = Math.min(first, Math.floor(minutesOfDay(item.start) / 60));
    last = Math.max(last, Math.ceil(minutesOfDay(item.end) / 60));
  }
  return { first, last: Math.min(last, 24) };
}

// ── What the views draw ──────────────────────────────────────────────────────────────────────

/**
 * A group's short name for the calendar, shown on every session so that colour is never the only
 * sign of which group it is. A short name (up to 10 characters) is kept as it is; a longer one
 * becomes its words' initials followed by any number in it ("reSTART Fjordvik 2" → "RF 2").
 */
export function shortNameOf(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length <= 10) return trimmed;
  const words = trimmed.split(/[\s\-–_/]+/).filter(Boolean);
  const initials = words
    .filter((word) => !/^\d+$/.test(word))
    .map((word) => word.charAt(0).toUpperCase())
    .join('');
  const numbers = words.filter((word) => /^\d+$/.test(word)).join('');
  return `${initials}${numbers ? ` ${numbers.slice(-4)}` : ''}`.slice(0, 10);
}

/**
 * What the month, week and agenda views draw: one session of one group, in Oslo time, its texts in
 * the researcher's language. The views take these, built from what the core answers.
 */
export interface CalendarItem {
  sessionId: number;
  groupId: number;
  groupName: string;
  groupShort: string;
  colour: GroupColour;
  /** The day in Oslo, `YYYY-MM-DD`. */
  day: string;
  /** Oslo clock times, `HH:MM`. */
  start: string;
  end: string;
  /** The session's number in its course, from 1. */
  number: number;
  of: number;
  theme: string | null;
  room: string;
  leaders: string[];
  /** Each conflict already in words, such as "Public holiday: Easter Monday". */
  conflicts: string[];
}

/** Where a session was dropped or asked to go: a day, and a time when the view has one. */
export interface MoveRequest {
  entry: CalendarItem;
  day: string;
  start: string;
}

/** The entries of each day, in order of starting time; built once per list for the views. */
export function entriesByDay(entries: readonly CalendarItem[]): Map<string, CalendarItem[]> {
  const byDay = new Map<string, CalendarItem[]>();
  for (const entry of entries) {
    const list = byDay.get(entry.day);
    if (list) list.push(entry);
    else byDay.set(entry.day, [entry]);
  }
  for (const list of byDay.values()) list.sort((a, b) => a.start.localeCompare(b.start) || a.groupShort.localeCompare(b.groupShort));
  return byDay;
}

/** The parts of a `YYYY-MM-DDTHH:MM` Oslo time. */
export function splitLocal(dateTime: string): { day: string; time: string } {
  return { day: datePart(dateTime), time: timePart(dateTime) };
}

/** A leader pair as a list, without an empty peer worker. */
export function leaderNames(leaders: { professional: string; peer: string }): string[] {
  return [leaders.professional, leaders.peer].filter((name) => name.trim() !== '');
}

export interface ItemTexts {
  conflict: (conflict: Conflict) => string;
  bilingual: (text: Bilingual) => string;
}

/** What the views need of a session's group. */
export interface ItemGroup {
  id: number;
  name: string;
  colour: number;
  room: string;
  leaders: { professional: string; peer: string };
}

/** The views' item for one session of a group that has `of` sessions. */
export function itemOf(session: Session, group: ItemGroup, of: number, texts: ItemTexts): CalendarItem {
  const start = splitLocal(session.startsAt);
  return {
    sessionId: session.id,
    groupId: group.id,
    groupName: group.name,
    groupShort: shortNameOf(group.name),
    colour: colourAt(group.colour),
    day: start.day,
    start: start.time,
    end: splitLocal(session.endsAt).time,
    number: session.number,
    of,
    theme: session.theme ? texts.bilingual(session.theme) : null,
    room: session.room || group.room,
    leaders: leaderNames(group.leaders),
    conflicts: session.conflicts.map(texts.conflict),
  };
}

/** The views' item for a session the core listed for the calendar. */
export function itemFrom(entry: CalendarEntry, texts: ItemTexts): CalendarItem {
  return itemOf(entry, { id: entry.groupId, name: entry.groupName, colour: entry.colour, room: entry.groupRoom, leaders: entry.leaders }, entry.sessionCount, texts);
}
