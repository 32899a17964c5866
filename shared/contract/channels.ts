import type { z } from 'zod';
import { appChannels } from '../app/contract.js';
import { participantChannels } from '../participants/contract.js';
import { studyChannels } from '../study/contract.js';
import { participantTableChannels } from '../participantTable/contract.js';
import { auditChannels } from '../audit/contract.js';
import { withdrawalChannels } from '../withdrawal/contract.js';
import { recordingsChannels } from '../recordings/contract.js';
import { requestsChannels } from '../requests/contract.js';
import { overviewChannels } from '../overview/contract.js';
import { consentChannels } from '../consent/contract.js';
import { calendarChannels } from '../calendar/contract.js';
import { guideChannels } from '../guide/contract.js';
import { interviewsChannels } from '../interviews/contract.js';
import { transcriptsChannels } from '../transcripts/contract.js';
import { anonymisationChannels } from '../anonymisation/contract.js';
import { exchangeChannels } from '../exchange/contract.js';
import { analysisExportsChannels } from '../analysisExports/contract.js';
import { comparisonChannels } from '../comparison/contract.js';
import { codingChannels } from '../coding/contract.js';
import { memosChannels } from '../memos/contract.js';
import { quotesChannels } from '../quotes/contract.js';

/**
 * Every channel of the bridge between the UI and the core. To add one, see `shared/contract/README.md`.
 */
export const channels = {
  ...appChannels,
  ...studyChannels,
  ...participantTableChannels,
  ...auditChannels,
  ...participantChannels,
  ...withdrawalChannels,
  ...recordingsChannels,
  ...requestsChannels,
  ...overviewChannels,
  ...consentChannels,
  ...calendarChannels,
  ...guideChannels,
  ...interviewsChannels,
  ...transcriptsChannels,
  ...anonymisationChannels,
  ...exchangeChannels,
  ...analysisExportsChannels,
  ...comparisonChannels,
  ...codingChannels,
  ...memosChannels,
  ...quotesChannels,
} as const;

export type Channels = typeof channels;
export type Channel = keyof Channels;
export type ChannelInput<C extends Channel> = z.input<Channels[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Channels[C]['output']>;

export const channelNames = Object.keys(channels) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}
