import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttributeCondition, ComparedPassage, PassageSource } from '../../../../shared/comparison/contract.js';
import type { ChannelOutput } from '../../../../shared/contract/channels.js';
import { invoke } from '../../bridge/index.js';
import { Alert, useErrorText } from '../../ui/index.js';
import type { PassagePlace } from '../study/sections.js';
import { Conditions } from './Conditions.js';
import { PassageList } from './PassageList.js';
import { SourceSelect } from './SourceSelect.js';

type Options = ChannelOutput<'comparison.options'>;

/** The passages of one source, loaded again whenever the source or the conditions change. */
function usePassages(source: PassageSource | null, conditions: AttributeCondition[]) {
  const [loaded, setLoaded] = useState<{ key: string; passages: ComparedPassage[] | null; error: unknown }>({ key: '', passages: null, error: null });
  const key = JSON.stringify([source, conditions]);
  useEffect(() => {
    if (!source) return;
    let current = true;
    invoke('comparison.passages', { source, conditions, participantId: null, overlapping: null }).then(
      (found) => current && setLoaded({ key, passages: found.passages, error: null }),
      (caught: unknown) => current && setLoaded({ key, passages: null, error: caught }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key says what the request depends on
  }, [key]);
  return source && loaded.key === key ? loaded : { passages: null, error: null };
}

export function PassagesPanel({ options, openPassage }: { options: Options; openPassage: (place: PassagePlace) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [first, setFirst] = useState<PassageSource | null>(null);
  const [second, setSecond] = useState<PassageSource | null>(null);
  const [conditions, setConditions] = useState<AttributeCondition[]>([]);
  const left = usePassages(first, conditions);
  const right = usePassages(second, conditions);
  const empty = conditions.length > 0 ? t('comparison.passages.noneFiltered') : t('comparison.passages.none');
  const nameOf = (source: PassageSource) =>
    source.kind === 'code' ? options.codes.find((code) => code.id === source.id)?.name : options.categories.find((category) => category.id === source.id)?.name;

  if (options.codes.length === 0) return <p className="muted">{t('comparison.source.noCodes')}</p>;

  return (
    <div className="stack">
      <div className="compare-pickers">
        <SourceSelect label={t('comparison.source.label')} codes={options.codes} categories={options.categories} value={first} onChange={setFirst} noneLabel={t('comparison.source.none')} />
        <SourceSelect label={t('comparison.source.second')} codes={options.codes} categories={options.categories} value={second} onChange={setSecond} noneLabel={t('comparison.source.nothing')} />
      </div>
      <Conditions attributes={options.attributes} onChange={setConditions} />
      <div className={second ? 'compare-columns compare-columns--two' : 'compare-columns'}>
        {[
          { source: first, state: left },
          { source: second, state: right },
        ].map(({ source, state }, index) =>
          source ? (
            <section key={index} className="compare-column" aria-label={nameOf(source)}>
              <h3 className="compare-column__title">{nameOf(source)}</h3>
              {state.error ? <Alert tone="error">{errorText(state.error)}</Alert> : null}
              {state.passages ? <PassageList key={JSON.stringify([source, conditions])} passages={state.passages} openPassage={openPassage} empty={empty} /> : null}
            </section>
          ) : null,
        )}
      </div>
    </div>
  );
}
