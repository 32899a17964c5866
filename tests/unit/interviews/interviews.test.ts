import { describe, expect, it } from 'vitest';
import type { GuideVersion, GuideVersionWithContent } from '../../../shared/guide/contract.js';
import type { Interview, InterviewCandidate, InterviewSummary, RegisterInterview } from '../../../shared/interviews/contract.js';
import { listAudit } from '../../../main/core/audit/audit.js';
import { listInterviews } from '../../../main/core/interviews/interviews.js';
import { freshStudy, value, type FreshStudy } from '../../helpers/study.js';
import { addConsent, addParticipant } from '../recordings/setup.js';

function addRecording(study: FreshStudy, participantId: number, madeOn = '2026-03-10'): number {
  return study.core.session.require().db.write((writer) =>
    Number(
      writer
        .statement("INSERT INTO recording (participant_id, made_at, format, created_at) VALUES (?, ?, 'MP3', ?)")
        .run(participantId, madeOn, new Date().toISOString()).lastInsertRowid,
    ),
  );
}

/** Everything a failed registration must leave as it was. */
function snapshot(study: FreshStudy) {
  return study.core.session.require().db.read((reader) => ({
    interviews: reader.query<{ n: number }>('SELECT count(*) AS n FROM interview').get()?.n,
    linked: reader.query<{ n: number }>('SELECT count(*) AS n FROM recording WHERE interview_id IS NOT NULL').get()?.n,
    frozen: reader.query<{ n: number }>('SELECT count(*) AS n FROM guide_version WHERE frozen_at IS NOT NULL').get()?.n,
    statuses: reader.query<{ status: string }>('SELECT status FROM participant ORDER BY id').all(),
    audit: reader.query<{ n: number }>('SELECT count(*) AS n FROM audit_event').get()?.n,
  }));
}

async function setUp() {
  const study = await freshStudy();
  const [guide] = value<GuideVersion[]>(await study.core.invoke('guide.versions', { language: 'nb' }));
  const content = value<GuideVersionWithContent>(await study.core.invoke('guide.version', { id: guide!.id })).content;
  const kari = addParticipant(study, 'Deltaker 1');
  addConsent(study, kari, { recording: true, signedOn: '2026-03-01' });
  const input = (changes: Partial<RegisterInterview> = {}): RegisterInterview => ({
    participantId: kari,
    heldAt: '2026-03-10T13:30',
    lengthMinutes: 42,
    setting: 'video',
    settingOther: '',
    guideVersionId: guide!.id,
    notes: 'Rolig samtale; hun ville ha guiden på forhånd.',
    recordingIds: [],
    ...changes,
  });
  return { study, guide: guide!, content, kari, input };
}

describe('interviews', () => {
  it('registers an interview: consented becomes interviewed on that day, the guide version freezes, the recordings are linked', async () => {
    const { study, guide, kari, input } = await setUp();
    const recording = addRecording(study, kari);
    const interview = value<Interview>(await study.core.invoke('interviews.register', input({ recordingIds: [recording] })));
    expect(interview).toMatchObject({
      participantId: kari,
      pseudonym: 'Deltaker 1',
      heldAt: '2026-03-10T13:30',
      lengthMinutes: 42,
      setting: 'video',
      guideVersionId: guide.id,
      guideVersion: 1,
      recordings: 1,
      covered: 0,
      questions: 15,
      coveredKeys: [],
    });
    expect(interview.linkedRecordings.map((linked) => linked.id)).toEqual([recording]);

    const participant = value<{ participant: { status: string; dates: { interviewed: string | null } } }>(await study.core.invoke('participants.get', { id: kari }));
    expect(participant.participant.status).toBe('interviewed');
    expect(participant.participant.dates.interviewed).toBe('2026-03-10');
    const [version] = value<GuideVersion[]>(await study.core.invoke('guide.versions', { language: 'nb' }));
    expect(version!.frozenAt).not.toBeNull();

    // The list other features read: id, pseudonym, when.
    const listed = study.core.session.require().db.read(listInterviews);
    expect(listed.map(({ id, pseudonym, heldAt }) => ({ id, pseudonym, heldAt }))).toEqual([{ id: interview.id, pseudonym: 'Deltaker 1', heldAt: '2026-03-10T13:30' }]);
    expect(value<InterviewSummary[]>(await study.core.invoke('interviews.list', {}))).toEqual(listed);

    // The audit trail has ids and counts, never the notes.
    const events = study.core.session.require().db.read((reader) => listAudit(reader));
    const registered = events.find((event) => event.kind === 'interview.registered');
    expect(registered?.detail).toEqual({ interviewId: interview.id, participantId: kari, guideVersionId: guide.id, recordings: 1 });
    expect(JSON.stringify(events)).not.toContain('Rolig samtale');
  });

  it('a second interview leaves the status and its date alone', async () => {
    const { study, kari, input } = await setUp();
    value(await study.core.invoke('interviews.register', input()));
    value(await study.core.invoke('interviews.register', input({ heldAt: '2026-06-10T09:00' })));
    const participant = value<{ participant: { status: string; dates: { interviewed: string | null } } }>(await study.core.invoke('participants.get', { id: kari }));
    expect(participant.participant.dates.interviewed).toBe('2026-03-10');
    // Most recent first.
    expect(value<InterviewSummary[]>(await study.core.invoke('interviews.list', {})).map((interview) => interview.heldAt)).toEqual(['2026-06-10T09:00', '2026-03-10T13:30']);
  });

  it('refuses without a valid consent, for a withdrawn participant, before the consent, with another person\'s recording; nothing changes', async () => {
    const { study, kari, input } = await setUp();
    const noConsent = addParticipant(study, 'Deltaker 2');
    const withdrawn = addParticipant(study, 'Deltaker 3', 'withdrawn');
    addConsent(study, withdrawn, { recording: true });
    const theirs = addRecording(study, noConsent);
    const before = snapshot(study);

    const refused: [Partial<RegisterInterview>, string][] = [
      [{ participantId: noConsent }, 'consent.missing'],
      [{ participantId: withdrawn }, 'participant.withdrawn'],
      [{ participantId: 999 }, 'participant.notFound'],
      [{ heldAt: '2026-02-28T10:00' }, 'interview.beforeConsent'],
      [{ recordingIds: [theirs] }, 'interview.recordingNotTheirs'],
      [{ recordingIds: [999] }, 'recording.missing'],
      [{ guideVersionId: 999 }, 'guide.versionMissing'],
    ];
    for (const [changes, code] of refused) {
      expect(await study.core.invoke('interviews.register', input(changes)), code).toEqual({ ok: false, error: { code } });
    }
    for (const heldAt of ['2026-02-30T10:00', '2026-03-10 10:00', '2026-03-10T24:00', '2026-03-10']) {
      expect(await study.core.invoke('interviews.register', input({ heldAt })), heldAt).toEqual({ ok: false, error: { code: 'input.invalid', fields: ['heldAt'] } });
    }
    expect(await study.core.invoke('interviews.register', { ...input(), setting: 'café' })).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    expect(snapshot(study)).toEqual(before);
    expect(kari).toBeGreaterThan(0);
  });

  it('tells which participants may be interviewed, with their own recordings only', async () => {
    const { study, kari } = await setUp();
    const noConsent = addParticipant(study, 'Deltaker 2');
    const withdrawn = addParticipant(study, 'Deltaker 3', 'withdrawn');
    const recording = addRecording(study, kari);
    addRecording(study, noConsent);
    const candidates = value<InterviewCandidate[]>(await study.core.invoke('interviews.candidates', {}));
    expect(candidates.map(({ id, state, consentSignedOn }) => ({ id, state, consentSignedOn }))).toEqual([
      { id: kari, state: 'valid', consentSignedOn: '2026-03-01' },
      { id: noConsent, state: 'consentMissing', consentSignedOn: null },
      { id: withdrawn, state: 'withdrawn', consentSignedOn: null },
    ]);
    expect(candidates[0]!.recordings.map((linked) => linked.id)).toEqual([recording]);
  });

  it('changes an interview: details, recordings relinked, a recording another interview holds is refused', async () => {
    const { study, kari, input } = await setUp();
    const first = addRecording(study, kari);
    const second = addRecording(study, kari, '2026-03-11');
    const interview = value<Interview>(await study.core.invoke('interviews.register', input({ recordingIds: [first] })));
    const other = value<Interview>(await study.core.invoke('interviews.register', input({ heldAt: '2026-04-01T10:00', recordingIds: [] })));

    const changed = value<Interview>(
      await study.core.invoke('interviews.update', {
        id: interview.id,
        heldAt: '2026-03-10T14:00',
        lengthMinutes: null,
        setting: 'other',
        settingOther: '  Et bibliotek  ',
        guideVersionId: interview.guideVersionId,
        notes: '',
        recordingIds: [second],
      }),
    );
    expect(changed).toMatchObject({ heldAt: '2026-03-10T14:00', lengthMinutes: null, setting: 'other', settingOther: 'Et bibliotek', notes: '' });
    expect(changed.linkedRecordings.map((linked) => linked.id)).toEqual([second]);

    const update = { id: other.id, heldAt: '2026-04-01T10:00', lengthMinutes: 30, setting: 'home', settingOther: 'ignored', guideVersionId: null, notes: '', recordingIds: [second] };
    expect(await study.core.invoke('interviews.update', update)).toEqual({ ok: false, error: { code: 'interview.recordingTaken' } });
    const unchanged = value<Interview>(await study.core.invoke('interviews.get', { id: other.id }));
    expect(unchanged).toMatchObject({ setting: 'video', lengthMinutes: 42, linkedRecordings: [] });
    const saved = value<Interview>(await study.core.invoke('interviews.update', { ...update, recordingIds: [first] }));
    expect(saved).toMatchObject({ setting: 'home', settingOther: '', guideVersionId: null, recordings: 1 });
    expect(await study.core.invoke('interviews.get', { id: 999 })).toEqual({ ok: false, error: { code: 'interview.missing' } });

    const audit = study.core.session.require().db.read((reader) => listAudit(reader)).filter((event) => event.kind === 'interview.changed');
    expect(audit.at(-1)?.detail).toEqual({ interviewId: interview.id, fields: 'heldAt,lengthMinutes,setting,settingOther,notes,recordings' });
  });

  it('deletes an interview registered by mistake: the checklist goes, the recordings stay; refused once a transcript belongs to it', async () => {
    const { study, kari, input } = await setUp();
    const recording = addRecording(study, kari);
    const mistake = value<Interview>(await study.core.invoke('interviews.register', input({ recordingIds: [recording] })));
    value(await study.core.invoke('interviews.setCovered', { id: mistake.id, questionKey: 'hope', covered: true }));
    expect(value(await study.core.invoke('interviews.delete', { id: mistake.id }))).toEqual({});
    expect(await study.core.invoke('interviews.get', { id: mistake.id })).toEqual({ ok: false, error: { code: 'interview.missing' } });
    const left = study.core.session.require().db.read((reader) => ({
      ticks: reader.query<{ n: number }>('SELECT count(*) AS n FROM interview_question').get()?.n,
      recording: reader.query<{ interview_id: number | null }>('SELECT interview_id FROM recording WHERE id = ?').get(recording),
    }));
    expect(left).toEqual({ ticks: 0, recording: { interview_id: null } });
    const audit = study.core.session.require().db.read((reader) => listAudit(reader)).find((event) => event.kind === 'interview.deleted');
    expect(audit?.detail).toEqual({ interviewId: mistake.id, participantId: kari, recordings: 1 });

    const kept = value<Interview>(await study.core.invoke('interviews.register', input()));
    study.core.session.require().db.write((writer) =>
      writer.statement('INSERT INTO transcript (interview_id, created_at, updated_at) VALUES (?, ?, ?)').run(kept.id, '2026-03-11T10:00:00Z', '2026-03-11T10:00:00Z'),
    );
    expect(await study.core.invoke('interviews.delete', { id: kept.id })).toEqual({ ok: false, error: { code: 'interview.hasTranscript' } });
    expect(value<Interview>(await study.core.invoke('interviews.get', { id: kept.id })).id).toBe(kept.id);
    expect(await study.core.invoke('interviews.delete', { id: 999 })).toEqual({ ok: false, error: { code: 'interview.missing' } });
  });

  it('ticks questions off the checklist by key, counts them, and refuses a question the version does not ask', async () => {
    const { study, content, input } = await setUp();
    const interview = value<Interview>(await study.core.invoke('interviews.register', input()));
    const tick = (questionKey: string, covered = true) => study.core.invoke('interviews.setCovered', { id: interview.id, questionKey, covered });
    expect(value(await tick('hope'))).toEqual({ coveredKeys: ['hope'], covered: 1, questions: 15 });
    value(await tick('values'));
    value(await tick('hope'));
    expect(value(await tick('values', false))).toEqual({ coveredKeys: ['hope'], covered: 1, questions: 15 });
    expect(await tick('not-in-guide')).toEqual({ ok: false, error: { code: 'interview.questionUnknown' } });
    expect(await tick('main')).toEqual({ ok: false, error: { code: 'interview.questionUnknown' } });

    // Version 2 without "hope": switching the interview to it drops that tick.
    const without = { ...content, parts: content.parts.map((part) => ({ ...part, questions: part.questions.filter((question) => question.key !== 'hope') })) };
    const { version: v2 } = value<{ version: GuideVersion }>(await study.core.invoke('guide.save', { id: interview.guideVersionId, content: without }));
    value(await tick('dream'));
    const { participantId: _participant, ...fields } = input();
    const moved = value<Interview>(await study.core.invoke('interviews.update', { ...fields, id: interview.id, guideVersionId: v2.id }));
    expect(moved).toMatchObject({ guideVersion: 2, coveredKeys: ['dream'], covered: 1, questions: 14 });

    const noGuide = value<Interview>(await study.core.invoke('interviews.register', input({ guideVersionId: null, heldAt: '2026-05-01T10:00' })));
    expect(noGuide.questions).toBe(0);
    expect(await study.core.invoke('interviews.setCovered', { id: noGuide.id, questionKey: 'hope', covered: true })).toEqual({ ok: false, error: { code: 'interview.noGuide' } });
  });
});
