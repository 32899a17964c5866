import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import ICAL from 'ical.js';
import { expect, test } from '../fixtures.js';
import { createStudy } from './steps.js';

async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Study' }).getByRole('button', { name, exact: true }).click();
}

async function openTab(page: Page, name: 'Calendar' | 'Groups' | 'Programmes'): Promise<void> {
  await page.getByRole('navigation', { name: 'Group calendar' }).getByRole('button', { name, exact: true }).click();
}

/** Steps the calendar month by month until it shows `title` ("March 2027"), whatever today is. */
async function showMonth(page: Page, title: string, target: string): Promise<void> {
  const heading = page.locator('.cal-toolbar__title');
  for (let step = 0; step < 36; step += 1) {
    const shown = (await heading.textContent()) ?? '';
    if (shown === title) return;
    const [month, year] = shown.split(' ');
    const current = new Date(`${month} 1, ${year}`);
    const wanted = new Date(`${target}-01T00:00:00`);
    await page.getByRole('button', { name: current < wanted ? 'Next month' : 'Previous month' }).click();
    await expect(heading).not.toHaveText(shown);
  }
  throw new Error(`The calendar never showed ${title}`);
}

/**
 * Drags with the mouse in small steps, as a hand does: Chromium starts a native drag only once the
 * pointer has moved a little with the button down.
 */
async function drag(page: Page, source: Locator, target: Locator, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  await source.scrollIntoViewIfNeeded();
  const start = (await source.boundingBox())!;
  const end = (await target.boundingBox())!;
  await page.mouse.move(start.x + from.x, start.y + from.y);
  await page.mouse.down();
  await page.mouse.move(start.x + from.x + 8, start.y + from.y + 8, { steps: 4 });
  await page.mouse.move(end.x + to.x, end.y + to.y, { steps: 12 });
  await page.mouse.up();
}

/** A day of the month grid by its long date ("22 March 2027"). */
function day(page: Page, date: string) {
  return page.getByRole('gridcell', { name: new RegExp(`^\\w+,? ${date}\\b`) });
}

const members = ['Anja', 'Bror', 'Cille', 'Dag', 'Eli', 'Frøy', 'Gro', 'Hild'];

test('a reSTART group over Easter: the holidays flagged, sessions moved by keyboard and by dragging, a whole course of attendance, who completed, and the .ics', async ({ page, host }) => {
  test.setTimeout(240_000);
  await createStudy(page, 'Easter group');
  await openSection(page, 'Group calendar');
  await expect(page.getByRole('heading', { level: 2, name: 'Group calendar' })).toBeVisible();

  // A reSTART group starting the Monday before Easter 2027, on Mondays and Thursdays at 10:00.
  await openTab(page, 'Groups');
  await page.getByRole('button', { name: 'New group' }).click();
  await page.getByLabel('Name of the group').fill('reSTART påske 2027');
  await expect(page.getByText('Short name in the calendar: RP 2027')).toBeVisible();
  await expect(page.getByLabel('Programme').locator('option:checked')).toHaveText('reSTART');
  await page.getByLabel('Professional leader').fill('Kari Fagerli');
  await page.getByLabel('Peer worker').fill('Jon Ødegård');
  await page.getByLabel('Room', { exact: true }).fill('Møterom Fjell');
  await page.getByLabel('Start date').fill('2027-03-22');
  await page.getByLabel('Start time').fill('10:00');
  // Two a week: Monday and Thursday are suggested.
  await expect(page.getByRole('checkbox', { name: 'Monday' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Thursday' })).toBeChecked();
  await page.getByRole('button', { name: 'Create the group and its schedule' }).click();

  await expect(page.getByRole('heading', { level: 3, name: 'RP 2027 reSTART påske 2027' })).toBeVisible();
  const schedule = page.getByRole('table', { name: 'The sessions of reSTART påske 2027' });
  await expect(schedule.getByRole('row')).toHaveCount(17);
  // Maundy Thursday, Easter Monday and Ascension Day fall on group days: flagged, with the reason.
  await expect(page.getByRole('status').filter({ hasText: '3 sessions are flagged.' })).toBeVisible();
  await expect(schedule.getByRole('row', { name: /Thu 25 Mar 2027/ })).toContainText('Public holiday: Maundy Thursday');
  await expect(schedule.getByRole('row', { name: /Mon 29 Mar 2027/ })).toContainText('Public holiday: Easter Monday');
  await expect(schedule.getByRole('row', { name: /Thu 6 May 2027/ })).toContainText('Public holiday: Ascension Day');
  await expect(schedule.getByRole('row', { name: /Mon 22 Mar 2027/ })).not.toContainText('Public holiday');

  // The keyboard's way to move: session 2 to the Wednesday before, without shifting the rest.
  await page.getByRole('button', { name: 'Move session 2', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Move session 2 of 16, reSTART påske 2027' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(/Now: .*25 March 2027, 10:00–12:00/)).toBeVisible();
  // The Thursday itself is what the check flags.
  await expect(dialog.getByText('Public holiday: Maundy Thursday')).toBeVisible();
  await dialog.getByLabel('New date').fill('2027-03-24');
  await expect(dialog.getByText(/No conflicts on .*24 March 2027 at 10:00\./)).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Move only this session' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /Also move the 14 sessions after it, each 1 day earlier/ })).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: /Session 2 of reSTART påske 2027 is now on .*24 March 2027 at 10:00\./ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '2 sessions are flagged.' })).toBeVisible();
  await expect(schedule.getByRole('row', { name: /Wed 24 Mar 2027/ })).not.toContainText('Public holiday');
  // Only session 2 moved.
  await expect(schedule.getByRole('row', { name: /Mon 29 Mar 2027/ })).toBeVisible();

  // The month grid by keyboard: one tab stop, arrows and PageUp/PageDown, Enter opens the session.
  await openTab(page, 'Calendar');
  await showMonth(page, 'March 2027', '2027-03');
  const grid = page.getByRole('grid', { name: 'Sessions in March 2027' });
  await expect(grid).toBeVisible();
  await day(page, '22 March 2027').click({ position: { x: 8, y: 8 } });
  await expect(day(page, '22 March 2027')).toBeFocused();
  await expect(day(page, '22 March 2027')).toHaveAttribute('tabindex', '0');
  await expect(grid.locator('[role="gridcell"][tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('PageDown');
  await expect(page.getByRole('grid', { name: 'Sessions in April 2027' })).toBeVisible();
  await expect(day(page, '22 April 2027')).toBeFocused();
  await page.keyboard.press('PageUp');
  await expect(day(page, '22 March 2027')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const easterMonday = day(page, '29 March 2027');
  await expect(easterMonday).toBeFocused();
  await expect(easterMonday).toHaveAccessibleName(/1 session, 1 with a conflict/);
  // The chosen day's sessions in full, leaders and theme included.
  const dayPanel = page.getByRole('region', { name: /29 March 2027/ });
  await expect(dayPanel).toContainText('Leaders: Kari Fagerli, Jon Ødegård');
  await expect(dayPanel).toContainText('Theme: Values');
  await expect(dayPanel).toContainText('Public holiday: Easter Monday');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 3, name: /Session 3 of 16/ })).toBeVisible();
  await expect(page.getByText('Monday, 29 March 2027, 10:00–12:00 · Møterom Fjell').or(page.getByText('Monday 29 March 2027, 10:00–12:00 · Møterom Fjell'))).toBeVisible();

  // Dragging: Ascension Day's session to the Friday; the dialog checks the new day and asks about the rest.
  await page.getByRole('button', { name: '← Calendar' }).click();
  await showMonth(page, 'May 2027', '2027-05');
  const ascension = day(page, '6 May 2027').getByRole('button', { name: /reSTART påske 2027/ });
  await drag(page, ascension, day(page, '7 May 2027'), { x: 10, y: 10 }, { x: 40, y: 60 });
  const dragged = page.getByRole('dialog', { name: 'Move session 14 of 16, reSTART påske 2027' });
  await expect(dragged).toBeVisible();
  await expect(dragged.getByLabel('New date')).toHaveValue('2027-05-07');
  await expect(dragged.getByText(/No conflicts on .*7 May 2027 at 10:00\./)).toBeVisible();
  await expect(dragged.getByText('There are 2 sessions after this one. Should they move too?')).toBeVisible();
  await dragged.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /Session 14 of reSTART påske 2027 is now on .*7 May 2027 at 10:00\./ })).toBeVisible();
  await expect(day(page, '7 May 2027').getByRole('button', { name: /reSTART påske 2027/ })).toBeVisible();
  await expect(day(page, '6 May 2027').getByRole('button')).toHaveCount(0);

  // In the week, a session dragged to another day and time lands on the quarter hour under the pointer.
  await day(page, '3 May 2027').click({ position: { x: 8, y: 8 } });
  await page.getByRole('button', { name: 'Week', exact: true }).click();
  await expect(page.locator('.cal-toolbar__title')).toHaveText('Week 18 · 3 May – 9 May 2027');
  const week = page.getByRole('grid', { name: /^Week 18/ });
  const monday = week.getByRole('gridcell', { name: /3 May 2027/ });
  // The week keeps the chosen day as its tab stop.
  await expect(monday).toHaveAttribute('tabindex', '0');
  const session13 = monday.getByRole('button', { name: /reSTART påske 2027, 10:00 to 12:00, session 13 of 16/ });
  await expect(session13).toContainText('Kari Fagerli · Jon Ødegård');
  // Grabbed in its middle (an hour below its start); the hours begin at 08:00, 48 pixels each.
  await drag(page, session13, week.getByRole('gridcell', { name: /4 May 2027/ }), { x: 10, y: 48 }, { x: 20, y: 6 * 48 + 48 });
  const inWeek = page.getByRole('dialog', { name: 'Move session 13 of 16, reSTART påske 2027' });
  await expect(inWeek.getByLabel('New date')).toHaveValue('2027-05-04');
  await expect(inWeek.getByLabel('New start time')).toHaveValue('14:00');
  await inWeek.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /Session 13 of reSTART påske 2027 is now on .*4 May 2027 at 14:00\./ })).toBeVisible();
  await expect(week.getByRole('gridcell', { name: /4 May 2027/ }).getByRole('button', { name: /14:00 to 16:00, session 13 of 16/ })).toBeVisible();

  // Eight members by their labels: the programme's capacity, then a clear refusal.
  await openTab(page, 'Groups');
  await page.getByRole('button', { name: 'reSTART påske 2027' }).click();
  for (const label of members) {
    await page.getByRole('button', { name: 'Add a member' }).click();
    await page.getByLabel('Label', { exact: true }).fill(label);
    await page.getByRole('button', { name: 'Add member' }).click();
    await expect(page.getByRole('table', { name: 'Members, sessions attended and completion' }).getByRole('row', { name: new RegExp(`^${label}\\b`) })).toBeVisible();
  }
  await expect(page.getByText('8 of 8 places taken')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'The group is full: the programme takes at most 8 members.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add a member' })).toBeDisabled();

  // Attendance for the whole course. Dag misses the first five sessions (quick keys: A, then the reason).
  await page.getByRole('button', { name: 'Open session 1', exact: true }).click();
  for (let number = 1; number <= 16; number += 1) {
    await expect(page.getByRole('heading', { level: 3, name: new RegExp(`Session ${number} of 16`) })).toBeVisible();
    const attendance = page.getByRole('table', { name: 'Attendance at this session' });
    if (number <= 5) {
      const row = attendance.getByRole('row', { name: /^Dag\b/ });
      await row.getByRole('radio', { name: 'Present' }).focus();
      await page.keyboard.press('a');
      await expect(row.getByRole('textbox', { name: 'Reason Dag was absent' })).toBeFocused();
      await page.keyboard.type('Travelling');
      await expect(row.getByRole('radio', { name: 'Absent' })).toBeChecked();
    }
    if (number === 1) {
      // P marks a member present and goes on to the next one.
      const anja = attendance.getByRole('row', { name: /^Anja\b/ });
      await anja.getByRole('radio', { name: 'Present' }).focus();
      await page.keyboard.press('p');
      await expect(anja.getByRole('radio', { name: 'Present' })).toBeChecked();
      await expect(attendance.getByRole('row', { name: /^Bror\b/ }).getByRole('radio', { name: 'Present' })).toBeFocused();
    }
    await page.getByRole('button', { name: /^Mark the other \d+ present$/ }).click();
    await page.getByRole('button', { name: 'Save attendance' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Attendance is saved.' })).toBeVisible();
    if (number === 1) {
      await page.getByLabel('What happened').fill('The group agreed on its ground rules and talked about values.');
      await page.getByRole('button', { name: 'Save the log' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'The log is saved.' })).toBeVisible();
    }
    if (number < 16) await page.getByRole('button', { name: 'Next session ›' }).click();
  }
  await page.getByRole('button', { name: '← The group' }).click();

  // Who completed, and when: 12 of 16 is the rule; Dag attended 11.
  const progress = page.getByRole('table', { name: 'Members, sessions attended and completion' });
  await expect(page.getByText('7 of 8 completed')).toBeVisible();
  await expect(progress.getByRole('row', { name: /^Anja\b/ })).toContainText('16 of 16');
  await expect(progress.getByRole('row', { name: /^Anja\b/ })).toContainText('Completed 13 May 2027');
  await expect(progress.getByRole('row', { name: /^Dag\b/ })).toContainText('11 of 16');
  await expect(progress.getByRole('row', { name: /^Dag\b/ })).toContainText('Not completed');
  await expect(schedule.getByRole('row', { name: /Mon 22 Mar 2027/ })).toContainText('7 of 8 present');
  await expect(schedule.getByRole('row', { name: /Mon 22 Mar 2027/ })).toContainText('Log written');

  // The calendar file: every session with its theme and room, in UTC, and no member.
  const file = path.join(host.studiesDir, 'reSTART påske 2027.ics');
  await expect(page.getByRole('radio', { name: 'Calendar file (.ics)' })).toBeChecked();
  await page.getByLabel('Save as').fill(file);
  await page.getByRole('button', { name: 'Save the export' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved reSTART påske 2027.ics with 16 sessions.' })).toBeVisible();
  const text = fs.readFileSync(file, 'utf8');
  // No member's label, as a word of its own ("Gro" is inside "Groundwork", the file's maker).
  for (const label of members) expect(text).not.toMatch(new RegExp(`(^|[^\\p{L}])${label}($|[^\\p{L}])`, 'u'));
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
  expect(events).toHaveLength(16);
  const starts = events.map((event) => event.startDate.toJSDate().toISOString()).sort();
  // 10:00 in Oslo: 09:00 UTC in winter time, 08:00 UTC after the change on 28 March.
  expect(starts[0]).toBe('2027-03-22T09:00:00.000Z');
  expect(starts[1]).toBe('2027-03-24T09:00:00.000Z');
  expect(starts[2]).toBe('2027-03-29T08:00:00.000Z');
  expect(starts).toContain('2027-05-07T08:00:00.000Z');
  expect(starts).not.toContain('2027-05-06T08:00:00.000Z');
  const first = events.find((event) => event.startDate.toJSDate().toISOString() === '2027-03-22T09:00:00.000Z')!;
  expect(first.summary).toContain('reSTART påske 2027');
  expect(first.summary).toContain('Values');
  expect(first.location).toBe('Møterom Fjell');

  // The printable schedule for members and the attendance list for the leaders, where they are asked to go.
  await page.getByRole('radio', { name: 'Printable schedule (PDF)' }).check();
  // The name typed for the calendar file is kept; only its extension follows the choice.
  await expect(page.getByLabel('Save as')).toHaveValue(path.join(host.studiesDir, 'reSTART påske 2027.pdf'));
  await page.getByLabel('Save as').fill(path.join(host.studiesDir, 'Timeplan.pdf'));
  await page.getByRole('button', { name: 'Save the export' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved Timeplan.pdf with 16 sessions.' })).toBeVisible();
  expect(fs.readFileSync(path.join(host.studiesDir, 'Timeplan.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await page.getByRole('radio', { name: 'Attendance list (Excel)' }).check();
  await page.getByLabel('Save as').fill(path.join(host.studiesDir, 'Oppmøte.xlsx'));
  await page.getByRole('button', { name: 'Save the export' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved Oppmøte.xlsx: 8 members, 16 sessions.' })).toBeVisible();
  // An XLSX is a zip.
  expect(fs.readFileSync(path.join(host.studiesDir, 'Oppmøte.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');
});

test('programmes: a copy of reSTART made shorter, a group made from it with its own theme order, a START talk booked and held, and an evaluation answered without a name', async ({ page }) => {
  test.setTimeout(120_000);
  await createStudy(page, 'Programme study');
  await openSection(page, 'Group calendar');
  await openTab(page, 'Programmes');

  // The five shipped templates, reSTART the default.
  for (const name of ['reSTART', 'Regional training in group therapy', 'Group supervision for junior doctors', 'Reflection group in palliative care', 'Reflection programme in rehabilitation']) {
    await expect(page.getByRole('heading', { level: 4, name: new RegExp(`^${name}`) })).toBeVisible();
  }
  const restart = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 4, name: /^reSTART/ }) });
  await expect(restart).toContainText('Default');
  await expect(restart).toContainText('16 sessions: 2 a week for 8 weeks');
  await restart.getByRole('button', { name: 'View' }).click();
  await expect(restart.getByRole('list').filter({ hasText: 'Self-determination' })).toContainText('Belonging');
  await expect(restart).toContainText('START talk: before the group starts, at least 180 minutes, with both leaders');
  // A shipped template is copied, not edited.
  await expect(restart.getByRole('button', { name: /^Edit/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Copy reSTART to make your own' }).click();
  await expect(page.getByLabel('Name (English)')).toHaveValue('reSTART (copy)');
  await expect(page.getByLabel('Name (Norwegian)')).toHaveValue('reSTART (kopi)');
  await page.getByLabel('Name (English)').fill('reSTART short');
  await page.getByLabel('Name (Norwegian)').fill('reSTART kort');
  await page.getByRole('button', { name: 'Make the copy' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'reSTART short is yours to edit.' })).toBeVisible();

  // The copy's editor: one session a week for six weeks, 90 minutes, Belonging first, six places, five sessions to complete.
  await expect(page.getByLabel('How the sessions fall')).toHaveValue('weekly');
  await page.getByLabel('Sessions a week').fill('1');
  await page.getByLabel('Weeks', { exact: true }).fill('6');
  await page.getByLabel('Length of a session (minutes)').fill('90');
  await page.getByRole('button', { name: 'Move Belonging up' }).click();
  await expect(page.getByLabel('Theme 1 (English)')).toHaveValue('Belonging');
  await page.getByLabel('At most this many members').fill('6');
  await page.getByLabel('Sessions', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  // A field left empty is named, and nothing is saved.
  await expect(page.getByLabel('Sessions', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Sessions', { exact: true })).toHaveAccessibleDescription(/A whole number/);
  await page.getByLabel('Sessions', { exact: true }).fill('5');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'reSTART short is saved.' })).toBeVisible();
  const short = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 4, name: /^reSTART short/ }) });
  await expect(short).toContainText('Your own');
  await expect(short).toContainText('6 sessions: 1 a week for 6 weeks');
  await expect(short).toContainText('From 12:00, 1.5 hours');
  await expect(short).toContainText('At most 6');
  await expect(short).toContainText('At least 5 sessions attended');

  // A group from the copy: six sessions, one theme each, Belonging first.
  await openTab(page, 'Groups');
  await page.getByRole('button', { name: 'New group' }).click();
  await page.getByLabel('Name of the group').fill('Kort høst');
  await page.getByLabel('Programme').selectOption({ label: 'reSTART short' });
  await page.getByLabel('Professional leader').fill('Marit Berg');
  await page.getByLabel('Start date').fill('2027-09-06');
  await expect(page.getByText('The programme meets once a week: choose the weekday.')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Monday' }).check();
  await page.getByRole('checkbox', { name: 'Tuesday' }).check();
  await page.getByRole('button', { name: 'Create the group and its schedule' }).click();
  await expect(page.getByText('Choose exactly 1 weekday.')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Tuesday' }).uncheck();
  await page.getByRole('button', { name: 'Create the group and its schedule' }).click();
  const schedule = page.getByRole('table', { name: 'The sessions of Kort høst' });
  await expect(schedule.getByRole('row')).toHaveCount(7);
  await expect(schedule.getByRole('row').nth(1)).toContainText('Belonging');
  await expect(schedule.getByRole('row').nth(1)).toContainText('12:00–13:30');
  await expect(page.getByText('At least 5 of 6 sessions')).toBeVisible();

  // The leaders change the order after feedback: Values first again.
  await page.getByRole('button', { name: 'Move Values up' }).click();
  await page.getByRole('button', { name: 'Save the order' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The themes follow the new order.' })).toBeVisible();
  await expect(schedule.getByRole('row').nth(1)).toContainText('Values');
  await expect(schedule.getByRole('row').nth(2)).toContainText('Belonging');

  // Editing the schedule: a session added and removed again, one made longer, another room for one.
  await page.getByRole('button', { name: 'Add a session' }).click();
  await page.getByLabel('New date').fill('2027-10-18');
  await expect(page.getByLabel('Length (minutes)')).toHaveValue('90');
  await page.getByRole('button', { name: 'Add the session' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The session is added to the schedule.' })).toBeVisible();
  await expect(schedule.getByRole('row')).toHaveCount(8);
  await expect(schedule.getByRole('row').nth(7)).toContainText('Mon 18 Oct 2027');
  await page.getByRole('button', { name: 'Remove session 7' }).click();
  await page.getByRole('dialog', { name: 'Remove session 7?' }).getByRole('button', { name: 'Remove the session' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The session is removed.' })).toBeVisible();
  await expect(schedule.getByRole('row')).toHaveCount(7);
  await page.getByRole('button', { name: 'Move session 1', exact: true }).click();
  const longer = page.getByRole('dialog', { name: 'Move session 1 of 6, Kort høst' });
  await longer.getByLabel('Length (minutes)').fill('120');
  await longer.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(schedule.getByRole('row').nth(1)).toContainText('12:00–14:00');
  await expect(schedule.getByRole('row').nth(2)).toContainText('12:00–13:30');
  await page.getByRole('button', { name: 'Open session 2', exact: true }).click();
  await expect(page.getByLabel('Room for this session')).toHaveAccessibleDescription('Leave it empty if the group meets where it always does.');
  await page.getByLabel('Room for this session').fill('Kantina');
  await page.getByRole('button', { name: 'Save the room' }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await expect(page.getByText(/13 September 2027, 12:00–13:30 · Kantina/)).toBeVisible();
  await page.getByRole('button', { name: '← The group' }).click();
  await expect(schedule.getByRole('row').nth(2)).toContainText('Kantina');

  // The START talk with a member, booked and held.
  await page.getByRole('button', { name: 'Add a member' }).click();
  await page.getByLabel('Label', { exact: true }).fill('Anja');
  await page.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByText('1 of 6 places taken')).toBeVisible();
  const talks = page.getByRole('table', { name: 'Individual talks per member' });
  await expect(talks.getByRole('columnheader', { name: /START talk/ })).toContainText('By 5 Sept 2027 · at least 180 minutes · with both leaders');
  await expect(talks.getByRole('columnheader', { name: /Talk in week 4/ })).toContainText('27 Sept – 3 Oct 2027 · at least 45 minutes');
  const startTalk = talks.getByRole('row', { name: /^Anja/ });
  await page.getByRole('button', { name: 'Book START talk with Anja' }).click();
  await page.getByLabel('Date', { exact: true }).fill('2027-08-30');
  await page.getByLabel('Time', { exact: true }).fill('09:00');
  await expect(page.getByLabel('Minutes')).toHaveValue('180');
  await page.getByRole('button', { name: 'Book the talk' }).click();
  await expect(startTalk).toContainText('Mon 30 Aug 09:00 Not yet held');
  await startTalk.getByRole('button', { name: 'Mark START talk with Anja as held' }).click();
  await expect(startTalk).toContainText('Held');

  // An evaluation before the group, answered without a name, shown only as a summary.
  await page.getByRole('button', { name: 'Fill in: Before the group' }).click();
  await expect(page.getByText('Your answers are stored without your name.')).toBeVisible();
  await page.getByRole('group', { name: 'I know what matters to me.' }).getByRole('radio', { name: '4' }).check();
  await page.getByRole('group', { name: 'I feel hopeful about the time ahead.' }).getByRole('radio', { name: '5 Very much' }).check();
  await page.getByLabel('What do you hope to get from the group?').fill('To meet others who know how it is.');
  await page.getByRole('button', { name: 'Send the answers' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Thank you. The answers are stored without a name (1 response so far).' })).toBeVisible();
  const summary = page.getByRole('table', { name: 'Summary of Before the group' });
  await expect(summary.getByRole('row', { name: /I know what matters to me/ })).toContainText('Mean 4 of 5');
  await expect(summary.getByRole('row', { name: /What do you hope/ })).toContainText('To meet others who know how it is.');
  await expect(summary).not.toContainText('Anja');
});

test('the demo study: today is marked, colour is never the only sign, and a finished group shows who completed, linked to the study participant', async ({ page }) => {
  await page.getByRole('button', { name: 'Open the demo study' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
  await openSection(page, 'Group calendar');

  // Today's cell is the grid's one tab stop, marked in words as well as by its look.
  const today = page.locator('[role="gridcell"][aria-current="date"]');
  await expect(today).toHaveCount(1);
  await expect(today).toHaveAttribute('tabindex', '0');
  await expect(today).toHaveAccessibleName(/Today/);
  await expect(today).toContainText('Today');
  // Every session in the grid carries its group's short name beside its colour.
  const chips = page.getByRole('grid').locator('.cal-chip');
  const count = await chips.count();
  expect(count).toBeGreaterThan(0);
  for (let index = 0; index < count; index += 1) await expect(chips.nth(index).locator('.cal-chip__group')).not.toBeEmpty();

  await openTab(page, 'Groups');
  const groups = page.getByRole('table', { name: 'All groups' });
  await expect(groups.getByRole('row')).toHaveCount(5);
  await groups.getByRole('button', { name: 'Gruppe vår 2025' }).click();
  const members = page.getByRole('table', { name: 'Members, sessions attended and completion' });
  const linked = members.getByRole('row', { name: /^H\.L\./ });
  await expect(linked).toContainText(/Study participant \S+/);
  await expect(linked).toContainText(/Completed \d+ \w+ 2025/);
  await expect(members.getByRole('row', { name: /^Aslak/ })).toContainText('Not completed');
  await expect(page.getByText(/^\d of 5 completed$/).or(page.getByText(/ · \d of 5 completed/))).toBeVisible();

  // A participant already in the group cannot be linked to a second member.
  await members.getByRole('button', { name: 'Edit Randi' }).click();
  const participant = page.getByLabel('Study participant (optional)');
  const takenPseudonym = ((await linked.getByText(/^Study participant /).textContent()) ?? '').replace('Study participant ', '');
  expect(takenPseudonym).toMatch(/\S/);
  await expect(participant.getByRole('option', { name: takenPseudonym, exact: true })).toBeDisabled();
  await expect(participant.locator('option:checked')).toHaveText('Not a study participant');
});

test.describe('on a computer set to another time zone', () => {
  test.use({ timezoneId: 'America/Los_Angeles' });

  test('the calendar keeps Oslo’s day and Oslo’s times', async ({ page }) => {
    // 23:30 UTC on 28 March 2027: still the 28th in Los Angeles, already 01:30 on the 29th in Oslo.
    await page.clock.setFixedTime(new Date('2027-03-28T23:30:00Z'));
    await page.reload();
    await createStudy(page, 'Zone study');
    await openSection(page, 'Group calendar');
    await openTab(page, 'Groups');
    await page.getByRole('button', { name: 'New group' }).click();
    await page.getByLabel('Name of the group').fill('Vårgruppe');
    await page.getByLabel('Professional leader').fill('Kari Fagerli');
    await page.getByLabel('Start date').fill('2027-03-29');
    await page.getByLabel('Start time').fill('10:00');
    await page.getByRole('button', { name: 'Create the group and its schedule' }).click();
    const schedule = page.getByRole('table', { name: 'The sessions of Vårgruppe' });
    await expect(schedule.getByRole('row').nth(1)).toContainText('Mon 29 Mar 2027');
    await expect(schedule.getByRole('row').nth(1)).toContainText('10:00–12:00');

    await openTab(page, 'Calendar');
    await expect(page.getByRole('grid', { name: 'Sessions in March 2027' })).toBeVisible();
    const today = page.locator('[role="gridcell"][aria-current="date"]');
    await expect(today).toHaveAccessibleName(/^Monday,? 29 March 2027, Today/);
    await expect(today.getByRole('button', { name: /Vårgruppe, 10:00 to 12:00, session 1 of 16/ })).toBeVisible();
    await page.getByRole('button', { name: 'Week', exact: true }).click();
    await expect(page.locator('.cal-toolbar__title')).toHaveText('Week 13 · 29 Mar – 4 Apr 2027');
    await expect(page.getByRole('gridcell', { name: /29 March 2027/ }).getByRole('button')).toContainText('10:00');
  });
});
