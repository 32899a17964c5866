import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/app/contract.js';
import { useApp } from '../../app/AppContext.js';
import { Alert, Field, useErrorText } from '../../ui/index.js';

type Choice = Language | 'system';

/** Norsk bokmål, English, or follow the system; saved in the app's settings. */
export function LanguageSelect() {
  const { t } = useTranslation();
  const { languageSetting, setLanguageSetting } = useApp();
  const errorText = useErrorText();
  const [error, setError] = useState<unknown>(null);
  const value: Choice = languageSetting ?? 'system';
  return (
    <div className="language-select">
      <Field label={t('language.label')}>
        {(control) => (
          <select
            {...control}
            className="select"
            value={value}
            onChange={(event) => {
              const choice = event.target.value as Choice;
              setError(null);
              setLanguageSetting(choice === 'system' ? null : choice).catch(setError);
            }}
          >
            {/* Each language is named in itself, so it can be found by someone who does not read the other. */}
            <option value="nb" lang="nb">
              {t('language.nb')}
            </option>
            <option value="en" lang="en">
              {t('language.en')}
            </option>
            <option value="system">{t('language.system')}</option>
          </select>
        )}
      </Field>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
    </div>
  );
}
