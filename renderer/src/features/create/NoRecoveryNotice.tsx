import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface NoRecoveryNoticeProps {
  /** The researcher has ticked that a forgotten passphrase cannot be recovered. */
  understood: boolean;
  onChange: (understood: boolean) => void;
  /** Why the form was refused, if it was for this. */
  error?: string | null | undefined;
  /** The words of the tick box. */
  label: string;
  required?: boolean;
}

/** That a forgotten passphrase cannot be recovered, and the tick box that says it was read (a new study, an imported one). */
export function NoRecoveryNotice({ understood, onChange, error, label, required }: NoRecoveryNoticeProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="notice" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="notice__title">
        {t('create.noRecoveryHeading')}
      </h2>
      <p id={`${id}-text`}>{t('create.noRecovery')}</p>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <div className="checkbox">
        <input
          id={id}
          type="checkbox"
          checked={understood}
          onChange={(event) => onChange(event.target.checked)}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error ${id}-text` : `${id}-text`}
        />
        <label htmlFor={id}>{label}</label>
      </div>
    </section>
  );
}
