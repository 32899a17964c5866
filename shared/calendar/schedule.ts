import type { Cadence, ProgrammeContent, TalkTiming } from './contract.js';

/**
 * Calendar arithmetic on dates written `YYYY-MM-DD` and local times `YYYY-MM-DDTHH:MM` (wall clock
 * in Europe/Oslo). Dates carry no zone, so adding days is exact whatever the clocks do; the core
 * converts to instants only where it must (see main/core/calendar/time.ts).
 */

function utcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function isoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const value = utcDate(date);
  value.setUTCDate(value.getUTCDate() + days);
  return isoDate(value);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcDate(to).getTime() - utcDate(from).getTime()) / 86_400_000);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = utcDate(date).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the week `date` falls in. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

export function datePart(localDateTime: string): string {
  return localDateTime.slice(0, 10);
}

export function timePart(localDateTime: string): string {
  return localDateTime.slice(11, 16);
}

export function minutesOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** How many group sessions the cadence gives (for fixed dates: all of them). */
export function cadenceSessionCount(cadence: Cadence): number {
  switch (cadence.kind) {
    case 'weekly':
      return cadence.weeks * cadence.perWeek;
    case 'interval':
      return cadence.sessions;
    case 'fixedDates':
      return cadence.dates.length;
  }
}

/**
 * The themes, in the leaders' order, spread over `count` sessions in blocks as even as possible
 * (six themes over sixteen sessions: 3, 3, 2, 3, 3, 2). With no themes every session has none.
 */
export function spreadThemes(order: readonly string[], count: number): (string | null)[] {
  if (order.length === 0) return Array.from({ length: count }, () => null);
  return Array.from({ length: count }, (_, index) => order[Math.floor((index * order.length) / count)] ?? null);
}

export interface GeneratedSession {
  startsAt: string;
  minutes: number;
  themeKey: string | null;
}

export interface ScheduleChoice {
  startDate: string;
  /** For a weekly cadence: the weekdays chosen (1 = Monday), as many as sessions a week. */
  weekdays: readonly number[];
  startTime: string;
}

/** Whether the weekdays chosen fit the cadence: for a weekly one, exactly `perWeek` distinct days. */
export function weekdaysFit(cadence: Cadence, weekdays: readonly number[]): boolean {
  if (cadence.kind !== 'weekly') return true;
  return weekdays.length === cadence.perWeek && new Set(weekdays).size === weekdays.length;
}

/** The dates of the first `count` of the weekly slots on or after `from`. */
export function weeklyDates(weekdays: readonly number[], from: string, count: number): string[] {
  const days = new Set(weekdays);
  const dates: string[] = [];
  if (days.size === 0) return dates;
  for (let date = from; dates.length < count; date = addDays(date, 1)) {
    if (days.has(isoWeekday(date))) dates.push(date);
  }
  return dates;
}

/** The session dates a cadence gives from a start date. */
export function cadenceDates(cadence: Cadence, startDate: string, weekdays: readonly number[]): string[] {
  switch (cadence.kind) {
    case 'weekly':
      return weeklyDates(weekdays, startDate, cadence.weeks * cadence.perWeek);
    case 'interval':
      return Array.from({ length: cadence.sessions }, (_, index) => addDays(startDate, index * cadence.everyDays));
    case 'fixedDates':
      return [...cadence.dates].sort().filter((date) => date >= startDate);
  }
}

/** A group's schedule as the programme gives it: dates from the cadence, the programme's length, the themes spread in order. */
export function generateSchedule(plan: ProgrammeContent, choice: ScheduleChoice): GeneratedSession[] {
  const dates = cadenceDates(plan.cadence, choice.startDate, choice.weekdays);
  const themes = spreadThemes(
    plan.themes.map((theme) => theme.key),
    dates.length,
  );
  return dates.map((date, index) => ({ startsAt: `${date}T${choice.startTime}`, minutes: plan.sessionMinutes, themeKey: themes[index] ?? null }));
}

/**
 * The window an individual talk should fall in, from the group's first and last session dates:
 * before the start (by the day before the first session), in week N of the course (Monday to
 * Sunday, week 1 holding the first session), or about N weeks after the last session (two weeks
 * either side).
 */
export function talkWindow(timing: TalkTiming, firstDate: string | null, lastDate: string | null): { from: string | null; by: string | null } {
  switch (timing.kind) {
    case 'beforeStart':
      return { from: null, by: firstDate ? addDays(firstDate, -1) : null };
    case 'inWeek': {
      if (!firstDate) return { from: null, by: null };
      const monday = addDays(mondayOf(firstDate), (timing.week - 1) * 7);
      return { from: monday, by: addDays(monday, 6) };
    }
    case 'afterEnd': {
      if (!lastDate) return { from: null, by: null };
      const target = addDays(lastDate, timing.weeks * 7);
      return { from: addDays(target, -14), by: addDays(target, 14) };
    }
  }
}
