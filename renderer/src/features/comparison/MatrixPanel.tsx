import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttributeCondition, ComparedPassage } from '../../../../shared/comparison/contract.js';
import type { ChannelOutput } from '../../../../shared/contract/channels.js';
import { invoke } from '../../bridge/index.js';
import { Alert, Button, Field, useErrorText } from '../../ui/index.js';
import type { PassagePlace } from '../study/sections.js';
import { Conditions } from './Conditions.js';
import { categoryTree } from './format.js';
import { PassageList } from './PassageList.js';

type Options = ChannelOutput<'comparison.options'>;
type Matrix = ChannelOutput<'comparison.matrix'>;
type Level = 'focused' | 'initial' | 'all';
const rowStep = 100;

/** Codes (rows) × participants (columns); a cell opens its passages below the table. */
export function MatrixPanel({ options, openPassage }: { options: Options; openPassage: (place: PassagePlace) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [level, setLevel] = useState<Level>(options.codes.some((code) => code.level === 'focused') ? 'focused' : 'initial');
  const [categoryId, setCategoryId] = useState<number | null>(null);
  const [conditions, setConditions] = useState<AttributeCondition[]>([]);
  const [loaded, setLoaded] = useState<{ key: string; matrix: Matrix } | null>(null);
  const [rows, setRows] = useState(rowStep);
  const [shownCell, setCell] = useState<{ key: string; code: string; pseudonym: string; passages: ComparedPassage[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const key = JSON.stringify([level, categoryId, conditions]);
  const matrix = loaded?.key === key ? loaded.matrix : null;
  const cell = shownCell?.key === key ? shownCell : null;
  const cellHeading = useRef<HTMLHeadingElement>(null);
  // A cell's passages are read from their heading on.
  useEffect(() => cellHeading.current?.focus(), [shownCell]);

  useEffect(() => {
    let current = true;
    invoke('comparison.matrix', { level, categoryId, conditions }).then(
      (found) => {
        if (!current) return;
        setLoaded({ key, matrix: found });
        setRows(rowStep);
        setError(null);
      },
      (caught: unknown) => current && setError(caught),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key says what the request depends on
  }, [key]);

  async function open(codeId: number, code: string, participantId: number, pseudonym: string) {
    try {
      const found = await invoke('comparison.passages', { source: { kind: 'code', id: codeId }, conditions, participantId, overlapping: null });
      setCell({ key, code, pseudonym, passages: found.passages });
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <div className="stack">
      <div className="compare-pickers">
        <Field label={t('comparison.matrix.level')}>
          {(control) => (
            <select {...control} className="select" value={level} onChange={(event) => setLevel(event.target.value as Level)}>
              {(['focused', 'initial', 'all'] as const).map((value) => (
                <option key={value} value={value}>
                  {t(`comparison.matrix.levels.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('comparison.matrix.category')}>
          {(control) => (
            <select {...control} className="select" value={categoryId ?? ''} onChange={(event) => setCategoryId(event.target.value ? Number(event.target.value) : null)}>
              <option value="">{t('comparison.matrix.allCategories')}</option>
              {categoryTree(options.categories).map(({ category, depth }) => (
                <option key={category.id} value={category.id}>
                  {`${'\u2003'.repeat(depth)}${category.name}`}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Conditions attributes={options.attributes} onChange={setConditions} />
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {matrix === null ? null : matrix.rows.length === 0 ? (
        <p className="muted">{t('comparison.matrix.none')}</p>
      ) : matrix.participants.length === 0 ? (
        <p className="muted">{t('comparison.matrix.noParticipants')}</p>
      ) : (
        <>
          <p className="muted small">{t('comparison.matrix.caption')}</p>
          <div className="table-wrap compare-matrix-wrap">
            <table className="table compare-matrix" aria-label={t('comparison.matrix.label')}>
              <thead>
                <tr>
                  <th scope="col">{t('comparison.matrix.code')}</th>
                  {matrix.participants.map((participant) => (
                    <th key={participant.id} scope="col" className="table__number">
                      {participant.pseudonym}
                    </th>
                  ))}
                  <th scope="col" className="table__number">
                    {t('comparison.matrix.total')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {matrix.rows.slice(0, rows).map((row) => (
                  <tr key={row.codeId}>
                    <th scope="row">
                      <span className="compare-code">
                        <span className="compare-code__swatch" style={{ background: row.colour }} aria-hidden="true" />
                        {row.name}
                      </span>
                    </th>
                    {row.counts.map((count, index) => {
                      const participant = matrix.participants[index]!;
                      return (
                        <td key={participant.id} className="table__number">
                          {count === 0 ? (
                            <span className="compare-zero">0</span>
                          ) : (
                            <button
                              type="button"
                              className="compare-cell"
                              style={{ ['--strength' as string]: String(Math.min(1, count / Math.max(1, ...row.counts))) }}
                              aria-label={t('comparison.matrix.cell', { count, code: row.name, pseudonym: participant.pseudonym })}
                              onClick={() => void open(row.codeId, row.name, participant.id, participant.pseudonym)}
                            >
                              {count}
                            </button>
                          )}
                        </td>
                      );
                    })}
                    <td className="table__number">{row.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {matrix.rows.length > rows ? (
            <Button onClick={() => setRows(rows + rowStep)}>{t('comparison.matrix.showMoreRows', { count: Math.min(rowStep, matrix.rows.length - rows) })}</Button>
          ) : null}
        </>
      )}
      {cell ? (
        <section className="stack" aria-labelledby="compare-matrix-cell">
          <h3 id="compare-matrix-cell" tabIndex={-1} ref={cellHeading}>
            {t('comparison.matrix.cellHeading', { code: cell.code, pseudonym: cell.pseudonym })}
          </h3>
          <PassageList passages={cell.passages} openPassage={openPassage} empty={t('comparison.passages.none')} />
        </section>
      ) : null}
    </div>
  );
}
