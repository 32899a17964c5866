import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import type { ImportProgress, Transcript, TranscriptSummary } from '../../../shared/transcripts/contract.js';
import { lineIdPattern } from '../../../shared/transcripts/lines.js';
import { freshStudy, value, type FreshStudy } from '../../helpers/study.js';
import { addInterview, base64 } from './setup.js';

async function docxOf(paragraphs: string[]): Promise<Buffer> {
  const document = new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })) }] });
  return Packer.toBuffer(document);
}

async function importOne(study: FreshStudy, interviewId: number, fileName: string, content: string | Buffer) {
  return study.core.invoke('transcripts.import', { importId: 'test', files: [{ interviewId, fileName, base64: base64(content) }] });
}

async function imported(study: FreshStudy, interviewId: number, fileName: string, content: string | Buffer): Promise<Transcript> {
  const [summary] = value<TranscriptSummary[]>(await importOne(study, interviewId, fileName, content));
  return value<Transcript>(await study.core.invoke('transcripts.get', { id: summary!.id }));
}

const rows = (transcript: Transcript) => transcript.content.map((line) => [line.speaker, line.timestampMs, line.text]);

function storedCounts(study: FreshStudy): { transcripts: number; lines: number; audit: number } {
  return study.core.session.require().db.read((reader) => ({
    transcripts: reader.query<{ n: number }>('SELECT count(*) AS n FROM transcript').get()!.n,
    lines: reader.query<{ n: number }>('SELECT count(*) AS n FROM transcript_line').get()!.n,
    audit: reader.query<{ n: number }>("SELECT count(*) AS n FROM audit_event WHERE kind LIKE 'transcript.%'").get()!.n,
  }));
}

describe('importing a transcript', () => {
  it('reads a .txt file with speakers, in UTF-8 or in the Windows encoding older files use', async () => {
    const study = await freshStudy();
    const { interviewId } = addInterview(study, 'Deltaker 1');
    const text = 'Intervjuer: Hvordan har du det i dag?\r\nDeltaker: Bedre enn før. Mye bedre, faktisk.\r\n';
    const transcript = await imported(study, interviewId, 'intervju.txt', text);
    expect(rows(transcript)).toEqual([
      ['interviewer', null, 'Hvordan har du det i dag?'],
      ['participant', null, 'Bedre enn før.'],
      ['participant', null, 'Mye bedre, faktisk.'],
    ]);
    expect(transcript).toMatchObject({ source: 'txt', state: 'raw', pseudonym: 'Deltaker 1', lines: 3, words: 12, revision: 0 });
    expect(new Set(transcript.content.map((line) => line.id)).size).toBe(3);
    for (const line of transcript.content) expect(line.id).toMatch(lineIdPattern);

    const latin = Buffer.from('D: Jeg bor på Ålesund-kanten, og det går bra.', 'latin1');
    expect(rows(await imported(study, interviewId, 'gammel.TXT', latin))).toEqual([['participant', null, 'Jeg bor på Ålesund-kanten, og det går bra.']]);
  });

  it('reads a .docx file paragraph by paragraph', async () => {
    const study = await freshStudy();
    const { interviewId } = addInterview(study, 'Deltaker 2');
    const bytes = await docxOf(['I: Hva var det første du la merke til i gruppa?', 'D: At ingen dømte meg. Det var nytt.', '', 'I: Fortell mer.']);
    const transcript = await imported(study, interviewId, 'Intervju 2.docx', bytes);
    expect(rows(transcript)).toEqual([
      ['interviewer', null, 'Hva var det første du la merke til i gruppa?'],
      ['participant', null, 'At ingen dømte meg.'],
      ['participant', null, 'Det var nytt.'],
      ['interviewer', null, 'Fortell mer.'],
    ]);
    expect(transcript.source).toBe('docx');
  });

  it('reads a .vtt file with voice tags and times', async () => {
    const study = await freshStudy();
    const { interviewId } = addInterview(study, 'Deltaker 3');
    const vtt = [
      'WEBVTT',
      '',
      '00:00:01.000 --> 00:00:04.000',
      '<v Forsker>Hva betydde verdikortene',
      '',
      '00:00:04.000 --> 00:00:06.500',
      '<v Forsker>for deg?',
      '',
      'note-1',
      '00:00:07.200 --> 00:00:12.000',
      '<v.loud Mona Fjeld>De fikk meg til å tenke.</v> Lenge.',
      '',
      '01:02:03.000 --> 01:02:05.000',
      '<v Forsker>Takk.',
      '',
    ].join('\n');
    const transcript = await imported(study, interviewId, 'møte.vtt', vtt);
    expect(rows(transcript)).toEqual([
      ['interviewer', 1000, 'Hva betydde verdikortene for deg?'],
      ['participant', 7200, 'De fikk meg til å tenke.'],
      ['participant', null, 'Lenge.'],
      ['interviewer', 3_723_000, 'Takk.'],
    ]);
    // The names in the file are not kept as labels: the margin shows "Interviewer" and the pseudonym.
    expect(transcript).toMatchObject({ source: 'vtt', interviewerLabel: '', participantLabel: '' });
  });

  it('reads a .srt file with "Name:" speakers and times', async () => {
    const study = await freshStudy();
    const { interviewId } = addInterview(study, 'Deltaker 4');
    const srt = [
      '1',
      '00:00:02,000 --> 00:00:05,000',
      'Intervjuer: Hvordan var det å begynne?',
      '',
      '2',
      '00:00:06,500 --> 00:00:09,000',
      'Deltaker: Skummelt.',
      'Men godt.',
      '',
    ].join('\r\n');
    expect(rows(await imported(study, interviewId, 'opptak.srt', srt))).toEqual([
      ['interviewer', 2000, 'Hvordan var det å begynne?'],
      ['participant', 6500, 'Skummelt.'],
      ['participant', null, 'Men godt.'],
    ]);
  });

  it('refuses malformed files with a clear code, naming the file, and stores nothing', async () => {
    const study = await freshStudy();
    const { interviewId } = addInterview(study, 'Deltaker 5');
    const before = storedCounts(study);
    const cases: [string, string | Buffer, string][] = [
      ['intervju.pdf', '%PDF-1.7', 'transcript.importUnsupported'],
      ['intervju', 'Hei.', 'transcript.importUnsupported'],
      ['intervju.docx', 'Dette er ikke en Word-fil.', 'transcript.importMalformed'],
      ['intervju.docx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]), 'transcript.importMalformed'],
      ['intervju.srt', '1\n00:00:xx,000 --> 00:00:02,000\nHei.\n', 'transcript.importMalformed'],
      ['intervju.srt', 'Bare tekst, ingen tidskoder.\n', 'transcript.importMalformed'],
      ['intervju.vtt', '00:00:01.000 --> 00:00:02.000\nUten WEBVTT-hode.\n', 'transcript.importMalformed'],
      ['intervju.vtt', 'WEBVTT\n\n', 'transcript.importMalformed'],
      ['intervju.txt', Buffer.from([0x48, 0x00, 0x69, 0x00, 0x00, 0x01]), 'transcript.importMalformed'],
      ['intervju.txt', '   \n\n  ', 'transcript.importEmpty'],
      ['tom.docx', await docxOf(['', '   ']), 'transcript.importEmpty'],
    ];
    for (const [fileName, content, code] of cases) {
      expect(await importOne(study, interviewId, fileName, content), fileName).toEqual({ ok: false, error: { code, fields: ['files.0'] } });
    }
    // A good file before a bad one in the same import is not stored either.
    const mixed = await study.core.invoke('transcripts.import', {
      importId: 'mixed',
      files: [
        { interviewId, fileName: 'god.txt', base64: base64('D: Alt vel.') },
        { interviewId, fileName: 'dårlig.srt', base64: base64('ikke undertekster') },
      ],
    });
    expect(mixed).toEqual({ ok: false, error: { code: 'transcript.importMalformed', fields: ['files.1'] } });
    expect(await importOne(study, 999, 'god.txt', 'D: Alt vel.')).toEqual({ ok: false, error: { code: 'transcript.interviewMissing' } });
    expect(storedCounts(study)).toEqual(before);
  });

  it('reports progress while it reads and stores many files', async () => {
    const study = await freshStudy();
    const { interviewId } = addInterview(study, 'Deltaker 6');
    const events: ImportProgress[] = [];
    const stop = study.core.onEvent((event, payload) => {
      if (event === 'transcripts.importProgress') events.push(payload as ImportProgress);
    });
    const files = Array.from({ length: 5 }, (_, index) => ({ interviewId, fileName: `del-${index}.txt`, base64: base64(`D: Del ${index}. Slutt.`) }));
    const summaries = value<TranscriptSummary[]>(await study.core.invoke('transcripts.import', { importId: 'many', files }));
    stop();
    expect(summaries.map((summary) => summary.lines)).toEqual([2, 2, 2, 2, 2]);
    expect(events.map((event) => `${event.phase}:${event.done}/${event.total}`)).toEqual([
      'reading:0/5',
      'reading:1/5',
      'reading:2/5',
      'reading:3/5',
      'reading:4/5',
      'storing:0/5',
      'done:5/5',
    ]);
    expect(events.every((event) => event.importId === 'many')).toBe(true);
  });

  it('creates a transcript by typing (one empty line) or by pasting (split into lines)', async () => {
    const study = await freshStudy();
    const { interviewId } = addInterview(study, 'Deltaker 7');
    const typed = value<TranscriptSummary>(await study.core.invoke('transcripts.create', { interviewId, source: 'typed', text: '' }));
    const typedLines = value<Transcript>(await study.core.invoke('transcripts.get', { id: typed.id })).content;
    expect(typedLines).toEqual([{ id: expect.stringMatching(lineIdPattern), speaker: 'interviewer', timestampMs: null, text: '' }]);
    const pasted = value<TranscriptSummary>(
      await study.core.invoke('transcripts.create', { interviewId, source: 'pasted', text: 'I: Hei. Klar?\nD: Ja.' }),
    );
    expect(pasted).toMatchObject({ source: 'pasted', lines: 3, words: 3 });
    const list = value<{ transcripts: TranscriptSummary[]; interviews: { id: number; transcripts: number }[] }>(await study.core.invoke('transcripts.list', {}));
    expect(list.transcripts.map((summary) => summary.id)).toEqual([typed.id, pasted.id]);
    expect(list.interviews).toEqual([{ id: interviewId, pseudonym: 'Deltaker 7', heldAt: '2026-03-02T10:00', transcripts: 2 }]);
    const audit = study.core.session.require().db.read((reader) =>
      reader.query<{ kind: string; detail: string }>("SELECT kind, detail FROM audit_event WHERE kind LIKE 'transcript.%' ORDER BY id").all(),
    );
    expect(audit.map((event) => [event.kind, JSON.parse(event.detail)])).toEqual([
      ['transcript.created', { transcriptId: typed.id, interviewId, format: 'typed', lines: 1 }],
      ['transcript.created', { transcriptId: pasted.id, interviewId, format: 'pasted', lines: 3 }],
    ]);
  });
});
