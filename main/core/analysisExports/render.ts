import { PassThrough } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { stringify } from 'csv-stringify/sync';
import { BorderStyle, Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { CodebookFormat, CodingTableFormat, CodingTableRow, ExportLanguage } from '../../../shared/analysisExports/contract.js';
import { analysisExportTexts } from '../../../shared/analysisExports/texts.js';
import type { Codebook, CodebookCode, CodebookFocused } from './codebook.js';
import type { CodingTable } from './codingTable.js';

/** How far the making of a file has come (rows laid out of all), then the file being packed. */
export type ReportProgress = (phase: 'building' | 'writing', done: number, total: number) => void;

/** Rows laid out between two reports (and two turns of the event loop, so the core stays responsive). */
const rowsPerStep = 1000;

const bom = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * A spreadsheet program runs a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage
 * return before one) as a formula; a passage such as "-1 for meg" or "=fint" must stay text. The
 * usual guard (OWASP's): a leading apostrophe, which Excel and LibreOffice show as text.
 */
export function guardFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * CSV for Excel in Norway, as the participant table writes it: UTF-8 with a byte-order mark
 * (without it Excel reads Windows-1252 and mangles æøå), `;` between fields (Norwegian Excel's list
 * separator, since its decimal sign is the comma: a comma-separated file opens with each row in one
 * column there, while `;` opens in columns), CRLF line ends. A field with `;`, a quote or a line
 * break is quoted, quotes doubled (RFC 4180); an excerpt's lines and a cell's several codes are
 * separate lines within their quoted field.
 */
export function codingTableCsv(table: CodingTable, language: ExportLanguage): Buffer {
  const { headings } = analysisExportTexts[language].codingTable;
  const records = [
    [headings.excerpt, headings.source, headings.initialCodes, headings.focusedCodes, headings.category],
    ...table.rows.map((row) => cellsOf(row)),
  ].map((record) => record.map(guardFormula));
  return Buffer.concat([bom, Buffer.from(stringify(records, { delimiter: ';', record_delimiter: 'windows' }), 'utf8')]);
}

function cellsOf(row: CodingTableRow): string[] {
  return [row.excerpt, row.source, row.initialCodes.join('\n'), row.focusedCodes.join('\n'), row.categories.join('\n')];
}

/**
 * A sheet with a bold, frozen header row that filters, fitting column widths, and wrapped text at
 * the top of each cell. Written with exceljs's streaming writer (rows committed as they are made,
 * into memory): its workbook model took about 16 s for 50,000 passages here.
 */
export async function codingTableXlsx(table: CodingTable, language: ExportLanguage, progress: ReportProgress): Promise<Buffer> {
  const { headings, sheet: sheetName } = analysisExportTexts[language].codingTable;
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Groundwork';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: headings.excerpt, width: 70 },
    { header: headings.source, width: 22 },
    { header: headings.initialCodes, width: 32 },
    { header: headings.focusedCodes, width: 32 },
    { header: headings.category, width: 36 },
  ];
  const wrap = { wrapText: true, vertical: 'top' } as const;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 5 } };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = wrap;
  header.commit();
  for (const [index, entry] of table.rows.entries()) {
    // Values are written as text, never as formulas, so nothing in a passage can run.
    const row = sheet.addRow(cellsOf(entry));
    row.alignment = wrap;
    row.commit();
    if ((index + 1) % rowsPerStep === 0) {
      progress('building', index + 1, table.rows.length);
      await nextTurn();
    }
  }
  progress('writing', table.rows.length, table.rows.length);
  sheet.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

const rule = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const thin = { style: BorderStyle.SINGLE, size: 2, color: 'BFBFBF' };
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/** Each line (or code) its own paragraph: a cell's lines stay lines in Word. */
const paragraphs = (lines: readonly string[]) => (lines.length === 0 ? [new Paragraph('')] : lines.map((line) => new Paragraph(line)));

/** Text safe inside a WordprocessingML element: markup escaped, characters XML 1.0 forbids left out. */
export function xmlText(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- these are exactly the characters to leave out
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const cellMarker = (index: number) => `GW-CELL-${index}-7f3c`;

/**
 * The coding table as a Word table for the thesis's appendix: landscape A4, the title and a line on
 * what it holds above, a header row repeated on every page, thin rules between rows (passages run
 * long), no vertical lines.
 *
 * The document, its styles, the header row and one body row are made with `docx`; that body row
 * (each cell a marked paragraph) is then the pattern every row is written from as text. `docx`'s
 * object model takes about 2 ms a row (100 s for 50,000 passages); the pattern takes microseconds,
 * and every row is exactly the XML `docx` makes for one.
 */
export async function codingTableDocx(table: CodingTable, language: ExportLanguage, progress: ReportProgress): Promise<Buffer> {
  const texts = analysisExportTexts[language].codingTable;
  const { headings } = texts;
  // A4 landscape less 2 cm margins: 29.7 cm − 4 cm = 25.7 cm ≈ 14,570 twips.
  const widths = [5800, 1900, 2300, 2100, 2470];
  // Rules and cell margins are the table's, so a body row is as small as Word allows (50,000 of them).
  const cell = (children: Paragraph[], index: number, borders?: object) =>
    new TableCell({ children, width: { size: widths[index]!, type: WidthType.DXA }, ...(borders ? { borders } : {}) });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [headings.excerpt, headings.source, headings.initialCodes, headings.focusedCodes, headings.category].map((text, index) =>
      cell([new Paragraph({ children: [new TextRun({ text, bold: true })] })], index, { top: rule, bottom: rule, left: none, right: none }),
    ),
  });
  const pattern = new TableRow({
    children: widths.map((_, index) => cell([new Paragraph(cellMarker(index))], index)),
  });
  const intro = [texts.summary(table.rows.length, table.interviews)];
  if (table.rawLeftOut.passages > 0) intro.push(texts.rawLeftOut(table.rawLeftOut.passages, table.rawLeftOut.transcripts));
  const document = new Document({
    creator: 'Groundwork',
    title: texts.title,
    sections: [
      {
        properties: {
          page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } },
        },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(texts.title)] }),
          new Paragraph({ spacing: { after: 200 }, children: [new TextRun(intro.join(' '))] }),
          new Table({
            width: { size: widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
            columnWidths: widths,
            margins: { top: 60, bottom: 60, left: 80, right: 80 },
            borders: { top: none, bottom: rule, left: none, right: none, insideHorizontal: thin, insideVertical: none },
            rows: [header, pattern],
          }),
        ],
      },
    ],
  });
  const zip = await JSZip.loadAsync(await Packer.toBuffer(document));
  const xml = await zip.file('word/document.xml')!.async('string');

  // The pattern row, cut into the text around each cell's paragraph.
  const first = xml.indexOf(cellMarker(0));
  const rowStart = Math.max(xml.lastIndexOf('<w:tr>', first), xml.lastIndexOf('<w:tr ', first));
  const rowEnd = xml.indexOf('</w:tr>', first) + '</w:tr>'.length;
  const row = xml.slice(rowStart, rowEnd);
  const between: string[] = [];
  const paragraphs: [string, string][] = [];
  let at = 0;
  for (const index of widths.keys()) {
    const marker = row.indexOf(cellMarker(index));
    const start = Math.max(row.lastIndexOf('<w:p>', marker), row.lastIndexOf('<w:p ', marker));
    const end = row.indexOf('</w:p>', marker) + '</w:p>'.length;
    if (marker < 0 || start < at || end < marker) throw new Error('the pattern row is not as docx writes it');
    between.push(row.slice(at, start));
    const paragraph = row.slice(start, end);
    const markerAt = paragraph.indexOf(cellMarker(index));
    paragraphs.push([paragraph.slice(0, markerAt), paragraph.slice(markerAt + cellMarker(index).length)]);
    at = end;
  }
  between.push(row.slice(at));

  const rows: string[] = [];
  for (const [index, entry] of table.rows.entries()) {
    const columns = [entry.excerpt.split('\n'), [entry.source], entry.initialCodes, entry.focusedCodes, entry.categories];
    let text = '';
    columns.forEach((lines, column) => {
      const [before, after] = paragraphs[column]!;
      text += between[column]! + (lines.length === 0 ? [''] : lines).map((line) => before + xmlText(line) + after).join('');
    });
    rows.push(text + between[columns.length]!);
    if ((index + 1) % (rowsPerStep * 10) === 0) {
      progress('building', index + 1, table.rows.length);
      await nextTurn();
    }
  }
  progress('writing', table.rows.length, table.rows.length);
  zip.file('word/document.xml', xml.slice(0, rowStart) + rows.join('') + xml.slice(rowEnd));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

export async function renderCodingTable(table: CodingTable, format: CodingTableFormat, language: ExportLanguage, progress: ReportProgress): Promise<Buffer> {
  switch (format) {
    case 'csv':
      return codingTableCsv(table, language);
    case 'xlsx':
      return codingTableXlsx(table, language, progress);
    case 'docx':
      return codingTableDocx(table, language, progress);
  }
}

/** The codebook as one sheet: a row per code in the hierarchy's order, the category and focused code it sits under beside it. */
export async function codebookXlsx(codebook: Codebook, language: ExportLanguage): Promise<Buffer> {
  const texts = analysisExportTexts[language].codebook;
  const h = texts.headings;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Groundwork';
  const sheet = workbook.addWorksheet(texts.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: h.category, width: 36 },
    { header: h.focusedCode, width: 28 },
    { header: h.initialCode, width: 28 },
    { header: h.level, width: 12 },
    { header: h.definition, width: 60 },
    { header: h.codings, width: 11 },
    { header: h.interviews, width: 11 },
    { header: h.ownCodings, width: 14 },
  ];
  const wrap = { wrapText: true, vertical: 'top' } as const;
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = wrap;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 8 } };
  const add = (values: (string | number)[], outline = 0) => {
    const row = sheet.addRow(values);
    row.alignment = wrap;
    row.outlineLevel = outline;
    return row;
  };
  const codeValues = (code: CodebookCode) => [texts.levels[code.level], code.definition, code.codings, code.interviews, code.ownCodings];
  const focusedRows = (category: string, focused: CodebookFocused) => {
    // An initial code placed on its own under a category sits in the initial code's column.
    if (focused.level === 'initial') {
      add([category, '', focused.name, ...codeValues(focused)]);
      return;
    }
    add([category, focused.name, '', ...codeValues(focused)]).font = { bold: true };
    for (const initial of focused.initial) add([category, focused.name, initial.name, ...codeValues(initial)], 1);
  };
  for (const category of codebook.categories) {
    if (category.codes.length === 0) add([category.path]).font = { bold: true };
    for (const focused of category.codes) focusedRows(category.path, focused);
  }
  for (const focused of codebook.unplaced) focusedRows('', focused);
  for (const initial of codebook.notRaised) add(['', '', initial.name, ...codeValues(initial)]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The codebook as a document: each category a heading (subcategories one level down), under it a
 * table of its focused codes, each followed by the initial codes it subsumes, indented; then the
 * focused codes not placed, and the initial codes not raised.
 */
export async function codebookDocx(codebook: Codebook, language: ExportLanguage): Promise<Buffer> {
  const texts = analysisExportTexts[language].codebook;
  const h = texts.headings;
  const widths = [2500, 4300, 1100, 1100];
  const cell = (children: Paragraph[], index: number, borders: object) =>
    new TableCell({ children, width: { size: widths[index]!, type: WidthType.DXA }, borders, margins: { top: 40, bottom: 40, left: 80, right: 80 } });
  const headingLevels = [HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
  const codeRow = (code: CodebookCode, focused: boolean, bold = focused) =>
    new TableRow({
      cantSplit: true,
      children: [
        cell([new Paragraph({ indent: focused ? undefined : { left: 280 }, children: [new TextRun({ text: code.name, bold })] })], 0, {
          top: none,
          bottom: thin,
          left: none,
          right: none,
        }),
        cell(paragraphs(code.definition.split('\n')), 1, { top: none, bottom: thin, left: none, right: none }),
        cell([new Paragraph(String(code.codings))], 2, { top: none, bottom: thin, left: none, right: none }),
        cell([new Paragraph(String(code.interviews))], 3, { top: none, bottom: thin, left: none, right: none }),
      ],
    });
  const codeTable = (rows: TableRow[], first: string) =>
    new Table({
      width: { size: widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
      columnWidths: widths,
      borders: { top: none, bottom: rule, left: none, right: none, insideHorizontal: none, insideVertical: none },
      rows: [
        new TableRow({
          tableHeader: true,
          children: [first, h.definition, h.codings, h.interviews].map((text, index) =>
            cell([new Paragraph({ children: [new TextRun({ text, bold: true })] })], index, { top: rule, bottom: rule, left: none, right: none }),
          ),
        }),
        ...rows,
      ],
    });
  // Focused codes bold with their initial codes indented below; an initial code placed on its own, plain.
  const focusedRows = (list: CodebookFocused[]) =>
    list.flatMap((focused) => (focused.level === 'initial' ? [codeRow(focused, true, false)] : [codeRow(focused, true), ...focused.initial.map((initial) => codeRow(initial, false))]));
  const space = () => new Paragraph({ spacing: { after: 120 }, children: [] });

  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(texts.title)] }),
    new Paragraph({ children: [new TextRun(texts.summary(codebook.counts.focused, codebook.counts.initial, codebook.counts.categories))] }),
    new Paragraph({ spacing: { after: 200 }, children: [new TextRun({ text: texts.countsNote, italics: true })] }),
  ];
  for (const category of codebook.categories) {
    children.push(new Paragraph({ heading: headingLevels[Math.min(category.depth, headingLevels.length - 1)], children: [new TextRun(category.name)] }));
    if (category.codes.length > 0) children.push(codeTable(focusedRows(category.codes), h.code), space());
  }
  if (codebook.unplaced.length > 0) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(texts.unplaced)] }), codeTable(focusedRows(codebook.unplaced), h.code), space());
  }
  if (codebook.notRaised.length > 0) {
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(texts.notRaised)] }),
      codeTable(
        codebook.notRaised.map((code) => codeRow(code, true, false)),
        h.initialCode,
      ),
    );
  }
  if (codebook.counts.focused + codebook.counts.initial === 0) children.push(new Paragraph(texts.noCodes));
  const document = new Document({ creator: 'Groundwork', title: texts.title, sections: [{ children }] });
  return Packer.toBuffer(document);
}

export function renderCodebook(codebook: Codebook, format: CodebookFormat, language: ExportLanguage): Promise<Buffer> {
  return format === 'docx' ? codebookDocx(codebook, language) : codebookXlsx(codebook, language);
}
