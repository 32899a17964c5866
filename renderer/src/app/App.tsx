import { useCallback, useEffect, useEffectEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, Language } from '../../../shared/app/contract.js';
import type { SessionState } from '../../../shared/study/contract.js';
import { invoke, onMenu, onStudyState, type MenuAction } from '../bridge/index.js';
import { CreateStudyScreen } from '../features/create/CreateStudyScreen.js';
import { ImportProjectScreen } from '../features/exchange/ImportProjectScreen.js';
import { StartScreen } from '../features/start/StartScreen.js';
import { StudyScreen } from '../features/study/StudyScreen.js';
import { UnlockScreen } from '../features/unlock/UnlockScreen.js';
import { applyLanguage } from '../i18n/index.js';
import { Alert } from '../ui/index.js';
import { AboutDialog } from './AboutDialog.js';
import { AppContext, type AppContextValue } from './AppContext.js';
import { screenFor, type Screen } from './screens.js';
import { hasPendingSaves } from '../features/study/pendingSaves.js';

/** The whole app: picks the screen from the session, and follows the idle lock and the native menu. */
export function App({ info }: { info: AppInfo | null }) {
  const { t } = useTranslation();
  if (!info) {
    return (
      <main className="page page--narrow" id="main">
        <h1>{t('app.name')}</h1>
        <Alert tone="error">{t('errors.internal')}</Alert>
      </main>
    );
  }
  return <ReadyApp info={info} />;
}

function ReadyApp({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Screen>({ name: 'loading' });
  const [languageSetting, setLanguage] = useState<Language | null>(info.language);
  const [aboutOpen, setAboutOpen] = useState(false);

  useEffect(() => {
    let cancelled = false;
    invoke('study.state', {})
      .then((state) => !cancelled && setScreen(screenFor(state)))
      .catch(() => !cancelled && setScreen({ name: 'start' }));
    return () => {
      cancelled = true;
    };
  }, []);

  // The idle lock: the core has already closed the study; show the unlock screen at once.
  // A save still pending then (it failed, or the window was asleep) can no longer be stored: say so.
  const onState = useEffectEvent((state: SessionState) => {
    if (state.status !== 'locked' && screen.name !== 'study') return;
    const next = screenFor(state);
    setScreen(next.name === 'unlock' && screen.name === 'study' && hasPendingSaves() ? { ...next, unsavedAtLock: true } : next);
  });
  useEffect(() => onStudyState(onState), []);

  // Menu commands that concern a study are handled by the study screen when one is open.
  const onMenuAction = useEffectEvent((action: MenuAction) => {
    if (action === 'about') setAboutOpen(true);
    else if (screen.name === 'study') return;
    else if (action === 'newStudy') setScreen({ name: 'create' });
    else if (action === 'openStudy') setScreen({ name: 'start' });
  });
  useEffect(() => onMenu(onMenuAction), []);

  // Move focus to the new screen's heading, so keyboard and screen-reader users start at the top.
  useEffect(() => {
    if (screen.name === 'loading') return;
    // A screen that focused a field itself (the unlock screen's passphrase) keeps that focus.
    if (document.activeElement && document.activeElement !== document.body) return;
    document.querySelector<HTMLElement>('h1')?.focus();
  }, [screen.name]);

  const setLanguageSetting = useCallback(
    async (language: Language | null) => {
      await invoke('app.setLanguage', { language });
      setLanguage(language);
      await applyLanguage(language ?? info.systemLanguage);
    },
    [info.systemLanguage],
  );

  const context = useMemo<AppContextValue>(
    () => ({ info, languageSetting, setLanguageSetting, go: setScreen }),
    [info, languageSetting, setLanguageSetting],
  );

  return (
    <AppContext.Provider value={context}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {screen.name === 'loading' ? (
        <main className="page page--narrow" id="main">
          <p role="status">{t('app.loading')}</p>
        </main>
      ) : null}
      {screen.name === 'start' ? <StartScreen /> : null}
      {screen.name === 'create' ? <CreateStudyScreen /> : null}
      {screen.name === 'importProject' ? <ImportProjectScreen /> : null}
      {screen.name === 'unlock' ? <UnlockScreen key={screen.path} screen={screen} /> : null}
      {screen.name === 'study' ? <StudyScreen key={screen.study.id} study={screen.study} /> : null}
      <AboutDialog open={aboutOpen} version={info.version} onClose={() => setAboutOpen(false)} />
    </AppContext.Provider>
  );
}
