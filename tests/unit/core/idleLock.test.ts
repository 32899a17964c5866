import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionState, StudySettings } from '../../../shared/study/contract.js';
import { companions, freshStudy, listFiles, openWithSqlcipher, tempDir, testCore, testPassphrase, value } from '../../helpers/study.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the idle lock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('locks an unused study, closes the connection, tells the UI, and refuses study calls until unlocked', async () => {
    const { core, file } = await freshStudy();
    const events: unknown[] = [];
    core.onEvent((event, payload) => events.push({ event, payload }));
    const settings = value<StudySettings>(await core.invoke('study.updateSettings', { idleLockMinutes: 0.05 })); // 3 s
    expect(settings.idleLockMinutes).toBe(0.05);
    const db = core.session.require().db;

    await sleep(1000);
    expect(core.session.state().status).toBe('open');
    await sleep(3000);

    const locked: SessionState = { status: 'locked', path: file, fileName: 'Study.groundwork', reason: 'idle' };
    expect(core.session.state()).toEqual(locked);
    expect(db.isOpen).toBe(false);
    expect(companions(file)).toEqual([]);
    expect(events).toEqual([{ event: 'study.state', payload: locked }]);
    expect(value(await core.invoke('study.state', {}))).toEqual(locked);
    for (const channel of ['studyPage.get', 'study.settings', 'study.backups']) {
      expect(await core.invoke(channel, {}), channel).toEqual({ ok: false, error: { code: 'study.notOpen' } });
    }
    // Locking takes the day's automatic backup.
    expect(listFiles(settings.backupFolder)).toHaveLength(1);

    value(await core.invoke('study.open', { path: file, passphrase: testPassphrase }));
    expect(core.session.state().status).toBe('open');
    value(await core.invoke('study.close', {}));
    const check = openWithSqlcipher(file, testPassphrase, { readonly: true });
    try {
      const lockEvents = check.prepare("SELECT detail FROM audit_event WHERE kind = 'study.locked'").pluck().all();
      expect(lockEvents).toEqual([JSON.stringify({ reason: 'idle' })]);
    } finally {
      check.close();
    }
  });

  it('is postponed by the researcher\'s activity, and by nothing else', async () => {
    const { core } = await freshStudy();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // Changing the setting restarts the timer, now as a fake one.
    value(await core.invoke('study.updateSettings', { idleLockMinutes: 0.05 }));

    vi.advanceTimersByTime(2000);
    value(await core.invoke('session.activity', {}));
    vi.advanceTimersByTime(2000);
    expect(core.session.state().status).toBe('open');
    // A screen that reads or polls on its own (progress, a refresh) is not the researcher at work.
    value(await core.invoke('studyPage.get', {}));
    value(await core.invoke('study.state', {}));
    vi.advanceTimersByTime(1100);
    expect(core.session.state()).toMatchObject({ status: 'locked', reason: 'idle' });
  });

  it('does not fire after a manual lock or a close', async () => {
    const root = tempDir();
    const core = testCore(root);
    const events: unknown[] = [];
    core.onEvent((event, payload) => events.push({ event, payload }));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const file = path.join(root, 'studies', 'Manual.groundwork');
    value(await core.invoke('study.create', { title: 'Manuell lås', path: file, passphrase: testPassphrase }));
    value(await core.invoke('study.updateSettings', { idleLockMinutes: 0.05 }));
    expect(value<SessionState>(await core.invoke('study.lock', {}))).toMatchObject({ status: 'locked', reason: 'manual' });
    vi.advanceTimersByTime(10_000);
    expect(core.session.state()).toMatchObject({ status: 'locked', reason: 'manual' });
    expect(events).toEqual([]);
    expect(fs.existsSync(file)).toBe(true);
  });
});
