import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventName, GroundworkBridge } from '../../shared/contract/events.js';
import { channelsFromArgv, ipcNames, isMenuAction, type MenuAction } from '../shell/ipcNames.js';

/**
 * The page's only way to the core: `window.groundwork`. Sandboxed, so this file is bundled to one
 * CommonJS file (electron-vite) and may use only `electron`'s renderer modules: no zod, so no
 * import of the contract's values (only its types).
 *
 * The page never gets `ipcRenderer` or an IPC event object, only plain values.
 */

const events: readonly EventName[] = ['study.state', 'transcripts.importProgress', 'analysisExports.progress', 'exchange.importProgress'];
// `channelNames` from shared/contract/channels.ts, passed by the main process (see ipcNames.ts).
const channels = channelsFromArgv(process.argv);

/** Electron's shell adds the native menu to the bridge every host provides. */
export interface ElectronBridge extends GroundworkBridge {
  /** Menu commands, one of `menuActions`. Returns the unsubscribe. */
  onMenu(listener: (action: MenuAction) => void): () => void;
}

const bridge: ElectronBridge = {
  invoke(channel, input) {
    // An unknown channel is answered here exactly as the core's router would answer it, and
    // nothing is sent.
    if (typeof channel !== 'string' || !channels.has(channel)) return Promise.resolve({ ok: false, error: { code: 'channel.unknown' } });
    return ipcRenderer.invoke(ipcNames.invoke, channel, input);
  },
  on(event, listener) {
    if (!events.includes(event) || typeof listener !== 'function') return () => {};
    const forward = (_ipcEvent: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(ipcNames.event, forward);
    return () => {
      ipcRenderer.removeListener(ipcNames.event, forward);
    };
  },
  onMenu(listener) {
    if (typeof listener !== 'function') return () => {};
    const forward = (_ipcEvent: IpcRendererEvent, action: unknown) => {
      if (isMenuAction(action)) listener(action);
    };
    ipcRenderer.on(ipcNames.menu, forward);
    return () => {
      ipcRenderer.removeListener(ipcNames.menu, forward);
    };
  },
};

contextBridge.exposeInMainWorld('groundwork', bridge);
