import { useSyncExternalStore } from 'react';
import type { UndoState } from '../../../../shared/coding/contract.js';

/**
 * What every view of the analysis shares about coding: a signal that codings or codes changed (so
 * a view showing them refreshes), and the study's undo state ("Undo apply 'feeling seen'"), which
 * every coding action answers with. A view that changes codings calls `codingChanged` with the
 * answer's undo state; one that shows them listens with `onCodingChanged` (or `useCodingChanges`).
 */

export interface CodingChange {
  /** The study's undo state after the change. */
  undo: UndoState;
  /** What changed it: a view passes its own token, so it can skip its own changes. */
  origin?: unknown;
  /** Set after an undo or a redo: what was undone or redone. */
  undone?: { kind: 'undo' | 'redo'; label: string | null };
}

type Listener = (change: CodingChange) => void;
const listeners = new Set<Listener>();
const undoListeners = new Set<() => void>();
let undoState: UndoState = { undo: null, redo: null };

/** Tell every view that codings or codes changed (and what can be undone now). */
export function codingChanged(change: CodingChange): void {
  setUndoState(change.undo);
  for (const listener of [...listeners]) listener(change);
}

/** Listen for changes to codings or codes; answers the function that stops listening. */
export function onCodingChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The undo state as last answered by the core (without telling views that codings changed). */
export function setUndoState(next: UndoState): void {
  if (next.undo?.label === undoState.undo?.label && next.redo?.label === undoState.redo?.label && !!next.undo === !!undoState.undo && !!next.redo === !!undoState.redo) return;
  undoState = next;
  for (const listener of [...undoListeners]) listener();
}

export function getUndoState(): UndoState {
  return undoState;
}

/** The study's undo state, for a toolbar's Undo and Redo. */
export function useUndoState(): UndoState {
  return useSyncExternalStore(
    (listener) => {
      undoListeners.add(listener);
      return () => undoListeners.delete(listener);
    },
    () => undoState,
  );
}

const actions = new Set<Promise<unknown>>();

/** A coding action on its way to the core: an undo waits for it, so it undoes what was just done. */
export function trackAction(action: Promise<unknown>): void {
  const settled = action.catch(() => {});
  actions.add(settled);
  void settled.then(() => actions.delete(settled));
}

/** Resolves when every coding action on its way has been answered. */
export function actionsSettled(): Promise<unknown> {
  return Promise.all([...actions]);
}
