import { useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { demoPassphrase } from '../../../../shared/study/demo.js';
import type { StudySummary } from '../../../../shared/study/contract.js';
import { useApp } from '../../app/AppContext.js';
import { screenFor } from '../../app/screens.js';
import { invoke, onMenu, type MenuAction } from '../../bridge/index.js';
import { Alert, Button, UnsavedChangesDialog, isShortcut, shortcutLabel, useErrorText } from '../../ui/index.js';
import { hasPendingSaves, PendingSaveFailed, saveAllPending } from './pendingSaves.js';
import { studySections, type PassagePlace } from './sections.js';
import { useActivityReporting } from './useActivity.js';
import { useCodingUndoShortcut } from '../coding/useCodingUndo.js';

interface StudyScreenProps {
  study: StudySummary;
}

/** Inside an open study: the header, the navigation, the lock button and the current page. */
export function StudyScreen({ study: initial }: StudyScreenProps) {
  const { t } = useTranslation();
  const { go } = useApp();
  const errorText = useErrorText();
  const [study, setStudy] = useState(initial);
  const [tab, setTab] = useState<string>(studySections[0]!.id);
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState<(() => void) | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [unsaved, setUnsaved] = useState<PendingSaveFailed['reason'] | null>(null);
  const [backupRequest, setBackupRequest] = useState(0);
  const [passagePlace, setPassagePlace] = useState<PassagePlace | null>(null);

  useActivityReporting();
  // Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z undo and redo coding actions in every view (not in text fields).
  useCodingUndoShortcut(setError);

  // Closing the window (or reloading) while a section holds unsaved changes asks first: the browser
  // shows its own question, and the Electron shell one in the researcher's language. A save still
  // on its way (a transcript typed a moment ago) is sent at once and asked about too, so it can
  // arrive while the question is open.
  useEffect(() => {
    const ask = (event: BeforeUnloadEvent) => {
      if (!dirty && !hasPendingSaves()) return;
      saveAllPending().catch(() => {});
      event.preventDefault();
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);

  /** Runs `action` at once, or after the researcher agrees to drop unsaved changes. */
  function guarded(action: () => void) {
    if (dirty) setPending(() => action);
    else action();
  }

  /**
   * Before the study locks or closes, what the sections are still saving (a transcript typed a
   * moment ago) is saved; if that fails, the study stays open and says so, and nothing is lost.
   */
  async function savedFirst(): Promise<boolean> {
    setError(null);
    setUnsaved(null);
    try {
      await saveAllPending();
      return true;
    } catch (caught) {
      setUnsaved(caught instanceof PendingSaveFailed ? caught.reason : 'failed');
      return false;
    }
  }

  async function lock() {
    if (!(await savedFirst())) return;
    try {
      go(screenFor(await invoke('study.lock', {})));
    } catch (caught) {
      setError(caught);
    }
  }

  async function closeThen(next: () => void) {
    if (!(await savedFirst())) return;
    await invoke('study.close', {}).catch(() => {});
    next();
  }

  const requestLock = () => guarded(() => void lock());

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (isShortcut(event, 'l')) {
      event.preventDefault();
      requestLock();
    }
  });
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Menu commands while a study is open (the app handles them when none is).
  const onMenuRequest = useEffectEvent((action: MenuAction) => {
    if (action === 'lockStudy') requestLock();
    else if (action === 'saveBackup')
      guarded(() => {
        setTab('security');
        setBackupRequest((count) => count + 1);
      });
    else if (action === 'newStudy') guarded(() => void closeThen(() => go({ name: 'create' })));
    else if (action === 'openStudy') guarded(() => void closeThen(() => go({ name: 'start' })));
  });
  useEffect(() => onMenu(onMenuRequest), []);

  const section = studySections.find((candidate) => candidate.id === tab) ?? studySections[0]!;
  return (
    <div className={section.wide ? 'study study--wide' : 'study'}>
      <header className="study-header">
        <div className="study-header__inner">
          <div className="study-header__title">
            <h1 tabIndex={-1}>{study.title}</h1>
            <p className="study-header__file">{study.fileName}</p>
          </div>
          <Button variant="secondary" onClick={requestLock} aria-keyshortcuts="Control+L Meta+L" title={t('study.lockShortcut', { keys: shortcutLabel('l') })}>
            {t('study.lock')}
          </Button>
        </div>
      </header>
      {study.isDemo ? (
        <div className="demo-banner" role="note">
          {t('study.demoBanner')} {t('study.demoPassphrase')} <code>{demoPassphrase}</code>
        </div>
      ) : null}
      <div className="study-body">
        <nav className="study-nav" aria-label={t('study.navLabel')}>
          <ul>
            {studySections.map((section) => (
              <li key={section.id}>
                <button
                  type="button"
                  className="study-nav__link"
                  aria-current={tab === section.id ? 'page' : undefined}
                  onClick={() => tab !== section.id && guarded(() => setTab(section.id))}
                >
                  {section.label(t)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <main className="page study-page" id="main">
          {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
          {unsaved ? <Alert tone="error">{t(unsaved === 'timeout' ? 'study.unsavedTimeout' : 'study.unsavedFailed')}</Alert> : null}
          {section.render({
            study,
            onDirtyChange: setDirty,
            onStudyChanged: setStudy,
            navigate: (section) => guarded(() => setTab(section)),
            backupRequest,
            passagePlace,
            openPassage: (place) =>
              guarded(() => {
                setPassagePlace({ ...place });
                setTab('coding');
              }),
          })}
        </main>
      </div>
      <UnsavedChangesDialog
        open={pending !== null}
        onStay={() => setPending(null)}
        onDiscard={() => {
          const action = pending;
          setPending(null);
          setDirty(false);
          action?.();
        }}
      />
    </div>
  );
}
