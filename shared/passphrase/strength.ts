import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { norwegianPasswordWords } from './norwegianWords.js';

/**
 * Passphrase strength, judged the same way in the UI (as feedback while typing) and in the core
 * (which refuses a weak passphrase whatever the UI said). zxcvbn estimates how many guesses an
 * attacker needs; with the study file's key derivation (PBKDF2-SHA512, 256,000 rounds) score 3
 * means years of guessing on ordinary hardware.
 */
export const minimumPassphraseLength = 10;
export const minimumPassphraseScore = 3;

let factory: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  // Built on first use: the dictionaries are large, and most screens never need them.
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary, norwegian: [...norwegianPasswordWords] },
    graphs: common.adjacencyGraphs,
    // No translations: feedback comes back as plain keys, which the UI translates itself.
  });
  return factory;
}

export interface PassphraseStrength {
  /** 0 (guessed at once) to 4 (very hard to guess). */
  score: 0 | 1 | 2 | 3 | 4;
  acceptable: boolean;
  tooShort: boolean;
  /** Built mostly from the study's title (which the file name shows to anyone). */
  fromTitle: boolean;
  /** A zxcvbn warning key, such as `commonNames`, or null. */
  warning: string | null;
  /** zxcvbn suggestion keys, such as `useWords`. */
  suggestions: string[];
}

const folded = (text: string) => text.toLocaleLowerCase('nb').replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * What is left of the passphrase once every word of `related` (3 letters or more) is taken out,
 * ignoring case, spaces and punctuation. "Recovery i hverdagen 2026" for the title
 * "Recovery i hverdagen" leaves "2026".
 */
function withoutRelatedWords(passphrase: string, related: readonly string[]): string {
  const words = related
    .flatMap((text) => text.split(/[^\p{L}\p{N}]+/u))
    .map(folded)
    .filter((word) => word.length >= 3)
    .sort((a, b) => b.length - a.length);
  let rest = folded(passphrase);
  for (const word of words) rest = rest.replaceAll(word, '');
  return rest;
}

/** `related` are texts the passphrase must not be built from, such as the study's title. */
export function judgePassphrase(passphrase: string, related: readonly string[] = []): PassphraseStrength {
  const tooShort = passphrase.length < minimumPassphraseLength;
  if (passphrase.length === 0) {
    return { score: 0, acceptable: false, tooShort, fromTitle: false, warning: null, suggestions: [] };
  }
  const fromTitle = related.length > 0 && withoutRelatedWords(passphrase, related).length < minimumPassphraseLength;
  const userInputs = related.flatMap((text) => [text, ...text.split(/[^\p{L}\p{N}]+/u)]).filter((word) => word.length > 0);
  // zxcvbn's cost grows with length; beyond 100 characters a passphrase is strong enough to judge
  // on its first 100.
  const result = zxcvbn().check(passphrase.slice(0, 100), userInputs);
  const score = fromTitle ? (Math.min(result.score, 1) as 0 | 1) : result.score;
  return {
    score,
    acceptable: !tooShort && !fromTitle && score >= minimumPassphraseScore,
    tooShort,
    fromTitle,
    warning: fromTitle ? 'userInputs' : (result.feedback.warning ?? null),
    suggestions: result.feedback.suggestions,
  };
}
