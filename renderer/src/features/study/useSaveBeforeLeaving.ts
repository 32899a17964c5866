import { useEffect, useRef } from 'react';
import { registerPendingSave, type SavePending } from './pendingSaves.js';

/**
 * For a section that saves by itself (an autosave): the study saves through `save` before it
 * locks or closes; `isPending` tells whether anything is unsaved. The latest functions given are
 * the ones called.
 */
export function useSaveBeforeLeaving(save: SavePending, isPending: () => boolean): void {
  const latest = useRef({ save, isPending });
  useEffect(() => {
    latest.current = { save, isPending };
  });
  useEffect(
    () =>
      registerPendingSave(
        () => latest.current.save(),
        () => latest.current.isPending(),
      ),
    [],
  );
}
