import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import type { Category, Code, UndoState } from '../../../../shared/coding/contract.js';
import { invoke } from '../../bridge/index.js';
import { codingChanged, onCodingChanged, setUndoState, trackAction, type CodingChange } from '../coding/codingEvents.js';

export interface Codebook {
  codes: Code[];
  categories: Category[];
}

/** Something done to the codebook, told calmly after it is done ("Deleted 3 codes." with Undo). */
export interface Done {
  message: string;
  /** Offer Undo in the notice (the action is the last one on the undo stack). */
  undoable: boolean;
}

/**
 * The whole codebook in one answer (`coding.codebook`: every code with its counts, every category),
 * fetched again after each action; no row fetches anything of its own. `act` runs an action, tells
 * the other views of the analysis (and the study's undo state), then reloads. A change made
 * elsewhere (Ctrl+Z anywhere in the study, the workspace) reloads it too; `onChange` hears of it.
 */
export function useCodebook(onChange?: (change: CodingChange) => void) {
  const [book, setBook] = useState<Codebook | null>(null);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);
  const token = useRef({});
  const heard = useEffectEvent((change: CodingChange) => onChange?.(change));

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    const answer = await invoke('coding.codebook', {});
    // An older answer that arrives after a newer request is dropped.
    if (mine !== generation.current) return;
    setUndoState(answer.undo);
    setBook({ codes: answer.codes, categories: answer.categories });
  }, []);

  useEffect(() => {
    reload().catch(setError);
    return onCodingChanged((change) => {
      if (change.origin === token.current) return;
      heard(change);
      reload().catch(setError);
    });
  }, [reload]);

  /** Runs an action and answers what it answered. Errors are thrown for the caller (a form shows them by its field). */
  const act = useCallback(
    async <T extends { undo: UndoState }>(run: () => Promise<T>): Promise<T> => {
      const action = run();
      trackAction(action);
      const answer = await action;
      codingChanged({ undo: answer.undo, origin: token.current });
      setError(null);
      await reload().catch(setError);
      return answer;
    },
    [reload],
  );

  const byId = useMemo(() => new Map((book?.codes ?? []).map((code) => [code.id, code])), [book]);
  const categoryById = useMemo(() => new Map((book?.categories ?? []).map((category) => [category.id, category])), [book]);

  return { book, error, setError, reload, act, byId, categoryById };
}
