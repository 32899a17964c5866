import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppInfo, RecentStudy } from '../../../shared/app/contract.js';
import type { SessionState, StudyPage, StudySummary } from '../../../shared/study/contract.js';
import { demoPassphrase } from '../../../shared/study/demo.js';
import { latestSchemaVersion } from '../../../main/core/db/migrator.js';
import { createCore } from '../../../main/core/index.js';
import { freshStudy, tempDir, testCore, testPlatform, value } from '../../helpers/study.js';

describe('the app settings file', () => {
  it('remembers recent studies by path and time only, newest first, and survives a restart', async () => {
    const { root, core, file } = await freshStudy('Tittel som ikke skal i settings.json');
    value(await core.invoke('app.setLanguage', { language: 'nb' }));
    value(await core.invoke('study.close', {}));
    core.shutdown();

    const settingsFile = path.join(root, 'userData', 'settings.json');
    const text = fs.readFileSync(settingsFile, 'utf8');
    expect(text).not.toContain('Tittel');
    expect(Object.keys(JSON.parse(text)).sort()).toEqual(['language', 'recent']);
    if (process.platform !== 'win32') expect(fs.statSync(settingsFile).mode & 0o077).toBe(0);

    const restarted = testCore(root);
    expect(value<AppInfo>(await restarted.invoke('app.info', {}))).toMatchObject({ language: 'nb', schemaVersion: latestSchemaVersion, nativeDialogs: false });
    const recent = value<RecentStudy[]>(await restarted.invoke('recent.list', {}));
    expect(recent).toEqual([{ path: file, fileName: 'Study.groundwork', lastOpenedAt: expect.any(String), exists: true }]);

    fs.renameSync(file, `${file}.moved`);
    expect(value<RecentStudy[]>(await restarted.invoke('recent.list', {}))[0]?.exists).toBe(false);
    value(await restarted.invoke('recent.forget', { path: file }));
    expect(value(await restarted.invoke('recent.list', {}))).toEqual([]);
  });

  it('starts afresh from a damaged settings file', async () => {
    const root = tempDir();
    const platform = testPlatform(root);
    fs.mkdirSync(platform.userDataDir, { recursive: true });
    fs.writeFileSync(path.join(platform.userDataDir, 'settings.json'), '{"language": "klingon", "recent": 5');
    const core = createCore(platform);
    try {
      expect(value<AppInfo>(await core.invoke('app.info', {})).language).toBeNull();
      expect(value(await core.invoke('recent.list', {}))).toEqual([]);
    } finally {
      core.shutdown();
    }
  });
});

describe('the demo study', () => {
  it('is made anew each time, with its public passphrase, inside the app folder', async () => {
    const root = tempDir();
    const core = testCore(root);
    const demo = value<StudySummary>(await core.invoke('study.openDemo', {}));
    expect(demo.isDemo).toBe(true);
    expect(demo.path.startsWith(path.join(root, 'userData'))).toBe(true);
    const page = value<StudyPage>(await core.invoke('studyPage.get', {}));
    expect(page.supervisors.length).toBeGreaterThan(0);
    value(await core.invoke('studyPage.update', { ...page, institution: 'Endret i demoen' }));

    expect(value<SessionState>(await core.invoke('study.lock', {}))).toMatchObject({ status: 'locked' });
    value(await core.invoke('study.open', { path: demo.path, passphrase: demoPassphrase }));
    expect(value<StudyPage>(await core.invoke('studyPage.get', {})).institution).toBe('Endret i demoen');

    const again = value<StudySummary>(await core.invoke('study.openDemo', {}));
    expect(again.id).not.toBe(demo.id);
    expect(value<StudyPage>(await core.invoke('studyPage.get', {})).institution).toBe(page.institution);
  });
});

describe('choosing where an export goes', () => {
  it('asks the native save dialog with the suggested file and the format, and answers null where there is none', async () => {
    const root = tempDir();
    const asked: [string, string][] = [];
    const platform = testPlatform(root);
    const withDialogs = createCore({
      ...platform,
      dialogs: {
        chooseNewStudyFile: async () => null,
        chooseStudyFile: async () => null,
        chooseBackupFile: async () => null,
        chooseFolder: async () => null,
        chooseExportFile: async (suggested, format) => {
          asked.push([suggested, format]);
          return format === 'xlsx' ? '/eksport/Tabell.xlsx' : null;
        },
      },
    });
    expect(value(await withDialogs.invoke('dialog.chooseExportFile', { suggestedPath: '/studier/Tabell.xlsx', format: 'xlsx' }))).toEqual({
      path: '/eksport/Tabell.xlsx',
    });
    // Cancelled: null. No suggestion: the dialog starts in the default study folder.
    expect(value(await withDialogs.invoke('dialog.chooseExportFile', { suggestedPath: '', format: 'pdf' }))).toEqual({ path: null });
    expect(asked).toEqual([
      ['/studier/Tabell.xlsx', 'xlsx'],
      [platform.defaultStudyFolder, 'pdf'],
    ]);
    // A format is an extension, nothing else.
    expect(await withDialogs.invoke('dialog.chooseExportFile', { suggestedPath: '', format: '../x' })).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    withDialogs.shutdown();

    const browserHost = testCore(tempDir());
    expect(value(await browserHost.invoke('dialog.chooseExportFile', { suggestedPath: '/studier/T.docx', format: 'docx' }))).toEqual({ path: null });
  });
});
