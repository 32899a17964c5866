import type { recordingsChannels } from '../../../shared/recordings/contract.js';
import { todayIso } from '../../../shared/recordings/deadlines.js';
import type { Handler } from '../router.js';
import type { StudySession } from '../study/session.js';
import { listCandidates, listRecordings, markTranscribed, readRecording, recordDeletion, registerRecording } from './register.js';

type RecordingsHandlers = { [C in keyof typeof recordingsChannels]: Handler<C> };

export function recordingsHandlers(session: StudySession): RecordingsHandlers {
  const db = () => session.require().db;
  return {
    'recordings.list': () => ({ today: todayIso(), recordings: db().read(listRecordings) }),
    'recordings.candidates': () => db().read(listCandidates),
    'recordings.register': (input) => {
      const id = db().write((writer) => registerRecording(writer, input));
      return db().read((reader) => readRecording(reader, id));
    },
    'recordings.markTranscribed': ({ id, transcribedOn }) => {
      db().write((writer) => markTranscribed(writer, id, transcribedOn));
      return db().read((reader) => readRecording(reader, id));
    },
    'recordings.recordDeletion': (input) => {
      db().write((writer) => recordDeletion(writer, input));
      return db().read((reader) => readRecording(reader, input.id));
    },
  };
}
