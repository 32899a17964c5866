import { useEffect, useEffectEvent, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/contract/channels.js';
import type { Backup, StudySummary } from '../../../../shared/study/contract.js';
import { useApp } from '../../app/AppContext.js';
import { folderOf, joinPath } from '../../app/paths.js';
import { invoke } from '../../bridge/index.js';
import { useFormat } from '../../i18n/index.js';
import { Alert, Button, TextField, showErrorsAndFocus, useErrorText } from '../../ui/index.js';

type BackupStatus = ChannelOutput<'study.backupStatus'>;

interface BackupsProps {
  study: StudySummary;
  /** Counts up when the native menu asks for a backup copy. */
  request: number;
}

/** A name for a backup copy: the study's file name with today's date. */
function suggestedName(study: StudySummary, word: string, extension: string): string {
  const base = study.fileName.endsWith(extension) ? study.fileName.slice(0, -extension.length) : study.fileName;
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}${pad(now.getMinutes())}`;
  return `${base} ${word} ${stamp}${extension}`;
}

/** Save a backup copy by hand, and see the copies this study knows of. */
export function Backups({ study, request }: BackupsProps) {
  const { t } = useTranslation();
  const { info } = useApp();
  const { dateTime, bytes } = useFormat();
  const errorText = useErrorText();
  const [backups, setBackups] = useState<Backup[] | null>(null);
  // Suggested beside the study: that folder surely exists, while the backup folder is only made by
  // the first automatic backup, and a manual copy into a missing folder is refused.
  const [target, setTarget] = useState(() => joinPath(folderOf(study.path), suggestedName(study, t('security.copyWord'), info.studyFileExtension)));
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [made, setMade] = useState<Backup | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const [status, setStatus] = useState<BackupStatus | null>(null);

  useEffect(() => {
    invoke('study.backups', {}).then(setBackups, setError);
    invoke('study.backupStatus', {}).then(setStatus, setError);
  }, []);

  async function save(path: string) {
    setError(null);
    setMade(null);
    setBusy(true);
    try {
      const backup = await invoke('study.backupNow', { path });
      setMade(backup);
      setBackups(await invoke('study.backups', {}));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function chooseAndSave() {
    setError(null);
    try {
      const { path } = await invoke('dialog.chooseBackupFile', { suggestedName: suggestedName(study, t('security.copyWord'), '').slice(0, 200) });
      if (path) await save(path);
    } catch (caught) {
      setError(caught);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!target.trim()) {
      showErrorsAndFocus(formRef.current, () => setFieldError(t('security.backupFileRequired')));
      return;
    }
    setFieldError(null);
    void save(target.trim());
  }

  // The native menu's "Save a backup copy…": the same as pressing the button.
  const onRequest = useEffectEvent(() => {
    if (info.nativeDialogs) void chooseAndSave();
    else formRef.current?.querySelector('input')?.focus();
  });
  useEffect(() => {
    // A command from outside (the menu), once per request: not a render cascade.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (request > 0) onRequest();
  }, [request]);

  return (
    <section className="card" aria-labelledby="backups-heading">
      <h3 id="backups-heading">{t('security.backupHeading')}</h3>
      {status ? <AutomaticBackupStatus status={status} /> : null}
      {info.nativeDialogs ? (
        <div className="actions">
          <Button variant="primary" onClick={() => void chooseAndSave()} disabled={busy}>
            {t('security.saveBackup')}
          </Button>
        </div>
      ) : (
        <form ref={formRef} onSubmit={submit} noValidate className="form">
          <TextField
            label={t('security.backupFile')}
            hint={t('security.backupFileHint')}
            value={target}
            onValueChange={setTarget}
            error={fieldError}
            className="input input--wide"
            spellCheck={false}
          />
          <div className="actions">
            <Button type="submit" variant="primary" disabled={busy}>
              {t('security.saveBackupNow')}
            </Button>
          </div>
        </form>
      )}
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {made ? <Alert tone="success">{t('security.backupSaved', { name: made.fileName })}</Alert> : null}

      {backups && backups.length === 0 ? <p className="muted">{t('security.backupsEmpty')}</p> : null}
      {backups && backups.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('security.backupsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('security.columnFile')}</th>
                <th scope="col">{t('security.columnWhen')}</th>
                <th scope="col" className="table__number">
                  {t('security.columnSize')}
                </th>
                <th scope="col">{t('security.columnKind')}</th>
              </tr>
            </thead>
            <tbody>
              {backups.map((backup) => (
                <tr key={backup.path}>
                  <th scope="row" className="table__file" title={backup.path}>
                    {backup.fileName}
                  </th>
                  <td>{dateTime(backup.takenAt)}</td>
                  <td className="table__number">{bytes(backup.bytes)}</td>
                  <td>{t(`security.kind.${backup.kind}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** Whether automatic backups are being made; a failure since the last good one is never silent. */
function AutomaticBackupStatus({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const failedSinceLast = status.lastFailureAt !== null && (status.lastAutomaticAt === null || status.lastFailureAt > status.lastAutomaticAt);
  return (
    <>
      {failedSinceLast ? <Alert tone="error">{t('security.automaticFailed', { when: dateTime(status.lastFailureAt!) })}</Alert> : null}
      <p className="muted">
        {status.lastAutomaticAt ? t('security.lastAutomatic', { when: dateTime(status.lastAutomaticAt) }) : t('security.noAutomaticYet')}
      </p>
    </>
  );
}
