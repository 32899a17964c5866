import type { StudyReader } from '../db/connection.js';

export interface CurrentConsent {
  consentId: number;
  signedOn: string;
  allowsRecording: boolean;
  allowsQuotes: boolean;
}

/**
 * The consent that counts for a participant now: the latest one recorded (a renewed consent on a
 * newer version replaces the earlier one). None when nothing is on record, or when the participant
 * has withdrawn — a withdrawal ends the consent even though its record is kept.
 */
export function currentConsent(reader: StudyReader, participantId: number): CurrentConsent | null {
  const participant = reader
    .query<{ status: string }>('SELECT status FROM participant WHERE id = ?')
    .get(participantId);
  if (!participant || participant.status === 'withdrawn') return null;
  const row = reader
    .query<{ id: number; signed_on: string; allows_recording: number; allows_quotes: number }>(
      `SELECT id, signed_on, allows_recording, allows_quotes FROM consent
       WHERE participant_id = ? ORDER BY signed_on DESC, id DESC LIMIT 1`,
    )
    .get(participantId);
  if (!row) return null;
  return {
    consentId: row.id,
    signedOn: row.signed_on,
    allowsRecording: row.allows_recording === 1,
    allowsQuotes: row.allows_quotes === 1,
  };
}
