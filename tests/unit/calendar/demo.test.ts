import { describe, expect, it } from 'vitest';
import type { CalendarEntry, GroupDetail, GroupSummary } from '../../../shared/calendar/contract.js';
import { addDays } from '../../../shared/calendar/schedule.js';
import { todayInOslo } from '../../../main/core/calendar/time.js';
import { tempDir, testCore, value } from '../../helpers/study.js';

describe('the demo study\'s groups', () => {
  it('a finished reSTART group with a completed member linked to a participant, a running one with past and future sessions, and sibling programmes', async () => {
    const core = testCore(tempDir());
    value(await core.invoke('study.openDemo', {}));
    const groups = value<GroupSummary[]>(await core.invoke('calendar.groups.list', {}));
    expect(groups.map((group) => group.programmeName.en).sort()).toEqual([
      'Reflection group in palliative care',
      'Reflection programme in rehabilitation',
      'reSTART',
      'reSTART',
    ]);
    expect(new Set(groups.map((group) => group.colour)).size).toBe(4);

    const finished = value<GroupDetail>(await core.invoke('calendar.groups.get', { id: groups.find((group) => group.name === 'Gruppe vår 2025')!.id }));
    expect(finished.attendanceComplete).toBe(true);
    expect(finished.sessions.flatMap((session) => session.conflicts)).toEqual([]);
    const linked = finished.members.find((member) => member.participantId !== null)!;
    expect(linked.progress).toMatchObject({ status: 'completed', completedOn: '2025-06-12' });
    expect(finished.members.filter((member) => member.progress.status === 'notCompleted').map((member) => member.label)).toEqual(['Aslak']);
    const participant = value<{ values: Record<string, string> }>(await core.invoke('participants.get', { id: linked.participantId! }));
    expect(Object.values(participant.values)).toContain('2025-06-12');

    const today = todayInOslo();
    const running = value<GroupDetail>(
      await core.invoke('calendar.groups.get', { id: groups.find((group) => group.programmeName.en === 'reSTART' && group.name !== 'Gruppe vår 2025')!.id }),
    );
    const past = running.sessions.filter((session) => session.startsAt.slice(0, 10) < today);
    expect(past.length).toBeGreaterThan(4);
    expect(running.sessions.length - past.length).toBeGreaterThan(4);
    expect(past.every((session) => session.attendance.recorded === running.members.length)).toBe(true);
    expect(running.sessions[0]!.theme?.en).toBe('Hope and optimism');
    expect(running.sessions.filter((session) => session.hasLog)).toHaveLength(2);
    expect(running.talks.every((talk) => talk.held && talk.talkKey === 'start')).toBe(true);

    // The calendar shows the rehabilitation team in the reSTART group's room on a Thursday.
    const { entries } = value<{ entries: CalendarEntry[] }>(await core.invoke('calendar.sessions.inRange', { from: addDays(today, -31), to: addDays(today, 62) }));
    expect(entries.some((entry) => entry.conflicts.some((conflict) => conflict.kind === 'roomDoubleBooked'))).toBe(true);
  });
});
