import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../../shared/contract/errors.js';
import { useApp } from '../../app/AppContext.js';
import { fileNameOf } from '../../app/paths.js';
import { screenFor } from '../../app/screens.js';
import { invoke } from '../../bridge/index.js';
import { checkNewPassphrase, PassphraseFields, type NewPassphrase } from '../passphrase/index.js';
import { Alert, Button, TextField, errorCodeOf, showErrorsAndFocus } from '../../ui/index.js';
import { suggestedPath } from './suggestPath.js';
import { NoRecoveryNotice } from './NoRecoveryNotice.js';

interface Errors {
  title: string | null;
  file: string | null;
  passphrase: string | null;
  repeat: string | null;
  understood: string | null;
  general: string | null;
}

const noErrors: Errors = { title: null, file: null, passphrase: null, repeat: null, understood: null, general: null };

/** Errors from the core that belong to one field rather than to the form. */
const fileErrors: readonly ErrorCode[] = ['study.fileExists', 'study.folderMissing', 'study.notWritable'];

export function CreateStudyScreen() {
  const { t } = useTranslation();
  const { info, go } = useApp();
  const [title, setTitle] = useState('');
  const [fileEdited, setFileEdited] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState<NewPassphrase>({ passphrase: '', repeat: '' });
  const [understood, setUnderstood] = useState(false);
  // After the first attempt, the form's own checks follow every keystroke; the core's answer
  // stays until the researcher changes something.
  const [submitted, setSubmitted] = useState(false);
  const [coreErrors, setCoreErrors] = useState<Errors>(noErrors);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const file = fileEdited ?? suggestedPath(info, title);

  async function chooseFile() {
    try {
      const { path } = await invoke('dialog.chooseNewStudyFile', { suggestedName: title.slice(0, 200) });
      if (path) setFileEdited(path);
    } catch {
      // Cancelling or failing to show the dialog leaves the field as it was.
    }
  }

  function edit<T>(set: (value: T) => void): (value: T) => void {
    return (value) => {
      setCoreErrors(noErrors);
      set(value);
    };
  }

  function validate(): Errors {
    const pass = checkNewPassphrase(passphrase, [title, fileNameOf(file)], t);
    return {
      title: title.trim() ? null : t('create.titleRequired'),
      file: file.trim() ? null : t('create.fileRequired'),
      passphrase: pass.passphrase,
      repeat: pass.repeat,
      understood: understood ? null : t('create.mustUnderstand'),
      general: null,
    };
  }

  const clientErrors = submitted ? validate() : noErrors;
  const errors: Errors = {
    title: clientErrors.title ?? coreErrors.title,
    file: clientErrors.file ?? coreErrors.file,
    passphrase: clientErrors.passphrase ?? coreErrors.passphrase,
    repeat: clientErrors.repeat ?? coreErrors.repeat,
    understood: clientErrors.understood,
    general: coreErrors.general,
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (Object.values(validate()).some(Boolean)) {
      showErrorsAndFocus(formRef.current, () => setSubmitted(true));
      return;
    }
    setCoreErrors(noErrors);
    setBusy(true);
    try {
      const study = await invoke('study.create', { title: title.trim(), path: file.trim(), passphrase: passphrase.passphrase });
      go(screenFor({ status: 'open', study }));
    } catch (caught) {
      setBusy(false);
      const code = errorCodeOf(caught);
      const message = t(`errors.${code}`);
      showErrorsAndFocus(formRef.current, () =>
        setCoreErrors({
          ...noErrors,
          file: fileErrors.includes(code) ? message : null,
          passphrase: code === 'passphrase.tooWeak' ? message : null,
          general: fileErrors.includes(code) || code === 'passphrase.tooWeak' ? null : message,
        }),
      );
    }
  }

  return (
    <main className="page" id="main">
      <h1 tabIndex={-1}>{t('create.heading')}</h1>
      <p className="lead">{t('create.intro')}</p>
      <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate className="form">
        <TextField
          label={t('create.title')}
          hint={t('create.titleHint')}
          value={title}
          onValueChange={edit(setTitle)}
          error={errors.title}
          className="input input--wide"
          autoComplete="off"
        />
        <TextField
          label={t('create.file')}
          hint={t('create.fileHint')}
          value={file}
          onValueChange={edit(setFileEdited)}
          error={errors.file}
          className="input input--wide"
          spellCheck={false}
          autoComplete="off"
          after={
            info.nativeDialogs ? (
              <Button variant="secondary" onClick={() => void chooseFile()}>
                {t('create.chooseFile')}
              </Button>
            ) : null
          }
        />

        <fieldset className="fieldset">
          <legend>{t('create.passphraseHeading')}</legend>
          <PassphraseFields
            value={passphrase}
            onChange={edit(setPassphrase)}
            related={[title, fileNameOf(file)]}
            labels={{ passphrase: t('passphrase.label'), repeat: t('passphrase.repeat') }}
            errors={{ passphrase: errors.passphrase, repeat: errors.repeat }}
          />
        </fieldset>

        <NoRecoveryNotice understood={understood} onChange={setUnderstood} error={errors.understood} label={t('create.understand')} required />

        {errors.general ? <Alert tone="error">{errors.general}</Alert> : null}

        <div className="actions">
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? t('create.creating') : t('create.submit')}
          </Button>
          <Button variant="quiet" onClick={() => go({ name: 'start' })}>
            {t('create.cancel')}
          </Button>
        </div>
      </form>
    </main>
  );
}
