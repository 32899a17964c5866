import type { Connection } from '../cipher.js';

/**
 * Participants, consent, recordings and the data subject's rights.
 *
 * Directly identifying details (name, phone, e-mail, address) live in a table of their own, so they
 * can be shown only when asked for, left out of every export by construction, and deleted for all
 * participants in one statement at the end of the study.
 *
 * Every table that refers to a participant is listed in `main/core/participants/participantData.ts`,
 * which withdrawal uses; a test fails when a table here is missing from that list.
 */
export default function migrate(db: Connection): void {
  db.exec(`
    ALTER TABLE study ADD COLUMN recording_deletion_days INTEGER NOT NULL DEFAULT 7
      CHECK (recording_deletion_days BETWEEN 0 AND 3650);
    ALTER TABLE study ADD COLUMN identifying_details_deleted_at TEXT;

    CREATE TABLE participant (
      id INTEGER PRIMARY KEY,
      pseudonym TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(pseudonym)) > 0),
      status TEXT NOT NULL DEFAULT 'asked'
        CHECK (status IN ('asked', 'consented', 'interviewed', 'completed', 'withdrawn')),
      asked_on TEXT,
      consented_on TEXT,
      interviewed_on TEXT,
      completed_on TEXT,
      withdrawn_on TEXT,
      created_at TEXT NOT NULL
    ) STRICT;

    -- Directly identifying details, kept apart.
    CREATE TABLE participant_identity (
      participant_id INTEGER PRIMARY KEY REFERENCES participant (id) ON DELETE CASCADE,
      name TEXT NOT NULL DEFAULT '',
      phone TEXT NOT NULL DEFAULT '',
      email TEXT NOT NULL DEFAULT '',
      address TEXT NOT NULL DEFAULT ''
    ) STRICT;

    -- The variables the researcher defines for analysis and the participant table.
    CREATE TABLE attribute (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
      kind TEXT NOT NULL CHECK (kind IN ('text', 'number', 'date', 'choice')),
      -- For 'choice': a JSON array of the allowed values.
      choices TEXT NOT NULL DEFAULT '[]',
      -- For the attributes every study starts with: a stable key (age, familySituation, …).
      builtin TEXT UNIQUE,
      position INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE attribute_value (
      participant_id INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
      attribute_id INTEGER NOT NULL REFERENCES attribute (id) ON DELETE CASCADE,
      value TEXT NOT NULL,
      PRIMARY KEY (participant_id, attribute_id)
    ) STRICT;
    CREATE INDEX attribute_value_attribute ON attribute_value (attribute_id);

    -- Versioned information letters and consent forms (TipTap JSON). A version used by a consent
    -- is frozen: editing it makes the next version.
    CREATE TABLE consent_document (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('letter', 'form')),
      language TEXT NOT NULL CHECK (language IN ('nb', 'en')),
      version INTEGER NOT NULL CHECK (version >= 1),
      content TEXT NOT NULL,
      created_at TEXT NOT NULL,
      frozen_at TEXT,
      UNIQUE (kind, language, version)
    ) STRICT;

    CREATE TABLE consent (
      id INTEGER PRIMARY KEY,
      participant_id INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
      letter_id INTEGER NOT NULL REFERENCES consent_document (id),
      form_id INTEGER NOT NULL REFERENCES consent_document (id),
      signed_on TEXT NOT NULL,
      signed_place TEXT NOT NULL DEFAULT '',
      method TEXT NOT NULL CHECK (method IN ('paper', 'digital')),
      allows_recording INTEGER NOT NULL CHECK (allows_recording IN (0, 1)),
      allows_quotes INTEGER NOT NULL CHECK (allows_quotes IN (0, 1)),
      confirmed_by_researcher_on TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX consent_participant ON consent (participant_id, signed_on);

    -- A scan of the signed form, stored encrypted inside the study file.
    CREATE TABLE consent_scan (
      consent_id INTEGER PRIMARY KEY REFERENCES consent (id) ON DELETE CASCADE,
      file_name TEXT NOT NULL,
      media_type TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
      content BLOB NOT NULL,
      added_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE recording (
      id INTEGER PRIMARY KEY,
      participant_id INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
      made_at TEXT NOT NULL,
      kept_where TEXT NOT NULL DEFAULT '',
      format TEXT NOT NULL DEFAULT '',
      length_seconds INTEGER CHECK (length_seconds IS NULL OR length_seconds >= 0),
      transcribed_on TEXT,
      deletion_due_on TEXT,
      deleted_on TEXT,
      deleted_how TEXT NOT NULL DEFAULT '',
      deletion_confirmed_by TEXT NOT NULL DEFAULT '',
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX recording_participant ON recording (participant_id);
    CREATE INDEX recording_due ON recording (deleted_on, deletion_due_on);

    -- The audio itself, when the researcher keeps it inside the study. Deleting the recording's
    -- audio removes this row; the register keeps only the receipt.
    CREATE TABLE recording_audio (
      recording_id INTEGER PRIMARY KEY REFERENCES recording (id) ON DELETE CASCADE,
      file_name TEXT NOT NULL,
      media_type TEXT NOT NULL,
      content BLOB NOT NULL
    ) STRICT;

    CREATE TABLE rights_request (
      id INTEGER PRIMARY KEY,
      participant_id INTEGER REFERENCES participant (id) ON DELETE SET NULL,
      kind TEXT NOT NULL
        CHECK (kind IN ('access', 'rectification', 'erasure', 'restriction', 'portability', 'objection')),
      received_on TEXT NOT NULL,
      due_on TEXT NOT NULL,
      extended_to TEXT,
      extension_reason TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'refused')),
      answered_on TEXT,
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX rights_request_due ON rights_request (status, due_on);

    -- What a withdrawal was, without who: the participant row keeps only its pseudonym and status.
    CREATE TABLE withdrawal (
      participant_id INTEGER PRIMARY KEY REFERENCES participant (id) ON DELETE CASCADE,
      withdrawn_on TEXT NOT NULL,
      communicated_how TEXT NOT NULL DEFAULT '',
      scope TEXT NOT NULL CHECK (scope IN ('deleteEverything', 'keepAnonymisedAnalysis')),
      completed_at TEXT NOT NULL
    ) STRICT;
  `);

  // The attributes every study starts with (names are set in the study's language later; the
  // built-in key lets the UI name them in either language until the researcher renames them).
  const insert = db.prepare('INSERT INTO attribute (name, kind, choices, builtin, position) VALUES (?, ?, ?, ?, ?)');
  const builtins: [string, string, string][] = [
    ['Alder', 'number', 'age'],
    ['Familiesituasjon', 'text', 'familySituation'],
    ['Bosituasjon', 'text', 'housing'],
    ['Arbeid eller aktivitet', 'text', 'occupation'],
    ['Kjønn', 'choice', 'gender'],
    ['Gruppe', 'text', 'group'],
    ['Gruppe fullført', 'date', 'groupCompleted'],
  ];
  builtins.forEach(([name, kind, key], position) => {
    const choices = key === 'gender' ? JSON.stringify(['Kvinne', 'Mann', 'Annet', 'Vil ikke oppgi']) : '[]';
    insert.run(name, kind, choices, key, position);
  });
}
