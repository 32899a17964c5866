import { builtinProgrammes } from '../../calendar/builtinProgrammes.js';
import type { Connection } from '../cipher.js';

/**
 * The group calendar: programmes (templates), groups, sessions, members, attendance, the leader's
 * log, individual talks and evaluation answers.
 *
 * Times are wall-clock times in Europe/Oslo, `YYYY-MM-DDTHH:MM` (as `interview.held_at`): a group
 * that meets at 12:00 meets at 12:00 on both sides of the change to summer time, so the local time
 * is what the leaders mean and what is stored; instants are derived where needed (the .ics file).
 *
 * Members are clients of a mental-health service. A member is a short label (initials or a first
 * name) and, optionally, a link to a study participant. Every table that reaches `participant`
 * (through `group_member`) is listed in `main/core/participants/participantData.ts`, so the
 * withdrawal of a linked participant removes the member with their attendance, log notes, talks
 * and linked evaluation answers.
 */
export default function migrate(db: Connection): void {
  db.exec(`
    -- A programme as a template; content is JSON (programmeContentSchema in shared/calendar/contract.ts).
    -- builtin: the key of a programme Groundwork ships (editable), NULL for the researcher's own.
    CREATE TABLE group_programme (
      id INTEGER PRIMARY KEY,
      builtin TEXT UNIQUE,
      is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
      content TEXT NOT NULL,
      position INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX group_programme_one_default ON group_programme (is_default) WHERE is_default = 1;

    -- A group. plan: the programme's content as copied when the group was made, so editing the
    -- template never changes a running group. Leaders are staff and are named; members are not.
    CREATE TABLE calendar_group (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      programme_id INTEGER REFERENCES group_programme (id) ON DELETE RESTRICT,
      plan TEXT NOT NULL,
      professional_leader TEXT NOT NULL CHECK (length(trim(professional_leader)) > 0),
      peer_leader TEXT NOT NULL DEFAULT '',
      room TEXT NOT NULL DEFAULT '',
      start_date TEXT NOT NULL,
      -- For a weekly programme: the chosen weekdays as a JSON array (1 = Monday).
      weekdays TEXT NOT NULL DEFAULT '[]',
      start_time TEXT NOT NULL,
      notes TEXT NOT NULL DEFAULT '',
      colour INTEGER NOT NULL CHECK (colour >= 0),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX calendar_group_programme ON calendar_group (programme_id);

    -- A group session; its number is its place in time within the group (not stored). The
    -- leader's log (what happened, why, what next) is about the group, written without names.
    CREATE TABLE group_session (
      id INTEGER PRIMARY KEY,
      group_id INTEGER NOT NULL REFERENCES calendar_group (id) ON DELETE CASCADE,
      starts_at TEXT NOT NULL,
      minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
      room TEXT NOT NULL DEFAULT '',
      theme_key TEXT,
      theme_notes TEXT NOT NULL DEFAULT '',
      log_what_happened TEXT NOT NULL DEFAULT '',
      log_why TEXT NOT NULL DEFAULT '',
      log_what_next TEXT NOT NULL DEFAULT '',
      log_updated_at TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX group_session_starts ON group_session (starts_at);
    CREATE INDEX group_session_group ON group_session (group_id, starts_at);

    -- completed_on: the completion date last written to the linked participant's
    -- 'groupCompleted' attribute, so a later correction can take back only what it wrote.
    CREATE TABLE group_member (
      id INTEGER PRIMARY KEY,
      group_id INTEGER NOT NULL REFERENCES calendar_group (id) ON DELETE CASCADE,
      label TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(label)) BETWEEN 1 AND 24),
      participant_id INTEGER REFERENCES participant (id) ON DELETE CASCADE,
      completed_on TEXT,
      created_at TEXT NOT NULL,
      UNIQUE (group_id, label),
      UNIQUE (group_id, participant_id)
    ) STRICT;
    CREATE INDEX group_member_participant ON group_member (participant_id);

    CREATE TABLE group_attendance (
      session_id INTEGER NOT NULL REFERENCES group_session (id) ON DELETE CASCADE,
      member_id INTEGER NOT NULL REFERENCES group_member (id) ON DELETE CASCADE,
      status TEXT NOT NULL CHECK (status IN ('present', 'absent')),
      reason TEXT NOT NULL DEFAULT '',
      recorded_at TEXT NOT NULL,
      PRIMARY KEY (session_id, member_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX group_attendance_member ON group_attendance (member_id);

    -- The leader's notes about one member in a session's log, kept apart from the log so they go
    -- with the member.
    CREATE TABLE group_log_mention (
      session_id INTEGER NOT NULL REFERENCES group_session (id) ON DELETE CASCADE,
      member_id INTEGER NOT NULL REFERENCES group_member (id) ON DELETE CASCADE,
      note TEXT NOT NULL,
      PRIMARY KEY (session_id, member_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX group_log_mention_member ON group_log_mention (member_id);

    -- Individual talks (START talk, mid-way, follow-up) booked for a member.
    CREATE TABLE group_talk (
      id INTEGER PRIMARY KEY,
      member_id INTEGER NOT NULL REFERENCES group_member (id) ON DELETE CASCADE,
      talk_key TEXT NOT NULL,
      starts_at TEXT NOT NULL,
      minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
      held INTEGER NOT NULL DEFAULT 0 CHECK (held IN (0, 1)),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX group_talk_member ON group_talk (member_id);

    -- One filled-in evaluation form: answers as JSON by question key, never a name. member_id only
    -- when the leaders pair a member's answers before and after; the date, not the moment.
    CREATE TABLE group_evaluation (
      id INTEGER PRIMARY KEY,
      group_id INTEGER NOT NULL REFERENCES calendar_group (id) ON DELETE CASCADE,
      form_key TEXT NOT NULL,
      session_id INTEGER REFERENCES group_session (id) ON DELETE CASCADE,
      member_id INTEGER REFERENCES group_member (id) ON DELETE CASCADE,
      answers TEXT NOT NULL,
      submitted_on TEXT NOT NULL
    ) STRICT;
    CREATE INDEX group_evaluation_group ON group_evaluation (group_id, form_key);
    CREATE INDEX group_evaluation_member ON group_evaluation (member_id);
    CREATE INDEX group_evaluation_session ON group_evaluation (session_id);
  `);

  const now = new Date().toISOString();
  const insert = db.prepare(
    'INSERT INTO group_programme (builtin, is_default, content, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  builtinProgrammes.forEach(({ key, content }, position) => {
    insert.run(key, key === 'restart' ? 1 : 0, JSON.stringify(content), position, now, now);
  });
}
