import path from 'node:path';
import { expect, otherStrongPassphrase, strongPassphrase, test } from '../fixtures.js';
import { createStudy, lockStudy, openSecurity, unlockWith } from './steps.js';

test('change the passphrase, then only the new one unlocks', async ({ page }) => {
  await createStudy(page, 'Passphrase change');
  await openSecurity(page);
  await page.getByLabel('Current passphrase').fill(strongPassphrase);
  await page.getByLabel('New passphrase', { exact: true }).fill(otherStrongPassphrase);
  await page.getByLabel('Repeat new passphrase').fill(otherStrongPassphrase);
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The passphrase is changed' })).toContainText('old passphrase');

  await lockStudy(page);
  await unlockWith(page, strongPassphrase);
  await expect(page.getByRole('alert')).toContainText('This passphrase does not open this file');
  await unlockWith(page, otherStrongPassphrase);
  await expect(page.getByRole('heading', { level: 1, name: 'Passphrase change' })).toBeVisible();
});

test('a wrong current passphrase is marked on its field', async ({ page }) => {
  await createStudy(page, 'Wrong current');
  await openSecurity(page);
  await page.getByLabel('Current passphrase').fill('not the current one at all');
  await page.getByLabel('New passphrase', { exact: true }).fill(otherStrongPassphrase);
  await page.getByLabel('Repeat new passphrase').fill(otherStrongPassphrase);
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  const current = page.getByLabel('Current passphrase');
  await expect(current).toBeFocused();
  await expect(current).toHaveAccessibleDescription(/current passphrase is not right/);
});

test('save a backup copy and see it listed', async ({ page, host }) => {
  await createStudy(page, 'Backup test');
  await openSecurity(page);
  await expect(page.getByText('No backup copies yet.')).toBeVisible();
  const target = path.join(host.studiesDir, 'Backup test copy.groundwork');
  await page.getByLabel('Backup file').fill(target);
  await page.getByRole('button', { name: 'Save backup copy' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Backup copy saved' })).toContainText('Backup test copy.groundwork');
  const table = page.getByRole('table', { name: 'Backup copies of this study' });
  const row = table.getByRole('row', { name: /Backup test copy\.groundwork/ });
  await expect(row).toContainText('Saved by you');
});

test('a backup into a folder that does not exist is refused plainly', async ({ page, host }) => {
  await createStudy(page, 'Backup refused');
  await openSecurity(page);
  await page.getByLabel('Backup file').fill(path.join(host.dataDir, 'no such folder', 'copy.groundwork'));
  await page.getByRole('button', { name: 'Save backup copy' }).click();
  await expect(page.getByRole('alert')).toContainText('does not exist');
});

test('the idle lock shows the unlock screen by itself', async ({ page }) => {
  await createStudy(page, 'Idle test');
  await openSecurity(page);
  await page.getByLabel('Lock automatically after').fill('0.05');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();
  // Hands off: after about three seconds the core locks the study and the UI follows.
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock the study' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('locked because it had not been used for a while')).toBeVisible();
  await unlockWith(page, strongPassphrase);
  await expect(page.getByRole('heading', { level: 1, name: 'Idle test' })).toBeVisible();
});

test('the suggested backup file works as it is, in the demo study too', async ({ page }) => {
  await page.getByRole('button', { name: 'Open the demo study' }).click();
  await openSecurity(page);
  await expect(page.getByLabel('Backup file')).toHaveValue(/Demo study copy .+\.groundwork$/);
  await page.getByRole('button', { name: 'Save backup copy' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Backup copy saved' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Backup copies of this study' }).getByRole('row')).toHaveCount(2);
});
