import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { freshStudy, value, type FreshStudy } from '../../helpers/study.js';
import { addTranscript, codebookSchemaPath, codedTexts, expectValid, schemaPath, seedStudy } from './seed.js';

async function exportProject(study: FreshStudy, options: { lineEnding?: 'lf' | 'crlf'; includeMemos?: boolean } = {}) {
  const file = path.join(study.root, `export-${options.lineEnding ?? 'lf'}-${options.includeMemos ?? true}-${Math.random()}.qdpx`);
  const answer = value<{ path: string; counts: Record<string, number> }>(
    await study.core.invoke('exchange.exportProject', { path: file, lineEnding: options.lineEnding ?? 'lf', includeMemos: options.includeMemos ?? true, language: 'en' }),
  );
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const qde = await zip.file('project.qde')!.async('string');
  const sources = new Map<string, string>();
  for (const name of Object.keys(zip.files).filter((each) => each.startsWith('Sources/') && each.endsWith('.txt'))) {
    sources.set(name.slice('Sources/'.length, -'.txt'.length), await zip.file(name)!.async('string'));
  }
  return { file, answer, qde, sources, bytes: fs.readFileSync(file) };
}

/** What each exported selection covers, by code name: the text between its positions, counted in characters. */
function selectionTexts(qde: string, sources: Map<string, string>): string[] {
  const names = new Map([...qde.matchAll(/<Code guid="([^"]+)" name="([^"]+)"/g)].map((match) => [match[1]!, match[2]!]));
  const found: string[] = [];
  for (const source of qde.matchAll(/<TextSource guid="([^"]+)"[\s\S]*?<\/TextSource>/g)) {
    const characters = [...sources.get(source[1]!)!];
    for (const selection of source[0].matchAll(/<PlainTextSelection guid="[^"]+" startPosition="(\d+)" endPosition="(\d+)"[\s\S]*?<\/PlainTextSelection>/g)) {
      const text = characters.slice(Number(selection[1]), Number(selection[2])).join('');
      for (const ref of selection[0].matchAll(/<CodeRef targetGUID="([^"]+)"/g)) found.push(`${names.get(ref[1]!)}: ${text}`);
    }
  }
  return found.sort();
}

describe('REFI-QDA export', () => {
  it('writes a .qdpx whose project.qde validates against the QDA-XML schema, with LF and with CRLF', async () => {
    const study = await freshStudy();
    seedStudy(study);
    for (const lineEnding of ['lf', 'crlf'] as const) {
      const { qde, sources, answer } = await exportProject(study, { lineEnding });
      expectValid(qde, schemaPath, study.root);
      expect(answer.counts).toEqual({ sources: 2, codes: 6, codings: 7, notes: 4, cases: 2, variables: 2 });
      expect(sources.size).toBe(2);
      for (const text of sources.values()) {
        if (lineEnding === 'crlf') expect(text).toContain('\r\n');
        else expect(text).not.toContain('\r');
      }
    }
  });

  it('gives every coding the exact character positions of its passage in the exported text (LF and CRLF, a character outside the BMP counted once)', async () => {
    const study = await freshStudy();
    seedStudy(study);
    const expectedLf = study.core.session.require().db.read((reader) => codedTexts(reader, '\n'));
    const expectedCrlf = study.core.session.require().db.read((reader) => codedTexts(reader, '\r\n'));
    const lf = await exportProject(study, { lineEnding: 'lf' });
    const crlf = await exportProject(study, { lineEnding: 'crlf' });
    expect(selectionTexts(lf.qde, lf.sources)).toEqual(expectedLf);
    expect(selectionTexts(crlf.qde, crlf.sources)).toEqual(expectedCrlf);
    expect(expectedLf).toContain('being noticed: Ærlig talt.');
    // The emoji is one character: "Ærlig talt." starts at 47 in characters (48 in UTF-16 units).
    expect(lf.qde).toMatch(/startPosition="\d+" endPosition="\d+"/);
    const t1 = [...lf.sources.values()].find((text) => text.startsWith('Hvordan'))!;
    const start = [...t1].join('').indexOf('Ærlig');
    expect([...t1].slice(0, [...t1.slice(0, start)].length).join('')).toBe(t1.slice(0, start));
  });

  it('lets only anonymised material leave: no raw transcript, no identifying detail, no left-out column', async () => {
    const study = await freshStudy();
    seedStudy(study);
    const { bytes, qde, sources } = await exportProject(study);
    const everything = `${qde}\n${[...sources.values()].join('\n')}`;
    for (const secret of ['Kari', 'Nordmann', 'Tromsø', '99887766', 'kari@example.no', 'Storgata', 'Gift med Ola', 'About the raw one']) {
      expect(everything, secret).not.toContain(secret);
    }
    expect(bytes.includes(Buffer.from('Kari'))).toBe(false);
    // The participant table's shown columns, under their headings, and the pseudonyms as case names.
    expect(qde).toContain('<Variable guid=');
    expect(qde).toContain('name="Age" typeOfVariable="Float"');
    expect(qde).toContain('name="Gender" typeOfVariable="Text"');
    expect(qde).toMatch(/<Case guid="[^"]+" name="Deltaker 1">/);
    expect(qde).toContain('<FloatValue>34</FloatValue>');
    expect(qde).toContain('<TextValue>Kvinne</TextValue>');
  });

  it('places categories, focused and initial codes in one tree and keeps the level in two sets', async () => {
    const study = await freshStudy();
    seedStudy(study);
    const { qde } = await exportProject(study);
    // Category > subcategory > focused code > initial code (the initial code under two focused codes goes under the first).
    expect(qde).toMatch(/name="Finding a footing" isCodable="false"[\s\S]*?name="Being seen" isCodable="false"[\s\S]*?name="being seen by others" isCodable="true"[\s\S]*?<Description>The participant tells of being noticed.<\/Description>[\s\S]*?name="being noticed" isCodable="true"/);
    // An initial code under no focused code stands at the top.
    expect(qde).toMatch(/\n {6}<Code guid="[^"]+" name="feeling scared at first" isCodable="true" color="#aa3333"\/>/);
    expect(qde).toMatch(/<Set guid="[^"]+" name="Initial codes">(\s*<MemberCode targetGUID="[^"]+"\/>){3}\s*<\/Set>/);
    expect(qde).toMatch(/<Set guid="[^"]+" name="Focused codes">(\s*<MemberCode targetGUID="[^"]+"\/>){3}\s*<\/Set>/);
  });

  it('links memos as notes from what they are about, free memos from the project; and leaves them out when asked', async () => {
    const study = await freshStudy();
    seedStudy(study);
    const { qde } = await exportProject(study);
    const guidOf = (title: string) => new RegExp(`<Note guid="([^"]+)" name="${title}"`).exec(qde)![1]!;
    expect(qde).toMatch(new RegExp(`name="being seen by others"[^>]*>[\\s\\S]*?<NoteRef targetGUID="${guidOf('On being seen')}"/>`));
    expect(qde).toMatch(new RegExp(`name="Finding a footing"[^>]*>\\s*<NoteRef targetGUID="${guidOf('Footing')}"/>`));
    expect(qde).toMatch(new RegExp(`<PlainTextSelection [^>]*>\\s*(<Coding[\\s\\S]*?</Coding>\\s*)*<NoteRef targetGUID="${guidOf('A passage')}"/>`));
    expect(qde).toMatch(new RegExp(`\\n  <NoteRef targetGUID="${guidOf('Free thoughts')}"/>\\n</Project>`));
    expect(qde).toContain('<PlainTextContent>Several speak of being seen.\nIt matters.</PlainTextContent>');

    const without = await exportProject(study, { includeMemos: false });
    expect(without.qde).not.toContain('<Note');
    expect(without.qde).not.toContain('NoteRef');
    expectValid(without.qde, schemaPath, study.root);
  });

  it('keeps every GUID from one export to the next, so a re-export can be compared with the last', async () => {
    const study = await freshStudy();
    seedStudy(study);
    const first = await exportProject(study);
    const second = await exportProject(study);
    expect(second.qde).toBe(first.qde);
    expect(second.bytes.equals(first.bytes)).toBe(true);
    const stored = study.core.session.require().db.read((reader) => reader.query<{ kind: string }>('SELECT kind FROM exchange_guid ORDER BY kind').all().map((row) => row.kind));
    expect(stored).toEqual(['case', 'case', 'project', 'set', 'set', 'source', 'source', 'user', 'variable', 'variable'].filter((kind) => kind !== 'project'));
  });

  it('never gives a participant id that SQLite hands out again the GUID of the case it named before', async () => {
    const study = await freshStudy();
    const seeded = seedStudy(study);
    const caseGuid = (qde: string, name: string) => new RegExp(`<Case guid="([^"]+)" name="${name}">`).exec(qde)?.[1];
    const first = await exportProject(study);
    const before = caseGuid(first.qde, 'Deltaker 2');
    expect(before).toBeDefined();
    const id = seeded.transcripts[1]!.participantId;
    study.core.session.require().db.write((writer) => {
      writer.statement('DELETE FROM participant WHERE id = ?').run(id);
      writer.statement("INSERT INTO participant (id, pseudonym, status, created_at) VALUES (?, 'Deltaker 3', 'interviewed', '2027-01-01T00:00:00.000Z')").run(id);
      addTranscript(writer, id, ['Ny samtale.'], 'anonymised');
    });
    const second = await exportProject(study);
    expect(caseGuid(second.qde, 'Deltaker 3')).toBeDefined();
    expect(caseGuid(second.qde, 'Deltaker 3')).not.toBe(before);
    expect(caseGuid(second.qde, 'Deltaker 1')).toBe(caseGuid(first.qde, 'Deltaker 1'));
  });

  it('records the export in the audit trail with counts only', async () => {
    const study = await freshStudy();
    seedStudy(study);
    await exportProject(study, { lineEnding: 'crlf' });
    const events = study.core.session.require().db.read((reader) => reader.query<{ detail: string }>("SELECT detail FROM audit_event WHERE kind = 'export.written'").all());
    expect(events.map((event) => JSON.parse(event.detail))).toEqual([
      { what: 'refiProject', format: 'qdpx', lineEnding: 'crlf', sources: 2, codes: 6, codings: 7, memos: 4, cases: 2, variables: 2 },
    ]);
  });

  it('writes the codebook alone as a .qdc that validates', async () => {
    const study = await freshStudy();
    seedStudy(study);
    const file = path.join(study.root, 'codebook.qdc');
    expect(value(await study.core.invoke('exchange.exportCodebook', { path: file }))).toEqual({ path: file, codes: 6 });
    const xml = fs.readFileSync(file, 'utf8');
    expect(xml).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Groundwork">');
    expect(xml).not.toContain('NoteRef');
    expectValid(xml, codebookSchemaPath, study.root);
  });

  it('exports a study with nothing coded yet as a project that still validates', async () => {
    const study = await freshStudy();
    const { qde, sources, answer } = await exportProject(study);
    expectValid(qde, schemaPath, study.root);
    expect(sources.size).toBe(0);
    expect(answer.counts).toEqual({ sources: 0, codes: 0, codings: 0, notes: 0, cases: 0, variables: 0 });
  });

  it('refuses a codebook without codes', async () => {
    const study = await freshStudy();
    const result = await study.core.invoke('exchange.exportCodebook', { path: path.join(study.root, 'empty.qdc') });
    expect(result).toEqual({ ok: false, error: { code: 'exchange.noCodes' } });
    expect(fs.existsSync(path.join(study.root, 'empty.qdc'))).toBe(false);
  });

  it('sums up what an export would carry', async () => {
    const study = await freshStudy();
    seedStudy(study);
    expect(value(await study.core.invoke('exchange.summary', { language: 'en' }))).toEqual({ anonymised: 2, raw: 1, codes: 6, categories: 3, codings: 7, memos: 5, variables: 2 });
  });
});
