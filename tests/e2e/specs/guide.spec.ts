import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { expect, test } from '../fixtures.js';
import { addConsentedParticipant, createStudy, openSection } from './steps.js';

test('write a guide, hold an interview with it, tick the checklist, see the version freeze, and save it as Word', async ({ page, host }) => {
  await createStudy(page, 'Guide study');
  await addConsentedParticipant(page);

  // The starter guide, in the language of the app.
  await openSection(page, 'Interview guide');
  const versions = page.getByRole('table', { name: 'Every version of the guide, newest first' });
  await expect(versions.getByRole('row', { name: /Version 1 Draft 4 parts, 15 questions/ })).toBeVisible();
  await expect(page.getByLabel('Title of part 3')).toHaveValue('Everyday life and the change process');
  await expect(page.getByLabel('Question 11', { exact: true })).toHaveValue('What gives you hope?');

  // A new part with a new question.
  await page.getByRole('button', { name: 'Add a part' }).click();
  await expect(page.getByLabel('Title of part 5')).toBeFocused();
  await page.getByLabel('Title of part 5').fill('Work and daily tasks');
  await page.getByRole('button', { name: 'Add a question to Work and daily tasks' }).click();
  await expect(page.getByLabel('Question 16', { exact: true })).toBeFocused();
  await page.getByLabel('Question 16', { exact: true }).fill('What does a good working day look like?');

  // Reordered by keyboard: the part up one place, said aloud, and the focus stays in it.
  await page.getByLabel('Title of part 5').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByRole('status').filter({ hasText: 'Part moved to place 4 of 5.' })).toBeVisible();
  await expect(page.getByLabel('Title of part 4')).toHaveValue('Work and daily tasks');
  await expect(page.getByLabel('Title of part 4')).toBeFocused();
  // Its question moves with it and is now number 14; one step up takes it into the part before.
  await expect(page.getByLabel('Question 14', { exact: true })).toHaveValue('What does a good working day look like?');
  await page.getByLabel('Question 14', { exact: true }).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByRole('status').filter({ hasText: 'Question moved to place 10 in Everyday life and the change process.' })).toBeVisible();
  await expect(page.getByLabel('Question 14', { exact: true })).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('status').filter({ hasText: 'Question moved to place 1 in Work and daily tasks.' })).toBeVisible();

  // By dragging: question 2 by its handle onto the top of question 1; then back by keyboard.
  const questionItem = (number: number) => page.locator('li.guide-question').filter({ has: page.getByLabel(`Question ${number}`, { exact: true }) });
  await questionItem(2).locator('.guide-handle').dragTo(questionItem(1), { targetPosition: { x: 40, y: 4 } });
  await expect(page.getByRole('status').filter({ hasText: 'Question moved to place 1 in Introduction.' })).toBeVisible();
  await expect(page.getByLabel('Question 1', { exact: true })).toHaveValue('Is it still all right that I start the recorder now?');
  await page.getByLabel('Question 1', { exact: true }).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByLabel('Question 1', { exact: true })).toHaveValue('Is there anything you would like to ask before we begin?');

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(versions.getByRole('row', { name: /Version 1 Draft 5 parts, 16 questions/ })).toBeVisible();

  // An interview held with version 1.
  await openSection(page, 'Interviews');
  await page.getByRole('button', { name: 'Register an interview' }).click();
  await expect(page.getByLabel('Participant', { exact: true })).toHaveValue(/\d+/);
  await page.getByLabel('Date', { exact: true }).fill('2026-03-10');
  await page.getByLabel('Time (Norwegian time)').fill('13:30');
  await page.getByLabel('Length in minutes (if known)').fill('45');
  await page.getByRole('radio', { name: 'The participant’s home' }).check();
  await expect(page.getByLabel('Guide version used')).toHaveValue(/\d+/);
  await expect(page.getByLabel('Guide version used').locator('option:checked')).toHaveText('Version 1 (draft)');
  await page.getByLabel('Your notes').fill('Calm; wants to read the transcript.');
  await page.getByRole('button', { name: 'Save the interview' }).click();
  await expect(page.getByText('The interview with Deltaker 1 is registered.')).toBeVisible();
  const interviews = page.getByRole('table', { name: 'All interviews, the most recent first' });
  const row = interviews.getByRole('row', { name: /Deltaker 1/ });
  await expect(row).toContainText('10 March 2026, 13:30');
  await expect(row).toContainText('The participant’s home');
  await expect(row).toContainText('0 of 16 covered');

  // The checklist: Space ticks, the arrows move, the count follows.
  await row.getByRole('button', { name: 'Checklist for the interview with Deltaker 1, 10 March 2026, 13:30' }).click();
  await expect(page.getByRole('heading', { name: 'Checklist: Deltaker 1, 10 March 2026, 13:30' })).toBeFocused();
  const count = page.getByRole('status').filter({ hasText: /of 16 covered/ });
  await expect(count).toHaveText('0 of 16 covered');
  const first = page.getByRole('checkbox', { name: '1. Is there anything you would like to ask before we begin?' });
  await first.focus();
  await page.keyboard.press('Space');
  await expect(first).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('checkbox', { name: /^2\. / })).toBeFocused();
  await page.keyboard.press('Space');
  await page.getByRole('checkbox', { name: '11. What gives you hope?' }).check();
  await expect(count).toHaveText('3 of 16 covered');
  await page.keyboard.press('Space');
  await expect(count).toHaveText('2 of 16 covered');
  await page.keyboard.press('Space');
  await expect(count).toHaveText('3 of 16 covered');
  await page.getByRole('button', { name: 'Close the checklist' }).click();
  await expect(row).toContainText('3 of 16 covered');

  // Version 1 is now kept as it was: editing makes version 2.
  await openSection(page, 'Interview guide');
  await expect(versions.getByRole('row', { name: /Version 1 Used in 1 interview/ })).toBeVisible();
  await expect(page.getByText('Version 1 has been used in an interview, so it stays as it is.')).toBeVisible();
  await page.getByLabel('Question 14', { exact: true }).fill('What does a good day at work look like for you?');
  await page.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(page.getByText('Saved as version 2. Version 1 is kept as it was.')).toBeVisible();
  await expect(versions.getByRole('row', { name: /Version 2 Draft/ })).toBeVisible();
  await expect(versions.getByRole('row', { name: /Version 1 Used in 1 interview/ })).toBeVisible();
  const changes = page.getByRole('list', { name: 'Changes from version 1 to version 2' });
  await expect(changes.getByRole('listitem')).toHaveCount(1);
  await expect(changes.getByRole('listitem')).toContainText('Changed Question: What does a good day at work look like for you? in Work and daily tasks (wording)');

  // Version 2 as a Word file, for a participant who wants the questions in advance.
  await expect(page.getByRole('heading', { name: 'Save version 2 as a document' })).toBeVisible();
  const target = path.join(host.dataDir, 'Interview guide v2.docx');
  await page.getByLabel('Save as').fill(target);
  await page.getByRole('button', { name: 'Save the document' }).click();
  await expect(page.getByText('Saved as Interview guide v2.docx.')).toBeVisible();
  const xml = (await (await JSZip.loadAsync(fs.readFileSync(target))).file('word/document.xml')?.async('string')) ?? '';
  const text = xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  expect(text).toContain('Version 2');
  expect(text).toContain('Work and daily tasks');
  expect(text).toContain('14. What does a good day at work look like for you?');
  // The interviewer's notes stay out of a copy for a participant.
  expect(text).not.toContain('Theme: Hope and optimism.');
});

test('an interview registered with the wrong participant can be deleted, after asking', async ({ page }) => {
  await page.getByRole('button', { name: 'Open the demo study' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
  await openSection(page, 'Interviews');
  const interviews = page.getByRole('table', { name: 'All interviews, the most recent first' });
  await expect(interviews.getByRole('row')).toHaveCount(4);

  // Deltaker 4 was not interviewed: the wrong person chosen by mistake.
  await page.getByRole('button', { name: 'Register an interview' }).click();
  const participant = page.getByLabel('Participant', { exact: true });
  await expect(participant.getByRole('option', { name: 'Deltaker 6 (no valid consent)' })).toBeDisabled();
  await participant.selectOption({ label: 'Deltaker 4' });
  await page.getByLabel('Date', { exact: true }).fill('2026-03-20');
  await page.getByLabel('Time (Norwegian time)').fill('11:00');
  await page.getByRole('button', { name: 'Save the interview' }).click();
  await expect(page.getByText('The interview with Deltaker 4 is registered.')).toBeVisible();
  await expect(interviews.getByRole('row')).toHaveCount(5);

  await interviews.getByRole('button', { name: /^Details of the interview with Deltaker 4/ }).click();
  await expect(page.getByRole('heading', { name: 'Interview with Deltaker 4' })).toBeFocused();
  await page.getByRole('button', { name: 'Delete this interview' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete the interview with Deltaker 4?' });
  await expect(dialog).toContainText('its recordings stay in the register');
  await dialog.getByRole('button', { name: 'Delete the interview' }).click();
  await expect(page.getByText('The interview with Deltaker 4 is deleted.')).toBeVisible();
  await expect(interviews.getByRole('row')).toHaveCount(4);
  await expect(interviews.getByRole('row', { name: /Deltaker 4/ })).toHaveCount(0);
});
