import { useTranslation } from 'react-i18next';
import type { Code } from '../../../../shared/coding/contract.js';
import { Button } from '../../ui/index.js';

interface SelectionToolbarProps {
  /** The chosen codes that still exist. */
  chosen: Code[];
  options: { id: number; depth: number; name: string }[];
  onMerge: () => void;
  onRaise: (initialIds: number[]) => void;
  onPlace: (focusedIds: number[], categoryId: number | null) => void;
  onDelete: () => void;
  onClear: () => void;
}

/**
 * What can be done with the chosen codes: merge, raise the initial ones into a focused code, place
 * the focused ones under a category, delete. Always shown (disabled with none chosen), so the list
 * below never jumps.
 */
export function SelectionToolbar({ chosen, options, onMerge, onRaise, onPlace, onDelete, onClear }: SelectionToolbarProps) {
  const { t } = useTranslation();
  const initial = chosen.filter((code) => code.level === 'initial');
  const focused = chosen.filter((code) => code.level === 'focused');
  const count = chosen.length;
  return (
    <div className="codebook-selection" role="toolbar" aria-label={t('codebook.selection.label')}>
      <strong>{count === 0 ? t('codebook.selection.none') : t('codebook.selection.count', { count })}</strong>
      <Button variant="secondary" disabled={count < 2} onClick={onMerge}>
        {t('codebook.selection.merge')}
      </Button>
      <Button
        variant="secondary"
        disabled={initial.length === 0}
        title={count > 0 && initial.length === 0 ? t('codebook.selection.raiseOnlyInitial') : undefined}
        onClick={() => onRaise(initial.map((code) => code.id))}
      >
        {initial.length > 0 && initial.length < count ? t('codebook.selection.raiseSome', { count: initial.length }) : t('codebook.selection.raise')}
      </Button>
      {focused.length > 0 ? (
        <select
          className="select codebook-selection__place"
          aria-label={t('codebook.selection.placeLabel', { count: focused.length })}
          value=""
          onChange={(event) => {
            const value = event.target.value;
            if (value !== '')
              onPlace(
                focused.map((code) => code.id),
                value === 'none' ? null : Number(value),
              );
          }}
        >
          <option value="">{t('codebook.selection.place', { count: focused.length })}</option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {'\u2003'.repeat(option.depth)}
              {option.name}
            </option>
          ))}
          <option value="none">{t('codebook.selection.placeNone')}</option>
        </select>
      ) : null}
      <Button variant="danger" disabled={count === 0} onClick={onDelete}>
        {count === 0 ? t('codebook.selection.deleteNone') : t('codebook.selection.delete', { count })}
      </Button>
      <Button variant="quiet" disabled={count === 0} onClick={onClear}>
        {t('codebook.selection.clear')}
      </Button>
    </div>
  );
}
