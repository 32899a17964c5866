import type { ConsentDocument, ConsentDocumentWithContent, RichNode } from '../../../shared/consent/contract.js';
import { GroundworkError } from '../../../shared/contract/errors.js';
import { starterDocuments } from '../../../shared/consent/starter.js';
import { recordAudit } from '../audit/audit.js';
import type { StudyReader, StudyWriter } from '../db/connection.js';

interface DocumentRow {
  id: number;
  kind: ConsentDocument['kind'];
  language: ConsentDocument['language'];
  version: number;
  created_at: string;
  frozen_at: string | null;
  consents: number;
}

const selectDocuments = `
  SELECT d.id, d.kind, d.language, d.version, d.created_at, d.frozen_at,
    (SELECT count(*) FROM consent c WHERE c.letter_id = d.id OR c.form_id = d.id) AS consents
  FROM consent_document d`;

function toDocument(row: DocumentRow): ConsentDocument {
  return {
    id: row.id,
    kind: row.kind,
    language: row.language,
    version: row.version,
    createdAt: row.created_at,
    frozenAt: row.frozen_at,
    consents: row.consents,
  };
}

export function hasDocuments(reader: StudyReader): boolean {
  return reader.query<{ one: number }>('SELECT 1 AS one FROM consent_document LIMIT 1').get() !== undefined;
}

/** Version 1 of the starter letter and form in both languages, made once, in a study that has none. */
export function seedStarterDocuments(writer: StudyWriter, now = new Date()): void {
  if (hasDocuments(writer)) return;
  const insert = writer.statement(
    'INSERT INTO consent_document (kind, language, version, content, created_at) VALUES (?, ?, 1, ?, ?)',
  );
  for (const starter of starterDocuments) {
    const { lastInsertRowid } = insert.run(starter.kind, starter.language, JSON.stringify(starter.content), now.toISOString());
    recordAudit(writer, 'consent.documentCreated', { documentId: Number(lastInsertRowid), kind: starter.kind, version: 1, starter: true }, now);
  }
}

export function listDocuments(reader: StudyReader): ConsentDocument[] {
  return reader
    .query<DocumentRow>(`${selectDocuments} ORDER BY d.kind DESC, d.language DESC, d.version DESC`)
    .all()
    .map(toDocument);
}

export function readDocument(reader: StudyReader, id: number): ConsentDocumentWithContent {
  const row = reader.query<DocumentRow & { content: string }>(`
    SELECT d.id, d.kind, d.language, d.version, d.created_at, d.frozen_at, d.content,
      (SELECT count(*) FROM consent c WHERE c.letter_id = d.id OR c.form_id = d.id) AS consents
    FROM consent_document d WHERE d.id = ?`).get(id);
  if (!row) throw new GroundworkError('consent.documentMissing');
  return { ...toDocument(row), content: JSON.parse(row.content) as RichNode };
}

/** Changes an unused version in place. A version a consent was given on never changes. */
export function saveDocument(writer: StudyWriter, id: number, content: RichNode): ConsentDocument {
  const existing = readDocument(writer, id);
  if (existing.frozenAt !== null || existing.consents > 0) throw new GroundworkError('consent.documentFrozen');
  writer.statement('UPDATE consent_document SET content = ? WHERE id = ?').run(JSON.stringify(content), id);
  return toDocument({ ...rowOf(existing), consents: existing.consents });
}

/** Saves `content` as the next version of the same kind and language as version `id`. */
export function saveDocumentAsNext(writer: StudyWriter, id: number, content: RichNode, now = new Date()): ConsentDocument {
  const base = readDocument(writer, id);
  const latest = writer
    .query<{ version: number }>('SELECT max(version) AS version FROM consent_document WHERE kind = ? AND language = ?')
    .get(base.kind, base.language);
  const version = (latest?.version ?? 0) + 1;
  const { lastInsertRowid } = writer
    .statement('INSERT INTO consent_document (kind, language, version, content, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(base.kind, base.language, version, JSON.stringify(content), now.toISOString());
  const newId = Number(lastInsertRowid);
  recordAudit(writer, 'consent.documentCreated', { documentId: newId, kind: base.kind, version, basedOn: id }, now);
  return toDocument({ ...rowOf(readDocument(writer, newId)), consents: 0 });
}

/** Marks a version as used by a consent: from now on it cannot change. */
export function freezeDocument(writer: StudyWriter, id: number, now = new Date()): void {
  const { changes } = writer
    .statement('UPDATE consent_document SET frozen_at = ? WHERE id = ? AND frozen_at IS NULL')
    .run(now.toISOString(), id);
  if (changes > 0) recordAudit(writer, 'consent.documentFrozen', { documentId: id }, now);
}

function rowOf(document: ConsentDocumentWithContent): DocumentRow {
  return {
    id: document.id,
    kind: document.kind,
    language: document.language,
    version: document.version,
    created_at: document.createdAt,
    frozen_at: document.frozenAt,
    consents: document.consents,
  };
}
