import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudySettings, StudySummary } from '../../../../shared/study/contract.js';
import { invoke } from '../../bridge/index.js';
import { Alert, useErrorText } from '../../ui/index.js';
import { AnonymisationKey } from '../anonymisation/AnonymisationKey.js';
import { Backups } from './Backups.js';
import { ChangePassphrase } from './ChangePassphrase.js';
import { SettingsForm } from './SettingsForm.js';

interface SecurityPageProps {
  study: StudySummary;
  backupRequest: number;
}

/** The idle lock, backups and the passphrase. */
export function SecurityPage({ study, backupRequest }: SecurityPageProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [settings, setSettings] = useState<StudySettings | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    invoke('study.settings', {}).then(setSettings, setError);
  }, []);

  return (
    <div className="stack">
      <h2 className="page-heading">{t('security.heading')}</h2>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {settings ? (
        <>
          <SettingsForm settings={settings} onSaved={setSettings} />
          <Backups study={study} request={backupRequest} />
        </>
      ) : error ? null : (
        <p role="status">{t('app.loading')}</p>
      )}
      <ChangePassphrase related={[study.title, study.fileName]} />
      <AnonymisationKey />
    </div>
  );
}
