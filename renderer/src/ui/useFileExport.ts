import { useRef, useState, type FormEvent } from 'react';
import { fileNameOf } from '../app/paths.js';
import { showErrorsAndFocus } from './forms.js';

/**
 * The working of a form that writes one document to a file the researcher names: the outcome of the
 * last try is cleared, an empty path is refused in its field (which takes the focus), one write
 * runs at a time, and then either the written file's name (`done`) or what went wrong (`error`).
 */
export function useFileExport(fileRequired: string) {
  const formRef = useRef<HTMLFormElement>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Handles the form's submit: `write` gets the trimmed path and answers with where it wrote. */
  async function submit(event: FormEvent, target: string, write: (path: string) => Promise<{ path: string }>) {
    event.preventDefault();
    setDone(null);
    setError(null);
    if (!target.trim()) {
      showErrorsAndFocus(formRef.current, () => setFieldError(fileRequired));
      return;
    }
    setFieldError(null);
    setBusy(true);
    try {
      const written = await write(target.trim());
      setDone(fileNameOf(written.path));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return { formRef, fieldError, error, done, busy, submit };
}
