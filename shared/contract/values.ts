import { z } from 'zod';

/** A calendar date, as the researcher means it: `YYYY-MM-DD`, no time, no zone. */
export const isoDateSchema = z.iso.date();

/**
 * A full path to a file or folder on this computer (POSIX `/…`, Windows `C:\…` or `\\server\…`).
 * A relative path would depend on where the app happens to run from, so it is refused.
 */
export function isAbsolutePath(value: string): boolean {
  return value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\\\');
}

export const absolutePathSchema = z.string().min(1).max(4096).refine(isAbsolutePath, { message: 'absolutePath' });
