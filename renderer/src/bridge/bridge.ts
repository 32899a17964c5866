import { channels, type Channel, type ChannelInput, type ChannelOutput } from '../../../shared/contract/channels.js';
import { errorPayloadSchema, GroundworkError } from '../../../shared/contract/errors.js';
import { eventSchemas, type EventName, type EventPayload, type GroundworkBridge } from '../../../shared/contract/events.js';
import { sessionStateSchema, type SessionState } from '../../../shared/study/contract.js';

/** What the Electron menu can ask the UI to do. */
export const menuActions = ['newStudy', 'openStudy', 'lockStudy', 'saveBackup', 'about'] as const;
export type MenuAction = (typeof menuActions)[number];

/** The host's global: the shared bridge, plus the menu hook that only Electron provides. */
interface HostBridge extends GroundworkBridge {
  onMenu?: (listener: (action: string) => void) => () => void;
}

declare global {
  interface Window {
    groundwork?: HostBridge;
  }
}

function host(): HostBridge {
  const bridge = window.groundwork;
  // Without a host there is no core to talk to; the UI shows this as an internal error.
  if (!bridge) throw new GroundworkError('internal');
  return bridge;
}

/**
 * Calls the core. Resolves with the channel's value, checked against the shared contract, or throws
 * a `GroundworkError` whose code is a message key (`errors.<code>`).
 */
export async function invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  let raw: unknown;
  try {
    raw = await host().invoke(channel, input);
  } catch (error) {
    if (error instanceof GroundworkError) throw error;
    throw new GroundworkError('internal');
  }
  if (typeof raw !== 'object' || raw === null || !('ok' in raw)) throw new GroundworkError('internal');
  if (raw.ok === true && 'value' in raw) {
    const checked = channels[channel].output.safeParse(raw.value);
    if (!checked.success) throw new GroundworkError('internal');
    return checked.data as ChannelOutput<C>;
  }
  const payload = errorPayloadSchema.safeParse('error' in raw ? raw.error : undefined);
  if (!payload.success) throw new GroundworkError('internal');
  throw new GroundworkError(payload.data.code, payload.data.fields);
}

/** Tells `listener` whenever the session changes by itself (the idle lock). Returns an unsubscribe. */
export function onStudyState(listener: (state: SessionState) => void): () => void {
  const bridge = window.groundwork;
  if (!bridge) return () => {};
  return bridge.on('study.state', (payload) => {
    const parsed = sessionStateSchema.safeParse(payload);
    if (parsed.success) listener(parsed.data);
  });
}

/** Tells `listener` each time the core reports `event` (checked against its schema). Returns an unsubscribe. */
export function onCoreEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  const bridge = window.groundwork;
  if (!bridge) return () => {};
  return bridge.on(event, (payload) => {
    const parsed = eventSchemas[event].safeParse(payload);
    if (parsed.success) listener(parsed.data as EventPayload<E>);
  });
}

/** Menu commands from the native menu, when the host has one. */
export function onMenu(listener: (action: MenuAction) => void): () => void {
  const subscribe = window.groundwork?.onMenu;
  if (!subscribe) return () => {};
  return subscribe((action) => {
    if ((menuActions as readonly string[]).includes(action)) listener(action as MenuAction);
  });
}
