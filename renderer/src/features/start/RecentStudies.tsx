import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecentStudy } from '../../../../shared/app/contract.js';
import { folderOf } from '../../app/paths.js';
import { invoke } from '../../bridge/index.js';
import { useFormat } from '../../i18n/index.js';
import { Alert, Button, useErrorText } from '../../ui/index.js';

interface RecentStudiesProps {
  onOpen: (study: RecentStudy) => void;
}

/** The studies opened lately, newest first; a missing file is marked, and any entry can be forgotten. */
export function RecentStudies({ onOpen }: RecentStudiesProps) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const errorText = useErrorText();
  const [recent, setRecent] = useState<RecentStudy[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    invoke('recent.list', {}).then(setRecent, setError);
  }, []);

  async function forget(study: RecentStudy) {
    setError(null);
    try {
      await invoke('recent.forget', { path: study.path });
      setRecent(await invoke('recent.list', {}));
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="section" aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t('start.recentHeading')}</h2>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {recent && recent.length === 0 ? <p className="muted">{t('start.recentEmpty')}</p> : null}
      {recent && recent.length > 0 ? (
        <>
          <ul className="recent">
            {recent.map((study) => (
              <li key={study.path} className={study.exists ? 'recent__item' : 'recent__item recent__item--missing'}>
                <div className="recent__text">
                  <span className="recent__name">{study.fileName}</span>
                  <span className="recent__meta">{t('start.recentFolder', { folder: folderOf(study.path) })}</span>
                  <span className="recent__meta">{t('start.recentLastOpened', { when: dateTime(study.lastOpenedAt) })}</span>
                  {study.exists ? null : <span className="recent__missing">{t('start.recentMissing')}</span>}
                </div>
                <div className="recent__actions">
                  <Button
                    variant="secondary"
                    aria-label={t('start.recentOpen', { name: study.fileName })}
                    onClick={() => onOpen(study)}
                  >
                    {t('start.recentOpenVisible')}
                  </Button>
                  <Button variant="quiet" aria-label={t('start.recentRemove', { name: study.fileName })} onClick={() => void forget(study)}>
                    {t('start.recentRemoveVisible')}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
          <p className="muted small">{t('start.recentRemoveNote')}</p>
        </>
      ) : null}
    </section>
  );
}
