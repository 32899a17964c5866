import { expect, strongPassphrase, test } from '../fixtures.js';
import { createStudy, lockStudy, openStudyPage, unlockWith } from './steps.js';

test('create a study, then find it in the recent list', async ({ page }) => {
  await createStudy(page, 'Finding a foothold');
  await expect(page.getByLabel('Study title')).toHaveValue('Finding a foothold');
  await lockStudy(page);
  await page.getByRole('button', { name: 'Back to the start screen' }).click();
  await expect(page.getByRole('heading', { name: 'Recent studies' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open Finding a foothold.groundwork' })).toBeVisible();
});

test('a weak passphrase and a mismatch are refused inline, and focus goes to the first', async ({ page }) => {
  await page.getByRole('button', { name: 'Create a new study' }).click();
  await page.getByLabel('Study title').fill('Weak attempt');
  await page.getByLabel('Passphrase', { exact: true }).fill('password1');
  await page.getByLabel('Repeat passphrase').fill('password2');
  await expect(page.getByRole('meter', { name: 'Strength' })).toHaveAttribute('aria-valuetext', /easy to guess/i);
  await page.getByRole('button', { name: 'Create study' }).click();
  const passphrase = page.getByLabel('Passphrase', { exact: true });
  await expect(passphrase).toBeFocused();
  await expect(passphrase).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Repeat passphrase')).toHaveAccessibleDescription(/not the same/);
  await expect(page.getByLabel('I understand that a forgotten passphrase cannot be recovered')).toHaveAttribute('aria-invalid', 'true');
  // Still on the form: nothing was created.
  await expect(page.getByRole('heading', { level: 1, name: 'Create a new study' })).toBeVisible();
});

test('lock and unlock', async ({ page }) => {
  await createStudy(page, 'Lock test');
  await lockStudy(page);
  await expect(page.getByText('Lock test.groundwork')).toBeVisible();
  await unlockWith(page, strongPassphrase);
  await expect(page.getByRole('heading', { level: 1, name: 'Lock test' })).toBeVisible();
});

test('Ctrl+L locks the study', async ({ page }) => {
  await createStudy(page, 'Shortcut test');
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock the study' })).toBeVisible();
});

test('a wrong passphrase gives the message and the study stays locked', async ({ page }) => {
  await createStudy(page, 'Wrong passphrase test');
  await lockStudy(page);
  await unlockWith(page, 'this is certainly not it');
  await expect(page.getByRole('alert')).toContainText('This passphrase does not open this file');
  await expect(page.getByRole('alert')).toContainText('Caps Lock');
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock the study' })).toBeVisible();
  // A reload asks the core afresh: still locked.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock the study' })).toBeVisible();
  await unlockWith(page, strongPassphrase);
  await expect(page.getByRole('heading', { level: 1, name: 'Wrong passphrase test' })).toBeVisible();
});

test('the study page saves, and says so', async ({ page }) => {
  await createStudy(page, 'Saving test');
  await page.getByLabel('Institution').fill('Fjordvik University College');
  await page.getByLabel('Your name (the researcher)').fill('Mari Lindseth');
  await page.getByLabel('Data-protection officer').fill('dpo@fjordvik.example');
  await page.getByRole('button', { name: 'Add a research question' }).click();
  await expect(page.getByLabel('Research question 1')).toBeFocused();
  await page.getByLabel('Research question 1').fill('What did the group mean to its members?');
  await page.getByLabel('REK decision', { exact: true }).selectOption({ label: 'Approved' });
  await page.getByLabel('Date of the REK decision').fill('2026-03-01');
  await page.getByLabel('Anonymise by deleting the key that links codes to people').check();
  await expect(page.getByRole('status').filter({ hasText: 'Unsaved changes' })).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  await lockStudy(page);
  await unlockWith(page, strongPassphrase);
  await openStudyPage(page);
  await expect(page.getByLabel('Institution')).toHaveValue('Fjordvik University College');
  await expect(page.getByLabel('Your name (the researcher)')).toHaveValue('Mari Lindseth');
  await expect(page.getByLabel('Data-protection officer')).toHaveValue('dpo@fjordvik.example');
  await expect(page.getByLabel('Research question 1')).toHaveValue('What did the group mean to its members?');
  await expect(page.getByLabel('REK decision', { exact: true })).toHaveValue('approved');
  await expect(page.getByLabel('Date of the REK decision')).toHaveValue('2026-03-01');
  await expect(page.getByLabel('Anonymise by deleting the key that links codes to people')).toBeChecked();
});

test('leaving the study page with unsaved changes asks first', async ({ page }) => {
  await createStudy(page, 'Unsaved test');
  await page.getByLabel('Institution').fill('Not saved yet');
  await page.getByRole('button', { name: 'Security and backups' }).click();
  const dialog = page.getByRole('dialog', { name: 'Unsaved changes' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Stay and save' }).click();
  await expect(page.getByLabel('Institution')).toHaveValue('Not saved yet');
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.getByRole('button', { name: 'Security and backups' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Security and backups' })).toBeVisible();
});

test('closing the window with unsaved changes asks first', async ({ page }) => {
  await createStudy(page, 'Unsaved close test');
  await page.getByLabel('Institution').fill('Not saved yet');
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  expect(page.isClosed()).toBe(false);
});
