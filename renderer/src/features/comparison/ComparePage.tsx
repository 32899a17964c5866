import { useCallback, useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/contract/channels.js';
import { invoke } from '../../bridge/index.js';
import { Alert, useErrorText } from '../../ui/index.js';
import type { PassagePlace } from '../study/sections.js';
import { CooccurrencePanel } from './CooccurrencePanel.js';
import { MatrixPanel } from './MatrixPanel.js';
import { PassagesPanel } from './PassagesPanel.js';
import { SearchPanel } from './SearchPanel.js';
import './comparison.css';

const tabs = ['passages', 'matrix', 'cooccurrence', 'search'] as const;
type Tab = (typeof tabs)[number];

/** Constant comparison: passages side by side, the code × participant matrix, co-occurrence, search. */
export function ComparePage({ openPassage }: { openPassage: (place: PassagePlace) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const tabsId = useId();
  const [tab, setTab] = useState<Tab>('passages');
  const [options, setOptions] = useState<ChannelOutput<'comparison.options'> | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    invoke('comparison.options', {}).then(setOptions, setError);
  }, []);
  useEffect(load, [load]);

  function onTabKey(event: KeyboardEvent<HTMLDivElement>) {
    const at = tabs.indexOf(tab);
    const next = event.key === 'ArrowRight' ? tabs[(at + 1) % tabs.length] : event.key === 'ArrowLeft' ? tabs[(at + tabs.length - 1) % tabs.length] : event.key === 'Home' ? tabs[0] : event.key === 'End' ? tabs[tabs.length - 1] : null;
    if (!next) return;
    event.preventDefault();
    setTab(next);
    requestAnimationFrame(() => document.getElementById(`${tabsId}-${next}`)?.focus());
  }

  return (
    <div className="stack compare">
      <header>
        <h2 className="page-heading">{t('comparison.heading')}</h2>
        <p className="lead">{t('comparison.intro')}</p>
      </header>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      <div role="tablist" aria-label={t('comparison.tabs.label')} className="compare-tabs" onKeyDown={onTabKey}>
        {tabs.map((item) => (
          <button
            key={item}
            id={`${tabsId}-${item}`}
            type="button"
            role="tab"
            aria-selected={tab === item}
            aria-controls={`${tabsId}-${item}-panel`}
            tabIndex={tab === item ? 0 : -1}
            className="compare-tabs__tab"
            onClick={() => setTab(item)}
          >
            {t(`comparison.tabs.${item}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${tabsId}-${tab}-panel`} aria-labelledby={`${tabsId}-${tab}`} className="compare-panel">
        {options === null ? (
          error ? null : <p className="muted">{t('comparison.loading')}</p>
        ) : tab === 'passages' ? (
          <PassagesPanel options={options} openPassage={openPassage} />
        ) : tab === 'matrix' ? (
          <MatrixPanel options={options} openPassage={openPassage} />
        ) : tab === 'cooccurrence' ? (
          <CooccurrencePanel options={options} openPassage={openPassage} />
        ) : (
          <SearchPanel codes={options.codes} openPassage={openPassage} onCoded={load} />
        )}
      </div>
    </div>
  );
}
