import type { z } from 'zod';
import { channels, isChannel, type Channel, type ChannelOutput, type ChannelParsedInput } from '../../shared/contract/channels.js';
import { GroundworkError, type InvokeResult } from '../../shared/contract/errors.js';
import { logFailure } from './log.js';

export type Handler<C extends Channel> = (input: ChannelParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
export type Handlers = { [C in Channel]: Handler<C> };

export type Invoke = (channel: unknown, input: unknown) => Promise<InvokeResult<unknown>>;

/**
 * The one entrance to the core, shared by both hosts. It refuses unknown channels, validates the
 * input against the contract, runs the handler, validates what it answers, and turns every failure
 * into a typed error with a message key: the UI never sees a stack trace, SQL or file content.
 */
export function createRouter(handlers: Handlers, options: { beforeEach?: (channel: Channel) => void } = {}): Invoke {
  return async (channel, rawInput) => {
    if (!isChannel(channel)) return { ok: false, error: { code: 'channel.unknown' } };
    const spec = channels[channel];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) return { ok: false, error: { code: 'input.invalid', fields: fieldsOf(parsed.error) } };
    try {
      options.beforeEach?.(channel);
      const handler = handlers[channel] as (input: unknown) => unknown;
      const output = await handler(parsed.data);
      const checked = spec.output.safeParse(output);
      if (!checked.success) {
        logFailure(channel, 'output did not match the contract', fieldsOf(checked.error).join(','));
        return { ok: false, error: { code: 'internal' } };
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof GroundworkError) return { ok: false, error: error.toPayload() };
      logFailure(channel, 'unexpected failure', error);
      return { ok: false, error: { code: 'internal' } };
    }
  };
}

function fieldsOf(error: z.ZodError): string[] {
  return [...new Set(error.issues.map((issue) => issue.path.join('.') || '(input)'))];
}
