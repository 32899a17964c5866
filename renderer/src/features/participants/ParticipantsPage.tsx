import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { participantStatuses, type Participant, type ParticipantStatus } from '../../../../shared/participants/contract.js';
import { invoke } from '../../bridge/index.js';
import { Alert, Button, useErrorText } from '../../ui/index.js';
import { AddParticipant } from './AddParticipant.js';
import { AttributesEditor } from './AttributesEditor.js';
import { DeleteAllIdentity } from './DeleteAllIdentity.js';
import { ParticipantView } from './ParticipantView.js';
import { useDates } from './dates.js';

type SortKey = 'pseudonym' | 'status' | 'date';
type Sort = { key: SortKey; ascending: boolean };

const statusOrder = new Map(participantStatuses.map((status, index) => [status, index]));
const collator = new Intl.Collator('nb', { numeric: true, sensitivity: 'base' });

function compare(a: Participant, b: Participant, key: SortKey): number {
  if (key === 'pseudonym') return collator.compare(a.pseudonym, b.pseudonym);
  if (key === 'status') return (statusOrder.get(a.status) ?? 0) - (statusOrder.get(b.status) ?? 0) || collator.compare(a.pseudonym, b.pseudonym);
  // Participants without a date come last, whichever way.
  if (a.statusDate === b.statusDate) return collator.compare(a.pseudonym, b.pseudonym);
  if (a.statusDate === null) return 1;
  if (b.statusDate === null) return -1;
  return a.statusDate.localeCompare(b.statusDate);
}

/** The participant register: the list, adding, one participant at a time, attributes, and the end of the study. */
export function ParticipantsPage({ onDirtyChange }: { onDirtyChange: (dirty: boolean) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { date } = useDates();
  const [participants, setParticipants] = useState<Participant[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [filter, setFilter] = useState<ParticipantStatus | ''>('');
  const [sort, setSort] = useState<Sort>({ key: 'pseudonym', ascending: true });

  const reload = useCallback(() => {
    invoke('participants.list', {}).then(setParticipants, setError);
  }, []);
  useEffect(() => {
    invoke('participants.list', {}).then(setParticipants, setError);
  }, []);

  const shown = useMemo(() => {
    const filtered = (participants ?? []).filter((participant) => filter === '' || participant.status === filter);
    const sorted = [...filtered].sort((a, b) => compare(a, b, sort.key));
    return sort.ascending ? sorted : sorted.reverse();
  }, [participants, filter, sort]);

  if (openId !== null) {
    return (
      <ParticipantView
        id={openId}
        onDirtyChange={onDirtyChange}
        onBack={() => {
          setOpenId(null);
          reload();
        }}
      />
    );
  }

  const columns: { key: SortKey; label: string }[] = [
    { key: 'pseudonym', label: t('participants.list.pseudonym') },
    { key: 'status', label: t('participants.list.status') },
    { key: 'date', label: t('participants.list.date') },
  ];

  return (
    <div className="stack">
      <h2 className="page-heading">{t('participants.heading')}</h2>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      <AddParticipant onAdded={reload} />

      <section className="card" aria-labelledby="participants-list-heading">
        <h3 id="participants-list-heading">{t('participants.list.caption')}</h3>
        <div className="field">
          <label className="field__label" htmlFor="participants-filter">
            {t('participants.list.filter')}
          </label>
          <div className="field__row">
            <select
              id="participants-filter"
              className="select"
              value={filter}
              onChange={(event) => setFilter(event.target.value as ParticipantStatus | '')}
            >
              <option value="">{t('participants.list.filterAll')}</option>
              {participantStatuses.map((status) => (
                <option key={status} value={status}>
                  {t(`participants.status.${status}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        {participants === null ? (
          error ? null : <p role="status">{t('participants.loading')}</p>
        ) : participants.length === 0 ? (
          <p>{t('participants.list.empty')}</p>
        ) : shown.length === 0 ? (
          <p>{t('participants.list.emptyFilter')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" aria-labelledby="participants-list-heading">
              <caption className="muted small" aria-live="polite">
                {t('participants.list.count', { count: shown.length })}
              </caption>
              <thead>
                <tr>
                  {columns.map((column) => (
                    <th
                      key={column.key}
                      scope="col"
                      aria-sort={sort.key === column.key ? (sort.ascending ? 'ascending' : 'descending') : 'none'}
                    >
                      <Button
                        variant="quiet"
                        aria-label={t('participants.list.sortBy', { column: column.label })}
                        onClick={() => setSort((current) => ({ key: column.key, ascending: current.key === column.key ? !current.ascending : true }))}
                      >
                        {column.label}
                        <span aria-hidden="true">{sort.key === column.key ? (sort.ascending ? ' ▲' : ' ▼') : ''}</span>
                      </Button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map((participant) => (
                  <tr key={participant.id}>
                    <th scope="row">
                      <Button variant="quiet" onClick={() => setOpenId(participant.id)}>
                        {participant.pseudonym}
                      </Button>
                    </th>
                    <td>{t(`participants.status.${participant.status}`)}</td>
                    <td>{participant.statusDate ? date(participant.statusDate) : <span className="muted">{t('participants.list.noDate')}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <AttributesEditor />
      <DeleteAllIdentity />
    </div>
  );
}
