import type { interviewsChannels } from '../../../shared/interviews/contract.js';
import type { Handler } from '../router.js';
import type { StudySession } from '../study/session.js';
import {
  deleteInterview,
  listInterviewCandidates,
  listInterviews,
  readInterview,
  registerInterview,
  setQuestionCovered,
  updateInterview,
} from './interviews.js';

type InterviewsHandlers = { [C in keyof typeof interviewsChannels]: Handler<C> };

export function interviewsHandlers(session: StudySession): InterviewsHandlers {
  const db = () => session.require().db;
  return {
    'interviews.list': () => db().read(listInterviews),
    'interviews.get': ({ id }) => db().read((reader) => readInterview(reader, id)),
    'interviews.candidates': () => db().read(listInterviewCandidates),
    'interviews.register': (input) => {
      const id = db().write((writer) => registerInterview(writer, input));
      return db().read((reader) => readInterview(reader, id));
    },
    'interviews.update': (input) => {
      db().write((writer) => updateInterview(writer, input));
      return db().read((reader) => readInterview(reader, input.id));
    },
    'interviews.delete': ({ id }) => {
      db().write((writer) => deleteInterview(writer, id));
      return {};
    },
    'interviews.setCovered': ({ id, questionKey, covered }) => {
      db().write((writer) => setQuestionCovered(writer, id, questionKey, covered));
      const interview = db().read((reader) => readInterview(reader, id));
      return { coveredKeys: interview.coveredKeys, covered: interview.covered, questions: interview.questions };
    },
  };
}
