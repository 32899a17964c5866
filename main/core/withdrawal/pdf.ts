import PDFDocument from 'pdfkit';
import type { Language } from '../../../shared/app/contract.js';
import type { AccessExport } from '../../../shared/withdrawal/accessExport.js';
import { readableExport } from './readable.js';

/** The readable access export as a PDF, built in memory (standard Helvetica covers æ, ø and å). */
export function renderAccessExportPdf(data: AccessExport, language: Language): Promise<Buffer> {
  const readable = readableExport(data, language);
  const pdf = new PDFDocument({ size: 'A4', margin: 56, info: { Title: readable.title, Creator: 'Groundwork' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.font('Helvetica-Bold').fontSize(18).text(readable.title);
  pdf.moveDown(0.5).font('Helvetica').fontSize(10).text(readable.intro);
  for (const section of readable.sections) {
    pdf.moveDown(1).font('Helvetica-Bold').fontSize(13).text(section.heading);
    pdf.moveDown(0.3);
    if (section.empty) pdf.font('Helvetica-Oblique').fontSize(10).text(section.empty);
    for (const block of section.blocks) {
      if (block.kind === 'pairs') {
        for (const [label, value] of block.pairs) {
          pdf.font('Helvetica-Bold').fontSize(10).text(`${label}: `, { continued: true });
          pdf.font('Helvetica').text(value);
        }
      } else {
        // A table as one line a row: the leading columns (line number, speaker, time) in bold, the last as text.
        pdf.font('Helvetica-Bold').fontSize(11).text(block.caption);
        pdf.font('Helvetica-Oblique').fontSize(9).text(block.columns.join(' · '));
        for (const row of block.rows) {
          const lead = row.slice(0, -1).filter((value) => value !== '').join(' · ');
          pdf.font('Helvetica-Bold').fontSize(10).text(`${lead}  `, { continued: true });
          pdf.font('Helvetica').text(row.at(-1) ?? '');
        }
      }
      pdf.moveDown(0.5);
    }
  }
  pdf.end();
  return done;
}
