import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../bridge/index.js';
import { Alert, Button, TextField, showErrorsAndFocus, useErrorText } from '../../ui/index.js';
import { useDates } from './dates.js';

/** The end of the study: every participant's identifying details deleted in one confirmed step. */
export function DeleteAllIdentity() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { day } = useDates();
  const [status, setStatus] = useState<{ deletedAt: string | null; participantsWithDetails: number } | null>(null);
  const [typed, setTyped] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<number | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const word = t('participants.endOfStudy.word');

  useEffect(() => {
    invoke('participants.identityStatus', {}).then(setStatus, setError);
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (typed.trim() !== word) {
      showErrorsAndFocus(formRef.current, () => setFieldError(t('participants.endOfStudy.wrongWord', { word })));
      return;
    }
    setFieldError(null);
    try {
      const result = await invoke('participants.deleteAllIdentity', { confirmed: true });
      setDone(result.count);
      setStatus({ deletedAt: result.deletedAt, participantsWithDetails: 0 });
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="card" aria-labelledby="end-of-study-heading">
      <h3 id="end-of-study-heading">{t('participants.endOfStudy.heading')}</h3>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {done !== null ? <Alert tone="success">{t('participants.endOfStudy.done', { count: done })}</Alert> : null}
      {status?.deletedAt ? (
        <Alert tone="info">{t('participants.identity.deletedOn', { date: day(status.deletedAt) })}</Alert>
      ) : status ? (
        <form ref={formRef} className="form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="end-of-study-heading">
          <p>{t('participants.endOfStudy.body')}</p>
          <p>{t('participants.endOfStudy.count', { count: status.participantsWithDetails })}</p>
          <TextField
            label={t('participants.endOfStudy.confirmLabel', { word })}
            value={typed}
            onValueChange={setTyped}
            error={fieldError}
            autoComplete="off"
            spellCheck={false}
          />
          <div className="actions">
            <Button type="submit" variant="danger">
              {t('participants.endOfStudy.submit')}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
