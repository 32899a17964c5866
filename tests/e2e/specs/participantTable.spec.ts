import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from '../fixtures.js';

const shots = process.env.GROUNDWORK_SHOTS;

test('build the table with an age band, see the risk, export XLSX and find the export in the audit trail', async ({ page, host }) => {
  await page.getByRole('button', { name: 'Open the demo study' }).click();
  const nav = page.getByRole('navigation', { name: 'Study' });
  await nav.getByRole('button', { name: 'Participant table' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Participant table' })).toBeVisible();

  // Every attribute starts left out; nothing to preview yet.
  await expect(page.getByText('Choose at least one column to show.')).toBeVisible();

  await page.getByLabel('How to show Alder').selectOption({ label: 'In bands (numbers)' });
  await page.getByLabel('Band width').fill('10');
  await page.getByLabel('First band starts at').fill('20');
  await expect(page.getByText('For example: 20–29, 30–39, 40–49')).toBeVisible();
  await page.getByLabel('Column heading for Alder').fill('Age');
  await page.getByLabel('How to show Kjønn').selectOption({ label: 'As entered' });
  await page.getByLabel('Table caption').fill('Participants');
  await page.getByRole('button', { name: 'Save and update the preview' }).click();
  await expect(page.getByText('Saved. The preview shows the table as it will be exported.')).toBeVisible();

  const table = page.getByRole('table', { name: 'Participants' });
  await expect(table.getByRole('columnheader', { name: 'Age' })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'Participant 1', exact: true })).toBeVisible();
  // The one man in the demo is unique on gender alone: the warning names the column.
  await expect(page.getByText(/rows? (is|are) the only/)).toBeVisible();
  await expect(table.getByRole('cell', { name: /Unique on: .*Kjønn/ }).first()).toBeVisible();
  // No real pseudonym: the demo's are "Deltaker n", the table's rows are "Participant n" in English.
  await expect(table.getByText(/Deltaker/)).toHaveCount(0);
  if (shots) await page.screenshot({ path: path.join(shots, 'table-en.png'), fullPage: true });

  const target = path.join(host.dataDir, 'Participant table.xlsx');
  await page.getByLabel('Format').selectOption({ label: 'Spreadsheet (XLSX)' });
  await page.getByLabel('Save as').fill(target);
  await page.getByRole('button', { name: 'Export the table' }).click();
  await expect(page.getByText(/The table was saved to .*Participant table\.xlsx/)).toBeVisible();

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(target);
  const sheet = workbook.worksheets[0]!;
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Participant', 'Age', 'Kjønn']);
  const rows = sheet.getRows(2, sheet.rowCount - 1)!.map((row) => (row.values as unknown[]).slice(1));
  expect(rows.length).toBeGreaterThan(1);
  for (const row of rows) {
    expect(String(row[0])).toMatch(/^Participant \d+$/);
    expect(String(row[1])).toMatch(/^\d0–\d9$/);
  }

  await nav.getByRole('button', { name: 'Audit trail' }).click();
  const trail = page.getByRole('table', { name: 'Events, newest first' });
  const newest = trail.getByRole('row').nth(1);
  await expect(newest).toContainText('Export saved');
  await expect(newest).toContainText('participant table');
  await expect(newest).toContainText('format: xlsx');
  await page.getByLabel('Kind of event').selectOption({ label: 'Export saved' });
  await expect(page.getByText('Showing 1–1 of 1')).toBeVisible();
  if (shots) await page.screenshot({ path: path.join(shots, 'audit-en.png'), fullPage: true });
  expect(fs.existsSync(target)).toBe(true);
});

test.describe('in bokmål', () => {
  test.use({ hostLanguage: 'nb' });
  test('the table and the trail speak Norwegian', async ({ page }) => {
    await page.getByRole('button', { name: 'Åpne demostudien' }).click();
    const nav = page.getByRole('navigation', { name: 'Studie' });
    await nav.getByRole('button', { name: 'Deltakertabell' }).click();
    await page.getByLabel('Hvordan Gruppe fullført skal vises').selectOption({ label: 'Som tid før en dato' });
    await page.getByLabel('Referansedato').fill('2026-03-15');
    await page.getByLabel('Hvordan Familiesituasjon skal vises').selectOption({ label: 'I egne grupper' });
    await page.getByLabel('Grupper for Familiesituasjon').fill('i parforhold: Samboer; Samboer, ett barn; Gift, to barn\nenslig: Enslig; Enslig, voksne barn; Enke');
    await page.getByRole('button', { name: 'Lagre og oppdater forhåndsvisningen' }).click();
    await expect(page.getByRole('columnheader', { name: 'Gruppe fullført' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'i parforhold' })).toHaveCount(3);
    await expect(page.getByRole('cell', { name: 'enslig', exact: true })).toHaveCount(3);
    await expect(page.getByRole('cell', { name: /år siden/ }).first()).toBeVisible();
    if (shots) await page.screenshot({ path: path.join(shots, 'table-nb.png'), fullPage: true });
    await nav.getByRole('button', { name: 'Logg' }).click();
    await expect(page.getByRole('table', { name: 'Hendelser, nyeste først' })).toContainText('Studien ble opprettet');
    if (shots) await page.screenshot({ path: path.join(shots, 'audit-nb.png'), fullPage: true });
  });
});
