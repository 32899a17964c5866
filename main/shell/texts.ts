import type { Language } from '../../shared/app/contract.js';

/**
 * The few words the shell itself shows (the native menu and file dialogs), in both languages. The
 * UI's own texts live in `renderer/src/i18n/`; these are here because the main process shows them.
 * Both languages must have exactly the same keys (the type and a test check it).
 */
const en = {
  fileMenu: 'File',
  newStudy: 'New study…',
  openStudy: 'Open study…',
  lockStudy: 'Lock study',
  saveBackup: 'Save a backup copy…',
  quit: 'Quit Groundwork',
  editMenu: 'Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select all',
  viewMenu: 'View',
  reload: 'Reload',
  toggleDevTools: 'Toggle developer tools',
  resetZoom: 'Actual size',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  toggleFullScreen: 'Full screen',
  helpMenu: 'Help',
  about: 'About Groundwork',
  services: 'Services',
  hide: 'Hide Groundwork',
  hideOthers: 'Hide others',
  unhide: 'Show all',
  studyFiles: 'Groundwork studies',
  newStudyTitle: 'Where should the new study be saved?',
  openStudyTitle: 'Open a study',
  backupTitle: 'Save a backup copy of the study',
  chooseFolderTitle: 'Choose a folder',
} as const;

export type ShellTexts = { readonly [K in keyof typeof en]: string };

const nb: ShellTexts = {
  fileMenu: 'Fil',
  newStudy: 'Ny studie…',
  openStudy: 'Åpne studie…',
  lockStudy: 'Lås studien',
  saveBackup: 'Lagre en sikkerhetskopi…',
  quit: 'Avslutt Groundwork',
  editMenu: 'Rediger',
  undo: 'Angre',
  redo: 'Gjør om',
  cut: 'Klipp ut',
  copy: 'Kopier',
  paste: 'Lim inn',
  selectAll: 'Merk alt',
  viewMenu: 'Vis',
  reload: 'Last inn på nytt',
  toggleDevTools: 'Vis eller skjul utviklerverktøy',
  resetZoom: 'Faktisk størrelse',
  zoomIn: 'Zoom inn',
  zoomOut: 'Zoom ut',
  toggleFullScreen: 'Fullskjerm',
  helpMenu: 'Hjelp',
  about: 'Om Groundwork',
  services: 'Tjenester',
  hide: 'Skjul Groundwork',
  hideOthers: 'Skjul andre',
  unhide: 'Vis alle',
  studyFiles: 'Groundwork-studier',
  newStudyTitle: 'Hvor skal den nye studien lagres?',
  openStudyTitle: 'Åpne en studie',
  backupTitle: 'Lagre en sikkerhetskopi av studien',
  chooseFolderTitle: 'Velg en mappe',
};

export const shellTexts: Readonly<Record<Language, ShellTexts>> = { en, nb };
