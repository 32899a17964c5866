import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TranscriptLine } from '../../../shared/transcripts/lines.js';
import { Autosave, autosaveDelayMs, type SaveState } from '../../../renderer/src/features/transcripts/editor/autosave.js';

/**
 * The editor's autosave, with fake timers: when saves go out, what they carry, and that no typing
 * is ever more than two seconds from being sent.
 */
function setup(options: { saveTakesMs?: number; fail?: (call: number) => unknown } = {}) {
  let text = 'a';
  const sent: { baseRevision: number; text: string; at: number }[] = [];
  const states: SaveState['kind'][] = [];
  let revision = 0;
  const autosave = new Autosave({
    revision: 0,
    read: (): TranscriptLine[] => [{ id: 'lineAAAAAAAA', speaker: 'participant', timestampMs: null, text }],
    save: (baseRevision, content) => {
      sent.push({ baseRevision, text: content[0]!.text, at: Date.now() });
      const failure = options.fail?.(sent.length);
      return new Promise((resolve, reject) =>
        setTimeout(() => (failure ? reject(failure) : resolve({ revision: (revision = baseRevision + 1) })), options.saveTakesMs ?? 50),
      );
    },
    onState: (state) => states.push(state.kind),
    isStale: (error) => error === 'stale',
  });
  const type = (more: string) => {
    text += more;
    autosave.changed();
  };
  return { autosave, type, sent, states, revision: () => revision };
}

describe('autosave', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves all lines once typing has gone on for a moment, from the revision it last saved', async () => {
    const { autosave, type, sent, states } = setup();
    type('b');
    type('c');
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(autosaveDelayMs);
    expect(sent).toEqual([{ baseRevision: 0, text: 'abc', at: autosaveDelayMs }]);
    await vi.advanceTimersByTimeAsync(50);
    expect(states.at(-1)).toBe('saved');
    type('d');
    await vi.advanceTimersByTimeAsync(autosaveDelayMs + 50);
    expect(sent.map((save) => [save.baseRevision, save.text])).toEqual([
      [0, 'abc'],
      [1, 'abcd'],
    ]);
    expect(autosave.hasUnsaved).toBe(false);
  });

  it('never leaves a keystroke unsent for two seconds, even while saves are on their way', async () => {
    const { type, sent } = setup({ saveTakesMs: 300 });
    // Someone types a character every 70 ms for ten seconds.
    const typedAt: number[] = [];
    for (let time = 0; time < 10_000; time += 70) {
      type('x');
      typedAt.push(time);
      await vi.advanceTimersByTimeAsync(70);
    }
    await vi.advanceTimersByTimeAsync(3000);
    // Every keystroke went out in a save that started less than two seconds after it.
    for (const [index, time] of typedAt.entries()) {
      const carrying = sent.find((save) => save.text.length >= index + 2);
      expect(carrying, `keystroke ${index}`).toBeDefined();
      expect(carrying!.at - time).toBeLessThan(2000);
    }
    // And saves never overlap: each starts from the revision the one before made.
    expect(sent.map((save) => save.baseRevision)).toEqual(sent.map((_, index) => index));
  });

  it('saves at once on flush (blur, leaving the page)', async () => {
    const { autosave, type, sent } = setup();
    type('b');
    const flushed = autosave.flush();
    expect(sent.map((save) => save.text)).toEqual(['ab']);
    await vi.advanceTimersByTimeAsync(50);
    await flushed;
    expect(autosave.hasUnsaved).toBe(false);
  });

  it('stops on a stale revision and says so; retries other failures later', async () => {
    const stale = setup({ fail: () => 'stale' });
    stale.type('b');
    await vi.advanceTimersByTimeAsync(autosaveDelayMs + 50);
    expect(stale.states.at(-1)).toBe('failed');
    stale.type('c');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(stale.sent).toHaveLength(1);

    const flaky = setup({ fail: (call) => (call === 1 ? new Error('locked') : undefined) });
    flaky.type('b');
    await vi.advanceTimersByTimeAsync(autosaveDelayMs + 50);
    expect(flaky.states.at(-1)).toBe('failed');
    await vi.advanceTimersByTimeAsync(5050);
    expect(flaky.sent.map((save) => [save.baseRevision, save.text])).toEqual([
      [0, 'ab'],
      [0, 'ab'],
    ]);
    expect(flaky.states.at(-1)).toBe('saved');
  });
});

describe('autosave when the page is idle', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for the idle moment it is given, and schedules only one save meanwhile', async () => {
    const idle: (() => void)[] = [];
    const sent: string[] = [];
    let text = 'a';
    const autosave = new Autosave({
      revision: 0,
      read: () => [{ id: 'lineAAAAAAAA', speaker: 'participant', timestampMs: null, text }],
      save: async (baseRevision, content) => {
        sent.push(content[0]!.text);
        return { revision: baseRevision + 1 };
      },
      onState: () => {},
      isStale: () => false,
      whenIdle: (work) => idle.push(work),
    });
    text += 'b';
    autosave.changed();
    await vi.advanceTimersByTimeAsync(autosaveDelayMs);
    text += 'c';
    autosave.changed();
    await vi.advanceTimersByTimeAsync(autosaveDelayMs * 3);
    expect(idle).toHaveLength(1);
    expect(sent).toEqual([]);
    idle.shift()!();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['abc']);
    expect(autosave.hasUnsaved).toBe(false);
  });
  it('saves now for a lock: resolves once stored, and rejects with the error if the save failed (the text stays unsaved)', async () => {
    const ok = setup();
    ok.type('b');
    const saving = ok.autosave.saveNow();
    await vi.advanceTimersByTimeAsync(60);
    await saving;
    expect(ok.sent.map((save) => save.text)).toEqual(['ab']);
    expect(ok.autosave.hasUnsaved).toBe(false);

    const failing = setup({ fail: () => 'disk full' });
    failing.type('c');
    const refused = failing.autosave.saveNow().then(
      () => 'saved',
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(60);
    expect(await refused).toBe('disk full');
    expect(failing.autosave.hasUnsaved).toBe(true);
  });
});
