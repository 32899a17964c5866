import type { StudyWriter } from '../../../main/core/db/connection.js';
import type { FreshStudy } from '../../helpers/study.js';

/**
 * A participant with a marker in every column that holds something about them and is not kept on
 * withdrawal (pseudonym, status, dates and the register's receipts are kept, so they get no marker).
 * Written straight into the study, so these tests do not depend on the other features' channels.
 */
export interface Seeded {
  id: number;
  pseudonym: string;
  /** Every marker string given to this participant. */
  markers: string[];
}

let documentVersion = 900;

function documents(writer: StudyWriter): { letterId: number; formId: number } {
  documentVersion += 1;
  const insert = writer.statement(
    "INSERT INTO consent_document (kind, language, version, content, created_at, frozen_at) VALUES (?, 'nb', ?, '{}', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z')",
  );
  const letterId = Number(insert.run('letter', documentVersion).lastInsertRowid);
  const formId = Number(insert.run('form', documentVersion).lastInsertRowid);
  return { letterId, formId };
}

/** Bytes with the marker in the middle of ~20 kB, so the blob spills onto overflow pages. */
function blobWith(marker: string): Buffer {
  const filler = Buffer.alloc(10_000, 0x41);
  return Buffer.concat([filler, Buffer.from(marker, 'utf8'), filler]);
}

export function seedParticipant(study: FreshStudy, tag: string, pseudonym: string): Seeded {
  const m = (column: string) => `SENTINEL-${tag}-${column}-7f3q`;
  const markers: string[] = [];
  const mark = (column: string) => {
    const marker = m(column);
    markers.push(marker);
    return marker;
  };
  const id = study.core.session.require().db.write((writer) => {
    const participantId = Number(
      writer
        .statement(
          "INSERT INTO participant (pseudonym, status, asked_on, consented_on, created_at) VALUES (?, 'consented', '2026-02-01', '2026-02-10', '2026-02-01T09:00:00Z')",
        )
        .run(pseudonym).lastInsertRowid,
    );
    writer
      .statement('INSERT INTO participant_identity (participant_id, name, phone, email, address) VALUES (?, ?, ?, ?, ?)')
      .run(participantId, mark('name'), mark('phone'), mark('email'), mark('address'));
    const attributes = writer.query<{ id: number }>('SELECT id FROM attribute ORDER BY position').all();
    for (const attribute of attributes) {
      writer
        .statement('INSERT INTO attribute_value (participant_id, attribute_id, value) VALUES (?, ?, ?)')
        .run(participantId, attribute.id, mark(`attribute${attribute.id}`));
    }
    const { letterId, formId } = documents(writer);
    const consentId = Number(
      writer
        .statement(
          `INSERT INTO consent (participant_id, letter_id, form_id, signed_on, signed_place, method, allows_recording, allows_quotes, confirmed_by_researcher_on, created_at)
           VALUES (?, ?, ?, '2026-02-10', ?, 'paper', 1, 1, '2026-02-10', '2026-02-10T10:00:00Z')`,
        )
        .run(participantId, letterId, formId, mark('signedPlace')).lastInsertRowid,
    );
    writer
      .statement("INSERT INTO consent_scan (consent_id, file_name, media_type, content, added_at) VALUES (?, ?, 'application/pdf', ?, '2026-02-11T08:00:00Z')")
      .run(consentId, mark('scanFileName'), blobWith(mark('scanBytes')));
    const recordingId = Number(
      writer
        .statement(
          `INSERT INTO recording (participant_id, made_at, kept_where, format, length_seconds, transcribed_on, deletion_due_on, notes, created_at)
           VALUES (?, '2026-03-01', 'diktafon, låst skap', 'mp3', 2400, '2026-03-02', '2026-03-09', ?, '2026-03-01T12:00:00Z')`,
        )
        .run(participantId, mark('recordingNotes')).lastInsertRowid,
    );
    writer
      .statement("INSERT INTO recording_audio (recording_id, file_name, media_type, content) VALUES (?, ?, 'audio/mpeg', ?)")
      .run(recordingId, mark('audioFileName'), blobWith(mark('audioBytes')));
    // A second recording kept outside the study (a dictaphone), not yet deleted.
    writer
      .statement(
        "INSERT INTO recording (participant_id, made_at, kept_where, format, notes, created_at) VALUES (?, '2026-03-05', 'diktafon', 'wav', ?, '2026-03-05T12:00:00Z')",
      )
      .run(participantId, mark('recordingNotes2'));
    writer
      .statement(
        `INSERT INTO rights_request (participant_id, kind, received_on, due_on, extended_to, extension_reason, notes, created_at)
         VALUES (?, 'access', '2026-04-01', '2026-05-01', '2026-06-01', ?, ?, '2026-04-01T08:00:00Z')`,
      )
      .run(participantId, mark('extensionReason'), mark('requestNotes'));
    return participantId;
  });
  return { id, pseudonym, markers };
}
