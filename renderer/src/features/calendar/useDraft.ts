import { useState } from 'react';

/**
 * A part of a page that is edited and then saved with its own button (a session's attendance, the
 * leader's log): whether it has changes not saved yet, which it reports to the page so that leaving
 * asks first; whether it was just saved; and what went wrong with the last save.
 */
export function useDraft(onDirty: (dirty: boolean) => void) {
  const [changed, setChanged] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  /** Call on every edit: the part is unsaved from now on. */
  function edited() {
    setSaved(false);
    if (!changed) {
      setChanged(true);
      onDirty(true);
    }
  }

  /** Runs `write`; when it succeeds the part is saved, when it fails its error is shown and it stays unsaved. */
  async function save(write: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await write();
      setChanged(false);
      onDirty(false);
      setSaved(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return { changed, saved, error, busy, edited, save };
}
