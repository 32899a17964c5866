import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { expect, strongPassphrase, test } from '../fixtures.js';

/** A small real PNG (1×1): a photo of the signed form, only smaller. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC', 'base64');

function isoDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Study' }).getByRole('button', { name, exact: true }).click();
}

/**
 * Issue 3 from end to end, as a researcher would go through it: a participant from the first
 * contact to a withdrawal, through consent, a recording, a request and the participant table.
 */
test('a participant from consent to withdrawal, and nothing about them left', async ({ page, host }) => {
  test.setTimeout(180_000);
  const today = isoDay(new Date());

  // A new study.
  await page.getByRole('button', { name: 'Create a new study' }).click();
  await page.getByLabel('Study title').fill('Journey study');
  await page.getByLabel('Passphrase', { exact: true }).fill(strongPassphrase);
  await page.getByLabel('Repeat passphrase').fill(strongPassphrase);
  await page.getByLabel('I understand that a forgotten passphrase cannot be recovered').check();
  await page.getByRole('button', { name: 'Create study' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Journey study' })).toBeVisible();

  // Add a participant, with identifying details and an attribute.
  await openSection(page, 'Participants');
  await expect(page.getByLabel('Pseudonym')).toHaveValue('Deltaker 1');
  await page.getByRole('button', { name: 'Add participant' }).click();
  await expect(page.getByText('Deltaker 1 was added.')).toBeVisible();
  await page.getByRole('button', { name: 'Deltaker 1', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Deltaker 1' })).toBeVisible();
  await page.getByRole('button', { name: 'Show identifying details' }).click();
  const identity = page.getByRole('form', { name: 'Directly identifying details' });
  await identity.getByLabel('Name').fill('Ragnhild Journeysen');
  await identity.getByLabel('Phone').fill('400 98 765');
  await identity.getByRole('button', { name: 'Save identifying details' }).click();
  await expect(identity.getByText('The identifying details were saved.')).toBeVisible();

  // Record consent on version 1, with audio recording, and attach a scan.
  await openSection(page, 'Consent');
  await page.getByRole('button', { name: 'Record a consent' }).click();
  await page.getByRole('radio', { name: 'English' }).check();
  await page.getByLabel('Signed on').fill(today);
  await page.getByLabel('Place').fill('Fjordvik');
  await expect(page.getByLabel('Audio recording of the interview')).toBeChecked();
  await page.getByRole('button', { name: 'Record the consent' }).click();
  await expect(page.getByText('The consent of Deltaker 1 is recorded.')).toBeVisible();
  const consentRow = page.getByRole('table', { name: 'Consents by participant' }).getByRole('row', { name: /Deltaker 1/ });
  await expect(consentRow).toContainText('letter v1, form v1, English');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Attach a scan of the form signed by Deltaker 1 (PDF, PNG or JPEG)' }).click();
  await (await chooser).setFiles({ name: 'signed form.png', mimeType: 'image/png', buffer: png });
  await expect(consentRow).toContainText('signed form.png');

  // Edit the letter: version 1 is in use, so version 2 appears.
  const versions = page.getByRole('table', { name: 'Versions of the information letter and consent form' });
  await versions.getByRole('button', { name: 'Open Information letter, English, version 1' }).click();
  const editor = page.getByRole('textbox', { name: 'Text of the document' });
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('A sentence added after the first consent.');
  await page.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(versions.getByRole('row', { name: /Information letter English Version 2 Not used yet/ })).toBeVisible();
  await expect(versions.getByRole('row', { name: /Information letter English Version 1 In use by 1 consent/ })).toBeVisible();

  // Register a recording, mark it transcribed, see it due, record its deletion.
  await openSection(page, 'Recordings');
  await page.getByRole('button', { name: 'Register a recording' }).click();
  await page.getByLabel('Participant', { exact: true }).selectOption({ label: 'Deltaker 1' });
  await page.getByLabel('Recorded on').fill(today);
  await page.getByLabel('Where it is kept').fill('dictaphone, locked cabinet');
  await page.getByLabel('Format').fill('MP3');
  await page.getByRole('button', { name: 'Register recording' }).click();
  await expect(page.getByText('The recording of Deltaker 1 is registered.')).toBeVisible();
  const recordings = page.getByRole('table', { name: 'All recordings, most urgent first' });
  await recordings.getByRole('button', { name: /^Mark transcribed: Deltaker 1/ }).click();
  await page.getByLabel('Transcribed on').fill(today);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(/Marked as transcribed\. Delete the recording by/)).toBeVisible();
  await expect(recordings.getByRole('row', { name: /Deltaker 1/ })).toContainText('Due in 7 days');
  await recordings.getByRole('button', { name: /^Record deletion: Deltaker 1/ }).click();
  await page.getByLabel('How it was deleted').fill('Deleted on the dictaphone');
  await page.getByLabel('Deletion confirmed by').fill('the researcher');
  await page.getByRole('button', { name: 'Save the receipt' }).click();
  await expect(page.getByText('The deletion is recorded.')).toBeVisible();
  await expect(recordings.getByRole('row', { name: /Deltaker 1/ })).toContainText('Deleted');

  // Register a request and see its due date, one calendar month later.
  await openSection(page, 'Requests');
  await page.getByRole('button', { name: 'Register a request' }).click();
  await page.getByLabel('What the person asks for').selectOption({ label: 'Access: see what is stored' });
  await page.getByLabel('Received on').fill('2026-01-31');
  await expect(page.getByText('Answer by 28 February 2026 (one calendar month later).')).toBeVisible();
  await page.getByLabel('Participant (optional)').selectOption({ label: 'Deltaker 1' });
  await page.getByRole('button', { name: 'Register request' }).click();
  await expect(page.getByText('The request is registered. Answer by 28 February 2026.')).toBeVisible();

  // Export the participant table and open it: no identifying detail in it.
  await openSection(page, 'Participant table');
  await page.getByLabel('How to show Kjønn').selectOption({ label: 'As entered' });
  await page.getByRole('button', { name: 'Save and update the preview' }).click();
  await expect(page.getByText('Saved. The preview shows the table as it will be exported.')).toBeVisible();
  await page.getByLabel('Format').selectOption({ label: 'CSV for Excel (UTF-8, semicolons)' });
  const tableFile = path.join(host.dataDir, 'participant-table.csv');
  await page.getByLabel('Save as').fill(tableFile);
  await page.getByRole('button', { name: 'Export the table' }).click();
  await expect(page.getByText(/The table was saved to/)).toBeVisible();
  const csv = fs.readFileSync(tableFile, 'utf8');
  const rows = parse(csv.replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
  expect(rows.length).toBe(2);
  expect(csv).not.toContain('Ragnhild');
  expect(csv).not.toContain('400 98 765');

  // Withdraw the participant: see what goes, confirm with the pseudonym.
  await openSection(page, 'Participants');
  await page.getByRole('button', { name: 'Deltaker 1', exact: true }).click();
  const card = page.getByRole('region', { name: 'Withdraw Deltaker 1 from the study' });
  await card.getByLabel('How the participant told you').fill('By letter');
  const deleted = card.getByRole('table', { name: 'Will be deleted' });
  await expect(deleted.getByRole('row', { name: /Directly identifying details.* 1$/ })).toBeVisible();
  await expect(deleted.getByRole('row', { name: /Scans of the signed consent form 1$/ })).toBeVisible();
  const kept = card.getByRole('table', { name: 'Will be kept, and why' });
  await expect(kept.getByRole('row', { name: /Consent records/ })).toContainText('valid consent');
  await expect(kept.getByRole('row', { name: /Entries in the recordings register/ })).toContainText('1');
  await expect(kept.getByRole('row', { name: /Requests about/ })).toContainText('1');
  await card.getByLabel('To confirm, type the pseudonym: Deltaker 1').fill('Deltaker 1');
  await card.getByRole('button', { name: 'Withdraw and delete' }).click();
  await expect(card.getByRole('status')).toContainText('Deltaker 1 has withdrawn.');

  // Everything about them is gone.
  await page.getByRole('button', { name: 'Back to all participants' }).click();
  await expect(page.getByRole('row', { name: /Deltaker 1/ })).toContainText('Withdrawn');
  await openSection(page, 'Consent');
  await expect(page.getByRole('table', { name: 'Consents by participant' }).getByRole('row', { name: /Deltaker 1/ })).not.toContainText('signed form.png');
  await openSection(page, 'Participants');
  await page.getByRole('button', { name: 'Deltaker 1', exact: true }).click();
  const exportCard = page.getByRole('region', { name: 'Everything stored about Deltaker 1' });
  await exportCard.getByRole('radio', { name: /JSON, machine-readable/ }).check();
  const after = path.join(host.dataDir, 'after-withdrawal.json');
  await exportCard.getByLabel('Save as').fill(after);
  await exportCard.getByRole('button', { name: 'Save the export' }).click();
  await expect(exportCard.getByRole('status')).toContainText('Saved after-withdrawal.json');
  const left = fs.readFileSync(after, 'utf8');
  for (const gone of ['Ragnhild', '400 98 765', 'Fjordvik', 'signed form.png']) expect(left, gone).not.toContain(gone);
  // The audit trail has the receipt, with counts and no personal details.
  await openSection(page, 'Audit trail');
  const trail = page.getByRole('table', { name: 'Events, newest first' });
  await expect(trail.getByRole('row', { name: /Withdrawal carried out/ })).toBeVisible();
  await expect(trail).not.toContainText('Ragnhild');
  await expect(trail).not.toContainText('By letter');
  expect(JSON.parse(left)).toMatchObject({
    participant: { pseudonym: 'Deltaker 1', status: 'withdrawn' },
    identifyingDetails: null,
    attributes: [],
    withdrawal: { scope: 'deleteEverything', communicatedHow: 'By letter' },
  });
});
