import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { Recording } from '../../../shared/recordings/contract.js';
import type { Transcript, TranscriptSummary } from '../../../shared/transcripts/contract.js';
import type { TranscriptLine } from '../../../shared/transcripts/lines.js';
import { freshStudy, value, type FreshStudy } from '../../helpers/study.js';
import { addInterview, addRecording } from './setup.js';

async function pasted(study: FreshStudy, interviewId: number, text: string): Promise<Transcript> {
  const summary = value<TranscriptSummary>(await study.core.invoke('transcripts.create', { interviewId, source: 'pasted', text }));
  return value<Transcript>(await study.core.invoke('transcripts.get', { id: summary.id }));
}

const texts = (transcript: Transcript) => transcript.content.map((line) => line.text);

function audit(study: FreshStudy, kind: string): Record<string, unknown>[] {
  return study.core.session
    .require()
    .db.read((reader) => reader.query<{ detail: string }>('SELECT detail FROM audit_event WHERE kind = ? ORDER BY id').all(kind))
    .map((row) => JSON.parse(row.detail) as Record<string, unknown>);
}

/** Records which lines the next statements insert, update or delete, by temporary triggers on this connection. */
function watchLines(study: FreshStudy): () => { what: string; lineId: string }[] {
  const connection = study.core.session.require().db.connection;
  connection.exec(`
    CREATE TEMP TABLE touched (what TEXT NOT NULL, line_id TEXT NOT NULL);
    CREATE TEMP TRIGGER touched_insert AFTER INSERT ON transcript_line BEGIN INSERT INTO touched VALUES ('insert', new.id); END;
    CREATE TEMP TRIGGER touched_update AFTER UPDATE ON transcript_line BEGIN INSERT INTO touched VALUES ('update', new.id); END;
    CREATE TEMP TRIGGER touched_delete AFTER DELETE ON transcript_line BEGIN INSERT INTO touched VALUES ('delete', old.id); END;`);
  return () => connection.prepare('SELECT what, line_id AS lineId FROM touched ORDER BY rowid').all() as { what: string; lineId: string }[];
}

const invalid = { ok: false, error: { code: 'transcript.linesInvalid' } };

describe('saving a transcript', () => {
  it('writes what changed from the revision it started from, keeping every id through splits and joins', async () => {
    const study = await freshStudy();
    const { interviewId } = addInterview(study, 'Deltaker 1');
    const start = await pasted(study, interviewId, 'I: Hva skjedde da?\nD: Jeg ble med. Det var bra.');
    expect(texts(start)).toEqual(['Hva skjedde da?', 'Jeg ble med.', 'Det var bra.']);
    const [question, joined, gone] = start.content as [TranscriptLine, TranscriptLine, TranscriptLine];

    // The editor joined line 3 onto line 2 (line 2 keeps its id), split line 1 (the second part is
    // a new line) and changed the speaker of the new line: it sends the changed and new lines and
    // the new order, which leaves out the line that is gone.
    const edited: TranscriptLine[] = [
      { ...question, text: 'Hva skjedde' },
      { id: 'NewLine00001', speaker: 'interviewer', timestampMs: null, text: 'da?' },
      { ...joined, text: 'Jeg ble med. Det var bra.' },
    ];
    const saved = value<{ revision: number; lines: number; words: number }>(
      await study.core.invoke('transcripts.save', { id: start.id, baseRevision: 0, order: edited.map((line) => line.id), lines: edited }),
    );
    expect(saved).toMatchObject({ revision: 1, lines: 3, words: 9 });
    const after = value<Transcript>(await study.core.invoke('transcripts.get', { id: start.id }));
    expect(after.content).toEqual(edited);
    expect(after.revision).toBe(1);
    expect(after.content.map((line) => line.id)).not.toContain(gone.id);

    // A line moved: the order alone says so.
    const moved = [edited[2]!, edited[0]!, edited[1]!];
    expect(value(await study.core.invoke('transcripts.save', { id: start.id, baseRevision: 1, order: moved.map((line) => line.id), lines: [] }))).toMatchObject({
      revision: 2,
      lines: 3,
    });
    expect(value<Transcript>(await study.core.invoke('transcripts.get', { id: start.id })).content).toEqual(moved);

    // A save that started from revision 0 is now stale: refused, and nothing changes.
    const stale = await study.core.invoke('transcripts.save', { id: start.id, baseRevision: 0, order: null, lines: [{ ...question, text: 'Overskrevet' }] });
    expect(stale).toEqual({ ok: false, error: { code: 'transcript.staleRevision' } });
    expect(value<Transcript>(await study.core.invoke('transcripts.get', { id: start.id })).content).toEqual(moved);
  });

  it('writes only the one line changed among 2,000, and moves nothing else', async () => {
    const study = await freshStudy();
    const { interviewId } = addInterview(study, 'Deltaker 4');
    const text = Array.from({ length: 2000 }, (_, index) => `${index % 2 === 0 ? 'I' : 'D'}: Linje nummer ${index + 1}.`).join('\n');
    const start = await pasted(study, interviewId, text);
    expect(start.content).toHaveLength(2000);
    const changed = { ...start.content[1234]!, text: 'Linje nummer 1235, rettet.' };
    const touched = watchLines(study);
    const saved = value<{ revision: number; lines: number; words: number }>(
      await study.core.invoke('transcripts.save', { id: start.id, baseRevision: 0, order: null, lines: [changed] }),
    );
    expect(touched()).toEqual([{ what: 'update', lineId: changed.id }]);
    expect(saved).toMatchObject({ revision: 1, lines: 2000, words: 2000 * 3 + 1 });
    const after = value<Transcript>(await study.core.invoke('transcripts.get', { id: start.id }));
    expect(after.content).toEqual(start.content.map((line) => (line.id === changed.id ? changed : line)));
  });

  it('refuses an order or lines that do not fit the transcript, and leaves the lines as they were', async () => {
    const study = await freshStudy();
    const { interviewId } = addInterview(study, 'Deltaker 2');
    const first = await pasted(study, interviewId, 'D: En. To.');
    const other = await pasted(study, interviewId, 'D: Tre.');
    const [one, two] = first.content as [TranscriptLine, TranscriptLine];
    const theirs = other.content[0]!;
    const fresh: TranscriptLine = { id: 'NewLine00002', speaker: 'participant', timestampMs: null, text: 'Ny.' };
    const order = [one.id, two.id];
    const refused: [string, { order: string[] | null; lines: TranscriptLine[] }][] = [
      ['a line sent twice', { order, lines: [one, { ...one, text: 'igjen' }] }],
      ['a line twice in the order', { order: [one.id, one.id, two.id], lines: [] }],
      ['an order naming an unknown line', { order: [...order, 'Unknown00001'], lines: [] }],
      ['an order naming a line of another transcript', { order: [...order, theirs.id], lines: [] }],
      ['a line of another transcript sent in full', { order: [...order, theirs.id], lines: [{ ...theirs, text: 'Tatt.' }] }],
      ['a line of another transcript without an order', { order: null, lines: [{ ...theirs, text: 'Tatt.' }] }],
      ['a new line without an order', { order: null, lines: [fresh] }],
      ['a line sent but left out of the order', { order, lines: [fresh] }],
      ['a changed line left out of the order', { order: [two.id], lines: [{ ...one, text: 'Endret.' }] }],
    ];
    const touched = watchLines(study);
    for (const [what, changes] of refused) {
      expect(await study.core.invoke('transcripts.save', { id: first.id, baseRevision: 0, ...changes }), what).toEqual(invalid);
    }
    expect(await study.core.invoke('transcripts.save', { id: 999, baseRevision: 0, order: null, lines: [one] })).toEqual({ ok: false, error: { code: 'transcript.missing' } });
    expect(touched()).toEqual([]);
    expect(value<Transcript>(await study.core.invoke('transcripts.get', { id: first.id }))).toMatchObject({ revision: 0, content: first.content });
    expect(value<Transcript>(await study.core.invoke('transcripts.get', { id: other.id }))).toMatchObject({ revision: 0, content: other.content });
  });

  it('keeps the title, speaker names and the spell-check choice', async () => {
    const study = await freshStudy();
    const { interviewId } = addInterview(study, 'Deltaker 3');
    const transcript = await pasted(study, interviewId, 'D: Hei.');
    const renamed = value<TranscriptSummary>(
      await study.core.invoke('transcripts.rename', { id: transcript.id, title: ' Første intervju ', interviewerLabel: 'I', participantLabel: 'D3' }),
    );
    expect(renamed).toMatchObject({ title: 'Første intervju', interviewerLabel: 'I', participantLabel: 'D3' });
    expect(value<{ spellcheck: boolean }>(await study.core.invoke('transcripts.list', {})).spellcheck).toBe(true);
    await study.core.invoke('transcripts.setSpellcheck', { spellcheck: false });
    expect(value<{ spellcheck: boolean }>(await study.core.invoke('transcripts.list', {})).spellcheck).toBe(false);
  });
});

describe('exporting a transcript', () => {
  it('offers only anonymised transcripts; an override is exported with a warning and recorded', async () => {
    const study = await freshStudy();
    const { interviewId } = addInterview(study, 'Deltaker 4');
    const transcript = await pasted(study, interviewId, 'I: Hvordan var første møte?\nD: Spent. Jeg visste ikke hva jeg gikk til.');
    const target = path.join(study.root, 'Deltaker 4.docx');
    const base = { id: transcript.id, format: 'docx', path: target, language: 'nb' };

    expect(await study.core.invoke('transcripts.export', { ...base, overrideRaw: false })).toEqual({ ok: false, error: { code: 'transcript.notAnonymised' } });
    expect(fs.existsSync(target)).toBe(false);
    expect(audit(study, 'export.written')).toEqual([]);

    expect(value(await study.core.invoke('transcripts.export', { ...base, overrideRaw: true }))).toEqual({ path: target, lines: 3 });
    const { value: text } = await mammoth.extractRawText({ path: target });
    const paragraphs = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
    expect(paragraphs).toContain('Tilstand: IKKE ANONYMISERT: denne eksporten kan identifisere personer. Eksportert etter forskerens egen beslutning.');
    // The table: a header row, then number, speaker and text for every line.
    const table = paragraphs.slice(paragraphs.indexOf('Linje'));
    expect(table).toEqual([
      'Linje', 'Taler', 'Tekst',
      '1', 'Intervjuer', 'Hvordan var første møte?',
      '2', 'Deltaker 4', 'Spent.',
      '3', 'Deltaker 4', 'Jeg visste ikke hva jeg gikk til.',
    ]);
    const detail = { what: 'transcript', transcriptId: transcript.id, format: 'docx', lines: 3 };
    expect(audit(study, 'export.written')).toEqual([detail]);
    expect(audit(study, 'transcript.exportedUnanonymised')).toEqual([detail]);
  });

  it('writes an anonymised transcript as text with numbers, speakers and times, without an override on record', async () => {
    const study = await freshStudy();
    const { interviewId } = addInterview(study, 'Deltaker 5');
    const transcript = await pasted(study, interviewId, '[00:00:04] I: Hva heter gruppa?\n[00:00:09] D: Den heter [gruppe]. Den er fin.');
    await study.core.invoke('transcripts.rename', { id: transcript.id, title: '', interviewerLabel: 'I', participantLabel: 'D5' });
    // The anonymisation review sets the state; here straight in the file.
    study.core.session.require().db.write((writer) => writer.statement("UPDATE transcript SET state = 'anonymised', anonymised_at = ? WHERE id = ?").run(new Date().toISOString(), transcript.id));
    const target = path.join(study.root, 'd5.txt');
    expect(value(await study.core.invoke('transcripts.export', { id: transcript.id, format: 'txt', path: target, overrideRaw: false, language: 'en' }))).toEqual({ path: target, lines: 3 });
    const lines = fs.readFileSync(target, 'utf8').split('\n');
    expect(lines.slice(0, 5)).toEqual(['Deltaker 5, 2026-03-02 10:00', 'Participant: Deltaker 5', 'Interview: 2026-03-02 10:00', 'State: anonymised', 'Lines: 3']);
    expect(lines.slice(6, 9)).toEqual(['1\tI\t00:04\tHva heter gruppa?', '2\tD5\t00:09\tDen heter [gruppe].', '3\tD5\t\tDen er fin.']);
    expect(audit(study, 'transcript.exportedUnanonymised')).toEqual([]);
    expect(await study.core.invoke('transcripts.export', { id: transcript.id, format: 'txt', path: path.join(study.root, 'nowhere', 'x.txt'), overrideRaw: false, language: 'en' })).toEqual({
      ok: false,
      error: { code: 'transcript.exportFailed' },
    });
  });
});

describe('marking a transcript complete', () => {
  it('marks the interview’s recordings transcribed, which starts their deletion clock', async () => {
    const study = await freshStudy();
    await study.core.invoke('studyPage.update', { recordingDeletionDays: 7 });
    const { participantId, interviewId } = addInterview(study, 'Deltaker 6');
    const recording = addRecording(study, participantId, interviewId, '2026-03-02');
    const unrelated = addRecording(study, participantId, null, '2026-03-02');
    const transcript = await pasted(study, interviewId, 'D: Ferdig.');

    const result = value<{ transcript: TranscriptSummary; recordings: { id: number; deletionDueOn: string | null }[] }>(
      await study.core.invoke('transcripts.complete', { id: transcript.id, completedOn: '2026-03-03' }),
    );
    expect(result.transcript.completedOn).toBe('2026-03-03');
    expect(result.recordings).toEqual([{ id: recording, deletionDueOn: '2026-03-10' }]);
    const register = value<{ recordings: Recording[] }>(await study.core.invoke('recordings.list', {})).recordings;
    expect(register.find((entry) => entry.id === recording)).toMatchObject({ transcribedOn: '2026-03-03', deletionDueOn: '2026-03-10' });
    expect(register.find((entry) => entry.id === unrelated)).toMatchObject({ transcribedOn: null, deletionDueOn: null });
    expect(audit(study, 'transcript.completed')).toEqual([{ transcriptId: transcript.id, recordings: 1 }]);
    expect(audit(study, 'recording.transcribed')).toEqual([{ recordingId: recording, deletionDays: 7 }]);

    // A completion dated before the recording was made changes nothing.
    const other = await pasted(study, interviewId, 'D: Igjen.');
    addRecording(study, participantId, interviewId, '2026-03-20');
    expect(await study.core.invoke('transcripts.complete', { id: other.id, completedOn: '2026-03-05' })).toEqual({
      ok: false,
      error: { code: 'recording.transcribedBeforeMade' },
    });
    expect(value<Transcript>(await study.core.invoke('transcripts.get', { id: other.id })).completedOn).toBeNull();
  });

  it('deletes a transcript with its lines, on record', async () => {
    const study = await freshStudy();
    const { interviewId } = addInterview(study, 'Deltaker 7');
    const transcript = await pasted(study, interviewId, 'D: En. To. Tre.');
    expect(value(await study.core.invoke('transcripts.delete', { id: transcript.id }))).toEqual({});
    expect(await study.core.invoke('transcripts.get', { id: transcript.id })).toEqual({ ok: false, error: { code: 'transcript.missing' } });
    expect(study.core.session.require().db.read((reader) => reader.query<{ n: number }>('SELECT count(*) AS n FROM transcript_line').get()!.n)).toBe(0);
    expect(audit(study, 'transcript.deleted')).toEqual([{ transcriptId: transcript.id, lines: 3 }]);
  });
});
