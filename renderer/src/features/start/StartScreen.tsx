import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext.js';
import { fileNameOf } from '../../app/paths.js';
import { screenFor } from '../../app/screens.js';
import { invoke } from '../../bridge/index.js';
import { Alert, Button, TextField, showErrorsAndFocus, useErrorText } from '../../ui/index.js';
import { LanguageSelect } from './LanguageSelect.js';
import { RecentStudies } from './RecentStudies.js';

/** The first thing the researcher sees: create, open, try the demo, or pick a recent study. */
export function StartScreen() {
  const { t } = useTranslation();
  const { info, go } = useApp();
  const errorText = useErrorText();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [typingPath, setTypingPath] = useState(false);

  function openPath(path: string) {
    go({ name: 'unlock', path, fileName: fileNameOf(path), reason: null });
  }

  async function chooseFile() {
    setError(null);
    if (!info.nativeDialogs) {
      setTypingPath(true);
      return;
    }
    try {
      const { path } = await invoke('dialog.chooseStudyFile', {});
      if (path) openPath(path);
    } catch (caught) {
      setError(caught);
    }
  }

  async function openDemo() {
    setError(null);
    setBusy(true);
    try {
      const study = await invoke('study.openDemo', {});
      go(screenFor({ status: 'open', study }));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <main className="page page--start" id="main">
      <header className="brand">
        <h1 tabIndex={-1} className="brand__name">
          {t('app.name')}
        </h1>
        <p className="brand__tagline">{t('app.tagline')}</p>
      </header>

      <div className="start-actions">
        <Button variant="primary" onClick={() => go({ name: 'create' })}>
          {t('start.create')}
        </Button>
        <Button variant="secondary" onClick={() => go({ name: 'importProject' })}>
          {t('exchange.importProject.start')}
        </Button>
        <Button variant="secondary" onClick={() => void chooseFile()} aria-expanded={info.nativeDialogs ? undefined : typingPath}>
          {t('start.open')}
        </Button>
        <Button variant="secondary" onClick={() => void openDemo()} disabled={busy} aria-describedby="demo-hint">
          {t('start.openDemo')}
        </Button>
        <p className="muted small" id="demo-hint">
          {t('start.demoHint')}
        </p>
      </div>

      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {typingPath ? <OpenByPath onOpen={openPath} /> : null}

      <RecentStudies onOpen={(study) => openPath(study.path)} />

      <footer className="start-footer">
        <LanguageSelect />
      </footer>
    </main>
  );
}

/** Without native dialogs (the browser host), the researcher types the path of the study file. */
function OpenByPath({ onOpen }: { onOpen: (path: string) => void }) {
  const { t } = useTranslation();
  const { info } = useApp();
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = path.trim();
    if (!trimmed) {
      showErrorsAndFocus(formRef.current, () => setError(t('start.fileRequired')));
      return;
    }
    onOpen(trimmed);
  }

  return (
    <form ref={formRef} className="section card" onSubmit={submit} noValidate aria-labelledby="open-heading">
      <h2 id="open-heading">{t('start.openByPathHeading')}</h2>
      <TextField
        label={t('start.fileLabel')}
        hint={t('start.fileHint', { extension: info.studyFileExtension })}
        value={path}
        onValueChange={setPath}
        error={error}
        autoFocus
        spellCheck={false}
        className="input input--wide"
      />
      <div className="actions">
        <Button type="submit" variant="primary">
          {t('start.openFile')}
        </Button>
      </div>
    </form>
  );
}
