import { spreadThemes, addDays, mondayOf } from '../../../shared/calendar/schedule.js';
import type { StudyWriter } from '../db/connection.js';
import { addSession, createGroup, moveSession, setThemes } from './groups.js';
import { addMember, bookTalk, saveLog, setAttendance, setTalkHeld } from './members.js';
import { readSessions } from './store.js';
import { todayInOslo } from './time.js';

/**
 * The demo's groups, all invented, dated from today so the calendar always has a past and a future:
 * - "Gruppe vår 2025", a finished reSTART group whose two holiday sessions were moved by a day; one
 *   member is linked to the demo participant who was in that group and completed it;
 * - a reSTART group that started three weeks ago, with attendance, two leader's logs and START
 *   talks, and the leaders' own order of the themes;
 * - a palliative-care reflection group starting next week;
 * - a rehabilitation reflection group in the same room as the reSTART group on Thursdays, so the
 *   calendar shows a room booked twice.
 * Members are initials or first names, as the leaders would write them.
 */
export function addDemoGroups(writer: StudyWriter, now = new Date()): void {
  const programme = (builtin: string) => writer.query<{ id: number }>('SELECT id FROM group_programme WHERE builtin = ?').get(builtin)?.id;
  const restart = programme('restart');
  const palliative = programme('palliativeReflection');
  const rehabilitation = programme('rehabilitationReflection');
  if (restart === undefined || palliative === undefined || rehabilitation === undefined) return;
  const leaders = { professional: 'Hilde Sætre (oppdiktet)', peer: 'Jonas Vik (oppdiktet)' };
  const room = 'Møterom Fjorden, Fjordvik helsehus';

  // ── The finished group of spring 2025 ───────────────────────────────────────────────────────
  const finishedId = createGroup(
    writer,
    { name: 'Gruppe vår 2025', programmeId: restart, leaders, room, startDate: '2025-04-22', weekdays: [2, 4], startTime: '12:00', notes: '' },
    now,
  );
  const finishedSessions = () => readSessions(writer, finishedId);
  // Labour Day and Ascension Day: each session moved to the Friday after.
  for (const [from, to] of [['2025-05-01', '2025-05-02T12:00'], ['2025-05-29', '2025-05-30T12:00']] as const) {
    const session = finishedSessions().find((row) => row.starts_at.startsWith(from));
    if (session) moveSession(writer, { id: session.id, startsAt: to, shift: 'none' }, now);
  }
  const linked = writer
    .query<{ participant_id: number }>(
      `SELECT v.participant_id FROM attribute_value v JOIN attribute a ON a.id = v.attribute_id
       WHERE a.builtin = 'group' AND v.value = 'Gruppe vår 2025' ORDER BY v.participant_id LIMIT 1`,
    )
    .get()?.participant_id ?? null;
  for (const label of ['H.L.', 'Randi', 'K.B.', 'Aslak', 'M.']) {
    addMember(writer, { groupId: finishedId, label, participantId: label === 'H.L.' ? linked : null }, now);
  }
  const finishedMembers = writer.query<{ id: number; label: string }>('SELECT id, label FROM group_member WHERE group_id = ?').all(finishedId);
  finishedSessions().forEach((session, index) => {
    setAttendance(
      writer,
      {
        sessionId: session.id,
        entries: finishedMembers.map((member) => {
          // Aslak stopped coming after six sessions; Randi was ill twice.
          const absent = (member.label === 'Aslak' && index >= 6) || (member.label === 'Randi' && (index === 3 || index === 9));
          return { memberId: member.id, status: absent ? 'absent' : 'present', reason: absent && member.label === 'Randi' ? 'Syk' : '' };
        }),
      },
      now,
    );
  });

  // ── The running reSTART group ───────────────────────────────────────────────────────────────
  const today = todayInOslo(now);
  const start = addDays(mondayOf(today), -21);
  const season = Number(start.slice(5, 7)) <= 6 ? 'vår' : 'høst';
  const runningId = createGroup(
    writer,
    { name: `Gruppe ${season} ${start.slice(0, 4)}`, programmeId: restart, leaders, room, startDate: start, weekdays: [2, 4], startTime: '12:00', notes: '' },
    now,
  );
  // This group asked to begin with hope.
  setThemes(writer, runningId, spreadThemes(['hope', 'values', 'belonging', 'livingWith', 'theDream', 'selfDetermination'], readSessions(writer, runningId).length), now);
  for (const label of ['Siri', 'A.M.', 'Tone', 'Geir', 'L.K.', 'Nina']) addMember(writer, { groupId: runningId, label, participantId: null }, now);
  const runningMembers = writer.query<{ id: number; label: string }>('SELECT id, label FROM group_member WHERE group_id = ?').all(runningId);
  for (const member of runningMembers) {
    bookTalk(writer, { memberId: member.id, talkKey: 'start', startsAt: `${addDays(start, -7)}T10:00`, minutes: 180 }, now);
  }
  for (const talk of writer.query<{ id: number }>('SELECT t.id FROM group_talk t JOIN group_member m ON m.id = t.member_id WHERE m.group_id = ?').all(runningId)) {
    setTalkHeld(writer, talk.id, true);
  }
  const past = readSessions(writer, runningId).filter((session) => session.starts_at.slice(0, 10) < today);
  past.forEach((session, index) => {
    setAttendance(
      writer,
      {
        sessionId: session.id,
        entries: runningMembers.map((member) => {
          const absent = (member.label === 'Geir' && index === 1) || (member.label === 'Nina' && index >= past.length - 2);
          return { memberId: member.id, status: absent ? 'absent' : 'present', reason: absent && member.label === 'Geir' ? 'Legetime' : '' };
        }),
      },
      now,
    );
  });
  const logs = [
    {
      whatHappened: 'Første samling. Vi gikk gjennom arbeidsheftet og snakket om hva håp kan være.',
      why: 'Gruppen var spent og litt stille i starten; presentasjonsrunden hjalp.',
      whatNext: 'Bruke refleksjonskortene tidligere i samlingen neste gang.',
      themeNotes: 'Håp som noe man gjør, ikke bare noe man har.',
    },
    {
      whatHappened: 'Mye latter og gode samtaler i par før felles runde.',
      why: 'Parsamtalene gjorde det lettere å si noe i hele gruppen.',
      whatNext: 'Fortsette med parsamtaler; sette av mer tid til avslutningsrunden.',
      themeNotes: '',
    },
  ];
  past.slice(0, logs.length).forEach((session, index) => saveLog(writer, { sessionId: session.id, mentions: [], ...logs[index]! }, now));

  // ── Sibling programmes ─────────────────────────────────────────────────────────────────────
  const nextWednesday = addDays(mondayOf(today), 9);
  createGroup(
    writer,
    {
      name: 'Refleksjonsgruppe palliasjon, Sjøtun',
      programmeId: palliative,
      leaders: { professional: 'Kari Holm (oppdiktet)', peer: '' },
      room: 'Personalrommet, Sjøtun omsorgssenter',
      startDate: nextWednesday,
      weekdays: [],
      notes: '',
    },
    now,
  );
  const rehabilitationId = createGroup(
    writer,
    {
      name: 'Refleksjonsprogram, hjemmetjenesten',
      programmeId: rehabilitation,
      leaders: { professional: 'Per Ulvestad (oppdiktet)', peer: '' },
      room,
      startDate: addDays(mondayOf(today), 3),
      weekdays: [],
      startTime: '13:00',
      notes: '',
    },
    now,
  );
  // One extra session the team asked for, after the five.
  const last = readSessions(writer, rehabilitationId).at(-1);
  if (last) addSession(writer, { groupId: rehabilitationId, startsAt: `${addDays(last.starts_at.slice(0, 10), 14)}T13:00`, minutes: 150 }, now);
}
