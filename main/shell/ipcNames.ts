/**
 * The IPC names between the Electron main process and the preload. Only these two files use them;
 * the renderer sees `window.groundwork`, never a raw IPC name. No imports: the preload bundles this.
 */
export const ipcNames = {
  /** Renderer → main: `(channel, input)`, answered with the core's `InvokeResult`. */
  invoke: 'groundwork:invoke',
  /** Main → renderer: `(eventName, payload)` for what the core says unprompted. */
  event: 'groundwork:event',
  /** Main → renderer: `(action)`, one of `menuActions`. */
  menu: 'groundwork:menu',
} as const;

/**
 * What the native menu asks the UI to do. The same names are in `renderer/src/bridge/bridge.ts`;
 * keep the two lists equal.
 */
export const menuActions = ['newStudy', 'openStudy', 'lockStudy', 'saveBackup', 'about'] as const;
export type MenuAction = (typeof menuActions)[number];

export function isMenuAction(value: unknown): value is MenuAction {
  return typeof value === 'string' && (menuActions as readonly string[]).includes(value);
}
