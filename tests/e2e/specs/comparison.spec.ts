import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.js';
import { anonymise, callCore, openSection } from './steps.js';

type Line = { id: string; text: string };
type Transcript = { id: number; pseudonym: string; state: string };

/** The demo's two interviews, both anonymised, coded through the bridge as the workspace would (whole lines found by their words). */
async function codeTwoInterviews(page: Page): Promise<void> {
  const { transcripts } = await callCore<{ transcripts: Transcript[] }>(page, 'transcripts.list', {});
  const raw = transcripts.find((transcript) => transcript.pseudonym === 'Deltaker 2')!;
  await anonymise(page, raw.id);
  const lines = new Map<string, { id: number; content: Line[] }>();
  for (const pseudonym of ['Deltaker 1', 'Deltaker 2']) {
    const transcript = transcripts.find((candidate) => candidate.pseudonym === pseudonym)!;
    lines.set(pseudonym, { id: transcript.id, content: (await callCore<{ content: Line[] }>(page, 'transcripts.get', { id: transcript.id })).content });
  }
  const passage = (pseudonym: string, words: string) => {
    const transcript = lines.get(pseudonym)!;
    const line = transcript.content.find((candidate) => candidate.text.includes(words))!;
    return { transcriptId: transcript.id, startLineId: line.id, startOffset: 0, endLineId: line.id, endOffset: line.text.length };
  };
  const understood = await callCore<{ code: { id: number } }>(page, 'coding.apply', {
    code: { name: 'being understood', level: 'initial' },
    passages: [passage('Deltaker 1', 'De spurte hva som betydde noe'), passage('Deltaker 2', 'noen vet hvordan det er')],
  });
  await callCore(page, 'coding.apply', {
    code: { name: 'keeping small routines', level: 'initial' },
    passages: [passage('Deltaker 1', 'samme tid hver dag'), passage('Deltaker 2', 'tre små ting')],
  });
  await callCore(page, 'coding.raise', { initialCodeIds: [understood.code.id], focused: { name: 'belonging' } });
}

test('compare passages of two codes across two interviews, filter by age, read the matrix, search and code every line found', async ({ page }) => {
  await page.getByRole('button', { name: 'Open the demo study' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
  await codeTwoInterviews(page);
  await openSection(page, 'Compare');

  // The focused code's passages are its initial code's, from both interviews, in participant order.
  await page.getByLabel('Code or category').selectOption({ label: 'belonging (2)' });
  const first = page.getByRole('region', { name: 'belonging' });
  await expect(first.getByText('2 passages from 2 participants')).toBeVisible();
  await expect(first.getByRole('article').first()).toContainText('being understood');
  await expect(first.getByRole('heading', { level: 4 })).toHaveText([/^Deltaker 1/, /^Deltaker 2/]);
  await expect(first.getByText('initial code under “belonging”')).toHaveCount(2);
  await expect(first.getByText('De spurte hva som betydde noe.')).toBeVisible();
  await expect(first.getByText('At noen vet hvordan det er.')).toBeVisible();

  // Side by side with a second code.
  await page.getByLabel('Compare with').selectOption({ label: 'keeping small routines (2)' });
  const second = page.getByRole('region', { name: 'keeping small routines' });
  await expect(second.getByText('2 passages from 2 participants')).toBeVisible();
  await expect(second.getByText(/tre små ting/)).toBeVisible();

  // More context on demand: the lines around the passage, of the anonymised transcript.
  const passage = first.getByRole('article').first();
  await passage.getByRole('button', { name: 'More context' }).click();
  await expect(passage.getByRole('list', { name: 'Before the passage' }).getByRole('listitem')).toHaveCount(3);
  await expect(passage.getByRole('list', { name: 'After the passage' })).toContainText('Du sier at de spurte');
  await page.screenshot({ path: '/tmp/cmp-passages.png', fullPage: true });

  // Only participants aged 40 or more (Deltaker 2 is 52, Deltaker 1 is 34).
  await page.getByRole('button', { name: 'Add a condition' }).click();
  await page.getByLabel('Attribute').selectOption({ label: 'Alder' });
  await page.getByLabel('From', { exact: true }).fill('40');
  await expect(first.getByText('1 passage from 1 participant')).toBeVisible();
  await expect(second.getByText('1 passage from 1 participant')).toBeVisible();
  await expect(first.getByRole('heading', { level: 4 })).toHaveText([/^Deltaker 2/]);
  await page.screenshot({ path: '/tmp/cmp-filtered.png', fullPage: true });

  // Instead: those who completed the group between 1 October 2024 and a year ago (Deltaker 1 completed it in June 2024).
  await page.getByRole('button', { name: 'Remove the condition on Alder' }).click();
  await expect(first.getByText('2 passages from 2 participants')).toBeVisible();
  await page.getByRole('button', { name: 'Add a condition' }).click();
  await page.getByLabel('Attribute').selectOption({ label: 'Gruppe fullført' });
  await page.getByRole('combobox', { name: 'Date', exact: true }).selectOption('between');
  await page.getByLabel('From', { exact: true }).fill('2024-10-01');
  await expect(page.getByText('Not applied until it is complete.')).toBeVisible();
  await page.getByRole('button', { name: 'A year ago' }).click();
  await expect(first.getByText('1 passage from 1 participant')).toBeVisible();
  await expect(first.getByRole('heading', { level: 4 })).toHaveText([/^Deltaker 2/]);

  // The matrix: counts per code and participant; a cell shows its passages.
  await page.getByRole('tab', { name: 'Codes × participants' }).click();
  const matrix = page.getByRole('table', { name: 'Passages per code and participant' });
  await expect(matrix.getByRole('columnheader')).toContainText(['Code', 'Deltaker 1', 'Deltaker 2', 'Total']);
  await page.getByRole('button', { name: '1 passage of “belonging” from Deltaker 2' }).click();
  await expect(page.getByRole('heading', { name: '“belonging” — Deltaker 2' })).toBeFocused();
  await expect(page.getByText('At noen vet hvordan det er.')).toBeVisible();
  await page.screenshot({ path: '/tmp/cmp-matrix.png', fullPage: true });

  // Co-occurrence of the focused codes.
  await page.getByRole('tab', { name: 'Co-occurrence' }).click();
  await expect(page.getByRole('table', { name: 'Overlapping passages per pair of codes' }).getByRole('columnheader', { name: 'belonging' })).toBeVisible();
  await page.screenshot({ path: '/tmp/cmp-cooccurrence.png', fullPage: true });

  // Search across both interviews; what is typed is only ever words.
  await page.getByRole('tab', { name: 'Search' }).click();
  await page.getByLabel('Search for').fill('"NEAR(gruppa');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'No lines found.' })).toBeVisible();
  await page.getByLabel('Search for').fill('gruppa');
  await page.getByLabel('Search for').press('Enter');
  await expect(page.getByRole('heading', { name: /lines found/ })).toBeVisible();
  const results = page.getByRole('region', { name: /lines found/ });
  await expect(results.getByRole('heading', { level: 4 })).toHaveText([/^Deltaker 1/, /^Deltaker 2/]);
  await expect(results.locator('mark').first()).toHaveText(/gruppa/i);
  const found = Number(/(\d+) lines found/.exec((await page.getByRole('heading', { name: /lines found/ }).textContent())!)![1]);
  await page.screenshot({ path: '/tmp/cmp-search.png', fullPage: true });

  // Code every line found, in one step, and undo it.
  await page.getByLabel('Code every line found as').fill('talking about the group');
  await page.getByRole('button', { name: `Code all ${found} lines` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Coded ${found} lines as “talking about the group”.` })).toBeVisible();
  const codebook = await callCore<{ codes: { name: string; codings: number }[] }>(page, 'coding.codebook', {});
  expect(codebook.codes.find((code) => code.name === 'talking about the group')?.codings).toBe(found);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByText('Undone.')).toBeVisible();
  const after = await callCore<{ codes: { name: string }[] }>(page, 'coding.codebook', {});
  expect(after.codes.map((code) => code.name)).not.toContain('talking about the group');

  // A result opens its line in the coding workspace.
  await results.getByRole('button', { name: /^Open lines/ }).first().click();
  await expect(page.getByRole('navigation', { name: 'Study' }).getByRole('button', { name: 'Coding', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 2, name: /^Deltaker 1/ })).toBeVisible();
});

test.describe('in bokmål', () => {
  test.use({ hostLanguage: 'nb' });
  test('a category’s passages and a search, in Norwegian', async ({ page }) => {
    await page.getByRole('button', { name: 'Åpne demostudien' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Oversikt' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Studie' }).getByRole('button', { name: 'Sammenlign', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Sammenlign' })).toBeVisible();

    // The demo's main category: its subcategories' focused codes, through the initial codes they subsume.
    await page.getByLabel('Kode eller kategori').selectOption({ label: 'Å finne fotfeste igjen' });
    const passages = page.getByRole('region', { name: 'Å finne fotfeste igjen' });
    await expect(passages.getByText(/^\d+ utdrag fra 1 deltaker$/)).toBeVisible();
    await expect(passages.getByText('innledende kode under «Å finne en rytme i hverdagen»').first()).toBeVisible();
    await expect(passages.getByRole('button', { name: 'Mer sammenheng' }).first()).toBeVisible();
    await page.screenshot({ path: '/tmp/cmp-nb-passages.png', fullPage: true });

    await page.getByRole('tab', { name: 'Søk' }).click();
    await page.getByLabel('Søk etter').fill('gruppa');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    // Deltaker 2's transcript is raw in the demo: only Deltaker 1's lines are found.
    await expect(page.getByRole('heading', { name: /linjer? funnet/ })).toBeVisible();
    await expect(page.getByRole('region', { name: /linjer? funnet/ }).getByRole('heading', { level: 4 })).toHaveText([/^Deltaker 1/]);
    await expect(page.getByRole('button', { name: /^Kod (alle )?\d+ linje/ })).toBeVisible();
    await page.screenshot({ path: '/tmp/cmp-nb-search.png', fullPage: true });
  });
});
