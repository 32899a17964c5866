import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { GroundworkError } from '../../../shared/contract/errors.js';
import type { ExchangeProgress, exchangeChannels } from '../../../shared/exchange/contract.js';
import { judgePassphrase } from '../../../shared/passphrase/strength.js';
import { recordAudit } from '../audit/audit.js';
import { createStudyDatabase, removeStudyFiles } from '../db/open.js';
import { writeExport } from '../participantTable/handlers.js';
import type { Handler } from '../router.js';
import { insertStudy } from '../study/page.js';
import type { StudySession } from '../study/session.js';
import { buildCodebook, buildProject, readExchangeSummary, zipProject } from './exportProject.js';
import { storeCodebook, storeProject } from './importProject.js';
import { readCodebookFile, readProjectFile } from './readProject.js';

type ExchangeHandlers = { [C in keyof typeof exchangeChannels]: Handler<C> };

const origin = 'Groundwork';

/** Lets the event loop breathe between phases, so progress reaches the UI. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

export function exchangeHandlers(session: StudySession, reportProgress: (progress: ExchangeProgress) => void = () => {}): ExchangeHandlers {
  return {
    'exchange.summary': () => session.require().db.read(readExchangeSummary),
    'exchange.exportProject': async ({ path: target, lineEnding, includeMemos, language }) => {
      const { db } = session.require();
      // A write: GUIDs made for the first time are stored, so the next export uses the same ones.
      const built = db.write((writer) => buildProject(writer, { lineEnding, includeMemos, language, origin }));
      const { bytes } = await zipProject(built);
      const written = writeExport(target, bytes, 'exchange.exportFailed');
      db.write((writer) => recordAudit(writer, 'export.written', { what: 'refiProject', format: 'qdpx', lineEnding, sources: built.counts.sources, codes: built.counts.codes, codings: built.counts.codings, memos: built.counts.notes, cases: built.counts.cases, variables: built.counts.variables }));
      return { path: written, counts: built.counts };
    },
    'exchange.exportCodebook': ({ path: target }) => {
      const { db } = session.require();
      const { xml, codes } = db.write((writer) => buildCodebook(writer, 'en', origin));
      if (codes === 0) throw new GroundworkError('exchange.noCodes');
      const written = writeExport(target, Buffer.from(xml, 'utf8'), 'exchange.exportFailed');
      db.write((writer) => recordAudit(writer, 'export.written', { what: 'refiCodebook', format: 'qdc', codes }));
      return { path: written, codes };
    },
    'exchange.importProject': async ({ importId, base64, title, path: target, passphrase }) => {
      const file = path.resolve(target);
      if (!judgePassphrase(passphrase, [title, path.basename(file)]).acceptable) throw new GroundworkError('passphrase.tooWeak');
      reportProgress({ importId, phase: 'reading', done: 0, total: 1 });
      await breathe();
      // The whole file is read and checked before the study file is made: a refused file leaves nothing.
      const read = readProjectFile(Buffer.from(base64, 'base64'), (count) => reportProgress({ importId, phase: 'checking', done: count, total: 0 }));
      reportProgress({ importId, phase: 'storing', done: 0, total: read.selections });
      await breathe();
      const db = createStudyDatabase(file, passphrase);
      let result: ReturnType<typeof storeProject>;
      try {
        const now = new Date();
        result = db.write((writer) => {
          insertStudy(writer, { id: randomUUID(), title, createdAt: now.toISOString(), isDemo: false });
          recordAudit(writer, 'study.created', {}, now);
          return storeProject(writer, read.project, read.notHeld, (done, total) => reportProgress({ importId, phase: 'storing', done, total }), now);
        });
        db.close();
      } catch (error) {
        if (db.connection.open) db.close();
        removeStudyFiles(file);
        if (error instanceof GroundworkError) throw error;
        throw new GroundworkError('exchange.importFailed');
      }
      const study = session.open({ path: file, passphrase });
      reportProgress({ importId, phase: 'done', done: 1, total: 1 });
      return { study, counts: result.counts, notHeld: result.notHeld };
    },
    'exchange.importCodebook': ({ base64 }) => {
      const { db } = session.require();
      const { codes, sets } = readCodebookFile(Buffer.from(base64, 'base64'));
      return db.write((writer) => storeCodebook(writer, codes, sets));
    },
  };
}
