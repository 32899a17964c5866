import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';

/**
 * Calendar-date arithmetic for deadlines, on `YYYY-MM-DD` strings as the researcher means them: no
 * time of day and no time zone, so a deadline never moves by a day when the clock changes.
 */
export function todayIso(now: Date = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}

function toDate(iso: string): Date {
  return parseISO(iso);
}

export function toIso(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

/** When a recording must be deleted: the data-management plan's number of days after transcription. */
export function deletionDueOn(transcribedOn: string, deletionDays: number): string {
  return toIso(addDays(toDate(transcribedOn), deletionDays));
}

/** Whole days from `today` to `due`: negative when the date has passed. */
export function daysUntil(due: string, today: string): number {
  return differenceInCalendarDays(toDate(due), toDate(today));
}

/** Within this many days a deadline counts as "due soon". */
export const dueSoonDays = 7;

export type Urgency = 'overdue' | 'dueToday' | 'dueSoon' | 'later' | 'none';

/** How pressing a deadline is on `today`. */
export function urgencyOf(due: string | null, today: string): Urgency {
  if (due === null) return 'none';
  const days = daysUntil(due, today);
  if (days < 0) return 'overdue';
  if (days === 0) return 'dueToday';
  if (days <= dueSoonDays) return 'dueSoon';
  return 'later';
}

/**
 * Most urgent first: the earliest deadline first (so the longest overdue leads), then those without
 * a deadline, each group in a stable order by `tie`.
 */
export function byUrgency<T>(due: (item: T) => string | null, tie: (item: T) => number): (a: T, b: T) => number {
  return (a, b) => {
    const dueA = due(a);
    const dueB = due(b);
    if (dueA !== dueB) {
      if (dueA === null) return 1;
      if (dueB === null) return -1;
      return dueA < dueB ? -1 : 1;
    }
    return tie(a) - tie(b);
  };
}
