import path from 'node:path';
import type { Page } from '@playwright/test';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import mammoth from 'mammoth';
import { expect, test } from '../fixtures.js';
import { addConsentedParticipant, createStudy, openSection } from './steps.js';

/** What the transcript's lines say, in order. */
const lineTexts = (page: Page) => page.locator('.tline').allTextContents();

/** Accepts every open proposal of the review from the keyboard (A, which moves on to the next open one). */
async function acceptAllByKeyboard(page: Page, open: number) {
  const list = page.getByRole('listbox', { name: 'Proposals, in the order of the transcript' });
  await expect(list).toBeFocused();
  const counts = page.getByRole('status').filter({ hasText: /open ·/ });
  await expect(counts).toHaveText(new RegExp(`^${open} open ·`));
  for (let left = open - 1; left >= 0; left -= 1) {
    await page.keyboard.press('a');
    await expect(counts).toHaveText(new RegExp(`^${left} open ·`));
  }
  await expect(page.getByText('Every proposal is decided. You can finish the review.')).toBeVisible();
  return counts;
}

async function finishReview(page: Page, replaced: number): Promise<void> {
  await page.getByRole('button', { name: 'Finish review' }).click();
  const dialog = page.getByRole('dialog', { name: 'Finish the anonymisation review?' });
  await expect(dialog).toContainText(`${replaced} passages in the transcript will be replaced.`);
  await dialog.getByRole('button', { name: 'Replace and finish' }).click();
  await expect(page.getByText(`The review is finished: ${replaced} passages were replaced, and the transcript is anonymised.`)).toBeVisible();
  await page.getByRole('button', { name: 'Back to the transcript' }).first().click();
  await expect(page.getByText('Anonymised', { exact: true })).toBeVisible();
}

/**
 * Issue 4 from end to end, in one study, as a researcher would go through it: a guide, a
 * participant with consent, a recording on a dictaphone, the interview with its checklist, a Word
 * transcript imported, anonymised by keyboard, marked complete and exported, and the recording's
 * deletion clock started. Then an edit that types a name sends it back to its review.
 */
test('a guide, an interview, its transcript anonymised and exported, the recording due, and an edit that needs the review again', async ({ page, host }) => {
  test.setTimeout(180_000);
  await createStudy(page, 'Issue 4 journey');

  // The guide: the starter, with a question added to the closing part.
  await openSection(page, 'Interview guide');
  const versions = page.getByRole('table', { name: 'Every version of the guide, newest first' });
  await expect(versions.getByRole('row', { name: /Version 1 Draft 4 parts, 15 questions/ })).toBeVisible();
  await page.getByRole('button', { name: 'Add a question to Closing' }).click();
  const added = page.getByLabel('Question 16', { exact: true });
  await expect(added).toBeFocused();
  await added.fill('What would you like the group leaders to know?');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(versions.getByRole('row', { name: /Version 1 Draft 4 parts, 16 questions/ })).toBeVisible();

  // A participant, with consent (which allows an audio recording by default).
  await addConsentedParticipant(page);

  // The recording, kept on a dictaphone: nothing is due until it is transcribed.
  await openSection(page, 'Recordings');
  await page.getByRole('button', { name: 'Register a recording' }).click();
  await page.getByLabel('Participant', { exact: true }).selectOption({ label: 'Deltaker 1' });
  await page.getByLabel('Recorded on').fill('2026-03-10');
  await page.getByLabel('Where it is kept').fill('Dictaphone, locked cabinet');
  await page.getByLabel('Format').fill('MP3');
  await page.getByRole('button', { name: 'Register recording' }).click();
  await expect(page.getByText('The recording of Deltaker 1 is registered.')).toBeVisible();
  const recordings = page.getByRole('table', { name: 'All recordings, most urgent first' });
  const recordingRow = recordings.getByRole('row', { name: /Deltaker 1/ });
  await expect(recordingRow).toContainText('Due once transcribed');

  // The interview, with that guide version and the recording.
  await openSection(page, 'Interviews');
  await page.getByRole('button', { name: 'Register an interview' }).click();
  await page.getByLabel('Participant', { exact: true }).selectOption({ label: 'Deltaker 1' });
  await page.getByLabel('Date', { exact: true }).fill('2026-03-10');
  await page.getByLabel('Time (Norwegian time)').fill('13:30');
  await page.getByLabel('Length in minutes (if known)').fill('50');
  await page.getByRole('radio', { name: 'The participant’s home' }).check();
  await page.getByLabel('Guide version used').selectOption({ label: 'Version 1 (draft)' });
  await page.getByRole('checkbox', { name: /^Recorded .*MP3/ }).check();
  await page.getByRole('button', { name: 'Save the interview' }).click();
  await expect(page.getByText('The interview with Deltaker 1 is registered.')).toBeVisible();
  const interviewRow = page.getByRole('table', { name: 'All interviews, the most recent first' }).getByRole('row', { name: /Deltaker 1/ });
  await expect(interviewRow).toContainText('10 March 2026, 13:30');
  await expect(interviewRow).toContainText('1 recording');
  await expect(interviewRow).toContainText('0 of 16 covered');

  // The checklist: the added question ticked with Space.
  await interviewRow.getByRole('button', { name: 'Checklist for the interview with Deltaker 1, 10 March 2026, 13:30' }).click();
  const count = page.getByRole('status').filter({ hasText: /of 16 covered/ });
  const question = page.getByRole('checkbox', { name: '16. What would you like the group leaders to know?' });
  await question.focus();
  await page.keyboard.press('Space');
  await expect(question).toBeChecked();
  await expect(count).toHaveText('1 of 16 covered');
  await page.getByRole('button', { name: 'Close the checklist' }).click();
  await expect(interviewRow).toContainText('1 of 16 covered');

  // A Word transcript of the interview, made here with the docx library, imported for it.
  const paragraphs = [
    'I: Kan du fortelle litt om hvem som hjelper deg i hverdagen?',
    'D: Søstera mi, Hilde, ringer meg fra 905 12 334 hver dag. Hilde bor i Trondheim.',
    'I: Og jobben?',
    'D: Jeg jobber på Rema 1000 nå, og det går bra.',
  ];
  const docx = await Packer.toBuffer(new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })) }] }));
  await openSection(page, 'Transcripts');
  await page.getByRole('button', { name: 'Import files' }).click();
  await page.getByLabel('Files', { exact: true }).setInputFiles({ name: 'intervju-d1.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx });
  await page.getByLabel('Interview for intervju-d1.docx').selectOption({ label: 'Deltaker 1, 10 March 2026, 13:30' });
  await page.getByRole('button', { name: 'Import 1 file' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Deltaker 1, 10 March 2026, 13:30' })).toBeVisible();
  await expect(page.getByText('Raw', { exact: true })).toBeVisible();
  const editor = page.getByRole('textbox', { name: 'Transcript of Deltaker 1' });
  await expect(editor).toBeVisible();
  expect(await lineTexts(page)).toEqual([
    'Kan du fortelle litt om hvem som hjelper deg i hverdagen?',
    'Søstera mi, Hilde, ringer meg fra 905 12 334 hver dag.',
    'Hilde bor i Trondheim.',
    'Og jobben?',
    'Jeg jobber på Rema 1000 nå, og det går bra.',
  ]);

  // The anonymisation review, every proposal decided from the keyboard, then finished.
  await page.getByRole('button', { name: 'Review anonymisation' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Anonymisation review' })).toBeVisible();
  const options = page.getByRole('listbox', { name: 'Proposals, in the order of the transcript' }).getByRole('option');
  await expect(options).toHaveCount(5);
  await expect(options.nth(0)).toContainText('line 2');
  await expect(options.nth(0)).toContainText('Hilde');
  const counts = await acceptAllByKeyboard(page, 5);
  await expect(counts).toHaveText('0 open · 5 accepted · 0 changed · 0 rejected');
  await finishReview(page, 5);
  expect(await lineTexts(page)).toEqual([
    'Kan du fortelle litt om hvem som hjelper deg i hverdagen?',
    'Søstera mi, [NAVN 1], ringer meg fra [TELEFON] hver dag.',
    '[NAVN 1] bor i [STED 1].',
    'Og jobben?',
    'Jeg jobber på [ARBEIDSPLASS 1] nå, og det går bra.',
  ]);

  // Marked complete: the linked recording is marked transcribed, so its deletion clock starts.
  await page.getByRole('button', { name: 'Mark complete' }).click();
  await expect(page.getByText(/Marked complete\. 1 recording is marked transcribed; delete it by \d+ \w+ \d{4}\./)).toBeVisible();

  // Exported to Word, anonymised, so without any override: numbered lines, speakers, replacements.
  const target = path.join(host.dataDir, 'Deltaker 1 anonymised.docx');
  await page.getByLabel('Save as').fill(target);
  await expect(page.getByLabel('Export it anyway (this is recorded in the audit trail)')).toHaveCount(0);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByText('Saved as Deltaker 1 anonymised.docx.')).toBeVisible();
  const { value: exported } = await mammoth.extractRawText({ path: target });
  const cells = exported.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  expect(cells).toContain('State: anonymised');
  expect(cells.slice(cells.indexOf('Line'))).toEqual([
    'Line', 'Speaker', 'Text',
    '1', 'Interviewer', 'Kan du fortelle litt om hvem som hjelper deg i hverdagen?',
    '2', 'Deltaker 1', 'Søstera mi, [NAVN 1], ringer meg fra [TELEFON] hver dag.',
    '3', 'Deltaker 1', '[NAVN 1] bor i [STED 1].',
    '4', 'Interviewer', 'Og jobben?',
    '5', 'Deltaker 1', 'Jeg jobber på [ARBEIDSPLASS 1] nå, og det går bra.',
  ]);
  for (const original of ['Hilde', '905 12 334', 'Trondheim', 'Rema']) expect(exported, original).not.toContain(original);

  // The recordings register: the recording is now due for deletion, with a date.
  await page.getByRole('button', { name: 'See the recordings register' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Recordings' })).toBeVisible();
  await expect(recordingRow).toContainText('Dictaphone, locked cabinet');
  await expect(recordingRow).not.toContainText('Due once transcribed');
  await expect(recordingRow).toContainText(/Due in \d+ days?/);
  await expect(recordingRow).toContainText(/\d{1,2} \w{3} \d{4}/);

  // Later, a name and a phone number typed into the anonymised transcript: it is raw again, and
  // the page says the review must be run again.
  await openSection(page, 'Transcripts');
  await page.getByRole('button', { name: /Open the transcript of Deltaker 1/ }).click();
  await expect(page.getByText('Anonymised', { exact: true })).toBeVisible();
  await page.locator('.tline').nth(4).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Kari Nordmann ringte fra 412 34 567.');
  const notice = page.getByRole('status').filter({ hasText: 'Your edit may have added something that identifies someone' });
  await expect(notice).toContainText(/\(\d+ possible identifiers?\)/);
  await expect(notice).toContainText('The transcript is raw again until you run its anonymisation review again');
  await expect(page.getByText('Raw', { exact: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  // The review again: what was typed is proposed; finishing makes the transcript anonymised again.
  await notice.getByRole('button', { name: 'Run the anonymisation review again' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Anonymisation review' })).toBeVisible();
  await expect(options).toHaveCount(2);
  await expect(options.nth(0)).toContainText('Kari Nordmann');
  await expect(options.nth(1)).toContainText('412 34 567');
  await acceptAllByKeyboard(page, 2);
  await finishReview(page, 2);
  expect((await lineTexts(page))[4]).toBe('Jeg jobber på [ARBEIDSPLASS 1] nå, og det går bra. [NAVN 2] ringte fra [TELEFON].');
  await expect(notice).toHaveCount(0);

  // The audit trail says what happened, without a name.
  await openSection(page, 'Audit trail');
  const trail = page.getByRole('table', { name: 'Events, newest first' });
  await expect(trail.getByRole('rowheader', { name: 'Anonymised transcript made raw again: an edit may have added something identifying' })).toBeVisible();
  await expect(trail.getByRole('rowheader', { name: 'Anonymisation review of a transcript finished' })).toHaveCount(2);
  await expect(trail).not.toContainText('Kari');
  await expect(trail).not.toContainText('Hilde');
});
