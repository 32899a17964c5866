/**
 * The browser host's stand-in for Electron's preload: it gives the page the same
 * `window.groundwork` that the preload gives it in Electron, over HTTP on 127.0.0.1.
 * The session cookie (set when the page was opened with the token) authenticates every request;
 * the token is also sent as a header, which a page from another origin cannot read or forge.
 */
export const bridgeScript = `(() => {
  'use strict';
  const token = document.querySelector('meta[name="groundwork-token"]')?.getAttribute('content') ?? '';
  const listeners = new Map();
  let source = null;
  function connect() {
    if (source) return;
    source = new EventSource('/api/events');
    source.onmessage = (message) => {
      const { event, payload } = JSON.parse(message.data);
      for (const listener of listeners.get(event) ?? []) listener(payload);
    };
  }
  const bridge = {
    async invoke(channel, input) {
      const response = await fetch('/api/invoke', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-groundwork-token': token },
        body: JSON.stringify({ channel, input }),
      });
      if (!response.ok) return { ok: false, error: { code: 'internal' } };
      return response.json();
    },
    on(event, listener) {
      connect();
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
      return () => listeners.get(event)?.delete(listener);
    },
  };
  Object.defineProperty(window, 'groundwork', { value: Object.freeze(bridge), writable: false, configurable: false });
})();
`;
