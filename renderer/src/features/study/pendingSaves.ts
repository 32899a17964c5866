/**
 * Saves a section still has on their way (an autosave waiting for its timer, or under way), which
 * must reach the study before it locks or closes. A section registers a function that saves
 * whatever it holds and resolves when that is stored, or rejects if it could not be; the study
 * screen calls `saveAllPending` first and locks or closes only when it resolved. No React in the
 * registry (`useSaveBeforeLeaving` is the hook a section uses), so it is tested in Node.
 */
export type SavePending = () => Promise<void>;

interface Entry {
  save: SavePending;
  /** Whether it holds something not yet stored. */
  isPending: () => boolean;
}

const registered = new Set<Entry>();

/** How long a lock waits for the pending saves before it gives up and the study stays open. */
export const pendingSaveLimitMs = 10_000;

export class PendingSaveFailed extends Error {
  constructor(readonly reason: 'failed' | 'timeout') {
    super(`A pending save ${reason === 'timeout' ? 'took too long' : 'failed'}`);
    this.name = 'PendingSaveFailed';
  }
}

/** Registers a section's save until the returned function is called. */
export function registerPendingSave(save: SavePending, isPending: () => boolean): () => void {
  const entry = { save, isPending };
  registered.add(entry);
  return () => registered.delete(entry);
}

/**
 * Whether a section holds something not yet stored. The app asks when the core has locked the
 * study by itself (the idle lock), when it is too late to save, so the researcher is told.
 */
export function hasPendingSaves(): boolean {
  return [...registered].some((entry) => entry.isPending());
}

/**
 * Saves what every section holds, all at once. Resolves when all are saved; rejects with
 * `PendingSaveFailed` if one failed or they did not all finish within `limitMs`.
 */
export async function saveAllPending(limitMs = pendingSaveLimitMs): Promise<void> {
  if (registered.size === 0) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new PendingSaveFailed('timeout')), limitMs);
  });
  try {
    await Promise.race([
      Promise.all([...registered].map((entry) => entry.save())).catch((error: unknown) => {
        throw error instanceof PendingSaveFailed ? error : new PendingSaveFailed('failed');
      }),
      limit,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
