import path from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, test } from '../fixtures.js';
import { anonymise, callCore, openSection } from './steps.js';

/** Finishes the anonymisation review of the demo's second interview (issue 4's work). */
async function anonymiseDeltaker2(page: Page): Promise<void> {
  const { transcripts } = await callCore<{ transcripts: { id: number; pseudonym: string }[] }>(page, 'transcripts.list', {});
  await anonymise(page, transcripts.find((transcript) => transcript.pseudonym === 'Deltaker 2')!.id);
}

const labels = (page: Page, line: number) => page.locator(`.cline[data-n="${line}"] .cline__margin .clabel`);

/** Opens a transcript in the coding workspace from its picker. */
async function codeTranscriptOf(page: Page, pseudonym: string): Promise<void> {
  // The section opens on the transcript last coded, if any; its picker is one button away.
  await page.getByRole('navigation', { name: 'Study' }).getByRole('button', { name: 'Coding', exact: true }).click();
  const back = page.getByRole('button', { name: 'Other transcripts', exact: true });
  const picker = page.getByRole('table', { name: 'Transcripts to code (a raw transcript is anonymised first)' });
  await expect(back.or(picker)).toBeVisible();
  if (await back.isVisible()) await back.click();
  await page.getByRole('button', { name: new RegExp(`^Code the transcript of ${pseudonym}`) }).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${pseudonym}`) })).toBeVisible();
  await expect(page.getByRole('document', { name: `Transcript of ${pseudonym}, for coding` })).toBeFocused();
}

/** Opens the code box on the current line, types a code, and applies it with Enter. */
async function codeCurrentLine(page: Page, line: number, code: string, choose?: string): Promise<void> {
  await page.keyboard.press('c');
  const box = page.getByRole('dialog', { name: `Code line ${line}` });
  await box.getByRole('combobox', { name: 'Code' }).fill(code);
  if (choose) {
    await expect(box.getByRole('listbox', { name: 'Existing codes' }).getByRole('option').first()).toHaveText(choose);
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await expect(box).toBeHidden();
}

/**
 * Issue 5 from end to end, the thesis's path through the demo study: two interviews coded line by
 * line from the keyboard, initial codes raised into a focused code, two categories with
 * subcategories and the focused code placed, a memo, the passages compared across the interviews,
 * a quote marked and rewritten, and the coding table exported and opened.
 */
test('code line by line, raise, categorise, write a memo, compare, quote, export the coding table', async ({ page, host }) => {
  test.setTimeout(240_000);
  await page.getByRole('button', { name: 'Open the demo study' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
  await anonymiseDeltaker2(page);

  // Line by line from the keyboard: Deltaker 1, lines 2 and 3 (R repeats), then line 5.
  await codeTranscriptOf(page, 'Deltaker 1');
  const status = page.getByRole('toolbar', { name: 'Coding' }).getByRole('status').first();
  await expect(status).toContainText(/^Line 1 of \d+/);
  await page.keyboard.press('ArrowDown');
  await codeCurrentLine(page, 2, 'feeling safe enough');
  await expect(labels(page, 2)).toContainText(['feeling safe enough']);
  await expect(status).toContainText(/Line 3 of/);
  await page.keyboard.press('r');
  await expect(labels(page, 3)).toContainText(['feeling safe enough']);
  await page.keyboard.press('ArrowDown');
  await codeCurrentLine(page, 5, 'daring to speak');
  await expect(labels(page, 5)).toContainText(['daring to speak']);

  // The second interview: the existing code completed from its first letters.
  await codeTranscriptOf(page, 'Deltaker 2');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await codeCurrentLine(page, 3, 'feeling sa', 'feeling safe enough');
  await expect(labels(page, 3)).toContainText(['feeling safe enough']);
  await codeCurrentLine(page, 4, 'daring to speak', 'daring to speak');
  await expect(labels(page, 4)).toContainText(['daring to speak']);

  // Raise the two initial codes into a focused code.
  await openSection(page, 'Codes and categories');
  const choose = (name: string) => page.getByRole('checkbox', { name: `Choose ${name}`, exact: true });
  await choose('feeling safe enough').click();
  await choose('daring to speak').click();
  await page.getByRole('toolbar', { name: 'What to do with the chosen codes' }).getByRole('button', { name: /^Raise/ }).click();
  const raise = page.getByRole('dialog', { name: 'Raise 2 initial codes into a focused code' });
  await raise.getByLabel('Name of the focused code').fill('Finding safety in the group');
  await raise.getByRole('button', { name: 'Raise' }).click();
  await expect(page.getByText('Raised 2 initial codes into “Finding safety in the group”.')).toBeVisible();

  // Two main categories, each with a subcategory; the focused code placed under one of them.
  await page.getByRole('tab', { name: /^Categories/ }).click();
  const tree = page.getByRole('tree', { name: 'Categories and the focused codes placed under them' });
  const item = (name: string) => tree.getByRole('treeitem', { name, exact: true });
  for (const [main, sub] of [
    ['Belonging', 'Being among equals'],
    ['Everyday life returning', 'Small routines'],
  ] as const) {
    await page.getByLabel('New main category').fill(main);
    await page.getByRole('button', { name: 'Add main category' }).click();
    await item(main).click();
    const panel = page.getByRole('region', { name: main });
    await panel.getByLabel(`New subcategory of “${main}”`).fill(sub);
    await panel.getByRole('button', { name: 'Add subcategory' }).click();
    await expect(item(sub)).toBeVisible();
  }
  await page
    .getByRole('region', { name: /^Focused codes not placed/ })
    .getByLabel('Place Finding safety in the group under a category')
    .selectOption({ label: '\u2003Being among equals' });
  await expect(item('Finding safety in the group')).toHaveAttribute('aria-level', '3');

  // A memo, dated and in time order.
  await openSection(page, 'Memos');
  await page.getByRole('button', { name: 'New memo' }).click();
  await page.getByLabel('Title', { exact: true }).fill('Safety comes before speaking');
  await page.getByRole('button', { name: 'Write memo' }).click();
  await page.getByRole('textbox', { name: 'Memo text' }).click();
  await page.keyboard.type('Both participants speak up only after they feel safe among the others.');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.getByRole('button', { name: /Back to memos/ }).click();
  await expect(page.locator('.memo-list__title').first()).toHaveText('Safety comes before speaking');

  // Constant comparison: the focused code's passages across both interviews.
  await openSection(page, 'Compare');
  await page.getByLabel('Code or category').selectOption({ label: 'Finding safety in the group (5)' });
  const passages = page.getByRole('region', { name: 'Finding safety in the group' });
  await expect(passages.getByText('5 passages from 2 participants')).toBeVisible();
  await expect(passages.getByRole('heading', { level: 4 })).toHaveText([/^Deltaker 1/, /^Deltaker 2/]);

  // A quote marked in the workspace, then its wording written for publication.
  await codeTranscriptOf(page, 'Deltaker 1');
  const line2 = (await page.locator('.cline[data-n="2"] .cline__text').boundingBox())!;
  await page.mouse.move(line2.x + 2, line2.y + line2.height / 2);
  await page.mouse.down();
  await page.mouse.move(line2.x + 200, line2.y + line2.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.getByRole('group', { name: 'The selected text' }).getByRole('button', { name: 'Mark as quote' }).click();
  await expect(page.getByRole('toolbar', { name: 'Coding' })).toContainText('Marked as a quote.');
  await openSection(page, 'Quotes');
  await page.getByRole('button', { name: 'Write the wording of the quote from Deltaker 1, line 2' }).click();
  await page.getByLabel('Wording for publication').fill('Jeg turte å si noe først da jeg følte meg trygg.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Quote saved.')).toBeVisible();

  // The coding table, exported as a workbook and opened.
  await page.getByRole('navigation', { name: 'Study' }).getByRole('button', { name: 'Exports', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Exports for the thesis' })).toBeVisible();
  const table = page.getByRole('region', { name: 'Coding table' });
  await table.getByLabel('Passages under chosen categories').check();
  await table.getByLabel('Belonging').check();
  await table.getByLabel('Excel workbook (.xlsx)').check();
  const file = path.join(host.dataDir, 'Coding table.xlsx');
  await table.getByLabel('Save as').fill(file);
  await table.getByRole('button', { name: 'Export' }).click();
  await expect(table.getByText('Saved Coding table.xlsx: 5 rows.')).toBeVisible();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  const rows = sheet.getSheetValues().slice(2) as unknown[][];
  expect(rows).toHaveLength(5);
  for (const row of rows) {
    expect(row[4]).toBe('Finding safety in the group');
    expect(row[5]).toBe('Belonging › Being among equals');
  }
  expect(rows.map((row) => String(row[2]).replace(/, \d+(–\d+)?$/, ''))).toEqual(['Deltaker 1', 'Deltaker 1', 'Deltaker 1', 'Deltaker 2', 'Deltaker 2']);
  // Each passage with its initial codes (the demo had already coded line 5 of Deltaker 1 with a code of its own).
  const initial = rows.map((row) => String(row[3]).split('\n'));
  expect(initial.map((codes) => codes[0])).toEqual(['feeling safe enough', 'feeling safe enough', 'daring to speak', 'feeling safe enough', 'daring to speak']);
  expect(initial[2]).toHaveLength(2);
});
