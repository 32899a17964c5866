import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttributeCondition, ComparedPassage } from '../../../../shared/comparison/contract.js';
import type { ChannelOutput } from '../../../../shared/contract/channels.js';
import { invoke } from '../../bridge/index.js';
import { Alert, useErrorText } from '../../ui/index.js';
import type { PassagePlace } from '../study/sections.js';
import { Conditions } from './Conditions.js';
import { byName } from './format.js';
import { PassageList } from './PassageList.js';

type Options = ChannelOutput<'comparison.options'>;
type Result = ChannelOutput<'comparison.cooccurrence'>;

/** For the codes chosen (or every focused code): how many passages of one overlap passages of another. */
export function CooccurrencePanel({ options, openPassage }: { options: Options; openPassage: (place: PassagePlace) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [which, setWhich] = useState<'allFocused' | 'chosen'>(options.codes.some((code) => code.level === 'focused') ? 'allFocused' : 'chosen');
  const [chosen, setChosen] = useState<number[]>([]);
  const [find, setFind] = useState('');
  const [conditions, setConditions] = useState<AttributeCondition[]>([]);
  const [loaded, setLoaded] = useState<{ key: string; result: Result } | null>(null);
  const [shownCell, setCell] = useState<{ key: string; a: string; b: string; passages: ComparedPassage[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const codeIds = which === 'allFocused' ? [] : chosen;
  const ready = which === 'allFocused' || chosen.length >= 2;
  const key = JSON.stringify([which, codeIds, conditions]);
  const result = ready && loaded?.key === key ? loaded.result : null;
  const cell = shownCell?.key === key ? shownCell : null;
  const cellHeading = useRef<HTMLHeadingElement>(null);
  // A cell's passages are read from their heading on.
  useEffect(() => cellHeading.current?.focus(), [shownCell]);

  useEffect(() => {
    if (!ready) return;
    let current = true;
    invoke('comparison.cooccurrence', { codeIds, conditions }).then(
      (found) => {
        if (!current) return;
        setLoaded({ key, result: found });
        setError(null);
      },
      (caught: unknown) => current && setError(caught),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key says what the request depends on
  }, [key]);

  async function open(a: { id: number; name: string }, b: { id: number; name: string }) {
    try {
      const found = await invoke('comparison.passages', { source: { kind: 'code', id: a.id }, conditions, participantId: null, overlapping: b.id });
      setCell({ key, a: a.name, b: b.name, passages: found.passages });
    } catch (caught) {
      setError(caught);
    }
  }

  const listed = [...options.codes].sort((x, y) => (x.level === y.level ? byName(x, y) : x.level === 'focused' ? -1 : 1)).filter((code) => code.name.toLocaleLowerCase().includes(find.trim().toLocaleLowerCase()));

  return (
    <div className="stack">
      <fieldset className="compare-conditions">
        <legend>{t('comparison.cooccurrence.which')}</legend>
        <div className="radio-group">
          {(['allFocused', 'chosen'] as const).map((value) => (
            <div key={value} className="radio">
              <input type="radio" id={`compare-which-${value}`} name="compare-which" checked={which === value} onChange={() => setWhich(value)} />
              <label htmlFor={`compare-which-${value}`}>{t(`comparison.cooccurrence.${value}`)}</label>
            </div>
          ))}
        </div>
        {which === 'chosen' ? (
          <div className="stack">
            <label className="compare-condition__part">
              <span className="small">{t('comparison.cooccurrence.filterCodes')}</span>
              <input type="search" className="input" value={find} onChange={(event) => setFind(event.target.value)} />
            </label>
            <ul className="compare-code-choices">
              {listed.map((code) => (
                <li key={code.id} className="checkbox">
                  <input
                    type="checkbox"
                    id={`compare-choose-${code.id}`}
                    checked={chosen.includes(code.id)}
                    onChange={(event) => setChosen(event.target.checked ? [...chosen, code.id] : chosen.filter((id) => id !== code.id))}
                  />
                  <label htmlFor={`compare-choose-${code.id}`} className="compare-code">
                    <span className="compare-code__swatch" style={{ background: code.colour }} aria-hidden="true" />
                    {code.name} <span className="muted small">{t(`comparison.source.${code.level}`)}</span>
                  </label>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </fieldset>
      <Conditions attributes={options.attributes} onChange={setConditions} />
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {!ready || (result && result.codes.length < 2) ? <p className="muted">{t('comparison.cooccurrence.none')}</p> : null}
      {ready && result && result.codes.length >= 2 ? (
        <>
        <p className="muted small">{t('comparison.cooccurrence.caption')}</p>
        <div className="table-wrap compare-matrix-wrap">
          <table className="table compare-matrix" aria-label={t('comparison.cooccurrence.label')}>
            <thead>
              <tr>
                <td />
                {result.codes.map((code) => (
                  <th key={code.id} scope="col" className="table__number">
                    {code.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.codes.map((a, row) => (
                <tr key={a.id}>
                  <th scope="row">
                    <span className="compare-code">
                      <span className="compare-code__swatch" style={{ background: a.colour }} aria-hidden="true" />
                      {a.name}
                    </span>
                  </th>
                  {result.codes.map((b, column) => {
                    const count = result.counts[row]![column];
                    return (
                      <td key={b.id} className="table__number">
                        {count === null || count === undefined ? (
                          <span className="compare-zero">—</span>
                        ) : count === 0 ? (
                          <span className="compare-zero">0</span>
                        ) : (
                          <button type="button" className="compare-cell" aria-label={t('comparison.cooccurrence.cell', { count, a: a.name, b: b.name })} onClick={() => void open(a, b)}>
                            {count}
                          </button>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        </>
      ) : null}
      {cell ? (
        <section className="stack" aria-labelledby="compare-cooccurrence-cell">
          <h3 id="compare-cooccurrence-cell" tabIndex={-1} ref={cellHeading}>
            {t('comparison.cooccurrence.cellHeading', { a: cell.a, b: cell.b })}
          </h3>
          <PassageList passages={cell.passages} openPassage={openPassage} empty={t('comparison.passages.none')} />
        </section>
      ) : null}
    </div>
  );
}
