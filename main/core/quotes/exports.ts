import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { lineReference, passageText } from '../../../shared/memos/passage.js';
import type { Quote, QuoteCategory } from '../../../shared/quotes/contract.js';

/**
 * Quotes as a Word document for the write-up, grouped by category in the tree's order (the
 * unplaced last): each quote's wording, or where none is written yet its source text, marked so,
 * then the pseudonym and line numbers. A quote whose transcript went back to its anonymisation
 * review has its source text left out.
 */

export const quoteExportTexts = {
  en: {
    heading: 'Quotes',
    count: (quotes: number) => (quotes === 1 ? '1 quote' : `${quotes} quotes`),
    unplaced: 'Not in a category',
    sourceOnly: 'No wording yet; the source text as transcribed:',
    withheld: 'No wording yet, and the source text is left out: its transcript is waiting for its anonymisation review.',
  },
  nb: {
    heading: 'Sitater',
    count: (quotes: number) => (quotes === 1 ? '1 sitat' : `${quotes} sitater`),
    unplaced: 'Ikke i en kategori',
    sourceOnly: 'Ingen formulering ennå; kildeteksten slik den er transkribert:',
    withheld: 'Ingen formulering ennå, og kildeteksten er utelatt: transkripsjonen venter på anonymiseringsgjennomgang.',
  },
} as const;

/** The groups as the export has them: categories with quotes, in tree order, then the unplaced. */
export function groupQuotes(quotes: readonly Quote[], categories: readonly QuoteCategory[]): { category: QuoteCategory | null; quotes: Quote[] }[] {
  const groups = categories
    .map((category) => ({ category: category as QuoteCategory | null, quotes: quotes.filter((quote) => quote.categoryId === category.id) }))
    .filter((group) => group.quotes.length > 0);
  const known = new Set(categories.map((category) => category.id));
  const unplaced = quotes.filter((quote) => quote.categoryId === null || !known.has(quote.categoryId));
  return unplaced.length > 0 ? [...groups, { category: null, quotes: unplaced }] : groups;
}

function quoteParagraphs(quote: Quote, language: 'en' | 'nb'): Paragraph[] {
  const words = quoteExportTexts[language];
  const reference = new Paragraph({ indent: { left: 567 }, spacing: { after: 240 }, children: [new TextRun({ text: `(${lineReference(quote.source, language)})`, color: '555555' })] });
  if (quote.wording.trim() !== '') {
    return [
      ...quote.wording
        .trim()
        .split(/\n+/)
        .map((part) => new Paragraph({ indent: { left: 567 }, children: [new TextRun({ text: part })] })),
      reference,
    ];
  }
  if (quote.source.state !== 'anonymised') {
    return [new Paragraph({ indent: { left: 567 }, children: [new TextRun({ text: words.withheld, italics: true, color: 'A00000' })] }), reference];
  }
  return [
    new Paragraph({ indent: { left: 567 }, children: [new TextRun({ text: words.sourceOnly, italics: true, color: '555555', size: 20 })] }),
    new Paragraph({ indent: { left: 567 }, children: [new TextRun({ text: passageText(quote.source), italics: true })] }),
    reference,
  ];
}

export function renderQuotesDocx(quotes: readonly Quote[], categories: readonly QuoteCategory[], language: 'en' | 'nb'): Promise<Buffer> {
  const words = quoteExportTexts[language];
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: words.heading })] }),
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: words.count(quotes.length), color: '555555' })] }),
  ];
  for (const group of groupQuotes(quotes, categories)) {
    const depth = group.category ? group.category.path.length : 1;
    children.push(
      new Paragraph({
        heading: depth <= 1 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
        spacing: { before: 360, after: 120 },
        children: [new TextRun({ text: group.category ? group.category.path.join(' › ') : words.unplaced })],
      }),
      ...group.quotes.flatMap((quote) => quoteParagraphs(quote, language)),
    );
  }
  const document = new Document({
    creator: 'Groundwork',
    title: words.heading,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
