import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures.js';
import { callCore, openSection } from './steps.js';

type Line = { id: string; text: string };

/**
 * Initial codes on the demo's anonymised interview (Deltaker 1), applied through the bridge as the
 * workspace would: each to whole lines (1-based line numbers).
 */
async function codeTheDemoInterview(page: Page, codes: Record<string, number[]>): Promise<void> {
  for (const [name, lines] of Object.entries(codes)) {
    await callCore(page, 'coding.apply', { code: { name, level: 'initial' }, passages: await wholeLines(page, lines) });
  }
}

/** Whole lines of the demo's anonymised interview as passages (1-based line numbers). */
async function wholeLines(page: Page, numbers: number[]) {
  const { transcripts } = await callCore<{ transcripts: { id: number; state: string }[] }>(page, 'transcripts.list', {});
  const transcript = transcripts.find((candidate) => candidate.state === 'anonymised')!;
  const { content } = await callCore<{ content: Line[] }>(page, 'transcripts.get', { id: transcript.id });
  return numbers.map((number) => {
    const line = content[number - 1]!;
    return { transcriptId: transcript.id, startLineId: line.id, startOffset: 0, endLineId: line.id, endOffset: line.text.length };
  });
}

/** The code list's row of a code. */
const row = (page: Page, name: string): Locator => page.getByRole('table', { name: 'Codes' }).getByRole('row').filter({ has: page.getByRole('button', { name, exact: true }) });
const choose = (page: Page, name: string) => page.getByRole('checkbox', { name: `Choose ${name}`, exact: true });
const detail = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

async function openCodebook(page: Page): Promise<void> {
  await openSection(page, 'Codes and categories');
}

test('codes: raise initial codes into a focused code, rename, merge and split with history, delete and undo', async ({ page }) => {
  await page.getByRole('button', { name: 'Open the demo study' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
  await codeTheDemoInterview(page, {
    'feeling seen': [19, 20],
    'being asked what matters': [10, 20],
    'sitting by the door': [17],
    'keeping appointments': [13],
    'holding to agreements': [13, 14],
    'getting up at the same time': [4, 5],
  });
  await openCodebook(page);
  const list = page.getByRole('table', { name: 'Codes' });
  await expect(row(page, 'feeling seen')).toContainText('Initial');
  await expect(row(page, 'feeling seen').getByRole('cell').nth(3)).toHaveText('2');
  await expect(row(page, 'feeling seen').getByRole('cell').nth(4)).toHaveText('1');

  // A focused code typed into the codebook (for the second pass), with the name check.
  await page.getByLabel('New code', { exact: true }).fill('Finding a rhythm');
  await page.getByLabel('Level of the new code').selectOption('focused');
  await page.getByRole('button', { name: 'Add code' }).click();
  await expect(page.getByText('The focused code “Finding a rhythm” was added.')).toBeVisible();
  await page.getByLabel('New code', { exact: true }).fill('finding a rhythm');
  await page.getByLabel('Level of the new code').selectOption('focused');
  await page.getByRole('button', { name: 'Add code' }).click();
  await expect(page.getByText('The name “finding a rhythm” is already used by another focused code.')).toBeVisible();
  await page.getByLabel('New code', { exact: true }).fill('');

  // Filters: text, and the level (the demo study has codes of its own, in Norwegian).
  await page.getByRole('search').getByLabel('Find').fill('seen');
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list.getByRole('row').nth(1)).toContainText('feeling seen');
  await page.getByRole('search').getByLabel('Level').selectOption('focused');
  await expect(page.getByText('No code matches.')).toBeVisible();
  await page.getByRole('search').getByLabel('Find').fill('rhythm');
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list.getByRole('row').nth(1)).toContainText('Finding a rhythm');
  await page.getByRole('search').getByLabel('Level').selectOption('any');
  await page.getByRole('search').getByLabel('Find').fill('');
  await page.getByRole('search').getByLabel('Sort').selectOption('codings');
  // Most codings first (a focused code counts what it subsumes).
  await expect
    .poll(async () => {
      const counts = (await list.locator('tbody tr[data-row] td:nth-child(5)').allTextContents()).map(Number);
      return counts.length > 5 && counts.every((count, index) => index === 0 || counts[index - 1]! >= count);
    })
    .toBe(true);

  // Raise two initial codes into a new focused code: choose with the checkbox, then Shift-click the range.
  await page.getByRole('search').getByLabel('Sort').selectOption('name');
  await choose(page, 'being asked what matters').click();
  await choose(page, 'Finding a rhythm').click({ modifiers: ['Shift'] });
  // The range holds "feeling seen" too; "Finding a rhythm" is a focused code, left out of the raise.
  await expect(page.getByText('3 chosen', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Raise the 2 initial codes…' }).click();
  const raise = page.getByRole('dialog', { name: 'Raise 2 initial codes into a focused code' });
  await raise.getByLabel('Name of the focused code').fill('Being met as a person');
  await page.screenshot({ path: '/tmp/codebook-raise.png' });
  await raise.getByRole('button', { name: 'Raise' }).click();
  await expect(page.getByText('Raised 2 initial codes into “Being met as a person”.')).toBeVisible();
  const focused = detail(page, 'Being met as a person');
  await expect(focused.getByRole('heading', { level: 4, name: 'Initial codes it subsumes' })).toBeVisible();
  const subsumed = focused.getByRole('list', { name: 'Initial codes it subsumes' }).getByRole('listitem');
  await expect(subsumed).toHaveCount(2);
  await expect(subsumed.nth(0)).toContainText('being asked what matters');
  await expect(subsumed.nth(1)).toContainText('feeling seen');
  await expect(focused.getByText(/^Raised from “being asked what matters” and “feeling seen” on \d\d?\/\d\d?\/\d{4}\.$/)).toBeVisible();
  await expect(row(page, 'Being met as a person')).toContainText('Focused');
  await expect(page.getByRole('button', { name: 'Undo raise into “Being met as a person”' })).toBeVisible();

  // Unlink one of them again (and undo that from the notice).
  await focused.getByRole('button', { name: 'Unlink being asked what matters' }).click();
  await expect(page.getByText('“being asked what matters” is no longer linked to “Being met as a person”.')).toBeVisible();
  await expect(subsumed).toHaveCount(1);
  await page.getByRole('status').filter({ hasText: 'is no longer linked' }).getByRole('button', { name: 'Undo' }).click();
  await expect(subsumed).toHaveCount(2);

  // Rename, with the history.
  await choose(page, 'Finding a rhythm').click();
  await expect(page.getByText('1 chosen', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Choose none' }).click();
  await row(page, 'feeling seen').getByRole('button', { name: 'feeling seen', exact: true }).click();
  const seen = detail(page, 'feeling seen');
  await expect(seen.getByRole('heading', { level: 4, name: 'Focused codes it was raised into' })).toBeVisible();
  await expect(seen.getByRole('button', { name: 'Being met as a person', exact: true })).toBeVisible();
  await seen.getByLabel('Name', { exact: true }).fill('feeling seen as a person');
  await seen.getByLabel('Definition').fill('The participant tells of being met as a whole person, not a diagnosis.');
  await seen.getByRole('button', { name: 'Save changes' }).click();
  const renamed = detail(page, 'feeling seen as a person');
  await expect(renamed.getByText(/^Renamed from “feeling seen” on \d\d?\/\d\d?\/\d{4}\.$/)).toBeVisible();
  await expect(renamed.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.screenshot({ path: '/tmp/codebook-detail.png', fullPage: true });

  // Merge two initial codes into one; the one that stays keeps the other's name in its history.
  await choose(page, 'keeping appointments').click();
  await choose(page, 'holding to agreements').click();
  await page.getByRole('button', { name: 'Merge into one…' }).click();
  const merge = page.getByRole('dialog', { name: 'Merge 2 codes into one' });
  await merge.getByRole('radio', { name: /holding to agreements/ }).check();
  await expect(merge).toContainText('The codings of the other code move to “holding to agreements”');
  await page.screenshot({ path: '/tmp/codebook-merge.png' });
  await merge.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByText('Merged 1 code into “holding to agreements”.')).toBeVisible();
  await expect(row(page, 'keeping appointments')).toHaveCount(0);
  const merged = detail(page, 'holding to agreements');
  await expect(merged.getByText(/^Merged from “keeping appointments” on \d\d?\/\d\d?\/\d{4}\.$/)).toBeVisible();
  // Line 13 was coded by both, so the merged code has two passages: lines 13 and 14.
  await expect(row(page, 'holding to agreements').getByRole('cell').nth(3)).toHaveText('2');

  // Split: the passage on line 14 ("noen å gå tur med") moves to a new code.
  await merged.getByRole('button', { name: 'Split in two…' }).click();
  const split = page.getByRole('dialog', { name: 'Split “holding to agreements” in two' });
  await split.getByLabel('Name of the new code').fill('wanting someone to walk with');
  await expect(split.getByRole('checkbox')).toHaveCount(2);
  await split.getByRole('checkbox', { name: /l\. 14/ }).check();
  await expect(split).toContainText('1 of 2 passages move to wanting someone to walk with.');
  await page.screenshot({ path: '/tmp/codebook-split.png' });
  await split.getByRole('button', { name: 'Split', exact: true }).click();
  await expect(page.getByText('Split “holding to agreements”: 1 passage moved to “wanting someone to walk with”.')).toBeVisible();
  await expect(row(page, 'holding to agreements').getByRole('cell').nth(3)).toHaveText('1');
  await expect(row(page, 'wanting someone to walk with').getByRole('cell').nth(3)).toHaveText('1');
  await row(page, 'wanting someone to walk with').getByRole('button', { name: 'wanting someone to walk with' }).click();
  await expect(detail(page, 'wanting someone to walk with').getByText(/^Split from “holding to agreements” on /)).toBeVisible();

  // Delete two codes, then Undo from the calm notice.
  await choose(page, 'sitting by the door').click();
  await choose(page, 'getting up at the same time').click();
  await page.getByRole('button', { name: 'Delete 2 codes' }).click();
  await expect(page.getByText('Deleted 2 codes.')).toBeVisible();
  await expect(row(page, 'sitting by the door')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/codebook-deleted.png' });
  await page.getByRole('status').filter({ hasText: 'Deleted 2 codes.' }).getByRole('button', { name: 'Undo' }).click();
  await expect(row(page, 'sitting by the door')).toHaveCount(1);
  await expect(row(page, 'getting up at the same time').getByRole('cell').nth(3)).toHaveText('2');
  await expect(page.getByText(/^Undone: /)).toBeVisible();
  // Redo deletes them again; the study's Ctrl+Z brings them back, here as anywhere.
  await page.getByRole('button', { name: /^Redo / }).click();
  await expect(row(page, 'sitting by the door')).toHaveCount(0);
  await page.getByRole('heading', { level: 2, name: 'Codes and categories' }).click();
  await page.keyboard.press('Control+z');
  await expect(row(page, 'sitting by the door')).toHaveCount(1);
  await expect(page.getByRole('button', { name: /^Redo delete/ })).toBeEnabled();

  // One code merged into another chosen from all the codes (typed to narrow the list).
  await row(page, 'sitting by the door').getByRole('button', { name: 'sitting by the door' }).click();
  await detail(page, 'sitting by the door').getByRole('button', { name: 'Merge into another code…' }).click();
  const into = page.getByRole('dialog', { name: 'Merge “sitting by the door” into another code' });
  await into.getByRole('searchbox', { name: 'Find in: Merge into' }).fill('getting');
  await expect(into.getByRole('listbox', { name: 'Merge into' })).toHaveValue(/\d+/);
  await expect(into).toContainText('The codings of the other code move to “getting up at the same time”');
  await into.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByText('Merged 1 code into “getting up at the same time”.')).toBeVisible();
  await expect(row(page, 'getting up at the same time').getByRole('cell').nth(3)).toHaveText('3');
  await expect(detail(page, 'getting up at the same time').getByText(/^Merged from “sitting by the door” on /)).toBeVisible();
});

test('categories: two main categories with subcategories, arranged by dragging and from the keyboard; focused codes placed; delete and undo', async ({ page }) => {
  await page.getByRole('button', { name: 'Open the demo study' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
  await codeTheDemoInterview(page, {
    'feeling seen': [19, 20],
    'being asked what matters': [10, 20],
    'getting up at the same time': [4, 5],
    'a good tiredness': [33, 34],
  });
  // A quote that will name a subcategory, marked as the workspace would.
  await callCore(page, 'quotes.create', { passage: (await wholeLines(page, [19]))[0], wording: 'Det var ingen som spurte hva som var galt med meg.' });
  // Three focused codes, raised through the bridge (the codes test raises through the form).
  const { codes } = await callCore<{ codes: { id: number; name: string }[] }>(page, 'coding.codebook', {});
  const idOf = (name: string) => codes.find((code) => code.name === name)!.id;
  await callCore(page, 'coding.raise', { initialCodeIds: [idOf('feeling seen'), idOf('being asked what matters')], focused: { name: 'Being met as a person' } });
  await callCore(page, 'coding.raise', { initialCodeIds: [idOf('getting up at the same time')], focused: { name: 'Finding a rhythm' } });
  await callCore(page, 'coding.raise', { initialCodeIds: [idOf('a good tiredness')], focused: { name: 'Working again' } });

  await openCodebook(page);
  await page.getByRole('tab', { name: /^Categories/ }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Focused codes not placed (3)' })).toBeVisible();
  const tree = page.getByRole('tree', { name: 'Categories and the focused codes placed under them' });
  const item = (name: string) => tree.getByRole('treeitem', { name, exact: true });
  // The tree as an outline of this test's categories and codes (the demo study has a category of its own).
  const ours = [
    'Finding a place in the group',
    'Everyday life taking shape',
    'Nobody asked what was wrong',
    'Sitting by the door',
    'A good tiredness',
    'It takes time',
    'Being met as a person',
    'Finding a rhythm',
    'Working again',
  ];
  const outline = () =>
    tree
      .getByRole('treeitem')
      .evaluateAll((items, names) =>
        items.filter((node) => names.includes(node.getAttribute('aria-label') ?? '')).map((node) => `${'  '.repeat(Number(node.getAttribute('aria-level')) - 1)}${node.getAttribute('aria-label')}`),
      ours);
  async function addMain(name: string) {
    await page.getByLabel('New main category').fill(name);
    await page.getByRole('button', { name: 'Add main category' }).click();
    await expect(item(name)).toBeVisible();
  }

  // Two main categories; a subcategory from the chosen category's panel.
  await addMain('Finding a place in the group');
  await addMain('Everyday life taking shape');
  // The same name again in the same place is refused, with the reason.
  await page.getByLabel('New main category').fill('finding a place in the group');
  await page.getByRole('button', { name: 'Add main category' }).click();
  await expect(page.getByText('Another category in the same place already has that name.', { exact: false })).toBeVisible();
  await expect(page.getByRole('treeitem', { name: 'finding a place in the group', exact: true })).toHaveCount(0);
  await page.getByLabel('New main category').fill('');
  await item('Finding a place in the group').click();
  const panel = page.getByRole('region', { name: 'Finding a place in the group' });
  await panel.getByLabel('New subcategory of “Finding a place in the group”').fill('Nobody asked what was wrong');
  await panel.getByRole('button', { name: 'Add subcategory' }).click();
  await expect.poll(outline).toEqual(['Finding a place in the group', '  Nobody asked what was wrong', 'Everyday life taking shape']);

  // From the keyboard: up among the main categories, then in, under the one above.
  await addMain('Sitting by the door');
  await item('Sitting by the door').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(outline).toEqual(['Finding a place in the group', '  Nobody asked what was wrong', 'Sitting by the door', 'Everyday life taking shape']);
  await expect(item('Sitting by the door')).toBeFocused();
  await page.keyboard.press('Alt+ArrowRight');
  await expect.poll(outline).toEqual(['Finding a place in the group', '  Nobody asked what was wrong', '  Sitting by the door', 'Everyday life taking shape']);
  await expect(page.getByText('“Sitting by the door” is now under “Finding a place in the group”, 2 of 2.')).toBeAttached();

  // Dragging: a main category dropped onto another becomes its subcategory.
  await addMain('A good tiredness');
  await item('A good tiredness').dragTo(item('Everyday life taking shape'));
  await expect.poll(outline).toEqual([
    'Finding a place in the group',
    '  Nobody asked what was wrong',
    '  Sitting by the door',
    'Everyday life taking shape',
    '  A good tiredness',
  ]);

  // The keyboard again: in, up among its new siblings, out one level, and in again.
  await addMain('It takes time');
  await item('It takes time').focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect.poll(outline).toEqual([
    'Finding a place in the group',
    '  Nobody asked what was wrong',
    '  Sitting by the door',
    'Everyday life taking shape',
    '  A good tiredness',
    '  It takes time',
  ]);
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(outline).toEqual([
    'Finding a place in the group',
    '  Nobody asked what was wrong',
    '  Sitting by the door',
    'Everyday life taking shape',
    '  It takes time',
    '  A good tiredness',
  ]);
  await page.keyboard.press('Alt+ArrowLeft');
  await expect.poll(outline).toEqual([
    'Finding a place in the group',
    '  Nobody asked what was wrong',
    '  Sitting by the door',
    'Everyday life taking shape',
    '  A good tiredness',
    'It takes time',
  ]);
  await page.keyboard.press('Alt+ArrowRight');
  await expect.poll(outline).toEqual([
    'Finding a place in the group',
    '  Nobody asked what was wrong',
    '  Sitting by the door',
    'Everyday life taking shape',
    '  A good tiredness',
    '  It takes time',
  ]);
  // Arrow keys move through the tree; ArrowLeft goes to the parent.
  await page.keyboard.press('ArrowLeft');
  await expect(item('Everyday life taking shape')).toBeFocused();

  // Dragging a main category above the other (the top edge of its row).
  const box = (await item('Finding a place in the group').boundingBox())!;
  await item('Everyday life taking shape').dragTo(item('Finding a place in the group'), { targetPosition: { x: box.width / 2, y: 3 } });
  await expect.poll(outline).toEqual([
    'Everyday life taking shape',
    '  A good tiredness',
    '  It takes time',
    'Finding a place in the group',
    '  Nobody asked what was wrong',
    '  Sitting by the door',
  ]);

  // Focused codes placed: one dragged onto a subcategory, one with the select beside it.
  const unplaced = page.getByRole('region', { name: /^Focused codes not placed/ });
  await unplaced.getByRole('listitem').filter({ hasText: 'Being met as a person' }).dragTo(item('Nobody asked what was wrong'));
  await unplaced.getByLabel('Place Finding a rhythm under a category').selectOption({ label: '\u2003It takes time' });
  await expect(page.getByRole('heading', { level: 3, name: 'Focused codes not placed (1)' })).toBeVisible();
  await expect.poll(outline).toEqual([
    'Everyday life taking shape',
    '  A good tiredness',
    '  It takes time',
    '    Finding a rhythm',
    'Finding a place in the group',
    '  Nobody asked what was wrong',
    '    Being met as a person',
    '  Sitting by the door',
  ]);
  await item('Nobody asked what was wrong').click();
  const sub = page.getByRole('region', { name: 'Nobody asked what was wrong' });
  await expect(sub.getByRole('button', { name: 'Being met as a person', exact: true })).toBeVisible();
  await page.screenshot({ path: '/tmp/codebook-categories.png' });

  // The subcategory named by the participant's words.
  await sub.getByRole('button', { name: 'Choose a quote…' }).click();
  await sub.getByLabel('Quote', { exact: true }).selectOption({ label: '“Det var ingen som spurte hva som var galt med meg.” (Deltaker 1, l. 19)' });
  await expect(sub.locator('blockquote')).toContainText('Det var ingen som spurte hva som var galt med meg.');
  await expect(sub.locator('blockquote')).toContainText('Deltaker 1, l. 19');

  // The category's memo on its properties and conditions, written beside the tree.
  await sub.getByRole('button', { name: 'Write a memo' }).click();
  const memoDialog = page.getByRole('dialog', { name: 'New memo' });
  await memoDialog.getByLabel('Title').fill('When nobody asks what is wrong');
  await memoDialog.getByRole('button', { name: 'Write memo' }).click();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('When nobody asks what is wrong');
  await page.screenshot({ path: '/tmp/codebook-memo.png' });
  await page.getByRole('button', { name: 'Back to memos' }).click();
  await expect(sub.getByRole('list', { name: 'Memo: properties and conditions' }).getByRole('button', { name: 'When nobody asks what is wrong' })).toBeVisible();

  // The code list shows where each focused code is placed.
  await page.getByRole('tab', { name: /^Codes/ }).click();
  await expect(row(page, 'Being met as a person').getByRole('cell').nth(2)).toHaveText('Nobody asked what was wrong');
  await page.getByRole('search').getByLabel('Category').selectOption({ label: 'Everyday life taking shape' });
  await expect(page.getByRole('table', { name: 'Codes' }).getByRole('row')).toHaveCount(2);
  await page.getByRole('search').getByLabel('Category').selectOption('unplaced');
  await expect(row(page, 'Working again')).toHaveCount(1);
  await expect(page.getByRole('table', { name: 'Codes' }).getByRole('row')).toHaveCount(2);

  // Delete a category from the keyboard; its code is not placed any more; Undo brings both back.
  await page.getByRole('tab', { name: /^Categories/ }).click();
  await item('It takes time').focus();
  await page.keyboard.press('Delete');
  await expect(page.getByText('Deleted the category “It takes time”; its codes are not placed now.')).toBeVisible();
  await expect(item('It takes time')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 3, name: 'Focused codes not placed (2)' })).toBeVisible();
  await page.getByRole('status').filter({ hasText: 'Deleted the category' }).getByRole('button', { name: 'Undo' }).click();
  await expect.poll(outline).toEqual([
    'Everyday life taking shape',
    '  A good tiredness',
    '  It takes time',
    '    Finding a rhythm',
    'Finding a place in the group',
    '  Nobody asked what was wrong',
    '    Being met as a person',
    '  Sitting by the door',
  ]);
});

test('2,000 codes: only the rows in view are drawn, the keyboard and the filter reach any of them', async ({ page }) => {
  await page.getByRole('button', { name: 'Open the demo study' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
  test.setTimeout(180_000);
  // Made through the bridge, a hundred at a time (the core takes them one after the other).
  await page.evaluate(async () => {
    const bridge = (globalThis as unknown as { groundwork: { invoke(c: string, i: unknown): Promise<{ ok: boolean }> } }).groundwork;
    for (let batch = 0; batch < 20; batch++) {
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, index) => bridge.invoke('coding.createCode', { level: 'initial', name: `code ${String(batch * 100 + index + 1).padStart(4, '0')}` })),
      );
      if (results.some((result) => !result.ok)) throw new Error('a code was refused');
    }
  });
  await openCodebook(page);
  const list = page.getByRole('table', { name: 'Codes' });
  await expect(page.getByText(/^20\d\d codes$/)).toBeVisible();
  // A window of rows, not 2,000.
  const drawn = await list.locator('tbody tr[data-row]').count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(60);
  await expect(row(page, 'code 0001')).toBeVisible();

  // The keyboard: Ctrl+End goes to the last code (drawn when it is reached), Ctrl+Home back.
  await choose(page, 'code 0001').focus();
  await page.keyboard.press('Control+End');
  const last = page.getByRole('table', { name: 'Codes' }).locator('tbody tr[data-row]').last();
  await expect(last.getByRole('checkbox')).toBeFocused();
  await expect(last).toBeInViewport();
  await page.keyboard.press('Control+Home');
  await expect(choose(page, 'code 0001')).toBeFocused();
  // Shift+ArrowDown chooses as it goes; Escape chooses none.
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByText('3 chosen', { exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('toolbar').getByText('None chosen')).toBeVisible();

  // The filter finds one among them; Ctrl+A chooses all shown.
  await page.getByRole('search').getByLabel('Find').fill('code 19');
  await expect(page.getByText('100 of 20', { exact: false })).toBeVisible();
  await choose(page, 'code 1900').focus();
  await page.keyboard.press('Control+a');
  await expect(page.getByText('100 chosen', { exact: true })).toBeVisible();
  await page.screenshot({ path: '/tmp/codebook-many.png' });
});

test.describe('in Norwegian', () => {
  test.use({ hostLanguage: 'nb' });
  test('the demo’s codebook and category tree speak Norwegian, history dates included', async ({ page }) => {
    await page.getByRole('button', { name: 'Åpne demostudien' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Oversikt' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Studie' }).getByRole('button', { name: 'Koder og kategorier', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Koder og kategorier' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Ingenting å angre' })).toBeDisabled();
    // The demo's focused code, with what it subsumes counted under it.
    const focused = page.getByRole('table', { name: 'Koder' }).getByRole('row').filter({ hasText: 'Å finne en rytme i hverdagen' });
    await expect(focused).toContainText('Fokusert');
    await expect(focused).toContainText('Hverdagens rytme');
    await focused.getByRole('button', { name: 'Å finne en rytme i hverdagen' }).click();
    const detail = page.getByRole('region', { name: 'Å finne en rytme i hverdagen' });
    await expect(detail.getByRole('heading', { level: 4, name: 'Innledende koder den omfatter' })).toBeVisible();
    await expect(detail.getByText(/^Løftet fra «.+» \d\d?\.\d\d?\.\d{4}\.$/)).toBeVisible();
    await page.getByRole('tab', { name: /^Kategorier/ }).click();
    const tree = page.getByRole('tree', { name: 'Kategorier og de fokuserte kodene som er plassert under dem' });
    await expect(tree.getByRole('treeitem', { name: 'Hverdagens rytme' })).toHaveAttribute('aria-level', '2');
    await tree.getByRole('treeitem', { name: 'Å finne fotfeste igjen' }).click();
    await expect(page.getByRole('region', { name: 'Å finne fotfeste igjen' }).getByText('Hovedkategori · 2 underkategorier · 0 koder')).toBeVisible();
    await page.screenshot({ path: '/tmp/codebook-nb.png', fullPage: true });
  });
});
