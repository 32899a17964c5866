import fs from 'node:fs';
import path from 'node:path';
import { maxScanBytes, type ScanMediaType, type ScanSummary } from '../../../shared/consent/contract.js';
import { GroundworkError } from '../../../shared/contract/errors.js';
import { recordAudit } from '../audit/audit.js';
import type { StudyReader, StudyWriter } from '../db/connection.js';
import { readConsent } from './records.js';
import { requireActiveParticipant } from '../participants/participants.js';

/** What the file is, from its first bytes: a name or an extension proves nothing. */
export function scanMediaTypeOf(bytes: Buffer): ScanMediaType | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

/** Attaches the scan of the signed form, replacing any earlier one. */
export function attachScan(writer: StudyWriter, consentId: number, fileName: string, base64: string, now = new Date()): ScanSummary {
  const consent = readConsent(writer, consentId);
  requireActiveParticipant(writer, consent.participantId);
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > maxScanBytes) throw new GroundworkError('consent.scanTooLarge');
  const mediaType = scanMediaTypeOf(bytes);
  if (!mediaType) throw new GroundworkError('consent.scanUnsupported');
  const replaced = consent.scan !== null;
  const name = path.basename(fileName.replaceAll('\\', '/')).slice(0, 255) || 'scan';
  writer
    .statement(
      `INSERT INTO consent_scan (consent_id, file_name, media_type, content, added_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (consent_id) DO UPDATE SET file_name = excluded.file_name, media_type = excluded.media_type,
         content = excluded.content, added_at = excluded.added_at`,
    )
    .run(consentId, name, mediaType, bytes, now.toISOString());
  recordAudit(writer, 'consent.scanAttached', { consentId, mediaType, bytes: bytes.length, replaced }, now);
  return { fileName: name, mediaType, bytes: bytes.length };
}

export function readScan(reader: StudyReader, consentId: number): ScanSummary & { addedAt: string; content: Buffer } {
  const row = reader
    .query<{ file_name: string; media_type: ScanMediaType; content: Buffer; added_at: string }>(
      'SELECT file_name, media_type, content, added_at FROM consent_scan WHERE consent_id = ?',
    )
    .get(consentId);
  if (!row) {
    readConsent(reader, consentId);
    throw new GroundworkError('consent.scanMissing');
  }
  return { fileName: row.file_name, mediaType: row.media_type, bytes: row.content.length, addedAt: row.added_at, content: row.content };
}

/** Writes a copy of the scan where the researcher chose (and nowhere else). */
export function saveScanCopy(reader: StudyReader, consentId: number, target: string): { path: string; bytes: number } {
  const scan = readScan(reader, consentId);
  const resolved = path.resolve(target);
  try {
    fs.writeFileSync(resolved, scan.content, { mode: 0o600 });
  } catch {
    throw new GroundworkError('consent.exportFailed');
  }
  return { path: resolved, bytes: scan.bytes };
}

/** Removes the scan; with secure_delete on, its bytes are overwritten in the file. */
export function removeScan(writer: StudyWriter, consentId: number, now = new Date()): void {
  readConsent(writer, consentId);
  const { changes } = writer.statement('DELETE FROM consent_scan WHERE consent_id = ?').run(consentId);
  if (changes === 0) throw new GroundworkError('consent.scanMissing');
  recordAudit(writer, 'consent.scanRemoved', { consentId }, now);
}
