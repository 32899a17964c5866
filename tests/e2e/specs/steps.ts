import type { Page } from '@playwright/test';
import { expect, strongPassphrase } from '../fixtures.js';

/** Creates a study through the form, as a researcher would, and waits for its study page. */
export async function createStudy(page: Page, title: string, passphrase = strongPassphrase): Promise<void> {
  await page.getByRole('button', { name: 'Create a new study' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create a new study' })).toBeVisible();
  await page.getByLabel('Study title').fill(title);
  // The file name follows the title until the researcher edits it.
  await expect(page.getByLabel('File', { exact: true })).toHaveValue(new RegExp(`${title}\\.groundwork$`));
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Repeat passphrase').fill(passphrase);
  await page.getByLabel('I understand that a forgotten passphrase cannot be recovered').check();
  await page.getByRole('button', { name: 'Create study' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  // A study opens on its overview; these steps continue on the study page.
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
  await openStudyPage(page);
}

/** Goes to a section of the open study through its navigation and waits for the section's heading. */
export async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Study' }).getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
}

/** Deltaker 1, added with the suggested pseudonym and a consent signed on 2 March 2026 (the defaults otherwise). */
export async function addConsentedParticipant(page: Page): Promise<void> {
  await openSection(page, 'Participants');
  // The pseudonym is suggested once the page has loaded; a click before that finds the field empty.
  await expect(page.getByLabel('Pseudonym')).toHaveValue('Deltaker 1');
  await page.getByRole('button', { name: 'Add participant' }).click();
  await expect(page.getByText('Deltaker 1 was added.')).toBeVisible();
  await openSection(page, 'Consent');
  await page.getByRole('button', { name: 'Record a consent' }).click();
  await page.getByLabel('Signed on').fill('2026-03-02');
  await page.getByRole('button', { name: 'Record the consent' }).click();
  await expect(page.getByText('The consent of Deltaker 1 is recorded.')).toBeVisible();
}

export async function openStudyPage(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Study' }).getByRole('button', { name: 'Study page' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Study page' })).toBeVisible();
}

export async function lockStudy(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lock study' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock the study' })).toBeVisible();
}

export async function unlockWith(page: Page, passphrase: string): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
}

export async function openSecurity(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Study' }).getByRole('button', { name: 'Security and backups' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Security and backups' })).toBeVisible();
}

/** Calls the core through the page's bridge, for setup that a test does not drive through forms. */
export async function callCore<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    ([name, value]) => (globalThis as unknown as { groundwork: { invoke(c: string, i: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> } }).groundwork.invoke(name, value),
    [channel, input] as const,
  );
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** Finishes the anonymisation review of a transcript through the bridge, accepting what the detector proposes. */
export async function anonymise(page: Page, transcriptId: number): Promise<void> {
  let review = await callCore<{ transcript: { revision: number }; hits: { id: number; decision: string }[] }>(page, 'anonymisation.review', { transcriptId });
  for (let open = review.hits.find((hit) => hit.decision === 'open'); open; open = review.hits.find((hit) => hit.decision === 'open')) {
    await callCore(page, 'anonymisation.decide', { transcriptId, hitId: open.id, decision: 'accepted', reach: 'hit' });
    review = await callCore(page, 'anonymisation.review', { transcriptId });
  }
  await callCore(page, 'anonymisation.finish', { transcriptId, revision: review.transcript.revision });
}

/** A participant with a consent, an interview, and a pasted transcript of it, through the UI. */
export async function pasteTranscript(page: Page, text: string): Promise<void> {
  await addConsentedParticipant(page);
  await openSection(page, 'Interviews');
  await page.getByRole('button', { name: 'Register an interview' }).click();
  await expect(page.getByLabel('Participant', { exact: true })).toHaveValue(/\d+/);
  await page.getByLabel('Date', { exact: true }).fill('2026-03-10');
  await page.getByLabel('Time (Norwegian time)').fill('13:30');
  await page.getByRole('radio', { name: 'The participant’s home' }).check();
  await page.getByRole('button', { name: 'Save the interview' }).click();
  await expect(page.getByText('The interview with Deltaker 1 is registered.')).toBeVisible();
  await openSection(page, 'Transcripts');
  await page.getByRole('button', { name: 'New transcript' }).click();
  await page.getByLabel('Interview', { exact: true }).selectOption({ label: 'Deltaker 1, 10 March 2026, 13:30' });
  await page.getByRole('radio', { name: 'Paste the text here' }).check();
  await page.getByLabel('Text', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Create transcript' }).click();
  await expect(page.getByText('Raw', { exact: true })).toBeVisible();
}
