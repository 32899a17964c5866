import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { XMLParser } from 'fast-xml-parser';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.js';
import { callCore } from './steps.js';

const shots = process.env.GROUNDWORK_SHOTS;

type Line = { id: string; text: string };

/**
 * The demo's anonymised interview (Deltaker 1) coded through the bridge as the workspace and the
 * codebook would: initial codes on whole lines, two raised into focused codes, placed under a
 * subcategory and a category. Answers the transcript's lines.
 */
async function codeTheDemo(page: Page): Promise<Line[]> {
  // The demo comes coded; start from none, so the table holds exactly what is coded here.
  const before = await callCore<{ codes: { id: number }[]; categories: { id: number; parentId: number | null }[] }>(page, 'coding.codebook', {});
  if (before.codes.length > 0) await callCore(page, 'coding.deleteCodes', { ids: before.codes.map((code) => code.id) });
  for (const category of before.categories.filter((candidate) => candidate.parentId === null)) await callCore(page, 'coding.deleteCategory', { id: category.id });
  const { transcripts } = await callCore<{ transcripts: { id: number; state: string }[] }>(page, 'transcripts.list', {});
  const transcript = transcripts.find((candidate) => candidate.state === 'anonymised')!;
  const { content } = await callCore<{ content: Line[] }>(page, 'transcripts.get', { id: transcript.id });
  const ids: Record<string, number> = {};
  const codes = { 'getting up at the same time': [2], 'holding to agreements': [8], 'sitting by the door': [10], 'being asked what matters': [11], 'feeling seen': [11] };
  for (const [name, lines] of Object.entries(codes)) {
    const { code } = await callCore<{ code: { id: number } }>(page, 'coding.apply', {
      code: { name, level: 'initial' },
      passages: lines.map((number) => {
        const line = content[number - 1]!;
        return { transcriptId: transcript.id, startLineId: line.id, startOffset: 0, endLineId: line.id, endOffset: line.text.length };
      }),
    });
    ids[name] = code.id;
  }
  const raise = async (names: string[], name: string) =>
    (await callCore<{ code: { id: number } }>(page, 'coding.raise', { initialCodeIds: names.map((initial) => ids[initial]!), focused: { name } })).code.id;
  const recognised = await raise(['feeling seen', 'being asked what matters'], 'being recognised');
  const rhythm = await raise(['getting up at the same time', 'holding to agreements'], 'finding a rhythm');
  const category = async (name: string, parentId: number | null) => (await callCore<{ category: { id: number } }>(page, 'coding.createCategory', { name, parentId })).category.id;
  const place = await category('Finding a place', null);
  const home = await category('"Like coming home"', place);
  const structure = await category('Structure in everyday life', null);
  await callCore(page, 'coding.placeCodes', { codeIds: [recognised], categoryId: home });
  await callCore(page, 'coding.placeCodes', { codeIds: [rhythm], categoryId: structure });
  return content;
}

/** The DOCX's table as rows of cell texts (a cell's paragraphs joined by line breaks). */
async function docxRows(file: string): Promise<string[][]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['w:tbl', 'w:tr', 'w:tc', 'w:p', 'w:r'].includes(name) });
  type P = { 'w:r'?: { 'w:t'?: string | number | { '#text'?: string | number } }[] };
  const textOf = (paragraph: P) =>
    (paragraph['w:r'] ?? []).map((run) => (typeof run['w:t'] === 'object' ? String(run['w:t']['#text'] ?? '') : String(run['w:t'] ?? ''))).join('');
  const table = parser.parse(xml)['w:document']['w:body']['w:tbl'][0] as { 'w:tr': { 'w:tc': { 'w:p': P[] }[] }[] };
  return table['w:tr'].map((row) => row['w:tc'].map((cell) => cell['w:p'].map(textOf).join('\n')));
}

test('the coding table and the codebook: choose, preview, export XLSX and DOCX, open them, find them in the audit trail', async ({ page, host }) => {
  await page.getByRole('button', { name: 'Open the demo study' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
  const lines = await codeTheDemo(page);
  const text = (number: number) => lines[number - 1]!.text;

  const nav = page.getByRole('navigation', { name: 'Study' });
  await nav.getByRole('button', { name: 'Exports', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Exports for the thesis' })).toBeVisible();
  const tableSection = page.getByRole('region', { name: 'Coding table' });

  // All passages: by category, then focused code; the passage not raised yet comes last.
  await expect(tableSection.getByText('All 4 rows.')).toBeVisible();
  const preview = tableSection.getByRole('table');
  await expect(preview.getByRole('columnheader')).toHaveText(['Excerpt', 'Participant, lines', 'Initial codes', 'Focused codes', 'Category']);
  await expect(preview.getByRole('row').nth(1).getByRole('cell')).toHaveText([text(11), 'Deltaker 1, 11', 'being asked what mattersfeeling seen', 'being recognised', 'Finding a place › "Like coming home"']);
  await expect(preview.getByRole('row').nth(4).getByRole('cell').first()).toHaveText(text(10));
  if (shots) await page.screenshot({ path: path.join(shots, 'analysis-exports-en.png'), fullPage: true });

  // Chosen categories: the category takes its subcategory with it.
  await tableSection.getByLabel('Passages under chosen categories').check();
  await expect(tableSection.getByText('Choose at least one.')).toHaveCount(0);
  await tableSection.getByRole('button', { name: 'Export' }).click();
  await expect(tableSection.getByText('Choose at least one.')).toBeVisible();
  await tableSection.getByLabel('Finding a place').check();
  await expect(tableSection.getByText('The table has 1 row.')).toBeVisible();
  await expect(tableSection.getByText('Choose at least one.')).toHaveCount(0);
  if (shots) await page.screenshot({ path: path.join(shots, 'analysis-exports-categories-en.png'), fullPage: true });

  const xlsx = path.join(host.dataDir, 'Coding table.xlsx');
  await tableSection.getByLabel('Excel workbook (.xlsx)').check();
  await tableSection.getByLabel('Save as').fill(xlsx);
  await tableSection.getByRole('button', { name: 'Export' }).click();
  await expect(tableSection.getByText('Saved Coding table.xlsx: 1 row.')).toBeVisible();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsx);
  const sheet = workbook.worksheets[0]!;
  const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
  expect(values(1)).toEqual(['Excerpt', 'Participant, lines', 'Initial codes', 'Focused codes', 'Category']);
  expect(values(2)).toEqual([text(11), 'Deltaker 1, 11', 'being asked what matters\nfeeling seen', 'being recognised', 'Finding a place › "Like coming home"']);
  expect(sheet.rowCount).toBe(2);

  // All passages to Word.
  await tableSection.getByLabel('All coded passages').check();
  await expect(tableSection.getByText('All 4 rows.')).toBeVisible();
  const docx = path.join(host.dataDir, 'Coding table.docx');
  await tableSection.getByLabel('Word document (.docx)').check();
  await tableSection.getByLabel('Save as').fill(docx);
  await tableSection.getByRole('button', { name: 'Export' }).click();
  await expect(tableSection.getByText('Saved Coding table.docx: 4 rows.')).toBeVisible();
  expect(await docxRows(docx)).toEqual([
    ['Excerpt', 'Participant, lines', 'Initial codes', 'Focused codes', 'Category'],
    [text(11), 'Deltaker 1, 11', 'being asked what matters\nfeeling seen', 'being recognised', 'Finding a place › "Like coming home"'],
    [text(2), 'Deltaker 1, 2', 'getting up at the same time', 'finding a rhythm', 'Structure in everyday life'],
    [text(8), 'Deltaker 1, 8', 'holding to agreements', 'finding a rhythm', 'Structure in everyday life'],
    [text(10), 'Deltaker 1, 10', 'sitting by the door', '', ''],
  ]);

  // The codebook.
  const codebookSection = page.getByRole('region', { name: 'Codebook' });
  const codebook = path.join(host.dataDir, 'Codebook.docx');
  await codebookSection.getByLabel('Save as').fill(codebook);
  await codebookSection.getByRole('button', { name: 'Export' }).click();
  await expect(codebookSection.getByText('Saved Codebook.docx.')).toBeVisible();
  const { value: html } = await mammoth.convertToHtml({ path: codebook });
  expect(html).toContain('<h2>Finding a place</h2>');
  expect(html).toContain('<h3>"Like coming home"</h3>');
  expect(html).toMatch(/<strong>being recognised<\/strong>.*being asked what matters.*feeling seen/);
  if (shots) await page.screenshot({ path: path.join(shots, 'analysis-exports-done-en.png'), fullPage: true });

  await nav.getByRole('button', { name: 'Audit trail' }).click();
  const trail = page.getByRole('table', { name: 'Events, newest first' });
  await expect(trail.getByRole('row').nth(1)).toContainText('codebook');
  await expect(trail.getByRole('row').nth(2)).toContainText('coding table');
  await expect(trail.getByRole('row').nth(2)).toContainText('format: docx');
  await expect(trail.getByRole('row').nth(3)).toContainText('by category');
});

test.describe('in bokmål', () => {
  test.use({ hostLanguage: 'nb' });
  test('the page and the exported headings speak Norwegian', async ({ page, host }) => {
    await page.getByRole('button', { name: 'Åpne demostudien' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Oversikt' })).toBeVisible();
    await codeTheDemo(page);
    await page.getByRole('navigation', { name: 'Studie' }).getByRole('button', { name: 'Eksport', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Eksport til oppgaven' })).toBeVisible();
    const tableSection = page.getByRole('region', { name: 'Kodingstabell' });
    await expect(tableSection.getByText('Alle 4 radene.')).toBeVisible();
    await expect(tableSection.getByRole('table').getByRole('columnheader')).toHaveText(['Utdrag', 'Deltaker, linjer', 'Innledende koder', 'Fokuserte koder', 'Kategori']);
    await tableSection.getByLabel('Utdrag under valgte fokuserte koder').check();
    await tableSection.getByLabel('finding a rhythm').check();
    await expect(tableSection.getByText('Alle 2 radene.')).toBeVisible();
    if (shots) await page.screenshot({ path: path.join(shots, 'analysis-exports-nb.png'), fullPage: true });
    const csv = path.join(host.dataDir, 'Kodingstabell.csv');
    await tableSection.getByLabel('CSV for Excel (.csv, skilt med semikolon)').check();
    await tableSection.getByLabel('Lagre som').fill(csv);
    await tableSection.getByRole('button', { name: 'Eksporter' }).click();
    await expect(tableSection.getByText('Lagret Kodingstabell.csv: 2 rader.')).toBeVisible();
    const bytes = fs.readFileSync(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').split('\r\n')[0]).toBe('\ufeffUtdrag;Deltaker, linjer;Innledende koder;Fokuserte koder;Kategori');
  });
});
