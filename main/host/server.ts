import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core/index.js';
import { bridgeScript } from './bridge-script.js';
import { contentSecurityPolicy } from '../shell/security.js';
import { maxAudioBase64Length } from '../../shared/recordings/audio.js';

/**
 * The browser host: the built renderer and the core's router, served on 127.0.0.1 only, for
 * development on machines without Electron and for end-to-end tests in Chromium. Never packaged.
 *
 * Every request must prove it knows this run's random token: the page is opened once with
 * `?token=…`, which sets a strict same-site, HTTP-only cookie; API calls also carry the token in a
 * header. Requests naming another host (DNS rebinding) are refused too.
 */
export interface BrowserHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

// The same policy as the Electron window's (the host serves what the app shows).
const policy = contentSecurityPolicy('production');

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * The largest request body: the largest upload the contract allows (a recording's audio, as
 * base64) with room for the JSON around it. Anything bigger is refused before it is parsed.
 */
export const maximumBody = maxAudioBase64Length + 1024 * 1024;

export async function startBrowserHost(core: Core, options: { port: number; rendererDir: string }): Promise<BrowserHost> {
  const token = randomBytes(24).toString('base64url');
  const cookieName = 'groundwork_token';
  const eventStreams = new Set<http.ServerResponse>();
  let port = options.port;

  const unsubscribe = core.onEvent((event, payload) => {
    const data = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const stream of eventStreams) stream.write(data);
  });

  const tokenMatches = (candidate: string | undefined | null) => {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  const server = http.createServer((request, response) => {
    void handle(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Internal error');
      else response.end();
    });
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    if (request.headers.host !== `127.0.0.1:${port}` && request.headers.host !== `localhost:${port}`) {
      return send(response, 403, 'text/plain; charset=utf-8', 'Refused');
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const cookieToken = parseCookies(request.headers.cookie)[cookieName];

    if (url.pathname === '/' || url.pathname === '/index.html') {
      const queryToken = url.searchParams.get('token');
      if (!tokenMatches(queryToken) && !tokenMatches(cookieToken)) {
        return send(response, 403, 'text/plain; charset=utf-8', 'Open the address that `npm run preview` printed.');
      }
      const html = fs
        .readFileSync(path.join(options.rendererDir, 'index.html'), 'utf8')
        .replace('<head>', `<head>\n    <meta name="groundwork-token" content="${token}">\n    <script src="/bridge.js"></script>`);
      response.setHeader('set-cookie', `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      return send(response, 200, contentTypes['.html']!, html);
    }

    if (!tokenMatches(cookieToken)) return send(response, 403, 'text/plain; charset=utf-8', 'Refused');

    if (url.pathname === '/bridge.js') return send(response, 200, contentTypes['.js']!, bridgeScript);

    if (url.pathname === '/api/invoke') {
      if (request.method !== 'POST' || !tokenMatches(headerValue(request.headers['x-groundwork-token']))) {
        return send(response, 403, 'text/plain; charset=utf-8', 'Refused');
      }
      const body = await readBody(request);
      if (body === null) return send(response, 413, 'text/plain; charset=utf-8', 'Too large');
      let message: { channel?: unknown; input?: unknown };
      try {
        message = JSON.parse(body) as { channel?: unknown; input?: unknown };
      } catch {
        return sendJson(response, { ok: false, error: { code: 'input.invalid' } });
      }
      return sendJson(response, await core.invoke(message.channel, message.input));
    }

    if (url.pathname === '/api/events') {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(': connected\n\n');
      eventStreams.add(response);
      request.on('close', () => eventStreams.delete(response));
      return;
    }

    // Static files of the built renderer, never outside its folder.
    const file = path.resolve(options.rendererDir, `.${decodeURIComponent(url.pathname)}`);
    if (!file.startsWith(path.resolve(options.rendererDir) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
    }
    return send(response, 200, contentTypes[path.extname(file)] ?? 'application/octet-stream', fs.readFileSync(file));
  }

  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      unsubscribe();
      for (const stream of eventStreams) stream.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Open event streams and keep-alive connections would hold close() open indefinitely.
      server.closeAllConnections();
      await closed;
    },
  };
}

function send(response: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, {
    'content-type': type,
    'content-security-policy': policy,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  response.end(body);
}

function sendJson(response: http.ServerResponse, value: unknown): void {
  send(response, 200, 'application/json; charset=utf-8', JSON.stringify(value));
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0) cookies[part.slice(0, index).trim()] = part.slice(index + 1).trim();
  }
  return cookies;
}

/**
 * The request's body, or null when it is larger than maximumBody. A body that is too large is read
 * to its end and thrown away as it arrives (never kept), so the client gets a clean 413 answer
 * instead of a closed connection.
 */
function readBody(request: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maximumBody) chunks.length = 0;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(size > maximumBody ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
