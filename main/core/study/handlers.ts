import path from 'node:path';
import type { studyChannels } from '../../../shared/study/contract.js';
import { recordAudit } from '../audit/audit.js';
import { listBackups, readBackupStatus, writeBackup } from '../backup/backup.js';
import { openDemoStudy } from '../demo/demo.js';
import type { Handler } from '../router.js';
import { readStudyPage, readStudySummary, writeStudyPage } from './page.js';
import type { StudySession } from './session.js';

type StudyHandlers = { [C in keyof typeof studyChannels]: Handler<C> };

export function studyHandlers(session: StudySession, userDataDir: string): StudyHandlers {
  return {
    'study.state': () => session.state(),
    'study.create': (input) => session.create(input),
    'study.open': (input) => session.open(input),
    'study.openDemo': () => openDemoStudy(session, userDataDir),
    'study.lock': () => session.lock('manual'),
    'study.close': () => session.close(),
    'study.changePassphrase': ({ current, next }) => {
      session.changePassphrase(current, next);
      return {};
    },
    'study.backupNow': ({ path: target }) => {
      const open = session.require();
      return writeBackup(open.db, open.path, path.resolve(target), 'manual');
    },
    'study.backups': () => session.require().db.read(listBackups),
    'study.backupStatus': () => session.require().db.read(readBackupStatus),
    'study.settings': () => session.settings(),
    'study.updateSettings': (changes) => session.updateSettings(changes),
    'studyPage.get': () => session.require().db.read(readStudyPage),
    'studyPage.update': (page) => {
      const open = session.require();
      open.db.write((writer) => {
        writeStudyPage(writer, page);
        recordAudit(writer, 'study.pageUpdated');
      });
      session.refreshSummary(open.db.read((reader) => readStudySummary(reader, { path: open.path, fileName: path.basename(open.path) })));
      return open.db.read(readStudyPage);
    },
  };
}
