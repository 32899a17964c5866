import type { SessionState, StudySummary } from '../../../shared/study/contract.js';

/** Where the UI is. The app has no URLs: the screen follows the session and the user's choices. */
export type Screen =
  | { name: 'loading' }
  | { name: 'start' }
  | { name: 'create' }
  | { name: 'importProject' }
  | { name: 'unlock'; path: string; fileName: string; reason: 'idle' | 'manual' | null; /** The idle lock came while a save was pending. */ unsavedAtLock?: boolean }
  | { name: 'study'; study: StudySummary };

export function screenFor(state: SessionState): Screen {
  switch (state.status) {
    case 'open':
      return { name: 'study', study: state.study };
    case 'locked':
      return { name: 'unlock', path: state.path, fileName: state.fileName, reason: state.reason };
    case 'closed':
      return { name: 'start' };
  }
}
