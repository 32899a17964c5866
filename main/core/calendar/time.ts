import { TZDate } from '@date-fns/tz';
import { GroundworkError } from '../../../shared/contract/errors.js';
import { studyTimeZone } from '../../../shared/contract/values.js';

/**
 * Local times in Europe/Oslo and the instants they stand for. Sessions are stored as wall-clock
 * times (`YYYY-MM-DDTHH:MM`); this is the one place that turns them into instants, with the zone
 * rules from @date-fns/tz (the platform's time-zone data through Intl).
 *
 * - A time in the hour skipped on the last Sunday of March (02:00–02:59) does not exist: refused.
 * - A time in the hour that happens twice on the last Sunday of October is read as the second
 *   one (winter time); a session at 02:30 at night is not something a group plans.
 */

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function parts(localDateTime: string): Parts {
  return {
    year: Number(localDateTime.slice(0, 4)),
    month: Number(localDateTime.slice(5, 7)),
    day: Number(localDateTime.slice(8, 10)),
    hour: Number(localDateTime.slice(11, 13)),
    minute: Number(localDateTime.slice(14, 16)),
  };
}

const pad = (value: number) => String(value).padStart(2, '0');

function format(date: TZDate): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Whether the wall-clock time exists in Oslo (and the date is a real calendar date). */
export function localTimeExists(localDateTime: string): boolean {
  const p = parts(localDateTime);
  const date = new TZDate(p.year, p.month - 1, p.day, p.hour, p.minute, studyTimeZone);
  return format(date) === localDateTime;
}

/** Refuses a time that does not exist in Oslo (`calendar.timeInvalid`). */
export function requireLocalTime(localDateTime: string): string {
  if (!localTimeExists(localDateTime)) throw new GroundworkError('calendar.timeInvalid');
  return localDateTime;
}

function zonedInstant(localDateTime: string): number {
  const p = parts(localDateTime);
  return new TZDate(p.year, p.month - 1, p.day, p.hour, p.minute, studyTimeZone).getTime();
}

/**
 * Oslo's offset from UTC at the first and the last minute of a date (minutes, as getTimezoneOffset
 * gives them: -60 in winter, -120 in summer). They differ only on the two days a year the clocks
 * change. Kept per date: building a zoned date is slow (tens of microseconds), and a month view
 * turns hundreds of sessions into instants.
 */
const offsetsByDate = new Map<string, { first: number; last: number }>();

function offsetsOn(date: string): { first: number; last: number } {
  let offsets = offsetsByDate.get(date);
  if (!offsets) {
    const p = parts(`${date}T00:00`);
    offsets = {
      first: new TZDate(p.year, p.month - 1, p.day, 0, 0, studyTimeZone).getTimezoneOffset(),
      last: new TZDate(p.year, p.month - 1, p.day, 23, 59, studyTimeZone).getTimezoneOffset(),
    };
    offsetsByDate.set(date, offsets);
  }
  return offsets;
}

/** The instant (ms since the epoch) of a wall-clock time in Oslo. */
export function instantOf(localDateTime: string): number {
  const offsets = offsetsOn(localDateTime.slice(0, 10));
  if (offsets.first !== offsets.last) return zonedInstant(localDateTime);
  const p = parts(localDateTime);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) + offsets.first * 60_000;
}

/** The wall-clock time in Oslo at an instant. */
export function localAt(instant: number): string {
  return format(new TZDate(instant, studyTimeZone));
}

/**
 * When a session that starts at `localDateTime` and lasts `minutes` ends, on the wall clock. Two
 * hours from 01:00 on the night summer time begins end at 04:00, not 03:00.
 */
export function localEnd(localDateTime: string, minutes: number): string {
  const offsets = offsetsOn(localDateTime.slice(0, 10));
  const p = parts(localDateTime);
  const end = p.hour * 60 + p.minute + minutes;
  // On an ordinary day, a session that ends the same day ends where the wall clock says.
  if (offsets.first === offsets.last && end < 24 * 60) return `${localDateTime.slice(0, 11)}${pad(Math.floor(end / 60))}:${pad(end % 60)}`;
  return localAt(instantOf(localDateTime) + minutes * 60_000);
}

/** Today's date in Oslo. */
export function todayInOslo(now = new Date()): string {
  return localAt(now.getTime()).slice(0, 10);
}
