import { useEffect, useEffectEvent } from 'react';
import { invoke } from '../../bridge/index.js';
import { actionsSettled, codingChanged } from './codingEvents.js';

let queue: Promise<unknown> = Promise.resolve();

/**
 * Undoes or redoes the study's last coding action, whichever view made it, and tells every view
 * (they refresh what they show). Presses in quick succession run one after the other.
 */
export function undoCoding(kind: 'undo' | 'redo'): Promise<void> {
  const run = queue.then(async () => {
    await actionsSettled();
    const result = await invoke(kind === 'undo' ? 'coding.undo' : 'coding.redo', {});
    codingChanged({ undo: result.undo, undone: { kind, label: result.label } });
  });
  queue = run.catch(() => {});
  return run;
}

/** Where a key press belongs to a field or a rich-text editor, which keep their own undo. */
function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const name = target.tagName;
  return name === 'INPUT' || name === 'TEXTAREA' || name === 'SELECT';
}

/** Which coding shortcut a key press is, if any: Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z and Ctrl+Y redo. */
export function undoShortcutOf(event: KeyboardEvent): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return null;
}

/**
 * The study-wide undo and redo of coding actions from the keyboard, in every view of an open
 * study, except in a text field or rich-text editor (which undo their own typing). Installed once
 * by the study screen; `onError` shows a failure.
 */
export function useCodingUndoShortcut(onError: (error: unknown) => void): void {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || inTextField(event.target)) return;
    const kind = undoShortcutOf(event);
    if (!kind) return;
    event.preventDefault();
    undoCoding(kind).catch(onError);
  });
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
