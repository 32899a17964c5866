import { useId, type ReactNode } from 'react';

/** What a field gives its control so the label, hint and error are tied to it for assistive technology. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface FieldProps {
  label: string;
  hint?: string | undefined;
  error?: string | null | undefined;
  /** Shown after the control on the same line, such as a unit ("minutes") or a toggle button. */
  after?: ReactNode;
  /** Ids of further elements that describe the control, such as live feedback. */
  describedBy?: string | undefined;
  children: (control: ControlProps) => ReactNode;
}

/** A label, the control, an optional hint and an inline error, wired with ids. */
export function Field({ label, hint, error, after, describedBy: extra, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null, extra ?? null].filter(Boolean).join(' ');
  const control: ControlProps = { id };
  if (describedBy) control['aria-describedby'] = describedBy;
  if (error) control['aria-invalid'] = true;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      <div className="field__row">
        {children(control)}
        {after}
      </div>
    </div>
  );
}
