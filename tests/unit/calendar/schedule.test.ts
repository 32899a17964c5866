import { describe, expect, it } from 'vitest';
import type { Conflict, GroupDetail, Programme, Session } from '../../../shared/calendar/contract.js';
import { spreadThemes } from '../../../shared/calendar/schedule.js';
import { freshStudy, value } from '../../helpers/study.js';
import { calendarState, createGroup, programmeId, programmes } from './helpers.js';

const dates = (group: GroupDetail) => group.sessions.map((session) => session.startsAt.slice(0, 10));
const kinds = (session: Session) => session.conflicts.map((conflict) => conflict.kind);
const holidayOf = (session: Session) => session.conflicts.find((conflict): conflict is Extract<Conflict, { kind: 'holiday' }> => conflict.kind === 'holiday');

describe('programmes', () => {
  it('ships reSTART (the default) and the four sibling programmes, named in both languages', async () => {
    const study = await freshStudy();
    const list = await programmes(study);
    expect(list.map((programme) => programme.builtin)).toEqual([
      'restart',
      'groupTherapyTraining',
      'groupSupervision',
      'palliativeReflection',
      'rehabilitationReflection',
    ]);
    expect(list.filter((programme) => programme.isDefault).map((programme) => programme.builtin)).toEqual(['restart']);
    for (const programme of list) {
      expect(programme.content.name.en).toBeTruthy();
      expect(programme.content.name.nb).toBeTruthy();
    }
    const restart = list[0]!.content;
    expect(restart.cadence).toEqual({ kind: 'weekly', weeks: 8, perWeek: 2 });
    expect(restart.sessionMinutes).toBe(120);
    expect(restart.themes.map((theme) => theme.name.nb)).toEqual(['Verdier', 'Tilhørighet', 'Leve med', 'Drømmen', 'Håp og optimisme', 'Selvbestemmelse']);
    expect(restart.individualTalks.map((talk) => [talk.key, talk.timing, talk.minMinutes, talk.bothLeaders])).toEqual([
      ['start', { kind: 'beforeStart' }, 180, true],
      ['midway', { kind: 'inWeek', week: 4 }, 45, false],
      ['followUp', { kind: 'afterEnd', weeks: 13 }, 60, false],
    ]);
    const [, training, supervision, palliative, rehabilitation] = list.map((programme) => programme.content) as [unknown, Programme['content'], Programme['content'], Programme['content'], Programme['content']];
    expect(training.completion).toEqual({ kind: 'maxAbsencePercent', percent: 20 });
    expect(training.usualHours).toEqual({ from: '09:00', to: '16:00' });
    expect(supervision.capacity).toEqual({ max: 12, ideal: 8 });
    expect(supervision.learningGoals.map((goal) => goal.code)).toContain('FKM LM-02');
    expect(supervision.evaluationForms.map((form) => form.when)).toEqual(['afterEachSession']);
    expect(palliative.completion).toEqual({ kind: 'minSessions', sessions: 4 });
    expect(palliative.sessionParts.map((part) => part.minutes)).toEqual([0, 25, 85, 10]);
    expect(rehabilitation.leaderLog).toBe(true);
    expect(rehabilitation.evaluationForms.map((form) => form.when)).toEqual(['before', 'after']);
  });

  it('a copy is one\'s own to edit; a group keeps the programme as it was when the group was made', async () => {
    const study = await freshStudy();
    const restartId = await programmeId(study, 'restart');
    const copy = value<Programme>(await study.core.invoke('calendar.programmes.copy', { id: restartId, name: { en: 'reSTART, evenings', nb: 'reSTART, kveld' } }));
    expect(copy.builtin).toBeNull();
    expect(copy.content.themes).toHaveLength(6);
    const group = await createGroup(study, { programmeId: copy.id, startDate: '2026-09-07' });
    const edited = value<Programme>(
      await study.core.invoke('calendar.programmes.save', { id: copy.id, content: { ...copy.content, startTime: '17:00', sessionMinutes: 90, usualHours: { from: '16:00', to: '20:00' } } }),
    );
    expect(edited.content.startTime).toBe('17:00');
    const again = value<GroupDetail>(await study.core.invoke('calendar.groups.get', { id: group.group.id }));
    expect(again.plan.sessionMinutes).toBe(120);
    expect(again.sessions[0]!.minutes).toBe(120);
    // In use: cannot be deleted; the group keeps it.
    expect(await study.core.invoke('calendar.programmes.delete', { id: copy.id })).toEqual({ ok: false, error: { code: 'calendar.programmeInUse' } });
    // A programme that does not hang together is refused, and nothing changes.
    const before = calendarState(study);
    const twice = { ...copy.content, themes: [...copy.content.themes, copy.content.themes[0]!] };
    expect(await study.core.invoke('calendar.programmes.save', { id: copy.id, content: twice })).toEqual({ ok: false, error: { code: 'calendar.programmeInvalid' } });
    expect(calendarState(study)).toBe(before);
  });

  it('one programme is the default; an unused one can be deleted, and the default passes on', async () => {
    const study = await freshStudy();
    const restartId = await programmeId(study, 'restart');
    const copy = value<Programme>(await study.core.invoke('calendar.programmes.copy', { id: restartId, name: { en: 'Mine', nb: 'Min' } }));
    const list = value<Programme[]>(await study.core.invoke('calendar.programmes.setDefault', { id: copy.id }));
    expect(list.filter((programme) => programme.isDefault).map((programme) => programme.id)).toEqual([copy.id]);
    expect(value(await study.core.invoke('calendar.programmes.delete', { id: copy.id }))).toEqual({ deleted: true });
    const after = await programmes(study);
    expect(after.map((programme) => programme.id)).not.toContain(copy.id);
    expect(after.filter((programme) => programme.isDefault).map((programme) => programme.builtin)).toEqual(['restart']);
    expect(await study.core.invoke('calendar.programmes.delete', { id: copy.id })).toEqual({ ok: false, error: { code: 'calendar.programmeMissing' } });
  });
});

describe('schedule generation, for every programme', () => {
  it('reSTART: 16 sessions on the chosen weekdays for 8 weeks, 2 hours each, the six themes spread in order', async () => {
    const study = await freshStudy();
    const group = await createGroup(study, { startDate: '2026-08-31', weekdays: [4, 2] });
    expect(group.weekdays).toEqual([2, 4]);
    expect(group.sessions).toHaveLength(16);
    expect(dates(group).slice(0, 4)).toEqual(['2026-09-01', '2026-09-03', '2026-09-08', '2026-09-10']);
    expect(dates(group).at(-1)).toBe('2026-10-22');
    expect(group.sessions.every((session) => session.startsAt.endsWith('T12:00') && session.minutes === 120 && session.endsAt.endsWith('T14:00'))).toBe(true);
    expect(group.sessions.map((session) => session.number)).toEqual(Array.from({ length: 16 }, (_, index) => index + 1));
    expect(group.sessions.map((session) => session.themeKey)).toEqual(
      spreadThemes(['values', 'belonging', 'livingWith', 'theDream', 'hope', 'selfDetermination'], 16),
    );
    expect(spreadThemes(['a', 'b', 'c', 'd', 'e', 'f'], 16).join('')).toBe('aaabbbccdddeeeff');
    expect(group.sessions[0]!.theme).toEqual({ en: 'Values', nb: 'Verdier' });
    // The talks each member needs are due: START before the first session, week 4, about 3 months after.
    const withMember = value<GroupDetail>(await study.core.invoke('calendar.members.add', { groupId: group.group.id, label: 'K.', participantId: null }));
    expect(withMember.talksDue.map((talk) => [talk.talkKey, talk.dueFrom, talk.dueBy])).toEqual([
      ['start', null, '2026-08-31'],
      ['midway', '2026-09-21', '2026-09-27'],
      ['followUp', '2027-01-07', '2027-02-04'],
    ]);
  });

  it('training programme: the fixed seminar days from the start date, 09:00 to 16:00, within the usual hours', async () => {
    const study = await freshStudy();
    const id = await programmeId(study, 'groupTherapyTraining');
    const whole = await createGroup(study, { programmeId: id, startDate: '2025-09-01', weekdays: [] });
    expect(dates(whole)).toEqual(['2025-09-26', '2025-10-31', '2025-12-05', '2026-02-06', '2026-03-13', '2026-04-17', '2026-05-29']);
    expect(whole.sessions.every((session) => session.startsAt.endsWith('T09:00') && session.endsAt.endsWith('T16:00'))).toBe(true);
    expect(whole.sessions.flatMap(kinds)).toEqual([]);
    const late = await createGroup(study, { name: 'Sent inn', programmeId: id, startDate: '2026-01-01', weekdays: [], leaders: { professional: 'Other Leader', peer: '' }, room: 'Sal' });
    expect(dates(late)).toEqual(['2026-02-06', '2026-03-13', '2026-04-17', '2026-05-29']);
    const before = calendarState(study);
    expect(await study.core.invoke('calendar.groups.create', {
      name: 'For sent',
      programmeId: id,
      leaders: { professional: 'A', peer: '' },
      room: '',
      startDate: '2026-06-01',
      weekdays: [],
    })).toEqual({ ok: false, error: { code: 'calendar.noSessions' } });
    expect(calendarState(study)).toBe(before);
  });

  it('group supervision: three meetings eight weeks apart in a half-year', async () => {
    const study = await freshStudy();
    const group = await createGroup(study, { programmeId: await programmeId(study, 'groupSupervision'), startDate: '2026-02-04', weekdays: [] });
    expect(dates(group)).toEqual(['2026-02-04', '2026-04-01', '2026-05-27']);
    expect(group.group.capacity).toBe(12);
  });

  it('palliative-care reflection: five sessions four weeks apart, one theme each', async () => {
    const study = await freshStudy();
    const group = await createGroup(study, { programmeId: await programmeId(study, 'palliativeReflection'), startDate: '2026-09-02', weekdays: [] });
    expect(dates(group)).toEqual(['2026-09-02', '2026-09-30', '2026-10-28', '2026-11-25', '2026-12-23']);
    expect(group.sessions.map((session) => session.themeKey)).toEqual(['start', 'conversations', 'symptoms', 'families', 'lastPhase']);
    expect(group.sessions[0]!.startsAt).toBe('2026-09-02T14:00');
  });

  it('rehabilitation reflection: five sessions every fourteen days, two and a half hours', async () => {
    const study = await freshStudy();
    const group = await createGroup(study, { programmeId: await programmeId(study, 'rehabilitationReflection'), startDate: '2026-01-13', weekdays: [] });
    expect(dates(group)).toEqual(['2026-01-13', '2026-01-27', '2026-02-10', '2026-02-24', '2026-03-10']);
    expect(group.sessions.every((session) => session.minutes === 150 && session.endsAt.endsWith('T14:30'))).toBe(true);
    expect(group.plan.leaderLog).toBe(true);
  });

  it('refuses weekdays that do not fit a weekly programme, and an hour that does not exist, changing nothing', async () => {
    const study = await freshStudy();
    const before = calendarState(study);
    const base = { name: 'G', programmeId: await programmeId(study, 'restart'), leaders: { professional: 'A', peer: 'B' }, room: '', startDate: '2026-03-02' };
    for (const weekdays of [[2], [2, 2], [1, 2, 3]]) {
      expect(await study.core.invoke('calendar.groups.create', { ...base, weekdays }), String(weekdays)).toEqual({
        ok: false,
        error: { code: 'calendar.weekdaysMismatch' },
      });
    }
    // Sundays at 02:30 from 29 March 2026: that hour is skipped when summer time begins.
    expect(await study.core.invoke('calendar.groups.create', { ...base, startDate: '2026-03-29', weekdays: [7, 3], startTime: '02:30' })).toEqual({
      ok: false,
      error: { code: 'calendar.timeInvalid' },
    });
    expect(await study.core.invoke('calendar.groups.create', { ...base, programmeId: 999, weekdays: [1, 3] })).toEqual({
      ok: false,
      error: { code: 'calendar.programmeMissing' },
    });
    expect(calendarState(study)).toBe(before);
  });
});

describe('conflicts', () => {
  it('a reSTART group starting the week before Easter meets Maundy Thursday and Easter Monday', async () => {
    const study = await freshStudy();
    const group = await createGroup(study, { startDate: '2026-03-23', weekdays: [1, 4] });
    const flagged = group.sessions.filter((session) => holidayOf(session));
    expect(flagged.map((session) => [session.number, session.startsAt.slice(0, 10), holidayOf(session)!.holiday.nb])).toEqual([
      [4, '2026-04-02', 'Skjærtorsdag'],
      [5, '2026-04-06', 'Andre påskedag'],
      [16, '2026-05-14', 'Kristi himmelfartsdag'],
    ]);
    expect(holidayOf(flagged[0]!)!.holiday.en).toBe('Maundy Thursday');
  });

  it('a group spanning 17 May is told about Constitution Day (and Whit Monday on the same day in 2027)', async () => {
    const study = await freshStudy();
    const group = await createGroup(study, { startDate: '2027-04-26', weekdays: [1, 3] });
    const may17 = group.sessions.find((session) => session.startsAt.startsWith('2027-05-17'))!;
    expect(holidayOf(may17)!.holiday.nb).toContain('Grunnlovsdag');
    expect(holidayOf(may17)!.holiday.en).toContain('Constitution Day');
    // The same day in the calendar view.
    const { entries } = value<{ entries: Session[] }>(await study.core.invoke('calendar.sessions.inRange', { from: '2027-05-01', to: '2027-05-31' }));
    expect(entries.find((entry) => entry.id === may17.id)!.conflicts).toEqual(may17.conflicts);
  });

  it('a leader in two groups at once, a room used twice, a session outside the usual hours or at a weekend', async () => {
    const study = await freshStudy();
    const first = await createGroup(study, { name: 'Tirsdag', startDate: '2026-09-01', weekdays: [2, 4] });
    // Same professional leader (written differently), another room, an hour later: overlaps 13:00–14:00.
    const second = await createGroup(study, {
      name: 'Torsdag',
      startDate: '2026-09-01',
      weekdays: [2, 5],
      startTime: '13:00',
      leaders: { professional: '  ingrid   bakke ', peer: 'Siv Dahl' },
      room: 'Møterom 3',
    });
    const clash = second.sessions[0]!;
    expect(clash.conflicts).toEqual([
      { kind: 'leaderDoubleBooked', leader: 'ingrid   bakke', otherSessionId: first.sessions[0]!.id, otherGroupId: first.group.id, otherGroupName: 'Tirsdag' },
    ]);
    // Fridays: no clash, the other group does not meet then.
    expect(second.sessions[1]!.conflicts).toEqual([]);
    const again = value<GroupDetail>(await study.core.invoke('calendar.groups.get', { id: first.group.id }));
    expect(again.sessions[0]!.conflicts.map((conflict) => conflict.kind)).toEqual(['leaderDoubleBooked']);

    const third = await createGroup(study, {
      name: 'Kveld',
      startDate: '2026-09-01',
      weekdays: [2, 6],
      startTime: '15:00',
      leaders: { professional: 'Anne Moe', peer: '' },
      room: 'møterom 2',
    });
    // 15:00–17:00 on a Tuesday: past the usual 16:00; the room is free (the first group ends at 14:00).
    expect(third.sessions[0]!.conflicts).toEqual([{ kind: 'outsideUsualHours', usualFrom: '08:00', usualTo: '16:00' }]);
    expect(kinds(third.sessions[1]!)).toEqual(['weekend', 'outsideUsualHours']);
    // Moved to 13:00 the same Tuesday, it would share the first group's room.
    const check = value<{ conflicts: Conflict[] }>(await study.core.invoke('calendar.sessions.check', { id: third.sessions[0]!.id, startsAt: '2026-09-01T13:00' }));
    expect(check.conflicts).toEqual([
      { kind: 'roomDoubleBooked', room: 'møterom 2', otherSessionId: first.sessions[0]!.id, otherGroupId: first.group.id, otherGroupName: 'Tirsdag' },
    ]);
  });
});

describe('moving sessions', () => {
  it('moves a holiday session with the following ones to the next weekly slots, keeping the theme order', async () => {
    const study = await freshStudy();
    const group = await createGroup(study, { startDate: '2026-03-23', weekdays: [1, 4] });
    const themes = group.sessions.map((session) => session.themeKey);
    const maundy = group.sessions[3]!;
    const moved = value<GroupDetail>(
      await study.core.invoke('calendar.sessions.move', { id: maundy.id, startsAt: '2026-04-07T12:00', shift: 'following' }),
    );
    expect(dates(moved).slice(0, 8)).toEqual(['2026-03-23', '2026-03-26', '2026-03-30', '2026-04-07', '2026-04-09', '2026-04-13', '2026-04-16', '2026-04-20']);
    expect(moved.sessions).toHaveLength(16);
    expect(moved.sessions.map((session) => session.themeKey)).toEqual(themes);
    expect(moved.sessions[3]!.id).toBe(maundy.id);
    // Easter is behind them now; Ascension Day (14 May) is still in the way, as session 15.
    expect(moved.sessions.filter((session) => holidayOf(session)).map((session) => [session.number, session.startsAt.slice(0, 10)])).toEqual([[15, '2026-05-14']]);
    expect(dates(moved).at(-1)).toBe('2026-05-18');
  });

  it('moving without shifting keeps the following sessions where they are; a session moved past the next one swaps places, not themes', async () => {
    const study = await freshStudy();
    const group = await createGroup(study, { startDate: '2026-09-01', weekdays: [2, 4] });
    const cycle = ['values', 'belonging', 'livingWith', 'theDream', 'hope', 'selfDetermination'];
    const custom = group.sessions.map((_, index) => cycle[index % 6]!);
    const themed = value<GroupDetail>(await study.core.invoke('calendar.groups.setThemes', { id: group.group.id, themes: custom }));
    expect(themed.sessions.map((session) => session.themeKey)).toEqual(custom);
    const second = themed.sessions[1]!;
    const moved = value<GroupDetail>(await study.core.invoke('calendar.sessions.move', { id: second.id, startsAt: '2026-09-09T10:00', shift: 'none' }));
    expect(dates(moved)).toEqual(dates(themed).slice(0, 1).concat(['2026-09-08', '2026-09-09'], dates(themed).slice(3)));
    expect(moved.sessions[2]!.id).toBe(second.id);
    expect(moved.sessions[2]!.startsAt).toBe('2026-09-09T10:00');
    expect(moved.sessions.map((session) => session.themeKey)).toEqual(custom);
    // The leaders change the order of the themes: spread again in the new order.
    const order = ['hope', 'values', 'belonging', 'livingWith', 'theDream', 'selfDetermination'];
    const reordered = value<GroupDetail>(await study.core.invoke('calendar.groups.setThemes', { id: group.group.id, themes: spreadThemes(order, 16) }));
    expect(reordered.sessions[0]!.theme?.en).toBe('Hope and optimism');
    const before = calendarState(study);
    for (const themes of [custom.slice(1), [...custom.slice(1), 'unknown']]) {
      expect(await study.core.invoke('calendar.groups.setThemes', { id: group.group.id, themes })).toEqual({ ok: false, error: { code: 'calendar.themesMismatch' } });
    }
    expect(calendarState(study)).toBe(before);
  });

  it('an interval programme shifts the following sessions by the same number of days; sessions can be added and removed', async () => {
    const study = await freshStudy();
    const group = await createGroup(study, { programmeId: await programmeId(study, 'rehabilitationReflection'), startDate: '2026-01-13', weekdays: [] });
    const moved = value<GroupDetail>(await study.core.invoke('calendar.sessions.move', { id: group.sessions[1]!.id, startsAt: '2026-01-29T13:00', minutes: 120, shift: 'following' }));
    expect(moved.sessions.map((session) => session.startsAt)).toEqual(['2026-01-13T12:00', '2026-01-29T13:00', '2026-02-12T12:00', '2026-02-26T12:00', '2026-03-12T12:00']);
    expect(moved.sessions[1]!.minutes).toBe(120);
    const added = value<GroupDetail>(await study.core.invoke('calendar.sessions.add', { groupId: group.group.id, startsAt: '2026-03-26T12:00', minutes: 150 }));
    expect(added.sessions).toHaveLength(6);
    const removed = value<GroupDetail>(await study.core.invoke('calendar.sessions.remove', { id: added.sessions[0]!.id }));
    expect(removed.sessions.map((session) => session.number)).toEqual([1, 2, 3, 4, 5]);
    const before = calendarState(study);
    expect(await study.core.invoke('calendar.sessions.move', { id: 9999, startsAt: '2026-01-29T13:00', shift: 'none' })).toEqual({ ok: false, error: { code: 'calendar.sessionMissing' } });
    expect(await study.core.invoke('calendar.sessions.move', { id: removed.sessions[0]!.id, startsAt: '2026-03-29T02:15', shift: 'following' })).toEqual({
      ok: false,
      error: { code: 'calendar.timeInvalid' },
    });
    expect(calendarState(study)).toBe(before);
  });
});
