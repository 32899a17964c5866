import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StudyPage } from '../../../shared/study/contract.js';
import { auditKinds } from '../../../main/core/audit/audit.js';
import { freshStudy, openWithSqlcipher, otherPassphrase, testPassphrase, value } from '../../helpers/study.js';

const sentinel = 'SENTINEL-Kari-Nordmann-7781';

interface Row {
  id: number;
  at: string;
  kind: string;
  detail: string;
}

describe('the audit trail', () => {
  it('records what happened to the study, with time and kind, and nothing a person could be recognised by', async () => {
    const started = new Date();
    const { root, core, file } = await freshStudy(`Studie ${sentinel}`);
    const page = value<StudyPage>(await core.invoke('studyPage.get', {}));
    value(await core.invoke('studyPage.update', { ...page, institution: sentinel, supervisors: [{ name: sentinel, affiliation: sentinel }] }));
    value(await core.invoke('study.updateSettings', { backupsToKeep: 3, backupFolder: path.join(root, `backups ${sentinel}`) }));
    value(await core.invoke('study.backupNow', { path: path.join(root, `${sentinel}.groundwork`) }));
    value(await core.invoke('study.changePassphrase', { current: testPassphrase, next: otherPassphrase }));
    value(await core.invoke('study.lock', {}));
    value(await core.invoke('study.open', { path: file, passphrase: otherPassphrase }));
    value(await core.invoke('study.close', {}));
    const ended = new Date();

    const db = openWithSqlcipher(file, otherPassphrase, { readonly: true });
    let rows: Row[];
    try {
      rows = db.prepare('SELECT id, at, kind, detail FROM audit_event ORDER BY id').all() as Row[];
    } finally {
      db.close();
    }

    expect(rows.map((row) => row.kind)).toEqual([
      'study.created',
      'study.pageUpdated',
      'study.settingsChanged',
      'backup.made',
      'study.passphraseChanged',
      'study.locked',
      'backup.made', // the automatic backup taken on locking
      'study.opened',
      'study.closed',
    ]);
    for (const row of rows) {
      expect(auditKinds).toContain(row.kind);
      expect(row.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      const at = new Date(row.at).getTime();
      expect(at).toBeGreaterThanOrEqual(started.getTime());
      expect(at).toBeLessThanOrEqual(ended.getTime());
      expect(() => JSON.parse(row.detail)).not.toThrow();
      // No title, no names, no paths (a path can hold a name).
      expect(row.detail).not.toContain(sentinel);
      expect(row.detail).not.toContain('Kari');
      expect(row.detail).not.toContain(root);
      expect(row.detail).not.toContain('/');
    }
    expect(JSON.parse(rows.find((row) => row.kind === 'study.locked')!.detail)).toEqual({ reason: 'manual' });
    expect(rows.filter((row) => row.kind === 'backup.made').map((row) => JSON.parse(row.detail).kind)).toEqual(['manual', 'automatic']);
  });

  it('cannot be changed or deleted, even by a connection with the key', async () => {
    const { core, file } = await freshStudy();
    value(await core.invoke('study.close', {}));
    const db = openWithSqlcipher(file, testPassphrase);
    try {
      const count = () => db.prepare('SELECT count(*) FROM audit_event').pluck().get();
      const before = count();
      expect(before).toBeGreaterThanOrEqual(2);
      expect(() => db.prepare("UPDATE audit_event SET kind = 'study.opened'").run()).toThrow(/append-only/);
      expect(() => db.prepare("UPDATE audit_event SET detail = '{}' WHERE id = 1").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_event').run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_event WHERE id = 1').run()).toThrow(/append-only/);
      expect(count()).toBe(before);
      // Appending is what it is for.
      db.prepare("INSERT INTO audit_event (at, kind) VALUES ('2026-11-23T12:00:00.000Z', 'export.written')").run();
      expect(count()).toBe((before as number) + 1);
    } finally {
      db.close();
    }
  });
});
