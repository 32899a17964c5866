import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { expect, test } from '../fixtures.js';
import { openSection } from './steps.js';

test('mark a quote from a transcript’s lines, rewrite its wording, place it, export the quotes to Word', async ({ page, host }) => {
  await page.getByRole('button', { name: 'Open the demo study' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
  await openSection(page, 'Quotes');
  await expect(page.getByRole('heading', { level: 2, name: 'Quotes' })).toBeVisible();
  // The demo's two quotes, in its subcategories.
  await expect(page.getByText('2 quotes', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Å finne fotfeste igjen › Å bli sett' })).toBeVisible();

  await page.getByRole('button', { name: 'Mark a quote' }).click();
  // Only the anonymised transcript (Deltaker 1's) is offered.
  const transcript = page.getByLabel('Transcript', { exact: true });
  await expect(transcript.locator('option')).toHaveCount(2);
  await transcript.selectOption({ index: 1 });
  await page.getByLabel('From line').fill('4');
  await page.getByLabel('To line').fill('2');
  await page.getByRole('button', { name: 'Mark as quote' }).click();
  await expect(page.getByText(/Give line numbers from 1 to \d+, the first not after the last\./)).toBeVisible();
  await page.getByLabel('To line').fill('5');
  const preview = page.getByRole('figure', { name: 'The passage' });
  await expect(preview).toContainText('Deltaker 1, lines 4–5');
  const sourceText = (await preview.locator('.passage-excerpt__text').allTextContents()).join(' ');
  expect(sourceText.length).toBeGreaterThan(10);
  await page.screenshot({ path: '/tmp/quotes-new.png', fullPage: true });
  await page.getByRole('button', { name: 'Mark as quote' }).click();
  await expect(page.getByText('Quote marked.', { exact: false })).toBeVisible();

  // The wording form is open for it.
  const wording = page.getByLabel('Wording for publication');
  await expect(wording).toBeFocused();
  await wording.fill('Det var første gang noen så meg, og det forandret mye.');
  await page.getByLabel('Note (only for you)').fill('Dialekt skrevet om; stedsnavn utelatt.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Quote saved.')).toBeVisible();
  const unplaced = page.getByRole('region', { name: 'Not in a category' });
  await expect(unplaced.locator('.quote__wording')).toHaveText('Det var første gang noen så meg, og det forandret mye.');
  await expect(unplaced.locator('.passage-excerpt__caption')).toHaveText('Source: Deltaker 1, lines 4–5');
  await expect(unplaced.getByText('Your note: Dialekt skrevet om; stedsnavn utelatt.')).toBeVisible();
  await page.screenshot({ path: '/tmp/quotes-list.png', fullPage: true });

  // Rewrite it again.
  await page.getByRole('button', { name: 'Write the wording of the quote from Deltaker 1, lines 4–5' }).click();
  await page.getByLabel('Wording for publication').fill('Det var første gang noen så meg.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(unplaced.locator('.quote__wording')).toHaveText('Det var første gang noen så meg.');

  const target = path.join(host.dataDir, 'Quotes.docx');
  await page.getByLabel('Save as').fill(target);
  await page.getByRole('button', { name: 'Export quotes' }).click();
  await expect(page.getByText('Saved Quotes.docx.')).toBeVisible();
  const { value: text } = await mammoth.extractRawText({ buffer: fs.readFileSync(target) });
  expect(text).toContain('3 quotes');
  expect(text).toContain('Å finne fotfeste igjen › Å bli sett');
  expect(text).toContain('Ingen spurte hva som var galt med meg.');
  expect(text).toContain('No wording yet; the source text as transcribed:');
  expect(text.indexOf('Å bli sett')).toBeLessThan(text.indexOf('Not in a category'));
  expect(text).toContain('Det var første gang noen så meg.');
  expect(text).toContain('(Deltaker 1, lines 4–5)');
  expect(text).not.toContain('Dialekt skrevet om');

  // A memo on the quote's passage: it opens in Memos with the passage's lines, pseudonym and numbers.
  await page.getByRole('button', { name: 'Write a memo on the passage Deltaker 1, lines 4–5' }).click();
  const dialog = page.getByRole('dialog', { name: 'New memo' });
  await expect(dialog.getByText('The passage Deltaker 1, lines 4–5')).toBeVisible();
  await dialog.getByLabel('Title', { exact: true }).fill('Routine as recovery');
  await dialog.getByRole('button', { name: 'Write memo' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Routine as recovery' })).toBeVisible();
  const passage = page.locator('.passage-excerpt');
  await expect(passage.locator('.passage-excerpt__caption')).toHaveText('The passage: Deltaker 1, lines 4–5');
  await expect(passage.locator('.passage-excerpt__number')).toHaveText(['4', '5']);
  expect((await passage.locator('.passage-excerpt__text').allTextContents()).join(' ')).toBe(sourceText);
  await page.getByRole('textbox', { name: 'Memo text' }).click();
  await page.keyboard.type('Getting up at the same time each day is new for her.');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.screenshot({ path: '/tmp/memo-passage.png', fullPage: true });
  await page.getByRole('button', { name: /Back to memos/ }).click();
  await page.getByLabel('Show').selectOption('passage');
  await expect(page.locator('.memo-list__title').first()).toHaveText('Routine as recovery');
  await expect(page.getByText('On Deltaker 1, lines 4–5', { exact: false })).toBeVisible();
  // Open in transcript goes to the coding workspace at the passage.
  await page.getByRole('button', { name: 'Routine as recovery' }).click();
  await page.getByRole('button', { name: 'Open in transcript' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Deltaker 1/ })).toBeVisible();

  // Unmark the quote.
  await openSection(page, 'Quotes');
  await page.getByRole('button', { name: 'Unmark the quote from Deltaker 1, lines 4–5' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Unmark' }).click();
  await expect(page.getByText('Quote unmarked.')).toBeVisible();
  await expect(page.getByText('2 quotes', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Not in a category' })).toHaveCount(0);
});
