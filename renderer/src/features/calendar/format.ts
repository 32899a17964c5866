import { firstOfMonth } from '../../../../shared/calendar/views.js';
import { useFormat } from '../../i18n/index.js';

/** A day's formats in one language; made once per language, as Intl formatters are costly to make. */
function makeFormat(locale: string) {
  const make = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  const formats = {
    long: make({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
    medium: make({ weekday: 'short', day: 'numeric', month: 'short' }),
    date: make({ day: 'numeric', month: 'long', year: 'numeric' }),
    shortDate: make({ day: 'numeric', month: 'short', year: 'numeric' }),
    dayMonth: make({ day: 'numeric', month: 'short' }),
    weekdayShort: make({ weekday: 'short' }),
    weekdayLong: make({ weekday: 'long' }),
    month: make({ month: 'long', year: 'numeric' }),
    dayNumber: make({ day: 'numeric' }),
  };
  const at = (day: string) => new Date(`${day}T00:00:00Z`);
  const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  return {
    locale,
    /** "Tuesday 23 March 2027" / "tirsdag 23. mars 2027" */
    longDay: (day: string) => formats.long.format(at(day)),
    /** The same, starting with a capital letter, for a heading: "Tirsdag 23. mars 2027". */
    dayHeading: (day: string) => sentence(formats.long.format(at(day))),
    /** "Tue 23 Mar" */
    mediumDay: (day: string) => formats.medium.format(at(day)),
    /** "23 March 2027" */
    date: (day: string) => formats.date.format(at(day)),
    shortDate: (day: string) => formats.shortDate.format(at(day)),
    dayMonth: (day: string) => formats.dayMonth.format(at(day)),
    weekdayShort: (day: string) => formats.weekdayShort.format(at(day)),
    weekdayLong: (day: string) => sentence(formats.weekdayLong.format(at(day))),
    /** "March 2027" / "Mars 2027" */
    month: (month: string) => sentence(formats.month.format(at(firstOfMonth(month)))),
    dayNumber: (day: string) => formats.dayNumber.format(at(day)),
  };
}

export type CalendarFormat = ReturnType<typeof makeFormat>;
const byLocale = new Map<string, CalendarFormat>();

/**
 * Days and months in the user's language. A day (`YYYY-MM-DD`) is already Oslo's day, so it is
 * formatted at UTC midnight with the zone set to UTC: it never shows as the day before. Clock times
 * are Oslo's `HH:MM` and shown as they are (both languages use the 24-hour clock).
 */
export function useCalendarFormat(): CalendarFormat {
  const { locale } = useFormat();
  let format = byLocale.get(locale);
  if (!format) {
    format = makeFormat(locale);
    byLocale.set(locale, format);
  }
  return format;
}
