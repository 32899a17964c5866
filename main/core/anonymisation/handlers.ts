import type { anonymisationChannels } from '../../../shared/anonymisation/contract.js';
import type { Handler } from '../router.js';
import type { StudySession } from '../study/session.js';
import { deleteKey, keySummary, viewKey } from './key.js';
import { addRule, decide, finishReview, readReview, refreshReview, setOptions } from './review.js';

type AnonymisationHandlers = { [C in keyof typeof anonymisationChannels]: Handler<C> };

export function anonymisationHandlers(session: StudySession): AnonymisationHandlers {
  const db = () => session.require().db;
  const review = (transcriptId: number) => db().read((reader) => readReview(reader, transcriptId));
  return {
    'anonymisation.review': ({ transcriptId }) => {
      db().write((writer) => refreshReview(writer, transcriptId));
      return review(transcriptId);
    },
    'anonymisation.decide': (input) => {
      db().write((writer) => decide(writer, input));
      return review(input.transcriptId);
    },
    'anonymisation.addRule': (input) => {
      db().write((writer) => addRule(writer, input));
      return review(input.transcriptId);
    },
    'anonymisation.setOptions': ({ transcriptId, pronoun, labelLanguage }) => {
      db().write((writer) => setOptions(writer, transcriptId, { pronoun, labelLanguage }));
      return review(transcriptId);
    },
    'anonymisation.finish': ({ transcriptId, revision }) => {
      const open = session.require();
      const result = open.db.write((writer) => finishReview(writer, transcriptId, revision));
      // The originals' old page versions may still sit in the write-ahead log: fold it in and empty it.
      open.db.connection.pragma('wal_checkpoint(TRUNCATE)');
      return result;
    },
    'anonymisation.keySummary': () => db().read(keySummary),
    'anonymisation.key': () => ({ entries: db().write((writer) => viewKey(writer)) }),
    'anonymisation.deleteKey': () => {
      const open = session.require();
      const result = open.db.write((writer) => deleteKey(writer));
      open.db.connection.pragma('wal_checkpoint(TRUNCATE)');
      return result;
    },
  };
}
