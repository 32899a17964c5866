import type { quotesChannels } from '../../../shared/quotes/contract.js';
import { recordAudit } from '../audit/audit.js';
import { readUndoState } from '../coding/undo.js';
import { writeExport } from '../participantTable/handlers.js';
import type { Handler } from '../router.js';
import type { StudySession } from '../study/session.js';
import { groupQuotes, renderQuotesDocx } from './exports.js';
import { createQuote, deleteQuote, listQuotes, readQuote, updateQuote } from './quotes.js';

type QuotesHandlers = { [C in keyof typeof quotesChannels]: Handler<C> };

export function quotesHandlers(session: StudySession): QuotesHandlers {
  const db = () => session.require().db;
  return {
    'quotes.list': () => db().read((reader) => listQuotes(reader)),
    'quotes.create': ({ passage, wording, categoryId }) => {
      const id = db().write((writer) => createQuote(writer, passage, wording ?? '', categoryId ?? null));
      return db().read((reader) => ({ quote: readQuote(reader, id), undo: readUndoState(reader) }));
    },
    'quotes.update': ({ id, wording, note, categoryId, baseUpdatedAt }) => {
      db().write((writer) => updateQuote(writer, id, { wording, note, categoryId }, baseUpdatedAt));
      return db().read((reader) => readQuote(reader, id));
    },
    'quotes.delete': ({ id }) => {
      db().write((writer) => deleteQuote(writer, id));
      return { undo: db().read((reader) => readUndoState(reader)) };
    },
    'quotes.export': async ({ path, language }) => {
      const { quotes, categories } = db().read((reader) => listQuotes(reader));
      const groups = groupQuotes(quotes, categories).length;
      const written = writeExport(path, await renderQuotesDocx(quotes, categories, language), 'quote.exportFailed');
      db().write((writer) => recordAudit(writer, 'export.written', { what: 'quotes', format: 'docx', quotes: quotes.length, categories: groups }));
      return { path: written, quotes: quotes.length, categories: groups };
    },
  };
}
