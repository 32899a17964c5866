import { z } from 'zod';

/** A calendar date, as the researcher means it: `YYYY-MM-DD`, no time, no zone. */
export const isoDateSchema = z.iso.date();

/**
 * The study's clock. Instants are stored in UTC; a day the researcher picks (a filter, a deadline)
 * and every time shown are in Norway's zone, whatever zone the computer happens to be set to.
 */
export const studyTimeZone = 'Europe/Oslo';

/**
 * A full path to a file or folder on this computer (POSIX `/…`, Windows `C:\…` or `\\server\…`).
 * A relative path would depend on where the app happens to run from, so it is refused.
 */
export function isAbsolutePath(value: string): boolean {
  return value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\\\');
}

export const absolutePathSchema = z.string().min(1).max(4096).refine(isAbsolutePath, { message: 'absolutePath' });
