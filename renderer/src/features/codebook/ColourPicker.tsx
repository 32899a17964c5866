import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { palette } from './model.js';

/** A colour: one of a calm palette, or any other (the system's colour chooser). */
export function ColourPicker({ value, onChange, label }: { value: string; onChange: (colour: string) => void; label?: string }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="fieldset codebook-colours">
      <legend className="field__label">{label ?? t('codebook.colour.label')}</legend>
      <div className="codebook-colours__row">
        {palette.map((colour, index) => (
          <button
            key={colour}
            type="button"
            className="codebook-colours__swatch"
            style={{ background: colour }}
            aria-pressed={value === colour}
            aria-label={t('codebook.colour.option', { number: index + 1 })}
            onClick={() => onChange(colour)}
          />
        ))}
        <label className="codebook-colours__other" htmlFor={`${id}-other`}>
          {t('codebook.colour.other')}
          <input id={`${id}-other`} type="color" value={value} onChange={(event) => onChange(event.target.value.toLowerCase())} />
        </label>
      </div>
    </fieldset>
  );
}
