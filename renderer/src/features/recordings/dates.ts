import { useFormat } from '../../i18n/index.js';

/**
 * Calendar dates (`YYYY-MM-DD`) in the user's language, through the app's `useFormat()`. A calendar
 * date has no time zone: it is formatted as UTC so it never shows as the day before.
 */
export function useDates() {
  const { locale } = useFormat();
  const long = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const medium = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  function format(iso: string, formatter: Intl.DateTimeFormat): string {
    const parsed = new Date(`${iso}T00:00:00Z`);
    return Number.isNaN(parsed.getTime()) ? iso : formatter.format(parsed);
  }
  /** "23 November 2026": in sentences. */
  const date = (iso: string) => format(iso, long);
  /** "23 Nov 2026": in tables, where space is short. */
  const shortDate = (iso: string) => format(iso, medium);
  return { date, shortDate };
}
