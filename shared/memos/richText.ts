import type { RichNode } from '../consent/contract.js';

/**
 * A memo's body is the rich-text editor's document (TipTap's JSON). Its plain text, for search,
 * lists and exports, is made from it here, on the core's side, so it always matches the document.
 */

const blockTypes = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'codeBlock']);

/** The document's text: blocks on lines of their own, hard breaks as line breaks. */
export function plainTextOf(node: RichNode): string {
  const blocks: string[] = [];
  let current = '';
  const walk = (part: RichNode) => {
    if (part.type === 'text') {
      current += part.text ?? '';
      return;
    }
    if (part.type === 'hardBreak') {
      current += '\n';
      return;
    }
    const block = blockTypes.has(part.type) && part.type !== 'listItem';
    if (block && current !== '') {
      blocks.push(current);
      current = '';
    }
    for (const child of part.content ?? []) walk(child);
    if (block) {
      blocks.push(current);
      current = '';
    }
  };
  walk(node);
  if (current !== '') blocks.push(current);
  return blocks
    .map((block) => block.replace(/[ \t]+$/gm, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** An empty document, as a new memo starts. */
export const emptyMemoBody: RichNode = { type: 'doc', content: [{ type: 'paragraph' }] };

/** A document of plain paragraphs, one per line of `text` (for a memo made with text, and tests). */
export function bodyFromText(text: string): RichNode {
  const paragraphs = text.split(/\r?\n/).map((line): RichNode => (line === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text: line }] }));
  return { type: 'doc', content: paragraphs.length > 0 ? paragraphs : [{ type: 'paragraph' }] };
}
