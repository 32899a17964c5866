import type { calendarChannels, GroupDetail, SessionDetail } from '../../../shared/calendar/contract.js';
import { recordAudit } from '../audit/audit.js';
import type { StudyReader } from '../db/connection.js';
import type { Handler } from '../router.js';
import type { StudySession } from '../study/session.js';
import { submitEvaluation, summariseEvaluations } from './evaluations.js';
import { attendanceXlsx, groupIcs, scheduleDocx, schedulePdf, writeCalendarExport } from './exports.js';
import {
  addSession,
  checkMove,
  createGroup,
  deleteGroup,
  groupDetail,
  groupSessions,
  listGroups,
  moveSession,
  removeSession,
  sessionsInRange,
  setSessionRoom,
  setThemes,
  updateGroup,
} from './groups.js';
import { addMember, bookTalk, removeMember, removeTalk, saveLog, sessionDetail, setAttendance, setTalkHeld, updateMember } from './members.js';
import { copyProgramme, deleteProgramme, listProgrammes, readProgramme, saveProgramme, setDefaultProgramme } from './programmes.js';
import { readGroup, readSession } from './store.js';

type CalendarHandlers = { [C in keyof typeof calendarChannels]: Handler<C> };

/** One session with its attendance and log, numbered and checked within its group. */
export function readSessionDetail(reader: StudyReader, id: number): SessionDetail {
  const row = readSession(reader, id);
  const session = groupSessions(reader, readGroup(reader, row.group_id)).find((candidate) => candidate.id === id)!;
  return sessionDetail(reader, id, session);
}

export function calendarHandlers(session: StudySession): CalendarHandlers {
  const db = () => session.require().db;
  const detail = (groupId: number): GroupDetail => db().read((reader) => groupDetail(reader, groupId));
  return {
    'calendar.programmes.list': () => db().read(listProgrammes),
    'calendar.programmes.save': ({ id, content }) => {
      db().write((writer) => saveProgramme(writer, id, content));
      return db().read((reader) => readProgramme(reader, id));
    },
    'calendar.programmes.copy': ({ id, name }) => {
      const newId = db().write((writer) => copyProgramme(writer, id, name));
      return db().read((reader) => readProgramme(reader, newId));
    },
    'calendar.programmes.delete': ({ id }) => {
      db().write((writer) => deleteProgramme(writer, id));
      return { deleted: true as const };
    },
    'calendar.programmes.setDefault': ({ id }) => {
      db().write((writer) => setDefaultProgramme(writer, id));
      return db().read(listProgrammes);
    },

    'calendar.groups.list': () => db().read(listGroups),
    'calendar.groups.get': ({ id }) => detail(id),
    'calendar.groups.create': (input) => detail(db().write((writer) => createGroup(writer, input))),
    'calendar.groups.update': (input) => {
      db().write((writer) => updateGroup(writer, input));
      return detail(input.id);
    },
    'calendar.groups.delete': ({ id }) => db().write((writer) => deleteGroup(writer, id)),
    'calendar.groups.setThemes': ({ id, themes }) => {
      db().write((writer) => setThemes(writer, id, themes));
      return detail(id);
    },

    'calendar.sessions.inRange': ({ from, to }) => db().read((reader) => sessionsInRange(reader, from, to)),
    'calendar.sessions.get': ({ id }) => db().read((reader) => readSessionDetail(reader, id)),
    'calendar.sessions.check': (input) => ({ conflicts: db().read((reader) => checkMove(reader, input)) }),
    'calendar.sessions.move': (input) => detail(db().write((writer) => moveSession(writer, input))),
    'calendar.sessions.add': (input) => {
      db().write((writer) => addSession(writer, input));
      return detail(input.groupId);
    },
    'calendar.sessions.remove': ({ id }) => detail(db().write((writer) => removeSession(writer, id))),
    'calendar.sessions.setRoom': ({ id, room }) => {
      db().write((writer) => setSessionRoom(writer, id, room));
      return db().read((reader) => readSessionDetail(reader, id));
    },

    'calendar.members.add': (input) => detail(db().write((writer) => addMember(writer, input))),
    'calendar.members.update': (input) => detail(db().write((writer) => updateMember(writer, input))),
    'calendar.members.remove': ({ id }) => detail(db().write((writer) => removeMember(writer, id))),

    'calendar.talks.book': (input) => detail(db().write((writer) => bookTalk(writer, input))),
    'calendar.talks.setHeld': ({ id, held }) => detail(db().write((writer) => setTalkHeld(writer, id, held))),
    'calendar.talks.remove': ({ id }) => detail(db().write((writer) => removeTalk(writer, id))),

    'calendar.attendance.set': (input) => {
      db().write((writer) => setAttendance(writer, input));
      return db().read((reader) => readSessionDetail(reader, input.sessionId));
    },
    'calendar.log.save': (input) => {
      db().write((writer) => saveLog(writer, input));
      return db().read((reader) => readSessionDetail(reader, input.sessionId));
    },

    'calendar.evaluations.submit': (input) => ({ responses: db().write((writer) => submitEvaluation(writer, input)) }),
    'calendar.evaluations.summary': ({ groupId }) => db().read((reader) => summariseEvaluations(reader, groupId)),

    'calendar.export.ics': ({ groupId, path: target, language }) => {
      const { group, text } = db().read((reader) => {
        const group = groupDetail(reader, groupId);
        const studyId = reader.query<{ study_id: string }>('SELECT study_id FROM study WHERE id = 1').get()?.study_id ?? 'study';
        return { group, text: groupIcs(group, studyId, language) };
      });
      const written = writeCalendarExport(target, text);
      const events = group.sessions.length;
      db().write((writer) => recordAudit(writer, 'export.written', { what: 'groupCalendar', format: 'ics', groupId, events }));
      return { path: written, events };
    },
    'calendar.export.schedule': async ({ groupId, path: target, format, language }) => {
      const group = detail(groupId);
      const bytes = format === 'pdf' ? await schedulePdf(group, language) : await scheduleDocx(group, language);
      const written = writeCalendarExport(target, bytes);
      const sessions = group.sessions.length;
      db().write((writer) => recordAudit(writer, 'export.written', { what: 'groupSchedule', format, groupId, sessions }));
      return { path: written, sessions };
    },
    'calendar.export.attendance': async ({ groupId, path: target, language }) => {
      const { group, pending } = db().read((reader) => {
        const group = groupDetail(reader, groupId);
        return { group, pending: attendanceXlsx(reader, group, language) };
      });
      const written = writeCalendarExport(target, await pending);
      const counts = { members: group.members.length, sessions: group.sessions.length };
      db().write((writer) => recordAudit(writer, 'export.written', { what: 'groupAttendance', format: 'xlsx', groupId, ...counts }));
      return { path: written, ...counts };
    },
  };
}
