export { PassphraseFields } from './PassphraseFields.js';
export { PassphraseInput } from './PassphraseInput.js';
export { checkNewPassphrase, type NewPassphrase, type NewPassphraseErrors } from './strength.js';
