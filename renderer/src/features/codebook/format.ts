import { useTranslation } from 'react-i18next';
import type { CodeHistoryEntry } from '../../../../shared/coding/contract.js';
import { studyTimeZone } from '../../../../shared/contract/values.js';
import { useFormat } from '../../i18n/index.js';

/** The codebook's words for dates and lists of names, in the researcher's language. */
export function useCodebookFormat() {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: studyTimeZone });
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });

  function date(iso: string): string {
    const parsed = new Date(iso);
    return Number.isNaN(parsed.getTime()) ? iso : day.format(parsed);
  }

  /** “A”, “B” and “C”. */
  function names(values: readonly string[]): string {
    return list.format(values.map((value) => t('codebook.quoted', { name: value })));
  }

  /** "Merged from “A” and “B” on 30.11.2026." */
  function historyEntry(entry: CodeHistoryEntry): string {
    return t(`codebook.history.${entry.kind}`, { names: names(entry.names), count: entry.names.length, date: date(entry.at) });
  }

  return { date, names, historyEntry };
}
