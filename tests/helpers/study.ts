import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { createCore, type Core, type Platform } from '../../main/core/index.js';
import type { InvokeResult } from '../../shared/contract/errors.js';
import type { StudySummary } from '../../shared/study/contract.js';
import { Database } from '../../main/core/db/cipher.js';
import { sqlcipher4 as sqlcipherFormat } from '../../main/core/db/sqlcipherFormat.js';

/**
 * A passphrase the core accepts (zxcvbn score ≥ 3, ≥ 10 characters). Not a real secret: the test
 * files it protects live for one test in a temp folder.
 */
export const testPassphrase = 'Tindrende-fjellbekk-under-7-gamle-bjørker';
export const otherPassphrase = 'Hvisking-i-kornåkeren-ved-Løvstad-1938';

/** A fresh folder under the system temp folder, removed when the current test ends. */
export function tempDir(prefix = 'gw-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A Platform whose every folder is inside `root`, with no native dialogs. */
export function testPlatform(root: string): Platform {
  return {
    appVersion: '0.0.0-test',
    userDataDir: path.join(root, 'userData'),
    defaultStudyFolder: path.join(root, 'studies'),
    systemLanguage: 'en',
    dialogs: null,
  };
}

/** A core on a fresh platform in `root`; shut down when the current test ends. */
export function testCore(root: string): Core {
  const platform = testPlatform(root);
  fs.mkdirSync(platform.defaultStudyFolder, { recursive: true });
  const core = createCore(platform);
  onTestFinished(() => core.shutdown());
  return core;
}

/** Unwraps a router answer, failing loudly with its error code. */
export function value<T>(result: InvokeResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got error ${JSON.stringify(result.error)}`);
  return result.value as T;
}

export interface FreshStudy {
  root: string;
  core: Core;
  file: string;
  summary: StudySummary;
}

/** One line to a new, open study in a temp folder of its own: `const s = await freshStudy()`. */
export async function freshStudy(title = 'Recovery i hverdagen'): Promise<FreshStudy> {
  const root = tempDir();
  const core = testCore(root);
  const file = path.join(root, 'studies', 'Study.groundwork');
  const summary = value<StudySummary>(await core.invoke('study.create', { title, path: file, passphrase: testPassphrase }));
  return { root, core, file, summary };
}

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** The names of the files in a folder (not recursive), sorted. */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();
}

/** Every file below `dir`, as absolute paths. */
export function listFilesRecursive(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) found.push(path.join(entry.parentPath, entry.name));
  }
  return found.sort();
}

/** The study file's SQLite companions that exist right now. */
export function companions(file: string): string[] {
  return ['-wal', '-shm', '-journal'].map((suffix) => `${file}${suffix}`).filter((companion) => fs.existsSync(companion));
}

/**
 * A connection opened the way any SQLCipher 4 tool opens a study: the cipher, legacy 4, the key,
 * and nothing of Groundwork's. The caller closes it.
 */
export function openWithSqlcipher(file: string, passphrase: string, options: { readonly?: boolean } = {}): Database.Database {
  const db = new Database(file, { fileMustExist: true, readonly: options.readonly ?? false });
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key='${passphrase.replaceAll("'", "''")}'`);
  return db;
}

/** Whether `needle` occurs in `bytes` as UTF-8 or UTF-16LE text. */
export function containsText(bytes: Buffer, needle: string): boolean {
  return bytes.includes(Buffer.from(needle, 'utf8')) || bytes.includes(Buffer.from(needle, 'utf16le'));
}

/** SQLite's plan for `sql`, one step a line: for asserting that a query uses an index. */
export function queryPlan(db: Database.Database, sql: string): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((step) => step.detail).join('\n');
}

/**
 * SQLCipher 4's page format, in node:crypto alone: a way to look inside a study file without
 * SQLite. Page size 4096; 80 reserved bytes per page (16 IV, 64 HMAC-SHA512); page 1 starts with the
 * 16-byte salt, which the HMAC and encryption of page 1 skip.
 */
export const sqlcipher4 = {
  ...sqlcipherFormat,
  decrypt(page: Buffer, number: number, key: Buffer): Buffer {
    const { cipherText, iv } = sqlcipherFormat.parts(page, number);
    const decipher = crypto.createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
    return Buffer.concat([decipher.update(cipherText), decipher.final()]);
  },
  /** Every page of a study file, numbered from 1. */
  pages(file: string): { number: number; page: Buffer }[] {
    const bytes = fs.readFileSync(file);
    const pages: { number: number; page: Buffer }[] = [];
    for (let offset = 0; offset + sqlcipherFormat.pageSize <= bytes.length; offset += sqlcipherFormat.pageSize) {
      pages.push({ number: offset / sqlcipherFormat.pageSize + 1, page: bytes.subarray(offset, offset + sqlcipherFormat.pageSize) });
    }
    return pages;
  },
  /**
   * The whole file decrypted with the passphrase's key, page by page: free pages and slack
   * included, so a search in it finds whatever SQLite left anywhere. Every page must authenticate.
   */
  plaintext(file: string, passphrase: string): Buffer {
    const pages = sqlcipher4.pages(file);
    const { key, hmacKey } = sqlcipher4.keys(passphrase, pages[0]!.page.subarray(0, 16));
    return Buffer.concat(
      pages.map(({ page, number }) => {
        if (!sqlcipher4.authenticates(page, number, hmacKey)) throw new Error(`${path.basename(file)}: page ${number} does not authenticate`);
        return sqlcipher4.decrypt(page, number, key);
      }),
    );
  },
};
