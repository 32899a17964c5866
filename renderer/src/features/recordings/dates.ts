import { useFormat } from '../../i18n/index.js';

/**
 * Calendar dates (`YYYY-MM-DD`) in the user's language, through the app's `useFormat()`. A calendar
 * date has no time zone: it is formatted as UTC so it never shows as the day before.
 */
export function useDates() {
  const { locale } = useFormat();
  const formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  function date(iso: string): string {
    const parsed = new Date(`${iso}T00:00:00Z`);
    return Number.isNaN(parsed.getTime()) ? iso : formatter.format(parsed);
  }
  return { date };
}
