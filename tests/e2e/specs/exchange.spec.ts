import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { expect, strongPassphrase, test } from '../fixtures.js';
import { callCore } from './steps.js';

const shots = process.env.GROUNDWORK_SHOTS;

test('export the demo study as a REFI-QDA project, then import that file into a new study from the start screen', async ({ page, host }) => {
  await page.getByRole('button', { name: 'Open the demo study' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
  const { codings } = await callCore<{ codings: number }>(page, 'exchange.summary', { language: 'en' });

  await page.getByRole('navigation', { name: 'Study' }).getByRole('button', { name: 'Exchange (REFI-QDA)', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Exchange with NVivo, ATLAS.ti, MAXQDA and QualCoder' })).toBeVisible();
  // The page says what leaves and what never does.
  await expect(page.getByText('Never exported: raw transcripts, names and contact details')).toBeVisible();
  await expect(page.getByText(/not anonymised yet and (is|are) left out/)).toBeVisible();

  const target = path.join(host.studiesDir, 'Demo.qdpx');
  const project = page.getByRole('region', { name: 'Export the project (.qdpx)' });
  await project.getByLabel('Windows (CRLF)').check();
  await project.getByLabel('Save as').fill(target);
  if (shots) await page.screenshot({ path: path.join(shots, 'exchange-export.png'), fullPage: true });
  await project.getByRole('button', { name: 'Export the project' }).click();
  await expect(project.getByText(/Saved Demo\.qdpx: \d+ sources?, \d+ codings/)).toBeVisible();

  const zip = await JSZip.loadAsync(fs.readFileSync(target));
  const qde = await zip.file('project.qde')!.async('string');
  expect(qde).toContain('<Project xmlns="urn:QDA-XML:project:1.0"');
  expect(Object.keys(zip.files).some((name) => /^Sources\/.+\.txt$/.test(name))).toBe(true);
  const exportedCodings = (qde.match(/<Coding /g) ?? []).length;
  expect(exportedCodings).toBeGreaterThan(0);
  expect(exportedCodings).toBeLessThanOrEqual(codings);

  // Back to the start screen, then import the file as a new study.
  await callCore(page, 'study.close', {});
  await page.reload();
  await page.getByRole('button', { name: 'Import REFI-QDA project…' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import a REFI-QDA project' })).toBeVisible();
  await page.getByLabel('Project file (.qdpx)').setInputFiles(target);
  await expect(page.getByLabel('Title of the new study')).toHaveValue('Demo');
  await page.getByLabel('Title of the new study').fill('Imported demo');
  await page.getByLabel('Save the new study as').fill(path.join(host.studiesDir, 'Imported demo.groundwork'));
  await page.getByLabel('Passphrase', { exact: true }).fill(strongPassphrase);
  await page.getByLabel('Repeat passphrase').fill(strongPassphrase);
  await page.getByLabel('I understand that the passphrase cannot be recovered if I lose it.').check();
  if (shots) await page.screenshot({ path: path.join(shots, 'exchange-import-form.png'), fullPage: true });
  await page.getByRole('button', { name: 'Import', exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'The study is ready' })).toBeVisible();
  await expect(page.getByText(new RegExp(`Transcripts: \\d+ · participants: \\d+ · codes: \\d+ · categories: \\d+ · codings: ${exportedCodings} ·`))).toBeVisible();
  await expect(page.getByText('Imported transcripts are marked raw')).toBeVisible();
  await expect(page.getByText('Everything in the file was imported.')).toBeVisible();
  if (shots) await page.screenshot({ path: path.join(shots, 'exchange-import-done.png'), fullPage: true });
  await page.getByRole('button', { name: 'Open the study' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Imported demo' })).toBeVisible();
  expect(fs.existsSync(path.join(host.studiesDir, 'Imported demo.groundwork'))).toBe(true);

  const { transcripts } = await callCore<{ transcripts: { state: string }[] }>(page, 'transcripts.list', {});
  expect(transcripts.length).toBeGreaterThan(0);
  expect(new Set(transcripts.map((transcript) => transcript.state))).toEqual(new Set(['raw']));
});

test.describe('in bokmål', () => {
  test.use({ hostLanguage: 'nb' });

  test('a file that is not a project is refused with a clear message, and no study file is made', async ({ page, host }) => {
    const bad = path.join(host.dataDir, 'ikke-et-prosjekt.qdpx');
    fs.writeFileSync(bad, '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><Project name="&a;"/>');
    await page.getByRole('button', { name: 'Importer REFI-QDA-prosjekt …' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Importer et REFI-QDA-prosjekt' })).toBeVisible();
    await page.getByLabel('Prosjektfil (.qdpx)').setInputFiles(bad);
    await page.getByLabel('Lagre den nye studien som').fill(path.join(host.studiesDir, 'Feil.groundwork'));
    await page.getByLabel('Passordfrase', { exact: true }).fill(strongPassphrase);
    await page.getByLabel('Gjenta passordfrasen').fill(strongPassphrase);
    await page.getByLabel('Jeg forstår at passordfrasen ikke kan gjenopprettes hvis jeg mister den.').check();
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect(page.getByText('Filen ble avvist: XML-en deklarerer en dokumenttype')).toBeVisible();
    expect(fs.existsSync(path.join(host.studiesDir, 'Feil.groundwork'))).toBe(false);
  });
});
