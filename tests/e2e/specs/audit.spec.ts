import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, test } from '../fixtures.js';

test('the audit trail: filter by kind and date, export the filtered trail to CSV, see the export recorded', async ({ page, host }) => {
  await page.getByRole('button', { name: 'Open the demo study' }).click();
  await page.getByRole('navigation', { name: 'Study' }).getByRole('button', { name: 'Audit trail' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Audit trail' })).toBeVisible();
  const trail = page.getByRole('table', { name: 'Events, newest first' });
  await expect(trail.getByRole('rowheader', { name: 'Study created' })).toBeVisible();

  await page.getByLabel('Kind of event').selectOption({ label: 'Study created' });
  await expect(page.getByText('Showing 1–1 of 1')).toBeVisible();
  await expect(trail.getByRole('row')).toHaveCount(2);

  // A range that ends before today shows nothing.
  await page.getByLabel('To').fill('2000-01-01');
  await expect(page.getByText('No events match the filter.')).toBeVisible();
  await page.getByLabel('To').fill('');
  await expect(page.getByText('Showing 1–1 of 1')).toBeVisible();

  const target = path.join(host.dataDir, 'Audit trail.csv');
  await page.getByLabel('Format').selectOption({ label: 'CSV for Excel (UTF-8, semicolons)' });
  await page.getByLabel('Save as').fill(target);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByText(/The audit trail was saved to .*Audit trail\.csv \(1 event\)/)).toBeVisible();
  const rows = parse(fs.readFileSync(target, 'utf8'), { bom: true, delimiter: ';' }) as string[][];
  expect(rows).toEqual([['Time (UTC)', 'Event', 'Details', 'Event code'], [expect.stringMatching(/^\d{4}-\d\d-\d\dT/), 'Study created', '', 'study.created']]);

  await page.getByRole('button', { name: 'Show everything' }).click();
  const newest = trail.getByRole('row').nth(1);
  await expect(newest).toContainText('Export saved');
  await expect(newest).toContainText('what: audit trail; format: csv; rows: 1');
});
