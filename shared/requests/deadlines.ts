import { addMonths, format, parseISO } from 'date-fns';

/**
 * The GDPR's time limit for answering a data subject (art. 12(3)): one month from receipt, counted
 * in calendar months (the same day next month; when that month is shorter, its last day, so
 * 31 January gives 28 or 29 February). It may be extended by at most two further months, with a reason.
 */
export function requestDueOn(receivedOn: string): string {
  return format(addMonths(parseISO(receivedOn), 1), 'yyyy-MM-dd');
}

/** The latest date an extension may reach: three months from receipt in all. */
export function latestExtensionOn(receivedOn: string): string {
  return format(addMonths(parseISO(receivedOn), 3), 'yyyy-MM-dd');
}

/** Whether `extendedTo` is an allowed extension: after the first deadline, and within three months of receipt. */
export function isAllowedExtension(receivedOn: string, extendedTo: string): boolean {
  return extendedTo > requestDueOn(receivedOn) && extendedTo <= latestExtensionOn(receivedOn);
}
