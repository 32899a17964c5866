import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { participantStatuses, type Overview } from '../../../../shared/overview/contract.js';
import { invoke } from '../../bridge/index.js';
import { Alert, Button, useErrorText } from '../../ui/index.js';
import { Deadline } from '../recordings/Deadline.js';
import { useDates } from '../recordings/dates.js';

interface OverviewPageProps {
  navigate: (section: string) => void;
}

/** The first page after unlocking: what needs attention, each part linking to where it is done. */
export function OverviewPage({ navigate }: OverviewPageProps) {
  const { t } = useTranslation();
  const { date } = useDates();
  const errorText = useErrorText();
  const [overview, setOverview] = useState<Overview | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    invoke('overview.get', {}).then(setOverview, setError);
  }, []);

  if (!overview) {
    return error ? <Alert tone="error">{errorText(error)}</Alert> : <p role="status">{t('app.loading')}</p>;
  }

  const total = participantStatuses.reduce((sum, status) => sum + overview.participantsByStatus[status], 0);
  const { end } = overview;
  const go = (section: string, label: string) => (
    <div className="actions">
      <Button onClick={() => navigate(section)}>{label}</Button>
    </div>
  );

  return (
    <div className="stack">
      <h2 className="page-heading">{t('overview.heading')}</h2>
      <p className="lead">
        {t('overview.intro')} {t('overview.today', { date: date(overview.today) })}
      </p>

      <div className="overview-grid">
        <section className="card" aria-labelledby="overview-recordings">
          <h3 id="overview-recordings">{t('overview.recordingsHeading')}</h3>
          {overview.recordingsDue.length === 0 ? (
            <p>{t('overview.recordingsNone')}</p>
          ) : (
            <>
              <p>{t('overview.recordingsDue', { count: overview.recordingsDue.length })}</p>
              <ul className="overview-list">
                {overview.recordingsDue.map((item) => (
                  <li key={item.id}>
                    <span>{t('overview.recordingItem', { pseudonym: item.pseudonym ?? '' })}</span> <Deadline due={item.due} today={overview.today} />
                  </li>
                ))}
              </ul>
            </>
          )}
          {overview.recordingsAwaitingTranscription > 0 ? (
            <p className="muted">{t('overview.recordingsAwaiting', { count: overview.recordingsAwaitingTranscription })}</p>
          ) : null}
          {go('recordings', t('overview.goToRecordings'))}
        </section>

        <section className="card" aria-labelledby="overview-requests">
          <h3 id="overview-requests">{t('overview.requestsHeading')}</h3>
          {overview.requestsOpen.length === 0 ? (
            <p>{t('overview.requestsNone')}</p>
          ) : (
            <>
              <p>{t('overview.requestsOpen', { count: overview.requestsOpen.length })}</p>
              <ul className="overview-list">
                {overview.requestsOpen.map((item) => {
                  const kind = t(`requests.kindShort.${item.kind}`);
                  return (
                    <li key={item.id}>
                      <span>{item.pseudonym ? t('overview.requestItemFor', { kind, pseudonym: item.pseudonym }) : t('overview.requestItem', { kind })}</span>{' '}
                      <Deadline due={item.due} today={overview.today} />
                    </li>
                  );
                })}
              </ul>
            </>
          )}
          {go('requests', t('overview.goToRequests'))}
        </section>

        <section className="card" aria-labelledby="overview-participants">
          <h3 id="overview-participants">{t('overview.participantsHeading')}</h3>
          {total === 0 ? (
            <p>{t('overview.noParticipants')}</p>
          ) : (
            <>
              <p>{t('overview.participantsTotal', { count: total })}</p>
              <dl className="overview-counts">
                {participantStatuses.map((status) => (
                  <div key={status}>
                    <dt>{t(`overview.statuses.${status}`)}</dt>
                    <dd>{overview.participantsByStatus[status]}</dd>
                  </div>
                ))}
              </dl>
            </>
          )}
          {go('participants', t('overview.goToParticipants'))}
        </section>

        <section className="card" aria-labelledby="overview-consent">
          <h3 id="overview-consent">{t('overview.consentHeading')}</h3>
          {overview.withoutConsent.length === 0 ? (
            <p>{t('overview.consentNone')}</p>
          ) : (
            <>
              <p>{t('overview.consentMissing', { count: overview.withoutConsent.length })}</p>
              <ul className="overview-list">
                {overview.withoutConsent.map((participant) => (
                  <li key={participant.id}>{participant.pseudonym}</li>
                ))}
              </ul>
            </>
          )}
          {go('consent', t('overview.goToConsent'))}
        </section>

        <section className="card" aria-labelledby="overview-end">
          <h3 id="overview-end">{t('overview.endHeading')}</h3>
          {end.plannedEndDate === null || end.daysLeft === null ? (
            <p>{t('overview.endNone')}</p>
          ) : (
            <>
              <p>
                <strong>{t('overview.endDate', { date: date(end.plannedEndDate) })}</strong>{' '}
                {end.daysLeft > 0
                  ? t('overview.daysLeft', { count: end.daysLeft })
                  : end.daysLeft === 0
                    ? t('overview.endToday')
                    : t('overview.endPassed', { count: -end.daysLeft })}
              </p>
              <p>{t(`overview.endAction.${end.action}`)}</p>
            </>
          )}
          {go('page', t('overview.goToPage'))}
        </section>
      </div>
    </div>
  );
}
