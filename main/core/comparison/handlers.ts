import type { comparisonChannels } from '../../../shared/comparison/contract.js';
import type { StudyReader } from '../db/connection.js';
import { listAttributes } from '../participants/attributes.js';
import type { Handler } from '../router.js';
import type { StudySession } from '../study/session.js';
import { codeMatrix, coOccurrence } from './matrix.js';
import { listPassages, readContext } from './passages.js';
import { listCategories, listCodes, listComparedParticipants } from './scope.js';
import { searchLines, searchMemos, searchPassages } from './search.js';

type ComparisonHandlers = { [C in keyof typeof comparisonChannels]: Handler<C> };

/** Constant comparison reads only: every channel here runs on a reader. */
export function comparisonHandlers(session: StudySession): ComparisonHandlers {
  const read = <T>(work: (reader: StudyReader) => T): T => session.require().db.read(work);
  return {
    'comparison.options': () =>
      read((reader) => ({
        codes: listCodes(reader),
        categories: listCategories(reader),
        attributes: listAttributes(reader),
        participants: listComparedParticipants(reader),
      })),
    'comparison.passages': (input) =>
      read((reader) => {
        const passages = listPassages(reader, input);
        return { passages, participants: new Set(passages.map((passage) => passage.participantId)).size };
      }),
    'comparison.context': (input) => read((reader) => readContext(reader, input)),
    'comparison.matrix': (input) => read((reader) => codeMatrix(reader, input)),
    'comparison.cooccurrence': (input) => read((reader) => coOccurrence(reader, input)),
    'comparison.search': ({ query, inTranscripts, inMemos }) =>
      read((reader) => ({
        ...(inTranscripts ? searchLines(reader, query) : { lines: [], total: 0 }),
        memos: inMemos ? searchMemos(reader, query) : [],
      })),
    'comparison.searchPassages': ({ query }) => read((reader) => searchPassages(reader, query)),
  };
}
