import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyEntry, KeySummary } from '../../../../shared/anonymisation/contract.js';
import { invoke } from '../../bridge/index.js';
import { Alert, Button, ConfirmDialog, useErrorText } from '../../ui/index.js';
import './anonymisation.css';

/**
 * The anonymisation key on the Security page: how much it holds (counts only), the key itself only
 * when asked for (recorded in the audit trail), and deleting it in one step.
 */
export function AnonymisationKey() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [summary, setSummary] = useState<KeySummary | null>(null);
  const [entries, setEntries] = useState<KeyEntry[] | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const headingId = useId();

  const load = useCallback(() => invoke('anonymisation.keySummary', {}).then(setSummary, setError), []);
  useEffect(() => {
    void load();
  }, [load]);

  async function show() {
    setError(null);
    try {
      setEntries((await invoke('anonymisation.key', {})).entries);
    } catch (caught) {
      setError(caught);
    }
  }

  async function remove() {
    setConfirmDelete(false);
    setError(null);
    try {
      const result = await invoke('anonymisation.deleteKey', { confirm: true });
      setEntries(null);
      setDone(t('anonymisation.keyDeleted', { count: result.deletedEntries }));
      await load();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('anonymisation.keyHeading')}</h3>
      <p>{t('anonymisation.keyIntro')}</p>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {done ? <Alert tone="success">{done}</Alert> : null}
      {summary === null ? (
        error ? null : (
          <p role="status">{t('app.loading')}</p>
        )
      ) : summary.entries === 0 ? (
        <p className="muted">{t('anonymisation.keyEmpty')}</p>
      ) : (
        <>
          <p>{t('anonymisation.keySummary', { count: summary.entries, transcripts: summary.transcriptsUsing })}</p>
          <div className="actions">
            {entries ? (
              <Button onClick={() => setEntries(null)}>{t('anonymisation.keyHide')}</Button>
            ) : (
              <Button onClick={() => void show()} aria-describedby={`${headingId}-note`}>
                {t('anonymisation.keyShow')}
              </Button>
            )}
          </div>
          {entries ? null : (
            <p className="small muted" id={`${headingId}-note`}>
              {t('anonymisation.keyShowNote')}
            </p>
          )}
          {entries ? <KeyTable entries={entries} /> : null}
          {summary.rawTranscripts > 0 ? (
            <Alert tone="info">{t('anonymisation.keyRaw', { count: summary.rawTranscripts })}</Alert>
          ) : (
            <div className="actions">
              <Button variant="danger" onClick={() => setConfirmDelete(true)}>
                {t('anonymisation.keyDelete')}
              </Button>
            </div>
          )}
        </>
      )}
      <ConfirmDialog
        open={confirmDelete}
        title={t('anonymisation.keyDeleteTitle')}
        body={t('anonymisation.keyDeleteBody')}
        confirmLabel={t('anonymisation.keyDeleteConfirm')}
        cancelLabel={t('anonymisation.cancel')}
        onConfirm={() => void remove()}
        onCancel={() => setConfirmDelete(false)}
      />
    </section>
  );
}

function KeyTable({ entries }: { entries: KeyEntry[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table anonymisation-key__table">
        <caption>{t('anonymisation.keyCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('anonymisation.keyReplacement')}</th>
            <th scope="col">{t('anonymisation.keyOriginal')}</th>
            <th scope="col">{t('anonymisation.keyKind')}</th>
            <th scope="col" className="table__number">
              {t('anonymisation.keyTranscripts')}
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <th scope="row">{entry.replacement}</th>
              <td>{entry.original}</td>
              <td>{t(`anonymisation.kind.${entry.kind}`)}</td>
              <td className="table__number">{entry.transcripts}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
