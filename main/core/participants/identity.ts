import { GroundworkError } from '../../../shared/contract/errors.js';
import type { Identity } from '../../../shared/participants/contract.js';
import type { StudyReader, StudyWriter } from '../db/connection.js';
import { requireActiveParticipant, requireParticipant } from './participants.js';

const empty: Identity = { name: '', phone: '', email: '', address: '' };

/** When the identifying details were deleted at the end of the study, or null. */
export function identityDeletedAt(reader: StudyReader): string | null {
  return reader.query<{ at: string | null }>('SELECT identifying_details_deleted_at AS at FROM study WHERE id = 1').get()?.at ?? null;
}

/** One participant's directly identifying details. Only the identity channel reads them. */
export function readIdentity(reader: StudyReader, id: number): Identity {
  requireParticipant(reader, id);
  return reader.query<Identity>('SELECT name, phone, email, address FROM participant_identity WHERE participant_id = ?').get(id) ?? empty;
}

export function writeIdentity(writer: StudyWriter, id: number, identity: Identity): Identity {
  requireActiveParticipant(writer, id);
  if (identityDeletedAt(writer)) throw new GroundworkError('identity.deleted');
  const tidy: Identity = {
    name: identity.name.trim(),
    phone: identity.phone.trim(),
    email: identity.email.trim(),
    address: identity.address.trim(),
  };
  if (!tidy.name && !tidy.phone && !tidy.email && !tidy.address) {
    writer.statement('DELETE FROM participant_identity WHERE participant_id = ?').run(id);
  } else {
    writer
      .statement(
        `INSERT INTO participant_identity (participant_id, name, phone, email, address) VALUES (@id, @name, @phone, @email, @address)
         ON CONFLICT (participant_id) DO UPDATE SET name = @name, phone = @phone, email = @email, address = @address`,
      )
      .run({ id, ...tidy });
  }
  return readIdentity(writer, id);
}

export function participantsWithIdentity(reader: StudyReader): number {
  return reader.query<{ count: number }>('SELECT count(*) AS count FROM participant_identity').get()?.count ?? 0;
}

/**
 * The end of the study: every participant's identifying details go in one statement. The study
 * runs with `secure_delete`, so the freed pages are overwritten, not merely unlinked.
 */
export function deleteAllIdentity(writer: StudyWriter, now = new Date()): { deletedAt: string; count: number } {
  const count = writer.statement('DELETE FROM participant_identity').run().changes;
  const deletedAt = now.toISOString();
  writer.statement('UPDATE study SET identifying_details_deleted_at = ? WHERE id = 1').run(deletedAt);
  return { deletedAt, count };
}
