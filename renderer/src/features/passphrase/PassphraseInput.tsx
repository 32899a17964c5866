import { useState, type Ref } from 'react';
import { Button, Field } from '../../ui/index.js';

interface PassphraseInputProps {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  /** The name of the show button, e.g. "Show passphrase". Leave out when a group has one toggle. */
  toggleLabel?: string;
  /** When a surrounding group controls visibility. */
  visible?: boolean;
  hint?: string | undefined;
  error?: string | null | undefined;
  describedBy?: string | undefined;
  autoComplete: 'current-password' | 'new-password';
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/** A password field with an optional "show" toggle (a pressed/not pressed button). */
export function PassphraseInput(props: PassphraseInputProps) {
  const [shown, setShown] = useState(false);
  const visible = props.visible ?? shown;
  const toggle = props.toggleLabel ? (
    <Button variant="quiet" aria-pressed={shown} onClick={() => setShown((value) => !value)}>
      {props.toggleLabel}
    </Button>
  ) : null;
  return (
    <Field label={props.label} hint={props.hint} error={props.error} describedBy={props.describedBy} after={toggle}>
      {(control) => (
        <input
          {...control}
          ref={props.inputRef}
          className="input input--passphrase"
          type={visible ? 'text' : 'password'}
          value={props.value}
          onChange={(event) => props.onValueChange(event.target.value)}
          autoComplete={props.autoComplete}
          autoFocus={props.autoFocus}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
        />
      )}
    </Field>
  );
}
