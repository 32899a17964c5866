import { expect, test } from '../fixtures.js';
import { createStudy, openSection, pasteTranscript } from './steps.js';

const interview = [
  'I: Hvem er det som hjelper deg i hverdagen?',
  'D: Søstera mi, Hilde, ringer meg fra 905 12 334 hver dag. Hilde bor i Trondheim.',
  'I: Og jobben?',
  'D: Jeg jobber på Rema 1000 på Lade nå.',
].join('\n');

test('review a transcript’s anonymisation from the keyboard, finish it, see the text replaced, then delete the key', async ({ page }) => {
  await createStudy(page, 'Anonymisation study');
  await pasteTranscript(page, interview);

  await page.getByRole('button', { name: 'Review anonymisation' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Anonymisation review' })).toBeVisible();
  const list = page.getByRole('listbox', { name: 'Proposals, in the order of the transcript' });
  await expect(list).toBeFocused();
  const counts = page.getByRole('status').filter({ hasText: /open ·/ });
  await expect(counts).toHaveText('6 open · 0 accepted · 0 changed · 0 rejected');
  const options = list.getByRole('option');
  await expect(options).toHaveCount(6);
  // Every proposal in context, with its line number; the first is chosen.
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(options.nth(0)).toContainText('line 2');
  await expect(options.nth(0)).toContainText('Søstera mi, Hilde, ringer meg fra');
  await expect(options.nth(0)).toContainText('[NAVN 1]');

  // Shift+A: every "Hilde" at once; the choice moves on to the next open proposal (the phone number).
  await page.keyboard.press('Shift+A');
  await expect(counts).toHaveText('4 open · 2 accepted · 0 changed · 0 rejected');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(options.nth(1)).toContainText('905 12 334');
  await page.keyboard.press('a');
  await expect(counts).toHaveText('3 open · 3 accepted · 0 changed · 0 rejected');
  // C changes what the place becomes; Enter saves and the list has the keys again.
  await expect(options.nth(3)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('c');
  const replacement = page.getByLabel('Replacement', { exact: true });
  await expect(replacement).toBeFocused();
  await expect(replacement).toHaveValue('[STED 1]');
  await replacement.fill('[by]');
  await page.keyboard.press('Enter');
  await expect(counts).toHaveText('2 open · 3 accepted · 1 changed · 0 rejected');
  await expect(list).toBeFocused();
  // K goes back, J forward; A accepts the workplace, R keeps "Lade".
  await page.keyboard.press('k');
  await expect(options.nth(3)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('j');
  await expect(options.nth(4)).toContainText('Rema 1000');
  await page.keyboard.press('a');
  await expect(options.nth(5)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('r');
  await expect(counts).toHaveText('0 open · 4 accepted · 1 changed · 1 rejected');
  await expect(page.getByText('Every proposal is decided. You can finish the review.')).toBeVisible();

  await page.getByRole('button', { name: 'Finish review' }).click();
  const dialog = page.getByRole('dialog', { name: 'Finish the anonymisation review?' });
  await expect(dialog).toContainText('5 passages in the transcript will be replaced.');
  await dialog.getByRole('button', { name: 'Replace and finish' }).click();
  await expect(page.getByText('The review is finished: 5 passages were replaced, and the transcript is anonymised.')).toBeVisible();
  // The rejected one stays rejected, for a later review.
  await expect(options).toHaveCount(1);

  await page.getByRole('button', { name: 'Back to the transcript' }).first().click();
  await expect(page.getByText('Anonymised', { exact: true })).toBeVisible();
  const editor = page.getByRole('textbox', { name: 'Transcript of Deltaker 1' });
  await expect(editor).toContainText('Søstera mi, [NAVN 1], ringer meg fra [TELEFON] hver dag.');
  await expect(editor).toContainText('[NAVN 1] bor i [by].');
  await expect(editor).toContainText('Jeg jobber på [ARBEIDSPLASS 1] på Lade nå.');
  await expect(editor).not.toContainText('Hilde');

  // The key, on the Security page: shown only when asked for, then deleted.
  await openSection(page, 'Security and backups');
  const key = page.getByRole('region', { name: 'Anonymisation key' });
  await expect(key).toContainText('4 entries. Transcripts anonymised with the key: 1.');
  await key.getByRole('button', { name: 'Show the key' }).click();
  const table = key.getByRole('table', { name: 'The anonymisation key' });
  await expect(table.getByRole('row', { name: /\[NAVN 1\] Hilde Name 1/ })).toBeVisible();
  await key.getByRole('button', { name: 'Delete the key' }).click();
  await page.getByRole('dialog', { name: 'Delete the anonymisation key?' }).getByRole('button', { name: 'Delete the key for good' }).click();
  await expect(key.getByText('The key is deleted (4 entries). The transcripts are anonymous. This is recorded in the audit trail.')).toBeVisible();
  await expect(key.getByText('The key is empty.')).toBeVisible();
  await expect(table).toHaveCount(0);

  await openSection(page, 'Audit trail');
  await expect(page.getByRole('rowheader', { name: 'Anonymisation key deleted (the data became anonymous)' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Anonymisation key shown' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Anonymisation review of a transcript finished' })).toBeVisible();
});
