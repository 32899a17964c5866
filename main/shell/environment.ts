import path from 'node:path';
import type { Language } from '../../shared/app/contract.js';

/** Pure helpers for what the shell reads from the machine. No `electron` import: tested in Node. */

import { studyFileExtension } from '../../shared/study/fileName.js';

export { studyFileExtension };

/**
 * The researcher's language from the OS's preferred languages, most preferred first: Norwegian in
 * any form (`nb`, `nn`, `no`, with or without a region) gives bokmål; anything else gives English.
 * Only the first language counts, so an English system with Norwegian as a fallback stays English.
 */
export function systemLanguage(preferred: readonly string[]): Language {
  const first = preferred.find((tag) => tag.trim() !== '');
  if (!first) return 'en';
  const primary = first.trim().toLowerCase().split(/[-_.@]/)[0];
  return primary === 'nb' || primary === 'nn' || primary === 'no' ? 'nb' : 'en';
}

/** A path the save dialog returned, with the study extension added when the researcher left it off. */
export function withStudyExtension(file: string): string {
  return path.extname(file).toLowerCase() === studyFileExtension ? file : `${file}${studyFileExtension}`;
}

