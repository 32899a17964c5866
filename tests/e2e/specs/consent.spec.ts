import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures.js';
import { createStudy, openSection } from './steps.js';

/** A small real PNG (1×1, white): what a phone photo of a signed form would be, only smaller. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC',
  'base64',
);

test('record consent on version 1, attach a scan, edit the letter and see version 2 appear', async ({ page, host }) => {
  await createStudy(page, 'Consent study');
  await openSection(page, 'Participants');
  await expect(page.getByLabel('Pseudonym')).toHaveValue('Deltaker 1');
  await page.getByRole('button', { name: 'Add participant' }).click();
  await expect(page.getByText('Deltaker 1 was added.')).toBeVisible();

  await openSection(page, 'Consent');
  await expect(page.getByText('1 participant has no consent on record: Deltaker 1.')).toBeVisible();
  const versions = page.getByRole('table', { name: 'Versions of the information letter and consent form' });
  await expect(versions.getByRole('row')).toHaveCount(5);
  await expect(versions.getByRole('row', { name: /Information letter English Version 1 Not used yet/ })).toBeVisible();

  // Record the consent on version 1 of the English letter and form, without audio recording.
  await page.getByRole('button', { name: 'Record a consent' }).click();
  await expect(page.getByRole('heading', { name: 'Record a consent' })).toBeFocused();
  await expect(page.getByLabel('Participant')).toHaveValue(/\d+/);
  await page.getByRole('radio', { name: 'English' }).check();
  await expect(page.getByRole('combobox', { name: 'Information letter' })).toHaveValue(/\d+/);
  await page.getByLabel('Signed on').fill('2026-03-02');
  await page.getByLabel('Place').fill('Bergen');
  await page.getByLabel('Audio recording of the interview').uncheck();
  await page.getByRole('button', { name: 'Record the consent' }).click();
  await expect(page.getByText('The consent of Deltaker 1 is recorded.')).toBeVisible();
  await expect(page.getByText(/participant has no consent on record/)).toHaveCount(0);
  const records = page.getByRole('table', { name: 'Consents by participant' });
  const row = records.getByRole('row', { name: /Deltaker 1/ });
  await expect(row).toContainText('Signed 2 March 2026 in Bergen');
  await expect(row).toContainText('letter v1, form v1, English');
  await expect(row).toContainText('Notes instead of recording');
  await expect(row).toContainText('Quotes in publications');
  // The versions it was given on are now in use.
  await expect(versions.getByRole('row', { name: /Information letter English Version 1 In use by 1 consent/ })).toBeVisible();

  // A file that is not a PDF or image is refused by its content, whatever its name says.
  let chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Attach a scan of the form signed by Deltaker 1 (PDF, PNG or JPEG)' }).click();
  await (await chooser).setFiles({ name: 'skjema.png', mimeType: 'image/png', buffer: Buffer.from('not really an image') });
  await expect(page.getByRole('alert')).toContainText('Only a PDF, PNG or JPEG file can be attached');
  await expect(row).toContainText('No scan');

  chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Attach a scan of the form signed by Deltaker 1 (PDF, PNG or JPEG)' }).click();
  await (await chooser).setFiles({ name: 'signed form.png', mimeType: 'image/png', buffer: png });
  await expect(row).toContainText('signed form.png');
  await page.getByRole('button', { name: 'Show the scan of the form signed by Deltaker 1' }).click();
  const image = page.getByRole('img', { name: 'Scan of the consent form signed by Deltaker 1' });
  await expect(image).toBeVisible();
  // It really shows: the bytes came back whole and the page's policy lets them be shown.
  await expect.poll(() => image.evaluate((element) => (element as unknown as { naturalWidth: number }).naturalWidth)).toBe(1);

  // The used letter cannot change: editing it saves version 2.
  await versions.getByRole('button', { name: 'Open Information letter, English, version 1' }).click();
  await expect(page.getByRole('heading', { name: 'Information letter, English, version 1' })).toBeFocused();
  await expect(page.getByText('If you change the text, it is saved as version 2.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  const editor = page.getByRole('textbox', { name: 'Text of the document' });
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Contact me at any time.');
  await expect(page.getByRole('status').filter({ hasText: 'Unsaved changes' })).toBeVisible();
  await page.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(page.getByRole('heading', { name: 'Information letter, English, version 2' })).toBeVisible();
  await expect(versions.getByRole('row', { name: /Information letter English Version 2 Not used yet/ })).toBeVisible();
  await expect(versions.getByRole('row', { name: /Information letter English Version 1 In use by 1 consent/ })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Text of the document' })).toContainText('Contact me at any time.');

  // Version 2 is ready to hand out as a PDF, saved next to the study.
  await page.getByRole('button', { name: 'Save the document' }).click();
  await expect(page.getByText(/Saved as Information letter \(en\) v2\.pdf\./)).toBeVisible();
  const saved = fs.readdirSync(host.studiesDir).filter((name) => name.endsWith('.pdf'));
  expect(saved).toEqual(['Information letter (en) v2.pdf']);
  expect(fs.readFileSync(path.join(host.studiesDir, saved[0]!)).subarray(0, 5).toString()).toBe('%PDF-');
});
