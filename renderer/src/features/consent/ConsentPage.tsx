import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentDocument, ParticipantConsents } from '../../../../shared/consent/contract.js';
import type { StudySummary } from '../../../../shared/study/contract.js';
import { invoke } from '../../bridge/index.js';
import { Alert, useErrorText } from '../../ui/index.js';
import { Documents } from './Documents.js';
import { Records } from './Records.js';
import './consent.css';

interface ConsentPageProps {
  study: StudySummary;
  onDirtyChange: (dirty: boolean) => void;
}

/** The information letter and consent form, and who has consented to what. */
export function ConsentPage({ study, onDirtyChange }: ConsentPageProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [documents, setDocuments] = useState<ConsentDocument[] | null>(null);
  const [participants, setParticipants] = useState<ParticipantConsents[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    // The documents first: the first call makes the starter letter and form.
    invoke('consent.documents', {})
      .then((loaded) => {
        setDocuments(loaded);
        return invoke('consent.records', {});
      })
      .then(setParticipants, setError);
  }, []);
  useEffect(load, [load]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  const missing = (participants ?? []).filter((participant) => participant.status !== 'withdrawn' && participant.consents.length === 0);

  return (
    <div className="stack">
      <h2 className="page-heading">{t('consent.heading')}</h2>
      <p className="lead">{t('consent.intro')}</p>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {missing.length > 0 ? (
        <Alert tone="warning">{t('consent.missing', { count: missing.length, names: missing.map((participant) => participant.pseudonym).join(', ') })}</Alert>
      ) : null}
      {documents && participants ? (
        <>
          <Records study={study} participants={participants} documents={documents} onChanged={load} />
          <Documents study={study} documents={documents} onChanged={load} onDirtyChange={onDirtyChange} />
        </>
      ) : error ? null : (
        <p role="status">{t('app.loading')}</p>
      )}
    </div>
  );
}
