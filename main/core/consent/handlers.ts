import type { consentChannels } from '../../../shared/consent/contract.js';
import { recordAudit } from '../audit/audit.js';
import type { Handler } from '../router.js';
import { readStudyPage } from '../study/page.js';
import type { StudySession } from '../study/session.js';
import { hasDocuments, listDocuments, readDocument, saveDocument, saveDocumentAsNext, seedStarterDocuments } from './documents.js';
import { exportDocument } from './exports.js';
import { listParticipantConsents, recordConsent } from './records.js';
import { attachScan, readScan, removeScan, saveScanCopy } from './scans.js';

type ConsentHandlers = { [C in keyof typeof consentChannels]: Handler<C> };

export function consentHandlers(session: StudySession): ConsentHandlers {
  return {
    'consent.documents': () => {
      const { db } = session.require();
      // The starter letter and form are made the first time the documents are asked for.
      if (!db.read(hasDocuments)) db.write((writer) => seedStarterDocuments(writer));
      return db.read(listDocuments);
    },
    'consent.document': ({ id }) => session.require().db.read((reader) => readDocument(reader, id)),
    'consent.saveDocument': ({ id, content }) => session.require().db.write((writer) => saveDocument(writer, id, content)),
    'consent.saveDocumentAsNext': ({ id, content }) =>
      session.require().db.write((writer) => saveDocumentAsNext(writer, id, content)),
    'consent.exportDocument': async ({ documentId, format, path }) => {
      const { db } = session.require();
      const { document, page } = db.read((reader) => ({ document: readDocument(reader, documentId), page: readStudyPage(reader) }));
      const written = await exportDocument(document, page, format, path);
      db.write((writer) =>
        recordAudit(writer, 'consent.documentExported', { documentId, kind: document.kind, version: document.version, format }),
      );
      return written;
    },
    'consent.records': () => session.require().db.read(listParticipantConsents),
    'consent.record': (input) => session.require().db.write((writer) => recordConsent(writer, input)),
    'consent.attachScan': ({ consentId, fileName, content }) =>
      session.require().db.write((writer) => attachScan(writer, consentId, fileName, content)),
    'consent.scan': ({ consentId }) => {
      const { content, ...scan } = session.require().db.read((reader) => readScan(reader, consentId));
      return { ...scan, content: content.toString('base64') };
    },
    'consent.saveScanCopy': ({ consentId, path }) =>
      session.require().db.write((writer) => {
        const written = saveScanCopy(writer, consentId, path);
        recordAudit(writer, 'consent.scanCopied', { consentId, bytes: written.bytes });
        return written;
      }),
    'consent.removeScan': ({ consentId }) => {
      session.require().db.write((writer) => removeScan(writer, consentId));
      return {};
    },
  };
}
