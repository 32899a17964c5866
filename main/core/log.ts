/**
 * The core's only log. It writes what failed and where, never what was in it: an error's message
 * can quote a file path, a value or SQL, so only its class name and code are written.
 */
export function logFailure(channel: string, what: string, error?: unknown): void {
  let cause = '';
  if (typeof error === 'string') cause = error;
  else if (error && typeof error === 'object') {
    const name = (error as { name?: unknown }).name;
    const code = (error as { code?: unknown }).code;
    cause = [typeof name === 'string' ? name : '', typeof code === 'string' ? code : ''].filter(Boolean).join(' ');
  }
  process.stderr.write(`[groundwork] ${channel}: ${what}${cause ? ` (${cause})` : ''}\n`);
}
