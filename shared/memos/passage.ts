import { z } from 'zod';
import { speakers } from '../transcripts/lines.js';

/**
 * A passage as memos and quotes show it: who said it (pseudonym), where (line numbers, as the
 * transcript's margin shows them) and its text as the transcript has it now. Read afresh every time,
 * so an edit of the transcript (anonymising a detail, fixing a typo) shows here too.
 */
export const passageLineSchema = z.object({
  lineId: z.string(),
  /** The line's number in the transcript (its position), what a researcher cites. */
  number: z.number().int(),
  speaker: z.enum(speakers),
  /** The part of the line within the passage (the first and last lines may be cut at the offsets). */
  text: z.string(),
});
export type PassageLine = z.infer<typeof passageLineSchema>;

export const passageViewSchema = z.object({
  transcriptId: z.number().int(),
  participantId: z.number().int(),
  pseudonym: z.string(),
  /** The interview's local time, `YYYY-MM-DDTHH:MM`. */
  heldAt: z.string(),
  /** The transcript's state now: a passage of a transcript sent back to its review is not exported. */
  state: z.enum(['raw', 'anonymised']),
  /** The speakers' names the transcript gives (empty: the defaults). */
  interviewerLabel: z.string(),
  participantLabel: z.string(),
  /** False when a line it was anchored to is gone from the transcript. */
  found: z.boolean(),
  startLineId: z.string(),
  endLineId: z.string(),
  /** First and last line numbers (0 when not found). */
  startNumber: z.number().int(),
  endNumber: z.number().int(),
  lines: z.array(passageLineSchema),
});
export type PassageView = z.infer<typeof passageViewSchema>;

/** The passage's words as one text, lines joined by a space. */
export function passageText(view: Pick<PassageView, 'lines'>): string {
  return view.lines
    .map((line) => line.text.trim())
    .filter((text) => text !== '')
    .join(' ');
}

const referenceWords = {
  en: { line: 'line', lines: 'lines', gone: 'passage no longer in the transcript' },
  nb: { line: 'linje', lines: 'linje', gone: 'utdraget finnes ikke lenger i transkripsjonen' },
} as const;

/** "Deltaker 3, lines 120–124" (nb "Deltaker 3, linje 120–124"), as a thesis cites a passage. */
export function lineReference(view: Pick<PassageView, 'pseudonym' | 'found' | 'startNumber' | 'endNumber'>, language: 'en' | 'nb'): string {
  const words = referenceWords[language];
  if (!view.found) return `${view.pseudonym}, ${words.gone}`;
  return view.startNumber === view.endNumber
    ? `${view.pseudonym}, ${words.line} ${view.startNumber}`
    : `${view.pseudonym}, ${words.lines} ${view.startNumber}–${view.endNumber}`;
}
