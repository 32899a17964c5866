import { useEffect } from 'react';
import { invoke } from '../../bridge/index.js';

const throttleMs = 10_000;

/** Tells the core the researcher is here (keys, pointer, wheel), at most every ten seconds, so the idle lock waits. */
export function useActivityReporting(): void {
  useEffect(() => {
    let last = 0;
    const report = () => {
      const now = Date.now();
      if (now - last < throttleMs) return;
      last = now;
      invoke('session.activity', {}).catch(() => {});
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    for (const name of events) window.addEventListener(name, report, { passive: true, capture: true });
    return () => {
      for (const name of events) window.removeEventListener(name, report, { capture: true });
    };
  }, []);
}
