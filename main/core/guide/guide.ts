import { GroundworkError } from '../../../shared/contract/errors.js';
import {
  guideContentSchema,
  guideQuestions,
  type GuideContent,
  type GuideLanguage,
  type GuideVersion,
  type GuideVersionWithContent,
} from '../../../shared/guide/contract.js';
import { starterGuide } from '../../../shared/guide/starter.js';
import { recordAudit } from '../audit/audit.js';
import type { StudyReader, StudyWriter } from '../db/connection.js';

/**
 * The interview guide's versions. Only the newest version is ever edited; once an interview has
 * used it, it is frozen and saving it makes the next version, so every interview keeps the exact
 * guide it was held with.
 */

interface VersionRow {
  id: number;
  version: number;
  content: string;
  created_at: string;
  updated_at: string | null;
  frozen_at: string | null;
  interviews: number;
}

const selectVersions = `
  SELECT g.id, g.version, g.content, g.created_at, g.updated_at, g.frozen_at,
    (SELECT count(*) FROM interview i WHERE i.guide_version_id = g.id) AS interviews
  FROM guide_version g`;

/** The stored JSON, checked: a file changed by another tool is reported, not half-shown. */
function parseContent(json: string): GuideContent {
  const parsed = guideContentSchema.safeParse(JSON.parse(json));
  if (!parsed.success) throw new GroundworkError('study.damaged');
  return parsed.data;
}

function toVersion(row: VersionRow, content: GuideContent): GuideVersion {
  return {
    id: row.id,
    version: row.version,
    title: content.title,
    language: content.language,
    createdAt: row.created_at,
    updatedAt: row.updated_at ?? row.created_at,
    frozenAt: row.frozen_at,
    interviews: row.interviews,
    parts: content.parts.length,
    questions: guideQuestions(content).length,
  };
}

export function hasGuide(reader: StudyReader): boolean {
  return reader.query<{ one: number }>('SELECT 1 AS one FROM guide_version LIMIT 1').get() !== undefined;
}

/** Every version, newest first. */
export function listGuideVersions(reader: StudyReader): GuideVersion[] {
  return reader
    .query<VersionRow>(`${selectVersions} ORDER BY g.version DESC`)
    .all()
    .map((row) => toVersion(row, parseContent(row.content)));
}

export function readGuideVersion(reader: StudyReader, id: number): GuideVersionWithContent {
  const row = reader.query<VersionRow>(`${selectVersions} WHERE g.id = ?`).get(id);
  if (!row) throw new GroundworkError('guide.versionMissing');
  const content = parseContent(row.content);
  return { ...toVersion(row, content), content };
}

function insertVersion(writer: StudyWriter, content: GuideContent, now: Date): number {
  const latest = writer.query<{ version: number | null }>('SELECT max(version) AS version FROM guide_version').get();
  const version = (latest?.version ?? 0) + 1;
  const { lastInsertRowid } = writer
    .statement('INSERT INTO guide_version (version, content, created_at) VALUES (?, ?, ?)')
    .run(version, JSON.stringify(content), now.toISOString());
  const id = Number(lastInsertRowid);
  recordAudit(writer, 'guide.versionCreated', { guideVersionId: id, version }, now);
  return id;
}

/** Version 1 from the starter guide in `language`, made once, in a study that has no guide. */
export function seedStarterGuide(writer: StudyWriter, language: GuideLanguage, now = new Date()): void {
  if (hasGuide(writer)) return;
  insertVersion(writer, starterGuide(language), now);
}

/**
 * Saves `content` over version `id` if it is the newest and unused; as the next version if an
 * interview has used it. An older version is never changed (`guide.versionOutdated`).
 */
export function saveGuide(writer: StudyWriter, id: number, content: GuideContent, now = new Date()): { id: number; created: boolean } {
  const existing = readGuideVersion(writer, id);
  const newest = writer.query<{ id: number }>('SELECT id FROM guide_version ORDER BY version DESC LIMIT 1').get();
  if (newest?.id !== id) throw new GroundworkError('guide.versionOutdated');
  // Checked again here so that no caller (the demo, a test) can store a guide the contract refuses.
  const parsed = guideContentSchema.safeParse(content);
  if (!parsed.success) throw new GroundworkError('input.invalid');
  const checked = parsed.data;
  if (existing.frozenAt !== null) return { id: insertVersion(writer, checked, now), created: true };
  writer.statement('UPDATE guide_version SET content = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(checked), now.toISOString(), id);
  return { id, created: false };
}

/** Marks a version as used by an interview: from now on it does not change. */
export function freezeGuideVersion(writer: StudyWriter, id: number, now = new Date()): void {
  const row = writer.query<{ version: number }>('SELECT version FROM guide_version WHERE id = ?').get(id);
  if (!row) throw new GroundworkError('guide.versionMissing');
  const { changes } = writer.statement('UPDATE guide_version SET frozen_at = ? WHERE id = ? AND frozen_at IS NULL').run(now.toISOString(), id);
  if (changes > 0) recordAudit(writer, 'guide.versionFrozen', { guideVersionId: id, version: row.version }, now);
}
