import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.js';
import { createStudy, openSection, pasteTranscript } from './steps.js';

/**
 * The coding workspace, as the researcher uses it for months: an anonymised transcript coded line
 * by line from the keyboard (a new code, an existing one completed, the last one repeated), a
 * passage across two lines coded with the mouse, a coding's extent adjusted and the coding
 * removed, and the study-wide undo and redo of it.
 */

const interview = [
  'I: Hvordan var det å komme til gruppa første gang?',
  'D: Jeg var nervøs og satt nesten ved døra.',
  'D: Men ingen spurte hva som var galt med meg.',
  'D: De spurte hva som betydde noe for meg.',
  'I: Hva gjorde det med deg?',
  'D: Jeg ble nervøs igjen, men på en annen måte.',
  'D: Etter hvert begynte jeg å holde avtaler igjen.',
].join('\n');

async function finishReview(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open the transcript of Deltaker 1, 10 March 2026, 13:30' }).click();
  await page.getByRole('button', { name: 'Review anonymisation' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Anonymisation review' })).toBeVisible();
  await page.getByRole('button', { name: 'Finish review' }).click();
  const dialog = page.getByRole('dialog', { name: 'Finish the anonymisation review?' });
  await dialog.getByRole('button', { name: /finish/i }).click();
  await expect(page.getByText(/The review is finished/)).toBeVisible();
}

/** A screenshot in the test's output folder, or in SCREENSHOTS=/some/dir to keep it. */
async function screenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.SCREENSHOTS;
  await page.screenshot({ path: folder ? path.join(folder, `coding-${name}`) : test.info().outputPath(name) });
}

/** The margin beside a line (1-based, as numbered). */
const margin = (page: Page, line: number) => page.locator(`.cline[data-n="${line}"] .cline__margin`);
const labels = (page: Page, line: number) => margin(page, line).locator('.clabel');

test('code a transcript line by line from the keyboard, a passage with the mouse, adjust and remove a coding, undo and redo', async ({ page }) => {
  await createStudy(page, 'Coding study');
  await pasteTranscript(page, interview);

  // A raw transcript is listed, but cannot be coded before its review.
  await openSection(page, 'Coding');
  const picker = page.getByRole('table', { name: 'Transcripts to code (a raw transcript is anonymised first)' });
  await expect(picker.getByRole('row', { name: /Deltaker 1/ })).toContainText('Anonymise first');
  await expect(picker.getByRole('button', { name: 'Code', exact: true })).toBeDisabled();

  await openSection(page, 'Transcripts');
  await finishReview(page);

  await openSection(page, 'Coding');
  await page.getByRole('button', { name: 'Code the transcript of Deltaker 1, 10 March 2026, 13:30' }).click();
  const lines = page.getByRole('document', { name: 'Transcript of Deltaker 1, for coding' });
  await expect(lines).toBeFocused();
  const status = page.getByRole('toolbar', { name: 'Coding' }).getByRole('status').first();
  await expect(status).toContainText('Line 1 of 7');
  await expect(page.getByRole('complementary', { name: 'Keys' })).toContainText('repeat the last code');

  // Line 2: a new initial code. A code that is not an action gets a gentle hint, never a block.
  await page.keyboard.press('ArrowDown');
  await expect(status).toContainText('Line 2 of 7');
  await page.keyboard.press('c');
  const box = page.getByRole('dialog', { name: 'Code line 2' });
  const input = box.getByRole('combobox', { name: 'Code' });
  await expect(input).toBeFocused();
  await input.fill('nervousness');
  await expect(box).toContainText('A code that names what people do stays close to the data');
  await input.fill('feeling nervous');
  await expect(box).not.toContainText('A code that names what people do');
  await expect(box).toContainText('Enter makes a new initial code “feeling nervous”.');
  await page.keyboard.press('Enter');
  await expect(box).toBeHidden();
  await expect(labels(page, 2)).toHaveText(['feeling nervous']);
  // The next line follows.
  await expect(status).toContainText('Line 3 of 7');

  // Line 3: another new code; then R repeats it on line 4.
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Code line 3' }).getByRole('combobox', { name: 'Code' }).fill('not being judged');
  await page.keyboard.press('Enter');
  await expect(labels(page, 3)).toHaveText(['not being judged']);
  await expect(status).toContainText('Line 4 of 7');
  await expect(page.getByRole('complementary', { name: 'Keys' })).toContainText('repeat “not being judged”');
  await page.keyboard.press('r');
  await expect(labels(page, 4)).toHaveText(['not being judged']);
  await expect(status).toContainText('Line 5 of 7');

  // Line 6: an existing code, completed from two letters and chosen with the arrow key.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('c');
  const box6 = page.getByRole('dialog', { name: 'Code line 6' });
  await box6.getByRole('combobox', { name: 'Code' }).fill('fe');
  const options = box6.getByRole('listbox', { name: 'Existing codes' }).getByRole('option');
  await expect(options).toHaveText(['feeling nervous']);
  await page.keyboard.press('ArrowDown');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await expect(box6).toContainText('Enter applies “feeling nervous”.');
  await screenshot(page, 'code-box.png');
  await page.keyboard.press('Enter');
  await expect(labels(page, 6)).toHaveText(['feeling nervous']);
  await expect(status).toContainText('Line 7 of 7');
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveAttribute('title', 'Undo apply “feeling nervous” (Ctrl+Z)');

  // The codings are the core's: they are there after leaving and coming back (to the same transcript).
  await openSection(page, 'Transcripts');
  await page.getByRole('navigation', { name: 'Study' }).getByRole('button', { name: 'Coding', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Deltaker 1, 10 March 2026, 13:30' })).toBeVisible();
  await expect(labels(page, 2)).toHaveText(['feeling nervous']);
  await expect(labels(page, 4)).toHaveText(['not being judged']);
  await expect(labels(page, 6)).toHaveText(['feeling nervous']);

  // With the mouse: from "ingen" in line 3 to "betydde" in line 4; the codings overlap line 3 and 4.
  const line3 = page.locator('.cline[data-n="3"] .cline__text');
  const line4 = page.locator('.cline[data-n="4"] .cline__text');
  const from = (await line3.boundingBox())!;
  const to = (await line4.boundingBox())!;
  await page.mouse.move(from.x + 40, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + 120, to.y + to.height / 2, { steps: 8 });
  await page.mouse.up();
  const actions = page.getByRole('group', { name: 'The selected text' });
  await expect(status).toContainText('Text selected in lines 3–4');
  await actions.getByRole('button', { name: 'Code…' }).click();
  const mouseBox = page.getByRole('dialog', { name: 'Code the selected text (lines 3–4)' });
  await mouseBox.getByRole('combobox', { name: 'Code' }).fill('being met as a person');
  await page.keyboard.press('Enter');
  await expect(labels(page, 3)).toHaveText(['not being judged', 'being met as a person']);
  await expect(margin(page, 4).locator('.cstripe:not(.cstripe--empty)')).toHaveCount(2);
  const coded = page.locator('.coded').filter({ hasText: 'ingen' });
  await expect(coded.first()).toBeVisible();
  await screenshot(page, 'overlapping.png');

  // Choose the coding in the margin, move its end down a line, then remove it.
  await labels(page, 3).filter({ hasText: 'being met as a person' }).click();
  const chosen = page.getByRole('group', { name: 'Chosen coding' });
  await expect(chosen).toContainText('being met as a person');
  await expect(chosen).toContainText('lines 3–4');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(chosen).toContainText('lines 3–5');
  await expect(margin(page, 5).locator('.cstripe:not(.cstripe--empty)')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveAttribute('title', 'Undo adjust “being met as a person” (Ctrl+Z)');
  await screenshot(page, 'chosen.png');
  await page.keyboard.press('Delete');
  await expect(chosen).toBeHidden();
  await expect(labels(page, 3)).toHaveText(['not being judged']);
  await expect(page.getByRole('toolbar', { name: 'Coding' })).toContainText('Coding removed.');

  // Undo brings the coding back with its adjusted extent; redo removes it again.
  await page.keyboard.press('Control+z');
  await expect(labels(page, 3)).toHaveText(['not being judged', 'being met as a person']);
  await expect(margin(page, 5).locator('.cstripe:not(.cstripe--empty)')).toHaveCount(1);
  await expect(page.getByRole('toolbar', { name: 'Coding' })).toContainText('Undone: remove “being met as a person”.');
  await page.keyboard.press('Control+Shift+z');
  await expect(labels(page, 3)).toHaveText(['not being judged']);
  await expect(margin(page, 5).locator('.cstripe:not(.cstripe--empty)')).toHaveCount(0);
  await expect(page.getByRole('toolbar', { name: 'Coding' })).toContainText('Redone: remove “being met as a person”.');
  // Undo twice more: the removal, then the adjustment (back to lines 3–4).
  await page.keyboard.press('Control+z');
  await expect(labels(page, 3)).toHaveText(['not being judged', 'being met as a person']);
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('toolbar', { name: 'Coding' })).toContainText('Undone: adjust “being met as a person”.');
  await expect(margin(page, 5).locator('.cstripe:not(.cstripe--empty)')).toHaveCount(0);
  await expect(margin(page, 4).locator('.cstripe:not(.cstripe--empty)')).toHaveCount(2);
  await screenshot(page, 'after-undo.png');

  // A chosen coding fitted to text selected with the mouse: from lines 3–4 to the start of line 4.
  await labels(page, 3).filter({ hasText: 'being met as a person' }).click();
  await expect(chosen).toContainText('lines 3–4');
  const box4 = (await line4.boundingBox())!;
  await page.mouse.move(box4.x + 2, box4.y + box4.height / 2);
  await page.mouse.down();
  await page.mouse.move(box4.x + 110, box4.y + box4.height / 2, { steps: 5 });
  await page.mouse.up();
  await chosen.getByRole('button', { name: 'Fit the coding to the selection' }).click();
  await expect(chosen).toContainText('line 4');
  await expect(labels(page, 3)).toHaveText(['not being judged']);
  await expect(labels(page, 4)).toHaveText(['not being judged', 'being met as a person']);
  await chosen.getByRole('button', { name: 'Done' }).click();
  await expect(chosen).toBeHidden();

  // The selected text marked as a quote, then a memo written on it (opened in Memos to be written).
  const line7 = (await page.locator('.cline[data-n="7"] .cline__text').boundingBox())!;
  await page.mouse.move(line7.x + 2, line7.y + line7.height / 2);
  await page.mouse.down();
  await page.mouse.move(line7.x + 160, line7.y + line7.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(status).toContainText('Text selected in line 7');
  await actions.getByRole('button', { name: 'Mark as quote' }).click();
  await expect(page.getByRole('toolbar', { name: 'Coding' })).toContainText('Marked as a quote.');
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveAttribute('title', 'Undo mark quote (Ctrl+Z)');
  await actions.getByRole('button', { name: 'Memo…' }).click();
  const memoDialog = page.getByRole('dialog', { name: 'New memo' });
  await expect(memoDialog).toContainText('Deltaker 1, line 7');
  await memoDialog.getByLabel('Title', { exact: true }).fill('Keeping appointments as a sign of recovery');
  await memoDialog.getByRole('button', { name: 'Write memo' }).click();
  await expect(page.getByRole('navigation', { name: 'Study' }).getByRole('button', { name: 'Memos', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('Keeping appointments as a sign of recovery').first()).toBeVisible();
  // The memo's passage opens where it is, in the workspace.
  await page.getByRole('button', { name: 'Open in transcript' }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Deltaker 1, 10 March 2026, 13:30' })).toBeVisible();
  await expect(status).toContainText('Line 7 of 7');
  await expect(page.locator('.cline[data-n="7"]')).toHaveClass(/cline--current/);
});
