import type { ReactNode } from 'react';
import { Field } from '../../ui/index.js';

interface SelectFieldProps<V extends string> {
  label: string;
  hint?: string | undefined;
  value: V;
  onValueChange: (value: V) => void;
  options: readonly { value: V; label: string }[];
  after?: ReactNode;
}

/** A labelled drop-down built on the app's Field, so label and hint are tied to it. */
export function SelectField<V extends string>({ label, hint, value, onValueChange, options, after }: SelectFieldProps<V>) {
  return (
    <Field label={label} hint={hint} after={after}>
      {(control) => (
        <select {...control} className="select" value={value} onChange={(event) => onValueChange(event.target.value as V)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
