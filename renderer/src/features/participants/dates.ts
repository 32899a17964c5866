import { useFormat } from '../../i18n/index.js';

/** Today as the researcher's calendar says, `YYYY-MM-DD`. */
export function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Calendar dates (`YYYY-MM-DD`) and moments, in the user's language, through the app's `useFormat()`. */
export function useDates() {
  const { locale, dateTime } = useFormat();
  const formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  function date(iso: string): string {
    const parsed = new Date(`${iso}T00:00:00Z`);
    return Number.isNaN(parsed.getTime()) ? iso : formatter.format(parsed);
  }
  /** The calendar day of a moment (an ISO timestamp), in the local zone. */
  function day(isoMoment: string): string {
    const parsed = new Date(isoMoment);
    return Number.isNaN(parsed.getTime()) ? isoMoment : new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(parsed);
  }
  return { date, day, dateTime };
}
