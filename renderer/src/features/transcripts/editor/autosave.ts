import type { TranscriptLine } from '../../../../../shared/transcripts/lines.js';

/**
 * Autosave for the transcript editor. The first change after a save starts a short timer; when it
 * fires, what `read` gives (the editor: the lines changed since the last save) is sent with the
 * revision the editor last saved, and the core writes it in one transaction (or refuses a stale
 * revision). Changes made while a save is on its way are saved by the next one. So at most
 * `delayMs` plus one save's time of typing is ever unsaved, and a save is never half-written. No
 * DOM, no React: tested with fake timers in Node.
 */

export type SaveState = { kind: 'saved' } | { kind: 'unsaved' } | { kind: 'saving' } | { kind: 'failed'; error: unknown; stale: boolean };

export interface SaveResult {
  revision: number;
}

export interface AutosaveOptions<Content = TranscriptLine[]> {
  revision: number;
  /** What to send now (read once per save, when it goes out). */
  read: () => Content;
  /** Sends it; resolves once the core has stored it (the editor then counts changes from there). */
  save: (baseRevision: number, content: Content) => Promise<SaveResult>;
  onState: (state: SaveState) => void;
  /** Whether an error means the transcript changed elsewhere (then saving stops until a reload). */
  isStale: (error: unknown) => boolean;
  /** From the first unsaved change to its save. Under a second, so with the save itself well under two. */
  delayMs?: number;
  /** After a failed save (the study locked, say), try again this much later. */
  retryMs?: number;
  /**
   * Runs a due save when the page is idle, so gathering the changes never holds up a keystroke
   * (the editor passes `requestIdleCallback` with a short timeout; by default it runs at once).
   */
  whenIdle?: (work: () => void) => void;
}

export const autosaveDelayMs = 800;

export class Autosave<Content = TranscriptLine[]> {
  private revision: number;
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** A save is due and waits for the page to be idle. */
  private waiting = false;
  private inFlight: Promise<void> | null = null;
  private stopped = false;
  private lastError: unknown = null;
  private readonly delayMs: number;
  private readonly retryMs: number;

  constructor(private readonly options: AutosaveOptions<Content>) {
    this.revision = options.revision;
    this.delayMs = options.delayMs ?? autosaveDelayMs;
    this.retryMs = options.retryMs ?? 5000;
    this.whenIdle = options.whenIdle ?? ((work) => work());
  }

  private readonly whenIdle: (work: () => void) => void;

  /** The editor's text changed. */
  changed(): void {
    if (this.stopped) return;
    // Said once, not on every keystroke: the status line need not re-render while someone types.
    if (!this.dirty && !this.inFlight) this.options.onState({ kind: 'unsaved' });
    this.dirty = true;
    this.schedule(this.delayMs);
  }

  /** Saves now whatever is unsaved (on blur, before leaving); resolves when it is saved or failed. */
  async flush(): Promise<void> {
    this.clearTimer();
    if (this.inFlight) await this.inFlight;
    if (this.dirty && !this.stopped) await this.run();
  }

  /**
   * Saves now and resolves only once everything is stored: rejects (with the save's error) if
   * something is still unsaved, so a lock can wait for it and stay open if it failed.
   */
  async saveNow(): Promise<void> {
    await this.flush();
    if (this.dirty || this.inFlight) throw this.lastError ?? new Error('The transcript is not saved');
  }

  get hasUnsaved(): boolean {
    return this.dirty || this.inFlight !== null;
  }

  get currentRevision(): number {
    return this.revision;
  }

  dispose(): void {
    this.clearTimer();
  }

  private schedule(delay: number): void {
    if (this.timer !== null || this.waiting || this.inFlight) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.waiting = true;
      this.whenIdle(() => {
        this.waiting = false;
        void this.run();
      });
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private run(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (!this.dirty || this.stopped) return Promise.resolve();
    const content = this.options.read();
    this.dirty = false;
    this.options.onState({ kind: 'saving' });
    this.inFlight = this.options
      .save(this.revision, content)
      .then(
        (result) => {
          this.revision = result.revision;
          this.inFlight = null;
          this.lastError = null;
          if (this.dirty) {
            this.options.onState({ kind: 'unsaved' });
            this.schedule(this.delayMs);
          } else this.options.onState({ kind: 'saved' });
        },
        (error: unknown) => {
          this.inFlight = null;
          this.dirty = true;
          this.lastError = error;
          const stale = this.options.isStale(error);
          if (stale) this.stopped = true;
          this.options.onState({ kind: 'failed', error, stale });
          if (!stale) this.schedule(this.retryMs);
        },
      );
    return this.inFlight;
  }
}
