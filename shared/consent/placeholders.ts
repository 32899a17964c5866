import type { RichNode } from './contract.js';

/**
 * Fields filled in from the study page when a document is exported. In the text they are written
 * as `{{studyTitle}}`, so the researcher sees and can move them while editing.
 */
export const placeholderKeys = [
  'studyTitle',
  'institution',
  'researcher',
  'researcherContact',
  'dataProtectionOfficer',
  'supervisors',
  'plannedEndDate',
  'siktReference',
  'ethicsReference',
] as const;
export type PlaceholderKey = (typeof placeholderKeys)[number];
export type PlaceholderValues = Record<PlaceholderKey, string>;

/** What an empty field becomes on paper: a line to write on, never a silent gap. */
export const blankField = '________________';

const token = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

export function fillText(text: string, values: PlaceholderValues): string {
  return text.replace(token, (whole, key: string) => {
    if (!(placeholderKeys as readonly string[]).includes(key)) return whole;
    const value = values[key as PlaceholderKey].trim();
    return value === '' ? blankField : value;
  });
}

/** The document with every field filled in. */
export function fillDocument(node: RichNode, values: PlaceholderValues): RichNode {
  const filled: RichNode = { ...node };
  if (node.text !== undefined) filled.text = fillText(node.text, values);
  if (node.content) filled.content = node.content.map((child) => fillDocument(child, values));
  return filled;
}

/** All the text of a document, one block a line (for tests and searching). */
export function plainText(node: RichNode): string {
  if (node.text !== undefined) return node.text;
  const inner = (node.content ?? []).map(plainText);
  const block = node.type === 'doc' || node.type === 'bulletList' || node.type === 'orderedList' || node.type === 'listItem';
  return block ? inner.join('\n') : inner.join('');
}
