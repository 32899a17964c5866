import { describe, expect, it } from 'vitest';
import type { Database } from '../../../main/core/db/cipher.js';
import { participantTables, tablesEmptiedOnWithdrawal, tablesReachedThrough } from '../../../main/core/participants/participantData.js';
import { withdrawalSelections } from '../../../main/core/withdrawal/withdrawal.js';
import { withdrawalScopes, type WithdrawalPlan, type WithdrawalReceipt, type WithdrawalScope } from '../../../shared/withdrawal/contract.js';
import { containsText, freshStudy, openWithSqlcipher, sqlcipher4, testPassphrase, value, type FreshStudy } from '../../helpers/study.js';
import { ftsTail, seedParticipant, sharedKeyOriginal } from './seed.js';

const confirmInput = (participantId: number, typedPseudonym: string, scope = 'deleteEverything') => ({
  participantId,
  scope,
  withdrawnOn: '2026-05-20',
  communicatedHow: 'Telefon til forskeren',
  typedPseudonym,
  language: 'nb',
});

function audit(study: FreshStudy): { kind: string; detail: Record<string, unknown> }[] {
  return study.core.session
    .require()
    .db.connection.prepare('SELECT kind, detail FROM audit_event ORDER BY id')
    .all()
    .map((row) => {
      const { kind, detail } = row as { kind: string; detail: string };
      return { kind, detail: JSON.parse(detail) as Record<string, unknown> };
    });
}

/** Every value of every table, as text (blobs as UTF-8 and UTF-16 both checked by the caller). */
function dumpEverything(db: Database.Database): { where: string; value: Buffer }[] {
  const found: { where: string; value: Buffer }[] = [];
  const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as { name: string; sql: string | null }[];
  for (const { name, sql } of tables) {
    found.push({ where: `schema of ${name}`, value: Buffer.from(sql ?? '') });
    for (const row of db.prepare(`SELECT * FROM "${name}"`).raw().iterate() as Iterable<unknown[]>) {
      row.forEach((cell, index) => {
        if (cell === null || cell === undefined) return;
        const bytes = Buffer.isBuffer(cell) ? cell : Buffer.from(String(cell), 'utf8');
        found.push({ where: `${name}[${index}]`, value: bytes });
      });
    }
  }
  return found;
}

describe('withdrawal: the plan', () => {
  it('lists every participant table with its rows, deleted or kept as participantData says, and why', async () => {
    const study = await freshStudy();
    const kari = seedParticipant(study, 'W', 'Deltaker 3');
    // Another participant, so one entry of the study's key is shared.
    seedParticipant(study, 'Q', 'Deltaker 4');
    const plans: Partial<Record<WithdrawalScope, WithdrawalPlan>> = {};
    for (const scope of withdrawalScopes) {
      const plan = value<WithdrawalPlan>(await study.core.invoke('withdrawal.plan', { participantId: kari.id, scope }));
      plans[scope] = plan;
      expect(plan.pseudonym).toBe('Deltaker 3');
      expect(plan.alreadyWithdrawn).toBe(false);
      const selections = participantTables.map((entry) => ({ table: entry.table, ...withdrawalSelections(entry.rowsOf, entry.onWithdrawal[scope]) }));
      expect(plan.deleted.map((item) => item.table).sort()).toEqual(
        [
          ...selections.filter((entry) => entry.deleted !== null).map((entry) => entry.table),
          ...tablesReachedThrough.map((entry) => entry.table),
          ...tablesEmptiedOnWithdrawal,
        ].sort(),
      );
      expect(plan.kept.map((item) => item.table).sort()).toEqual(
        [...selections.filter((entry) => entry.kept !== null).map((entry) => entry.table), 'participant'].sort(),
      );
      for (const item of plan.kept) expect(item.keptBecause, item.table).toBeTruthy();
    }
    const rows = (items: WithdrawalPlan['deleted']) => Object.fromEntries(items.map((item) => [item.table, item.rows]));
    const deletedEither = {
      participant_identity: 1,
      attribute_value: 7,
      consent_scan: 1,
      recording_audio: 1,
      // The hits of both transcripts (they hold the originals) and every use of the key by them.
      anonymisation_hit: 2,
      anonymisation_key_use: 4,
      interview_question: 2,
      // The two entries only this participant's transcripts used; not the shared one.
      anonymisation_key: 2,
      // The group member linked to the participant, and what concerns them: always deleted.
      group_log_mention: 1,
      group_attendance: 1,
      group_talk: 1,
      group_evaluation: 1,
      group_member: 1,
      // The coding undo log goes whole, both participants' steps (two each) and their statements.
      coding_undo_step: 4,
      coding_undo_sql: 8,
    };
    const keptEither = { consent: 1, recording: 2, rights_request: 1, withdrawal: 1, participant: 1 };
    expect(rows(plans.deleteEverything!.deleted)).toEqual({ ...deletedEither, transcript_line: 5, transcript: 2, interview: 1, coding: 4, quote: 2, memo: 2 });
    expect(rows(plans.deleteEverything!.kept)).toEqual(keptEither);
    // Keeping the anonymised analysis: the anonymised transcript, its three lines, its codings, quote
    // and passage memo and its interview stay; the raw transcript, its two lines and its analysis go.
    expect(rows(plans.keepAnonymisedAnalysis!.deleted)).toEqual({ ...deletedEither, transcript_line: 2, transcript: 1, interview: 0, coding: 2, quote: 1, memo: 1 });
    expect(rows(plans.keepAnonymisedAnalysis!.kept)).toEqual({ ...keptEither, transcript_line: 3, transcript: 1, interview: 1, coding: 2, quote: 1, memo: 1 });
    const kept = Object.fromEntries(plans.keepAnonymisedAnalysis!.kept.map((item) => [item.table, item]));
    expect(kept.interview).toMatchObject({ keptBecause: 'interviewAnchor', cleared: ['notes', 'setting_other'] });
    expect(kept.transcript).toMatchObject({ keptBecause: 'anonymisedTranscript', cleared: ['title', 'participant_label'] });
    expect(kept.transcript_line).toMatchObject({ keptBecause: 'anonymisedTranscript', cleared: [] });
    for (const table of ['coding', 'quote', 'memo']) expect(kept[table], table).toMatchObject({ keptBecause: 'anonymisedTranscript', cleared: [] });
    expect(plans.deleteEverything!.kept.find((item) => item.table === 'rights_request')?.cleared).toEqual(['notes', 'extension_reason']);
    // One recording is on a dictaphone and not yet deleted: the researcher must delete it by hand.
    expect(plans.deleteEverything!.recordingsOutsideStudy).toBe(1);
    // The plan changes nothing.
    expect(study.core.session.require().db.connection.prepare('SELECT count(*) FROM participant_identity').pluck().get()).toBe(2);
  });

  it('refuses a participant who does not exist', async () => {
    const study = await freshStudy();
    expect(await study.core.invoke('withdrawal.plan', { participantId: 4242, scope: 'deleteEverything' })).toEqual({
      ok: false,
      error: { code: 'withdrawal.participantMissing' },
    });
    expect(await study.core.invoke('withdrawal.confirm', confirmInput(4242, 'Deltaker 1'))).toEqual({
      ok: false,
      error: { code: 'withdrawal.participantMissing' },
    });
  });
});

describe('withdrawal: confirming', () => {
  it('refuses a pseudonym typed wrong, and deletes nothing', async () => {
    const study = await freshStudy();
    const kari = seedParticipant(study, 'W', 'Deltaker 3');
    for (const typed of ['Deltaker 4', 'deltaker 3', 'Deltaker', '']) {
      expect(await study.core.invoke('withdrawal.confirm', confirmInput(kari.id, typed)), typed).toEqual({
        ok: false,
        error: { code: 'withdrawal.pseudonymMismatch' },
      });
    }
    const db = study.core.session.require().db.connection;
    expect(db.prepare('SELECT count(*) FROM participant_identity').pluck().get()).toBe(1);
    expect(db.prepare('SELECT status FROM participant WHERE id = ?').pluck().get(kari.id)).toBe('consented');
    expect(audit(study).some((event) => event.kind === 'participant.withdrawn')).toBe(false);
  });

  for (const scope of ['deleteEverything', 'keepAnonymisedAnalysis'] as const) {
    it(`with scope ${scope}: deletes per the plan, keeps the receipts, marks the participant and audits counts only`, async () => {
      const study = await freshStudy();
      const kari = seedParticipant(study, 'W', 'Deltaker 3');
      const other = seedParticipant(study, 'Q', 'Deltaker 4');
      const db = study.core.session.require().db.connection;
      const everyEntry = [...participantTables, ...tablesReachedThrough];
      const count = (table: string, where: string, participantId: number) =>
        db.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get(participantId) as number;
      const rowsOf = (table: string, where: string, participantId: number) =>
        db.prepare(`SELECT * FROM ${table} WHERE ${where}`).all(participantId).map((row) => JSON.stringify(row));
      const othersBefore = everyEntry.map((entry) => rowsOf(entry.table, entry.rowsOf, other.id));
      const ownKeyEntries = db
        .prepare(`SELECT id FROM anonymisation_key WHERE ${tablesReachedThrough.find((entry) => entry.table === 'anonymisation_key')!.rowsOf}`)
        .pluck()
        .all(kari.id);
      expect(ownKeyEntries).toHaveLength(2);
      const plan = value<WithdrawalPlan>(await study.core.invoke('withdrawal.plan', { participantId: kari.id, scope }));
      // Surrounding spaces are forgiven; the pseudonym itself must be exact.
      const receipt = value<WithdrawalReceipt>(await study.core.invoke('withdrawal.confirm', confirmInput(kari.id, ' Deltaker 3 ', scope)));
      expect(receipt.deleted).toEqual(Object.fromEntries(plan.deleted.map((item) => [item.table, item.rows])));

      for (const [index, entry] of everyEntry.entries()) {
        // What is left is exactly what the plan said would be kept.
        const keptRows = plan.kept.find((item) => item.table === entry.table)?.rows ?? 0;
        expect(count(entry.table, entry.rowsOf, kari.id), entry.table).toBe(keptRows);
        // The other participant keeps everything, unchanged (and a key entry the two shared is now only theirs).
        const othersAfter = rowsOf(entry.table, entry.rowsOf, other.id);
        if (entry.table !== 'withdrawal') expect(othersBefore[index]!.length, entry.table).toBeGreaterThan(0);
        if (tablesReachedThrough.some((reached) => reached.table === entry.table)) expect(othersAfter, entry.table).toEqual(expect.arrayContaining(othersBefore[index]!));
        else expect(othersAfter, entry.table).toEqual(othersBefore[index]);
      }
      // The key entries only this participant used are gone; the shared one stays, used by the other's transcript alone.
      expect(db.prepare(`SELECT count(*) FROM anonymisation_key WHERE id IN (${ownKeyEntries.join(', ')})`).pluck().get()).toBe(0);
      expect(
        db
          .prepare(
            `SELECT i.participant_id FROM anonymisation_key k JOIN anonymisation_key_use u ON u.key_id = k.id
             JOIN transcript t ON t.id = u.transcript_id JOIN interview i ON i.id = t.interview_id WHERE k.original = ?`,
          )
          .pluck()
          .all(sharedKeyOriginal),
      ).toEqual([other.id]);
      const interviewOfRecording = db.prepare('SELECT interview_id FROM recording WHERE participant_id = ? ORDER BY made_at').pluck().all(kari.id);
      if (scope === 'deleteEverything') {
        // The register keeps its receipt; the interview it belonged to is gone.
        expect(interviewOfRecording).toEqual([null, null]);
      } else {
        // The anonymised transcript and its lines stay as they were; the interview stays as their anchor, its free text emptied.
        const interview = db.prepare('SELECT id, held_at, length_minutes, setting, setting_other, notes FROM interview WHERE participant_id = ?').all(kari.id);
        expect(interview).toEqual([{ id: expect.any(Number), held_at: '2026-03-01T10:00', length_minutes: 75, setting: 'other', setting_other: '', notes: '' }]);
        const interviewId = (interview[0] as { id: number }).id;
        expect(interviewOfRecording).toEqual([interviewId, null]);
        expect(db.prepare('SELECT title, state, participant_label, interviewer_label FROM transcript WHERE interview_id = ?').all(interviewId)).toEqual([
          { title: '', state: 'anonymised', participant_label: '', interviewer_label: 'Intervjuer' },
        ]);
        expect(
          db
            .prepare('SELECT text FROM transcript_line WHERE transcript_id IN (SELECT id FROM transcript WHERE interview_id = ?) ORDER BY position')
            .pluck()
            .all(interviewId),
        ).toEqual(kari.keptLines);
        // Their analysis stays with them, on the same lines.
        const transcriptOf = 'transcript_id IN (SELECT id FROM transcript WHERE interview_id = ?)';
        expect(db.prepare(`SELECT start_line_id, end_line_id FROM coding WHERE ${transcriptOf} ORDER BY id`).all(interviewId)).toEqual([
          { start_line_id: 'W-a1', end_line_id: 'W-a1' },
          { start_line_id: 'W-a1', end_line_id: 'W-a3' },
        ]);
        expect(db.prepare(`SELECT wording FROM quote WHERE ${transcriptOf}`).pluck().all(interviewId)).toEqual(['SENTINEL-W-anonymisedQuoteWording-7f3q']);
        expect(db.prepare(`SELECT title FROM memo WHERE ${transcriptOf}`).pluck().all(interviewId)).toEqual(['SENTINEL-W-anonymisedMemoTitle-7f3q']);
      }
      // The undo log is empty: nothing it held can be restored, for anyone.
      for (const table of tablesEmptiedOnWithdrawal) expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
      // Memos about a code are the study's, not the participant's: they stay.
      expect(db.prepare('SELECT count(*) FROM memo WHERE code_id IS NOT NULL').pluck().get()).toBe(1);
      expect(db.prepare('SELECT status, withdrawn_on, pseudonym FROM participant WHERE id = ?').get(kari.id)).toEqual({
        status: 'withdrawn',
        withdrawn_on: '2026-05-20',
        pseudonym: 'Deltaker 3',
      });
      expect(db.prepare('SELECT withdrawn_on, communicated_how, scope FROM withdrawal WHERE participant_id = ?').get(kari.id)).toEqual({
        withdrawn_on: '2026-05-20',
        communicated_how: 'Telefon til forskeren',
        scope,
      });
      // Kept rows: the free text is emptied; the stored audio's deletion is on the register's receipt.
      expect(db.prepare('SELECT signed_place FROM consent WHERE participant_id = ?').pluck().all(kari.id)).toEqual(['']);
      expect(db.prepare('SELECT notes, extension_reason FROM rights_request WHERE participant_id = ?').get(kari.id)).toEqual({
        notes: '',
        extension_reason: '',
      });
      expect(db.prepare('SELECT notes, deleted_on, deleted_how, deletion_confirmed_by FROM recording WHERE participant_id = ? ORDER BY made_at').all(kari.id)).toEqual([
        { notes: '', deleted_on: '2026-05-20', deleted_how: 'Slettet fra studiefilen da deltakeren trakk seg', deletion_confirmed_by: 'Groundwork' },
        { notes: '', deleted_on: null, deleted_how: '', deletion_confirmed_by: '' },
      ]);

      const receiptEvent = audit(study).find((event) => event.kind === 'participant.withdrawn');
      expect(receiptEvent?.detail).toMatchObject({
        scope,
        participantId: kari.id,
        'deleted.participant_identity': 1,
        'deleted.attribute_value': 7,
        'deleted.consent_scan': 1,
        'deleted.recording_audio': 1,
        'cleared.consent': 1,
        'cleared.recording': 2,
        'cleared.rights_request': 1,
        'deleted.anonymisation_hit': 2,
        'deleted.anonymisation_key_use': 4,
        'deleted.interview_question': 2,
        'deleted.anonymisation_key': 2,
        'deleted.coding_undo_step': 4,
        'deleted.coding_undo_sql': 8,
        ...(scope === 'deleteEverything'
          ? { 'deleted.transcript_line': 5, 'deleted.transcript': 2, 'deleted.interview': 1, 'deleted.coding': 4, 'deleted.quote': 2, 'deleted.memo': 2 }
          : {
              'deleted.transcript_line': 2,
              'deleted.transcript': 1,
              'deleted.interview': 0,
              'cleared.transcript': 1,
              'cleared.interview': 1,
              'deleted.coding': 2,
              'deleted.quote': 1,
              'deleted.memo': 1,
            }),
      });
      const auditText = JSON.stringify(audit(study));
      expect(auditText).not.toContain('Deltaker 3');
      expect(auditText).not.toContain('SENTINEL');
      expect(auditText).not.toContain('Telefon');

      // Twice is refused.
      expect(await study.core.invoke('withdrawal.confirm', confirmInput(kari.id, 'Deltaker 3', scope))).toEqual({
        ok: false,
        error: { code: 'withdrawal.alreadyWithdrawn' },
      });
      const again = value<WithdrawalPlan>(await study.core.invoke('withdrawal.plan', { participantId: kari.id, scope }));
      expect(again.alreadyWithdrawn).toBe(true);
    });
  }
});

describe('after a withdrawal', () => {
  it('nothing new can be stored about the person: identity, attributes, a scan, a recording or a status are refused and change nothing', async () => {
    const study = await freshStudy();
    const kari = seedParticipant(study, 'W', 'Deltaker 3');
    value(await study.core.invoke('withdrawal.confirm', confirmInput(kari.id, 'Deltaker 3', 'keepAnonymisedAnalysis')));
    const db = study.core.session.require().db.connection;
    const consentId = db.prepare('SELECT id FROM consent WHERE participant_id = ?').pluck().get(kari.id) as number;
    const attributeId = db.prepare('SELECT id FROM attribute ORDER BY position').pluck().get() as number;
    const before = dumpEverything(db).map((cell) => `${cell.where}:${cell.value.toString('base64')}`);
    const pdf = Buffer.from('%PDF-1.4\nSENTINEL-AFTER\n%%EOF').toString('base64');
    const attempts: [string, unknown][] = [
      ['participants.updateIdentity', { id: kari.id, identity: { name: 'SENTINEL-AFTER', phone: '', email: '', address: '' } }],
      ['participants.setValues', { id: kari.id, values: [{ attributeId, value: 'SENTINEL-AFTER' }] }],
      ['participants.setStatus', { id: kari.id, status: 'completed', on: '2026-06-01' }],
      ['consent.attachScan', { consentId, fileName: 'SENTINEL-AFTER.pdf', content: pdf }],
      ['recordings.register', { participantId: kari.id, madeOn: '2026-06-01', keptWhere: 'SENTINEL-AFTER', format: 'mp3', lengthSeconds: 60, notes: '' }],
      ['calendar.members.add', { groupId: db.prepare('SELECT id FROM calendar_group').pluck().get(), label: 'Ny', participantId: kari.id }],
    ];
    for (const [channel, input] of attempts) {
      expect(await study.core.invoke(channel as never, input as never), channel).toEqual({ ok: false, error: { code: 'participant.withdrawn' } });
    }
    expect(dumpEverything(db).map((cell) => `${cell.where}:${cell.value.toString('base64')}`)).toEqual(before);
  });
});

describe('withdrawal and the group calendar', () => {
  it('removes the linked member with their attendance, notes, talk and answers; the group, its session and log, and the other member stay', async () => {
    const study = await freshStudy();
    const kari = seedParticipant(study, 'W', 'Deltaker 3');
    const other = seedParticipant(study, 'Q', 'Deltaker 4');
    const db = study.core.session.require().db.connection;
    const groupId = db.prepare('SELECT id FROM calendar_group').pluck().get() as number;
    value(await study.core.invoke('withdrawal.confirm', confirmInput(kari.id, 'Deltaker 3')));
    const group = value<{ members: { participantId: number | null }[]; sessions: { id: number }[] }>(await study.core.invoke('calendar.groups.get', { id: groupId }));
    expect(group.members.map((member) => member.participantId)).toEqual([other.id]);
    expect(group.sessions).toHaveLength(1);
    const session = value<{ attendance: unknown[]; log: { whatHappened: string; mentions: unknown[] } }>(
      await study.core.invoke('calendar.sessions.get', { id: group.sessions[0]!.id }),
    );
    expect(session.attendance).toHaveLength(1);
    expect(session.log.whatHappened).toBe('Samtale om verdier');
    expect(session.log.mentions).toHaveLength(1);
    expect(db.prepare('SELECT count(*) FROM group_evaluation').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM group_talk').pluck().get()).toBe(1);
  });
});

describe('withdrawal leaves no trace', () => {
  for (const scope of withdrawalScopes) {
    it(`with scope ${scope}: no marker of what is deleted in any table, column, index or free page; the other participant intact`, async () => {
      const study = await freshStudy();
      const kari = seedParticipant(study, 'W', 'Deltaker 3');
      const other = seedParticipant(study, 'Q', 'Deltaker 4');
      // The seed reaches every participant table (a new table needs markers in seed.ts too).
      for (const entry of [...participantTables, ...tablesReachedThrough].filter((table) => table.table !== 'withdrawal')) {
        const rows = study.core.session.require().db.connection.prepare(`SELECT count(*) FROM ${entry.table} WHERE ${entry.rowsOf}`).pluck().get(kari.id);
        expect(rows, `seed.ts gives no rows to ${entry.table}`).toBeGreaterThan(0);
      }
      // Markers must be where we think: the dump finds them before the withdrawal (the undo log's
      // earlier wordings only in the log), and the full-text indexes hold the search words.
      const before = dumpEverything(study.core.session.require().db.connection);
      for (const marker of [...kari.markers, ...kari.undoLogMarkers, ...other.undoLogMarkers, sharedKeyOriginal]) {
        expect(before.some((cell) => containsText(cell.value, marker)), marker).toBe(true);
      }
      for (const marker of kari.undoLogMarkers) {
        expect(before.filter((cell) => containsText(cell.value, marker)).map((cell) => cell.where.replace(/\[\d+\]$/, '')), marker).toEqual(['coding_undo_sql']);
      }
      const indexed = (db: Database.Database) => {
        db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.line_terms USING fts5vocab(main, 'transcript_line_fts', 'row')");
        db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.memo_terms USING fts5vocab(main, 'memo_fts', 'row')");
        const terms = new Set([
          ...(db.prepare('SELECT term FROM temp.line_terms').pluck().all() as string[]),
          ...(db.prepare('SELECT term FROM temp.memo_terms').pluck().all() as string[]),
        ]);
        return (word: string) => terms.has(word);
      };
      const searchWords = (seeded: typeof kari) => Object.values(seeded.searchWords);
      const indexedBefore = indexed(study.core.session.require().db.connection);
      for (const word of [...searchWords(kari), ...searchWords(other)]) expect(indexedBefore(word), word).toBe(true);
      // The index's own pages hold them (as stored there: see ftsTail).
      const inIndexPages = (cells: { where: string; value: Buffer }[], tag: string) =>
        cells.filter((cell) => /^(transcript_line|memo)_fts_data/.test(cell.where) && containsText(cell.value, ftsTail(tag))).length;
      expect(inIndexPages(before, 'W')).toBeGreaterThan(0);
      const kept = scope === 'keepAnonymisedAnalysis' ? kari.keptWithAnonymisedAnalysis : [];
      expect(kept.length > 0).toBe(scope === 'keepAnonymisedAnalysis');
      const gone = kari.markers.filter((marker) => !kept.includes(marker));
      value(await study.core.invoke('withdrawal.confirm', confirmInput(kari.id, 'Deltaker 3', scope)));

      const db = study.core.session.require().db.connection;
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const after = dumpEverything(db);
      for (const marker of [...gone, ...kari.undoLogMarkers, ...other.undoLogMarkers]) {
        const hits = after.filter((cell) => containsText(cell.value, marker)).map((cell) => cell.where);
        expect(hits, marker).toEqual([]);
      }
      // The full-text indexes: the words of what went are no longer terms (secure-delete took them
      // out of the index pages); kept and other participants' words are; and the indexes agree with their tables.
      const indexedAfter = indexed(db);
      for (const [place, word] of Object.entries(kari.searchWords)) {
        expect(indexedAfter(word), word).toBe(scope === 'keepAnonymisedAnalysis' && place.startsWith('anonymised'));
      }
      for (const word of searchWords(other)) expect(indexedAfter(word), word).toBe(true);
      if (scope === 'deleteEverything') expect(inIndexPages(after, 'W')).toBe(0);
      expect(inIndexPages(after, 'Q')).toBeGreaterThan(0);
      db.exec("INSERT INTO transcript_line_fts (transcript_line_fts) VALUES ('integrity-check')");
      db.exec("INSERT INTO memo_fts (memo_fts) VALUES ('integrity-check')");
      for (const marker of [...kept, ...other.markers, sharedKeyOriginal]) {
        expect(after.some((cell) => containsText(cell.value, marker)), marker).toBe(true);
      }
      value(await study.core.invoke('study.close', {}));

      // The file itself, page by page, decrypted with the key: free pages and slack included.
      const plaintext = sqlcipher4.plaintext(study.file, testPassphrase);
      expect(containsText(plaintext, 'SENTINEL-Q-name-7f3q')).toBe(true);
      for (const marker of [...gone, ...kari.undoLogMarkers, ...other.undoLogMarkers]) expect(containsText(plaintext, marker), marker).toBe(false);
      // An index term may be stored as what follows the part it shares with the term before it:
      // every search word ends in the tag ten times, which is in no other term. The other's stay.
      expect(containsText(plaintext, ftsTail('Q'))).toBe(true);
      if (scope === 'deleteEverything') expect(containsText(plaintext, ftsTail('W'))).toBe(false);

      // And reopened with any SQLCipher tool, the withdrawn participant is only a pseudonym and a status.
      const reopened = openWithSqlcipher(study.file, testPassphrase, { readonly: true });
      try {
        expect(reopened.prepare('SELECT status FROM participant WHERE id = ?').pluck().get(kari.id)).toBe('withdrawn');
      } finally {
        reopened.close();
      }
    });
  }
});
