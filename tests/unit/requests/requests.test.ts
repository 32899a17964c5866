import { addDays, format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import type { RightsRequest } from '../../../shared/requests/contract.js';
import { freshStudy, openWithSqlcipher, testPassphrase, value } from '../../helpers/study.js';
import { addParticipant } from '../recordings/setup.js';

const day = (offset: number) => format(addDays(new Date(), offset), 'yyyy-MM-dd');

describe('data-subject requests', () => {
  it('are due one calendar month after receipt, 31 January giving the last day of February', async () => {
    const study = await freshStudy();
    const participantId = addParticipant(study, 'Deltaker 1');
    const request = value<RightsRequest>(await study.core.invoke('requests.register', { kind: 'access', receivedOn: '2026-01-31', participantId, notes: 'Per e-post' }));
    expect(request).toMatchObject({ kind: 'access', pseudonym: 'Deltaker 1', dueOn: '2026-02-28', deadline: '2026-02-28', status: 'open', extendedTo: null });
    const leap = value<RightsRequest>(await study.core.invoke('requests.register', { kind: 'erasure', receivedOn: '2028-01-31', participantId: null, notes: '' }));
    expect(leap).toMatchObject({ dueOn: '2028-02-29', pseudonym: null });
    expect(await study.core.invoke('requests.register', { kind: 'access', receivedOn: '2026-01-31', participantId: 999, notes: '' })).toEqual({
      ok: false,
      error: { code: 'participant.notFound' },
    });
  });

  it('may be extended by up to two further months, only with a reason', async () => {
    const study = await freshStudy();
    const { id } = value<RightsRequest>(await study.core.invoke('requests.register', { kind: 'portability', receivedOn: '2026-01-31', participantId: null, notes: '' }));
    expect(await study.core.invoke('requests.extend', { id, extendedTo: '2026-04-30', reason: '' })).toMatchObject({ ok: false, error: { code: 'input.invalid', fields: ['reason'] } });
    expect(await study.core.invoke('requests.extend', { id, extendedTo: '2026-04-30', reason: '   ' })).toMatchObject({ ok: false, error: { code: 'input.invalid', fields: ['reason'] } });
    expect(await study.core.invoke('requests.extend', { id, extendedTo: '2026-05-01', reason: 'Mange henvendelser' })).toEqual({
      ok: false,
      error: { code: 'request.extensionTooLong' },
    });
    expect(await study.core.invoke('requests.extend', { id, extendedTo: '2026-02-20', reason: 'Før fristen' })).toEqual({ ok: false, error: { code: 'request.extensionTooLong' } });
    const extended = value<RightsRequest>(await study.core.invoke('requests.extend', { id, extendedTo: '2026-04-30', reason: ' Mange henvendelser ' }));
    expect(extended).toMatchObject({ dueOn: '2026-02-28', extendedTo: '2026-04-30', extensionReason: 'Mange henvendelser', deadline: '2026-04-30' });

    const answered = value<RightsRequest>(await study.core.invoke('requests.answer', { id, answeredOn: '2026-03-10', status: 'answered', notes: 'Sendt som JSON' }));
    expect(answered).toMatchObject({ status: 'answered', answeredOn: '2026-03-10', notes: 'Sendt som JSON' });
    expect(await study.core.invoke('requests.extend', { id, extendedTo: '2026-04-01', reason: 'x' })).toEqual({ ok: false, error: { code: 'request.alreadyAnswered' } });
    expect(await study.core.invoke('requests.answer', { id, answeredOn: '2026-03-10', status: 'refused', notes: '' })).toEqual({
      ok: false,
      error: { code: 'request.alreadyAnswered' },
    });
    const other = value<RightsRequest>(await study.core.invoke('requests.register', { kind: 'objection', receivedOn: '2026-03-01', participantId: null, notes: '' }));
    expect(await study.core.invoke('requests.answer', { id: other.id, answeredOn: '2026-02-27', status: 'answered', notes: '' })).toEqual({
      ok: false,
      error: { code: 'request.answeredBeforeReceived' },
    });
    value(await study.core.invoke('study.close', {}));

    const db = openWithSqlcipher(study.file, testPassphrase, { readonly: true });
    try {
      const audit = db.prepare("SELECT kind, detail FROM audit_event WHERE kind LIKE 'request.%' ORDER BY id").all() as { kind: string; detail: string }[];
      expect(audit.map((event) => event.kind)).toEqual(['request.registered', 'request.extended', 'request.answered', 'request.registered']);
      expect(JSON.parse(audit[1]!.detail)).toEqual({ requestId: id, kind: 'portability' });
      for (const event of audit) expect(event.detail).not.toMatch(/henvendelser|JSON/);
    } finally {
      db.close();
    }
  });

  it('lists open requests by their deadline (the extension counts), then answered ones', async () => {
    const study = await freshStudy();
    const register = async (receivedOn: string, notes: string) =>
      value<RightsRequest>(await study.core.invoke('requests.register', { kind: 'access', receivedOn, participantId: null, notes })).id;
    const extended = await register(day(-40), 'extended');
    const overdue = await register(day(-35), 'overdue');
    const fresh = await register(day(0), 'fresh');
    const answered = await register(day(-50), 'answered');
    const soon = await register(day(-28), 'soon');
    value(await study.core.invoke('requests.extend', { id: extended, extendedTo: day(20), reason: 'Omfattende' }));
    value(await study.core.invoke('requests.answer', { id: answered, answeredOn: day(-45), status: 'answered', notes: '' }));
    const { requests } = value<{ requests: RightsRequest[] }>(await study.core.invoke('requests.list', {}));
    expect(requests.map((request) => request.notes)).toEqual(['overdue', 'soon', 'extended', 'fresh', 'answered']);
    void overdue;
    void fresh;
    void soon;
  });
});
