import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import mammoth from 'mammoth';
import { expect, test } from '../fixtures.js';
import { openSection } from './steps.js';

async function openDemo(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open the demo study' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
}

test('write a memo with formatting, find it by search (hostile input too), filter it, export the memos to Word', async ({ page, host }) => {
  await openDemo(page);
  await openSection(page, 'Memos');
  await expect(page.getByRole('heading', { level: 2, name: 'Memos' })).toBeVisible();

  await page.getByRole('button', { name: 'New memo' }).click();
  await expect(page.getByLabel('Title', { exact: true })).toBeFocused();
  await page.getByLabel('Title', { exact: true }).fill('Being seen by the group');
  await page.getByRole('button', { name: 'Write memo' }).click();

  // The memo is open: type into the editor, with a heading and a bold word.
  const editor = page.getByRole('textbox', { name: 'Memo text' });
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.type('Several participants describe the ');
  // The button leaves the focus in the editor, so the next key goes there at once (a button that
  // took it gave it back only a frame later, and a key typed meanwhile was lost).
  const bold = page.getByRole('button', { name: 'Bold' });
  await bold.evaluate((button) => button.addEventListener('focus', () => button.setAttribute('data-had-focus', ''), { once: true }));
  await bold.click();
  await expect(bold).not.toHaveAttribute('data-had-focus');
  await page.keyboard.type('gaze');
  await page.getByRole('button', { name: 'Bold' }).click();
  await page.keyboard.type(' of the others as a turning point.');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Numbered list' }).click();
  await page.keyboard.type('being noticed');
  await page.keyboard.press('Enter');
  await page.keyboard.type('being named');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.screenshot({ path: '/tmp/memos-open.png', fullPage: true });

  await page.getByRole('button', { name: /Back to memos/ }).click();
  await expect(page.getByRole('button', { name: 'Being seen by the group' })).toBeVisible();
  await expect(page.getByText('Several participants describe the gaze of the others as a turning point.', { exact: false })).toBeVisible();

  // A second, free memo, so the search has something to leave out.
  await page.getByRole('button', { name: 'New memo' }).click();
  await page.getByLabel('Title', { exact: true }).fill('Method note');
  await page.getByRole('button', { name: 'Write memo' }).click();
  await page.getByRole('textbox', { name: 'Memo text' }).click();
  await page.keyboard.type('Read each transcript twice before coding.');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.getByRole('button', { name: /Back to memos/ }).click();
  await expect(page.getByText('Showing 6 memos of 6')).toBeVisible();

  const search = page.getByLabel('Search titles and text');
  await search.fill('turning poi');
  await expect(page.getByText('Showing 1 memo of 6')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Being seen by the group' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Method note' })).toHaveCount(0);
  // The words found are marked where the memo says them.
  await expect(page.locator('.memo-list__excerpt mark')).toHaveText(['turning', 'point']);
  await search.fill('seen group');
  await expect(page.locator('.memo-list__title mark')).toHaveText(['seen', 'group']);
  await page.screenshot({ path: '/tmp/memos-found.png', fullPage: true });
  // Search syntax is only text: no error, just no match.
  for (const hostile of ['"', 'gaze AND', 'NEAR(', '*', 'title:gaze']) {
    await search.fill(hostile);
    await expect(page.getByRole('alert')).toHaveCount(0);
  }
  await search.fill('gaze AND');
  await expect(page.getByText('No memos match. Change the search or the filter.')).toBeVisible();
  await search.fill('');
  await expect(page.getByText('Showing 6 memos of 6')).toBeVisible();
  // The demo's four memos came first, written over the past days; newest first by default.
  await expect(page.locator('.memo-list__title').first()).toHaveText('Method note');
  await page.getByLabel('Order').selectOption('oldest');
  await expect(page.locator('.memo-list__title').first()).toHaveText('Etter første gjennomlesning');
  await expect(page.locator('.memo-list__title').last()).toHaveText('Method note');
  await page.getByLabel('Show').selectOption('passage');
  await expect(page.locator('.memo-list__title')).toHaveText(['Å grue seg før første møte']);
  await page.getByLabel('Show').selectOption('code');
  await page.getByLabel('Which').selectOption({ label: 'Å finne en rytme i hverdagen' });
  await expect(page.locator('.memo-list__title')).toHaveText(['Rytme som mer enn vane']);
  await page.getByLabel('Show').selectOption('free');
  await expect(page.getByText('Showing 3 memos of 6')).toBeVisible();
  await search.fill('twice');
  await expect(page.getByText('Showing 1 memo of 6')).toBeVisible();
  await search.fill('');
  await page.screenshot({ path: '/tmp/memos-list.png', fullPage: true });

  // Export what is listed.
  const target = path.join(host.dataDir, 'Memos.docx');
  await page.getByLabel('Save as').fill(target);
  await page.getByRole('button', { name: 'Export memos' }).click();
  await expect(page.getByText('Saved Memos.docx.')).toBeVisible();
  const { value: text } = await mammoth.extractRawText({ buffer: fs.readFileSync(target) });
  expect(text).toContain('3 memos');
  expect(text.indexOf('Etter første gjennomlesning')).toBeLessThan(text.indexOf('Being seen by the group'));
  expect(text.indexOf('Being seen by the group')).toBeLessThan(text.indexOf('Method note'));
  expect(text).not.toContain('Rytme som mer enn vane');
  expect(text).toContain('Several participants describe the gaze of the others as a turning point.');
  expect(text).toContain('being named');
  const html = (await mammoth.convertToHtml({ buffer: fs.readFileSync(target) })).value;
  expect(html).toContain('<strong>gaze</strong>');

  // Reopen the memo: its text came back as saved; delete the method note.
  await page.getByRole('button', { name: 'Method note' }).click();
  await expect(page.getByRole('textbox', { name: 'Memo text' })).toHaveText('Read each transcript twice before coding.');
  await page.getByRole('button', { name: 'Delete memo' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete memo' }).click();
  await expect(page.getByText('Memo deleted.')).toBeVisible();
  await expect(page.getByText('Showing 2 memos of 5')).toBeVisible();
});
