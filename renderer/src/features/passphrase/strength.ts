import type { TFunction } from 'i18next';
import { judgePassphrase, minimumPassphraseLength, type PassphraseStrength } from '../../../../shared/passphrase/strength.js';
import { en } from '../../i18n/en.js';

export { judgePassphrase, minimumPassphraseLength, type PassphraseStrength };

export interface NewPassphrase {
  passphrase: string;
  repeat: string;
}

export interface NewPassphraseErrors {
  passphrase: string | null;
  repeat: string | null;
}

/** The errors to show for a new passphrase and its repetition, or nulls when both are fine. */
export function checkNewPassphrase(value: NewPassphrase, related: readonly string[], t: TFunction): NewPassphraseErrors {
  let passphrase: string | null = null;
  if (value.passphrase.length === 0) passphrase = t('passphrase.required');
  else {
    const strength = judgePassphrase(value.passphrase, related);
    if (strength.tooShort) passphrase = t('passphrase.tooShort', { min: minimumPassphraseLength });
    else if (!strength.acceptable) passphrase = t('passphrase.tooWeak');
  }
  let repeat: string | null = null;
  if (value.repeat.length === 0) repeat = t('passphrase.repeatRequired');
  else if (value.repeat !== value.passphrase) repeat = t('passphrase.mismatch');
  return { passphrase, repeat };
}

type WarningKey = keyof typeof en.passphrase.warnings;
type SuggestionKey = keyof typeof en.passphrase.suggestions;

function isWarningKey(key: string): key is WarningKey {
  return Object.prototype.hasOwnProperty.call(en.passphrase.warnings, key);
}
function isSuggestionKey(key: string): key is SuggestionKey {
  return Object.prototype.hasOwnProperty.call(en.passphrase.suggestions, key);
}

/** zxcvbn's feedback keys in the user's language; keys we have no text for are left out. */
export function feedbackTexts(strength: PassphraseStrength, t: TFunction): string[] {
  const texts: string[] = [];
  if (strength.warning && isWarningKey(strength.warning)) texts.push(t(`passphrase.warnings.${strength.warning}`));
  for (const suggestion of strength.suggestions) {
    if (isSuggestionKey(suggestion)) texts.push(t(`passphrase.suggestions.${suggestion}`));
  }
  return texts;
}
