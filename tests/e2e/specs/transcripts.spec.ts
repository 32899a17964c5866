import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import mammoth from 'mammoth';
import { demoPassphrase } from '../../../shared/study/demo.js';
import { expect, test } from '../fixtures.js';
import { callCore } from './steps.js';

async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Study' }).getByRole('button', { name, exact: true }).click();
}

const lineTexts = (page: Page) => page.locator('.tline').allTextContents();

/** Chooses the interview whose option starts with the participant's pseudonym. */
async function chooseInterview(page: Page, label: string, pseudonym: string): Promise<void> {
  const select = page.getByLabel(label);
  const option = (await select.locator('option').filter({ hasText: new RegExp(`^${pseudonym},`) }).first().textContent())!;
  await select.selectOption({ label: option });
}

test('import a .docx transcript, edit it, export it with the override, mark it complete and see the recording’s deletion clock start', async ({ page, host }) => {
  await page.getByRole('button', { name: 'Open the demo study' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();

  // Setup through the bridge: a new recording of Deltaker 2's interview, not yet transcribed.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());
  const interviews = await callCore<{ id: number; pseudonym: string }[]>(page, 'interviews.list', {});
  const interview = await callCore<{
    id: number;
    participantId: number;
    heldAt: string;
    lengthMinutes: number | null;
    setting: string;
    settingOther: string;
    guideVersionId: number | null;
    notes: string;
    linkedRecordings: { id: number }[];
  }>(page, 'interviews.get', { id: interviews.find((candidate) => candidate.pseudonym === 'Deltaker 2')!.id });
  const recording = await callCore<{ id: number }>(page, 'recordings.register', {
    participantId: interview.participantId,
    madeOn: today,
    keptWhere: 'Dictaphone E2E, locked cabinet',
    format: 'MP3',
    lengthSeconds: null,
    notes: '',
  });
  await callCore(page, 'interviews.update', {
    id: interview.id,
    heldAt: interview.heldAt,
    lengthMinutes: interview.lengthMinutes,
    setting: interview.setting,
    settingOther: interview.settingOther,
    guideVersionId: interview.guideVersionId,
    notes: interview.notes,
    recordingIds: [...interview.linkedRecordings.map((linked) => linked.id), recording.id],
  });

  // Import a Word transcript made here with the docx library.
  const paragraphs = [
    'I: Hvordan var det å komme tilbake til gruppa etter sommeren?',
    'D: Det var godt. Jeg hadde gruet meg litt.',
    'I: Hva hadde du gruet deg til?',
    'D: At de andre hadde kommet lenger enn meg.',
  ];
  const docx = await Packer.toBuffer(new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })) }] }));
  await openSection(page, 'Transcripts');
  await expect(page.getByRole('heading', { level: 2, name: 'Transcripts' })).toBeVisible();
  await page.getByRole('button', { name: 'Import files' }).click();
  await page.getByLabel('Files', { exact: true }).setInputFiles({ name: 'intervju-d2.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx });
  await chooseInterview(page, 'Interview for intervju-d2.docx', 'Deltaker 2');
  await page.getByRole('button', { name: 'Import 1 file' }).click();

  // One file opens straight in the editor: numbered lines with their speakers.
  await expect(page.getByRole('heading', { level: 2, name: /^Deltaker 2, / })).toBeVisible();
  await expect(page.getByText('Raw', { exact: true })).toBeVisible();
  const editor = page.getByRole('textbox', { name: 'Transcript of Deltaker 2' });
  await expect(editor).toBeVisible();
  expect(await lineTexts(page)).toEqual([
    'Hvordan var det å komme tilbake til gruppa etter sommeren?',
    'Det var godt.',
    'Jeg hadde gruet meg litt.',
    'Hva hadde du gruet deg til?',
    'At de andre hadde kommet lenger enn meg.',
  ]);
  await expect(page.getByText('32 words · 5 lines')).toBeVisible();

  // Edit: add to line 2, split line 5 with Enter, and make line 3 another speaker by keyboard.
  await page.locator('.tline').nth(1).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Veldig godt.');
  // Let that save finish before moving the caret key by key. (Seen once in CI: two of the arrow
  // presses below were lost while a save came back; see the closing note of 2026-11-30.)
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.locator('.tline').nth(4).click();
  await page.keyboard.press('End');
  for (let step = 0; step < ' hadde kommet lenger enn meg.'.length; step += 1) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  // The margin numbers the new line, and the ones after it follow.
  await expect(page.locator('.tline').nth(5)).toHaveAttribute('data-n', '6');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.locator('.tline').nth(2).click();
  await page.keyboard.press('Control+Shift+S');
  await expect(page.locator('.tline').nth(2)).toHaveAttribute('data-speaker', 'other');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  // After a reload the edits are there: they were saved.
  await page.reload();
  await openSection(page, 'Transcripts');
  await page.getByRole('button', { name: /Open the transcript of Deltaker 2/ }).last().click();
  await expect(editor).toBeVisible();
  expect(await lineTexts(page)).toEqual([
    'Hvordan var det å komme tilbake til gruppa etter sommeren?',
    'Det var godt. Veldig godt.',
    'Jeg hadde gruet meg litt.',
    'Hva hadde du gruet deg til?',
    'At de andre',
    'hadde kommet lenger enn meg.',
  ]);
  await expect(page.locator('.tline').nth(2)).toHaveAttribute('data-speaker', 'other');

  // Find and replace, from the keyboard.
  await page.locator('.tline').nth(0).click();
  await page.keyboard.press('Control+h');
  await page.getByLabel('Find', { exact: true }).fill('gruet');
  await expect(page.getByText('1 of 2')).toBeVisible();
  await page.getByLabel('Replace with').fill('grudd');
  await page.getByRole('button', { name: 'Replace all' }).click();
  await expect(page.getByText('No matches')).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();
  expect((await lineTexts(page))[2]).toBe('Jeg hadde grudd meg litt.');

  // Export: raw, so only with the override, which the audit trail records.
  const target = path.join(host.dataDir, 'Deltaker 2.docx');
  await page.getByLabel('Save as').fill(target);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByText('Confirm that you want to export a transcript that is not anonymised')).toBeVisible();
  expect(fs.existsSync(target)).toBe(false);
  await page.getByLabel('Export it anyway (this is recorded in the audit trail)').check();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByText('Saved as Deltaker 2.docx.')).toBeVisible();
  const { value: exported } = await mammoth.extractRawText({ path: target });
  const cells = exported.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  expect(cells).toContain('State: NOT ANONYMISED: this export may identify people. Exported by the researcher’s own decision.');
  expect(cells.slice(cells.indexOf('Line'))).toEqual([
    'Line', 'Speaker', 'Text',
    '1', 'Interviewer', 'Hvordan var det å komme tilbake til gruppa etter sommeren?',
    '2', 'Deltaker 2', 'Det var godt. Veldig godt.',
    '3', 'Other', 'Jeg hadde grudd meg litt.',
    '4', 'Interviewer', 'Hva hadde du grudd deg til?',
    '5', 'Deltaker 2', 'At de andre',
    '6', 'Deltaker 2', 'hadde kommet lenger enn meg.',
  ]);

  // Mark complete: the interview's new recording is marked transcribed and its deletion falls due.
  await page.getByRole('button', { name: 'Mark complete' }).click();
  await expect(page.getByText(/Marked complete\. 1 recording is marked transcribed; delete it by/)).toBeVisible();
  await page.getByRole('button', { name: 'See the recordings register' }).click();
  const row = page.getByRole('row').filter({ hasText: 'Dictaphone E2E, locked cabinet' });
  await expect(row).toContainText('Due in 1 day');

  // The list shows the transcript complete, with its counts.
  await openSection(page, 'Transcripts');
  const listed = page.getByRole('row').filter({ hasText: 'Deltaker 2' }).last();
  await expect(listed.getByRole('cell').nth(2)).toHaveText(new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/Oslo' }).format(new Date()));
  await expect(listed.getByRole('cell').nth(3)).toHaveText('6');
});

test('a malformed file is refused with its name, and nothing is imported', async ({ page }) => {
  await page.getByRole('button', { name: 'Open the demo study' }).click();
  await openSection(page, 'Transcripts');
  await expect(page.getByRole('table', { name: /Transcripts, by interview date/ })).toBeVisible();
  const rowsBefore = await page.getByRole('row').count();
  expect(rowsBefore).toBe(3);
  await page.getByRole('button', { name: 'Import files' }).click();
  await page.getByLabel('Files', { exact: true }).setInputFiles({ name: 'opptak.srt', mimeType: 'application/x-subrip', buffer: Buffer.from('Dette er ikke undertekster.\n') });
  await chooseInterview(page, 'Interview for opptak.srt', 'Deltaker 3');
  await page.getByRole('button', { name: 'Import 1 file' }).click();
  await expect(page.getByRole('alert')).toContainText('could not be read as what its name says');
  await expect(page.getByRole('alert')).toContainText('The problem is in opptak.srt.');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('row')).toHaveCount(rowsBefore);
});

/** Opens the demo study and one of its transcripts in the editor, saved and ready to edit. */
async function openDemoTranscript(page: Page, pseudonym: string) {
  await page.getByRole('button', { name: 'Open the demo study' }).click();
  await openSection(page, 'Transcripts');
  await page.getByRole('button', { name: new RegExp(`Open the transcript of ${pseudonym}`) }).click();
  const editor = page.getByRole('textbox', { name: `Transcript of ${pseudonym}` });
  await expect(editor).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  return editor;
}

test('locking right after typing keeps the last keystrokes: the study saves them before it locks', async ({ page }) => {
  const editor = await openDemoTranscript(page, 'Deltaker 1');
  await page.locator('.tline').nth(2).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Skrevet rett før låsing.');
  // At once, well within the autosave's wait: Ctrl+L.
  await expect(page.getByRole('status').filter({ hasText: /^Not saved yet$/ })).toBeVisible();
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock the study' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(demoPassphrase);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await openSection(page, 'Transcripts');
  await page.getByRole('button', { name: /Open the transcript of Deltaker 1/ }).click();
  await expect(editor).toBeVisible();
  await expect(page.locator('.tline').nth(2)).toHaveText(/ Skrevet rett før låsing\.$/);
});

test('Enter and the speaker key act where the caret is, even before the browser has told the editor it moved', async ({ page }) => {
  await openDemoTranscript(page, 'Deltaker 2');
  const before = await lineTexts(page);
  const line = before[3]!;
  const cut = line.indexOf(' ', 10);
  await page.locator('.tline').nth(3).click();
  await page.keyboard.press('End');
  // On a busy machine the 'selectionchange' that tells the editor where the caret went can come
  // after the next key. Hold those events back, move the caret by hand, and press the keys.
  // (Plain page scripts: these tests are type-checked without the DOM's types.)
  await page.evaluate(`window.heldSelection = (event) => event.stopImmediatePropagation();
    window.addEventListener('selectionchange', window.heldSelection, { capture: true });`);
  await page.evaluate(`getSelection().collapse(document.querySelectorAll('.tline')[3].firstChild, ${cut})`);
  await page.keyboard.press('Enter');
  await expect(page.locator('.tline').nth(3)).toHaveText(line.slice(0, cut));
  await expect(page.locator('.tline').nth(4)).toHaveText(line.slice(cut + 1));
  // A click on another line, unheard, then the speaker key: the clicked line changes speaker.
  const speakerBefore = await page.locator('.tline').nth(1).getAttribute('data-speaker');
  await page.evaluate(`getSelection().collapse(document.querySelectorAll('.tline')[1].firstChild, 2)`);
  await page.keyboard.press('Control+Shift+S');
  await expect(page.locator('.tline').nth(1)).not.toHaveAttribute('data-speaker', speakerBefore!);
  await page.evaluate(`window.removeEventListener('selectionchange', window.heldSelection, { capture: true })`);
});

test('lines are numbered and named across the groups they are drawn in, and Backspace, Delete and Enter at a group’s edge act on lines in one key press', async ({ page }) => {
  await openDemoTranscript(page, 'Deltaker 2');
  // Every line's number and turn as the margin draws them, and what they should be.
  const places = () =>
    page.evaluate(`[...document.querySelectorAll('.tline')].map((line, index, all) => ({
      n: line.getAttribute('data-n'), wanted: String(index + 1),
      turn: line.getAttribute('data-turn'),
      wantedTurn: index === 0 ? 'first' : all[index - 1].dataset.speaker !== line.dataset.speaker ? 'new' : null,
    }))`) as Promise<{ n: string; wanted: string; turn: string | null; wantedTurn: string | null }[]>;
  const expectPlacesRight = async () => {
    for (const place of await places()) expect([place.n, place.turn]).toEqual([place.wanted, place.wantedTurn]);
  };
  const before = await lineTexts(page);
  expect(await page.locator('.tgroup').count()).toBeGreaterThan(1);
  await expectPlacesRight();

  // Delete at the end of the first group's last line joins the next line onto it; undo takes it
  // back, groups and all.
  const last = page.locator('.tgroup').first().locator('.tline').last();
  const lastIndex = Number(await last.getAttribute('data-n')) - 1;
  await last.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Delete');
  await expect(page.locator('.tline').nth(lastIndex)).toHaveText(before[lastIndex]! + before[lastIndex + 1]!);
  await expectPlacesRight();
  await page.keyboard.press('Control+z');
  expect(await lineTexts(page)).toEqual(before);

  // Backspace at the start of the second group's first line joins it onto the line before.
  const edge = await page.locator('.tgroup').first().locator('.tline').count();
  await page.locator('.tgroup').nth(1).locator('.tline').first().click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Backspace');
  await expect(page.locator('.tline')).toHaveCount(before.length - 1);
  await expect(page.locator('.tline').nth(edge - 1)).toHaveText(before[edge - 1]! + before[edge]!);
  await expectPlacesRight();
  // Enter where they met splits them again (the two groups stay one: a group is only for drawing).
  await page.keyboard.press('Enter');
  await expect(page.locator('.tline')).toHaveCount(before.length);
  expect(await lineTexts(page)).toEqual(before);
  await expectPlacesRight();

  // A new speaker on a line: the next line starts a turn or no longer does.
  await last.click();
  await page.keyboard.press('Control+Shift+S');
  await expectPlacesRight();
  await page.keyboard.press('Control+Shift+S');
  await page.keyboard.press('Control+Shift+S');
  await expectPlacesRight();
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  // What was saved is the lines, as they were: open it again.
  await page.getByRole('button', { name: /All transcripts/ }).click();
  await page.getByRole('button', { name: /Open the transcript of Deltaker 2/ }).click();
  await expect(page.getByRole('textbox', { name: 'Transcript of Deltaker 2' })).toBeVisible();
  expect(await lineTexts(page)).toEqual(before);
  await expectPlacesRight();
});

test.describe('in Norwegian', () => {
  test.use({ hostLanguage: 'nb' });
  test('the demo’s anonymised transcript opens with its numbered lines and names', async ({ page }) => {
    await page.getByRole('button', { name: 'Åpne demostudien' }).click();
    await page.getByRole('navigation', { name: 'Studie' }).getByRole('button', { name: 'Transkripsjoner', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Transkripsjoner' })).toBeVisible();
    await page.getByRole('button', { name: /Åpne transkripsjonen av Deltaker 1/ }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Intervju 1' })).toBeVisible();
    await expect(page.getByText('Anonymisert', { exact: true })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Transkripsjon av Deltaker 1' })).toBeVisible();
    await expect(page.locator('.tline').first()).toHaveAttribute('data-time', '00:05');
    await expect(page.locator('.tline').nth(1)).toHaveAttribute('data-n', '2');
    await expect(page.getByText(/\d+ ord · \d+ linjer/)).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /^Lagret$/ })).toBeVisible();
  });
});
