import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { demoPassphrase } from '../../../../shared/study/demo.js';
import { useApp } from '../../app/AppContext.js';
import { screenFor, type Screen } from '../../app/screens.js';
import { invoke } from '../../bridge/index.js';
import { PassphraseInput } from '../passphrase/index.js';
import { Alert, Button, showErrorsAndFocus, useErrorText } from '../../ui/index.js';

/** The demo study's file name, as the core makes it. */
const demoFileName = 'Demo study.groundwork';

type UnlockScreenProps = { screen: Extract<Screen, { name: 'unlock' }> };

/** Asks for the passphrase of a locked study, or of a study picked from the list or a dialog. */
export function UnlockScreen({ screen }: UnlockScreenProps) {
  const { t } = useTranslation();
  const { go } = useApp();
  const errorText = useErrorText();
  const [passphrase, setPassphrase] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!passphrase) {
      showErrorsAndFocus(formRef.current, () => setFieldError(t('unlock.required')));
      return;
    }
    setFieldError(null);
    setBusy(true);
    try {
      const study = await invoke('study.open', { path: screen.path, passphrase });
      go(screenFor({ status: 'open', study }));
    } catch (caught) {
      setBusy(false);
      setError(caught);
      // Keep what was typed, selected, so it can be corrected or typed over.
      inputRef.current?.select();
      inputRef.current?.focus();
    }
  }

  async function back() {
    // Forget the locked study in the core too, so it does not come back on the next start.
    await invoke('study.close', {}).catch(() => {});
    go({ name: 'start' });
  }

  return (
    <main className="page page--narrow" id="main">
      <h1 tabIndex={-1}>{t('unlock.heading')}</h1>
      <p className="file-name">{t('unlock.file', { name: screen.fileName })}</p>
      {screen.reason === 'idle' ? <Alert tone="info">{t('unlock.lockedIdle')}</Alert> : null}
      {screen.unsavedAtLock ? <Alert tone="error">{t('unlock.unsavedAtLock')}</Alert> : null}
      {screen.fileName === demoFileName ? (
        <p className="demo-note">
          {t('unlock.demoPassphrase')} <code>{demoPassphrase}</code>
        </p>
      ) : null}
      <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate className="form">
        <PassphraseInput
          label={t('unlock.passphrase')}
          value={passphrase}
          onValueChange={setPassphrase}
          toggleLabel={t('passphrase.show')}
          error={fieldError}
          autoComplete="current-password"
          inputRef={inputRef}
          autoFocus
        />
        {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
        <div className="actions">
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? t('unlock.unlocking') : t('unlock.submit')}
          </Button>
          <Button variant="quiet" onClick={() => void back()}>
            {t('unlock.back')}
          </Button>
        </div>
      </form>
    </main>
  );
}
