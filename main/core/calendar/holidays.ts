import Holidays from 'date-holidays';
import type { Bilingual } from '../../../shared/calendar/contract.js';

/**
 * Norwegian public holidays from date-holidays (maintained rules, Easter and the days that move with
 * it included, computed on this computer). Flagged: the public holidays ('public') and Christmas Eve
 * and New Year's Eve ('bank'), when services are closed; observances such as Mother's Day are not.
 * Computed once per year and kept for the life of the process.
 */
const flaggedTypes = new Set(['public', 'bank']);
const byYear = new Map<number, Map<string, Bilingual>>();

function holidaysOf(year: number): Map<string, Bilingual> {
  const known = byYear.get(year);
  if (known) return known;
  const found = new Map<string, Bilingual>();
  // The same rules in both languages give the same days in the same order: pair them by position.
  const english = new Holidays('NO', { languages: ['en'] }).getHolidays(year);
  const norwegian = new Holidays('NO', { languages: ['no'] }).getHolidays(year);
  norwegian.forEach((holiday, index) => {
    if (!flaggedTypes.has(holiday.type)) return;
    const date = holiday.date.slice(0, 10);
    const other = english[index];
    const name = { nb: holiday.name, en: other && other.date === holiday.date ? other.name : holiday.name };
    // Two holidays on one day (17 May can be Whit Monday too): both names.
    const earlier = found.get(date);
    found.set(date, earlier ? { nb: `${earlier.nb} / ${name.nb}`, en: `${earlier.en} / ${name.en}` } : name);
  });
  byYear.set(year, found);
  return found;
}

/** The holiday on a date (`YYYY-MM-DD`), in both languages, or null. */
export function holidayOn(date: string): Bilingual | null {
  return holidaysOf(Number(date.slice(0, 4))).get(date) ?? null;
}
