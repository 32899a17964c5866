import fs from 'node:fs';
import path from 'node:path';
import { dialog, type BrowserWindow, type FileFilter, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { Language } from '../../shared/app/contract.js';
import type { Dialogs } from '../core/platform.js';
import { studyFileExtension, withStudyExtension } from './environment.js';
import { shellTexts } from './texts.js';

/** The native file dialogs the core asks for, attached to the main window so they are modal to it. */
export function createDialogs(getWindow: () => BrowserWindow | null, getLanguage: () => Language): Dialogs {
  const studyFilter = (): FileFilter[] => [
    { name: shellTexts[getLanguage()].studyFiles, extensions: [studyFileExtension.slice(1)] },
  ];

  const save = async (options: SaveDialogOptions): Promise<string | null> => {
    const window = getWindow();
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : withStudyExtension(result.filePath);
  };

  const open = async (options: OpenDialogOptions): Promise<string | null> => {
    const window = getWindow();
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };

  return {
    chooseNewStudyFile: (suggestedPath) => {
      // The suggested folder (Documents/Groundwork) may not exist yet; the dialog would then open
      // somewhere unrelated. Making the empty folder is harmless; failing to is not an error.
      try {
        fs.mkdirSync(path.dirname(suggestedPath), { recursive: true });
      } catch {
        // The dialog still opens; the researcher picks another place.
      }
      return save({
        title: shellTexts[getLanguage()].newStudyTitle,
        defaultPath: suggestedPath,
        filters: studyFilter(),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
    },
    chooseStudyFile: (defaultFolder) =>
      open({
        title: shellTexts[getLanguage()].openStudyTitle,
        defaultPath: defaultFolder,
        filters: studyFilter(),
        properties: ['openFile'],
      }),
    chooseBackupFile: (suggestedPath) =>
      save({
        title: shellTexts[getLanguage()].backupTitle,
        defaultPath: suggestedPath,
        filters: studyFilter(),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      }),
    chooseExportFile: async (suggestedPath, format) => {
      const window = getWindow();
      const options: SaveDialogOptions = {
        title: shellTexts[getLanguage()].exportTitle,
        defaultPath: suggestedPath,
        filters: [{ name: format.toUpperCase(), extensions: [format] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      return path.extname(result.filePath) ? result.filePath : `${result.filePath}.${format}`;
    },
    chooseFolder: (current) =>
      open({
        title: shellTexts[getLanguage()].chooseFolderTitle,
        defaultPath: current,
        properties: ['openDirectory', 'createDirectory'],
      }),
  };
}
