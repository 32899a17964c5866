/**
 * The IPC names between the Electron main process and the preload. Only these two files use them;
 * the renderer sees `window.groundwork`, never a raw IPC name. No imports: the sandboxed preload
 * bundles this file and may load no package but `electron`.
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

/**
 * The channel names reach the sandboxed preload as one renderer argument. The preload cannot import
 * the contract: it is built with zod schemas, and a sandboxed preload may load no package but
 * `electron`. Bundling zod into the preload would work too, but would put 170 kB of third-party
 * code next to `ipcRenderer` for the sake of a list of names.
 */
const channelListPrefix = '--groundwork-channels=';
const channelNamePattern = /^[A-Za-z]+(\.[A-Za-z]+)+$/;

export function channelListArgument(names: readonly string[]): string {
  return `${channelListPrefix}${names.filter((name) => channelNamePattern.test(name)).join(',')}`;
}

/** The channel names in the renderer's argv; none (so every invoke is refused) if it is missing. */
export function channelsFromArgv(argv: readonly string[]): ReadonlySet<string> {
  const argument = argv.find((arg) => arg.startsWith(channelListPrefix));
  if (!argument) return new Set();
  return new Set(argument.slice(channelListPrefix.length).split(',').filter((name) => channelNamePattern.test(name)));
}
