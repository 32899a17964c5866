import { Paragraph, TextRun, HeadingLevel, type ParagraphChild } from 'docx';
import type { RichNode } from '../../../shared/consent/contract.js';

/**
 * The rich-text editor's document (TipTap's JSON: paragraphs, headings, bullet and numbered lists,
 * bold and italic, line breaks) as Word paragraphs. Anything else is kept as its plain text.
 */

const headingLevels = [HeadingLevel.HEADING_3, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5] as const;

function runsOf(nodes: readonly RichNode[] | undefined, marks: { bold?: boolean; italics?: boolean } = {}): ParagraphChild[] {
  const runs: ParagraphChild[] = [];
  for (const node of nodes ?? []) {
    if (node.type === 'text') {
      const bold = marks.bold || (node.marks ?? []).some((mark) => mark.type === 'bold');
      const italics = marks.italics || (node.marks ?? []).some((mark) => mark.type === 'italic');
      runs.push(new TextRun({ text: node.text ?? '', bold, italics }));
    } else if (node.type === 'hardBreak') {
      runs.push(new TextRun({ break: 1 }));
    } else {
      runs.push(...runsOf(node.content, marks));
    }
  }
  return runs;
}

/** Numbered lists use the document's `numbered` numbering (see `memoNumbering`). */
export const numberedReference = 'memo-numbered';

export const memoNumbering = {
  config: [
    {
      reference: numberedReference,
      levels: [0, 1, 2].map((level) => ({ level, format: 'decimal' as const, text: `%${level + 1}.`, style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 260 } } } })),
    },
  ],
};

export function richToParagraphs(node: RichNode): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let numberedInstance = 0;
  const walk = (part: RichNode, list: { kind: 'bullet' | 'numbered'; level: number; instance: number } | null) => {
    switch (part.type) {
      case 'doc':
        for (const child of part.content ?? []) walk(child, list);
        return;
      case 'heading': {
        const level = typeof part.attrs?.level === 'number' ? part.attrs.level : 2;
        paragraphs.push(new Paragraph({ heading: headingLevels[Math.min(Math.max(level - 1, 0), 3)], children: runsOf(part.content) }));
        return;
      }
      case 'bulletList':
      case 'orderedList': {
        const kind = part.type === 'bulletList' ? 'bullet' : 'numbered';
        const level = list ? Math.min(list.level + 1, 2) : 0;
        const instance = kind === 'numbered' && (!list || list.kind !== 'numbered') ? (numberedInstance += 1) : (list?.instance ?? 0);
        for (const item of part.content ?? []) walk(item, { kind, level, instance });
        return;
      }
      case 'listItem':
        for (const child of part.content ?? []) walk(child, list);
        return;
      case 'blockquote':
        for (const child of part.content ?? []) {
          if (child.type === 'paragraph') paragraphs.push(new Paragraph({ indent: { left: 567 }, children: runsOf(child.content, { italics: true }) }));
          else walk(child, list);
        }
        return;
      default: {
        const children = runsOf(part.type === 'paragraph' ? part.content : [part]);
        if (list?.kind === 'bullet') paragraphs.push(new Paragraph({ bullet: { level: list.level }, children }));
        else if (list?.kind === 'numbered') paragraphs.push(new Paragraph({ numbering: { reference: numberedReference, level: list.level, instance: list.instance }, children }));
        else paragraphs.push(new Paragraph({ children }));
      }
    }
  };
  walk(node, null);
  return paragraphs;
}
