import { describe, expect, it } from 'vitest';
import type { Database } from '../../../main/core/db/cipher.js';
import { participantTables } from '../../../main/core/participants/participantData.js';
import type { WithdrawalPlan, WithdrawalReceipt } from '../../../shared/withdrawal/contract.js';
import { containsText, freshStudy, openWithSqlcipher, sqlcipher4, testPassphrase, value, type FreshStudy } from '../../helpers/study.js';
import { seedParticipant } from './seed.js';

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
    for (const scope of ['deleteEverything', 'keepAnonymisedAnalysis'] as const) {
      const plan = value<WithdrawalPlan>(await study.core.invoke('withdrawal.plan', { participantId: kari.id, scope }));
      expect(plan.pseudonym).toBe('Deltaker 3');
      expect(plan.alreadyWithdrawn).toBe(false);
      expect(plan.deleted.map((item) => item.table).sort()).toEqual(
        participantTables.filter((entry) => entry.onWithdrawal[scope] === 'delete').map((entry) => entry.table).sort(),
      );
      expect(plan.kept.map((item) => item.table).sort()).toEqual(
        [...participantTables.filter((entry) => entry.onWithdrawal[scope] === 'keep').map((entry) => entry.table), 'participant'].sort(),
      );
      for (const item of plan.kept) expect(item.keptBecause, item.table).toBeTruthy();
    }
    const plan = value<WithdrawalPlan>(await study.core.invoke('withdrawal.plan', { participantId: kari.id, scope: 'deleteEverything' }));
    const rows = Object.fromEntries([...plan.deleted, ...plan.kept].map((item) => [item.table, item.rows]));
    expect(rows).toEqual({
      participant_identity: 1,
      attribute_value: 7,
      consent_scan: 1,
      consent: 1,
      recording_audio: 1,
      recording: 2,
      rights_request: 1,
      withdrawal: 1,
      participant: 1,
    });
    expect(plan.kept.find((item) => item.table === 'rights_request')?.cleared).toEqual(['notes', 'extension_reason']);
    // One recording is on a dictaphone and not yet deleted: the researcher must delete it by hand.
    expect(plan.recordingsOutsideStudy).toBe(1);
    // The plan changes nothing.
    expect(study.core.session.require().db.connection.prepare('SELECT count(*) FROM participant_identity').pluck().get()).toBe(1);
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
      const plan = value<WithdrawalPlan>(await study.core.invoke('withdrawal.plan', { participantId: kari.id, scope }));
      // Surrounding spaces are forgiven; the pseudonym itself must be exact.
      const receipt = value<WithdrawalReceipt>(await study.core.invoke('withdrawal.confirm', confirmInput(kari.id, ' Deltaker 3 ', scope)));
      expect(receipt.deleted).toEqual(Object.fromEntries(plan.deleted.map((item) => [item.table, item.rows])));

      const db = study.core.session.require().db.connection;
      for (const entry of participantTables) {
        const left = db.prepare(`SELECT count(*) FROM ${entry.table} WHERE ${entry.rowsOf}`).pluck().get(kari.id);
        const planned = [...plan.deleted, ...plan.kept].find((item) => item.table === entry.table)!;
        expect(left, entry.table).toBe(entry.onWithdrawal[scope] === 'delete' ? 0 : planned.rows);
        // The other participant keeps everything.
        expect(db.prepare(`SELECT count(*) FROM ${entry.table} WHERE ${entry.rowsOf}`).pluck().get(other.id), entry.table).toBeGreaterThan(
          entry.table === 'withdrawal' ? -1 : 0,
        );
      }
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
    ];
    for (const [channel, input] of attempts) {
      expect(await study.core.invoke(channel as never, input as never), channel).toEqual({ ok: false, error: { code: 'participant.withdrawn' } });
    }
    expect(dumpEverything(db).map((cell) => `${cell.where}:${cell.value.toString('base64')}`)).toEqual(before);
  });
});

describe('withdrawal leaves no trace', () => {
  it('no marker of the withdrawn participant in any table, column, index or free page; the other participant intact', async () => {
    const study = await freshStudy();
    const kari = seedParticipant(study, 'W', 'Deltaker 3');
    const other = seedParticipant(study, 'Q', 'Deltaker 4');
    // The seed reaches every participant table (a new table needs markers in seed.ts too).
    for (const entry of participantTables.filter((table) => table.table !== 'withdrawal')) {
      const rows = study.core.session.require().db.connection.prepare(`SELECT count(*) FROM ${entry.table} WHERE ${entry.rowsOf}`).pluck().get(kari.id);
      expect(rows, `seed.ts gives no rows to ${entry.table}`).toBeGreaterThan(0);
    }
    // Markers must be where we think: the dump finds them before the withdrawal.
    const before = dumpEverything(study.core.session.require().db.connection);
    for (const marker of kari.markers) {
      expect(before.some((cell) => containsText(cell.value, marker)), marker).toBe(true);
    }
    value(await study.core.invoke('withdrawal.confirm', confirmInput(kari.id, 'Deltaker 3')));

    const db = study.core.session.require().db.connection;
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const after = dumpEverything(db);
    for (const marker of kari.markers) {
      const hits = after.filter((cell) => containsText(cell.value, marker)).map((cell) => cell.where);
      expect(hits, marker).toEqual([]);
    }
    for (const marker of other.markers) {
      expect(after.some((cell) => containsText(cell.value, marker)), marker).toBe(true);
    }
    value(await study.core.invoke('study.close', {}));

    // The file itself, page by page, decrypted with the key: free pages and slack included.
    const pages = sqlcipher4.pages(study.file);
    const { key, hmacKey } = sqlcipher4.keys(testPassphrase, pages[0]!.page.subarray(0, 16));
    const plaintext = Buffer.concat(
      pages.map(({ page, number }) => {
        expect(sqlcipher4.authenticates(page, number, hmacKey)).toBe(true);
        return sqlcipher4.decrypt(page, number, key);
      }),
    );
    expect(containsText(plaintext, 'SENTINEL-Q-name-7f3q')).toBe(true);
    for (const marker of kari.markers) expect(containsText(plaintext, marker), marker).toBe(false);

    // And reopened with any SQLCipher tool, the withdrawn participant is only a pseudonym and a status.
    const reopened = openWithSqlcipher(study.file, testPassphrase, { readonly: true });
    try {
      expect(reopened.prepare('SELECT status FROM participant WHERE id = ?').pluck().get(kari.id)).toBe('withdrawn');
    } finally {
      reopened.close();
    }
  });
});
