import { expect, test } from '../fixtures.js';

test('the study opens on its overview, and each part leads to its section', async ({ page }) => {
  await page.getByRole('button', { name: 'Open the demo study' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Study' }).getByRole('button', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');

  const recordings = page.getByRole('region', { name: 'Recordings to delete' });
  await expect(recordings).toContainText('2 recordings are due for deletion within a week or overdue.');
  await expect(recordings.getByRole('listitem').first()).toContainText(/Recording of Deltaker 2\s*!?\s*Overdue by 3 days/);

  const participants = page.getByRole('region', { name: 'Participants' });
  await expect(participants).toContainText('6 participants in all.');
  await expect(participants.getByRole('definition')).toHaveCount(5);

  await expect(page.getByRole('region', { name: 'Consent missing' })).toContainText('Deltaker 6');
  const end = page.getByRole('region', { name: 'End of the study' });
  await expect(end).toContainText('Planned end: 30 June 2027.');
  await expect(end).toContainText(/\d+ days left\./);
  await expect(end).toContainText('Then: delete all the study’s data');
  await end.getByRole('button', { name: 'Go to the study page' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Study page' })).toBeVisible();
});

test.describe('in Norwegian', () => {
  test.use({ hostLanguage: 'nb' });

  test('the overview speaks bokmål', async ({ page }) => {
    await page.getByRole('button', { name: 'Åpne demostudien' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Oversikt' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Opptak som skal slettes' })).toContainText('Forfalt for 3 dager siden');
    await expect(page.getByRole('region', { name: 'Henvendelser som skal besvares' })).toContainText('Innsyn fra Deltaker 2');
    await expect(page.getByRole('region', { name: 'Studiens slutt' })).toContainText('Planlagt slutt: 30. juni 2027.');
    await page.getByRole('button', { name: 'Gå til lydopptakene' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Lydopptak' })).toBeVisible();
  });
});
