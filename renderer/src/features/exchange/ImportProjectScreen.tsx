import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../../shared/contract/errors.js';
import type { ImportCounts, NotHeld } from '../../../../shared/exchange/contract.js';
import type { StudySummary } from '../../../../shared/study/contract.js';
import { useApp } from '../../app/AppContext.js';
import { fileNameOf } from '../../app/paths.js';
import { screenFor } from '../../app/screens.js';
import { invoke, onCoreEvent } from '../../bridge/index.js';
import { suggestedPath } from '../create/suggestPath.js';
import { checkNewPassphrase, PassphraseFields, type NewPassphrase } from '../passphrase/index.js';
import { Alert, Button, Field, TextField, errorCodeOf, showErrorsAndFocus } from '../../ui/index.js';
import { NotHeldList, useChosenFile } from './ExchangePage.js';
import './exchange.css';
import { NoRecoveryNotice } from '../create/NoRecoveryNotice.js';

interface Errors {
  title: string | null;
  file: string | null;
  passphrase: string | null;
  repeat: string | null;
  understood: string | null;
  general: string | null;
}

const noErrors: Errors = { title: null, file: null, passphrase: null, repeat: null, understood: null, general: null };
const fileErrors: readonly ErrorCode[] = ['study.fileExists', 'study.folderMissing', 'study.notWritable'];

/**
 * A REFI-QDA project (.qdpx) becomes a new study: the form asks what "create study" asks (title,
 * file, passphrase), the core reads and checks the whole file before it makes the study, and
 * afterwards the screen lists what could not be held before the study is opened.
 */
export function ImportProjectScreen() {
  const { t } = useTranslation();
  const { info, go } = useApp();
  const chosen = useChosenFile();
  const [title, setTitle] = useState('');
  const [fileEdited, setFileEdited] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState<NewPassphrase>({ passphrase: '', repeat: '' });
  const [understood, setUnderstood] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [coreErrors, setCoreErrors] = useState<Errors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<string | null>(null);
  const [result, setResult] = useState<{ study: StudySummary; counts: ImportCounts; notHeld: NotHeld[] } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);
  // The form is replaced by the outcome: its heading takes the focus, so it is read out first.
  useEffect(() => {
    if (result) doneRef.current?.focus();
  }, [result]);
  const studyFile = fileEdited ?? suggestedPath(info, title);

  function edit<T>(set: (value: T) => void): (value: T) => void {
    return (value) => {
      setCoreErrors(noErrors);
      set(value);
    };
  }

  function validate(): Errors & { project: string | null } {
    const pass = checkNewPassphrase(passphrase, [title, fileNameOf(studyFile)], t);
    return {
      project: chosen.file ? null : t('exchange.chooseFile'),
      title: title.trim() ? null : t('exchange.importProject.titleRequired'),
      file: studyFile.trim() ? null : t('exchange.fileRequired'),
      passphrase: pass.passphrase,
      repeat: pass.repeat,
      understood: understood ? null : t('exchange.importProject.mustUnderstand'),
      general: null,
    };
  }

  const clientErrors = submitted ? validate() : { ...noErrors, project: null };
  const errors = {
    project: clientErrors.project ?? chosen.fieldError,
    title: clientErrors.title ?? coreErrors.title,
    file: clientErrors.file ?? coreErrors.file,
    passphrase: clientErrors.passphrase ?? coreErrors.passphrase,
    repeat: clientErrors.repeat ?? coreErrors.repeat,
    understood: clientErrors.understood,
    general: coreErrors.general,
  };

  async function choose(files: FileList | null) {
    setCoreErrors(noErrors);
    await chosen.choose(files);
    const name = files?.[0]?.name.replace(/\.(qdpx|qde)$/i, '') ?? '';
    if (!title.trim() && name) setTitle(name);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (Object.values(validate()).some(Boolean) || !chosen.file) {
      showErrorsAndFocus(formRef.current, () => setSubmitted(true));
      return;
    }
    setCoreErrors(noErrors);
    setBusy(true);
    const importId = globalThis.crypto.randomUUID();
    const stop = onCoreEvent('exchange.importProgress', (report) => {
      if (report.importId !== importId || report.phase === 'done') return;
      setProgress(t(`exchange.importProject.${report.phase}`, { done: report.done, total: report.total }));
    });
    try {
      const answer = await invoke('exchange.importProject', {
        importId,
        fileName: chosen.file.name,
        base64: chosen.file.base64,
        title: title.trim(),
        path: studyFile.trim(),
        passphrase: passphrase.passphrase,
      });
      setResult(answer);
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
    } finally {
      stop();
      setProgress(null);
    }
  }

  if (result) {
    const { counts } = result;
    return (
      <main className="page" id="main">
        <h1 tabIndex={-1} ref={doneRef}>
          {t('exchange.importProject.doneHeading')}
        </h1>
        <p className="lead">{t('exchange.importProject.made', counts)}</p>
        <Alert tone="info">{t('exchange.importProject.raw')}</Alert>
        {result.notHeld.length === 0 ? <p>{t('exchange.importProject.allHeld')}</p> : <NotHeldList items={result.notHeld} />}
        <div className="actions">
          <Button variant="primary" onClick={() => go(screenFor({ status: 'open', study: result.study }))}>
            {t('exchange.importProject.open')}
          </Button>
        </div>
      </main>
    );
  }

  return (
    <main className="page" id="main">
      <h1 tabIndex={-1}>{t('exchange.importProject.heading')}</h1>
      <p className="lead">{t('exchange.importProject.intro')}</p>
      <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate className="form">
        <Field label={t('exchange.importProject.file')} error={errors.project}>
          {(control) => <input {...control} type="file" accept=".qdpx,.qde" onChange={(event) => void choose(event.target.files)} disabled={busy} />}
        </Field>
        <TextField label={t('exchange.importProject.title')} value={title} onValueChange={edit(setTitle)} error={errors.title} className="input input--wide" autoComplete="off" />
        <TextField
          label={t('exchange.importProject.studyFile')}
          hint={t('exchange.importProject.studyFileHint')}
          value={studyFile}
          onValueChange={edit(setFileEdited)}
          error={errors.file}
          className="input input--wide"
          spellCheck={false}
          autoComplete="off"
        />
        <fieldset className="fieldset">
          <legend>{t('exchange.importProject.passphraseHeading')}</legend>
          <PassphraseFields
            value={passphrase}
            onChange={edit(setPassphrase)}
            related={[title, fileNameOf(studyFile)]}
            labels={{ passphrase: t('passphrase.label'), repeat: t('passphrase.repeat') }}
            errors={{ passphrase: errors.passphrase, repeat: errors.repeat }}
          />
        </fieldset>
        <NoRecoveryNotice understood={understood} onChange={setUnderstood} error={errors.understood} label={t('exchange.importProject.understand')} />
        {errors.general ? <Alert tone="error">{errors.general}</Alert> : null}
        {progress ? (
          <p role="status" className="muted">
            {progress}
          </p>
        ) : null}
        <div className="actions">
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? t('exchange.importProject.importing') : t('exchange.importProject.submit')}
          </Button>
          <Button variant="quiet" onClick={() => go({ name: 'start' })} disabled={busy}>
            {t('exchange.importProject.cancel')}
          </Button>
        </div>
      </form>
    </main>
  );
}
