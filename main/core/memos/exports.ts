import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { studyTimeZone } from '../../../shared/contract/values.js';
import type { Memo } from '../../../shared/memos/contract.js';
import { lineReference, passageText } from '../../../shared/memos/passage.js';
import { memoNumbering, richToParagraphs } from './docx.js';

/**
 * Memos as a Word document, in the order listed: each with its title, when it was written and last
 * changed, what it is about (for a passage: pseudonym, line numbers and the passage's text, only
 * while its transcript is anonymised), then its text with its headings, lists and emphasis.
 */

export const memoExportTexts = {
  en: {
    heading: 'Memos',
    count: (count: number) => (count === 1 ? '1 memo' : `${count} memos`),
    untitled: 'Untitled memo',
    written: 'Written',
    changed: 'changed',
    free: 'Free memo',
    code: (name: string, level: 'initial' | 'focused') => `On the ${level === 'focused' ? 'focused' : 'initial'} code “${name}”`,
    category: (name: string) => `On the category “${name}”`,
    passage: (reference: string) => `On a passage: ${reference}`,
    withheld: 'The passage’s text is left out: its transcript is waiting for its anonymisation review.',
    empty: 'No text yet.',
  },
  nb: {
    heading: 'Memoer',
    count: (count: number) => (count === 1 ? '1 memo' : `${count} memoer`),
    untitled: 'Memo uten tittel',
    written: 'Skrevet',
    changed: 'endret',
    free: 'Fritt memo',
    code: (name: string, level: 'initial' | 'focused') => `Om den ${level === 'focused' ? 'fokuserte' : 'innledende'} koden «${name}»`,
    category: (name: string) => `Om kategorien «${name}»`,
    passage: (reference: string) => `Om et utdrag: ${reference}`,
    withheld: 'Utdragets tekst er utelatt: transkripsjonen venter på anonymiseringsgjennomgang.',
    empty: 'Ingen tekst ennå.',
  },
} as const;

/** An instant as the researcher's clock shows it: `YYYY-MM-DD HH:MM` in Norway. */
export function localTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: studyTimeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

function aboutOf(memo: Memo, language: 'en' | 'nb'): Paragraph[] {
  const words = memoExportTexts[language];
  const muted = (text: string) => new Paragraph({ children: [new TextRun({ text, color: '555555' })] });
  switch (memo.target.kind) {
    case 'free':
      return [muted(words.free)];
    case 'code':
      return [muted(words.code(memo.target.name, memo.target.level))];
    case 'category':
      return [muted(words.category(memo.target.name))];
    case 'passage': {
      const view = memo.target.passage;
      const text = view.state === 'anonymised' ? passageText(view) : null;
      return [
        muted(words.passage(lineReference(view, language))),
        new Paragraph({
          indent: { left: 567 },
          spacing: { after: 120 },
          children: [new TextRun({ text: text === null ? words.withheld : `“${text}”`, italics: true, color: text === null ? 'A00000' : '333333' })],
        }),
      ];
    }
  }
}

export function renderMemosDocx(memos: readonly Memo[], language: 'en' | 'nb'): Promise<Buffer> {
  const words = memoExportTexts[language];
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: words.heading })] }),
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: words.count(memos.length), color: '555555' })] }),
  ];
  for (const memo of memos) {
    const changed = memo.updatedAt.slice(0, 16) !== memo.createdAt.slice(0, 16) ? `, ${words.changed} ${localTime(memo.updatedAt)}` : '';
    const body = richToParagraphs(memo.body);
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 360 }, children: [new TextRun({ text: memo.title.trim() || words.untitled })] }),
      new Paragraph({ children: [new TextRun({ text: `${words.written} ${localTime(memo.createdAt)}${changed}`, color: '555555' })] }),
      ...aboutOf(memo, language),
      ...(memo.bodyText.trim() === '' ? [new Paragraph({ children: [new TextRun({ text: words.empty, italics: true, color: '555555' })] })] : body),
    );
  }
  const document = new Document({
    creator: 'Groundwork',
    title: words.heading,
    numbering: memoNumbering,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
