import fs from 'node:fs';
import path from 'node:path';
import { GroundworkError } from '../../../shared/contract/errors.js';
import { guideQuestions, type GuideExportFormat, type GuideVersionWithContent } from '../../../shared/guide/contract.js';
import { renderDocx, renderPdf } from '../consent/exports.js';

/** The consent exports' layout (headings, paragraphs, lists of plain runs): one look for every letter the study sends. */
type Block = Parameters<typeof renderDocx>[0][number];
type Run = Extract<Block, { kind: 'paragraph' }>['runs'][number];

const run = (text: string, style: Partial<Omit<Run, 'text'>> = {}): Run => ({ text, bold: false, italic: false, underline: false, ...style });

const words = {
  nb: { version: 'Versjon', locale: 'nb-NO' },
  en: { version: 'Version', locale: 'en-GB' },
} as const;

/**
 * A guide version laid out for reading: the title, the version and its date, each part with its
 * questions numbered through the whole guide (as in the interview's checklist) and their follow-up
 * prompts. The interviewer's notes are left out unless asked for: a copy for a participant should
 * read as questions, not as instructions to the interviewer.
 */
export function layoutGuide(guide: GuideVersionWithContent, includeNotes: boolean): Block[] {
  const { version, locale } = words[guide.content.language];
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Oslo' }).format(new Date(guide.frozenAt ?? guide.updatedAt));
  const numbers = new Map(guideQuestions(guide.content).map(({ question, number }) => [question.key, number]));
  const blocks: Block[] = [
    { kind: 'heading', level: 1, runs: [run(guide.content.title)] },
    { kind: 'paragraph', runs: [run(`${version} ${guide.version}, ${date}`, { italic: true })] },
  ];
  const note = (text: string): Block[] => (includeNotes && text.trim() ? [{ kind: 'paragraph', runs: [run(text.trim(), { italic: true })] }] : []);
  for (const part of guide.content.parts) {
    blocks.push({ kind: 'heading', level: 2, runs: [run(part.title)] }, ...note(part.notes));
    for (const question of part.questions) {
      blocks.push({ kind: 'paragraph', runs: [run(`${numbers.get(question.key)}. `, { bold: true }), run(question.text, { bold: true })] }, ...note(question.notes));
      if (question.followUps.length > 0) blocks.push({ kind: 'list', ordered: false, items: question.followUps.map((prompt) => [run(prompt)]) });
    }
  }
  return blocks;
}

/** Builds the export in memory and writes it only where the researcher chose, readable by them alone. */
export async function exportGuide(
  guide: GuideVersionWithContent,
  format: GuideExportFormat,
  includeNotes: boolean,
  target: string,
): Promise<{ path: string; bytes: number }> {
  const blocks = layoutGuide(guide, includeNotes);
  const title = `${guide.content.title} (${words[guide.content.language].version} ${guide.version})`;
  const bytes = format === 'pdf' ? await renderPdf(blocks, title) : await renderDocx(blocks, title);
  const resolved = path.resolve(target);
  try {
    fs.writeFileSync(resolved, bytes, { mode: 0o600 });
  } catch {
    throw new GroundworkError('guide.exportFailed');
  }
  return { path: resolved, bytes: bytes.length };
}
