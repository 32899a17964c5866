import { expect, test } from '../fixtures.js';
import { openStudyPage } from './steps.js';

test('switch the language to Norsk bokmål and see the start screen in Norwegian', async ({ page }) => {
  await expect(page.getByRole('button', { name: 'Create a new study' })).toBeVisible();
  await page.getByLabel('Language').selectOption({ label: 'Norsk bokmål' });
  await expect(page.getByRole('button', { name: 'Opprett en ny studie' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Åpne demostudien' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Nylig brukte studier' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  // The choice is kept: a reload asks the core and stays Norwegian.
  await page.reload();
  await expect(page.getByLabel('Språk')).toHaveValue('nb');
  await expect(page.getByRole('button', { name: 'Opprett en ny studie' })).toBeVisible();
  await page.getByLabel('Språk').selectOption({ label: 'English' });
  await expect(page.getByRole('button', { name: 'Create a new study' })).toBeVisible();
});

test('open the demo study and see its study page filled', async ({ page }) => {
  await page.getByRole('button', { name: 'Open the demo study' }).click();
  await expect(page.getByRole('note')).toContainText('demo-study-fictional-data');
  await openStudyPage(page);
  await expect(page.getByLabel('Study title')).toHaveValue(/recoverygruppe/);
  await expect(page.getByLabel('Research question 1')).not.toHaveValue('');
  await expect(page.getByLabel('Name of supervisor 1')).toHaveValue(/oppdiktet/);
  await expect(page.getByLabel('REK decision', { exact: true })).toHaveValue('notRequired');
  await expect(page.getByLabel('Planned end of the project')).toHaveValue('2027-06-30');

  // Once locked, the unlock screen gives the demo's passphrase.
  await page.getByRole('button', { name: 'Lock study' }).click();
  await expect(page.getByText('This is the demo study')).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill('demo-study-fictional-data');
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await openStudyPage(page);
  await expect(page.getByLabel('Study title')).toHaveValue(/recoverygruppe/);
});

test('open a study by typing its path, without native dialogs', async ({ page, host }) => {
  await page.getByRole('button', { name: 'Open a study…' }).click();
  await page.getByLabel('File', { exact: true }).fill(`${host.studiesDir}/Missing.groundwork`);
  await page.getByRole('button', { name: 'Open this file' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock the study' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill('anything at all here');
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('There is no study file at this location');
});
