import { z } from 'zod';

/** A calendar date, as the researcher means it: `YYYY-MM-DD`, no time, no zone. */
export const isoDateSchema = z.iso.date();
