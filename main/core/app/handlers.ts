import path from 'node:path';
import type { appChannels } from '../../../shared/app/contract.js';
import { latestSchemaVersion } from '../db/migrator.js';
import type { Platform } from '../platform.js';
import type { Handler } from '../router.js';
import type { AppSettings } from './appSettings.js';
import { fileNameFor, studyFileExtension } from '../../../shared/study/fileName.js';

type AppHandlers = { [C in keyof typeof appChannels]: Handler<C> };

export function appHandlers(platform: Platform, settings: AppSettings, touch: () => void): AppHandlers {
  const dialogs = platform.dialogs;
  return {
    'app.info': () => ({
      version: platform.appVersion,
      schemaVersion: latestSchemaVersion,
      language: settings.language,
      systemLanguage: platform.systemLanguage,
      defaultStudyFolder: platform.defaultStudyFolder,
      studyFileExtension,
      nativeDialogs: dialogs !== null,
    }),
    'app.setLanguage': ({ language }) => {
      settings.setLanguage(language);
      return {};
    },
    'recent.list': () => settings.recent(),
    'recent.forget': ({ path: file }) => {
      settings.forget(file);
      return {};
    },
    'dialog.chooseNewStudyFile': async ({ suggestedName }) => {
      const suggested = path.join(platform.defaultStudyFolder, fileNameFor(suggestedName));
      return { path: dialogs ? await dialogs.chooseNewStudyFile(suggested) : suggested };
    },
    'dialog.chooseStudyFile': async () => ({
      path: dialogs ? await dialogs.chooseStudyFile(platform.defaultStudyFolder) : null,
    }),
    'dialog.chooseBackupFile': async ({ suggestedName }) => {
      const suggested = path.join(platform.defaultStudyFolder, fileNameFor(suggestedName));
      return { path: dialogs ? await dialogs.chooseBackupFile(suggested) : null };
    },
    'dialog.chooseFolder': async ({ current }) => ({
      path: dialogs ? await dialogs.chooseFolder(current ?? platform.defaultStudyFolder) : null,
    }),
    'dialog.chooseExportFile': async ({ suggestedPath, format }) => ({
      path: dialogs ? await dialogs.chooseExportFile(suggestedPath || platform.defaultStudyFolder, format) : null,
    }),
    'session.activity': () => {
      touch();
      return {};
    },
  };
}
