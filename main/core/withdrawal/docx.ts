import { BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Language } from '../../../shared/app/contract.js';
import type { AccessExport } from '../../../shared/withdrawal/accessExport.js';
import { readableExport, type ReadableBlock } from './readable.js';

const thin = { style: BorderStyle.SINGLE, size: 4, color: 'BBBBBB' };
const borders = { top: thin, bottom: thin, left: thin, right: thin };

/** A value as paragraphs: a line break in the text (notes, a list of questions) starts a new one. */
const paragraphs = (value: string, bold = false) =>
  value.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] }));

const cell = (value: string, widthPercent: number, bold = false) =>
  new TableCell({ borders, width: { size: widthPercent, type: WidthType.PERCENTAGE }, children: paragraphs(value, bold) });

function block(item: ReadableBlock): (Paragraph | Table)[] {
  if (item.kind === 'pairs') {
    return [
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: item.pairs.map(([label, value]) => new TableRow({ children: [cell(label, 35, true), cell(value, 65)] })),
      }),
    ];
  }
  const widths = item.widths;
  return [
    new Paragraph({ text: item.caption, heading: HeadingLevel.HEADING_2 }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: item.columns.map((column, index) => cell(column, widths[index]!, true)) }),
        ...item.rows.map((row) => new TableRow({ children: row.map((value, index) => cell(value, widths[index]!)) })),
      ],
    }),
  ];
}

/** The readable access export as a Word document, built in memory. */
export async function renderAccessExportDocx(data: AccessExport, language: Language): Promise<Buffer> {
  const readable = readableExport(data, language);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: readable.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: readable.intro }),
  ];
  for (const section of readable.sections) {
    children.push(new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_1 }));
    if (section.empty) children.push(new Paragraph({ children: [new TextRun({ text: section.empty, italics: true })] }));
    for (const item of section.blocks) children.push(...block(item), new Paragraph({ text: '' }));
  }
  const document = new Document({
    creator: 'Groundwork',
    title: readable.title,
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
