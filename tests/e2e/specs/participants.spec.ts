import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.js';
import { createStudy, openSection } from './steps.js';

/** A new study, then the participant register. */
async function newStudyAtParticipants(page: Page, title: string): Promise<void> {
  await createStudy(page, title);
  await openSection(page, 'Participants');
}

test('add a participant, define a choice attribute, fill in attributes, show and hide identifying details', async ({ page }) => {
  await newStudyAtParticipants(page, 'Participant register');

  // Add: the pseudonym is suggested.
  await expect(page.getByRole('textbox', { name: 'Pseudonym' })).toHaveValue('Deltaker 1');
  await page.getByRole('button', { name: 'Add participant' }).click();
  await expect(page.getByText('Deltaker 1 was added.')).toBeVisible();
  const list = page.getByRole('table', { name: 'Participants in the study' });
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list.getByRole('cell', { name: 'Asked via a group leader' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Pseudonym' })).toHaveValue('Deltaker 2');

  // The same pseudonym in other capitals is refused in the field itself.
  await page.getByRole('textbox', { name: 'Pseudonym' }).fill('DELTAKER 1');
  await page.getByRole('button', { name: 'Add participant' }).click();
  await expect(page.getByRole('textbox', { name: 'Pseudonym' })).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Pseudonym' })).toHaveAccessibleDescription(/already has this pseudonym/);

  // Define a choice attribute.
  await page.getByLabel('Name of the attribute').fill('Utdanning');
  await page.getByLabel('Kind of value').selectOption({ label: 'Choice' });
  await page.getByLabel('Values to choose from').fill('Grunnskole\nVideregående\nHøyere utdanning');
  await page.getByRole('button', { name: 'Add attribute' }).click();
  const attributes = page.getByRole('table', { name: 'Attributes' });
  await expect(attributes.getByRole('rowheader', { name: 'Utdanning' })).toBeVisible();
  await expect(attributes.getByRole('cell', { name: 'Choice: Grunnskole, Videregående, Høyere utdanning' })).toBeVisible();
  // Move it up by keyboard-reachable buttons.
  await page.getByRole('button', { name: 'Move Utdanning up' }).click();
  await expect(attributes.getByRole('rowheader').nth(6)).toHaveText('Utdanning');

  // Open the participant and fill in attributes, with a refused value first.
  await list.getByRole('button', { name: 'Deltaker 1' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Deltaker 1' })).toBeFocused();
  await page.getByLabel('Alder').fill('førti');
  await page.getByRole('button', { name: 'Save attributes' }).click();
  await expect(page.getByLabel('Alder')).toBeFocused();
  await expect(page.getByLabel('Alder')).toHaveAccessibleDescription(/Type a number/);
  await page.getByLabel('Alder').fill('41');
  await page.getByLabel('Kjønn').selectOption('Kvinne');
  await page.getByLabel('Utdanning').selectOption('Høyere utdanning');
  await page.getByLabel('Gruppe fullført').fill('2024-06-13');
  await page.getByLabel('Gruppe', { exact: true }).fill('Gruppe vår 2024');
  await page.getByRole('button', { name: 'Save attributes' }).click();
  await expect(page.getByText('The attributes were saved.')).toBeVisible();

  // Change the status with its date.
  await page.getByLabel('New status').selectOption({ label: 'Consented' });
  await page.getByLabel('Date', { exact: true }).fill('2026-03-10');
  await page.getByRole('button', { name: 'Change status' }).click();
  await expect(page.getByText('Current status: Consented (10 March 2026)')).toBeVisible();
  await expect(page.getByLabel('New status').getByRole('option', { name: 'Withdrawn' })).toHaveCount(0);

  // Identifying details: hidden until asked for.
  await expect(page.getByLabel('Name', { exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Show identifying details' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Kari Prøveperson');
  await page.getByLabel('Phone').fill('400 00 009');
  await page.getByRole('button', { name: 'Save identifying details' }).click();
  await expect(page.getByText('The identifying details were saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Hide identifying details' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveCount(0);
  await expect(page.getByText('Kari Prøveperson')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Show identifying details' })).toBeFocused();

  // Shown again on request; hidden again after leaving the participant.
  await page.getByRole('button', { name: 'Show identifying details' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Kari Prøveperson');
  await page.getByRole('button', { name: 'Back to all participants' }).click();
  await expect(list.getByRole('cell', { name: 'Consented' })).toBeVisible();
  await list.getByRole('button', { name: 'Deltaker 1' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Deltaker 1' })).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveCount(0);
  await expect(page.getByText('Kari Prøveperson')).toHaveCount(0);
  // The attributes were kept.
  await expect(page.getByLabel('Alder')).toHaveValue('41');
  await expect(page.getByLabel('Utdanning')).toHaveValue('Høyere utdanning');

  // Rename the attribute, then delete it: the question says how many values go with it.
  await page.getByRole('button', { name: 'Back to all participants' }).click();
  await page.getByRole('button', { name: 'Edit Utdanning' }).click();
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toBeFocused();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Utdanningsnivå');
  await page.getByRole('button', { name: 'Save attribute' }).click();
  await expect(attributes.getByRole('rowheader', { name: 'Utdanningsnivå' })).toBeVisible();
  await expect(attributes.getByRole('row', { name: /Utdanningsnivå/ }).getByRole('cell', { name: '1 participant', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Delete Utdanningsnivå' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete the attribute “Utdanningsnivå”?' });
  await expect(dialog).toHaveAccessibleDescription('Its value for 1 participant is deleted with it. This cannot be undone.');
  await dialog.getByRole('button', { name: 'Delete attribute and values' }).click();
  await expect(page.getByText('The attribute “Utdanningsnivå” was deleted.')).toBeVisible();
  await expect(attributes.getByRole('rowheader', { name: 'Utdanningsnivå' })).toHaveCount(0);
});

test('delete all identifying details at the end of the study', async ({ page }) => {
  await newStudyAtParticipants(page, 'End of study');
  await page.getByRole('button', { name: 'Add participant' }).click();
  await page.getByRole('table', { name: 'Participants in the study' }).getByRole('button', { name: 'Deltaker 1' }).click();
  await page.getByRole('button', { name: 'Show identifying details' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Kari Prøveperson');
  await page.getByRole('button', { name: 'Save identifying details' }).click();
  await expect(page.getByText('The identifying details were saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Back to all participants' }).click();

  // The list filters by status and sorts by column.
  await page.getByRole('button', { name: 'Add participant' }).click();
  const list = page.getByRole('table', { name: 'Participants in the study' });
  await expect(list.getByRole('row')).toHaveCount(3);
  await page.getByLabel('Show').selectOption({ label: 'Consented' });
  await expect(page.getByText('No participants have this status.')).toBeVisible();
  await page.getByLabel('Show').selectOption({ label: 'Asked via a group leader' });
  await expect(list.getByRole('row')).toHaveCount(3);
  await page.getByRole('button', { name: 'Sort by Pseudonym' }).click();
  await expect(list.getByRole('rowheader').first()).toHaveText('Deltaker 2');
  await expect(list.getByRole('columnheader', { name: /Pseudonym/ })).toHaveAttribute('aria-sort', 'descending');

  await expect(page.getByText('1 participant has identifying details stored now.')).toBeVisible();
  await page.getByLabel('Type DELETE to confirm').fill('delete');
  await page.getByRole('button', { name: 'Delete all identifying details' }).click();
  await expect(page.getByLabel('Type DELETE to confirm')).toHaveAccessibleDescription(/exactly, in capital letters/);
  await page.getByLabel('Type DELETE to confirm').fill('DELETE');
  await page.getByRole('button', { name: 'Delete all identifying details' }).click();
  await expect(page.getByText('The identifying details of 1 participant were deleted.')).toBeVisible();
  await expect(page.getByText(/All directly identifying details were deleted on \d+ \w+ \d{4}\./)).toBeVisible();

  await page.getByRole('table', { name: 'Participants in the study' }).getByRole('button', { name: 'Deltaker 1' }).click();
  await expect(page.getByRole('button', { name: 'Show identifying details' })).toHaveCount(0);
  await expect(page.getByText(/All directly identifying details were deleted on/)).toBeVisible();
});

test('leaving a participant with unsaved attribute values or details asks first', async ({ page }) => {
  await newStudyAtParticipants(page, 'Unsaved participant');
  await page.getByRole('button', { name: 'Add participant' }).click();
  const list = page.getByRole('table', { name: 'Participants in the study' });
  await list.getByRole('button', { name: 'Deltaker 1' }).click();
  await page.getByLabel('Alder').fill('52');

  // Back to the list: asked, and staying keeps what was typed.
  await page.getByRole('button', { name: 'Back to all participants' }).click();
  const dialog = page.getByRole('dialog', { name: 'Unsaved changes' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Stay and save' }).click();
  await expect(page.getByLabel('Alder')).toHaveValue('52');

  // Another section: asked too. Saving makes the page clean, and then nobody asks.
  await page.getByRole('navigation', { name: 'Study' }).getByRole('button', { name: 'Overview', exact: true }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Stay and save' }).click();
  await page.getByRole('button', { name: 'Save attributes' }).click();
  await expect(page.getByText('The attributes were saved.')).toBeVisible();

  // Identifying details typed but not saved: asked; leaving without saving drops them.
  await page.getByRole('button', { name: 'Show identifying details' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Ikke lagret');
  await page.getByRole('button', { name: 'Back to all participants' }).click();
  await dialog.getByRole('button', { name: 'Leave without saving' }).click();
  await expect(list).toBeVisible();
  await list.getByRole('button', { name: 'Deltaker 1' }).click();
  await expect(page.getByLabel('Alder')).toHaveValue('52');
  await page.getByRole('button', { name: 'Show identifying details' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('');
  await page.getByRole('button', { name: 'Back to all participants' }).click();
  await expect(dialog).toBeHidden();
  await expect(list).toBeVisible();
});
