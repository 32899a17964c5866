import type { StudyWriter } from '../../../main/core/db/connection.js';
import type { FreshStudy } from '../../helpers/study.js';

/**
 * A participant with a marker in every column that holds something about them and is not kept on
 * withdrawal (pseudonym, status, dates and the register's receipts are kept, so they get no marker;
 * the lines of the anonymised transcript are kept by a withdrawal that keeps the anonymised analysis).
 * The interview's checklist holds only question keys and times: the tests count its rows.
 * Written straight into the study, so these tests do not depend on the other features' channels.
 */
export interface Seeded {
  id: number;
  pseudonym: string;
  /** Every marker string given to this participant. */
  markers: string[];
  /** The markers a withdrawal that keeps the anonymised analysis keeps: the anonymised transcript's lines, its quote and passage memo. */
  keptWithAnonymisedAnalysis: string[];
  /** The anonymised transcript's lines, as stored. */
  keptLines: string[];
  /**
   * Words that only the coding undo log holds (a quote's and a memo's earlier text, as the SQL that
   * would restore them). Every withdrawal empties the whole log, so these go even for a participant
   * who stays: they are not in `markers`.
   */
  undoLogMarkers: string[];
  /**
   * One word per place in the full-text indexes, as FTS5 stores it (lower case, one token), ending in
   * the tag repeated ten times (`ftsTail`), which is what survives the index's prefix compression.
   */
  searchWords: { anonymisedLine: string; rawLine: string; anonymisedMemo: string; rawMemo: string };
}

/** What a search word of the seed ends in, whatever prefix the index shares with the term before it. */
export const ftsTail = (tag: string) => tag.toLowerCase().repeat(10);

/**
 * A key entry every seeded participant's anonymised transcript uses (the study's key is shared:
 * the same person is "[NAVN 1]" in every transcript). It belongs to no one participant, so it is in
 * nobody's markers; a withdrawal must leave it, with the other participants' uses.
 */
export const sharedKeyOriginal = 'SENTINEL-shared-keyOriginal-7f3q';

/** The questions of the seed's interview guide; each participant's checklist covers the first two. */
export const seedGuideQuestions = [
  { key: 'opening-about-you', text: 'Kan du fortelle litt om deg selv?' },
  { key: 'everyday-life', text: 'Hvordan ser en vanlig dag ut for deg nå?' },
  { key: 'closing-anything-else', text: 'Er det noe mer du vil si?' },
] as const;

let documentVersion = 900;

function guideVersion(writer: StudyWriter): number {
  documentVersion += 1;
  const content = {
    language: 'nb',
    title: 'Intervjuguide',
    parts: [{ key: 'main', title: 'Hoveddel', notes: '', questions: seedGuideQuestions.map((question) => ({ ...question, notes: '', followUps: [] })) }],
  };
  return Number(
    writer
      .statement("INSERT INTO guide_version (version, content, created_at, frozen_at) VALUES (?, ?, '2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z')")
      .run(documentVersion, JSON.stringify(content)).lastInsertRowid,
  );
}

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
    const marker = column.endsWith(ftsTail(tag)) ? column : m(column);
    markers.push(marker);
    return marker;
  };
  const searchWords = {
    anonymisedLine: `zl${ftsTail(tag)}`,
    rawLine: `zr${ftsTail(tag)}`,
    anonymisedMemo: `zm${ftsTail(tag)}`,
    rawMemo: `zn${ftsTail(tag)}`,
  };
  const undoLogMarkers: string[] = [];
  const seeded = study.core.session.require().db.write((writer) => {
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

    // ── An interview with its checklist, an anonymised and a raw transcript, the review and the key.
    const interviewId = Number(
      writer
        .statement(
          `INSERT INTO interview (participant_id, guide_version_id, held_at, length_minutes, setting, setting_other, notes, created_at)
           VALUES (?, ?, '2026-03-01T10:00', 75, 'other', ?, ?, '2026-03-01T12:00:00Z')`,
        )
        .run(participantId, guideVersion(writer), mark('settingOther'), mark('interviewNotes')).lastInsertRowid,
    );
    for (const question of seedGuideQuestions.slice(0, 2)) {
      writer.statement("INSERT INTO interview_question (interview_id, question_key, covered_at) VALUES (?, ?, '2026-03-01T10:30')").run(interviewId, question.key);
    }
    // The recording on the register belongs to the interview (the register keeps it when the interview goes).
    writer.statement('UPDATE recording SET interview_id = ? WHERE id = ?').run(interviewId, recordingId);
    const transcript = writer.statement(
      `INSERT INTO transcript (interview_id, title, state, anonymised_at, interviewer_label, participant_label, source, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'Intervjuer', ?, 'docx', '2026-03-02T09:00:00Z', '2026-03-03T09:00:00Z')`,
    );
    const line = writer.statement('INSERT INTO transcript_line (id, transcript_id, position, speaker, timestamp_ms, text) VALUES (?, ?, ?, ?, ?, ?)');
    const anonymised = Number(
      transcript.run(interviewId, mark('anonymisedTitle'), 'anonymised', '2026-03-03T09:00:00Z', mark('anonymisedParticipantLabel')).lastInsertRowid,
    );
    const kept: string[] = [];
    const keptLines: string[] = [];
    for (const [index, speaker] of (['interviewer', 'participant', 'participant'] as const).entries()) {
      const marker = mark(`anonymisedLine${index + 1}`);
      const text = index === 0 ? `${marker} ${mark(searchWords.anonymisedLine)}` : marker;
      kept.push(...text.split(' '));
      keptLines.push(text);
      line.run(`${tag}-a${index + 1}`, anonymised, index + 1, speaker, 1000 * (65 + index * 7), text);
    }
    const raw = Number(transcript.run(interviewId, mark('rawTitle'), 'raw', null, mark('rawParticipantLabel')).lastInsertRowid);
    for (const index of [0, 1]) {
      line.run(`${tag}-r${index + 1}`, raw, index + 1, 'participant', null, index === 0 ? `${mark('rawLine1')} ${mark(searchWords.rawLine)}` : mark(`rawLine${index + 1}`));
    }

    // ── The analysis (issue 5): codings of both transcripts with a code the study shares, a quote
    // with its wording and a memo about a passage in each; memos about the code and a free memo are
    // the study's, not this person's. The undo log holds an earlier wording and memo text.
    let codeId = writer.query<{ id: number }>("SELECT id FROM code WHERE name = 'feeling seen'").get()?.id;
    if (codeId === undefined) {
      codeId = Number(
        writer
          .statement("INSERT INTO code (guid, level, name, colour, created_at, updated_at) VALUES ('seed-code', 'initial', 'feeling seen', '#336699', '2026-03-04T09:00:00Z', '2026-03-04T09:00:00Z')")
          .run().lastInsertRowid,
      );
      writer
        .statement("INSERT INTO memo (guid, title, body, body_text, code_id, created_at, updated_at) VALUES ('seed-code-memo', 'Om koden', '{}', 'Kodenotat', ?, '2026-03-04T09:00:00Z', '2026-03-04T09:00:00Z')")
        .run(codeId);
    }
    const coding = writer.statement(
      "INSERT INTO coding (guid, code_id, transcript_id, start_line_id, start_offset, end_line_id, end_offset, created_at) VALUES (?, ?, ?, ?, 0, ?, 5, '2026-03-04T09:00:00Z')",
    );
    const quote = writer.statement(
      "INSERT INTO quote (guid, transcript_id, start_line_id, start_offset, end_line_id, end_offset, wording, note, created_at, updated_at) VALUES (?, ?, ?, 0, ?, 8, ?, ?, '2026-03-04T09:00:00Z', '2026-03-04T09:00:00Z')",
    );
    const memo = writer.statement(
      "INSERT INTO memo (guid, title, body, body_text, transcript_id, start_line_id, start_offset, end_line_id, end_offset, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, 4, '2026-03-04T09:00:00Z', '2026-03-04T09:00:00Z')",
    );
    const analysis = (transcriptId: number, place: 'anonymised' | 'raw', first: string, last: string, searchWord: string) => {
      const before = markers.length;
      coding.run(`${tag}-${place}-coding-1`, codeId, transcriptId, first, first);
      coding.run(`${tag}-${place}-coding-2`, codeId, transcriptId, first, last);
      // Written first with the earlier wording and title, which the edit below leaves only in the undo log.
      const earlier = (column: string) => {
        const marker = m(`${place}${column}Earlier`);
        undoLogMarkers.push(marker);
        return marker;
      };
      const quoteId = Number(quote.run(`${tag}-${place}-quote`, transcriptId, first, last, earlier('QuoteWording'), mark(`${place}QuoteNote`)).lastInsertRowid);
      const memoText = `${mark(`${place}MemoBody`)} ${mark(searchWord)}`;
      const memoId = Number(
        memo.run(`${tag}-${place}-memo`, earlier('MemoTitle'), JSON.stringify({ type: 'doc', text: memoText }), memoText, transcriptId, first, last).lastInsertRowid,
      );
      // A coding action edits the wording and the title (as the coding features do, inside an undo step).
      const step = Number(writer.statement("INSERT INTO coding_undo_step (stack, label, at) VALUES ('undo', 'edit', '2026-03-05T09:00:00Z')").run().lastInsertRowid);
      writer.statement('UPDATE coding_undo_state SET step_id = ? WHERE only = 1').run(step);
      writer.statement('UPDATE quote SET wording = ? WHERE id = ?').run(mark(`${place}QuoteWording`), quoteId);
      writer.statement('UPDATE memo SET title = ? WHERE id = ?').run(mark(`${place}MemoTitle`), memoId);
      writer.statement('UPDATE coding_undo_state SET step_id = NULL WHERE only = 1').run();
      return markers.slice(before);
    };
    kept.push(...analysis(anonymised, 'anonymised', `${tag}-a1`, `${tag}-a3`, searchWords.anonymisedMemo));
    analysis(raw, 'raw', `${tag}-r1`, `${tag}-r2`, searchWords.rawMemo);
    const hit = writer.statement(
      "INSERT INTO anonymisation_hit (transcript_id, line_id, start, end, original, kind, decision, replacement) VALUES (?, ?, 0, 5, ?, 'name', ?, ?)",
    );
    hit.run(anonymised, `${tag}-a2`, mark('hitOriginalAnonymised'), 'accepted', '[NAVN 1]');
    hit.run(raw, `${tag}-r1`, mark('hitOriginalRaw'), 'open', '');
    const key = writer.statement("INSERT INTO anonymisation_key (original, replacement, kind, created_at) VALUES (?, ?, ?, '2026-03-03T08:00:00Z')");
    const use = writer.statement('INSERT INTO anonymisation_key_use (key_id, transcript_id) VALUES (?, ?)');
    const own = Number(key.run(mark('keyOriginalName'), '[NAVN 1]', 'name').lastInsertRowid);
    const ownPlace = Number(key.run(mark('keyOriginalPlace'), '[STED 1]', 'place').lastInsertRowid);
    writer.statement("INSERT INTO anonymisation_key (original, replacement, kind, created_at) VALUES (?, '[ARBEIDSSTED 1]', 'organisation', '2026-03-03T08:00:00Z') ON CONFLICT (original) DO NOTHING").run(sharedKeyOriginal);
    const shared = writer.query<{ id: number }>('SELECT id FROM anonymisation_key WHERE original = ?').get(sharedKeyOriginal)!.id;
    use.run(own, anonymised);
    use.run(ownPlace, anonymised);
    use.run(ownPlace, raw);
    use.run(shared, anonymised);
    // ── A group member linked to the participant: attendance with a reason, a note in the leader's
    // log, a talk and evaluation answers. The group and its session are the whole group's: no marker.
    let groupId = writer.query<{ id: number }>("SELECT id FROM calendar_group WHERE name = 'Seed group'").get()?.id;
    if (groupId === undefined) {
      groupId = Number(
        writer
          .statement(
            `INSERT INTO calendar_group (name, programme_id, plan, professional_leader, peer_leader, room, start_date, start_time, colour, created_at)
             SELECT 'Seed group', id, content, 'Leder', 'Likeperson', 'Rom 1', '2026-03-02', '12:00', 0, '2026-03-01T09:00:00Z' FROM group_programme WHERE builtin = 'restart'`,
          )
          .run().lastInsertRowid,
      );
      writer
        .statement("INSERT INTO group_session (group_id, starts_at, minutes, log_what_happened, log_updated_at, created_at) VALUES (?, '2026-03-03T12:00', 120, 'Samtale om verdier', '2026-03-03T15:00:00Z', '2026-03-01T09:00:00Z')")
        .run(groupId);
    }
    const sessionId = writer.query<{ id: number }>('SELECT id FROM group_session WHERE group_id = ?').get(groupId)!.id;
    const memberId = Number(
      writer.statement("INSERT INTO group_member (group_id, label, participant_id, created_at) VALUES (?, ?, ?, '2026-03-01T09:00:00Z')").run(groupId, mark('label'), participantId).lastInsertRowid,
    );
    writer
      .statement("INSERT INTO group_attendance (session_id, member_id, status, reason, recorded_at) VALUES (?, ?, 'absent', ?, '2026-03-03T15:00:00Z')")
      .run(sessionId, memberId, mark('absenceReason'));
    writer.statement('INSERT INTO group_log_mention (session_id, member_id, note) VALUES (?, ?, ?)').run(sessionId, memberId, mark('logNote'));
    writer.statement("INSERT INTO group_talk (member_id, talk_key, starts_at, minutes, held, created_at) VALUES (?, 'start', '2026-02-20T10:00', 180, 1, '2026-02-01T09:00:00Z')").run(memberId);
    writer
      .statement("INSERT INTO group_evaluation (group_id, form_key, member_id, answers, submitted_on) VALUES (?, 'before', ?, ?, '2026-03-02')")
      .run(groupId, memberId, JSON.stringify({ hopes: mark('evaluationAnswer') }));
    return { participantId, kept, keptLines };
  });
  return { id: seeded.participantId, pseudonym, markers, keptWithAnonymisedAnalysis: seeded.kept, keptLines: seeded.keptLines, undoLogMarkers, searchWords };
}
