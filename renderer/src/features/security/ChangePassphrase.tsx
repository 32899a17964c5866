import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../bridge/index.js';
import { checkNewPassphrase, PassphraseFields, PassphraseInput, type NewPassphrase } from '../passphrase/index.js';
import { Alert, Button, errorCodeOf, showErrorsAndFocus } from '../../ui/index.js';

interface Errors {
  current: string | null;
  passphrase: string | null;
  repeat: string | null;
  general: string | null;
}
const noErrors: Errors = { current: null, passphrase: null, repeat: null, general: null };

/** Changing the key of the open study; older backups keep the old one. */
/** `related`: the study's title and file name, which the new passphrase must not be built from. */
export function ChangePassphrase({ related }: { related: readonly string[] }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState<NewPassphrase>({ passphrase: '', repeat: '' });
  const [submitted, setSubmitted] = useState(false);
  const [coreErrors, setCoreErrors] = useState<Errors>(noErrors);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  function validate(): Errors {
    return { ...noErrors, current: current ? null : t('security.currentRequired'), ...checkNewPassphrase(next, related, t) };
  }
  const clientErrors = submitted ? validate() : noErrors;
  const errors: Errors = {
    current: clientErrors.current ?? coreErrors.current,
    passphrase: clientErrors.passphrase ?? coreErrors.passphrase,
    repeat: clientErrors.repeat,
    general: coreErrors.general,
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    const found = validate();
    if (found.current || found.passphrase || found.repeat) {
      showErrorsAndFocus(formRef.current, () => setSubmitted(true));
      return;
    }
    setCoreErrors(noErrors);
    setBusy(true);
    try {
      await invoke('study.changePassphrase', { current, next: next.passphrase });
      setCurrent('');
      setNext({ passphrase: '', repeat: '' });
      setSubmitted(false);
      setDone(true);
    } catch (caught) {
      const code = errorCodeOf(caught);
      const message = t(`errors.${code}`);
      showErrorsAndFocus(formRef.current, () =>
        setCoreErrors({
          ...noErrors,
          current: code === 'passphrase.wrongCurrent' ? message : null,
          passphrase: code === 'passphrase.tooWeak' || code === 'passphrase.sameAsCurrent' ? message : null,
          general: ['passphrase.wrongCurrent', 'passphrase.tooWeak', 'passphrase.sameAsCurrent'].includes(code) ? null : message,
        }),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} className="form card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="passphrase-heading">
      <h3 id="passphrase-heading">{t('security.passphraseHeading')}</h3>
      <p>{t('security.passphraseIntro')}</p>
      <PassphraseInput
        label={t('passphrase.current')}
        value={current}
        onValueChange={(value) => {
          setCoreErrors(noErrors);
          setCurrent(value);
        }}
        toggleLabel={t('passphrase.showCurrent')}
        error={errors.current}
        autoComplete="current-password"
      />
      <PassphraseFields
        value={next}
        onChange={(value) => {
          setCoreErrors(noErrors);
          setDone(false);
          setNext(value);
        }}
        related={related}
        labels={{ passphrase: t('passphrase.newLabel'), repeat: t('passphrase.repeatNew') }}
        errors={{ passphrase: errors.passphrase, repeat: errors.repeat }}
      />
      {errors.general ? <Alert tone="error">{errors.general}</Alert> : null}
      {done ? <Alert tone="success">{t('security.passphraseChanged')}</Alert> : null}
      <div className="actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {t('security.changePassphrase')}
        </Button>
      </div>
    </form>
  );
}
