import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, strongPassphrase, test } from '../fixtures.js';
import { addConsentedParticipant, createStudy } from './steps.js';

async function addAndOpenParticipant(page: Page, pseudonym: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Study' }).getByRole('button', { name: 'Participants' }).click();
  await page.getByLabel('Pseudonym', { exact: true }).fill(pseudonym);
  await page.getByRole('button', { name: 'Add participant' }).click();
  await page.getByRole('button', { name: pseudonym, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: pseudonym })).toBeVisible();
}

async function saveIdentity(page: Page, name: string, phone: string): Promise<void> {
  await page.getByRole('button', { name: 'Show identifying details' }).click();
  const form = page.getByRole('form', { name: 'Directly identifying details' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Phone').fill(phone);
  await form.getByRole('button', { name: 'Save identifying details' }).click();
  await expect(form.getByText('The identifying details were saved.')).toBeVisible();
}

test('the access export and a withdrawal, from the participant view', async ({ page, host }) => {
  await createStudy(page, 'Withdrawal study');
  await addAndOpenParticipant(page, 'Deltaker 7');
  await saveIdentity(page, 'Solveig Testdatter', '400 12 345');

  // The access export: JSON, to a path the researcher writes.
  const exportCard = page.getByRole('region', { name: 'Everything stored about Deltaker 7' });
  await exportCard.getByRole('radio', { name: /JSON, machine-readable/ }).check();
  const target = path.join(host.dataDir, 'innsyn-deltaker-7.json');
  await exportCard.getByLabel('Save as').fill(target);
  await exportCard.getByRole('button', { name: 'Save the export' }).click();
  await expect(exportCard.getByRole('status')).toContainText('Saved innsyn-deltaker-7.json');
  const data = JSON.parse(fs.readFileSync(target, 'utf8')) as { participant: { pseudonym: string }; identifyingDetails: { name: string; phone: string } };
  expect(data.participant.pseudonym).toBe('Deltaker 7');
  expect(data.identifyingDetails).toMatchObject({ name: 'Solveig Testdatter', phone: '400 12 345' });

  // The withdrawal: the plan lists what goes and what stays, and why.
  const card = page.getByRole('region', { name: 'Withdraw Deltaker 7 from the study' });
  await card.getByLabel('How the participant told you').fill('By phone');
  await expect(card.getByRole('radio', { name: 'Delete everything about the participant' })).toBeChecked();
  const deleted = card.getByRole('table', { name: 'Will be deleted' });
  await expect(deleted.getByRole('row', { name: /Directly identifying details.*1/ })).toBeVisible();
  const kept = card.getByRole('table', { name: 'Will be kept, and why' });
  await expect(kept.getByRole('row', { name: /The pseudonym and status/ })).toContainText('withdrew');

  // A wrong pseudonym is refused in the form, and nothing happens.
  const confirm = card.getByLabel('To confirm, type the pseudonym: Deltaker 7');
  await confirm.fill('Deltaker 1');
  await card.getByRole('button', { name: 'Withdraw and delete' }).click();
  await expect(card.getByText('Type the pseudonym exactly as shown.')).toBeVisible();
  await expect(confirm).toBeFocused();

  await confirm.fill('Deltaker 7');
  await card.getByRole('button', { name: 'Withdraw and delete' }).click();
  await expect(card.getByRole('status')).toContainText('Deltaker 7 has withdrawn.');

  // Everything about them is gone: the identifying details cannot be shown, and the list says withdrawn.
  await page.getByRole('button', { name: 'Back to all participants' }).click();
  await expect(page.getByRole('row', { name: /Deltaker 7/ })).toContainText('Withdrawn');
  await page.getByRole('button', { name: 'Deltaker 7', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Withdraw Deltaker 7 from the study' })).toContainText('has already withdrawn');
  const again = path.join(host.dataDir, 'after.json');
  const exportAgain = page.getByRole('region', { name: 'Everything stored about Deltaker 7' });
  await exportAgain.getByRole('radio', { name: /JSON, machine-readable/ }).check();
  await exportAgain.getByLabel('Save as').fill(again);
  await exportAgain.getByRole('button', { name: 'Save the export' }).click();
  await expect(exportAgain.getByRole('status')).toContainText('Saved after.json');
  const after = fs.readFileSync(again, 'utf8');
  expect(after).not.toContain('Solveig');
  expect(after).not.toContain('400 12 345');
  expect(JSON.parse(after)).toMatchObject({ identifyingDetails: null, withdrawal: { scope: 'deleteEverything', communicatedHow: 'By phone' } });
});

test('an interview with its notes and checklist is in the access export, then goes with the withdrawal', async ({ page, host }) => {
  await createStudy(page, 'Interview withdrawal');
  const study = page.getByRole('navigation', { name: 'Study' });
  await addConsentedParticipant(page);

  await study.getByRole('button', { name: 'Interviews', exact: true }).click();
  await page.getByRole('button', { name: 'Register an interview' }).click();
  await page.getByLabel('Date', { exact: true }).fill('2026-03-10');
  await page.getByLabel('Time (Norwegian time)').fill('13:30');
  await page.getByRole('radio', { name: 'The participant’s home' }).check();
  await page.getByLabel('Your notes').fill('Spoke of the neighbour Astrid Eksempel.');
  await page.getByRole('button', { name: 'Save the interview' }).click();
  await expect(page.getByText('The interview with Deltaker 1 is registered.')).toBeVisible();
  const row = page.getByRole('table', { name: 'All interviews, the most recent first' }).getByRole('row', { name: /Deltaker 1/ });
  await row.getByRole('button', { name: /Checklist for the interview with Deltaker 1/ }).click();
  await page.getByRole('checkbox', { name: /^1\. / }).check();
  await page.getByRole('button', { name: 'Close the checklist' }).click();
  await expect(row).toContainText('1 of');

  // The access export carries the interview: its notes and the question covered, in the guide's words.
  await study.getByRole('button', { name: 'Participants', exact: true }).click();
  await page.getByRole('button', { name: 'Deltaker 1', exact: true }).click();
  const exportCard = page.getByRole('region', { name: 'Everything stored about Deltaker 1' });
  await exportCard.getByRole('radio', { name: /JSON, machine-readable/ }).check();
  const target = path.join(host.dataDir, 'innsyn-deltaker-1.json');
  await exportCard.getByLabel('Save as').fill(target);
  await exportCard.getByRole('button', { name: 'Save the export' }).click();
  await expect(exportCard.getByRole('status')).toContainText('Saved innsyn-deltaker-1.json');
  const data = JSON.parse(fs.readFileSync(target, 'utf8')) as { interviews: { notes: string; setting: string; coveredQuestions: { question: string | null }[] }[] };
  expect(data.interviews).toHaveLength(1);
  expect(data.interviews[0]).toMatchObject({ notes: 'Spoke of the neighbour Astrid Eksempel.', setting: 'home' });
  expect(data.interviews[0]!.coveredQuestions).toHaveLength(1);
  expect(data.interviews[0]!.coveredQuestions[0]!.question).toBeTruthy();

  // The plan names the interview and its checklist among what goes.
  const card = page.getByRole('region', { name: 'Withdraw Deltaker 1 from the study' });
  const deleted = card.getByRole('table', { name: 'Will be deleted' });
  await expect(deleted.getByRole('row', { name: /Interviews \(date, length, setting, notes\).*1/ })).toBeVisible();
  await expect(deleted.getByRole('row', { name: /The interview checklists.*1/ })).toBeVisible();
  await card.screenshot({ path: test.info().outputPath('withdrawal-plan-with-interview.png') });
  await card.getByLabel('To confirm, type the pseudonym: Deltaker 1').fill('Deltaker 1');
  await card.getByRole('button', { name: 'Withdraw and delete' }).click();
  await expect(card.getByRole('status')).toContainText('Deltaker 1 has withdrawn.');

  await study.getByRole('button', { name: 'Interviews', exact: true }).click();
  await expect(page.getByText('Spoke of the neighbour')).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Deltaker 1/ })).toHaveCount(0);
});

test.describe('in Norwegian', () => {
  test.use({ hostLanguage: 'nb' });
  test('the withdrawal speaks bokmål', async ({ page }) => {
    await page.getByRole('button', { name: 'Opprett en ny studie' }).click();
    await page.getByLabel('Tittel på studien').fill('Tilbaketrekking');
    await page.getByLabel('Passordfrase', { exact: true }).fill(strongPassphrase);
    await page.getByLabel('Gjenta passordfrasen').fill(strongPassphrase);
    await page.getByLabel('Jeg forstår at en glemt passordfrase ikke kan gjenopprettes').check();
    await page.getByRole('button', { name: 'Opprett studien' }).click();
    await page.getByRole('navigation', { name: 'Studie' }).getByRole('button', { name: 'Deltakere' }).click();
    await page.getByLabel('Pseudonym', { exact: true }).fill('Deltaker 2');
    await page.getByRole('button', { name: 'Legg til deltaker' }).click();
    await page.getByRole('button', { name: 'Deltaker 2', exact: true }).click();
    const card = page.getByRole('region', { name: 'Trekk Deltaker 2 fra studien' });
    await expect(card.getByRole('table', { name: 'Blir slettet' })).toBeVisible();
    await card.getByLabel('Skriv pseudonymet for å bekrefte: Deltaker 2').fill('Deltaker 2');
    await card.getByRole('button', { name: 'Trekk og slett' }).click();
    await expect(card.getByRole('status')).toContainText('Deltaker 2 har trukket seg.');
  });
});
