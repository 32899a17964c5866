/**
 * The group calendar's month view at the size of a busy municipal service:
 * `node --experimental-strip-types bench/calendarView.ts` (add `--no-build` to use the current `out/`).
 *
 *   Builds the app, starts the browser host (as the end-to-end tests do) with an empty data folder,
 *   and in Debian's Chromium creates a study with 50 groups and 1,500 sessions through the core's
 *   own channels (a programme copied to 30 sessions: three a week for ten weeks; the groups start
 *   over the weeks around today, so this month is the busiest). Then it opens the Group calendar
 *   several times and reads the page's own performance measures:
 *     calendar.render  from the sessions' arrival in the page to the month on screen
 *                      (items built, React rendered and committed, the next frame painted);
 *     calendar.load    the same, from the request to the core onwards.
 *   Target: the render under 200 ms (median of the runs).
 *
 * Everything happens in a temporary folder that is removed afterwards; nothing is packaged.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { appRoot, launchChromium, startBrowserHost } from './lib/browserHost.ts';
import { median, ms } from './lib/figures.ts';

const groups = 50;
const sessionsPerGroup = 30;
const runs = 7;
const targetMs = 200;
const passphrase = 'Benk-målinger-med-lange-ord-i-Tromsø-2026';

if (!process.argv.includes('--no-build')) {
  process.stdout.write('Building the app …\n');
  const built = spawnSync('npm', ['run', 'build'], { cwd: appRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('The build failed');
}

/** The study, a 30-session programme and 50 groups over the weeks around today, through the bridge. */
async function seed(page: Page): Promise<{ sessions: number; inMonth: number }> {
  return page.evaluate(
    async ({ studyPath, passphrase, groups, sessionsPerGroup }) => {
      const bridge = (globalThis as unknown as { groundwork: { invoke: (channel: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }> } }).groundwork;
      const call = async <T,>(channel: string, input: unknown): Promise<T> => {
        const answer = await bridge.invoke(channel, input);
        if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer.error)}`);
        return answer.value as T;
      };
      type Programme = { id: number; builtin: string | null; content: Record<string, unknown> };
      await call('study.create', { title: 'Calendar bench', path: studyPath, passphrase });
      const programmes = await call<Programme[]>('calendar.programmes.list', {});
      const restart = programmes.find((programme) => programme.builtin === 'restart')!;
      const copy = await call<Programme>('calendar.programmes.copy', { id: restart.id, name: { en: 'Bench programme', nb: 'Benkprogram' } });
      const weeks = sessionsPerGroup / 3;
      await call('calendar.programmes.save', { id: copy.id, content: { ...copy.content, cadence: { kind: 'weekly', weeks, perWeek: 3 }, capacity: { max: 12, ideal: null } } });
      const pad = (value: number) => String(value).padStart(2, '0');
      const iso = (date: Date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
      const today = new Date();
      const first = new Date(Date.UTC(today.getFullYear(), today.getMonth(), 1));
      const patterns = [
        [1, 3, 5],
        [1, 2, 4],
        [2, 3, 5],
        [1, 4, 5],
      ];
      const times = ['09:00', '10:30', '12:30', '14:00', '15:30'];
      let sessions = 0;
      for (let index = 0; index < groups; index += 1) {
        // Starts spread over the six weeks before this month's 1st and its first week.
        const start = new Date(first.getTime() + (index % 7) * 7 * 86_400_000 - 6 * 7 * 86_400_000 + (index % 5) * 86_400_000);
        const detail = await call<{ sessions: unknown[] }>('calendar.groups.create', {
          name: `Gruppe ${index + 1}`,
          programmeId: copy.id,
          leaders: { professional: `Leder ${(index % 20) + 1}`, peer: `Erfaringsmedarbeider ${(index % 17) + 1}` },
          room: `Rom ${(index % 9) + 1}`,
          startDate: iso(start),
          weekdays: patterns[index % patterns.length],
          startTime: times[index % times.length],
        });
        sessions += detail.sessions.length;
      }
      const last = new Date(Date.UTC(today.getFullYear(), today.getMonth() + 1, 0));
      const month = await call<{ entries: unknown[] }>('calendar.sessions.inRange', { from: iso(first), to: iso(last) });
      return { sessions, inMonth: month.entries.length };
    },
    { studyPath: path.join(host.dataDir, 'studies', 'Calendar bench.groundwork'), passphrase, groups, sessionsPerGroup },
  );
}

async function openCalendar(page: Page, run: number): Promise<{ render: number; load: number }> {
  const nav = page.getByRole('navigation', { name: 'Study' });
  await nav.getByRole('button', { name: 'Overview', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
  await nav.getByRole('button', { name: 'Group calendar', exact: true }).click();
  await page.waitForFunction((count) => performance.getEntriesByName('calendar.render').length >= count, run + 1);
  return page.evaluate(() => {
    const last = (name: string) => performance.getEntriesByName(name).at(-1)!.duration;
    return { render: last('calendar.render'), load: last('calendar.load') };
  });
}

const host = await startBrowserHost('calendar-view');
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'en-GB', timezoneId: 'Europe/Oslo' });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create a new study' }).waitFor();
  const seeded = await seed(page);
  // The app learns of the open study when it starts.
  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
  const renders: number[] = [];
  const loads: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const { render, load } = await openCalendar(page, run);
    renders.push(render);
    loads.push(load);
  }
  const shown = await page.locator('.cal-chip').count();
  const pass = median(renders) < targetMs;
  process.stdout.write(
    [
      `Group calendar, month view: ${groups} groups, ${seeded.sessions} sessions; this month ${seeded.inMonth} sessions, ${shown} drawn in the grid (the rest counted as "+N more").`,
      `  render (sessions in the page → month on screen), median of ${runs}: ${ms(median(renders))}  [${renders.map((value) => value.toFixed(0)).join(', ')}]  target < ${targetMs} ms: ${pass ? 'PASS' : 'FAIL'}`,
      `  load (request to the core → month on screen), median of ${runs}: ${ms(median(loads))}  [${loads.map((value) => value.toFixed(0)).join(', ')}]`,
    ].join('\n') + '\n',
  );
  if (!pass) process.exitCode = 1;
} finally {
  await browser.close();
  await host.stop();
}
