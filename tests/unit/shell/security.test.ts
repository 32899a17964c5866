import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  devServerUrl,
  isAllowedRequest,
  isTrustedSender,
  isTrustedUrl,
  windowOptions,
  withContentSecurityPolicy,
} from '../../../main/shell/security.js';

const appUrl = 'file:///opt/Groundwork/resources/app.asar/out/renderer/index.html';
const devUrl = 'http://localhost:5173/';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('windowOptions', () => {
  it('isolates, sandboxes and keeps Node out of the page', () => {
    const prefs = windowOptions({ preloadPath: '/app/out/preload/index.cjs' }).webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('turns spellcheck and devtools on only when asked', () => {
    const prefs = windowOptions({ preloadPath: '/p.cjs', spellcheck: true, devTools: true }).webPreferences;
    expect(prefs?.spellcheck).toBe(true);
    expect(prefs?.devTools).toBe(true);
  });

  it('passes extra arguments to the renderer only when given', () => {
    expect(windowOptions({ preloadPath: '/p.cjs' }).webPreferences?.additionalArguments).toEqual([]);
    const prefs = windowOptions({ preloadPath: '/p.cjs', additionalArguments: ['--x=1'] }).webPreferences;
    expect(prefs?.additionalArguments).toEqual(['--x=1']);
  });
});

describe('contentSecurityPolicy', () => {
  it('is strict in production: nothing inline, nothing remote', () => {
    const policy = contentSecurityPolicy('production');
    expect(policy).not.toContain('unsafe');
    expect(policy).not.toMatch(/https?:|ws:/);
    const d = directives(policy);
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('style-src')).toEqual(["'self'"]);
    expect(d.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(d.get('font-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    for (const name of ['base-uri', 'form-action', 'frame-ancestors', 'object-src']) {
      expect(d.get(name)).toEqual(["'none'"]);
    }
  });

  it("is the policy renderer/index.html carries too (all but frame-ancestors, which a <meta> cannot hold)", () => {
    const html = fs.readFileSync(path.resolve(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const expected = new Map(directives(contentSecurityPolicy('production')));
    expected.delete('frame-ancestors');
    expect(directives(meta ?? '')).toEqual(expected);
  });

  it('lets the dev server in during development only', () => {
    const d = directives(contentSecurityPolicy('development', devUrl));
    expect(d.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    expect(d.get('script-src')).toContain("'unsafe-inline'");
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(contentSecurityPolicy('production', devUrl)).not.toContain('localhost');
  });
});

describe('devServerUrl', () => {
  it('accepts only loopback http(s) URLs', () => {
    expect(devServerUrl('http://localhost:5173')).toBe('http://localhost:5173/');
    expect(devServerUrl('http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173/');
    expect(devServerUrl(undefined)).toBeNull();
    expect(devServerUrl('')).toBeNull();
    expect(devServerUrl('https://example.com/')).toBeNull();
    expect(devServerUrl('http://localhost.example.com:5173/')).toBeNull();
    expect(devServerUrl('file:///etc/passwd')).toBeNull();
    expect(devServerUrl('not a url')).toBeNull();
  });
});

describe('isTrustedUrl', () => {
  it('trusts the app page itself, with any query or hash', () => {
    expect(isTrustedUrl(appUrl, appUrl)).toBe(true);
    expect(isTrustedUrl(`${appUrl}#/study`, appUrl)).toBe(true);
    expect(isTrustedUrl(`${appUrl}?x=1`, appUrl)).toBe(true);
  });

  it('refuses other files, other hosts and look-alikes', () => {
    expect(isTrustedUrl('file:///opt/Groundwork/resources/app.asar/out/renderer/other.html', appUrl)).toBe(false);
    expect(isTrustedUrl('file:///tmp/index.html', appUrl)).toBe(false);
    expect(isTrustedUrl('file://evil/opt/Groundwork/resources/app.asar/out/renderer/index.html', appUrl)).toBe(false);
    expect(isTrustedUrl(`https://example.com/${appUrl}`, appUrl)).toBe(false);
    expect(isTrustedUrl(`${appUrl}.html`, appUrl)).toBe(false);
    expect(isTrustedUrl('about:blank', appUrl)).toBe(false);
    expect(isTrustedUrl('', appUrl)).toBe(false);
    expect(isTrustedUrl('not a url', appUrl)).toBe(false);
  });

  it('sees through percent-encoding and dot segments', () => {
    expect(isTrustedUrl('file:///opt/Groundwork/resources/app.asar/out/renderer/x/../index.html', appUrl)).toBe(true);
    expect(isTrustedUrl('file:///opt/Groundwork/resources/app.asar/out/renderer/%69ndex.html', appUrl)).toBe(true);
    expect(isTrustedUrl('file:///opt/Groundwork/resources/app.asar/out/renderer/index.html%00', appUrl)).toBe(false);
  });

  it('compares paths case-insensitively only when told (Windows, macOS)', () => {
    const winApp = 'file:///C:/Program%20Files/Groundwork/resources/app.asar/out/renderer/index.html';
    const lower = 'file:///c:/program%20files/groundwork/resources/app.asar/out/renderer/index.html';
    expect(isTrustedUrl(lower, winApp)).toBe(false);
    expect(isTrustedUrl(lower, winApp, { caseInsensitivePaths: true })).toBe(true);
  });

  it('trusts the dev server by origin only', () => {
    expect(isTrustedUrl('http://localhost:5173/', devUrl)).toBe(true);
    expect(isTrustedUrl('http://localhost:5173/src/main.tsx', devUrl)).toBe(true);
    expect(isTrustedUrl('http://localhost:5174/', devUrl)).toBe(false);
    expect(isTrustedUrl('https://localhost:5173/', devUrl)).toBe(false);
    expect(isTrustedUrl('http://localhost:5173@evil.example/', devUrl)).toBe(false);
    expect(isTrustedUrl('http://127.0.0.1:5173/', devUrl)).toBe(false);
  });

  it('trusts nothing when the app URL is neither a file nor the dev server', () => {
    expect(isTrustedUrl('data:text/html,hi', 'data:text/html,hi')).toBe(false);
  });
});

describe('isAllowedRequest', () => {
  it('allows the renderer folder, inline data, blobs and DevTools', () => {
    expect(isAllowedRequest('file:///opt/Groundwork/resources/app.asar/out/renderer/assets/index-abc.js', appUrl)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA', appUrl)).toBe(true);
    expect(isAllowedRequest('blob:file:///1234', appUrl)).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', appUrl)).toBe(true);
  });

  it('refuses remote content and files outside the renderer folder', () => {
    expect(isAllowedRequest('https://example.com/tracker.js', appUrl)).toBe(false);
    expect(isAllowedRequest('http://localhost:5173/', appUrl)).toBe(false);
    expect(isAllowedRequest('file:///home/researcher/secret.groundwork', appUrl)).toBe(false);
    expect(isAllowedRequest('file:///opt/Groundwork/resources/app.asar/out/renderer/../main/index.js', appUrl)).toBe(false);
    expect(isAllowedRequest('file:///opt/Groundwork/resources/app.asar/out/renderer/%2e%2e/main/index.js', appUrl)).toBe(false);
    expect(isAllowedRequest('file:///opt/Groundwork/resources/app.asar/out/renderer/..%2Fmain/index.js', appUrl)).toBe(false);
    expect(isAllowedRequest('file:///opt/Groundwork/resources/app.asar/out/rendererX/a.js', appUrl)).toBe(false);
    expect(isAllowedRequest('ftp://example.com/x', appUrl)).toBe(false);
  });

  it('allows the dev server and its socket in development', () => {
    expect(isAllowedRequest('http://localhost:5173/@vite/client', devUrl)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', devUrl)).toBe(true);
    expect(isAllowedRequest('ws://localhost:9999/', devUrl)).toBe(false);
    expect(isAllowedRequest('https://fonts.example.com/a.woff2', devUrl)).toBe(false);
  });
});

describe('withContentSecurityPolicy', () => {
  it('replaces any policy the response had, whatever its case, and keeps the rest', () => {
    const headers = withContentSecurityPolicy(
      { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] },
      "default-src 'none'",
    );
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ["default-src 'none'"] });
    expect(withContentSecurityPolicy(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});

describe('isTrustedSender', () => {
  const trusted = { webContentsId: 3, mainWebContentsId: 3, frameUrl: appUrl, isMainFrame: true };

  it('accepts the main window top frame on the app page', () => {
    expect(isTrustedSender(trusted, appUrl)).toBe(true);
  });

  it('refuses another window, an iframe, a gone frame, another page, and no window at all', () => {
    expect(isTrustedSender({ ...trusted, webContentsId: 4 }, appUrl)).toBe(false);
    expect(isTrustedSender({ ...trusted, isMainFrame: false }, appUrl)).toBe(false);
    expect(isTrustedSender({ ...trusted, frameUrl: null }, appUrl)).toBe(false);
    expect(isTrustedSender({ ...trusted, frameUrl: 'https://example.com/' }, appUrl)).toBe(false);
    expect(isTrustedSender({ ...trusted, mainWebContentsId: null }, appUrl)).toBe(false);
  });
});
