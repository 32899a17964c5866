import type { SettableStatus } from '../../../shared/participants/contract.js';
import type { StudyWriter } from '../db/connection.js';
import { recordAudit } from '../audit/audit.js';
import { setAttributeValues } from './attributes.js';
import { writeIdentity } from './identity.js';
import { addParticipant, setParticipantStatus } from './participants.js';

interface DemoParticipant {
  steps: [SettableStatus, string][];
  identity: { name: string; phone: string; email: string; address: string };
  /** Values by the built-in attribute's key. */
  values: Record<string, string>;
}

/**
 * Six invented participants for the demo study. Every name, number and address is made up (the
 * phone numbers are 400 00 00x, the addresses in an invented town); all are "she" but one, as in
 * the study the demo imitates.
 */
const demoParticipants: DemoParticipant[] = [
  {
    steps: [['asked', '2026-02-16'], ['consented', '2026-02-24'], ['interviewed', '2026-03-05'], ['completed', '2026-03-20']],
    identity: { name: 'Solveig Aaremark (oppdiktet)', phone: '400 00 001', email: 'solveig.demo@example.invalid', address: 'Lyngveien 3, 9999 Fjordvik' },
    values: { age: '34', familySituation: 'Samboer, ett barn', housing: 'Leilighet', occupation: 'Deltid i butikk', gender: 'Kvinne', group: 'Gruppe vår 2024', groupCompleted: '2024-06-13' },
  },
  {
    steps: [['asked', '2026-02-16'], ['consented', '2026-02-26'], ['interviewed', '2026-03-09'], ['completed', '2026-03-27']],
    identity: { name: 'Marit Hovdenak (oppdiktet)', phone: '400 00 002', email: 'marit.demo@example.invalid', address: 'Bakkegata 17, 9999 Fjordvik' },
    values: { age: '52', familySituation: 'Enslig, voksne barn', housing: 'Kommunal bolig', occupation: 'Uføretrygdet', gender: 'Kvinne', group: 'Gruppe høst 2024', groupCompleted: '2024-12-05' },
  },
  {
    steps: [['asked', '2026-02-18'], ['consented', '2026-03-02'], ['interviewed', '2026-03-16']],
    identity: { name: 'Eirik Strandli (oppdiktet)', phone: '400 00 003', email: 'eirik.demo@example.invalid', address: 'Sjøgata 8, 9999 Fjordvik' },
    values: { age: '41', familySituation: 'Gift, to barn', housing: 'Enebolig', occupation: 'Sykmeldt', gender: 'Mann', group: 'Gruppe vår 2024', groupCompleted: '2024-06-13' },
  },
  {
    steps: [['asked', '2026-02-20'], ['consented', '2026-03-04']],
    identity: { name: 'Hanne Lio (oppdiktet)', phone: '400 00 004', email: 'hanne.demo@example.invalid', address: 'Furulia 22, 9999 Fjordvik' },
    values: { age: '27', familySituation: 'Enslig', housing: 'Bor hos foreldre', occupation: 'Student', gender: 'Kvinne', group: 'Gruppe vår 2025', groupCompleted: '2025-06-12' },
  },
  {
    steps: [['asked', '2026-03-01'], ['consented', '2026-03-11']],
    identity: { name: 'Turid Bergsvåg (oppdiktet)', phone: '400 00 005', email: 'turid.demo@example.invalid', address: 'Kirkebakken 5, 9999 Fjordvik' },
    values: { age: '58', familySituation: 'Enke', housing: 'Leilighet', occupation: 'Pensjonist, frivillig arbeid', gender: 'Kvinne', group: 'Gruppe høst 2023', groupCompleted: '2023-11-30' },
  },
  {
    steps: [['asked', '2026-03-06']],
    identity: { name: 'Nora Eldevik (oppdiktet)', phone: '400 00 006', email: 'nora.demo@example.invalid', address: 'Elvebredden 11, 9999 Fjordvik' },
    values: { age: '46', familySituation: 'Samboer', housing: 'Rekkehus', occupation: 'Arbeidsavklaring (AAP)', gender: 'Kvinne', group: 'Gruppe høst 2024', groupCompleted: '2024-12-05' },
  },
];

/** Adds the demo's six fictional participants, with their attributes and invented contact details. */
export function addDemoParticipants(writer: StudyWriter): void {
  const attributeIds = new Map(
    writer.query<{ id: number; builtin: string }>('SELECT id, builtin FROM attribute WHERE builtin IS NOT NULL').all().map((row) => [row.builtin, row.id]),
  );
  demoParticipants.forEach((demo, index) => {
    const [first, ...rest] = demo.steps;
    if (!first) return;
    const participant = addParticipant(writer, { pseudonym: `Deltaker ${index + 1}`, status: first[0], on: first[1] });
    for (const [status, on] of rest) setParticipantStatus(writer, participant.id, status, on);
    writeIdentity(writer, participant.id, demo.identity);
    setAttributeValues(
      writer,
      participant.id,
      Object.entries(demo.values).flatMap(([key, value]) => {
        const attributeId = attributeIds.get(key);
        return attributeId === undefined ? [] : [{ attributeId, value }];
      }),
    );
    recordAudit(writer, 'participant.added', { participant: participant.id, status: participant.status });
  });
}
