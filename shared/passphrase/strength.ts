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

/** Pieces of a title word shorter than this are ordinary letters, not a borrowing from the title. */
const shortestBorrowing = 5;

/**
 * What is left of the passphrase once every word of `related` (3 letters or more) is taken out,
 * ignoring case, spaces and punctuation, and once every piece of 5 letters or more borrowed from a
 * longer word is taken out too. For the title "Erfaringer fra en recoverygruppe", the passphrase
 * "Recovery i hverdagen 2026" leaves "ihverdagen2026", and "Erfaring123" leaves "123".
 */
function withoutRelatedWords(passphrase: string, related: readonly string[]): string {
  const words = related
    .flatMap((text) => text.split(/[^\p{L}\p{N}]+/u))
    .map(folded)
    .filter((word) => word.length >= 3)
    .sort((a, b) => b.length - a.length);
  let rest = folded(passphrase);
  for (const word of words) rest = rest.replaceAll(word, '');
  for (const word of words) {
    for (let length = word.length - 1; length >= shortestBorrowing; length--) {
      for (let start = 0; start + length <= word.length; start++) {
        const piece = word.slice(start, start + length);
        if (rest.includes(piece)) rest = rest.replaceAll(piece, '');
      }
    }
  }
  return rest;
}

/** `related` are texts the passphrase must not be built from, such as the study's title. */
export function judgePassphrase(passphrase: string, related: readonly string[] = []): PassphraseStrength {
  const tooShort = passphrase.length < minimumPassphraseLength;
  if (passphrase.length === 0) {
    return { score: 0, acceptable: false, tooShort, fromTitle: false, warning: null, suggestions: [] };
  }
  const rest = withoutRelatedWords(passphrase, related);
  // What was borrowed from the title is known to anyone who sees the file name: only the rest counts.
  const borrowed = rest.length < folded(passphrase).length;
  const fromTitle = borrowed && rest.length < minimumPassphraseLength;
  const userInputs = related.flatMap((text) => [text, ...text.split(/[^\p{L}\p{N}]+/u)]).filter((word) => word.length > 0);
  // zxcvbn's cost grows with length; beyond 100 characters a passphrase is strong enough to judge
  // on its first 100.
  const result = zxcvbn().check(passphrase.slice(0, 100), userInputs);
  const restScore = borrowed && !fromTitle ? zxcvbn().check(rest.slice(0, 100)).score : result.score;
  const score = fromTitle ? (Math.min(result.score, 1) as 0 | 1) : (Math.min(result.score, restScore) as PassphraseStrength['score']);
  return {
    score,
    acceptable: !tooShort && !fromTitle && score >= minimumPassphraseScore,
    tooShort,
    fromTitle,
    warning: fromTitle ? 'userInputs' : (result.feedback.warning ?? null),
    suggestions: result.feedback.suggestions,
  };
}
