import { describe, expect, it } from 'vitest';
import type { EvaluationSummary, GroupDetail, SessionDetail } from '../../../shared/calendar/contract.js';
import { memberProgress, requiredSessions } from '../../../shared/calendar/completion.js';
import { freshStudy, value, type FreshStudy } from '../../helpers/study.js';
import { calendarState, createGroup, programmeId } from './helpers.js';

async function addMembers(study: FreshStudy, groupId: number, labels: string[], participantId: number | null = null): Promise<GroupDetail> {
  let detail: GroupDetail | undefined;
  for (const label of labels) detail = value<GroupDetail>(await study.core.invoke('calendar.members.add', { groupId, label, participantId }));
  return detail!;
}

async function attend(study: FreshStudy, sessionId: number, entries: { memberId: number; status: 'present' | 'absent' | null; reason?: string }[]) {
  return value<SessionDetail>(
    await study.core.invoke('calendar.attendance.set', { sessionId, entries: entries.map((entry) => ({ reason: '', ...entry })) }),
  );
}

function groupCompleted(study: FreshStudy, participantId: number): string | undefined {
  return study.core.session
    .require()
    .db.connection.prepare(
      "SELECT v.value FROM attribute_value v JOIN attribute a ON a.id = v.attribute_id WHERE a.builtin = 'groupCompleted' AND v.participant_id = ?",
    )
    .pluck()
    .get(participantId) as string | undefined;
}

describe('completion rules', () => {
  const sessions = [1, 2, 3, 4, 5].map((id) => ({ id, date: `2026-09-0${id}` }));
  const marks = (statuses: ('present' | 'absent' | null)[]) =>
    new Map(statuses.flatMap((status, index) => (status ? [[index + 1, status] as const] : [])));

  it('four of five: completed once all five are registered, on the date of the last session attended', () => {
    const rule = { kind: 'minSessions', sessions: 4 } as const;
    expect(memberProgress(rule, sessions, marks(['present', 'present', 'absent', 'present', 'present']))).toMatchObject({
      attended: 4,
      absent: 1,
      unrecorded: 0,
      required: 4,
      status: 'completed',
      completedOn: '2026-09-05',
    });
    expect(memberProgress(rule, sessions, marks(['present', 'present', 'present', 'present', 'absent'])).completedOn).toBe('2026-09-04');
    expect(memberProgress(rule, sessions, marks(['present', 'present', 'present', 'present', null]))).toMatchObject({ status: 'inProgress', canStillComplete: true });
    expect(memberProgress(rule, sessions, marks(['absent', 'absent', null, null, null]))).toMatchObject({ status: 'notCompleted', canStillComplete: false });
  });

  it('at most 20 % absence: one of seven seminar days may be missed, not two', () => {
    const rule = { kind: 'maxAbsencePercent', percent: 20 } as const;
    expect(requiredSessions(rule, 7)).toBe(6);
    expect(requiredSessions(rule, 5)).toBe(4);
    expect(requiredSessions(rule, 16)).toBe(13);
    const seven = Array.from({ length: 7 }, (_, index) => ({ id: index + 1, date: `2026-0${index + 1}-10` }));
    const one = new Map(seven.map((session) => [session.id, session.id === 3 ? 'absent' : 'present'] as const));
    expect(memberProgress(rule, seven, one)).toMatchObject({ status: 'completed', completedOn: '2026-07-10' });
    const two = new Map(seven.map((session) => [session.id, session.id <= 2 ? 'absent' : 'present'] as const));
    expect(memberProgress(rule, seven, two).status).toBe('notCompleted');
  });
});

describe('members, attendance and completion in a group', () => {
  it('respects the capacity with a clear error, and refuses labels that could identify someone', async () => {
    const study = await freshStudy();
    const group = await createGroup(study, { programmeId: await programmeId(study, 'palliativeReflection'), startDate: '2026-09-02', weekdays: [] });
    const full = await addMembers(study, group.group.id, ['A', 'B', 'C', 'D', 'E', 'F', 'G']);
    expect(full.members).toHaveLength(7);
    expect(full.group.memberCount).toBe(7);
    const before = calendarState(study);
    expect(await study.core.invoke('calendar.members.add', { groupId: group.group.id, label: 'H', participantId: null })).toEqual({
      ok: false,
      error: { code: 'calendar.groupFull' },
    });
    const other = await createGroup(study, { name: 'Annen', startDate: '2026-09-07' });
    const refusals: [unknown, string][] = [
      [{ groupId: other.group.id, label: '12345678901', participantId: null }, 'calendar.memberLabelIdentifying'],
      [{ groupId: other.group.id, label: 'kari@example.no', participantId: null }, 'calendar.memberLabelIdentifying'],
      [{ groupId: other.group.id, label: 'Kari Nordmann Hansen Olsen Berg', participantId: null }, 'input.invalid'],
      [{ groupId: other.group.id, label: '   ', participantId: null }, 'input.invalid'],
      [{ groupId: other.group.id, label: 'K', participantId: 4242 }, 'participant.notFound'],
      [{ groupId: 4242, label: 'K', participantId: null }, 'calendar.groupMissing'],
    ];
    const middle = calendarState(study);
    for (const [input, code] of refusals) {
      expect(await study.core.invoke('calendar.members.add', input as never), JSON.stringify(input)).toMatchObject({ ok: false, error: { code } });
    }
    expect(calendarState(study)).toBe(middle);
    expect(before).not.toBe(middle);
    await addMembers(study, other.group.id, ['Kari']);
    expect(await study.core.invoke('calendar.members.add', { groupId: other.group.id, label: 'KARI', participantId: null })).toEqual({
      ok: false,
      error: { code: 'calendar.memberLabelTaken' },
    });
  });

  it('registers a whole course: who completed and when, and fills the linked participant\'s "group completed"', async () => {
    const study = await freshStudy();
    const participant = value<{ id: number }>(await study.core.invoke('participants.add', { pseudonym: 'Deltaker 1', status: 'consented', on: '2026-08-01' }));
    const group = await createGroup(study, { programmeId: await programmeId(study, 'palliativeReflection'), startDate: '2026-09-02', weekdays: [] });
    await addMembers(study, group.group.id, ['Kari', 'Ola']);
    const linked = value<GroupDetail>(await study.core.invoke('calendar.members.add', { groupId: group.group.id, label: 'S.', participantId: participant.id }));
    const [kari, ola, s] = ['Kari', 'Ola', 'S.'].map((label) => linked.members.find((member) => member.label === label)!);
    expect(s!.participantPseudonym).toBe('Deltaker 1');
    // Kari misses one (allowed), Ola misses two, S. misses the last one.
    const plan: Record<string, ('present' | 'absent')[]> = {
      Kari: ['present', 'absent', 'present', 'present', 'present'],
      Ola: ['present', 'absent', 'absent', 'present', 'present'],
      'S.': ['present', 'present', 'present', 'present', 'absent'],
    };
    for (const [index, session] of linked.sessions.entries()) {
      const detail = await attend(
        study,
        session.id,
        [kari!, ola!, s!].map((member) => ({ memberId: member.id, status: plan[member.label]![index]!, reason: plan[member.label]![index] === 'absent' ? 'Syk' : '' })),
      );
      expect(detail.attendance).toHaveLength(3);
      if (index < 4) expect(groupCompleted(study, participant.id)).toBeUndefined();
    }
    const done = value<GroupDetail>(await study.core.invoke('calendar.groups.get', { id: group.group.id }));
    expect(done.attendanceComplete).toBe(true);
    const byLabel = Object.fromEntries(done.members.map((member) => [member.label, member.progress]));
    expect(byLabel.Kari).toMatchObject({ attended: 4, status: 'completed', completedOn: '2026-12-23' });
    expect(byLabel.Ola).toMatchObject({ attended: 3, status: 'notCompleted', completedOn: null });
    expect(byLabel['S.']).toMatchObject({ attended: 4, status: 'completed', completedOn: '2026-11-25' });
    expect(groupCompleted(study, participant.id)).toBe('2026-11-25');
    expect(done.sessions[1]!.attendance).toEqual({ recorded: 3, present: 1 });

    // A correction takes the completion back from the participant, and a new one gives it again.
    await attend(study, done.sessions[3]!.id, [{ memberId: s!.id, status: 'absent' }]);
    expect(groupCompleted(study, participant.id)).toBeUndefined();
    await attend(study, done.sessions[3]!.id, [{ memberId: s!.id, status: 'present' }]);
    expect(groupCompleted(study, participant.id)).toBe('2026-11-25');
    // A value the researcher typed themself is not taken back by the group.
    value(await study.core.invoke('participants.setValues', {
      id: participant.id,
      values: [{ attributeId: study.core.session.require().db.connection.prepare("SELECT id FROM attribute WHERE builtin = 'groupCompleted'").pluck().get() as number, value: '2026-12-01' }],
    }));
    await attend(study, done.sessions[3]!.id, [{ memberId: s!.id, status: 'absent' }]);
    expect(groupCompleted(study, participant.id)).toBe('2026-12-01');

    // Attendance for a member of another group is refused, and nothing changes.
    const other = await createGroup(study, { name: 'Annen', startDate: '2026-09-07' });
    const stranger = (await addMembers(study, other.group.id, ['Per'])).members[0]!;
    const before = calendarState(study);
    expect(await study.core.invoke('calendar.attendance.set', { sessionId: done.sessions[0]!.id, entries: [{ memberId: stranger.id, status: 'present', reason: '' }] })).toEqual({
      ok: false,
      error: { code: 'calendar.memberNotInGroup' },
    });
    expect(calendarState(study)).toBe(before);
  });

  it("keeps the leader's log (what happened, why, what next), notes on the theme and on single members; audits counts only", async () => {
    const study = await freshStudy();
    const group = await createGroup(study, { programmeId: await programmeId(study, 'rehabilitationReflection'), startDate: '2026-01-13', weekdays: [] });
    const withMembers = await addMembers(study, group.group.id, ['Anne', 'Bo']);
    const session = withMembers.sessions[0]!;
    const saved = value<SessionDetail>(
      await study.core.invoke('calendar.log.save', {
        sessionId: session.id,
        whatHappened: 'LOGG-hendelse',
        why: 'LOGG-hvorfor',
        whatNext: 'LOGG-videre',
        themeNotes: 'LOGG-tema',
        mentions: [{ memberId: withMembers.members[0]!.id, note: 'LOGG-om-Anne' }],
      }),
    );
    expect(saved.log).toMatchObject({ whatHappened: 'LOGG-hendelse', why: 'LOGG-hvorfor', whatNext: 'LOGG-videre', mentions: [{ memberId: withMembers.members[0]!.id, note: 'LOGG-om-Anne' }] });
    expect(saved.session.themeNotes).toBe('LOGG-tema');
    expect(saved.session.hasLog).toBe(true);
    const audit = JSON.stringify(study.core.session.require().db.connection.prepare("SELECT kind, detail FROM audit_event WHERE kind LIKE 'calendar.%'").all());
    expect(audit).toContain('calendar.logSaved');
    expect(audit).toContain('calendar.memberAdded');
    expect(audit).not.toContain('LOGG');
    expect(audit).not.toContain('Anne');
    // Removing the member removes their note; the log about the group stays.
    value(await study.core.invoke('calendar.members.remove', { id: withMembers.members[0]!.id }));
    const after = value<SessionDetail>(await study.core.invoke('calendar.sessions.get', { id: session.id }));
    expect(after.log.mentions).toEqual([]);
    expect(after.log.whatHappened).toBe('LOGG-hendelse');
  });

  it('evaluation forms before and after: answers without names, summarised; a wrong answer changes nothing', async () => {
    const study = await freshStudy();
    const group = await createGroup(study, { programmeId: await programmeId(study, 'rehabilitationReflection'), startDate: '2026-01-13', weekdays: [] });
    const submit = (formKey: string, answers: Record<string, unknown>, sessionId: number | null = null) =>
      study.core.invoke('calendar.evaluations.submit', { groupId: group.group.id, formKey, sessionId, memberId: null, answers });
    value(await submit('before', { knowledge: 2, reflect: 3, expect: 'Lære mer' }));
    value(await submit('before', { knowledge: 4, reflect: null, expect: '' }));
    value(await submit('after', { knowledge: 5, reflect: 4, practiceChanged: true, how: 'Spør mer' }));
    value(await submit('after', { knowledge: 4, practiceChanged: false }));
    const summary = value<EvaluationSummary[]>(await study.core.invoke('calendar.evaluations.summary', { groupId: group.group.id }));
    expect(summary.map((form) => [form.formKey, form.responses])).toEqual([
      ['before', 2],
      ['after', 2],
    ]);
    const [before, after] = summary;
    expect(before!.questions.find((question) => question.key === 'knowledge')).toMatchObject({ answered: 2, mean: 3 });
    expect(before!.questions.find((question) => question.key === 'reflect')).toMatchObject({ answered: 1, mean: 3 });
    expect(before!.questions.find((question) => question.key === 'expect')).toMatchObject({ answered: 1, texts: ['Lære mer'] });
    expect(after!.questions.find((question) => question.key === 'practiceChanged')).toMatchObject({ answered: 2, mean: 0.5 });
    const state = calendarState(study);
    for (const [formKey, answers, code] of [
      ['before', { knowledge: 'mye' }, 'calendar.answersInvalid'],
      ['before', { unknownQuestion: 3 }, 'calendar.answersInvalid'],
      ['after', { practiceChanged: 3 }, 'calendar.answersInvalid'],
      ['during', { knowledge: 3 }, 'calendar.evaluationFormMissing'],
    ] as const) {
      expect(await submit(formKey, answers), `${formKey} ${JSON.stringify(answers)}`).toMatchObject({ ok: false, error: { code } });
    }
    expect(await submit('before', { knowledge: 9 })).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    // A form for the whole course names no session.
    expect(await submit('before', { knowledge: 3 }, group.sessions[0]!.id)).toEqual({ ok: false, error: { code: 'calendar.evaluationFormMissing' } });
    expect(calendarState(study)).toBe(state);
    const stored = study.core.session.require().db.connection.prepare('SELECT * FROM group_evaluation').all() as Record<string, unknown>[];
    expect(Object.keys(stored[0]!).sort()).toEqual(['answers', 'form_key', 'group_id', 'id', 'member_id', 'session_id', 'submitted_on']);
    expect(stored.every((row) => row.member_id === null)).toBe(true);
  });

  it('group supervision: an evaluation after each meeting, summarised per meeting', async () => {
    const study = await freshStudy();
    const group = await createGroup(study, { programmeId: await programmeId(study, 'groupSupervision'), startDate: '2026-02-04', weekdays: [] });
    const [first, second] = group.sessions;
    const submit = (sessionId: number | null, relevant: number) =>
      study.core.invoke('calendar.evaluations.submit', { groupId: group.group.id, formKey: 'afterMeeting', sessionId, memberId: null, answers: { relevant } });
    value(await submit(first!.id, 4));
    value(await submit(first!.id, 5));
    value(await submit(second!.id, 2));
    const summary = value<EvaluationSummary[]>(await study.core.invoke('calendar.evaluations.summary', { groupId: group.group.id }));
    expect(summary.map((form) => [form.sessionId, form.responses, form.questions[0]!.mean])).toEqual([
      [first!.id, 2, 4.5],
      [second!.id, 1, 2],
    ]);
    // A form after each meeting must name the meeting.
    expect(await submit(null, 3)).toEqual({ ok: false, error: { code: 'calendar.evaluationFormMissing' } });
  });

  it('books the individual talks the programme asks for, and marks them held', async () => {
    const study = await freshStudy();
    const group = await createGroup(study, { startDate: '2026-09-01' });
    const withMember = await addMembers(study, group.group.id, ['Kari']);
    const member = withMember.members[0]!;
    const booked = value<GroupDetail>(await study.core.invoke('calendar.talks.book', { memberId: member.id, talkKey: 'start', startsAt: '2026-08-25T10:00', minutes: 180 }));
    expect(booked.talks).toMatchObject([{ memberId: member.id, talkKey: 'start', startsAt: '2026-08-25T10:00', minutes: 180, held: false, name: { en: 'START talk' } }]);
    expect(booked.talksDue.find((due) => due.talkKey === 'start')!.talkId).toBe(booked.talks[0]!.id);
    const held = value<GroupDetail>(await study.core.invoke('calendar.talks.setHeld', { id: booked.talks[0]!.id, held: true }));
    expect(held.talks[0]!.held).toBe(true);
    expect(await study.core.invoke('calendar.talks.book', { memberId: member.id, talkKey: 'coffee', startsAt: '2026-08-25T10:00', minutes: 30 })).toEqual({
      ok: false,
      error: { code: 'calendar.talkUnknown' },
    });
    const removed = value<GroupDetail>(await study.core.invoke('calendar.talks.remove', { id: booked.talks[0]!.id }));
    expect(removed.talks).toEqual([]);
  });

  it('deleting a group takes its members and attendance, and the completion it wrote to a participant', async () => {
    const study = await freshStudy();
    const participant = value<{ id: number }>(await study.core.invoke('participants.add', { pseudonym: 'Deltaker 1', status: 'consented', on: '2026-08-01' }));
    const group = await createGroup(study, { programmeId: await programmeId(study, 'groupSupervision'), startDate: '2026-02-04', weekdays: [] });
    const member = value<GroupDetail>(await study.core.invoke('calendar.members.add', { groupId: group.group.id, label: 'Lege A', participantId: participant.id })).members[0]!;
    for (const session of group.sessions) await attend(study, session.id, [{ memberId: member.id, status: 'present' }]);
    expect(groupCompleted(study, participant.id)).toBe('2026-05-27');
    expect(value(await study.core.invoke('calendar.groups.delete', { id: group.group.id }))).toEqual({ sessions: 3, members: 1 });
    expect(groupCompleted(study, participant.id)).toBeUndefined();
    const db = study.core.session.require().db.connection;
    for (const table of ['calendar_group', 'group_session', 'group_member', 'group_attendance']) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
  });
});
