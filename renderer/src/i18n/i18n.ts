import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/app/contract.js';
import { en } from './en.js';
import { nb } from './nb.js';
import { featureTexts, type FeatureTexts } from './features.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en & FeatureTexts };
  }
}

/** The locale used for dates and numbers in each language. */
const locales: Record<Language, string> = { nb: 'nb-NO', en: 'en-GB' };

export function localeOf(language: Language): string {
  return locales[language];
}

export function currentLanguage(): Language {
  return i18next.language === 'nb' ? 'nb' : 'en';
}

/** Starts i18next; the language is set properly once the core has told us the user's choice. */
export async function initI18n(language: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: {
      en: { translation: { ...en, ...featureTexts('en') } },
      nb: { translation: { ...nb, ...featureTexts('nb') } },
    },
    lng: language,
    fallbackLng: 'en',
    // React escapes what it renders; escaping here too would show entities such as &amp;.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
}

export async function applyLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
