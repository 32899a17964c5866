import { Field } from './Field.js';

interface DateTimeFieldProps {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  hint?: string | undefined;
  error?: string | null | undefined;
  /** For a time: the steps the picker offers, in seconds (300 = five minutes). */
  step?: number | undefined;
}

/** A day (YYYY-MM-DD) in the browser's own date picker, with its label, hint and error wired. */
export function DateField({ label, value, onValueChange, hint, error }: Omit<DateTimeFieldProps, 'step'>) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => <input {...control} type="date" className="input input--date" value={value} onChange={(event) => onValueChange(event.target.value)} />}
    </Field>
  );
}

/** A time of day (HH:MM) in the browser's own time picker, with its label, hint and error wired. */
export function TimeField({ label, value, onValueChange, hint, error, step }: DateTimeFieldProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => <input {...control} type="time" step={step} className="input input--time" value={value} onChange={(event) => onValueChange(event.target.value)} />}
    </Field>
  );
}
