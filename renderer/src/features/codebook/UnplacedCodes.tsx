import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../../shared/coding/contract.js';
import { codeDragType } from './CodeList.js';
import { compareCodes, countsById } from './model.js';

/** The most unplaced codes listed at once (the code list's filter finds the rest). */
const listed = 200;

interface UnplacedCodesProps {
  /** Every code; the focused codes not placed are listed. */
  codes: Code[];
  options: { id: number; depth: number; name: string }[];
  onOpen: (id: number) => void;
  onPlace: (ids: number[], categoryId: number | null) => void;
}

/**
 * Focused codes not yet placed under a category: dragged onto a category in the tree, or placed
 * with the select beside each (the keyboard's way).
 */
export function UnplacedCodes({ codes, options, onOpen, onPlace }: UnplacedCodesProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const unplaced = useMemo(() => {
    const counts = countsById(codes);
    return codes.filter((code) => code.level === 'focused' && code.categoryId === null).sort((a, b) => compareCodes(a, b, 'codings', counts));
  }, [codes]);
  const anyFocused = codes.some((code) => code.level === 'focused');
  return (
    <section className="card codebook-unplaced" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('codebook.unplaced.heading', { count: unplaced.length })}</h3>
      {!anyFocused ? (
        <p className="muted">{t('codebook.unplaced.noFocused')}</p>
      ) : unplaced.length === 0 ? (
        <p className="muted">{t('codebook.unplaced.none')}</p>
      ) : (
        <>
          <p className="muted small">{t('codebook.unplaced.hint')}</p>
          <ul className="codebook-unplaced__list">
            {unplaced.slice(0, listed).map((code) => (
              <li
                key={code.id}
                className="codebook-unplaced__item"
                draggable
                data-code={code.id}
                onDragStart={(event) => {
                  event.dataTransfer.effectAllowed = 'move';
                  event.dataTransfer.setData(codeDragType, JSON.stringify([code.id]));
                  event.dataTransfer.setData('text/plain', code.name);
                }}
              >
                <span className="codebook-unplaced__grip" aria-hidden="true">
                  ⠿
                </span>
                <span className="codebook-swatch" aria-hidden="true" style={{ background: code.colour }} />
                <button type="button" className="codebook-row__open codebook-unplaced__name" title={code.name} onClick={() => onOpen(code.id)}>
                  {code.name}
                </button>
                <select
                  className="select codebook-unplaced__place"
                  aria-label={t('codebook.unplaced.placeLabel', { name: code.name })}
                  value=""
                  disabled={options.length === 0}
                  onChange={(event) => {
                    if (event.target.value !== '') onPlace([code.id], Number(event.target.value));
                  }}
                >
                  <option value="">{t('codebook.unplaced.place')}</option>
                  {options.map((option) => (
                    <option key={option.id} value={option.id}>
                      {'\u2003'.repeat(option.depth)}
                      {option.name}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ul>
          {unplaced.length > listed ? <p className="muted small">{t('codebook.unplaced.more', { count: unplaced.length - listed })}</p> : null}
        </>
      )}
    </section>
  );
}
