import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The shell's security decisions as pure functions, so they are tested in plain Node (no Electron
 * binary can be had on the build machines). Only types come from `electron` here.
 */

export type Mode = 'production' | 'development';

export interface WindowOptionsInput {
  /** Absolute path of the built preload (`out/preload/index.cjs`). */
  preloadPath: string;
  /** Chromium's spellchecker sends nothing anywhere on Linux/Windows, but it keeps a custom dictionary on disk: off unless asked. */
  spellcheck?: boolean;
  /** DevTools only in development: in a packaged app they would be a way into an open study. */
  devTools?: boolean;
  /** Appended to the renderer's `process.argv`, where the sandboxed preload can read them. */
  additionalArguments?: string[];
}

export function windowOptions({
  preloadPath,
  spellcheck = false,
  devTools = false,
  additionalArguments = [],
}: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 840,
    minWidth: 800,
    minHeight: 560,
    title: 'Groundwork',
    // Shown on `ready-to-show`, so the researcher never sees a blank white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck,
      devTools,
      additionalArguments,
    },
  };
}

/**
 * The page's Content-Security-Policy. The renderer's `index.html` carries the production policy as
 * a `<meta>` too (a meta policy cannot carry `frame-ancestors`; the header can).
 *
 * Production has no `'unsafe-inline'` anywhere: Vite emits scripts and CSS as files, and React's
 * `style={…}` props go through the CSSOM, which CSP does not block. TipTap injects a `<style>` tag
 * unless the editor is made with `injectCSS: false` (then import its CSS from a file).
 *
 * Development only: Vite serves CSS as `<style>` tags and the React refresh preamble is an inline
 * module script, so both need `'unsafe-inline'`; the HMR socket needs `ws:` to the dev server.
 */
export function contentSecurityPolicy(mode: Mode, devServer?: string): string {
  const dev = mode === 'development';
  const socket = dev && devServer ? webSocketOrigin(devServer) : null;
  const directives: [string, ...string[]][] = [
    ['default-src', "'none'"],
    ['script-src', "'self'", ...(dev ? ["'unsafe-inline'"] : [])],
    ['style-src', "'self'", ...(dev ? ["'unsafe-inline'"] : [])],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'", ...(socket ? [socket] : [])],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
    ['object-src', "'none'"],
  ];
  return directives.map((parts) => parts.join(' ')).join('; ');
}

function webSocketOrigin(httpUrl: string): string | null {
  const url = parseUrl(httpUrl);
  if (!url) return null;
  return `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
}

/**
 * The dev server URL electron-vite passes in `ELECTRON_RENDERER_URL`, if it is a loopback
 * http(s) URL; anything else is refused, so an environment variable cannot point the app elsewhere.
 */
export function devServerUrl(value: string | undefined): string | null {
  if (!value) return null;
  const url = parseUrl(value);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  if (!['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return null;
  return url.href;
}

/**
 * Whether `url` is the app's own page: for a `file:` app, that exact file (query and hash aside);
 * for the dev server, its origin. Compared with a real URL parser, never with string prefixes.
 */
export function isTrustedUrl(url: string, appUrl: string, options: { caseInsensitivePaths?: boolean } = {}): boolean {
  const candidate = parseUrl(url);
  const app = parseUrl(appUrl);
  if (!candidate || !app) return false;
  if (app.protocol === 'file:') {
    return (
      candidate.protocol === 'file:' &&
      candidate.host === app.host &&
      samePath(candidate.pathname, app.pathname, options.caseInsensitivePaths === true)
    );
  }
  if (app.protocol === 'http:' || app.protocol === 'https:') {
    return candidate.protocol === app.protocol && candidate.origin === app.origin;
  }
  return false;
}

/**
 * Whether the page may load `url` at all ("no remote content"): files inside the renderer's own
 * folder, the dev server (and its socket), inline data and blobs, and DevTools. Nothing else.
 */
export function isAllowedRequest(url: string, appUrl: string, options: { caseInsensitivePaths?: boolean } = {}): boolean {
  const candidate = parseUrl(url);
  const app = parseUrl(appUrl);
  if (!candidate || !app) return false;
  if (['data:', 'blob:', 'devtools:'].includes(candidate.protocol)) return true;
  if (app.protocol === 'file:') {
    if (candidate.protocol !== 'file:' || candidate.host !== app.host) return false;
    const root = folderOf(app.pathname);
    return isInside(candidate.pathname, root, options.caseInsensitivePaths === true);
  }
  if (app.protocol === 'http:' || app.protocol === 'https:') {
    const socketProtocol = app.protocol === 'https:' ? 'wss:' : 'ws:';
    return (candidate.protocol === app.protocol || candidate.protocol === socketProtocol) && candidate.host === app.host;
  }
  return false;
}

/** What goes in the response headers: any CSP the response had is replaced, whatever its case. */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
  policy: string,
): Record<string, string[]> {
  const kept = Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [policy] };
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function decodedPath(pathname: string, caseInsensitive: boolean): string | null {
  try {
    const decoded = decodeURIComponent(pathname);
    return caseInsensitive ? decoded.toLowerCase() : decoded;
  } catch {
    return null;
  }
}

function samePath(a: string, b: string, caseInsensitive: boolean): boolean {
  const left = decodedPath(a, caseInsensitive);
  return left !== null && left === decodedPath(b, caseInsensitive);
}

function folderOf(pathname: string): string {
  return pathname.slice(0, pathname.lastIndexOf('/') + 1);
}

function isInside(pathname: string, folder: string, caseInsensitive: boolean): boolean {
  const candidate = decodedPath(pathname, caseInsensitive);
  const root = decodedPath(folder, caseInsensitive);
  // `new URL` has already resolved `..` segments; a decoded `..` (from `%2e%2e`) is refused outright.
  if (candidate === null || root === null || candidate.split('/').includes('..')) return false;
  return candidate.startsWith(root);
}

/** What the shell knows about who sent an IPC message. */
export interface SenderFacts {
  /** `event.sender.id`. */
  webContentsId: number;
  /** The main window's `webContents.id`, or null when there is no window. */
  mainWebContentsId: number | null;
  /** `event.senderFrame?.url`; null when the frame is gone (navigated away or destroyed). */
  frameUrl: string | null;
  /** Whether the sending frame is the top frame of its page (no iframes may call the core). */
  isMainFrame: boolean;
}

/** Only the main window's own top-level page may call the core. */
export function isTrustedSender(sender: SenderFacts, appUrl: string, options: { caseInsensitivePaths?: boolean } = {}): boolean {
  return (
    sender.mainWebContentsId !== null &&
    sender.webContentsId === sender.mainWebContentsId &&
    sender.isMainFrame &&
    sender.frameUrl !== null &&
    isTrustedUrl(sender.frameUrl, appUrl, options)
  );
}
