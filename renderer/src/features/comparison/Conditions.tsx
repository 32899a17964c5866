import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttributeCondition } from '../../../../shared/comparison/contract.js';
import { isCalendarDate, parseAttributeNumber } from '../../../../shared/participants/attributes.js';
import type { Attribute } from '../../../../shared/participants/contract.js';
import { Button } from '../../ui/index.js';
import { yearAgo } from './format.js';

type DateMode = 'before' | 'after' | 'between';

/** A condition as the researcher is filling it in: texts, checked when complete. */
interface Draft {
  key: number;
  attributeId: number;
  value: string;
  min: string;
  max: string;
  mode: DateMode;
  from: string;
  to: string;
}

/** The condition a draft makes, or null while it is incomplete. */
function conditionOf(draft: Draft, attribute: Attribute | undefined): AttributeCondition | null {
  if (!attribute) return null;
  switch (attribute.kind) {
    case 'choice':
    case 'text':
      return draft.value.trim() ? { kind: 'equals', attributeId: attribute.id, value: draft.value.trim() } : null;
    case 'number': {
      const min = draft.min.trim() ? parseAttributeNumber(draft.min) : null;
      const max = draft.max.trim() ? parseAttributeNumber(draft.max) : null;
      if ((draft.min.trim() && min === null) || (draft.max.trim() && max === null) || (min === null && max === null)) return null;
      return { kind: 'range', attributeId: attribute.id, min, max };
    }
    case 'date': {
      const from = draft.mode === 'before' ? null : draft.from;
      const to = draft.mode === 'after' ? null : draft.to;
      if ((from !== null && !isCalendarDate(from)) || (to !== null && !isCalendarDate(to))) return null;
      return { kind: 'dates', attributeId: attribute.id, from, to };
    }
  }
}

interface Props {
  attributes: readonly Attribute[];
  /** Called with the complete conditions whenever they change. */
  onChange: (conditions: AttributeCondition[]) => void;
}

/** Conditions on participant attributes, all of which must hold. */
export function Conditions({ attributes, onChange }: Props) {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const byId = new Map(attributes.map((attribute) => [attribute.id, attribute]));
  const complete = drafts.map((draft) => conditionOf(draft, byId.get(draft.attributeId)));
  const applied = JSON.stringify(complete.filter((condition) => condition !== null));

  useEffect(() => {
    onChange(JSON.parse(applied) as AttributeCondition[]);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when what is applied changes
  }, [applied]);

  if (attributes.length === 0) return <p className="muted small">{t('comparison.filter.noAttributes')}</p>;

  const change = (key: number, changes: Partial<Draft>) => setDrafts(drafts.map((draft) => (draft.key === key ? { ...draft, ...changes } : draft)));
  const add = () => {
    setDrafts([...drafts, { key: nextKey, attributeId: attributes[0]!.id, value: '', min: '', max: '', mode: 'before', from: '', to: '' }]);
    setNextKey(nextKey + 1);
  };

  return (
    <fieldset className="compare-conditions">
      <legend>{t('comparison.filter.heading')}</legend>
      {drafts.length === 0 ? <p className="muted small">{t('comparison.filter.everyone')}</p> : null}
      {drafts.map((draft, index) => {
        const attribute = byId.get(draft.attributeId);
        return (
          <div key={draft.key} className="compare-condition">
            <label className="compare-condition__part">
              <span className="small">{t('comparison.filter.attribute')}</span>
              <select
                className="select"
                value={draft.attributeId}
                onChange={(event) => change(draft.key, { attributeId: Number(event.target.value), value: '', min: '', max: '', from: '', to: '' })}
              >
                {attributes.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.name}
                  </option>
                ))}
              </select>
            </label>
            {attribute?.kind === 'choice' ? (
              <label className="compare-condition__part">
                <span className="small">{t('comparison.filter.value')}</span>
                <select className="select" value={draft.value} onChange={(event) => change(draft.key, { value: event.target.value })}>
                  <option value="">{t('comparison.source.none')}</option>
                  {attribute.choices.map((choice) => (
                    <option key={choice} value={choice}>
                      {choice}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            {attribute?.kind === 'text' ? (
              <label className="compare-condition__part">
                <span className="small">{t('comparison.filter.value')}</span>
                <input className="input" value={draft.value} maxLength={2000} onChange={(event) => change(draft.key, { value: event.target.value })} />
              </label>
            ) : null}
            {attribute?.kind === 'number' ? (
              <>
                <label className="compare-condition__part">
                  <span className="small">{t('comparison.filter.min')}</span>
                  <input className="input input--number" inputMode="decimal" value={draft.min} onChange={(event) => change(draft.key, { min: event.target.value })} />
                </label>
                <label className="compare-condition__part">
                  <span className="small">{t('comparison.filter.max')}</span>
                  <input className="input input--number" inputMode="decimal" value={draft.max} onChange={(event) => change(draft.key, { max: event.target.value })} />
                </label>
              </>
            ) : null}
            {attribute?.kind === 'date' ? (
              <>
                <label className="compare-condition__part">
                  <span className="small">{t('comparison.filter.dateMode')}</span>
                  <select className="select" value={draft.mode} onChange={(event) => change(draft.key, { mode: event.target.value as DateMode })}>
                    {(['before', 'after', 'between'] as const).map((mode) => (
                      <option key={mode} value={mode}>
                        {t(`comparison.filter.modes.${mode}`)}
                      </option>
                    ))}
                  </select>
                </label>
                {draft.mode !== 'before' ? (
                  <label className="compare-condition__part">
                    <span className="small">{t('comparison.filter.from')}</span>
                    <input type="date" className="input input--date" value={draft.from} onChange={(event) => change(draft.key, { from: event.target.value })} />
                  </label>
                ) : null}
                {draft.mode !== 'after' ? (
                  <label className="compare-condition__part">
                    <span className="small">{t('comparison.filter.to')}</span>
                    <input type="date" className="input input--date" value={draft.to} onChange={(event) => change(draft.key, { to: event.target.value })} />
                  </label>
                ) : null}
                <Button
                  variant="quiet"
                  title={t('comparison.filter.yearAgoHint')}
                  onClick={() => change(draft.key, draft.mode === 'after' ? { from: yearAgo() } : { to: yearAgo() })}
                >
                  {t('comparison.filter.yearAgo')}
                </Button>
              </>
            ) : null}
            <Button variant="quiet" aria-label={t('comparison.filter.remove', { name: attribute?.name ?? '' })} onClick={() => setDrafts(drafts.filter((other) => other.key !== draft.key))}>
              ×
            </Button>
            {complete[index] === null ? <p className="muted small compare-condition__note">{t('comparison.filter.incomplete')}</p> : null}
          </div>
        );
      })}
      <div>
        <Button variant="quiet" onClick={add}>
          {t('comparison.filter.add')}
        </Button>
      </div>
    </fieldset>
  );
}
