import type { InputHTMLAttributes, Ref } from 'react';
import { Field } from './Field.js';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'>;

interface TextFieldProps extends InputProps {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  hint?: string | undefined;
  error?: string | null | undefined;
  after?: React.ReactNode;
  inputRef?: Ref<HTMLInputElement>;
}

export function TextField({ label, value, onValueChange, hint, error, after, inputRef, className, ...rest }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} after={after}>
      {(control) => (
        <input
          type="text"
          {...rest}
          {...control}
          ref={inputRef}
          className={className ?? 'input'}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
        />
      )}
    </Field>
  );
}
