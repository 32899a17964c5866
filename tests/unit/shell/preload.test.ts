import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The preload against a stand-in for Electron's renderer modules: what it exposes, what it sends,
 * and what it refuses. (`electron` itself cannot be loaded outside Electron.)
 */
type Listener = (event: unknown, ...args: unknown[]) => void;

const fake = vi.hoisted(() => {
  const listeners = new Map<string, Set<Listener>>();
  return {
    exposed: new Map<string, unknown>(),
    listeners,
    invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: {} })),
    emit(name: string, ...args: unknown[]) {
      for (const listener of listeners.get(name) ?? []) listener({ sender: 'ipc internals' }, ...args);
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => fake.exposed.set(key, value),
  },
  ipcRenderer: {
    invoke: fake.invoke,
    on: (name: string, listener: Listener) => {
      const set = fake.listeners.get(name) ?? new Set<Listener>();
      set.add(listener);
      fake.listeners.set(name, set);
    },
    removeListener: (name: string, listener: Listener) => fake.listeners.get(name)?.delete(listener),
  },
}));

interface Bridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  onMenu(listener: (action: string) => void): () => void;
}

// What the main process passes in `webPreferences.additionalArguments`.
const { channelNames } = await import('../../../shared/contract/channels.js');
const { channelListArgument } = await import('../../../main/shell/ipcNames.js');
process.argv.push(channelListArgument(channelNames));
await import('../../../main/preload/index.js');
const bridge = fake.exposed.get('groundwork') as Bridge;

beforeEach(() => fake.invoke.mockClear());

describe('preload bridge', () => {
  it('exposes exactly invoke, on and onMenu as window.groundwork', () => {
    expect([...fake.exposed.keys()]).toEqual(['groundwork']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on', 'onMenu']);
  });

  it('sends every channel of the contract to the main process', async () => {
    await expect(bridge.invoke('app.info', {})).resolves.toEqual({ ok: true, value: {} });
    expect(fake.invoke).toHaveBeenCalledWith('groundwork:invoke', 'app.info', {});
    for (const channel of channelNames) await bridge.invoke(channel, {});
    expect(fake.invoke).toHaveBeenCalledTimes(channelNames.length + 1);
  });

  it('answers unknown channels itself, the way the router would, without sending', async () => {
    for (const channel of ['no.such', '__proto__', 'constructor', '', 42]) {
      await expect(bridge.invoke(channel as string, {})).resolves.toEqual({ ok: false, error: { code: 'channel.unknown' } });
    }
    expect(fake.invoke).not.toHaveBeenCalled();
  });

  it('passes on study.state payloads only, never the IPC event, until unsubscribed', () => {
    const listener = vi.fn();
    const off = bridge.on('study.state', listener);
    fake.emit('groundwork:event', 'study.state', { status: 'locked' });
    fake.emit('groundwork:event', 'something.else', { status: 'open' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith({ status: 'locked' });
    off();
    fake.emit('groundwork:event', 'study.state', { status: 'closed' });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('does not subscribe to unknown events', () => {
    const listener = vi.fn();
    const before = fake.listeners.get('groundwork:event')?.size ?? 0;
    const off = bridge.on('no.such.event' as 'study.state', listener);
    expect(fake.listeners.get('groundwork:event')?.size ?? 0).toBe(before);
    expect(typeof off).toBe('function');
  });

  it('passes on known menu actions only, until unsubscribed', () => {
    const listener = vi.fn();
    const off = bridge.onMenu(listener);
    fake.emit('groundwork:menu', 'lockStudy');
    fake.emit('groundwork:menu', 'rm -rf');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith('lockStudy');
    off();
    fake.emit('groundwork:menu', 'about');
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
