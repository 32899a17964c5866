import type { requestsChannels } from '../../../shared/requests/contract.js';
import { todayIso } from '../../../shared/recordings/deadlines.js';
import type { Handler } from '../router.js';
import type { StudySession } from '../study/session.js';
import { answerRequest, extendRequest, listRequests, readRequest, registerRequest } from './register.js';

type RequestsHandlers = { [C in keyof typeof requestsChannels]: Handler<C> };

export function requestsHandlers(session: StudySession): RequestsHandlers {
  const db = () => session.require().db;
  return {
    'requests.list': () => ({ today: todayIso(), requests: db().read(listRequests) }),
    'requests.register': (input) => {
      const id = db().write((writer) => registerRequest(writer, input));
      return db().read((reader) => readRequest(reader, id));
    },
    'requests.extend': (input) => {
      db().write((writer) => extendRequest(writer, input));
      return db().read((reader) => readRequest(reader, input.id));
    },
    'requests.answer': (input) => {
      db().write((writer) => answerRequest(writer, input));
      return db().read((reader) => readRequest(reader, input.id));
    },
  };
}
