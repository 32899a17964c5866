import { describe, expect, it } from 'vitest';
import type { Attribute, Identity, Participant, ParticipantDetail } from '../../../shared/participants/contract.js';
import { listAudit } from '../../../main/core/audit/audit.js';
import { attributeValues } from '../../../main/core/participants/attributes.js';
import { freshStudy, value } from '../../helpers/study.js';

type Invoke = Awaited<ReturnType<typeof freshStudy>>['core']['invoke'];

async function add(invoke: Invoke, pseudonym?: string): Promise<Participant> {
  const name = pseudonym ?? value<{ pseudonym: string }>(await invoke('participants.nextPseudonym', {})).pseudonym;
  return value<Participant>(await invoke('participants.add', { pseudonym: name, status: 'asked', on: '2026-03-01' }));
}

const sentinel: Identity = {
  name: 'SENTINEL-Navn-Kari-9931',
  phone: 'SENTINEL-Tlf-400-00-009',
  email: 'sentinel-epost-7734@example.invalid',
  address: 'SENTINEL-Adresse-Fjordveien-12',
};

describe('the participant register', () => {
  it('adds participants with the next free "Deltaker N" and lists them', async () => {
    const { core } = await freshStudy();
    expect(value(await core.invoke('participants.nextPseudonym', {}))).toEqual({ pseudonym: 'Deltaker 1' });
    const first = await add(core.invoke);
    const second = await add(core.invoke);
    expect([first.pseudonym, second.pseudonym]).toEqual(['Deltaker 1', 'Deltaker 2']);
    expect(first).toMatchObject({ status: 'asked', statusDate: '2026-03-01', dates: { asked: '2026-03-01', consented: null } });
    await add(core.invoke, 'Deltaker 7');
    expect(value(await core.invoke('participants.nextPseudonym', {}))).toEqual({ pseudonym: 'Deltaker 8' });
    const list = value<Participant[]>(await core.invoke('participants.list', {}));
    expect(list.map((participant) => participant.pseudonym)).toEqual(['Deltaker 1', 'Deltaker 2', 'Deltaker 7']);
  });

  it('refuses a pseudonym that another participant has, whatever the case', async () => {
    const { core } = await freshStudy();
    const first = await add(core.invoke, 'Deltaker 1');
    const second = await add(core.invoke, 'Deltaker 2');
    expect(await core.invoke('participants.add', { pseudonym: 'deltaker 1', status: 'asked', on: '2026-03-01' })).toEqual({
      ok: false,
      error: { code: 'participant.pseudonymTaken' },
    });
    expect(await core.invoke('participants.rename', { id: second.id, pseudonym: '  DELTAKER 1 ' })).toEqual({
      ok: false,
      error: { code: 'participant.pseudonymTaken' },
    });
    // Renaming to itself in another case is fine.
    expect(value<Participant>(await core.invoke('participants.rename', { id: first.id, pseudonym: 'DELTAKER 1' })).pseudonym).toBe('DELTAKER 1');
    expect(value<Participant>(await core.invoke('participants.rename', { id: second.id, pseudonym: ' Ingrid ' })).pseudonym).toBe('Ingrid');
    expect(await core.invoke('participants.rename', { id: 999, pseudonym: 'X' })).toEqual({ ok: false, error: { code: 'participant.notFound' } });
  });

  it('records the date behind each status, keeps earlier dates, and never sets withdrawn', async () => {
    const { core } = await freshStudy();
    const participant = await add(core.invoke);
    await core.invoke('participants.setStatus', { id: participant.id, status: 'consented', on: '2026-03-10' });
    const interviewed = value<Participant>(await core.invoke('participants.setStatus', { id: participant.id, status: 'interviewed', on: '2026-04-02' }));
    expect(interviewed).toMatchObject({
      status: 'interviewed',
      statusDate: '2026-04-02',
      dates: { asked: '2026-03-01', consented: '2026-03-10', interviewed: '2026-04-02', completed: null, withdrawn: null },
    });
    expect(await core.invoke('participants.setStatus', { id: participant.id, status: 'withdrawn', on: '2026-04-03' })).toMatchObject({
      ok: false,
      error: { code: 'input.invalid' },
    });
    expect(await core.invoke('participants.setStatus', { id: participant.id, status: 'completed', on: '2026-02-30' })).toMatchObject({
      ok: false,
      error: { code: 'input.invalid' },
    });
    const kinds = core.session.require().db.read((reader) => listAudit(reader)).map((event) => event.kind);
    expect(kinds.filter((kind) => kind === 'participant.statusChanged')).toHaveLength(2);
    expect(kinds).toContain('participant.added');
  });
});

describe('directly identifying details', () => {
  it('are never part of a list or a participant detail, and reading them is recorded without them', async () => {
    const { core } = await freshStudy();
    const participant = await add(core.invoke);
    value(await core.invoke('participants.updateIdentity', { id: participant.id, identity: sentinel }));
    const list = value<Participant[]>(await core.invoke('participants.list', {}));
    expect(Object.keys(list[0]!).sort()).toEqual(['createdAt', 'dates', 'id', 'pseudonym', 'status', 'statusDate']);
    const outputs = [
      list,
      await core.invoke('participants.get', { id: participant.id }),
      await core.invoke('participants.identityStatus', {}),
    ];
    for (const output of outputs) {
      const text = JSON.stringify(output);
      for (const field of ['name', 'phone', 'email', 'address']) expect(text).not.toContain(`"${field}"`);
      for (const secret of Object.values(sentinel)) expect(text).not.toContain(secret);
    }
    expect(JSON.stringify(await core.invoke('attributes.list', {}))).not.toContain('SENTINEL');
    expect(value(await core.invoke('participants.identity', { id: participant.id }))).toEqual(sentinel);
    const audit = core.session.require().db.read((reader) => listAudit(reader));
    expect(audit[0]).toMatchObject({ kind: 'participant.identityViewed', detail: { participant: participant.id } });
    const auditText = JSON.stringify(audit);
    for (const secret of Object.values(sentinel)) expect(auditText).not.toContain(secret);
  });

  it('are deleted for everyone in one step, leaving no trace in any table, with an audit event holding only the count', async () => {
    const { core } = await freshStudy();
    for (const index of [1, 2, 3]) {
      const participant = await add(core.invoke);
      value(await core.invoke('participants.updateIdentity', {
        id: participant.id,
        identity: { name: `${sentinel.name}-${index}`, phone: `${sentinel.phone}-${index}`, email: `${index}${sentinel.email}`, address: sentinel.address },
      }));
    }
    await add(core.invoke); // one without details
    expect(value(await core.invoke('participants.identityStatus', {}))).toEqual({ deletedAt: null, participantsWithDetails: 3 });
    const result = value<{ deletedAt: string; count: number }>(await core.invoke('participants.deleteAllIdentity', { confirmed: true }));
    expect(result.count).toBe(3);
    expect(value(await core.invoke('participants.identityStatus', {}))).toEqual({ deletedAt: result.deletedAt, participantsWithDetails: 0 });

    // A full dump: every text column of every table.
    const db = core.session.require().db.connection;
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    let cells = 0;
    for (const table of tables) {
      for (const row of db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
        for (const cell of Object.values(row)) {
          const text = Buffer.isBuffer(cell) ? cell.toString('utf8') : String(cell);
          cells += 1;
          for (const secret of ['SENTINEL-Navn', 'SENTINEL-Tlf', 'sentinel-epost', 'SENTINEL-Adresse']) expect(text, table).not.toContain(secret);
        }
      }
    }
    expect(cells).toBeGreaterThan(20);
    const event = core.session.require().db.read((reader) => listAudit(reader)).find((entry) => entry.kind === 'participant.identityDeletedAll');
    expect(event?.detail).toEqual({ count: 3 });
    // Afterwards nothing can be added again.
    expect(await core.invoke('participants.updateIdentity', { id: 1, identity: sentinel })).toEqual({ ok: false, error: { code: 'identity.deleted' } });
    // And the confirmation is required by the contract.
    expect(await core.invoke('participants.deleteAllIdentity', { confirmed: false })).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
  });
});

describe('attributes', () => {
  it('start with the seven built-in ones, named in bokmål', async () => {
    const { core } = await freshStudy();
    const attributes = value<Attribute[]>(await core.invoke('attributes.list', {}));
    expect(attributes.map((attribute) => attribute.name)).toEqual([
      'Alder',
      'Familiesituasjon',
      'Bosituasjon',
      'Arbeid eller aktivitet',
      'Kjønn',
      'Gruppe',
      'Gruppe fullført',
    ]);
  });

  it('validate values by kind and store nothing when one is refused', async () => {
    const { core } = await freshStudy();
    const participant = await add(core.invoke);
    const attributes = value<Attribute[]>(
      await core.invoke('attributes.add', { name: 'Utdanning', kind: 'choice', choices: ['Grunnskole', 'Høyere', 'Høyere'] }),
    );
    const byName = (name: string) => attributes.find((attribute) => attribute.name === name)!.id;
    const [age, completed, education, housing] = [byName('Alder'), byName('Gruppe fullført'), byName('Utdanning'), byName('Bosituasjon')];
    expect(attributes.find((attribute) => attribute.id === education)?.choices).toEqual(['Grunnskole', 'Høyere']);

    const refused = await core.invoke('participants.setValues', {
      id: participant.id,
      values: [
        { attributeId: age, value: 'førti' },
        { attributeId: completed, value: '2024-02-30' },
        { attributeId: education, value: 'Doktorgrad' },
        { attributeId: housing, value: 'Bor alene' },
      ],
    });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'attribute.invalidValue', fields: [`values.${age}`, `values.${completed}`, `values.${education}`] },
    });
    expect(value<ParticipantDetail>(await core.invoke('participants.get', { id: participant.id })).values).toEqual({});

    const stored = value<ParticipantDetail>(
      await core.invoke('participants.setValues', {
        id: participant.id,
        values: [
          { attributeId: age, value: ' 41,5 ' },
          { attributeId: completed, value: '2024-06-14' },
          { attributeId: education, value: 'Høyere' },
          { attributeId: housing, value: 'Bor alene' },
        ],
      }),
    );
    expect(stored.values).toEqual({ [age]: '41.5', [completed]: '2024-06-14', [education]: 'Høyere', [housing]: 'Bor alene' });
    // An empty value removes it.
    value(await core.invoke('participants.setValues', { id: participant.id, values: [{ attributeId: housing, value: '' }] }));
    const all = core.session.require().db.read(attributeValues);
    expect(Object.fromEntries(all.get(participant.id)!)).toEqual({ [age]: '41.5', [completed]: '2024-06-14', [education]: 'Høyere' });
  });

  it('are renamed, reordered and deleted with their values; names are unique and choices in use stay', async () => {
    const { core } = await freshStudy();
    const participant = await add(core.invoke);
    let attributes = value<Attribute[]>(await core.invoke('attributes.add', { name: 'Utdanning', kind: 'choice', choices: ['Lav', 'Høy'] }));
    const education = attributes.at(-1)!;
    expect(education.position).toBe(7);
    expect(await core.invoke('attributes.add', { name: 'alder', kind: 'number', choices: [] })).toEqual({ ok: false, error: { code: 'attribute.nameTaken' } });
    expect(await core.invoke('attributes.add', { name: 'Tom', kind: 'choice', choices: [] })).toEqual({ ok: false, error: { code: 'attribute.choicesMissing' } });
    value(await core.invoke('participants.setValues', { id: participant.id, values: [{ attributeId: education.id, value: 'Høy' }] }));
    expect(await core.invoke('attributes.update', { id: education.id, name: 'Utdanning', choices: ['Lav'] })).toEqual({
      ok: false,
      error: { code: 'attribute.choiceInUse' },
    });
    attributes = value<Attribute[]>(await core.invoke('attributes.update', { id: education.id, name: 'Utdanningsnivå', choices: ['Lav', 'Høy', 'Middels'] }));
    expect(attributes.at(-1)).toMatchObject({ name: 'Utdanningsnivå', choices: ['Lav', 'Høy', 'Middels'], valueCount: 1 });

    attributes = value<Attribute[]>(await core.invoke('attributes.move', { id: education.id, direction: 'up' }));
    expect(attributes.map((attribute) => attribute.name).slice(-2)).toEqual(['Utdanningsnivå', 'Gruppe fullført']);
    attributes = value<Attribute[]>(await core.invoke('attributes.move', { id: attributes[0]!.id, direction: 'up' }));
    expect(attributes[0]!.name).toBe('Alder');

    attributes = value<Attribute[]>(await core.invoke('attributes.delete', { id: education.id }));
    expect(attributes.map((attribute) => attribute.name)).not.toContain('Utdanningsnivå');
    expect(value<ParticipantDetail>(await core.invoke('participants.get', { id: participant.id })).values).toEqual({});
    const event = core.session.require().db.read((reader) => listAudit(reader))[0];
    expect(event).toMatchObject({ kind: 'attribute.deleted', detail: { attribute: education.id, values: 1 } });
  });
});

describe('the demo study', () => {
  it('has six fictional participants across the statuses, with attributes and invented details', async () => {
    const { core } = await freshStudy();
    value(await core.invoke('study.openDemo', {}));
    const list = value<Participant[]>(await core.invoke('participants.list', {}));
    expect(list.map((participant) => participant.pseudonym)).toEqual(['Deltaker 1', 'Deltaker 2', 'Deltaker 3', 'Deltaker 4', 'Deltaker 5', 'Deltaker 6']);
    expect(new Set(list.map((participant) => participant.status))).toEqual(new Set(['completed', 'interviewed', 'consented', 'asked']));
    const detail = value<ParticipantDetail>(await core.invoke('participants.get', { id: list[0]!.id }));
    expect(Object.keys(detail.values)).toHaveLength(7);
    expect(value<Identity>(await core.invoke('participants.identity', { id: list[2]!.id })).phone).toBe('400 00 003');
  });
});
