/**
 * The group calendar at the size issue 7 names: 50 groups with 1,500 sessions.
 *
 *   node --experimental-strip-types bench/calendar.ts
 *
 * One encrypted study in a temp folder (removed afterwards). 50 groups of a reSTART copy with 15
 * weeks of two sessions (30 sessions each), all made through the core's router, started within
 * the same six weeks so the busiest month holds most of them at once (the worst case for the month
 * view); 20 leaders and 8 rooms shared between them, so leaders and rooms are booked twice and the
 * conflict check has work to do; 6 members a group, attendance for the first half of the course.
 *
 * Timed through the router (validation of input and output included), as medians of several runs
 * with CPU time beside the wall time (the machines are shared): the month's sessions with their
 * conflicts (what the month view asks for), a week, and one group's detail. The month view's own
 * target is 200 ms to render in the UI (measured by the UI's bench); the core's part should be a
 * small share of it.
 *
 * The module hooks, the temp study, the timing and the table come from bench/lib/harness.ts.
 */
import type { CalendarEntry, GroupDetail, Programme } from '../shared/calendar/contract.js';
import { type Figure, FigureTable, machine, measure, ms, openBenchStudy } from './lib/harness.ts';

const passphrase = 'Benk-gruppekalender-med-femti-grupper-i-Molde';
const size = { groups: 50, weeks: 15, perWeek: 2, members: 6, leaders: 20, rooms: 8 };
const rounds = 9;

const { call, close } = await openBenchStudy('calendar', passphrase);
const table = new FigureTable(58);
const report = (label: string, figure: Figure, note = '') => table.row(label, figure, { note });

try {
  console.log(`Group calendar at scale — ${machine()}`);
  const restart = (await call<Programme[]>('calendar.programmes.list', {})).find((programme) => programme.builtin === 'restart')!;
  const long = await call<Programme>('calendar.programmes.copy', { id: restart.id, name: { en: 'reSTART, 15 weeks', nb: 'reSTART, 15 uker' } });
  await call('calendar.programmes.save', {
    id: long.id,
    content: { ...long.content, cadence: { kind: 'weekly', weeks: size.weeks, perWeek: size.perWeek }, capacity: { max: 10, ideal: null } },
  });

  const pairs = [
    [1, 3],
    [2, 4],
    [1, 4],
    [2, 5],
    [3, 5],
  ];
  let sessions = 0;
  const create = await measure(size.groups, async (n) => {
    const startDate = new Date(Date.UTC(2026, 8, 1 + (n % 6) * 7)).toISOString().slice(0, 10);
    const detail = await call<GroupDetail>('calendar.groups.create', {
      name: `Gruppe ${n + 1}`,
      programmeId: long.id,
      leaders: { professional: `Leder ${n % size.leaders}`, peer: `Likeperson ${(n * 7) % size.leaders}` },
      room: `Rom ${n % size.rooms}`,
      startDate,
      weekdays: pairs[n % pairs.length],
      startTime: `${String(9 + (n % 6)).padStart(2, '0')}:00`,
    });
    sessions += detail.sessions.length;
    let withMembers = detail;
    for (let m = 0; m < size.members; m += 1) {
      withMembers = await call<GroupDetail>('calendar.members.add', { groupId: detail.group.id, label: `M${m + 1}`, participantId: null });
    }
    for (const session of withMembers.sessions.slice(0, withMembers.sessions.length / 2)) {
      await call('calendar.attendance.set', {
        sessionId: session.id,
        entries: withMembers.members.map((member, index) => ({ memberId: member.id, status: (index + session.number) % 7 === 0 ? 'absent' : 'present', reason: '' })),
      });
    }
  });
  console.log(`${size.groups} groups, ${sessions} sessions, ${size.groups * size.members} members made through the router (median ${ms(create.wall)} a group, with members and attendance)`);
  console.log('');
  table.header('what');

  let monthEntries: CalendarEntry[] = [];
  const month = await measure(rounds, async () => {
    monthEntries = (await call<{ entries: CalendarEntry[] }>('calendar.sessions.inRange', { from: '2026-10-01', to: '2026-10-31' })).entries;
  });
  const conflicts = monthEntries.reduce((sum, entry) => sum + entry.conflicts.length, 0);
  const flagged = monthEntries.filter((entry) => entry.conflicts.length > 0).length;
  report("the month's sessions with conflicts (October 2026)", month, `${monthEntries.length} sessions, ${flagged} flagged, ${conflicts} conflicts`);

  // The month view shows whole weeks: from the Monday before the 1st to the Sunday after the last.
  const grid = await measure(rounds, () => call('calendar.sessions.inRange', { from: '2026-09-28', to: '2026-11-08' }));
  report('the month grid (6 weeks, 28 Sep – 8 Nov)', grid);
  const week = await measure(rounds, () => call('calendar.sessions.inRange', { from: '2026-10-12', to: '2026-10-18' }));
  report('one week', week);
  const detail = await measure(rounds, () => call('calendar.groups.get', { id: 25 }));
  report("one group's detail (30 sessions, 6 members, conflicts)", detail);
  const check = await measure(rounds, () => call('calendar.sessions.check', { id: 100, startsAt: '2026-10-14T10:00' }));
  report('checking a drag (one session at another time)', check);
  // Moving session 10 of a group back and forth by a week, the following ones with it; answers the group's detail.
  const moved = await measure(rounds, (round) =>
    call('calendar.sessions.move', { id: 10, startsAt: round % 2 === 0 ? '2026-10-19T09:00' : '2026-10-12T09:00', shift: 'following' }),
  );
  report('moving a session with the following ones', moved);
} finally {
  close();
}
