import type { Shape } from './en.js';
import { participantTableMessages } from '../features/participantTable/messages.js';
import { auditMessages } from '../features/audit/messages.js';
import { participantsMessages } from '../features/participants/messages.js';
import { withdrawalMessages } from '../features/withdrawal/messages.js';
import { recordingsMessages } from '../features/recordings/messages.js';
import { requestsMessages } from '../features/requests/messages.js';
import { overviewMessages } from '../features/overview/messages.js';
import { consentMessages } from '../features/consent/messages.js';
import { guideMessages } from '../features/guide/messages.js';
import { interviewsMessages } from '../features/interviews/messages.js';
import { calendarMessages } from '../features/calendar/messages.js';
import { transcriptsMessages } from '../features/transcripts/messages.js';
import { anonymisationMessages } from '../features/anonymisation/messages.js';
import { comparisonMessages } from '../features/comparison/messages.js';
import { memosMessages } from '../features/memos/messages.js';
import { quotesMessages } from '../features/quotes/messages.js';
import { analysisExportsMessages } from '../features/analysisExports/messages.js';
import { codebookMessages } from '../features/codebook/messages.js';
import { codingMessages } from '../features/coding/messages.js';
import { exchangeMessages } from '../features/exchange/messages.js';

/**
 * Each feature keeps its own texts beside its code (`features/<feature>/messages.ts`), so that
 * someone changing consent never edits the same file as someone changing recordings. They are
 * joined here under the feature's name: `t('participants.heading')`.
 *
 * To add a feature's texts: `export const xMessages = defineMessages({ ...english }, { ...bokmål })`
 * in its folder, then one line in `featureMessages` below.
 */
export interface FeatureMessages<T> {
  en: T;
  nb: Shape<T>;
}

/** English first; the bokmål must have exactly the same keys (a compile error otherwise). */
export function defineMessages<const T>(en: T, nb: Shape<T>): FeatureMessages<T> {
  return { en, nb };
}

export const featureMessages = {
  participantTable: participantTableMessages,
  audit: auditMessages,
  participants: participantsMessages,
  withdrawal: withdrawalMessages,
  recordings: recordingsMessages,
  requests: requestsMessages,
  overview: overviewMessages,
  consent: consentMessages,
  guide: guideMessages,
  interviews: interviewsMessages,
  calendar: calendarMessages,
  transcripts: transcriptsMessages,
  anonymisation: anonymisationMessages,
  comparison: comparisonMessages,
  memos: memosMessages,
  quotes: quotesMessages,
  analysisExports: analysisExportsMessages,
  codebook: codebookMessages,
  coding: codingMessages,
  exchange: exchangeMessages,
} satisfies Record<string, FeatureMessages<unknown>>;

type Features = typeof featureMessages;
export type FeatureTexts = { [K in keyof Features]: Features[K] extends FeatureMessages<infer T> ? T : never };

export function featureTexts(language: 'en' | 'nb'): FeatureTexts {
  return Object.fromEntries(Object.entries(featureMessages).map(([name, messages]) => [name, (messages as FeatureMessages<unknown>)[language]])) as FeatureTexts;
}
