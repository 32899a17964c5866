import fs from 'node:fs';
import path from 'node:path';
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import type { ConsentDocumentWithContent, DocumentLanguage, RichNode } from '../../../shared/consent/contract.js';
import { fillDocument, type PlaceholderValues } from '../../../shared/consent/placeholders.js';
import { checkbox } from '../../../shared/consent/starter.js';
import { GroundworkError } from '../../../shared/contract/errors.js';
import type { StudyPage } from '../../../shared/study/contract.js';

interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
}

/** A document as the exports lay it out: headings, paragraphs and lists of plain runs. */
type Block =
  | { kind: 'heading'; level: number; runs: Run[] }
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'list'; ordered: boolean; items: Run[][] };

/** The study page's details, in the words and date format of the document's language. */
export function placeholderValues(page: StudyPage, language: DocumentLanguage): PlaceholderValues {
  const names = page.supervisors.map((person) => person.name.trim()).filter((name) => name !== '');
  const and = language === 'nb' ? ' og ' : ' and ';
  const supervisors = names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')}${and}${names.at(-1) ?? ''}`;
  const date = page.plannedEndDate
    ? new Intl.DateTimeFormat(language === 'nb' ? 'nb-NO' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${page.plannedEndDate}T00:00:00Z`),
      )
    : '';
  return {
    studyTitle: page.title,
    institution: page.institution,
    researcher: page.researcher.name,
    researcherContact: page.researcher.contact,
    dataProtectionOfficer: page.dataProtectionOfficer,
    supervisors,
    plannedEndDate: date,
    siktReference: page.sikt.reference,
    ethicsReference: page.ethics.reference,
  };
}

function runsOf(node: RichNode): Run[] {
  if (node.type === 'text') {
    const marks = new Set((node.marks ?? []).map((mark) => mark.type));
    return [{ text: node.text ?? '', bold: marks.has('bold'), italic: marks.has('italic'), underline: marks.has('underline') }];
  }
  if (node.type === 'hardBreak') return [{ text: '\n', bold: false, italic: false, underline: false }];
  return (node.content ?? []).flatMap(runsOf);
}

function blocksOf(node: RichNode): Block[] {
  switch (node.type) {
    case 'doc':
    case 'blockquote':
      return (node.content ?? []).flatMap(blocksOf);
    case 'heading':
      return [{ kind: 'heading', level: Math.min(Math.max(Number(node.attrs?.level ?? 1), 1), 3), runs: runsOf(node) }];
    case 'bulletList':
    case 'orderedList':
      return [
        {
          kind: 'list',
          ordered: node.type === 'orderedList',
          items: (node.content ?? []).map((item) =>
            (item.content ?? []).flatMap((child, index) => [...(index > 0 ? [{ text: ' ', bold: false, italic: false, underline: false }] : []), ...runsOf(child)]),
          ),
        },
      ];
    case 'horizontalRule':
      return [];
    default:
      return [{ kind: 'paragraph', runs: runsOf(node) }];
  }
}

export function layoutDocument(document: ConsentDocumentWithContent, values: PlaceholderValues): Block[] {
  return blocksOf(fillDocument(document.content, values));
}

const plain = (runs: Run[]) => runs.map((run) => run.text).join('');

/** Whether a paragraph is a consent option: it starts with the empty box. */
function splitCheckbox(runs: Run[]): Run[] | null {
  const first = runs[0];
  if (!first?.text.startsWith(checkbox)) return null;
  return [{ ...first, text: first.text.slice(checkbox.length).trimStart() }, ...runs.slice(1)];
}

function fontOf(run: Run): string {
  if (run.bold && run.italic) return 'Helvetica-BoldOblique';
  if (run.bold) return 'Helvetica-Bold';
  if (run.italic) return 'Helvetica-Oblique';
  return 'Helvetica';
}

/** The document as a PDF, made in memory (standard Helvetica covers æ, ø and å; the box is drawn). */
export function renderPdf(blocks: Block[], title: string): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: 64, info: { Title: title, Creator: 'Groundwork' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const left = pdf.page.margins.left;
  const width = pdf.page.width - left - pdf.page.margins.right;
  const writeRuns = (runs: Run[], size: number, x: number, options: PDFKit.Mixins.TextOptions = {}) => {
    const visible = runs.filter((run) => run.text !== '');
    if (visible.length === 0) {
      pdf.fontSize(size).text(' ', x);
      return;
    }
    visible.forEach((run, index) => {
      pdf
        .font(fontOf(run))
        .fontSize(size)
        .text(run.text, index === 0 ? x : undefined, undefined, {
          ...options,
          width: width - (x - left),
          underline: run.underline,
          continued: index < visible.length - 1,
        });
    });
  };
  for (const block of blocks) {
    if (block.kind === 'heading') {
      // A heading never stands alone at the foot of a page.
      if (pdf.y > pdf.page.height - pdf.page.margins.bottom - 90) pdf.addPage();
      else pdf.moveDown(block.level === 1 ? 0 : 0.6);
      writeRuns(block.runs.map((run) => ({ ...run, bold: true })), block.level === 1 ? 17 : block.level === 2 ? 13 : 11.5, left);
      pdf.moveDown(0.3);
    } else if (block.kind === 'paragraph') {
      const option = splitCheckbox(block.runs);
      if (option) {
        const top = pdf.y;
        pdf.lineWidth(0.8).rect(left, top + 1, 9, 9).stroke();
        pdf.y = top;
        writeRuns(option, 11, left + 16);
      } else {
        // A line to write on gets room above it for a hand.
        if (plain(block.runs).includes('____')) pdf.moveDown(0.9);
        writeRuns(block.runs, 11, left);
      }
      pdf.x = left;
      pdf.moveDown(0.5);
    } else {
      block.items.forEach((item, index) => {
        const top = pdf.y;
        pdf.font('Helvetica').fontSize(11).text(block.ordered ? `${index + 1}.` : '•', left + 6, top, { width: 14 });
        pdf.y = top;
        writeRuns(item, 11, left + 20);
        pdf.x = left;
        pdf.moveDown(0.2);
      });
      pdf.moveDown(0.3);
    }
  }
  pdf.end();
  return done;
}

/** The document as a Word file, made in memory; options keep a real empty box (☐). */
export function renderDocx(blocks: Block[], title: string): Promise<Buffer> {
  const textRuns = (runs: Run[], extra: { size?: number } = {}) =>
    runs.flatMap((run) =>
      run.text.split('\n').map(
        (part, index) =>
          new TextRun({ text: part, bold: run.bold, italics: run.italic, ...(run.underline ? { underline: {} } : {}), ...(index > 0 ? { break: 1 } : {}), ...extra }),
      ),
    );
  const headings = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;
  const children: Paragraph[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading') {
      children.push(new Paragraph({ heading: headings[block.level - 1] ?? HeadingLevel.HEADING_3, children: textRuns(block.runs) }));
    } else if (block.kind === 'paragraph') {
      const option = splitCheckbox(block.runs);
      children.push(
        option
          ? new Paragraph({
              spacing: { after: 160 },
              children: [new TextRun({ text: `${checkbox} `, font: 'Segoe UI Symbol', size: 28 }), ...textRuns(option)],
            })
          : new Paragraph({ spacing: { before: plain(block.runs).includes('____') ? 360 : 0, after: 160 }, children: textRuns(block.runs) }),
      );
    } else {
      for (const item of block.items) {
        children.push(
          new Paragraph({
            ...(block.ordered ? { numbering: { reference: 'numbers', level: 0 } } : { bullet: { level: 0 } }),
            children: textRuns(item),
          }),
        );
      }
    }
  }
  const document = new Document({
    creator: 'Groundwork',
    title,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    numbering: {
      config: [
        {
          reference: 'numbers',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }],
        },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

/** Builds the export in memory and writes it only where the researcher chose. */
export async function exportDocument(
  document: ConsentDocumentWithContent,
  page: StudyPage,
  format: 'pdf' | 'docx',
  target: string,
): Promise<{ path: string; bytes: number }> {
  const blocks = layoutDocument(document, placeholderValues(page, document.language));
  const title = plain(blocks.find((block) => block.kind === 'heading')?.runs ?? []) || page.title;
  const bytes = format === 'pdf' ? await renderPdf(blocks, title) : await renderDocx(blocks, title);
  const resolved = path.resolve(target);
  try {
    fs.writeFileSync(resolved, bytes);
  } catch {
    throw new GroundworkError('consent.exportFailed');
  }
  return { path: resolved, bytes: bytes.length };
}
