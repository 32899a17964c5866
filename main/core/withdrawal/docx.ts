import { BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Language } from '../../../shared/app/contract.js';
import type { AccessExport } from '../../../shared/withdrawal/accessExport.js';
import { readableExport } from './readable.js';

const thin = { style: BorderStyle.SINGLE, size: 4, color: 'BBBBBB' };
const borders = { top: thin, bottom: thin, left: thin, right: thin };

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
    for (const block of section.blocks) {
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: block.map(
            ([label, value]) =>
              new TableRow({
                children: [
                  new TableCell({
                    borders,
                    width: { size: 35, type: WidthType.PERCENTAGE },
                    children: [new Paragraph({ children: [new TextRun({ text: label, bold: true })] })],
                  }),
                  new TableCell({ borders, width: { size: 65, type: WidthType.PERCENTAGE }, children: [new Paragraph(value)] }),
                ],
              }),
          ),
        }),
        new Paragraph({ text: '' }),
      );
    }
  }
  const document = new Document({
    creator: 'Groundwork',
    title: readable.title,
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
