import path from 'node:path';
import type { withdrawalChannels } from '../../../shared/withdrawal/contract.js';
import { recordAudit } from '../audit/audit.js';
import type { Handler } from '../router.js';
import type { StudySession } from '../study/session.js';
import { exportCounts, readAccessExport, renderAccessExport, writeExportFile } from './accessExport.js';
import { planWithdrawal, withdrawParticipant } from './withdrawal.js';

type WithdrawalHandlers = { [C in keyof typeof withdrawalChannels]: Handler<C> };

export function withdrawalHandlers(session: StudySession): WithdrawalHandlers {
  return {
    'withdrawal.plan': ({ participantId, scope }) =>
      session.require().db.read((reader) => planWithdrawal(reader, participantId, scope)),
    'withdrawal.confirm': (request) => {
      const open = session.require();
      const receipt = open.db.write((writer) => withdrawParticipant(writer, request));
      // The deleted rows' old pages may still sit in the write-ahead log: fold it in and empty it.
      open.db.connection.pragma('wal_checkpoint(TRUNCATE)');
      return receipt;
    },
    'withdrawal.accessExport': async ({ participantId, format, language, path: target }) => {
      const open = session.require();
      const data = open.db.read((reader) => readAccessExport(reader, participantId));
      const bytes = await renderAccessExport(data, format, language);
      const resolved = path.resolve(target);
      writeExportFile(resolved, bytes);
      open.db.write((writer) =>
        recordAudit(writer, 'export.written', { kind: 'accessExport', format, participantId, ...exportCounts(data) }),
      );
      return { path: resolved, bytes: bytes.length };
    },
  };
}
