import { useTranslation } from 'react-i18next';
import { studyTimeZone } from '../../../shared/contract/values.js';
import { localeOf, currentLanguage } from './i18n.js';

/** Dates, times and sizes in the user's language (nb-NO or en-GB); times on the study's clock (Norway's). */
export function useFormat() {
  const { t, i18n } = useTranslation();
  // Read through i18n.language so the hook's users re-render when the language changes.
  const locale = i18n.language ? localeOf(currentLanguage()) : 'en-GB';

  function dateTime(iso: string): string {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: studyTimeZone }).format(date);
  }

  function bytes(count: number): string {
    const number = (value: number, digits: number) =>
      new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
    if (count < 1000) return t('format.bytes', { value: number(count, 0) });
    if (count < 1_000_000) return t('format.kilobytes', { value: number(count / 1000, 0) });
    return t('format.megabytes', { value: number(count / 1_000_000, 1) });
  }

  return { locale, dateTime, bytes };
}
