import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hasPendingSaves, PendingSaveFailed, registerPendingSave, saveAllPending } from '../../../renderer/src/features/study/pendingSaves.js';

/** The study's pending-save registry: what a lock waits for before the study locks or closes. */
describe('pending saves before a lock', () => {
  const unregister: (() => void)[] = [];
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    for (const stop of unregister.splice(0)) stop();
    vi.useRealTimers();
  });

  it('waits for every registered save, and knows what is pending', async () => {
    const saved: string[] = [];
    let pending = true;
    unregister.push(
      registerPendingSave(
        () => new Promise((resolve) => setTimeout(() => resolve(void saved.push('transcript')), 300)),
        () => pending,
      ),
      registerPendingSave(async () => void saved.push('notes'), () => false),
    );
    expect(hasPendingSaves()).toBe(true);
    let done = false;
    const all = saveAllPending().then(() => (done = true));
    await vi.advanceTimersByTimeAsync(299);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await all;
    expect(saved.sort()).toEqual(['notes', 'transcript']);
    pending = false;
    expect(hasPendingSaves()).toBe(false);
  });

  it('rejects when a save fails, and when the saves take longer than the limit', async () => {
    const stopFailing = registerPendingSave(() => Promise.reject(new Error('the study is locked')), () => true);
    await expect(saveAllPending()).rejects.toEqual(new PendingSaveFailed('failed'));
    stopFailing();

    unregister.push(registerPendingSave(() => new Promise(() => {}), () => true));
    const slow = saveAllPending(1000).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(1000);
    const error = await slow;
    expect(error).toBeInstanceOf(PendingSaveFailed);
    expect((error as PendingSaveFailed).reason).toBe('timeout');
  });

  it('has nothing to wait for when no section registered, and forgets a section that left', async () => {
    const stop = registerPendingSave(() => Promise.reject(new Error('never called')), () => true);
    stop();
    expect(hasPendingSaves()).toBe(false);
    await expect(saveAllPending()).resolves.toBeUndefined();
  });
});
