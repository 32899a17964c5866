import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../../shared/coding/contract.js';
import { compareCodes } from './model.js';

interface CodePickerProps {
  label: string;
  codes: readonly Code[];
  value: number | null;
  onChange: (id: number | null) => void;
  /** Show each code's level beside its name (when both levels are offered). */
  showLevel?: boolean;
  error?: string | null;
}

/** Choosing one code among many: a filter, then a list box (arrow keys move through it). */
export function CodePicker({ label, codes, value, onChange, showLevel = false, error }: CodePickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const sorted = useMemo(() => [...codes].sort((a, b) => compareCodes(a, b, 'name')), [codes]);
  const needle = text.trim().toLocaleLowerCase();
  const shown = needle ? sorted.filter((code) => code.name.toLocaleLowerCase().includes(needle)) : sorted;
  const limited = shown.slice(0, 500);
  const chosen = value === null ? undefined : codes.find((code) => code.id === value);
  return (
    <div className={error ? 'field field--invalid codebook-picker' : 'field codebook-picker'}>
      <label className="field__label" htmlFor={`${id}-list`}>
        {label}
      </label>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <input
        type="search"
        className="input input--wide"
        aria-label={t('codebook.picker.filter', { label })}
        placeholder={t('codebook.picker.filterPlaceholder')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          const next = event.target.value.trim().toLocaleLowerCase();
          const first = next ? sorted.find((code) => code.name.toLocaleLowerCase().includes(next)) : undefined;
          if (first && (chosen === undefined || !chosen.name.toLocaleLowerCase().includes(next))) onChange(first.id);
        }}
      />
      <select
        id={`${id}-list`}
        className="select codebook-picker__list"
        size={Math.min(8, Math.max(3, limited.length))}
        value={value === null ? '' : String(value)}
        aria-describedby={error ? `${id}-error` : undefined}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
      >
        {limited.map((code) => (
          <option key={code.id} value={code.id}>
            {showLevel ? t('codebook.picker.optionWithLevel', { name: code.name, level: t(`codebook.levelLower.${code.level}`), count: code.codings }) : t('codebook.picker.option', { name: code.name, count: code.codings })}
          </option>
        ))}
      </select>
      {shown.length === 0 ? <p className="muted small">{t('codebook.picker.none')}</p> : null}
      {shown.length > limited.length ? <p className="muted small">{t('codebook.picker.more', { count: shown.length - limited.length })}</p> : null}
    </div>
  );
}
