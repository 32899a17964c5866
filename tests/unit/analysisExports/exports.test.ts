import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { XMLParser } from 'fast-xml-parser';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { AnalysisExportChoices, AnalysisExportProgress, CodingTablePreview } from '../../../shared/analysisExports/contract.js';
import { codingTableDocx, codingTableXlsx, guardFormula } from '../../../main/core/analysisExports/render.js';
import { sqlcipher4, tempDir, testPassphrase, value } from '../../helpers/study.js';
import { seededAnalysis } from './seed.js';

type Row = [excerpt: string, source: string, initial: string, focused: string, category: string];

const headingsNb: Row = ['Utdrag', 'Deltaker, linjer', 'Innledende koder', 'Fokuserte koder', 'Kategori'];
const headingsEn: Row = ['Excerpt', 'Participant, lines', 'Initial codes', 'Focused codes', 'Category'];
const place = 'Finding a place';
const home = 'Finding a place › "Like coming home"';
const structure = 'Structure in everyday life';

/** The whole table (all passages), in order: by category, focused code, participant, interview, line. */
const allRows: Row[] = [
  ['Jeg var redd for å snakke i starten.', 'Deltaker 2, intervju 1, 1', 'fearing to speak', 'daring to speak', place],
  ['-Hva skal jeg si, liksom?', 'Deltaker 2, intervju 1, 3', 'fearing to speak', 'daring to speak', place],
  ['Jeg følte meg sett for første gang.', 'Deltaker 1, 2', 'being understood\nfeeling seen', 'being recognised', home],
  ['Etter hvert ble det lettere; de andre forsto.\n-Hva skal jeg si, liksom?', 'Deltaker 2, intervju 1, 2–3', 'being understood', 'being recognised', home],
  ['Vi hadde en fast dag, hver tirsdag.', 'Deltaker 1, 4', 'having a fixed day', 'holding on to routines\nfinding meaning', structure],
  ['Nå går jeg tur hver dag.', 'Deltaker 2, intervju 2, 1', 'walking every day', 'holding on to routines', structure],
  ['Rutinene holder meg oppe.', 'Deltaker 2, intervju 2, 2', '', 'holding on to routines', structure],
  ['noe å stå opp for.', 'Deltaker 1, 5', 'getting up for something', 'finding meaning', ''],
  ['=SUM(A1) sa jeg til meg selv, og lo.', 'Deltaker 1, 3', 'laughing at oneself', '', ''],
];

async function zipText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return (await Promise.all(Object.values(zip.files).map((entry) => entry.async('string')))).join('\n');
}

/** The DOCX's first table as rows of cell texts (a cell's paragraphs joined by line breaks), and the raw XML. */
async function docxTable(file: string): Promise<{ xml: string; rows: string[][] }> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['w:tbl', 'w:tr', 'w:tc', 'w:p', 'w:r'].includes(name) });
  const body = parser.parse(xml)['w:document']['w:body'];
  type P = { 'w:r'?: { 'w:t'?: string | number | { '#text': string | number } }[] };
  const textOf = (paragraph: P) =>
    (paragraph['w:r'] ?? []).map((run) => (typeof run['w:t'] === 'object' ? String(run['w:t']['#text'] ?? '') : String(run['w:t'] ?? ''))).join('');
  const rows = (body['w:tbl'][0]['w:tr'] as { 'w:tc': { 'w:p': P[] }[] }[]).map((row) => row['w:tc'].map((cell) => cell['w:p'].map(textOf).join('\n')));
  return { xml, rows };
}

async function xlsxRows(file: string): Promise<{ sheet: ExcelJS.Worksheet; rows: unknown[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = (row.values as unknown[]).slice(1);
    while (values.length < sheet.columnCount) values.push(undefined);
    // An empty cell is not written at all: a hole in the row's values.
    rows.push(Array.from(values, (cell) => cell ?? ''));
  });
  return { sheet, rows };
}

function audit(study: Awaited<ReturnType<typeof seededAnalysis>>) {
  return study.core.session
    .require()
    .db.read((reader) => reader.query<{ detail: string }>("SELECT detail FROM audit_event WHERE kind = 'export.written' ORDER BY id").all())
    .map((row) => JSON.parse(row.detail) as Record<string, unknown>);
}

describe('the coding table', () => {
  it('previews every passage in order, merging codes on the same passage, with raw transcripts left out and counted', async () => {
    const study = await seededAnalysis();
    const preview = value<CodingTablePreview>(await study.core.invoke('analysisExports.codingTablePreview', { selection: { kind: 'all' }, language: 'nb', limit: 200 }));
    expect(Object.values(preview.headings)).toEqual(headingsNb);
    expect(preview.total).toBe(allRows.length);
    expect(preview.rows.map((row): Row => [row.excerpt, row.source, row.initialCodes.join('\n'), row.focusedCodes.join('\n'), row.categories.join('\n')])).toEqual(allRows);
    expect(preview.rawLeftOut).toEqual({ passages: 1, transcripts: 1 });
    expect(JSON.stringify(preview)).not.toContain('SENTINEL');
    // The limit gives the first rows.
    const first = value<CodingTablePreview>(await study.core.invoke('analysisExports.codingTablePreview', { selection: { kind: 'all' }, language: 'en', limit: 2 }));
    expect(first.rows.map((row) => row.excerpt)).toEqual(allRows.slice(0, 2).map((row) => row[0]));
    expect(first.rows[0]!.source).toBe('Deltaker 2, interview 1, 1');
    expect(first.total).toBe(allRows.length);
  });

  it('takes in chosen categories with their subcategories, or chosen focused codes, and shows only those', async () => {
    const study = await seededAnalysis();
    const byCategory = value<CodingTablePreview>(
      await study.core.invoke('analysisExports.codingTablePreview', { selection: { kind: 'categories', ids: [study.categories.place!] }, language: 'nb', limit: 200 }),
    );
    expect(byCategory.rows.map((row) => row.source)).toEqual(allRows.slice(0, 4).map((row) => row[1]));
    // The raw transcript's passage of 'feeling seen' (under the subcategory) is left out and counted.
    expect(byCategory.rawLeftOut).toEqual({ passages: 1, transcripts: 1 });

    const byCode = value<CodingTablePreview>(
      await study.core.invoke('analysisExports.codingTablePreview', { selection: { kind: 'focusedCodes', ids: [study.codes.routines!] }, language: 'nb', limit: 200 }),
    );
    expect(byCode.rows.map((row) => [row.source, row.focusedCodes, row.categories])).toEqual([
      ['Deltaker 1, 4', ['holding on to routines'], [structure]],
      ['Deltaker 2, intervju 2, 1', ['holding on to routines'], [structure]],
      ['Deltaker 2, intervju 2, 2', ['holding on to routines'], [structure]],
    ]);
    expect(byCode.rawLeftOut).toEqual({ passages: 0, transcripts: 0 });

    // A subcategory alone: only its focused code.
    const sub = value<CodingTablePreview>(
      await study.core.invoke('analysisExports.codingTablePreview', { selection: { kind: 'categories', ids: [study.categories.home!] }, language: 'nb', limit: 200 }),
    );
    expect(sub.rows.map((row) => row.focusedCodes)).toEqual([['being recognised'], ['being recognised']]);

    const choices = value<AnalysisExportChoices>(await study.core.invoke('analysisExports.choices', {}));
    expect(choices.categories.map((category) => [category.name, category.depth])).toEqual([
      [place, 0],
      ['"Like coming home"', 1],
      [structure, 0],
    ]);
    expect(choices.focusedCodes.map((code) => code.name)).toEqual(['daring to speak', 'being recognised', 'holding on to routines', 'finding meaning']);
    expect(choices).toMatchObject({ codes: 11, codings: 12 });
  });

  it('gives the rows of an initial code placed directly under a category that category, in its place', async () => {
    const study = await seededAnalysis();
    study.core.session.require().db.write((writer) =>
      writer.statement('UPDATE code SET category_id = ?, category_position = 5 WHERE id = ?').run(study.categories.structure!, study.codes.laughing!),
    );
    const all = value<CodingTablePreview>(await study.core.invoke('analysisExports.codingTablePreview', { selection: { kind: 'all' }, language: 'nb', limit: 200 }));
    // After the focused code placed first in the category (position 0), before the unplaced focused code.
    expect(all.rows.map((row) => row.source)).toEqual([...allRows.slice(0, 7), allRows[8]!, allRows[7]!].map((row) => row[1]));
    expect(all.rows[7]).toMatchObject({ initialCodes: ['laughing at oneself'], focusedCodes: [], categories: [structure] });
    const byCategory = value<CodingTablePreview>(
      await study.core.invoke('analysisExports.codingTablePreview', { selection: { kind: 'categories', ids: [study.categories.structure!] }, language: 'nb', limit: 200 }),
    );
    expect(byCategory.rows.map((row) => row.source)).toEqual(['Deltaker 1, 4', 'Deltaker 2, intervju 2, 1', 'Deltaker 2, intervju 2, 2', 'Deltaker 1, 3']);
    const file = path.join(study.root, 'k.xlsx');
    value(await study.core.invoke('analysisExports.codebook', { format: 'xlsx', path: file, language: 'en' }));
    const { rows } = await xlsxRows(file);
    expect(rows.filter((row) => row[2] === 'laughing at oneself')).toEqual([[structure, '', 'laughing at oneself', 'initial', '', 1, 1, 1]]);
  });

  it('exports CSV in UTF-8 with a byte-order mark and ";", quoted properly, formulas guarded, no raw text', async () => {
    const study = await seededAnalysis();
    const file = path.join(study.root, 'kodingstabell æøå.csv');
    const written = value(await study.core.invoke('analysisExports.codingTable', { selection: { kind: 'all' }, format: 'csv', path: file, language: 'nb' }));
    expect(written).toEqual({ path: file, rows: allRows.length, rawLeftOut: 1 });
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('Utdrag;Deltaker, linjer;Innledende koder;Fokuserte koder;Kategori\r\n');
    const records = parse(text, { bom: true, delimiter: ';', relax_quotes: false }) as string[][];
    // Cells that a spreadsheet would run as formulas start with an apostrophe; nothing else changes.
    const guarded = allRows.map((row) => row.map(guardFormula));
    expect(records).toEqual([headingsNb, ...guarded]);
    expect(records[2]![0]).toBe("'-Hva skal jeg si, liksom?");
    expect(records[9]![0]).toBe("'=SUM(A1) sa jeg til meg selv, og lo.");
    // A field with ";" is quoted.
    expect(text).toContain('"Etter hvert ble det lettere; de andre forsto.\n-Hva skal jeg si, liksom?"');
    expect(text).not.toContain('SENTINEL');
  });

  it('exports XLSX with a bold, frozen header row, widths, wrapped text, no raw text', async () => {
    const study = await seededAnalysis();
    const file = path.join(study.root, 'kodingstabell.xlsx');
    value(await study.core.invoke('analysisExports.codingTable', { selection: { kind: 'all' }, format: 'xlsx', path: file, language: 'en' }));
    const { sheet, rows } = await xlsxRows(file);
    expect(rows).toEqual([headingsEn, ...allRows.map((row) => row.map((cell, index) => (index === 1 ? cell.replace('intervju', 'interview') : cell)))]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(1).width).toBeGreaterThan(50);
    expect(sheet.getRow(2).getCell(1).alignment?.wrapText).toBe(true);
    // Text stays text: no cell is a formula.
    expect(sheet.getRow(10).getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(await zipText(file)).not.toContain('SENTINEL');
  });

  it('exports DOCX: a landscape page, a real table with its header row repeated, one row per passage, no raw text', async () => {
    const study = await seededAnalysis();
    const file = path.join(study.root, 'kodingstabell.docx');
    value(await study.core.invoke('analysisExports.codingTable', { selection: { kind: 'all' }, format: 'docx', path: file, language: 'nb' }));
    const { xml, rows } = await docxTable(file);
    expect(rows).toEqual([headingsNb, ...allRows]);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    // Word's own reader agrees.
    const { value: plain } = await mammoth.extractRawText({ path: file });
    expect(plain).toContain('Kodingstabell: fra utdrag til kategori');
    expect(plain).toContain('9 utdrag fra 3 intervjuer');
    expect(plain).toContain('1 kodede utdrag i 1 transkripsjon som ikke er anonymisert ennå, er utelatt.');
    expect(plain).toContain('Jeg følte meg sett for første gang.');
    expect(await zipText(file)).not.toContain('SENTINEL');
  });

  it('records each export in the audit trail with what, format and counts, never text', async () => {
    const study = await seededAnalysis();
    for (const format of ['csv', 'xlsx', 'docx'] as const) {
      value(await study.core.invoke('analysisExports.codingTable', { selection: { kind: 'categories', ids: [study.categories.place!] }, format, path: path.join(study.root, `t.${format}`), language: 'nb' }));
    }
    value(await study.core.invoke('analysisExports.codebook', { format: 'xlsx', path: path.join(study.root, 'k.xlsx'), language: 'nb' }));
    expect(audit(study)).toEqual([
      ...['csv', 'xlsx', 'docx'].map((format) => ({ what: 'codingTable', format, selection: 'categories', chosen: 1, rows: 4, interviews: 2, rawLeftOut: 1 })),
      { what: 'codebook', format: 'xlsx', codes: 11, focusedCodes: 4, categories: 3 },
    ]);
    const trail = JSON.stringify(audit(study));
    for (const word of ['fearing', 'Finding', 'Jeg', 'Deltaker']) expect(trail).not.toContain(word);
  });

  it('writes nothing and records nothing when the folder does not exist', async () => {
    const study = await seededAnalysis();
    const file = path.join(study.root, 'missing', 't.xlsx');
    const result = await study.core.invoke('analysisExports.codingTable', { selection: { kind: 'all' }, format: 'xlsx', path: file, language: 'nb' });
    expect(result).toEqual({ ok: false, error: { code: 'analysisExports.exportFailed' } });
    expect(fs.existsSync(path.dirname(file))).toBe(false);
    expect(audit(study)).toEqual([]);
  });

  it('reports progress for an export given an id, and finishes with done', async () => {
    const study = await seededAnalysis();
    const reports: AnalysisExportProgress[] = [];
    const stop = study.core.onEvent((event, payload) => {
      if (event === 'analysisExports.progress') reports.push(payload as AnalysisExportProgress);
    });
    value(await study.core.invoke('analysisExports.codingTable', { selection: { kind: 'all' }, format: 'docx', path: path.join(study.root, 't.docx'), language: 'nb', exportId: 'x1' }));
    stop();
    expect(reports[0]).toMatchObject({ exportId: 'x1', phase: 'reading' });
    expect(reports.at(-1)).toEqual({ exportId: 'x1', phase: 'done', done: allRows.length, total: allRows.length });
  });

  it('leaves nothing of the exported text unencrypted in the study file', async () => {
    const study = await seededAnalysis();
    value(await study.core.invoke('analysisExports.codingTable', { selection: { kind: 'all' }, format: 'csv', path: path.join(study.root, 't.csv'), language: 'nb' }));
    study.core.shutdown();
    const bytes = fs.readFileSync(study.file);
    expect(bytes.includes(Buffer.from('Jeg følte meg sett'))).toBe(false);
    // (and the file decrypts: the text is in there, encrypted)
    expect(sqlcipher4.plaintext(study.file, testPassphrase).includes(Buffer.from('Jeg følte meg sett'))).toBe(true);
  });
});

describe('the coding table files, from rows', () => {
  const awkward = {
    excerpt: 'Hun sa <ikke> noe & "lo"\u0007 – \'sånn\'\nneste linje',
    source: 'Deltaker 1, 3–4',
    initialCodes: ['=1+1', '@hjem'],
    focusedCodes: ['<fokusert>'],
    categories: ['A › B & C'],
  };
  const table = { rows: [awkward, { ...awkward, excerpt: '' }], total: 2, interviews: 1, rawLeftOut: { passages: 0, transcripts: 0 } };

  it('writes markup and quotes in Word as text, leaves out what XML cannot hold, and keeps empty cells', async () => {
    const file = path.join(tempDir(), 't.docx');
    const reports: string[] = [];
    fs.writeFileSync(file, await codingTableDocx(table, 'en', (phase) => reports.push(phase)));
    const { rows } = await docxTable(file);
    expect(rows.slice(1)).toEqual([
      ['Hun sa <ikke> noe & "lo" – \'sånn\'\nneste linje', 'Deltaker 1, 3–4', '=1+1\n@hjem', '<fokusert>', 'A › B & C'],
      ['', 'Deltaker 1, 3–4', '=1+1\n@hjem', '<fokusert>', 'A › B & C'],
    ]);
    expect(reports.at(-1)).toBe('writing');
  });

  it('writes a formula-like cell in Excel as text, never as a formula', async () => {
    const file = path.join(tempDir(), 't.xlsx');
    fs.writeFileSync(file, await codingTableXlsx(table, 'en', () => {}));
    const { sheet } = await xlsxRows(file);
    expect(sheet.getRow(2).getCell(3).value).toBe('=1+1\n@hjem');
    expect(sheet.getRow(2).getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(await zipText(file)).not.toContain('<f>');
  });
});

describe('the codebook', () => {
  it('exports XLSX: a row per code in the hierarchy, levels, definitions and counts as numbers', async () => {
    const study = await seededAnalysis();
    const file = path.join(study.root, 'kodebok.xlsx');
    expect(value(await study.core.invoke('analysisExports.codebook', { format: 'xlsx', path: file, language: 'en' }))).toEqual({ path: file, codes: 11, categories: 3 });
    const { sheet, rows } = await xlsxRows(file);
    expect(rows).toEqual([
      ['Category', 'Focused code', 'Initial code', 'Level', 'Definition', 'Codings', 'Interviews', 'Codings of the code itself'],
      [place, 'daring to speak', '', 'focused', '', 2, 1, 0],
      [place, 'daring to speak', 'fearing to speak', 'initial', '', 2, 1, 2],
      [home, 'being recognised', '', 'focused', 'Feeling seen and understood by people who have been there.\nIncludes relief.', 4, 3, 0],
      [home, 'being recognised', 'being understood', 'initial', '', 2, 2, 2],
      [home, 'being recognised', 'feeling seen', 'initial', 'Being noticed by the others as who one is.', 2, 2, 2],
      [structure, 'holding on to routines', '', 'focused', 'Days with a shape.', 3, 2, 1],
      [structure, 'holding on to routines', 'having a fixed day', 'initial', '', 1, 1, 1],
      [structure, 'holding on to routines', 'walking every day', 'initial', '', 1, 1, 1],
      ['', 'finding meaning', '', 'focused', '', 1, 1, 1],
      ['', '', 'getting up for something', 'initial', '', 1, 1, 1],
      ['', '', 'laughing at oneself', 'initial', '', 1, 1, 1],
    ]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(await zipText(file)).not.toContain('SENTINEL');
  });

  it('exports DOCX: categories as headings, subcategories below, focused codes with the initial codes they subsume', async () => {
    const study = await seededAnalysis();
    const file = path.join(study.root, 'kodebok.docx');
    value(await study.core.invoke('analysisExports.codebook', { format: 'docx', path: file, language: 'nb' }));
    const { value: html } = await mammoth.convertToHtml({ path: file });
    expect(html).toContain('<h1>Kodebok</h1>');
    expect(html).toContain(`<h2>${place}</h2>`);
    expect(html).toContain('<h3>"Like coming home"</h3>');
    expect(html).toContain(`<h2>${structure}</h2>`);
    expect(html).toContain('<h2>Fokuserte koder som ikke er plassert i en kategori</h2>');
    expect(html).toContain('<h2>Innledende koder som ikke er løftet til en fokusert kode</h2>');
    expect(html.indexOf(place)).toBeLessThan(html.indexOf('Like coming home'));
    expect(html.indexOf('Like coming home')).toBeLessThan(html.indexOf(structure));
    const { value: plain } = await mammoth.extractRawText({ path: file });
    const lines = plain.split('\n').filter((line) => line.trim() !== '');
    // The focused code, then the initial codes it subsumes, each with its counts.
    const at = lines.indexOf('being recognised');
    expect(lines.slice(at, at + 14)).toEqual([
      'being recognised',
      'Feeling seen and understood by people who have been there.',
      'Includes relief.',
      '4',
      '3',
      'being understood',
      '2',
      '2',
      'feeling seen',
      'Being noticed by the others as who one is.',
      '2',
      '2',
      'Structure in everyday life',
      'Kode',
    ]);
    expect(plain).toContain('4 fokuserte koder, 7 innledende koder, 3 kategorier og underkategorier.');
  });
});
