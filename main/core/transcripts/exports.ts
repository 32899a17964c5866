import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Transcript } from '../../../shared/transcripts/contract.js';
import { speakerLabels, type LabelLanguage } from '../../../shared/transcripts/labels.js';
import { formatTimestamp } from '../../../shared/transcripts/lines.js';

/**
 * A transcript as a file to cite from: every line with its number (its position, as the margin
 * shows it) and its speaker. Made in memory; the handler writes it only where the researcher chose.
 */

const texts = {
  en: {
    participant: 'Participant',
    interview: 'Interview',
    state: 'State',
    anonymised: 'anonymised',
    raw: 'NOT ANONYMISED: this export may identify people. Exported by the researcher’s own decision.',
    line: 'Line',
    time: 'Time',
    speaker: 'Speaker',
    text: 'Text',
    lines: 'Lines',
  },
  nb: {
    participant: 'Deltaker',
    interview: 'Intervju',
    state: 'Tilstand',
    anonymised: 'anonymisert',
    raw: 'IKKE ANONYMISERT: denne eksporten kan identifisere personer. Eksportert etter forskerens egen beslutning.',
    line: 'Linje',
    time: 'Tid',
    speaker: 'Taler',
    text: 'Tekst',
    lines: 'Linjer',
  },
} as const;

function heading(transcript: Transcript): string {
  return transcript.title.trim() || `${transcript.pseudonym}, ${transcript.heldAt.replace('T', ' ')}`;
}

function facts(transcript: Transcript, language: LabelLanguage): string[] {
  const words = texts[language];
  return [
    `${words.participant}: ${transcript.pseudonym}`,
    `${words.interview}: ${transcript.heldAt.replace('T', ' ')}`,
    `${words.state}: ${transcript.state === 'anonymised' ? words.anonymised : words.raw}`,
    `${words.lines}: ${transcript.content.length}`,
  ];
}

/** Plain text: a header, then one line per line, `number<TAB>speaker<TAB>[time<TAB>]text`. */
export function renderTxt(transcript: Transcript, language: LabelLanguage): Buffer {
  const labels = speakerLabels(transcript, language);
  const timed = transcript.content.some((line) => line.timestampMs !== null);
  const width = String(transcript.content.length).length;
  const body = transcript.content.map((line, index) => {
    const number = String(index + 1).padStart(width, ' ');
    const time = timed ? `${line.timestampMs === null ? '' : formatTimestamp(line.timestampMs)}\t` : '';
    return `${number}\t${labels[line.speaker]}\t${time}${line.text}`;
  });
  return Buffer.from([heading(transcript), ...facts(transcript, language), '', ...body, ''].join('\n'), 'utf8');
}

const noBorders = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

/** Word: the header, then a borderless table (number, [time,] speaker, text) that keeps the columns aligned. */
export function renderDocx(transcript: Transcript, language: LabelLanguage): Promise<Buffer> {
  const words = texts[language];
  const labels = speakerLabels(transcript, language);
  const timed = transcript.content.some((line) => line.timestampMs !== null);
  const widths = timed ? [700, 1000, 1600, 6300] : [700, 1600, 7300];
  const cell = (text: string, width: number, options: { bold?: boolean; right?: boolean; muted?: boolean } = {}) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      children: [
        new Paragraph({
          alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text, bold: options.bold ?? false, ...(options.muted ? { color: '666666' } : {}) })],
        }),
      ],
    });
  const header = new TableRow({
    tableHeader: true,
    children: [
      cell(words.line, widths[0]!, { bold: true, right: true }),
      ...(timed ? [cell(words.time, widths[1]!, { bold: true })] : []),
      cell(words.speaker, widths.at(-2)!, { bold: true }),
      cell(words.text, widths.at(-1)!, { bold: true }),
    ],
  });
  const rows = transcript.content.map(
    (line, index) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(String(index + 1), widths[0]!, { right: true, muted: true }),
          ...(timed ? [cell(line.timestampMs === null ? '' : formatTimestamp(line.timestampMs), widths[1]!, { muted: true })] : []),
          cell(labels[line.speaker], widths.at(-2)!),
          cell(line.text, widths.at(-1)!),
        ],
      }),
  );
  const document = new Document({
    creator: 'Groundwork',
    title: heading(transcript),
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: heading(transcript), bold: true, size: 30 })], spacing: { after: 120 } }),
          ...facts(transcript, language).map(
            (fact, index) =>
              new Paragraph({
                children: [new TextRun({ text: fact, ...(index === 2 && transcript.state !== 'anonymised' ? { bold: true, color: 'A00000' } : {}) })],
              }),
          ),
          new Paragraph({ text: '' }),
          new Table({ width: { size: widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA }, borders: noBorders, rows: [header, ...rows] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
