import type { Connection } from '../cipher.js';

/**
 * The interview guide, interviews, line-numbered transcripts and their anonymisation; and the
 * contacts on the study page that the information letter names (researcher, data-protection officer).
 *
 * Every table here that reaches a participant (through `interview`) is listed in
 * `main/core/participants/participantData.ts`, which withdrawal uses.
 */
export default function migrate(db: Connection): void {
  db.exec(`
    -- ── The study page: contacts the information letter names ─────────────────────────────
    ALTER TABLE study ADD COLUMN researcher_name TEXT NOT NULL DEFAULT '';
    ALTER TABLE study ADD COLUMN researcher_contact TEXT NOT NULL DEFAULT '';
    ALTER TABLE study ADD COLUMN data_protection_officer TEXT NOT NULL DEFAULT '';

    -- ── Interview guide ────────────────────────────────────────────────────────────────────
    -- One row per version. The content is JSON (see shared/guide/contract.ts): parts, each with
    -- questions and follow-up prompts; every part and question has a stable key, so a checklist
    -- and a comparison between versions can follow a question from one version to the next.
    -- A version used by an interview is frozen: editing it makes the next version.
    CREATE TABLE guide_version (
      id INTEGER PRIMARY KEY,
      version INTEGER NOT NULL UNIQUE CHECK (version >= 1),
      content TEXT NOT NULL,
      created_at TEXT NOT NULL,
      -- The last save of an unfrozen version (NULL: unchanged since it was made).
      updated_at TEXT,
      frozen_at TEXT
    ) STRICT;

    -- ── Interviews ─────────────────────────────────────────────────────────────────────────
    CREATE TABLE interview (
      id INTEGER PRIMARY KEY,
      participant_id INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
      guide_version_id INTEGER REFERENCES guide_version (id),
      -- Local time in Europe/Oslo, 'YYYY-MM-DDTHH:MM'.
      held_at TEXT NOT NULL,
      length_minutes INTEGER CHECK (length_minutes IS NULL OR length_minutes BETWEEN 0 AND 1440),
      setting TEXT NOT NULL CHECK (setting IN ('video', 'home', 'groupRoom', 'other')),
      setting_other TEXT NOT NULL DEFAULT '',
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX interview_participant ON interview (participant_id, held_at);

    -- The checklist: which of the guide's questions were covered (by the question's stable key).
    CREATE TABLE interview_question (
      interview_id INTEGER NOT NULL REFERENCES interview (id) ON DELETE CASCADE,
      question_key TEXT NOT NULL,
      covered_at TEXT NOT NULL,
      PRIMARY KEY (interview_id, question_key)
    ) STRICT, WITHOUT ROWID;

    -- A recording in the register may belong to an interview.
    ALTER TABLE recording ADD COLUMN interview_id INTEGER REFERENCES interview (id) ON DELETE SET NULL;
    CREATE INDEX recording_interview ON recording (interview_id);

    -- ── Transcripts ────────────────────────────────────────────────────────────────────────
    -- 'raw' until the anonymisation review is finished, then 'anonymised'. completed_at: marked
    -- complete (sets 'transcribed' on the interview's recordings, which starts their deletion clock).
    CREATE TABLE transcript (
      id INTEGER PRIMARY KEY,
      interview_id INTEGER NOT NULL REFERENCES interview (id) ON DELETE CASCADE,
      title TEXT NOT NULL DEFAULT '',
      state TEXT NOT NULL DEFAULT 'raw' CHECK (state IN ('raw', 'anonymised')),
      anonymised_at TEXT,
      completed_at TEXT,
      interviewer_label TEXT NOT NULL DEFAULT '',
      participant_label TEXT NOT NULL DEFAULT '',
      -- Where it came from: typed, pasted, or the imported file's format (txt, docx, srt, vtt).
      source TEXT NOT NULL DEFAULT 'typed' CHECK (source IN ('typed', 'pasted', 'txt', 'docx', 'srt', 'vtt')),
      -- Bumped by every save: an autosave carries the revision it started from, so a stale save is
      -- refused instead of overwriting newer text.
      revision INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX transcript_interview ON transcript (interview_id);

    -- The units of line-by-line coding. The id is stable for the life of the line (made by the
    -- editor, a short random string); the number shown in the margin is the position.
    CREATE TABLE transcript_line (
      id TEXT PRIMARY KEY,
      transcript_id INTEGER NOT NULL REFERENCES transcript (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      speaker TEXT NOT NULL DEFAULT 'participant' CHECK (speaker IN ('interviewer', 'participant', 'other')),
      timestamp_ms INTEGER CHECK (timestamp_ms IS NULL OR timestamp_ms >= 0),
      text TEXT NOT NULL
    ) STRICT;
    CREATE INDEX transcript_line_order ON transcript_line (transcript_id, position);

    -- ── Anonymisation ──────────────────────────────────────────────────────────────────────
    -- The key: original → replacement, consistent across the study ("[NAVN 1]" is the same person
    -- in every transcript). Kept apart; "delete the key" empties this table and the review's
    -- originals, after which no original identifier remains in the file.
    CREATE TABLE anonymisation_key (
      id INTEGER PRIMARY KEY,
      original TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(original)) > 0),
      replacement TEXT NOT NULL CHECK (length(trim(replacement)) > 0),
      kind TEXT NOT NULL
        CHECK (kind IN ('name', 'place', 'organisation', 'phone', 'email', 'nationalId', 'address', 'date', 'age', 'other')),
      created_at TEXT NOT NULL
    ) STRICT;

    -- Which transcripts use which key entry: withdrawal deletes the entries only that person's
    -- transcripts used.
    CREATE TABLE anonymisation_key_use (
      key_id INTEGER NOT NULL REFERENCES anonymisation_key (id) ON DELETE CASCADE,
      transcript_id INTEGER NOT NULL REFERENCES transcript (id) ON DELETE CASCADE,
      PRIMARY KEY (key_id, transcript_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX anonymisation_key_use_transcript ON anonymisation_key_use (transcript_id);

    -- The review of one transcript: each proposed or added hit and the researcher's decision.
    -- 'original' is identifying until the key is deleted (then deleted with it). source: the
    -- detector, the key (an original the study already knows), the researcher's own rule, or a
    -- pronoun proposal (the study's pronoun for every participant; never entered in the key).
    -- replacement: the decided one, or for an open hit the key's, or '' (a number is given on accepting).
    CREATE TABLE anonymisation_hit (
      id INTEGER PRIMARY KEY,
      transcript_id INTEGER NOT NULL REFERENCES transcript (id) ON DELETE CASCADE,
      line_id TEXT NOT NULL REFERENCES transcript_line (id) ON DELETE CASCADE,
      start INTEGER NOT NULL CHECK (start >= 0),
      end INTEGER NOT NULL CHECK (end > start),
      original TEXT NOT NULL,
      kind TEXT NOT NULL
        CHECK (kind IN ('name', 'place', 'organisation', 'phone', 'email', 'nationalId', 'address', 'date', 'age', 'other', 'pronoun')),
      source TEXT NOT NULL DEFAULT 'detector' CHECK (source IN ('detector', 'key', 'rule', 'pronoun')),
      decision TEXT NOT NULL DEFAULT 'open' CHECK (decision IN ('open', 'accepted', 'rejected', 'changed')),
      replacement TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX anonymisation_hit_transcript ON anonymisation_hit (transcript_id, line_id);
    CREATE INDEX anonymisation_hit_original ON anonymisation_hit (original COLLATE NOCASE);

    -- The last number given per numbered kind ("[NAVN 7]"). Kept when the key is deleted, so a
    -- person in a later transcript never gets a number that already means someone else.
    CREATE TABLE anonymisation_label (
      kind TEXT PRIMARY KEY CHECK (kind IN ('name', 'place', 'organisation')),
      last_number INTEGER NOT NULL CHECK (last_number >= 0)
    ) STRICT, WITHOUT ROWID;
  `);
}
