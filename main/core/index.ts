import fs from 'node:fs';
import type { EventName, EventPayload } from '../../shared/contract/events.js';
import { AppSettings } from './app/appSettings.js';
import { appHandlers } from './app/handlers.js';
import type { Platform } from './platform.js';
import { createRouter, type Invoke } from './router.js';
import { StudySession } from './study/session.js';
import { studyHandlers } from './study/handlers.js';
import { participantTableHandlers } from './participantTable/handlers.js';
import { auditHandlers } from './audit/handlers.js';
import { participantHandlers } from './participants/handlers.js';
import { withdrawalHandlers } from './withdrawal/handlers.js';
import { recordingsHandlers } from './recordings/handlers.js';
import { requestsHandlers } from './requests/handlers.js';
import { overviewHandlers } from './overview/handlers.js';
import { consentHandlers } from './consent/handlers.js';
import { calendarHandlers } from './calendar/handlers.js';
import { guideHandlers } from './guide/handlers.js';
import { interviewsHandlers } from './interviews/handlers.js';
import { transcriptsHandlers } from './transcripts/handlers.js';
import { anonymisationHandlers } from './anonymisation/handlers.js';
import { exchangeHandlers } from './exchange/handlers.js';
import { analysisExportsHandlers } from './analysisExports/handlers.js';
import { comparisonHandlers } from './comparison/handlers.js';
import { codingHandlers } from './coding/handlers.js';
import { memosHandlers } from './memos/handlers.js';
import { quotesHandlers } from './quotes/handlers.js';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface Core {
  invoke: Invoke;
  /** Subscribes to what the core says unprompted; returns the unsubscribe. */
  onEvent(listener: EventListener): () => void;
  /** Closes the open study (with its automatic backup). Call before the process ends. */
  shutdown(): void;
  /** For tests: the session behind the router. */
  readonly session: StudySession;
}

/** The whole application core, as both hosts use it: no Electron, no DOM. */
export function createCore(platform: Platform): Core {
  fs.mkdirSync(platform.userDataDir, { recursive: true });
  const listeners = new Set<EventListener>();
  const settings = new AppSettings(platform.userDataDir);
  const session = new StudySession({
    onStateChange: (state) => {
      for (const listener of listeners) listener('study.state', state);
    },
    onOpened: (file) => settings.rememberOpened(file),
  });
  // Only the researcher's own input counts as activity (the UI reports it on `session.activity`):
  // a screen that polls for progress must not keep an unattended study unlocked.
  const invoke = createRouter({
    ...appHandlers(platform, settings, () => session.touch()),
    ...studyHandlers(session, platform.userDataDir),
    ...participantTableHandlers(session),
    ...auditHandlers(session),
    ...participantHandlers(session),
    ...withdrawalHandlers(session),
    ...recordingsHandlers(session),
    ...requestsHandlers(session),
    ...overviewHandlers(session),
    ...consentHandlers(session),
    ...calendarHandlers(session),
    ...guideHandlers(session),
    ...interviewsHandlers(session),
    ...transcriptsHandlers(session, (progress) => {
      for (const listener of listeners) listener('transcripts.importProgress', progress);
    }),
    ...anonymisationHandlers(session),
    ...exchangeHandlers(session, (progress) => {
      for (const listener of listeners) listener('exchange.importProgress', progress);
    }),
    ...analysisExportsHandlers(session, (progress) => {
      for (const listener of listeners) listener('analysisExports.progress', progress);
    }),
    ...comparisonHandlers(session),
    ...codingHandlers(session),
    ...memosHandlers(session),
    ...quotesHandlers(session),
  });
  return {
    invoke,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    shutdown: () => {
      session.close();
    },
    session,
  };
}

export type { Platform } from './platform.js';
