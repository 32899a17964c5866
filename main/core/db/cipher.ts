import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import { GroundworkError } from '../../../shared/contract/errors.js';

/**
 * The study file's format: SQLCipher 4 (AES-256-CBC, HMAC-SHA512, PBKDF2-HMAC-SHA512 with 256,000
 * rounds, 4096-byte pages), written through SQLite3 Multiple Ciphers. Without `cipher='sqlcipher'`
 * that library would default to ChaCha20 and no other tool could open the file; with it, DB Browser
 * for SQLCipher opens the file with the passphrase alone.
 */
export const cipherPragmas = [`cipher='sqlcipher'`, 'legacy=4'] as const;

/** Marks a SQLite database as a Groundwork study (`PRAGMA application_id`): "GWRK". */
export const groundworkApplicationId = 0x4757524b;

export const sqlcipherPageSize = 4096;

const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');

export type Connection = Database.Database;

/** Applies the cipher and the key. Must come before any other statement on the connection. */
export function applyKey(db: Connection, passphrase: string): void {
  for (const pragma of cipherPragmas) db.pragma(pragma);
  // The key is bound as a string literal: double any single quote so it cannot end the literal.
  db.pragma(`key='${passphrase.replaceAll("'", "''")}'`);
}

/** Sets a new key on an open, keyed connection. The caller has left WAL mode first. */
export function applyRekey(db: Connection, passphrase: string): void {
  db.pragma(`rekey='${passphrase.replaceAll("'", "''")}'`);
}

/** The connection settings every study connection uses once the key is known to be right. */
export function applySessionPragmas(db: Connection): void {
  db.pragma('foreign_keys = ON');
  // Deleted content is overwritten, not left in free pages.
  db.pragma('secure_delete = ON');
  // Sorts and temporary tables stay in memory: no plaintext temp files.
  db.pragma('temp_store = MEMORY');
  // One Groundwork at a time per study, even on a shared or synced drive: the lock is held until
  // the study is closed, and the WAL index lives in memory (no -shm file beside the study).
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  // 32 MiB of page cache: decrypted pages are kept, so repeated reads do not decrypt again.
  db.pragma('cache_size = -32768');
}

type FileKind = 'missing' | 'directory' | 'empty' | 'plaintextSqlite' | 'otherFormat' | 'opaque';

/**
 * What a file looks like before SQLite touches it. An encrypted study is indistinguishable from
 * random bytes; anything with a recognisable shape is not a study.
 */
export function inspectFile(path: string): FileKind {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path);
  } catch {
    return 'missing';
  }
  if (stat.isDirectory()) return 'directory';
  if (stat.size === 0) return 'empty';
  const head = Buffer.alloc(Math.min(64, stat.size));
  const fd = fs.openSync(path, 'r');
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.length >= sqliteHeader.length && head.subarray(0, sqliteHeader.length).equals(sqliteHeader)) {
    return 'plaintextSqlite';
  }
  if (stat.size < sqlcipherPageSize || looksLikeKnownFormat(head)) return 'otherFormat';
  return 'opaque';
}

const knownMagic: readonly Buffer[] = [
  Buffer.from('%PDF'),
  Buffer.from('PK\x03\x04', 'latin1'), // zip, docx, xlsx, qdpx
  Buffer.from('\x89PNG', 'latin1'),
  Buffer.from('\xff\xd8\xff', 'latin1'), // jpeg
  Buffer.from('{\\rtf'),
  Buffer.from('\xd0\xcf\x11\xe0', 'latin1'), // old Office
  Buffer.from('ID3'), // mp3
  Buffer.from('RIFF'), // wav
  Buffer.from('OggS'),
  Buffer.from('fLaC'),
];

function looksLikeKnownFormat(head: Buffer): boolean {
  if (knownMagic.some((magic) => head.subarray(0, magic.length).equals(magic))) return true;
  // MPEG-4 (m4a, mp4, mov: what most recorders write) has its magic at offset 4.
  if (head.subarray(4, 8).equals(Buffer.from('ftyp'))) return true;
  return looksLikeText(head);
}

/** Letters, digits, punctuation, symbols, marks, spaces, tabs and line breaks. */
const printableText = /^[\p{L}\p{N}\p{P}\p{S}\p{M}\p{Zs}\t\n\r\ufeff]*$/u;

/**
 * Text: a study's first bytes are a random salt, so 64 bytes that decode as printable text mean a
 * text file. UTF-8 is decoded strictly (its continuation bytes 0x80–0xBF are what make random bytes
 * fail); UTF-16 needs its byte-order mark.
 */
function looksLikeText(head: Buffer): boolean {
  try {
    let text: string;
    if (head[0] === 0xff && head[1] === 0xfe) text = new TextDecoder('utf-16le', { fatal: true }).decode(head.subarray(2), { stream: true });
    else if (head[0] === 0xfe && head[1] === 0xff) text = new TextDecoder('utf-16be', { fatal: true }).decode(head.subarray(2), { stream: true });
    // `stream` leaves a character cut off at the end of the 64 bytes undecoded instead of failing.
    else text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(head, { stream: true });
    return text.length > 0 && printableText.test(text);
  } catch {
    return looksLikeLegacyText(head);
  }
}

/**
 * Latin-1 or Windows-1252 text (older Windows files): no control bytes, and at least three in four
 * bytes printable ASCII. Random bytes pass this about once in ten billion.
 */
function looksLikeLegacyText(head: Buffer): boolean {
  let ascii = 0;
  for (const byte of head) {
    if (byte === 9 || byte === 10 || byte === 13 || (byte >= 32 && byte < 127)) ascii++;
    else if (byte < 32 || byte === 127) return false;
  }
  return ascii * 4 >= head.length * 3;
}

/** Turns SQLite's errors on first read into what the researcher needs to hear. */
export function classifyOpenError(error: unknown, kind: FileKind): GroundworkError {
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_NOTADB') {
    return new GroundworkError(kind === 'otherFormat' ? 'study.notAStudy' : 'study.wrongPassphrase');
  }
  if (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT')) return new GroundworkError('study.damaged');
  if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) {
    return new GroundworkError('study.alreadyOpen');
  }
  if (typeof code === 'string' && (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY'))) {
    return new GroundworkError('study.notWritable');
  }
  if (error instanceof GroundworkError) return error;
  return new GroundworkError('internal');
}

export { Database };
