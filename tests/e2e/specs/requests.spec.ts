import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.js';

async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Study' }).getByRole('button', { name, exact: true }).click();
}

test('register a request and see its due date: one calendar month, 31 January giving 28 February', async ({ page }) => {
  await page.getByRole('button', { name: 'Open the demo study' }).click();
  await openSection(page, 'Requests');
  await expect(page.getByRole('heading', { level: 2, name: 'Requests about a person’s rights' })).toBeVisible();

  await page.getByRole('button', { name: 'Register a request' }).click();
  await expect(page.getByLabel('What the person asks for')).toBeFocused();
  await page.getByLabel('What the person asks for').selectOption({ label: 'Erasure: delete their data' });
  await page.getByLabel('Received on').fill('2026-01-31');
  await expect(page.getByLabel('Received on')).toHaveAccessibleDescription('Answer by 28 February 2026 (one calendar month later).');
  await page.getByLabel('Participant (optional)').selectOption({ label: 'Deltaker 5' });
  await page.getByLabel('Notes', { exact: true }).fill('By letter');
  await page.getByRole('button', { name: 'Register request' }).click();
  await expect(page.getByText('The request is registered. Answer by 28 February 2026.')).toBeVisible();

  const table = page.getByRole('table', { name: 'All requests: open ones first, the nearest deadline first' });
  const row = table.getByRole('row', { name: /Erasure/ });
  await expect(row).toContainText('Deltaker 5');
  await expect(row).toContainText('28 Feb 2026');
  // Long past: it leads the list, overdue in words.
  await expect(table.getByRole('row').nth(1)).toContainText('Erasure');
  await expect(row).toContainText(/Overdue by \d+ days/);

  // An extension is capped at three months from receipt and needs a reason.
  await row.getByRole('button', { name: 'Extend the deadline: Erasure, received 31 January 2026' }).click();
  await expect(page.getByText('no later than 30 April 2026')).toBeVisible();
  await page.getByRole('button', { name: 'Extend', exact: true }).click();
  await expect(page.getByLabel('Reason for the extension')).toBeFocused();
  await page.getByLabel('New deadline').fill('2026-05-01');
  await page.getByLabel('Reason for the extension').fill('Many requests at once');
  await page.getByRole('button', { name: 'Extend', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('at most two further months');
  await page.getByLabel('New deadline').fill('2026-04-30');
  await page.getByRole('button', { name: 'Extend', exact: true }).click();
  await expect(page.getByText('The deadline is extended to 30 April 2026.')).toBeVisible();
  await expect(row).toContainText('Extended from 28 Feb 2026: Many requests at once');

  // The overview lists it among the requests to answer.
  await openSection(page, 'Overview');
  const card = page.getByRole('region', { name: 'Requests to answer' });
  await expect(card).toContainText('2 requests are waiting for an answer.');
  await expect(card.getByRole('listitem').first()).toContainText('Erasure from Deltaker 5');

  await card.getByRole('button', { name: 'Go to requests' }).click();
  await row.getByRole('button', { name: 'Record the answer: Erasure, received 31 January 2026' }).click();
  await page.getByLabel('Answered on').fill('2026-04-20');
  await page.getByRole('button', { name: 'Save the answer' }).click();
  await expect(page.getByText('The answer is recorded.')).toBeVisible();
  await expect(row).toContainText('Answered 20 Apr 2026');
  await expect(table.getByRole('row').nth(1)).toContainText('Access');
});
