import type { ReactNode } from 'react';

/**
 * A button in a rich-text editor's toolbar (bold, a list, a heading). Pressing it with the mouse
 * leaves the focus, and the caret, in the editor: a button that took the focus gave it back to
 * the editor only a frame later (TipTap focuses in the next animation frame), and a key typed
 * meanwhile went to the button and was lost.
 */
export function EditorToolButton({ pressed, onRun, children }: { pressed: boolean; onRun: () => void; children: ReactNode }) {
  return (
    <button type="button" className="button button--quiet" aria-pressed={pressed} onMouseDown={(event) => event.preventDefault()} onClick={onRun}>
      {children}
    </button>
  );
}
