import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { settableStatuses, type SettableStatus } from '../../../../shared/participants/contract.js';
import { invoke } from '../../bridge/index.js';
import { Alert, Button, Field, TextField, errorCodeOf, showErrorsAndFocus, useErrorText } from '../../ui/index.js';
import { today } from './dates.js';

interface AddParticipantProps {
  onAdded: () => void;
}

/** A new participant: the pseudonym is suggested ("Deltaker N"), the status and its date chosen. */
export function AddParticipant({ onAdded }: AddParticipantProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [pseudonym, setPseudonym] = useState('');
  const [status, setStatus] = useState<SettableStatus>('asked');
  const [on, setOn] = useState(today());
  const [errors, setErrors] = useState<{ pseudonym?: string; on?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [added, setAdded] = useState('');
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    invoke('participants.nextPseudonym', {}).then((next) => setPseudonym(next.pseudonym), setError);
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setAdded('');
    const found: { pseudonym?: string; on?: string } = {};
    if (!pseudonym.trim()) found.pseudonym = t('participants.add.pseudonymRequired');
    if (!on) found.on = t('participants.add.dateRequired');
    if (found.pseudonym || found.on) {
      showErrorsAndFocus(formRef.current, () => setErrors(found));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const participant = await invoke('participants.add', { pseudonym: pseudonym.trim(), status, on });
      setAdded(t('participants.add.added', { pseudonym: participant.pseudonym }));
      setPseudonym((await invoke('participants.nextPseudonym', {})).pseudonym);
      onAdded();
    } catch (caught) {
      if (errorCodeOf(caught) === 'participant.pseudonymTaken') {
        showErrorsAndFocus(formRef.current, () => setErrors({ pseudonym: t('errors.participant.pseudonymTaken') }));
      } else setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} className="form card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="add-participant-heading">
      <h3 id="add-participant-heading">{t('participants.add.heading')}</h3>
      <TextField
        label={t('participants.add.pseudonym')}
        hint={t('participants.add.pseudonymHint')}
        value={pseudonym}
        onValueChange={setPseudonym}
        error={errors.pseudonym}
        autoComplete="off"
      />
      <Field label={t('participants.add.status')}>
        {(control) => (
          <select {...control} className="select" value={status} onChange={(event) => setStatus(event.target.value as SettableStatus)}>
            {settableStatuses.map((option) => (
              <option key={option} value={option}>
                {t(`participants.status.${option}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextField
        type="date"
        label={t('participants.add.date')}
        hint={t('participants.add.dateHint')}
        value={on}
        onValueChange={setOn}
        error={errors.on}
        className="input input--date"
      />
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      <div className="actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {t('participants.add.submit')}
        </Button>
        <p role="status" className="save-status">
          {added}
        </p>
      </div>
    </form>
  );
}
