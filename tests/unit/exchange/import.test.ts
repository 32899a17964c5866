import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ExchangeProgress, ImportCounts, NotHeld } from '../../../shared/exchange/contract.js';
import type { StudyReader } from '../../../main/core/db/connection.js';
import type { Core } from '../../../main/core/index.js';
import { freshStudy, listFiles, tempDir, testCore, testPassphrase, value } from '../../helpers/study.js';
import { codedTexts, seedStudy } from './seed.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/refi');

/** A hand-written fixture folder, zipped as the tool would (the `.qdpx`). */
async function zipFolder(dir: string): Promise<Buffer> {
  const zip = new JSZip();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    zip.file(path.relative(dir, full).split(path.sep).join('/'), fs.readFileSync(full));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

interface Imported {
  counts: ImportCounts;
  notHeld: NotHeld[];
  study: { path: string; title: string };
}

async function importInto(core: Core, dir: string, bytes: Buffer, name = 'Imported.groundwork') {
  return core.invoke('exchange.importProject', {
    importId: 'test',
    fileName: 'project.qdpx',
    base64: bytes.toString('base64'),
    title: 'Imported study',
    path: path.join(dir, name),
    passphrase: testPassphrase,
  });
}

async function importFixture(name: string): Promise<{ core: Core; imported: Imported; read: <T>(fn: (reader: StudyReader) => T) => T }> {
  const root = tempDir();
  const core = testCore(root);
  const imported = value<Imported>(await importInto(core, root, await zipFolder(path.join(fixtures, name))));
  return { core, imported, read: (fn) => core.session.require().db.read(fn) };
}

function codeTree(reader: StudyReader) {
  const codes = reader
    .query<{ name: string; level: string; category: string | null }>('SELECT k.name, k.level, c.name AS category FROM code k LEFT JOIN category c ON c.id = k.category_id ORDER BY k.name')
    .all();
  const categories = reader.query<{ name: string; parent: string | null }>('SELECT c.name, p.name AS parent FROM category c LEFT JOIN category p ON p.id = c.parent_id ORDER BY c.name').all();
  const subsumes = reader
    .query<{ focused: string; initial: string }>('SELECT f.name AS focused, i.name AS initial FROM code_subsumes s JOIN code f ON f.id = s.focused_code_id JOIN code i ON i.id = s.initial_code_id ORDER BY 1, 2')
    .all();
  return { codes, categories, subsumes };
}

function memos(reader: StudyReader) {
  return reader
    .query<{ title: string; body_text: string; code: string | null; category: string | null; passage: string | null }>(
      `SELECT m.title, m.body_text, k.name AS code, c.name AS category,
         CASE WHEN m.transcript_id IS NULL THEN NULL ELSE m.start_offset || '-' || m.end_offset END AS passage
       FROM memo m LEFT JOIN code k ON k.id = m.code_id LEFT JOIN category c ON c.id = m.category_id ORDER BY m.title`,
    )
    .all();
}

/** Every non-empty line of every transcript, by title. */
function texts(reader: StudyReader, where = '1 = 1'): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const transcript of reader.query<{ id: number; title: string }>(`SELECT id, title FROM transcript t WHERE ${where} ORDER BY id`).all()) {
    result[transcript.title] = reader
      .query<{ text: string }>('SELECT text FROM transcript_line WHERE transcript_id = ? ORDER BY position')
      .all(transcript.id)
      .map((line) => line.text)
      .filter((text) => text.trim() !== '');
  }
  return result;
}

/** Each coding as (code, line number among the non-empty lines, offsets): positions, not only texts. */
function anchors(reader: StudyReader, where = '1 = 1'): string[] {
  const rows = reader
    .query<{ name: string; transcript_id: number; start_line_id: string; start_offset: number; end_line_id: string; end_offset: number }>(
      `SELECT k.name, c.transcript_id, c.start_line_id, c.start_offset, c.end_line_id, c.end_offset FROM coding c JOIN code k ON k.id = c.code_id JOIN transcript t ON t.id = c.transcript_id WHERE ${where}`,
    )
    .all();
  return rows
    .map((row) => {
      const lines = reader.query<{ id: string; text: string }>("SELECT id, text FROM transcript_line WHERE transcript_id = ? AND trim(text) <> '' ORDER BY position").all(row.transcript_id);
      const index = (id: string) => lines.findIndex((line) => line.id === id);
      return `${row.name} ${index(row.start_line_id)}:${row.start_offset}-${index(row.end_line_id)}:${row.end_offset}`;
    })
    .sort();
}

describe('REFI-QDA import: round trip', () => {
  for (const lineEnding of ['lf', 'crlf'] as const) {
    it(`gives back the same texts, codes, codings (positions equal), memos and attributes (${lineEnding})`, async () => {
      const study = await freshStudy();
      seedStudy(study);
      const before = study.core.session.require().db.read((reader) => ({
        texts: texts(reader, "state = 'anonymised'"),
        tree: codeTree(reader),
        coded: codedTexts(reader),
        anchors: anchors(reader, "t.state = 'anonymised'"),
        memos: memos(reader).filter((memo) => memo.title !== 'About the raw one'),
      }));
      const file = path.join(study.root, 'out.qdpx');
      value(await study.core.invoke('exchange.exportProject', { path: file, lineEnding, includeMemos: true, language: 'en' }));

      const imported = value<Imported>(await importInto(study.core, study.root, fs.readFileSync(file)));
      expect(imported.notHeld).toEqual([]);
      expect(imported.counts).toEqual({ transcripts: 2, participants: 2, attributes: 2, codes: 6, categories: 3, codings: 7, memos: 4 });
      expect(study.core.session.require().path).toBe(path.join(study.root, 'Imported.groundwork'));
      const after = study.core.session.require().db.read((reader) => ({
        texts: texts(reader),
        tree: codeTree(reader),
        coded: codedTexts(reader, '\n', '1 = 1'),
        anchors: anchors(reader),
        memos: memos(reader),
      }));
      // A transcript without a title is named after its participant and date.
      expect(after.texts).toEqual({ 'Intervju 1': before.texts['Intervju 1'], 'Deltaker 2 2026-03-02': before.texts[''] });
      expect(after.tree.codes).toEqual(before.tree.codes);
      expect(after.tree.categories.filter((category) => category.name !== 'Routines')).toEqual(before.tree.categories.filter((category) => category.name !== 'Routines'));
      // An initial code under two focused codes is under the first of them only (the tree has one place for it).
      expect(after.tree.subsumes).toEqual(before.tree.subsumes.filter((link) => !(link.focused === 'finding a place' && link.initial === 'being noticed')));
      expect(after.coded).toEqual(before.coded);
      expect(after.anchors).toEqual(before.anchors);
      expect(after.memos).toEqual(before.memos);

      const read = study.core.session.require().db.read((reader) => ({
        states: reader.query<{ state: string }>('SELECT DISTINCT state FROM transcript').all(),
        participants: reader.query<{ pseudonym: string }>('SELECT pseudonym FROM participant ORDER BY pseudonym').all(),
        values: reader
          .query<{ pseudonym: string; name: string; kind: string; value: string }>(
            'SELECT p.pseudonym, a.name, a.kind, v.value FROM attribute_value v JOIN participant p ON p.id = v.participant_id JOIN attribute a ON a.id = v.attribute_id ORDER BY 1, 2',
          )
          .all(),
      }));
      // Imported text is raw: it has not been through this study's anonymisation review.
      expect(read.states).toEqual([{ state: 'raw' }]);
      expect(read.participants).toEqual([{ pseudonym: 'Deltaker 1' }, { pseudonym: 'Deltaker 2' }]);
      expect(read.values).toEqual([
        { pseudonym: 'Deltaker 1', name: 'Age', kind: 'number', value: '34' },
        { pseudonym: 'Deltaker 1', name: 'Gender', kind: 'text', value: 'Kvinne' },
        { pseudonym: 'Deltaker 2', name: 'Age', kind: 'number', value: '51' },
      ]);
    });
  }

  it('keeps the GUIDs of the file, so exporting the imported study again names the same codes', async () => {
    const study = await freshStudy();
    seedStudy(study);
    const file = path.join(study.root, 'out.qdpx');
    value(await study.core.invoke('exchange.exportProject', { path: file, lineEnding: 'lf', includeMemos: true, language: 'en' }));
    const before = study.core.session.require().db.read((reader) => reader.query<{ guid: string }>('SELECT guid FROM code UNION ALL SELECT guid FROM category ORDER BY 1').all());
    value(await importInto(study.core, study.root, fs.readFileSync(file)));
    const after = study.core.session.require().db.read((reader) => reader.query<{ guid: string }>('SELECT guid FROM code UNION ALL SELECT guid FROM category ORDER BY 1').all());
    expect(after).toEqual(before);
  });

  it('reports its progress and records the import in the new study audit trail', async () => {
    const study = await freshStudy();
    seedStudy(study);
    const file = path.join(study.root, 'out.qdpx');
    value(await study.core.invoke('exchange.exportProject', { path: file, lineEnding: 'lf', includeMemos: false, language: 'en' }));
    const progress: ExchangeProgress[] = [];
    study.core.onEvent((event, payload) => {
      if (event === 'exchange.importProgress') progress.push(payload as ExchangeProgress);
    });
    value(await importInto(study.core, study.root, fs.readFileSync(file)));
    expect(progress[0]?.phase).toBe('reading');
    expect(progress.map((each) => each.phase)).toContain('storing');
    expect(progress.at(-1)).toEqual({ importId: 'test', phase: 'done', done: 1, total: 1 });
    const audit = study.core.session.require().db.read((reader) => reader.query<{ kind: string; detail: string }>("SELECT kind, detail FROM audit_event WHERE kind LIKE 'exchange.%'").all());
    expect(audit.map((event) => [event.kind, JSON.parse(event.detail)])).toEqual([
      ['exchange.imported', { transcripts: 2, participants: 2, attributes: 2, codes: 6, categories: 3, codings: 7, memos: 0, notHeld: 0 }],
    ]);
  });
});

describe('REFI-QDA import: files in the shapes other tools write', () => {
  it('NVivo: internal:// sources, codes nested three levels, cases with variables, notes on a code and a selection', async () => {
    const { imported, read } = await importFixture('nvivo');
    expect(imported.counts).toEqual({ transcripts: 2, participants: 2, attributes: 2, codes: 4, categories: 1, codings: 5, memos: 2 });
    expect(imported.notHeld).toEqual([]);
    const tree = read(codeTree);
    // "Social" has codes beneath it and nothing coded with it: a category (at the top, since its parent is a code).
    expect(tree.categories).toEqual([{ name: 'Social', parent: null }]);
    expect(tree.codes).toEqual([
      { name: 'Coping', level: 'focused', category: null },
      { name: 'difficulty', level: 'initial', category: null },
      { name: 'finding the group', level: 'focused', category: 'Social' },
      { name: 'walking', level: 'initial', category: null },
    ]);
    expect(tree.subsumes).toEqual([{ focused: 'Coping', initial: 'walking' }]);
    expect(read((reader) => codedTexts(reader, '\n', '1 = 1'))).toEqual([
      'Coping: Now I walk every day',
      'difficulty: It was hard at first.',
      'difficulty: Some days are heavy.',
      'finding the group: Then I found the group.',
      'walking: Now I walk every day',
    ]);
    expect(read(memos)).toEqual([
      { title: 'On difficulty', body_text: 'Difficulty comes first, then relief.', code: 'difficulty', category: null, passage: null },
      { title: 'Turning point', body_text: 'The group as the turn.', code: null, category: null, passage: '28-51' },
    ]);
    const lines = read((reader) => reader.query<{ speaker: string; text: string }>("SELECT speaker, text FROM transcript_line l JOIN transcript t ON t.id = l.transcript_id WHERE t.title = 'Interview A' ORDER BY position").all());
    // One line per paragraph, text kept whole; "Name:" tells the speakers apart.
    expect(lines).toEqual([
      { speaker: 'interviewer', text: 'Interviewer: How did it start?' },
      { speaker: 'participant', text: 'Anna: It was hard at first. Then I found the group.' },
      { speaker: 'interviewer', text: 'Interviewer: And now?' },
      { speaker: 'participant', text: 'Anna: Now I walk every day, and I sleep better.' },
    ]);
    expect(read((reader) => reader.query<{ pseudonym: string }>('SELECT pseudonym FROM participant ORDER BY pseudonym').all())).toEqual([{ pseudonym: 'Anna' }, { pseudonym: 'Bjørn' }]);
    expect(read((reader) => reader.query<{ held_at: string }>("SELECT held_at FROM interview i JOIN transcript t ON t.interview_id = i.id WHERE t.title = 'Interview A'").get())).toEqual({ held_at: '2024-05-02T12:15' });
  });

  it('ATLAS.ti: braces around GUIDs, a lower-case sources folder, blank lines, code groups and a PDF listed as not held', async () => {
    const { imported, read } = await importFixture('atlasti');
    expect(imported.counts).toMatchObject({ transcripts: 1, codes: 3, codings: 2, memos: 1 });
    expect(imported.notHeld).toEqual(expect.arrayContaining([
      { kind: 'pdfSource', name: 'Article.pdf', count: 1 },
      { kind: 'set', name: 'Support', count: 1 },
    ]));
    expect(imported.notHeld).toHaveLength(2);
    expect(read((reader) => codedTexts(reader, '\n', '1 = 1'))).toEqual(['peer support: Talking to others who had been there.', 'routines: Routines – getting up at the same time.']);
    expect(read((reader) => reader.query<{ guid: string; colour: string; definition: string }>("SELECT guid, colour, definition FROM code WHERE name = 'routines'").get())).toEqual({
      guid: '9f0a0d1c-0002-4e2b-8d3a-6c1d2e3f4a02',
      colour: '#cc3366',
      definition: 'Daily structure.',
    });
    expect(read(memos)).toEqual([{ title: 'Project memo', body_text: 'Start with peer support.', code: null, category: null, passage: null }]);
    // The blank paragraph is not a line.
    expect(read((reader) => reader.query<{ count: number }>('SELECT count(*) AS count FROM transcript_line').get())).toEqual({ count: 4 });
  });

  it('MAXQDA: Windows line endings counted in the positions, a byte-order mark, a parent code with codes beneath it', async () => {
    const { imported, read } = await importFixture('maxqda');
    expect(imported.notHeld).toEqual([]);
    expect(read((reader) => codedTexts(reader, '\n', '1 = 1'))).toEqual(['sleep: Ich schlafe wieder.', 'work: Teilzeit, das passt.']);
    expect(read(codeTree).categories).toEqual([{ name: 'Wellbeing', parent: null }]);
    expect(read(codeTree).codes).toEqual([
      { name: 'sleep', level: 'focused', category: 'Wellbeing' },
      { name: 'work', level: 'focused', category: 'Wellbeing' },
    ]);
    const first = read((reader) => reader.query<{ text: string }>('SELECT text FROM transcript_line ORDER BY position LIMIT 1').get());
    expect(first).toEqual({ text: 'I: Wie geht es dir?' });
  });

  it('QualCoder: inline text, a case coding, an audio source, a graph, a link and values that do not fit are listed', async () => {
    const { imported, read } = await importFixture('qualcoder');
    expect(imported.counts).toMatchObject({ transcripts: 1, participants: 1, codes: 2, categories: 1, codings: 2 });
    expect(imported.notHeld).toEqual(
      expect.arrayContaining([
        { kind: 'caseCoding', name: 'P7', count: 1 },
        { kind: 'sourceVariable', name: 'p7.txt', count: 1 },
        { kind: 'audioSource', name: 'p7.m4a', count: 1 },
        { kind: 'graph', name: 'Map', count: 1 },
        { kind: 'link', name: '', count: 1 },
        { kind: 'variableValue', name: 'P7', count: 1 },
      ]),
    );
    expect(imported.notHeld).toHaveLength(6);
    expect(read((reader) => codedTexts(reader, '\n', '1 = 1'))).toEqual(['not listened to: I felt nobody listened.', 'someone listens: Then someone did.']);
    expect(read(codeTree).categories).toEqual([{ name: 'Being heard', parent: null }]);
  });

  it('lists a source whose text is outside the file (an absolute path) and a note whose text is missing', async () => {
    const root = tempDir();
    const core = testCore(root);
    const qde = minimalQde(`
      <CodeBook><Codes><Code guid="e1000000-0000-4000-8000-000000000001" name="a" isCodable="true"/></Codes></CodeBook>
      <Sources>
        <TextSource guid="e4000000-0000-4000-8000-000000000001" name="elsewhere" plainTextPath="absolute:///C:/Users/x/interview.txt"/>
        <TextSource guid="e4000000-0000-4000-8000-000000000002" name="here"><PlainTextContent>Tekst her.</PlainTextContent>
          <PlainTextSelection guid="e5000000-0000-4000-8000-000000000001" startPosition="0" endPosition="99"><Coding guid="e6000000-0000-4000-8000-000000000001"><CodeRef targetGUID="e1000000-0000-4000-8000-000000000001"/></Coding></PlainTextSelection>
          <PlainTextSelection guid="e5000000-0000-4000-8000-000000000002" startPosition="0" endPosition="5"><Coding guid="e6000000-0000-4000-8000-000000000002"><CodeRef targetGUID="e1000000-0000-4000-8000-00000000dead"/></Coding></PlainTextSelection>
        </TextSource>
      </Sources>
      <Notes><Note guid="e7000000-0000-4000-8000-000000000001" name="lost" plainTextPath="internal://missing.txt"/></Notes>`);
    const imported = value<Imported>(await importInto(core, root, rawZip([{ name: 'project.qde', data: qde }])));
    expect(imported.counts).toMatchObject({ transcripts: 1, codings: 0, memos: 0 });
    expect(imported.notHeld).toEqual([
      { kind: 'textMissing', name: 'elsewhere', count: 1 },
      { kind: 'note', name: 'lost', count: 1 },
      { kind: 'selection', name: 'here', count: 2 },
    ]);
  });

  it('reads a project zipped inside a folder of its own', async () => {
    const root = tempDir();
    const core = testCore(root);
    const dir = path.join(fixtures, 'nvivo');
    const entries = fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const full = path.join(entry.parentPath, entry.name);
        return { name: `Recovery study/${path.relative(dir, full).split(path.sep).join('/')}`, data: fs.readFileSync(full), deflate: true };
      });
    const imported = value<Imported>(await importInto(core, root, rawZip(entries)));
    expect(imported.notHeld).toEqual([]);
    expect(imported.counts).toMatchObject({ transcripts: 2, codings: 5 });
  });

  it('reads a bare project.qde (no zip) with the text inline', async () => {
    const root = tempDir();
    const core = testCore(root);
    const imported = value<Imported>(await importInto(core, root, fs.readFileSync(path.join(fixtures, 'qualcoder', 'project.qde'))));
    expect(imported.counts.codings).toBe(2);
  });
});

/** A zip by hand: entries with the given names and (stored or deflated) contents; `lie` declares a smaller size than the data. */
function rawZip(entries: { name: string; data: Buffer; deflate?: boolean; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const body = entry.deflate ? zlib.deflateRawSync(entry.data) : entry.data;
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(entry.deflate ? 8 : 0, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(entry.deflate ? 8 : 0, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const minimalQde = (body = '') => Buffer.from(`<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="x">${body}</Project>`);

describe('REFI-QDA import: malformed and hostile files', () => {
  const cases: [string, () => Buffer, string][] = [
    ['a DOCTYPE with entities (billion laughs)', () => Buffer.from('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><Project name="&lol2;"/>'), 'exchange.doctype'],
    ['an external entity', () => rawZip([{ name: 'project.qde', data: Buffer.from('<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project name="&x;"/>') }]), 'exchange.doctype'],
    ['XML that is not well formed', () => rawZip([{ name: 'project.qde', data: Buffer.from('<Project name="x"><Sources></Project>') }]), 'exchange.malformedXml'],
    ['XML of another kind', () => rawZip([{ name: 'project.qde', data: Buffer.from('<html><body/></html>') }]), 'exchange.notAProject'],
    ['a zip without project.qde', () => rawZip([{ name: 'readme.txt', data: Buffer.from('hello') }]), 'exchange.notAProject'],
    ['a path that escapes the folder', () => rawZip([{ name: 'project.qde', data: minimalQde() }, { name: 'Sources/../../evil.txt', data: Buffer.from('x') }]), 'exchange.unsafePath'],
    ['an absolute path', () => rawZip([{ name: 'project.qde', data: minimalQde() }, { name: '/etc/cron.d/evil', data: Buffer.from('x') }]), 'exchange.unsafePath'],
    ['a zip bomb (an entry inflating a thousand times its size)', () => rawZip([{ name: 'project.qde', data: Buffer.alloc(20 * 1024 * 1024, 0x20), deflate: true }]), 'exchange.tooLarge'],
    ['an entry that inflates to more than it declares', () => rawZip([{ name: 'project.qde', data: Buffer.concat([minimalQde(), Buffer.alloc(4 * 1024 * 1024, 0x20)]), deflate: true, declaredSize: 200 }]), 'exchange.tooLarge'],
    ['an entry larger than any project', () => rawZip([{ name: 'project.qde', data: Buffer.alloc(10), declaredSize: 200 * 1024 * 1024 }]), 'exchange.tooLarge'],
    ['more entries than any project has', () => rawZip([{ name: 'project.qde', data: minimalQde() }, ...Array.from({ length: 20_000 }, (_, index) => ({ name: `Sources/${index}.txt`, data: Buffer.from('x') }))]), 'exchange.tooLarge'],
    ['a truncated zip', () => rawZip([{ name: 'project.qde', data: minimalQde() }]).subarray(0, 40), 'exchange.notAProject'],
    ['code trees nested absurdly deep', () => minimalQde(`<CodeBook><Codes>${'<Code guid="e1000000-0000-4000-8000-000000000001" name="a" isCodable="true">'.repeat(200)}${'</Code>'.repeat(200)}</Codes></CodeBook>`), 'exchange.malformedXml'],
  ];
  for (const [what, make, code] of cases) {
    it(`refuses ${what} with a clear error and leaves nothing behind`, async () => {
      const study = await freshStudy();
      const folder = path.join(study.root, 'imports');
      fs.mkdirSync(folder);
      const result = await importInto(study.core, folder, make());
      expect(result).toEqual({ ok: false, error: { code } });
      expect(listFiles(folder)).toEqual([]);
      // The study in hand is still open.
      expect(study.core.session.require().path).toBe(study.file);
    });
  }

  it('refuses to make the study where a file already is, and a weak passphrase, before reading anything', async () => {
    const root = tempDir();
    const core = testCore(root);
    fs.writeFileSync(path.join(root, 'Imported.groundwork'), 'mine');
    expect(await importInto(core, root, await zipFolder(path.join(fixtures, 'nvivo')))).toEqual({ ok: false, error: { code: 'study.fileExists' } });
    expect(fs.readFileSync(path.join(root, 'Imported.groundwork'), 'utf8')).toBe('mine');
    const weak = await core.invoke('exchange.importProject', { importId: 'x', fileName: 'a.qdpx', base64: 'UEs=', title: 'T', path: path.join(root, 'W.groundwork'), passphrase: 'abc' });
    expect(weak).toEqual({ ok: false, error: { code: 'passphrase.tooWeak' } });
  });
});

describe('REFI-QDA codebook import', () => {
  it('adds the codes of a .qdc to the open study, merging a code whose name is used at its level', async () => {
    const study = await freshStudy();
    seedStudy(study);
    const qdc = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="ATLAS.ti">
  <Codes>
    <Code guid="{1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294}" name="Feeling scared at first" isCodable="true" color="#46AA00"><Description>dup</Description></Code>
    <Code guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55295" name="Support" isCodable="true">
      <Code guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55296" name="peer support" isCodable="true"/>
    </Code>
  </Codes>
  <Sets><Set name="code group 1" guid="ECA18D76-2B8B-4F26-BC1D-19ECA19FB3F0"><MemberCode guid="{1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294}" /></Set></Sets>
</CodeBook>`;
    const answer = value(await study.core.invoke('exchange.importCodebook', { fileName: 'book.qdc', base64: Buffer.from(qdc).toString('base64') }));
    // "Support" has a code beneath it and nothing is coded in a codebook: a category; "peer support" a focused code in it.
    expect(answer).toEqual({ added: 1, merged: 1, categories: 1, notHeld: [{ kind: 'set', name: 'code group 1', count: 1 }] });
    const tree = study.core.session.require().db.read(codeTree);
    expect(tree.codes.filter((code) => code.name === 'peer support')).toEqual([{ name: 'peer support', level: 'focused', category: 'Support' }]);
    expect(tree.codes.filter((code) => code.name.toLowerCase() === 'feeling scared at first')).toHaveLength(1);
  });

  it('refuses a codebook with a DOCTYPE and one without codes', async () => {
    const study = await freshStudy();
    const doctype = '<!DOCTYPE x [<!ENTITY a "b">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>';
    expect(await study.core.invoke('exchange.importCodebook', { fileName: 'a.qdc', base64: Buffer.from(doctype).toString('base64') })).toEqual({ ok: false, error: { code: 'exchange.doctype' } });
    const empty = '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes></Codes></CodeBook>';
    expect(await study.core.invoke('exchange.importCodebook', { fileName: 'a.qdc', base64: Buffer.from(empty).toString('base64') })).toEqual({ ok: false, error: { code: 'exchange.noCodes' } });
  });
});
