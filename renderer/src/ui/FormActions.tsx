import { Alert } from './Alert.js';
import { Button } from './Button.js';
import { useErrorText } from './forms.js';

interface FormActionsProps {
  /** What went wrong with the last submit (an error code or what was thrown), shown above the buttons. */
  error?: unknown;
  submitLabel: string;
  cancelLabel: string;
  onCancel: () => void;
  /** While the form is being saved: the submit button cannot be pressed twice. */
  busy?: boolean | undefined;
}

/** The end of a form: its error, if any, then submit and cancel, submit first. */
export function FormActions({ error, submitLabel, cancelLabel, onCancel, busy }: FormActionsProps) {
  const errorText = useErrorText();
  return (
    <>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      <div className="actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {submitLabel}
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          {cancelLabel}
        </Button>
      </div>
    </>
  );
}
