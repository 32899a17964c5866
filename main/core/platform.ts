import type { Language } from '../../shared/app/contract.js';

/** Native file dialogs, where the host has them (Electron does; the browser host does not). */
export interface Dialogs {
  chooseNewStudyFile(suggestedPath: string): Promise<string | null>;
  chooseStudyFile(defaultFolder: string): Promise<string | null>;
  chooseBackupFile(suggestedPath: string): Promise<string | null>;
  chooseFolder(current: string): Promise<string | null>;
  /** A file to export to, offering the format's extension (`docx`, `xlsx`, `csv`, `pdf`, `ics`, …). */
  chooseExportFile(suggestedPath: string, format: string): Promise<string | null>;
}

/** What the host (the Electron shell or the browser host) tells the core about the machine. */
export interface Platform {
  appVersion: string;
  /** Where Groundwork keeps its own small settings file and the demo study. */
  userDataDir: string;
  /** Where new studies are suggested to go. */
  defaultStudyFolder: string;
  systemLanguage: Language;
  dialogs: Dialogs | null;
}
