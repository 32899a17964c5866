import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../shared/contract/errors.js';
import type { StudyPage } from '../../../shared/study/contract.js';
import { Database, groundworkApplicationId, inspectFile } from '../../../main/core/db/cipher.js';
import { latestSchemaVersion } from '../../../main/core/db/migrator.js';
import type { Core } from '../../../main/core/index.js';
import { listFiles, openWithSqlcipher, otherPassphrase, sha256, tempDir, testCore, testPassphrase, value } from '../../helpers/study.js';

/** A closed study of several pages (the notes alone overflow into five or so), in `folder`. */
async function closedStudy(core: Core, folder: string): Promise<string> {
  const file = path.join(folder, 'Real.groundwork');
  value(await core.invoke('study.create', { title: 'Ekte studie', path: file, passphrase: testPassphrase }));
  const page = value<StudyPage>(await core.invoke('studyPage.get', {}));
  value(await core.invoke('studyPage.update', { ...page, dataManagementNotes: 'Notat. '.repeat(2800) }));
  value(await core.invoke('study.close', {}));
  expect(fs.statSync(file).size).toBeGreaterThanOrEqual(6 * 4096);
  return file;
}

function filler(head: string | Buffer, size: number, fill = 'Lorem ipsum dolor sit amet. '): Buffer {
  const start = Buffer.isBuffer(head) ? head : Buffer.from(head, 'latin1');
  return Buffer.concat([start, Buffer.from(fill.repeat(Math.ceil(size / fill.length)), 'latin1')]).subarray(0, size);
}

interface Case {
  name: string;
  expected: ErrorCode;
  /** Makes the file to open in `folder` and returns its path, with the passphrase to try. */
  make: (core: Core, folder: string) => Promise<{ file: string; passphrase: string }>;
}

const cases: Case[] = [
  {
    name: 'the right study with a wrong passphrase',
    expected: 'study.wrongPassphrase',
    make: async (core, folder) => ({ file: await closedStudy(core, folder), passphrase: otherPassphrase }),
  },
  {
    name: 'a long Latin-1 (Windows-1252) text file',
    expected: 'study.notAStudy',
    make: async (_core, folder) => {
      const file = path.join(folder, 'notes.groundwork');
      fs.writeFileSync(file, filler('Intervjuguide\nSpørsmål 1: Hvordan har du det?\n', 20_000, 'Æ ø å tekst. '));
      return { file, passphrase: testPassphrase };
    },
  },
  {
    // UTF-8 as any editor writes it: æ, ø and å are two bytes each, the second one 0x80–0xBF.
    name: 'a UTF-8 text file in Norwegian',
    expected: 'study.notAStudy',
    make: async (_core, folder) => {
      const file = path.join(folder, 'intervjuguide.txt');
      fs.writeFileSync(file, 'Spørsmål til første intervju: Hvordan opplevde du møtene på Ås? '.repeat(200), 'utf8');
      return { file, passphrase: testPassphrase };
    },
  },
  {
    name: 'a UTF-8 text file with a byte-order mark',
    expected: 'study.notAStudy',
    make: async (_core, folder) => {
      const file = path.join(folder, 'bom.txt');
      fs.writeFileSync(file, `\ufeff${'Notater fra intervjuet. '.repeat(400)}`, 'utf8');
      return { file, passphrase: testPassphrase };
    },
  },
  {
    name: 'a short text file',
    expected: 'study.notAStudy',
    make: async (_core, folder) => {
      const file = path.join(folder, 'short.txt');
      fs.writeFileSync(file, 'Hei\n');
      return { file, passphrase: testPassphrase };
    },
  },
  {
    name: 'a PDF',
    expected: 'study.notAStudy',
    make: async (_core, folder) => {
      const file = path.join(folder, 'consent.pdf');
      fs.writeFileSync(file, filler(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), 50_000, '\x00\x01binary stream\xff'));
      return { file, passphrase: testPassphrase };
    },
  },
  {
    name: 'a zip (docx, qdpx)',
    expected: 'study.notAStudy',
    make: async (_core, folder) => {
      const file = path.join(folder, 'transcript.docx');
      fs.writeFileSync(file, filler(Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1'), 50_000, '\x00\x8f\x13compressed'));
      return { file, passphrase: testPassphrase };
    },
  },
  {
    // An interview recording picked by mistake: the researchers' recorders write m4a (MPEG-4).
    name: 'an m4a recording',
    expected: 'study.notAStudy',
    make: async (_core, folder) => {
      const file = path.join(folder, 'intervju-03.m4a');
      fs.writeFileSync(file, filler(Buffer.from('\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00M4A isommp42', 'latin1'), 50_000, '\x00\x91\xfe\x07audio'));
      return { file, passphrase: testPassphrase };
    },
  },
  {
    // Windows Notepad's "Unicode": UTF-16LE with a byte-order mark, so every other byte is zero.
    name: 'a UTF-16 text file',
    expected: 'study.notAStudy',
    make: async (_core, folder) => {
      const file = path.join(folder, 'notater.txt');
      fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Notater fra intervjuet. '.repeat(400), 'utf16le')]));
      return { file, passphrase: testPassphrase };
    },
  },
  {
    name: 'an empty file',
    expected: 'study.notAStudy',
    make: async (_core, folder) => {
      const file = path.join(folder, 'empty.groundwork');
      fs.writeFileSync(file, '');
      return { file, passphrase: testPassphrase };
    },
  },
  {
    name: 'a folder',
    expected: 'study.notAStudy',
    make: async (_core, folder) => {
      const file = path.join(folder, 'a folder.groundwork');
      fs.mkdirSync(file);
      return { file, passphrase: testPassphrase };
    },
  },
  {
    name: 'a plaintext SQLite database',
    expected: 'study.plaintextDatabase',
    make: async (_core, folder) => {
      const file = path.join(folder, 'plain.db');
      const db = new Database(file);
      db.exec("CREATE TABLE study (title TEXT); INSERT INTO study VALUES ('ukryptert')");
      db.close();
      return { file, passphrase: testPassphrase };
    },
  },
  {
    name: 'a study cut short at a page boundary',
    expected: 'study.damaged',
    make: async (core, folder) => {
      const file = await closedStudy(core, folder);
      fs.truncateSync(file, 3 * 4096);
      return { file, passphrase: testPassphrase };
    },
  },
  {
    name: 'a study cut short inside its last page',
    expected: 'study.damaged',
    make: async (core, folder) => {
      const file = await closedStudy(core, folder);
      fs.truncateSync(file, fs.statSync(file).size - 1000);
      return { file, passphrase: testPassphrase };
    },
  },
  {
    name: 'a study cut short inside an early page',
    expected: 'study.damaged',
    make: async (core, folder) => {
      const file = await closedStudy(core, folder);
      fs.truncateSync(file, 2 * 4096 + 100);
      return { file, passphrase: testPassphrase };
    },
  },
  {
    name: 'a study from a newer Groundwork',
    expected: 'study.tooNew',
    make: async (core, folder) => {
      const file = await closedStudy(core, folder);
      const db = openWithSqlcipher(file, testPassphrase);
      db.pragma(`user_version = ${latestSchemaVersion + 1}`);
      db.close();
      return { file, passphrase: testPassphrase };
    },
  },
  {
    name: 'a file that is not there',
    expected: 'study.fileMissing',
    make: async (_core, folder) => ({ file: path.join(folder, 'gone.groundwork'), passphrase: testPassphrase }),
  },
  {
    name: 'another SQLCipher database with the same passphrase',
    expected: 'study.notAStudy',
    make: async (_core, folder) => {
      const file = path.join(folder, 'other-app.db');
      const db = new Database(file);
      db.pragma(`cipher='sqlcipher'`);
      db.pragma('legacy=4');
      db.pragma(`key='${testPassphrase}'`);
      db.pragma('application_id = 1234');
      db.exec("CREATE TABLE study (title TEXT); INSERT INTO study VALUES ('annen app')");
      db.close();
      return { file, passphrase: testPassphrase };
    },
  },
  {
    name: 'another SQLCipher database with no application id',
    expected: 'study.notAStudy',
    make: async (_core, folder) => {
      const file = path.join(folder, 'no-id.db');
      const db = new Database(file);
      db.pragma(`cipher='sqlcipher'`);
      db.pragma('legacy=4');
      db.pragma(`key='${testPassphrase}'`);
      db.exec('CREATE TABLE t (x)');
      db.close();
      return { file, passphrase: testPassphrase };
    },
  },
];

describe('opening a file that is not a good study', () => {
  it.each(cases)('$name → $expected, and the file is left as it was', async ({ make, expected }) => {
    const root = tempDir();
    const core = testCore(root);
    const folder = path.join(root, 'files');
    fs.mkdirSync(folder);
    const { file, passphrase } = await make(core, folder);
    const isFile = fs.existsSync(file) && fs.statSync(file).isFile();
    const hashBefore = isFile ? sha256(file) : null;
    const filesBefore = listFiles(folder);

    const result = await core.invoke('study.open', { path: file, passphrase });

    expect(result).toEqual({ ok: false, error: { code: expected } });
    if (hashBefore) expect(sha256(file)).toBe(hashBefore);
    expect(listFiles(folder)).toEqual(filesBefore);
    expect(value(await core.invoke('study.state', {}))).toEqual({ status: 'closed' });
  });

  it('leaves the study already open, open, when another file is refused', async () => {
    const root = tempDir();
    const core = testCore(root);
    const folder = path.join(root, 'files');
    fs.mkdirSync(folder);
    const file = path.join(folder, 'Open.groundwork');
    value(await core.invoke('study.create', { title: 'Åpen studie', path: file, passphrase: testPassphrase }));
    const other = path.join(folder, 'notes.txt');
    fs.writeFileSync(other, 'tekst');

    expect(await core.invoke('study.open', { path: other, passphrase: testPassphrase })).toMatchObject({ ok: false });
    expect(value<{ status: string }>(await core.invoke('study.state', {})).status).toBe('open');
    expect(value<StudyPage>(await core.invoke('studyPage.get', {})).title).toBe('Åpen studie');
  });

  it('refuses a wrong passphrase for the study that is open, and keeps it open', async () => {
    const root = tempDir();
    const core = testCore(root);
    const file = path.join(root, 'Open.groundwork');
    value(await core.invoke('study.create', { title: 'Åpen', path: file, passphrase: testPassphrase }));
    expect(await core.invoke('study.open', { path: file, passphrase: otherPassphrase })).toEqual({
      ok: false,
      error: { code: 'study.wrongPassphrase' },
    });
    expect(value<StudyPage>(await core.invoke('studyPage.get', {})).title).toBe('Åpen');
  });

  it('names the open study by its application id', () => {
    // "GWRK": a regression guard, since changing it would make every existing study "not a study".
    expect(groundworkApplicationId).toBe(0x4757524b);
  });

  it('never takes a real study for another format, whatever its random salt', () => {
    // A study starts with 16 random bytes of salt and then ciphertext: random bytes. A format
    // check loose enough to take, say, any byte ≥ 0x80 for text would refuse about 1 study in 3,000
    // as "not a study"; 20,000 random heads catch that.
    const folder = tempDir();
    const file = path.join(folder, 'random.groundwork');
    const misread: string[] = [];
    const heads = 20_000;
    const random = crypto.randomBytes(64 * heads);
    fs.writeFileSync(file, crypto.randomBytes(4096));
    const fd = fs.openSync(file, 'r+');
    try {
      for (let i = 0; i < heads; i++) {
        const head = random.subarray(i * 64, (i + 1) * 64);
        fs.writeSync(fd, head, 0, 64, 0);
        const kind = inspectFile(file);
        if (kind !== 'opaque') misread.push(`${kind}: ${head.toString('hex')}`);
      }
    } finally {
      fs.closeSync(fd);
    }
    expect(misread).toEqual([]);
  });
});

describe('a study file that opens but is not whole', () => {
  it('says damaged (not "internal") when the study row is missing, and lets go of the file', async () => {
    // What a crash between making the file and writing its first row would leave: a keyed file with
    // Groundwork's id and schema, and no study in it.
    const { applyKey } = await import('../../../main/core/db/cipher.js');
    const { migrate } = await import('../../../main/core/db/migrator.js');
    const root = tempDir();
    const core = testCore(root);
    const file = path.join(root, 'Half-made.groundwork');
    const db = new Database(file);
    applyKey(db, testPassphrase);
    db.pragma(`application_id = ${groundworkApplicationId}`);
    migrate(db);
    db.close();

    const result = await core.invoke('study.open', { path: file, passphrase: testPassphrase });
    expect(value(await core.invoke('study.state', {}))).toEqual({ status: 'closed' });
    // No connection left open on it: SQLite removes the WAL and shared memory when the last one closes.
    expect(listFiles(root).filter((name) => name.startsWith('Half-made'))).toEqual(['Half-made.groundwork']);
    expect(result).toEqual({ ok: false, error: { code: 'study.damaged' } });
  });
});

describe('a study file left half-made by a crash during creation', () => {
  it('says damaged when only the application id was written', async () => {
    const { applyKey } = await import('../../../main/core/db/cipher.js');
    const root = tempDir();
    const core = testCore(root);
    const file = path.join(root, 'Id-only.groundwork');
    const db = new Database(file);
    applyKey(db, testPassphrase);
    db.pragma(`application_id = ${groundworkApplicationId}`);
    db.close();
    const before = sha256(file);

    expect(await core.invoke('study.open', { path: file, passphrase: testPassphrase })).toEqual({ ok: false, error: { code: 'study.damaged' } });
    expect(sha256(file)).toBe(before);
    expect(listFiles(root).filter((name) => name.startsWith('Id-only'))).toEqual(['Id-only.groundwork']);
  });
});
