import { describe, expect, it } from 'vitest';
import type { Recording, RecordingCandidate } from '../../../shared/recordings/contract.js';
import { addDays, format } from 'date-fns';
import type { StudyPage } from '../../../shared/study/contract.js';
import { freshStudy, openWithSqlcipher, sqlcipher4, testPassphrase, value } from '../../helpers/study.js';
import { addConsent, addParticipant } from './setup.js';

const base = { madeOn: '2026-03-01', keptWhere: 'Diktafon, låst skap', format: 'MP3', lengthSeconds: 2400, notes: '' };
const day = (offset: number) => format(addDays(new Date(), offset), 'yyyy-MM-dd');

/** A recognisable fake MP3: an ID3 header and a sentinel the test can look for afterwards. */
const audioSentinel = 'SENTINEL-lydopptak-Kari-9913';
function fakeMp3(): Buffer {
  return Buffer.concat([Buffer.from('ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000', 'latin1'), Buffer.from(`${audioSentinel} `.repeat(2000))]);
}

describe('the recordings register', () => {
  it('refuses a recording without a valid consent, and without the recording option, with the right codes', async () => {
    const study = await freshStudy();
    const none = addParticipant(study, 'Deltaker 1', 'asked');
    const notes = addParticipant(study, 'Deltaker 2');
    addConsent(study, notes, { recording: false });
    const withdrawn = addParticipant(study, 'Deltaker 3', 'withdrawn');
    addConsent(study, withdrawn, { recording: true });

    expect(await study.core.invoke('recordings.register', { ...base, participantId: none })).toEqual({ ok: false, error: { code: 'consent.missing' } });
    expect(await study.core.invoke('recordings.register', { ...base, participantId: notes })).toEqual({ ok: false, error: { code: 'consent.noRecordingOption' } });
    expect(await study.core.invoke('recordings.register', { ...base, participantId: withdrawn })).toEqual({ ok: false, error: { code: 'participant.withdrawn' } });
    expect(await study.core.invoke('recordings.register', { ...base, participantId: 999 })).toEqual({ ok: false, error: { code: 'participant.notFound' } });
    expect(value<{ recordings: Recording[] }>(await study.core.invoke('recordings.list', {})).recordings).toEqual([]);

    // The candidates say why, so the form can explain before anyone tries.
    expect(value<RecordingCandidate[]>(await study.core.invoke('recordings.candidates', {})).map((candidate) => candidate.consent)).toEqual([
      'missing',
      'noRecordingOption',
      'missing',
    ]);

    // A renewed consent that includes recording makes it possible.
    addConsent(study, notes, { recording: true, signedOn: '2026-03-10' });
    const recording = value<Recording>(await study.core.invoke('recordings.register', { ...base, participantId: notes }));
    expect(recording).toMatchObject({ pseudonym: 'Deltaker 2', keptWhere: 'Diktafon, låst skap', transcribedOn: null, deletionDueOn: null, audio: null });
  });

  it('marking a recording transcribed sets its deletion date from the study page\'s rule', async () => {
    const study = await freshStudy();
    const page = value<StudyPage>(await study.core.invoke('studyPage.get', {}));
    expect(page.recordingDeletionDays).toBe(7);
    value(await study.core.invoke('studyPage.update', { ...page, recordingDeletionDays: 3 }));
    expect(value<StudyPage>(await study.core.invoke('studyPage.get', {})).recordingDeletionDays).toBe(3);

    const id = addParticipant(study, 'Deltaker 1');
    addConsent(study, id, { recording: true });
    const recording = value<Recording>(await study.core.invoke('recordings.register', { ...base, madeOn: '2026-01-29', participantId: id }));
    const transcribed = value<Recording>(await study.core.invoke('recordings.markTranscribed', { id: recording.id, transcribedOn: '2026-01-30' }));
    expect(transcribed).toMatchObject({ transcribedOn: '2026-01-30', deletionDueOn: '2026-02-02' });
    expect(await study.core.invoke('recordings.markTranscribed', { id: recording.id, transcribedOn: '2026-02-28' })).toMatchObject({ ok: true });
    expect(await study.core.invoke('recordings.markTranscribed', { id: 999, transcribedOn: '2026-02-28' })).toEqual({ ok: false, error: { code: 'recording.missing' } });
    expect(await study.core.invoke('recordings.markTranscribed', { id: recording.id, transcribedOn: '2026-01-28' })).toEqual({
      ok: false,
      error: { code: 'recording.transcribedBeforeMade' },
    });
  });

  it('lists the most urgent first: overdue, then due soon, then later, then untranscribed; deleted receipts last', async () => {
    const study = await freshStudy();
    const id = addParticipant(study, 'Deltaker 1');
    addConsent(study, id, { recording: true, signedOn: '2020-01-01' });
    const page = value<StudyPage>(await study.core.invoke('studyPage.get', {}));
    value(await study.core.invoke('studyPage.update', { ...page, recordingDeletionDays: 0 }));
    const register = async (note: string) =>
      value<Recording>(await study.core.invoke('recordings.register', { ...base, madeOn: '2020-01-01', notes: note, participantId: id })).id;
    const untranscribed = await register('untranscribed');
    const later = await register('later');
    const overdue = await register('overdue');
    const deleted = await register('deleted');
    const soon = await register('soon');
    const longOverdue = await register('long overdue');
    const transcribe = (recordingId: number, on: string) => study.core.invoke('recordings.markTranscribed', { id: recordingId, transcribedOn: on });
    await transcribe(later, day(30));
    await transcribe(overdue, day(-2));
    await transcribe(deleted, day(-40));
    await transcribe(soon, day(3));
    await transcribe(longOverdue, day(-20));
    value(await study.core.invoke('recordings.recordDeletion', { id: deleted, deletedOn: day(-1), deletedHow: 'Slettet på diktafonen', confirmedBy: 'Forskeren' }));

    const { recordings, today } = value<{ recordings: Recording[]; today: string }>(await study.core.invoke('recordings.list', {}));
    expect(today).toBe(day(0));
    expect(recordings.map((recording) => recording.notes)).toEqual(['long overdue', 'overdue', 'soon', 'later', 'untranscribed', 'deleted']);
    void untranscribed;
  });

  it('deleting a recording removes its stored audio from every table and the file, and keeps the receipt', async () => {
    const study = await freshStudy();
    const id = addParticipant(study, 'Deltaker 1');
    addConsent(study, id, { recording: true });
    const audio = fakeMp3();
    const recording = value<Recording>(
      await study.core.invoke('recordings.register', { ...base, participantId: id, audio: { fileName: 'intervju 1.mp3', base64: audio.toString('base64') } }),
    );
    expect(recording.audio).toEqual({ fileName: 'intervju 1.mp3', mediaType: 'audio/mpeg', bytes: audio.length });
    value(await study.core.invoke('recordings.markTranscribed', { id: recording.id, transcribedOn: '2026-03-02' }));
    const receipt = value<Recording>(
      await study.core.invoke('recordings.recordDeletion', { id: recording.id, deletedOn: '2026-03-03', deletedHow: 'Slettet fra studiefilen', confirmedBy: 'Forskeren' }),
    );
    expect(receipt).toMatchObject({ deletedOn: '2026-03-03', deletedHow: 'Slettet fra studiefilen', deletionConfirmedBy: 'Forskeren', audio: null, transcribedOn: '2026-03-02' });
    // A receipt is final.
    expect(await study.core.invoke('recordings.recordDeletion', { id: recording.id, deletedOn: '2026-03-04', deletedHow: 'x', confirmedBy: 'y' })).toEqual({
      ok: false,
      error: { code: 'recording.alreadyDeleted' },
    });
    expect(await study.core.invoke('recordings.markTranscribed', { id: recording.id, transcribedOn: '2026-03-04' })).toEqual({
      ok: false,
      error: { code: 'recording.alreadyDeleted' },
    });
    value(await study.core.invoke('study.close', {}));

    // A full dump, table by table: the bytes are in none of them, the audio row is gone, the receipt stays.
    const db = openWithSqlcipher(study.file, testPassphrase, { readonly: true });
    try {
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((table) => table.name);
      expect(tables).toContain('recording_audio');
      for (const table of tables) {
        for (const row of db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
          for (const cell of Object.values(row)) {
            const bytes = Buffer.isBuffer(cell) ? cell : Buffer.from(String(cell));
            expect(bytes.includes(Buffer.from(audioSentinel)), table).toBe(false);
            expect(bytes.includes(audio.subarray(0, 64)), table).toBe(false);
          }
        }
      }
      expect(db.prepare('SELECT count(*) AS n FROM recording_audio').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT deleted_on, deleted_how, deletion_confirmed_by FROM recording').all()).toEqual([
        { deleted_on: '2026-03-03', deleted_how: 'Slettet fra studiefilen', deletion_confirmed_by: 'Forskeren' },
      ]);
      const audit = db.prepare("SELECT kind, detail FROM audit_event WHERE kind LIKE 'recording.%' ORDER BY id").all() as { kind: string; detail: string }[];
      expect(audit.map((event) => event.kind)).toEqual(['recording.registered', 'recording.transcribed', 'recording.deleted']);
      expect(JSON.parse(audit[2]!.detail)).toEqual({ recordingId: recording.id, audioRemoved: 1 });
      for (const event of audit) expect(event.detail).not.toMatch(/Deltaker|Forskeren|diktafon|intervju/i);
    } finally {
      db.close();
    }

    // And page by page: not in free pages or slack either (secure_delete).
    const plaintext = sqlcipher4.plaintext(study.file, testPassphrase);
    expect(plaintext.includes(Buffer.from('CREATE TABLE recording'))).toBe(true);
    expect(plaintext.includes(Buffer.from(audioSentinel))).toBe(false);
  });

  it('refuses a file that is not audio, and one over 50 MB', async () => {
    const study = await freshStudy();
    const id = addParticipant(study, 'Deltaker 1');
    addConsent(study, id, { recording: true });
    const pdf = Buffer.from('%PDF-1.7 not a recording');
    expect(await study.core.invoke('recordings.register', { ...base, participantId: id, audio: { fileName: 'opptak.mp3', base64: pdf.toString('base64') } })).toEqual({
      ok: false,
      error: { code: 'recording.audioUnsupported' },
    });
    const large = Buffer.alloc(50 * 1024 * 1024 + 3);
    large.write('ID3', 0, 'latin1');
    expect(await study.core.invoke('recordings.register', { ...base, participantId: id, audio: { fileName: 'stor.mp3', base64: large.toString('base64') } })).toMatchObject({
      ok: false,
      error: { code: 'input.invalid' },
    });
    expect(value<{ recordings: Recording[] }>(await study.core.invoke('recordings.list', {})).recordings).toEqual([]);
  });
});
