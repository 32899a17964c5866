import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, type Session, type WebContents } from 'electron';
import { appInfoSchema, type Language } from '../../shared/app/contract.js';
import { channelNames } from '../../shared/contract/channels.js';
import { sessionStateSchema } from '../../shared/study/contract.js';
import { createCore, type Core } from '../core/index.js';
import { logFailure } from '../core/log.js';
import { createDialogs } from './dialogs.js';
import { systemLanguage } from './environment.js';
import { channelListArgument, ipcNames, type MenuAction } from './ipcNames.js';
import { menuTemplate } from './menu.js';
import { shellTexts } from './texts.js';
import {
  contentSecurityPolicy,
  devServerUrl,
  isAllowedRequest,
  isTrustedSender,
  isTrustedUrl,
  windowOptions,
  withContentSecurityPolicy,
  type Mode,
} from './security.js';

/**
 * The Electron main process: one window, the core behind one IPC handler, the menu, the dialogs.
 * Everything that can be decided without Electron lives in the pure modules beside this file.
 */

// For the end-to-end tests (unpackaged runs only): all of Groundwork's own files (settings, recent
// list, demo study, Chromium's profile) go to a fresh folder instead of the real profile.
const userDataOverride = app.isPackaged ? undefined : process.env['GROUNDWORK_USER_DATA_DIR'];
if (userDataOverride) app.setPath('userData', path.resolve(userDataOverride));

// Every renderer sandboxed, whatever a future window's options say.
app.enableSandbox();

// A packaged app never follows ELECTRON_RENDERER_URL: it only ever loads its own files.
const devServer = app.isPackaged ? null : devServerUrl(process.env['ELECTRON_RENDERER_URL']);
const mode: Mode = devServer ? 'development' : 'production';
const rendererFile = path.join(import.meta.dirname, '../renderer/index.html');
const preloadFile = path.join(import.meta.dirname, '../preload/index.cjs');
const appUrl = devServer ?? pathToFileURL(rendererFile).href;
const urlOptions = { caseInsensitivePaths: process.platform === 'win32' || process.platform === 'darwin' };
const isMac = process.platform === 'darwin';

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;
let language: Language = 'en';
let studyOpen = false;
let coreShutDown = false;

if (!app.requestSingleInstanceLock()) {
  // Two processes on one study file would fight over it: the first instance takes over.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
  app.on('before-quit', shutdownCore);
  app.on('window-all-closed', () => {
    // One window holds the one study: closing it ends the app on every platform, macOS included.
    shutdownCore();
    app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logFailure('shell', 'could not start', error);
      shutdownCore();
      app.exit(1);
    });
}

async function start(): Promise<void> {
  protectSession(session.defaultSession);

  const preferred = app.getPreferredSystemLanguages();
  core = createCore({
    appVersion: app.getVersion(),
    userDataDir: app.getPath('userData'),
    defaultStudyFolder: path.join(app.getPath('documents'), 'Groundwork'),
    systemLanguage: systemLanguage(preferred.length > 0 ? preferred : [app.getLocale()]),
    dialogs: createDialogs(() => mainWindow, () => language),
  });
  core.onEvent((name, payload) => {
    if (name === 'study.state' && 'status' in payload) setStudyOpen(payload.status === 'open');
    send(ipcNames.event, name, payload);
  });
  ipcMain.handle(ipcNames.invoke, async (event, channel: unknown, input: unknown) => {
    const frame = event.senderFrame;
    const trusted = isTrustedSender(
      {
        webContentsId: event.sender.id,
        mainWebContentsId: mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents.id : null,
        frameUrl: frame ? frame.url : null,
        isMainFrame: frame !== null && frame.parent === null,
      },
      appUrl,
      urlOptions,
    );
    // An untrusted sender learns nothing, not even whether the channel exists.
    if (!trusted || !core) throw new Error('refused');
    const result = await core.invoke(channel, input);
    if (result.ok) await afterInvoke(channel);
    return result;
  });

  await refreshLanguage();
  refreshMenu();
  await createWindow();
}

async function createWindow(): Promise<void> {
  const window = new BrowserWindow(
    windowOptions({
      preloadPath: preloadFile,
      devTools: mode === 'development',
      // The preload learns the channel names from here, so it needs no copy of the contract (zod).
      additionalArguments: [channelListArgument(channelNames)],
    }),
  );
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  // The UI asks before unloading while it holds unsaved changes (a `beforeunload` handler); Electron
  // would otherwise silently refuse to close. Ask the researcher instead.
  window.webContents.on('will-prevent-unload', (event) => {
    const texts = shellTexts[language];
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: [texts.unsavedLeave, texts.unsavedStay],
      defaultId: 1,
      cancelId: 1,
      message: texts.unsavedMessage,
      detail: texts.unsavedDetail,
    });
    if (choice === 0) event.preventDefault();
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    // The page that knew the study is gone: lock the study (forget the key), then start the UI
    // afresh at the unlock screen.
    void core?.invoke('study.lock', {}).finally(() => {
      if (!window.isDestroyed()) window.reload();
    });
  });
  if (devServer) await window.loadURL(devServer);
  else await window.loadFile(rendererFile);
}

/** The rules every page in the app lives under, set once per webContents. */
function lockDown(contents: WebContents): void {
  // The app is one page; anything that tries to leave it (a link, a drop, a script) is refused.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

function protectSession(ses: Session): void {
  // Camera, microphone, notifications, geolocation, clipboard reads, devices: none are asked for.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // No remote content: the page may load its own files (or the dev server), nothing else.
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, appUrl, urlOptions) });
  });
  const policy = contentSecurityPolicy(mode, devServer ?? undefined);
  ses.webRequest.onHeadersReceived((details, callback) => {
    // Only the app's own documents get the policy; DevTools pages keep their own.
    const isAppDocument =
      (details.resourceType === 'mainFrame' || details.resourceType === 'subFrame') &&
      isTrustedUrl(details.url, appUrl, urlOptions);
    if (!isAppDocument) return callback({});
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
  });
}

/** Keeps the menu in step with what the UI just did: its language and whether a study is open. */
async function afterInvoke(channel: unknown): Promise<void> {
  if (channel === 'app.setLanguage') {
    await refreshLanguage();
    refreshMenu();
  } else if (typeof channel === 'string' && channel.startsWith('study.') && channel !== 'study.state') {
    await refreshStudyOpen();
  }
}

async function refreshLanguage(): Promise<void> {
  if (!core) return;
  const result = await core.invoke('app.info', {});
  if (!result.ok) return;
  const info = appInfoSchema.safeParse(result.value);
  if (info.success) language = info.data.language ?? info.data.systemLanguage;
}

async function refreshStudyOpen(): Promise<void> {
  if (!core) return;
  // `study.state` is the one channel that does not count as activity for the idle lock.
  const result = await core.invoke('study.state', {});
  if (!result.ok) return;
  const state = sessionStateSchema.safeParse(result.value);
  if (state.success) setStudyOpen(state.data.status === 'open');
}

function setStudyOpen(open: boolean): void {
  if (open === studyOpen) return;
  studyOpen = open;
  refreshMenu();
}

function refreshMenu(): void {
  const template = menuTemplate(
    language,
    { send: (action: MenuAction) => send(ipcNames.menu, action) },
    { isMac, isDevelopment: mode === 'development', studyOpen },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function send(ipcName: string, ...args: unknown[]): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(ipcName, ...args);
}

/** Closes the study (taking the automatic backup) exactly once, however the app ends. */
function shutdownCore(): void {
  if (coreShutDown || !core) return;
  coreShutDown = true;
  try {
    core.shutdown();
  } catch (error) {
    // The core's log writes only the error's class and code, never a path or content.
    logFailure('shell', 'closing the study failed', error);
  }
}
