import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/index.js';
import { maximumBody, startBrowserHost, type BrowserHost } from '../../../main/host/server.js';
import { maxAudioBase64Length } from '../../../shared/recordings/audio.js';

let folder: string;
let core: Core;
let host: BrowserHost;

beforeEach(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-host-'));
  const rendererDir = path.join(folder, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(folder, 'secret.txt'), 'outside the renderer folder');
  core = createCore({
    appVersion: '0.0.0-test',
    userDataDir: path.join(folder, 'app'),
    defaultStudyFolder: path.join(folder, 'studies'),
    systemLanguage: 'en',
    dialogs: null,
  });
  host = await startBrowserHost(core, { port: 0, rendererDir });
});

afterEach(async () => {
  await host.close();
  core.shutdown();
  fs.rmSync(folder, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${host.port}`;

async function sessionCookie(): Promise<string> {
  const response = await fetch(host.url);
  const cookie = response.headers.get('set-cookie');
  if (!cookie) throw new Error('no cookie');
  return cookie.split(';')[0]!;
}

describe('the browser host', () => {
  it('listens on 127.0.0.1 and refuses the page without the token', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
    expect((await fetch(`${base()}/`)).status).toBe(403);
    expect((await fetch(`${base()}/?token=wrong`)).status).toBe(403);
  });

  it('serves the page with the token, a strict CSP and the bridge script', async () => {
    const response = await fetch(host.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toContain('<script src="/bridge.js"></script>');
    expect(html).toContain(`content="${host.token}"`);
  });

  it('refuses assets, the bridge and the API without the session cookie', async () => {
    expect((await fetch(`${base()}/assets/app.js`)).status).toBe(403);
    expect((await fetch(`${base()}/bridge.js`)).status).toBe(403);
    const call = await fetch(`${base()}/api/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-groundwork-token': host.token },
      body: JSON.stringify({ channel: 'study.state', input: {} }),
    });
    expect(call.status).toBe(403);
  });

  it('refuses an API call that has the cookie but not the token header', async () => {
    const cookie = await sessionCookie();
    const call = await fetch(`${base()}/api/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ channel: 'study.state', input: {} }),
    });
    expect(call.status).toBe(403);
  });

  it('answers a valid call through the core router', async () => {
    const cookie = await sessionCookie();
    const call = await fetch(`${base()}/api/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-groundwork-token': host.token },
      body: JSON.stringify({ channel: 'study.state', input: {} }),
    });
    expect(await call.json()).toEqual({ ok: true, value: { status: 'closed' } });
    const bad = await fetch(`${base()}/api/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-groundwork-token': host.token },
      body: JSON.stringify({ channel: 'study.open', input: { path: 42 } }),
    });
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
  });

  it('takes the largest audio upload the contract allows, and refuses a body beyond it unread', async () => {
    const cookie = await sessionCookie();
    const headers = { 'content-type': 'application/json', cookie, 'x-groundwork-token': host.token };
    // No study is open, so the core answers with its own error: the body got through the host.
    const largest = JSON.stringify({
      channel: 'recordings.register',
      input: { participantId: 1, madeOn: '2026-01-01', keptWhere: '', format: '', lengthSeconds: null, notes: '', audio: { fileName: 'a.mp3', base64: 'A'.repeat(maxAudioBase64Length) } },
    });
    expect(largest.length).toBeLessThan(maximumBody);
    const accepted = await fetch(`${base()}/api/invoke`, { method: 'POST', headers, body: largest });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ ok: false });
    const tooLarge = await fetch(`${base()}/api/invoke`, { method: 'POST', headers, body: 'x'.repeat(maximumBody + 1) });
    expect(tooLarge.status).toBe(413);
  });

  it('refuses requests that name another host (DNS rebinding)', async () => {
    const response = await new Promise<number>((resolve, reject) => {
      import('node:http').then(({ request }) => {
        const req = request({ host: '127.0.0.1', port: host.port, path: `/?token=${host.token}`, headers: { host: 'evil.example:80' } }, (res) => resolve(res.statusCode ?? 0));
        req.on('error', reject);
        req.end();
      }, reject);
    });
    expect(response).toBe(403);
  });

  it('never serves a file outside the renderer folder', async () => {
    const cookie = await sessionCookie();
    expect((await fetch(`${base()}/assets/app.js`, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(`${base()}/..%2fsecret.txt`, { headers: { cookie } })).status).toBe(404);
    expect((await fetch(`${base()}/assets/..%2f..%2fsecret.txt`, { headers: { cookie } })).status).toBe(404);
  });
});
