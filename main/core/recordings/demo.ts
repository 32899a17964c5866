import { addDays, parseISO } from 'date-fns';
import { toIso } from '../../../shared/recordings/deadlines.js';
import type { StudyWriter } from '../db/connection.js';
import { markTranscribed, recordDeletion, registerRecording } from './register.js';

/** One second of silence as a WAV file (8 kHz, 8-bit mono): a stored recording that holds nothing. */
function silentWav(): Buffer {
  const samples = 8000;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + samples, 4);
  header.write('WAVE', 8, 'latin1');
  header.write('fmt ', 12, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(8000, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(samples, 40);
  return Buffer.concat([header, Buffer.alloc(samples, 0x80)]);
}

/**
 * The demo's recordings, dated from today so the register always shows each case: Deltaker 1's
 * interview deleted with its receipt, Deltaker 2's interview transcribed and overdue for deletion,
 * and a follow-up talk with Deltaker 1, stored in the study, whose deletion is due tomorrow.
 * Deltaker 3 chose notes instead of a recording, so has none.
 */
export function addDemoRecordings(writer: StudyWriter, today = new Date()): void {
  const day = (offset: number) => toIso(addDays(today, offset));
  const participant = (pseudonym: string) =>
    writer.query<{ id: number; interviewed_on: string | null }>('SELECT id, interviewed_on FROM participant WHERE pseudonym = ?').get(pseudonym);
  const first = participant('Deltaker 1');
  const second = participant('Deltaker 2');
  if (!first || !second) return;
  const kept = 'Diktafon, låst skap på kontoret';

  const interviewed = first.interviewed_on ?? day(-60);
  const after = (days: number) => toIso(addDays(parseISO(interviewed), days));
  const deleted = registerRecording(writer, {
    participantId: first.id,
    madeOn: interviewed,
    keptWhere: kept,
    format: 'MP3',
    lengthSeconds: 41 * 60,
    notes: 'Intervju på gruppens rom.',
  });
  markTranscribed(writer, deleted, after(1));
  recordDeletion(writer, {
    id: deleted,
    deletedOn: after(2),
    deletedHow: 'Slettet på diktafonen, og kontrollert at filen er borte',
    confirmedBy: 'Forskeren',
  });

  const overdue = registerRecording(writer, {
    participantId: second.id,
    madeOn: second.interviewed_on ?? day(-10),
    keptWhere: kept,
    format: 'MP3',
    lengthSeconds: 36 * 60,
    notes: 'Intervju hjemme hos deltakeren.',
  });
  markTranscribed(writer, overdue, day(-4));

  const soon = registerRecording(writer, {
    participantId: first.id,
    madeOn: day(-1),
    keptWhere: 'Lagret kryptert i studiefilen',
    format: 'WAV',
    lengthSeconds: 1,
    notes: 'Kort oppfølgingssamtale (demo: ett sekund stillhet).',
    audio: { fileName: 'oppfolging-demo.wav', base64: silentWav().toString('base64') },
  });
  markTranscribed(writer, soon, day(0));
}
