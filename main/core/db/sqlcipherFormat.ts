import crypto from 'node:crypto';
import fs from 'node:fs';

/**
 * The SQLCipher 4 page format, read with node:crypto alone. Used to check a passphrase against a
 * study that this process holds open with an exclusive lock (a second SQLite connection could not
 * read it), and by the tests to prove the file is what DB Browser for SQLCipher expects.
 *
 * Each 4096-byte page ends in an 80-byte reserve: a 16-byte IV and a 64-byte HMAC-SHA512 over the
 * page's ciphertext, the IV and the page number. Page 1 starts with the 16-byte KDF salt.
 */
export const sqlcipher4 = {
  pageSize: 4096,
  reserve: 80,
  saltLength: 16,
  kdfIterations: 256_000,

  keys(passphrase: string, salt: Buffer): { key: Buffer; hmacKey: Buffer } {
    const key = crypto.pbkdf2Sync(Buffer.from(passphrase, 'utf8'), salt, sqlcipher4.kdfIterations, 32, 'sha512');
    const hmacSalt = Buffer.from(salt.map((byte) => byte ^ 0x3a));
    const hmacKey = crypto.pbkdf2Sync(key, hmacSalt, 2, 32, 'sha512');
    return { key, hmacKey };
  },

  /** The page's ciphertext, IV and stored HMAC; `number` counts from 1. */
  parts(page: Buffer, number: number): { cipherText: Buffer; iv: Buffer; mac: Buffer } {
    const end = sqlcipher4.pageSize - sqlcipher4.reserve;
    return {
      cipherText: page.subarray(number === 1 ? sqlcipher4.saltLength : 0, end),
      iv: page.subarray(end, end + 16),
      mac: page.subarray(end + 16, sqlcipher4.pageSize),
    };
  },

  authenticates(page: Buffer, number: number, hmacKey: Buffer): boolean {
    const { cipherText, iv, mac } = sqlcipher4.parts(page, number);
    const pageNumber = Buffer.alloc(4);
    pageNumber.writeUInt32LE(number);
    const expected = crypto.createHmac('sha512', hmacKey).update(cipherText).update(iv).update(pageNumber).digest();
    return expected.length === mac.length && crypto.timingSafeEqual(expected, mac);
  },
};

/** Whether `passphrase` is the key of the study file at `file`, judged by page 1's HMAC. */
export function passphraseOpensFile(file: string, passphrase: string): boolean {
  const page = Buffer.alloc(sqlcipher4.pageSize);
  const fd = fs.openSync(file, 'r');
  try {
    if (fs.readSync(fd, page, 0, page.length, 0) !== page.length) return false;
  } finally {
    fs.closeSync(fd);
  }
  const { key, hmacKey } = sqlcipher4.keys(passphrase, page.subarray(0, sqlcipher4.saltLength));
  try {
    return sqlcipher4.authenticates(page, 1, hmacKey);
  } finally {
    key.fill(0);
    hmacKey.fill(0);
  }
}
