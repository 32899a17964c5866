import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { languages } from '../../../shared/app/contract.js';
import { channelNames } from '../../../shared/contract/channels.js';
import { channelListArgument, channelsFromArgv, isMenuAction, menuActions } from '../../../main/shell/ipcNames.js';
import { menuTemplate, type MenuOptions } from '../../../main/shell/menu.js';
import { shellTexts } from '../../../main/shell/texts.js';

type Item = MenuItemConstructorOptions;

function submenu(item: Item | undefined): Item[] {
  return Array.isArray(item?.submenu) ? (item.submenu as Item[]) : [];
}

function flatten(items: Item[]): Item[] {
  return items.flatMap((item) => [item, ...flatten(submenu(item))]);
}

/** The menu without its words: ids, roles, accelerators, nesting. */
function shape(items: Item[]): unknown[] {
  return items.map((item) => ({
    id: item.id,
    type: item.type,
    role: item.role,
    accelerator: item.accelerator,
    enabled: item.enabled,
    hasClick: typeof item.click === 'function',
    submenu: shape(submenu(item)),
  }));
}

function find(items: Item[], id: string): Item | undefined {
  return flatten(items).find((item) => item.id === id);
}

const variants: Partial<MenuOptions>[] = [
  {},
  { isMac: true },
  { isDevelopment: true },
  { studyOpen: true },
  { isMac: true, isDevelopment: true, studyOpen: true },
];

describe('shell texts', () => {
  it('have the same keys in every language, none empty', () => {
    const keys = Object.keys(shellTexts.en).sort();
    for (const language of languages) {
      expect(Object.keys(shellTexts[language]).sort()).toEqual(keys);
      for (const text of Object.values(shellTexts[language])) expect(text.trim()).not.toBe('');
    }
  });

  it('are really translated', () => {
    expect(shellTexts.nb.fileMenu).toBe('Fil');
    expect(shellTexts.nb.lockStudy).not.toBe(shellTexts.en.lockStudy);
  });
});

describe('menuTemplate', () => {
  const actions = { send: () => {} };

  it('has the same structure in both languages, in every variant', () => {
    for (const options of variants) {
      expect(shape(menuTemplate('nb', actions, options))).toEqual(shape(menuTemplate('en', actions, options)));
    }
  });

  it('labels every item that is not a separator, in the chosen language', () => {
    for (const language of languages) {
      const items = flatten(menuTemplate(language, actions, { isMac: true, isDevelopment: true }));
      for (const item of items) {
        if (item.type === 'separator') continue;
        expect(item.label, `item ${item.id ?? '?'} in ${language}`).toBeTruthy();
      }
    }
    const en = menuTemplate('en', actions);
    expect(en.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(submenu(en[0]).map((item) => item.label)).toEqual([
      'New study…',
      'Open study…',
      undefined,
      'Lock study',
      'Save a backup copy…',
      undefined,
      'Quit Groundwork',
    ]);
    const nb = menuTemplate('nb', actions);
    expect(nb.map((item) => item.label)).toEqual(['Fil', 'Rediger', 'Vis', 'Hjelp']);
    expect(find(nb, 'lockStudy')?.label).toBe('Lås studien');
    expect(find(nb, 'newStudy')?.label).toBe('Ny studie…');
  });

  it('sends each menu action to the UI by name', () => {
    const send = vi.fn();
    const items = flatten(menuTemplate('en', { send }, { studyOpen: true }));
    for (const action of menuActions) {
      const item = items.find((candidate) => candidate.id === action);
      expect(item, action).toBeDefined();
      (item?.click as (() => void) | undefined)?.();
      expect(send).toHaveBeenLastCalledWith(action);
    }
    expect(send).toHaveBeenCalledTimes(menuActions.length);
  });

  it('locks with Ctrl/Cmd+L, and offers lock and backup only with a study open', () => {
    expect(find(menuTemplate('en', actions), 'lockStudy')).toMatchObject({ accelerator: 'CmdOrCtrl+L', enabled: false });
    expect(find(menuTemplate('en', actions), 'saveBackup')?.enabled).toBe(false);
    expect(find(menuTemplate('en', actions, { studyOpen: true }), 'lockStudy')?.enabled).toBe(true);
    expect(find(menuTemplate('en', actions, { studyOpen: true }), 'saveBackup')?.enabled).toBe(true);
  });

  it('uses the built-in roles for editing and zoom', () => {
    const roles = flatten(menuTemplate('en', actions)).map((item) => item.role);
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'quit']) {
      expect(roles).toContain(role);
    }
  });

  it('has reload and developer tools only in development', () => {
    const production = flatten(menuTemplate('en', actions)).map((item) => item.role);
    expect(production).not.toContain('reload');
    expect(production).not.toContain('toggleDevTools');
    const development = flatten(menuTemplate('en', actions, { isDevelopment: true })).map((item) => item.role);
    expect(development).toContain('reload');
    expect(development).toContain('toggleDevTools');
  });

  it('puts Quit in the app menu on macOS and in File elsewhere', () => {
    const mac = menuTemplate('en', actions, { isMac: true });
    expect(mac[0]?.label).toBe('Groundwork');
    expect(submenu(mac[0]).some((item) => item.role === 'quit')).toBe(true);
    expect(submenu(mac[1]).some((item) => item.role === 'quit')).toBe(false);
    const other = menuTemplate('en', actions);
    expect(submenu(other[0]).some((item) => item.role === 'quit')).toBe(true);
  });
});

describe('isMenuAction', () => {
  it('accepts exactly the menu action names', () => {
    for (const action of menuActions) expect(isMenuAction(action)).toBe(true);
    for (const other of ['', 'quit', 'NEWSTUDY', 1, null, undefined, {}]) expect(isMenuAction(other)).toBe(false);
  });
});

describe('channel list for the preload', () => {
  it('carries every channel of the contract through argv', () => {
    const argv = ['/opt/Groundwork/groundwork', '--type=renderer', channelListArgument(channelNames)];
    expect([...channelsFromArgv(argv)].sort()).toEqual([...channelNames].sort());
  });

  it('gives no channels when the argument is missing or malformed', () => {
    expect(channelsFromArgv(['/opt/Groundwork/groundwork']).size).toBe(0);
    expect([...channelsFromArgv(['--groundwork-channels=app.info,__proto__,,rm -rf,constructor'])]).toEqual(['app.info']);
  });
});
