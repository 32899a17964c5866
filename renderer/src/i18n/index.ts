export { initI18n, applyLanguage, currentLanguage, localeOf } from './i18n.js';
export { useFormat } from './format.js';
export type { Messages } from './en.js';
