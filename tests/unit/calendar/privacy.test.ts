import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { GroupDetail } from '../../../shared/calendar/contract.js';
import { freshStudy, listFilesRecursive, value } from '../../helpers/study.js';
import { createGroup, programmeId } from './helpers.js';

const marker = 'Kalender-7781-pv';

describe('the group calendar keeps what it holds inside the encrypted study', () => {
  it('members, reasons, logs and answers are nowhere in plaintext: not in the files beside the study, the logs, or the files for members', async () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const study = await freshStudy();
    const group = await createGroup(study, { programmeId: await programmeId(study, 'rehabilitationReflection'), startDate: '2026-01-13', weekdays: [] });
    const member = value<GroupDetail>(await study.core.invoke('calendar.members.add', { groupId: group.group.id, label: `K-${marker}`, participantId: null })).members[0]!;
    const session = group.sessions[0]!.id;
    value(await study.core.invoke('calendar.attendance.set', { sessionId: session, entries: [{ memberId: member.id, status: 'absent', reason: `reason ${marker}` }] }));
    value(
      await study.core.invoke('calendar.log.save', {
        sessionId: session,
        whatHappened: `happened ${marker}`,
        why: `why ${marker}`,
        whatNext: `next ${marker}`,
        themeNotes: `theme ${marker}`,
        mentions: [{ memberId: member.id, note: `note ${marker}` }],
      }),
    );
    value(await study.core.invoke('calendar.evaluations.submit', { groupId: group.group.id, formKey: 'before', sessionId: null, memberId: null, answers: { expect: `answer ${marker}` } }));
    // A failure on the way must not carry the content either.
    expect((await study.core.invoke('calendar.log.save', { sessionId: 9999, whatHappened: marker, why: '', whatNext: '', themeNotes: '', mentions: [] })).ok).toBe(false);

    // The files for people outside the app: no member, no reason, no log.
    const exports = path.join(study.root, 'exports');
    fs.mkdirSync(exports);
    value(await study.core.invoke('calendar.export.ics', { groupId: group.group.id, path: path.join(exports, 'group.ics'), language: 'nb' }));
    value(await study.core.invoke('calendar.export.schedule', { groupId: group.group.id, path: path.join(exports, 'schedule.docx'), format: 'docx', language: 'nb' }));
    for (const file of ['group.ics', 'schedule.docx']) expect(fs.readFileSync(path.join(exports, file)).includes(Buffer.from(marker)), file).toBe(false);

    value(await study.core.invoke('study.close', {}));
    const leaking = listFilesRecursive(study.root).filter((file) => !file.startsWith(exports) && fs.readFileSync(file).includes(Buffer.from(marker)));
    expect(leaking).toEqual([]);
    expect(written.join('')).not.toContain(marker);
    vi.restoreAllMocks();
  });
});
