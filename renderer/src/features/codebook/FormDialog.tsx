import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { FormActions } from '../../ui/index.js';

interface FormDialogProps {
  title: string;
  submitLabel: string;
  cancelLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
  busy?: boolean;
  error?: unknown;
  wide?: boolean;
  children: ReactNode;
}

/**
 * A small form in a modal (merge, split, raise): the native <dialog>, so focus stays inside and
 * Escape cancels. Shown while it is rendered.
 */
export function FormDialog({ title, submitLabel, cancelLabel, onSubmit, onCancel, busy, error, wide, children }: FormDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog codebook-dialog codebook-dialog--wide' : 'dialog codebook-dialog'}
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form
        className="form"
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          if (!busy) onSubmit();
        }}
      >
        <h2 id={`${id}-title`} className="dialog__title">
          {title}
        </h2>
        {children}
        <FormActions error={error} submitLabel={submitLabel} cancelLabel={cancelLabel} onCancel={onCancel} busy={busy} />
      </form>
    </dialog>
  );
}
