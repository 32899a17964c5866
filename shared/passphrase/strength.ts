import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

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
    dictionary: { ...common.dictionary, ...english.dictionary },
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
  /** A zxcvbn warning key, such as `commonNames`, or null. */
  warning: string | null;
  /** zxcvbn suggestion keys, such as `useWords`. */
  suggestions: string[];
}

/** `related` are words the passphrase should not be built from, such as the study's title. */
export function judgePassphrase(passphrase: string, related: readonly string[] = []): PassphraseStrength {
  const tooShort = passphrase.length < minimumPassphraseLength;
  if (passphrase.length === 0) {
    return { score: 0, acceptable: false, tooShort, warning: null, suggestions: [] };
  }
  // zxcvbn's cost grows with length; beyond 100 characters a passphrase is strong enough to judge
  // on its first 100.
  const result = zxcvbn().check(passphrase.slice(0, 100), related.filter((word) => word.length > 0));
  const score = result.score;
  return {
    score,
    acceptable: !tooShort && score >= minimumPassphraseScore,
    tooShort,
    warning: result.feedback.warning ?? null,
    suggestions: result.feedback.suggestions,
  };
}
