import { useTranslation } from 'react-i18next';
import type { ComparisonCategory, ComparisonCode, PassageSource } from '../../../../shared/comparison/contract.js';
import { Field } from '../../ui/index.js';
import { byName, categoryTree } from './format.js';

/** A source as a select's value: `code:12`, `category:3`, or '' for none. */
export const sourceKey = (source: PassageSource | null): string => (source ? `${source.kind}:${source.id}` : '');
export function sourceOf(key: string): PassageSource | null {
  const match = /^(code|category):(\d+)$/.exec(key);
  return match ? { kind: match[1] as 'code' | 'category', id: Number(match[2]) } : null;
}

interface Props {
  label: string;
  codes: readonly ComparisonCode[];
  categories: readonly ComparisonCategory[];
  value: PassageSource | null;
  onChange: (source: PassageSource | null) => void;
  /** The text of the empty choice. */
  noneLabel: string;
  withCategories?: boolean;
}

/** A code (focused, then initial) or a category (in tree order), by name. */
export function SourceSelect({ label, codes, categories, value, onChange, noneLabel, withCategories = true }: Props) {
  const { t } = useTranslation();
  const focused = codes.filter((code) => code.level === 'focused').sort(byName);
  const initial = codes.filter((code) => code.level === 'initial').sort(byName);
  const codings = new Map(codes.map((code) => [code.id, code.codings]));
  // A focused code's passages include those of the initial codes it subsumes.
  const passages = (code: ComparisonCode) => code.codings + code.subsumes.reduce((sum, id) => sum + (codings.get(id) ?? 0), 0);
  const option = (code: ComparisonCode) => (
    <option key={code.id} value={`code:${code.id}`}>
      {t('comparison.source.codeOption', { name: code.name, count: passages(code) })}
    </option>
  );
  return (
    <Field label={label}>
      {(control) => (
        <select {...control} className="select compare-source" value={sourceKey(value)} onChange={(event) => onChange(sourceOf(event.target.value))}>
          <option value="">{noneLabel}</option>
          {focused.length > 0 ? <optgroup label={t('comparison.source.focused')}>{focused.map(option)}</optgroup> : null}
          {initial.length > 0 ? <optgroup label={t('comparison.source.initial')}>{initial.map(option)}</optgroup> : null}
          {withCategories && categories.length > 0 ? (
            <optgroup label={t('comparison.source.categories')}>
              {categoryTree(categories).map(({ category, depth }) => (
                <option key={category.id} value={`category:${category.id}`}>
                  {`${'\u2003'.repeat(depth)}${category.name}`}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      )}
    </Field>
  );
}
