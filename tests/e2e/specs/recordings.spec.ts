import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.js';
import { createStudy } from './steps.js';

async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Study' }).getByRole('button', { name, exact: true }).click();
}

/** Today and tomorrow as the app shows them in a table ("24 Nov 2026"). */
function shortDate(offset: number): string {
  const day = new Date();
  day.setDate(day.getDate() + offset);
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(day);
}

test('register a recording, mark it transcribed, see it due, delete it, and find the receipt', async ({ page }) => {
  await page.getByRole('button', { name: 'Open the demo study' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
  await openSection(page, 'Recordings');
  await expect(page.getByRole('heading', { level: 2, name: 'Recordings' })).toBeVisible();
  await expect(page.getByText('a recording is deleted 1 day after it has been transcribed')).toBeVisible();

  const table = page.getByRole('table', { name: 'All recordings, most urgent first' });
  // The demo's overdue recording leads, marked in words and not only by colour.
  await expect(table.getByRole('row').nth(1)).toContainText('Deltaker 2');
  await expect(table.getByRole('row').nth(1)).toContainText(/Overdue by \d+ days/);

  await page.getByRole('button', { name: 'Register a recording' }).click();
  const participant = page.getByLabel('Participant', { exact: true });
  // Deltaker 3 chose notes instead of a recording: shown, but cannot be chosen.
  await expect(participant.getByRole('option', { name: 'Deltaker 3 (consent without recording)' })).toBeDisabled();
  await expect(participant.getByRole('option', { name: 'Deltaker 6 (no valid consent)' })).toBeDisabled();
  await participant.selectOption({ label: 'Deltaker 4' });
  await page.getByLabel('Recorded on').fill('2026-03-18');
  await page.getByLabel('Where it is kept').fill('Dictaphone, locked cabinet');
  await page.getByLabel('Format').fill('MP3');
  await page.getByLabel('Length (minutes)').fill('44');
  await page.getByRole('button', { name: 'Register recording' }).click();
  await expect(page.getByText('The recording of Deltaker 4 is registered.')).toBeVisible();

  const row = table.getByRole('row', { name: /Deltaker 4/ });
  await expect(row).toContainText('Dictaphone, locked cabinet');
  await expect(row).toContainText('Due once transcribed');

  await row.getByRole('button', { name: 'Mark transcribed: Deltaker 4, recorded 18 March 2026' }).click();
  await expect(page.getByRole('heading', { name: 'Mark the recording of Deltaker 4 (18 March 2026) as transcribed' })).toBeVisible();
  await expect(page.getByLabel('Transcribed on')).toBeFocused();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Marked as transcribed.' })).toBeVisible();
  await expect(row).toContainText('Due in 1 day');
  await expect(row).toContainText(shortDate(1));

  // The overview counts it among those due.
  await openSection(page, 'Overview');
  const recordingsCard = page.getByRole('region', { name: 'Recordings to delete' });
  await expect(recordingsCard.getByRole('listitem').filter({ hasText: 'Recording of Deltaker 4' })).toContainText('Due in 1 day');
  await recordingsCard.getByRole('button', { name: 'Go to recordings' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Recordings' })).toBeVisible();

  await row.getByRole('button', { name: 'Record deletion: Deltaker 4, recorded 18 March 2026' }).click();
  // Both fields are required: the first one missing gets the focus.
  await page.getByRole('button', { name: 'Save the receipt' }).click();
  await expect(page.getByLabel('How it was deleted')).toBeFocused();
  await expect(page.getByLabel('How it was deleted')).toHaveAccessibleDescription(/Say how the recording was deleted/);
  await page.getByLabel('How it was deleted').fill('Deleted on the dictaphone');
  await page.getByLabel('Deletion confirmed by').fill('The researcher');
  await page.getByRole('button', { name: 'Save the receipt' }).click();
  await expect(page.getByText('The deletion is recorded.')).toBeVisible();
  await expect(row).toContainText(`Deleted ${shortDate(0)}`);
  await expect(row).toContainText('Deleted on the dictaphone. Confirmed by The researcher.');
  await expect(row.getByRole('button')).toHaveCount(0);
  // Receipts come after everything still kept.
  await expect(table.getByRole('row').last()).toContainText('Deleted');

  await openSection(page, 'Overview');
  await expect(page.getByRole('region', { name: 'Recordings to delete' })).not.toContainText('Deltaker 4');
});

test('a new study explains why no recording can be registered yet', async ({ page }) => {
  await createStudy(page, 'Empty register');
  await openSection(page, 'Recordings');
  await expect(page.getByText('No recordings are registered yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Register a recording' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'There are no participants yet.' })).toBeVisible();
  await page.getByRole('button', { name: 'Go to participants' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Participants' })).toBeVisible();
});

test('the deletion rule is set on the study page and used for new deadlines', async ({ page }) => {
  await createStudy(page, 'Rule study');
  const days = page.getByLabel('Delete recordings this many days after transcription');
  await expect(days).toHaveValue('7');
  await expect(days).toHaveAccessibleDescription(/data-management plan/);
  await days.fill('3');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await openSection(page, 'Recordings');
  await expect(page.getByText('a recording is deleted 3 days after it has been transcribed')).toBeVisible();
});

/** A tiny real WAV: one tenth of a second of silence. */
function silentWav(): Buffer {
  const samples = 800;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + samples, 4);
  header.write('WAVEfmt ', 8, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(8000, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(samples, 40);
  return Buffer.concat([header, Buffer.alloc(samples, 0x80)]);
}

test('audio stored in the study is refused when it is not audio, and removed when the deletion is recorded', async ({ page }) => {
  await page.getByRole('button', { name: 'Open the demo study' }).click();
  await openSection(page, 'Recordings');
  await page.getByRole('button', { name: 'Register a recording' }).click();
  await page.getByLabel('Participant', { exact: true }).selectOption({ label: 'Deltaker 5' });
  await page.getByLabel('Recorded on').fill('2026-03-20');
  const audio = page.getByLabel('Store the audio in the study file (optional)');
  // A document renamed to .mp3 is not a recording.
  await audio.setInputFiles({ name: 'interview.mp3', mimeType: 'audio/mpeg', buffer: Buffer.from('%PDF-1.7 a letter, not a recording') });
  await page.getByRole('button', { name: 'Register recording' }).click();
  await expect(page.getByRole('alert')).toContainText('Only an audio file (MP3, WAV, M4A, OGG or FLAC)');

  await audio.setInputFiles({ name: 'interview.wav', mimeType: 'audio/wav', buffer: silentWav() });
  await expect(page.getByText('Chosen: interview.wav')).toBeVisible();
  await page.getByRole('button', { name: 'Register recording' }).click();
  await expect(page.getByText('The recording of Deltaker 5 is registered.')).toBeVisible();
  const row = page.getByRole('table', { name: 'All recordings, most urgent first' }).getByRole('row', { name: /Deltaker 5/ });
  await expect(row).toContainText('Audio in the study file');

  await row.getByRole('button', { name: /^Record deletion: Deltaker 5/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'will be removed for good when you save' })).toBeVisible();
  await page.getByLabel('How it was deleted').fill('Removed from the study file');
  await page.getByLabel('Deletion confirmed by').fill('The researcher');
  await page.getByRole('button', { name: 'Save the receipt' }).click();
  await expect(page.getByText('The deletion is recorded.')).toBeVisible();
  await expect(row).not.toContainText('Audio in the study file');
  await expect(row).toContainText('Removed from the study file. Confirmed by The researcher.');
});
