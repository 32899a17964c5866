import crypto from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { judgePassphrase } from '../../../shared/passphrase/strength.js';
import type { StudyPage, StudySummary } from '../../../shared/study/contract.js';
import { groundworkApplicationId } from '../../../main/core/db/cipher.js';
import { containsText, freshStudy, openWithSqlcipher, otherPassphrase, testPassphrase, value } from '../../helpers/study.js';

const sentinel = 'SENTINEL-Kari-Nordmann-7781';

describe('the test passphrases', () => {
  it('are ones the core accepts', () => {
    expect(judgePassphrase(testPassphrase).acceptable).toBe(true);
    expect(judgePassphrase(otherPassphrase).acceptable).toBe(true);
  });
});

describe('creating and reopening a study', () => {
  it('keeps the title and the study page across close and reopen', async () => {
    const { core, file } = await freshStudy('Å finne fotfeste');
    const page = value<StudyPage>(await core.invoke('studyPage.get', {}));
    const edited: StudyPage = {
      ...page,
      researchQuestions: ['Hva betydde gruppen?', 'Hva hjalp?'],
      institution: 'Høgskolen i Fjordvik',
      researcher: { name: 'Mari Lindseth', contact: 'mari@fjordvik.example' },
      dataProtectionOfficer: 'Personvernombudet, personvern@fjordvik.example',
      supervisors: [{ name: 'Ingrid Solvang', affiliation: 'Hovedveileder' }],
      ethics: { decision: 'approved', reference: 'REK 123456', date: '2026-01-12' },
      sikt: { reference: 'Sikt 654321', date: '2026-02-03' },
      dataManagementNotes: 'Lydopptak slettes etter transkribering.',
      plannedEndDate: '2027-06-30',
      endOfStudyAction: 'anonymise',
    };
    value(await core.invoke('studyPage.update', edited));
    expect(value<{ status: string }>(await core.invoke('study.close', {})).status).toBe('closed');

    const reopened = value<StudySummary>(await core.invoke('study.open', { path: file, passphrase: testPassphrase }));
    expect(reopened.title).toBe('Å finne fotfeste');
    expect(value<StudyPage>(await core.invoke('studyPage.get', {}))).toEqual(edited);
  });

  it('writes a file that is neither plaintext SQLite nor holds what was written through the app', async () => {
    const { core, file } = await freshStudy();
    const page = value<StudyPage>(await core.invoke('studyPage.get', {}));
    value(await core.invoke('studyPage.update', { ...page, dataManagementNotes: sentinel, institution: sentinel }));
    // Still open: the WAL holds the newest pages, and it must be encrypted too.
    for (const candidate of [file, `${file}-wal`]) {
      if (fs.existsSync(candidate)) expect(containsText(fs.readFileSync(candidate), sentinel), candidate).toBe(false);
    }
    value(await core.invoke('study.close', {}));

    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(containsText(bytes, sentinel)).toBe(false);
    expect(containsText(bytes, 'audit_event')).toBe(false);
  });
});

describe('SQLCipher 4 compatibility', () => {
  it('opens with nothing but cipher=sqlcipher, legacy=4 and the key, and reads the title', async () => {
    const { core, file } = await freshStudy('Tittel for SQLCipher');
    value(await core.invoke('study.close', {}));

    const db = openWithSqlcipher(file, testPassphrase, { readonly: true });
    try {
      expect(db.prepare('SELECT title FROM study').pluck().get()).toBe('Tittel for SQLCipher');
      expect(db.pragma('application_id', { simple: true })).toBe(groundworkApplicationId);
      // SQLCipher 4's defaults: what DB Browser for SQLCipher assumes when given only the passphrase.
      expect(Number(db.pragma('kdf_iter', { simple: true }))).toBe(256_000);
      expect(db.pragma('page_size', { simple: true })).toBe(4096);
      expect(Number(db.pragma('legacy_page_size', { simple: true }))).toBe(4096);
      expect(Number(db.pragma('hmac_algorithm', { simple: true }))).toBe(2); // SHA-512
      expect(Number(db.pragma('kdf_algorithm', { simple: true }))).toBe(2); // SHA-512
      expect(Number(db.pragma('plaintext_header_size', { simple: true }))).toBe(0);
    } finally {
      db.close();
    }
  });

  it('refuses the plain SQLCipher connection a wrong passphrase', async () => {
    const { core, file } = await freshStudy();
    value(await core.invoke('study.close', {}));
    const db = openWithSqlcipher(file, otherPassphrase, { readonly: true });
    try {
      expect(() => db.prepare('SELECT title FROM study').get()).toThrow(expect.objectContaining({ code: 'SQLITE_NOTADB' }));
    } finally {
      db.close();
    }
  });

  it('decrypts page 1 by the SQLCipher 4 design, independently of SQLite (node:crypto only)', async () => {
    const { core, file } = await freshStudy();
    value(await core.invoke('study.close', {}));

    const page = fs.readFileSync(file).subarray(0, 4096);
    // SQLCipher 4: 16-byte salt; PBKDF2-HMAC-SHA512, 256,000 rounds, for the AES-256 key; the HMAC
    // key from that key with the salt XOR 0x3a and 2 rounds; 80 reserved bytes per page
    // (16 IV + 64 HMAC-SHA512) over ciphertext ‖ IV ‖ page number (little-endian).
    const salt = page.subarray(0, 16);
    const key = crypto.pbkdf2Sync(Buffer.from(testPassphrase, 'utf8'), salt, 256_000, 32, 'sha512');
    const hmacKey = crypto.pbkdf2Sync(key, Buffer.from(salt.map((byte) => byte ^ 0x3a)), 2, 32, 'sha512');
    const reserve = 80;
    const cipherText = page.subarray(16, 4096 - reserve);
    const iv = page.subarray(4096 - reserve, 4096 - reserve + 16);
    const storedMac = page.subarray(4096 - 64);
    const pageNumber = Buffer.alloc(4);
    pageNumber.writeUInt32LE(1);
    const mac = crypto.createHmac('sha512', hmacKey).update(cipherText).update(iv).update(pageNumber).digest();
    expect(mac.equals(storedMac)).toBe(true);

    const decipher = crypto.createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
    const plain = Buffer.concat([decipher.update(cipherText), decipher.final()]);
    // `plain` starts at file offset 16: the rest of SQLite's database header.
    expect(plain.readUInt16BE(0)).toBe(4096); // page size
    expect(plain[4]).toBe(reserve); // reserved bytes per page
    expect(plain.readUInt32BE(68 - 16)).toBe(groundworkApplicationId);
  });
});
