import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../shared/app/contract.js';
import type { MenuAction } from './ipcNames.js';
import { shellTexts } from './texts.js';

/** What a menu item does that is not a built-in role: it asks the UI (the UI owns every flow). */
export interface MenuActions {
  send(action: MenuAction): void;
}

export interface MenuOptions {
  /** macOS puts Quit, Hide and Services in an app menu named after the app. */
  isMac: boolean;
  /** Reload and the developer tools exist only in development. */
  isDevelopment: boolean;
  /** Lock and backup need an open study; greyed out otherwise. */
  studyOpen: boolean;
}

const defaults: MenuOptions = { isMac: false, isDevelopment: false, studyOpen: false };

/**
 * The native menu, in the app's language. Built-in roles get explicit labels, because Electron
 * would otherwise label them in the OS's language rather than the one chosen in settings.
 */
export function menuTemplate(
  language: Language,
  actions: MenuActions,
  options: Partial<MenuOptions> = {},
): MenuItemConstructorOptions[] {
  const { isMac, isDevelopment, studyOpen } = { ...defaults, ...options };
  const t = shellTexts[language];
  const send = (action: MenuAction) => () => actions.send(action);

  const appMenu: MenuItemConstructorOptions = {
    id: 'appMenu',
    label: 'Groundwork',
    submenu: [
      { id: 'about', label: t.about, click: send('about') },
      { type: 'separator' },
      { id: 'services', label: t.services, role: 'services' },
      { type: 'separator' },
      { id: 'hide', label: t.hide, role: 'hide' },
      { id: 'hideOthers', label: t.hideOthers, role: 'hideOthers' },
      { id: 'unhide', label: t.unhide, role: 'unhide' },
      { type: 'separator' },
      { id: 'quit', label: t.quit, role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    id: 'fileMenu',
    label: t.fileMenu,
    submenu: [
      { id: 'newStudy', label: t.newStudy, accelerator: 'CmdOrCtrl+N', click: send('newStudy') },
      { id: 'openStudy', label: t.openStudy, accelerator: 'CmdOrCtrl+O', click: send('openStudy') },
      { type: 'separator' },
      { id: 'lockStudy', label: t.lockStudy, accelerator: 'CmdOrCtrl+L', enabled: studyOpen, click: send('lockStudy') },
      { id: 'saveBackup', label: t.saveBackup, enabled: studyOpen, click: send('saveBackup') },
      ...(isMac ? [] : [{ type: 'separator' } as const, { id: 'quit', label: t.quit, role: 'quit' } as const]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    id: 'editMenu',
    label: t.editMenu,
    submenu: [
      { id: 'undo', label: t.undo, role: 'undo' },
      { id: 'redo', label: t.redo, role: 'redo' },
      { type: 'separator' },
      { id: 'cut', label: t.cut, role: 'cut' },
      { id: 'copy', label: t.copy, role: 'copy' },
      { id: 'paste', label: t.paste, role: 'paste' },
      { id: 'selectAll', label: t.selectAll, role: 'selectAll' },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    id: 'viewMenu',
    label: t.viewMenu,
    submenu: [
      ...(isDevelopment
        ? [
            { id: 'reload', label: t.reload, role: 'reload' } as const,
            { id: 'toggleDevTools', label: t.toggleDevTools, role: 'toggleDevTools' } as const,
            { type: 'separator' } as const,
          ]
        : []),
      { id: 'resetZoom', label: t.resetZoom, role: 'resetZoom' },
      { id: 'zoomIn', label: t.zoomIn, role: 'zoomIn' },
      { id: 'zoomOut', label: t.zoomOut, role: 'zoomOut' },
      { type: 'separator' },
      { id: 'toggleFullScreen', label: t.toggleFullScreen, role: 'togglefullscreen' },
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    id: 'helpMenu',
    label: t.helpMenu,
    role: 'help',
    submenu: [{ id: 'about', label: t.about, click: send('about') }],
  };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, helpMenu];
}
