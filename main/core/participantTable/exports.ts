import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import type { BuiltTable, TableCell as Cell } from '../../../shared/participantTable/engine.js';

export type TableExportFormat = 'docx' | 'xlsx' | 'csv';

/** Header row then one row per participant, as text. */
function textRows(table: BuiltTable): string[][] {
  return [[table.labelHeading, ...table.columns.map((column) => column.heading)], ...table.rows.map((row) => [row.label, ...row.cells.map((cell) => cell.text)])];
}

/**
 * CSV for Excel in Norway: UTF-8 with a byte-order mark (without it Excel reads the file as
 * Windows-1252 and mangles æøå) and `;` between fields. Norwegian Excel uses the comma as its
 * decimal sign, so its list separator is `;`: a comma-separated file opens with every row in one
 * column, while `;` opens in columns in both Norwegian and English Excel (English Excel splits on
 * `;` too when the file is opened, not imported, as long as the separator is consistent — and
 * LibreOffice asks). Line ends are CRLF, as Excel writes them.
 */
export function tableCsv(rows: string[][]): Buffer {
  const body = stringify(rows, { delimiter: ';', record_delimiter: 'windows', quoted_match: /^[=+\-@]/ });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]);
}

function excelCell(cell: Cell): string | number | Date {
  if (cell.number !== undefined) return cell.number;
  if (cell.date !== undefined) return new Date(`${cell.date}T00:00:00Z`);
  return cell.text;
}

/** A spreadsheet with a bold, frozen header row; numbers as numbers and dates as dates. */
export async function tableXlsx(table: BuiltTable, sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Groundwork';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31) || 'Table', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([table.labelHeading, ...table.columns.map((column) => column.heading)]).font = { bold: true };
  for (const row of table.rows) sheet.addRow([row.label, ...row.cells.map(excelCell)]);
  table.columns.forEach((_, index) => {
    const column = sheet.getColumn(index + 2);
    if (table.rows.some((row) => row.cells[index]?.date !== undefined)) column.numFmt = 'yyyy-mm-dd';
  });
  sheet.columns.forEach((column) => {
    let width = 10;
    column.eachCell?.({ includeEmpty: false }, (cell) => {
      width = Math.max(width, String(cell.value instanceof Date ? '0000-00-00' : (cell.value ?? '')).length + 2);
    });
    column.width = Math.min(width, 50);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A Word table ready for the thesis: the caption above, a header row repeated on every page, rules
 * above and below the header and below the last row (the usual APA style), no vertical lines.
 */
export async function tableDocx(table: BuiltTable, captionPrefix: string): Promise<Buffer> {
  const rule = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const paragraph = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });
  const header = new TableRow({
    tableHeader: true,
    children: [table.labelHeading, ...table.columns.map((column) => column.heading)].map(
      (text) => new TableCell({ children: [paragraph(text, true)], borders: { top: rule, bottom: rule, left: none, right: none } }),
    ),
  });
  // Body cells as plain paragraphs (no runs of their own): the document is built noticeably faster.
  const rows = table.rows.map((row) => new TableRow({ children: [row.label, ...row.cells.map((cell) => cell.text)].map((text) => new TableCell({ children: [new Paragraph(text)] })) }));
  const caption = table.caption.trim() ? `${captionPrefix} ${table.caption.trim()}` : captionPrefix;
  const document = new Document({
    creator: 'Groundwork',
    title: caption,
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.LEFT, spacing: { after: 120 }, children: [new TextRun({ text: caption, bold: true })] }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            // The table's own bottom rule closes it under the last row.
            borders: { top: none, bottom: rule, left: none, right: none, insideHorizontal: none, insideVertical: none },
            rows: [header, ...rows],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

export async function renderTable(table: BuiltTable, format: TableExportFormat, language: 'en' | 'nb'): Promise<Buffer> {
  const words = language === 'nb' ? { caption: 'Tabell 1.', sheet: 'Deltakere' } : { caption: 'Table 1.', sheet: 'Participants' };
  switch (format) {
    case 'csv':
      return tableCsv(textRows(table));
    case 'xlsx':
      return tableXlsx(table, words.sheet);
    case 'docx':
      return tableDocx(table, words.caption);
  }
}
