/** The extension of a study file. */
export const studyFileExtension = '.groundwork';

/**
 * A file name from a study title: letters, digits, spaces, dashes and underscores, never a path.
 * Used by the core for the suggested location and by the UI while the title is typed.
 */
export function fileNameFor(title: string, extension: string = studyFileExtension): string {
  const cleaned = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} _-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
  return `${cleaned || 'Study'}${extension}`;
}
