import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudySettings } from '../../../../shared/study/contract.js';
import { useApp } from '../../app/AppContext.js';
import { GroundworkError, invoke } from '../../bridge/index.js';
import { useFormat } from '../../i18n/index.js';
import { Alert, Button, TextField, showErrorsAndFocus, useErrorText } from '../../ui/index.js';

const idleMin = 0.05;
const idleMax = 480;

interface Draft {
  idleLockMinutes: string;
  backupFolder: string;
  backupsToKeep: string;
}

type DraftErrors = Partial<Record<keyof Draft, string>>;

/** Reads a number typed with a comma or a point as the decimal mark. */
function parseNumber(text: string): number | null {
  const normalised = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(normalised)) return null;
  return Number(normalised);
}

interface SettingsFormProps {
  settings: StudySettings;
  onSaved: (settings: StudySettings) => void;
}

/** The idle lock and where automatic backups go. */
export function SettingsForm({ settings, onSaved }: SettingsFormProps) {
  const { t } = useTranslation();
  const { info } = useApp();
  const { locale } = useFormat();
  const errorText = useErrorText();
  const number = (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  const toDraft = (from: StudySettings): Draft => ({
    idleLockMinutes: new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false }).format(from.idleLockMinutes),
    backupFolder: from.backupFolder,
    backupsToKeep: String(from.backupsToKeep),
  });
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  // When the settings change from outside (first load), show them.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- toDraft depends only on locale
  useEffect(() => setDraft(toDraft(settings)), [settings]);

  const change = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setSaved(false);
  };

  async function chooseFolder() {
    try {
      const { path } = await invoke('dialog.chooseFolder', { current: draft.backupFolder });
      if (path) change({ backupFolder: path });
    } catch (caught) {
      setError(caught);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    const idle = parseNumber(draft.idleLockMinutes);
    const keep = parseNumber(draft.backupsToKeep);
    const found: DraftErrors = {};
    if (idle === null || idle < idleMin || idle > idleMax) found.idleLockMinutes = t('security.idleLockInvalid', { min: number(idleMin), max: number(idleMax) });
    if (!draft.backupFolder.trim()) found.backupFolder = t('security.backupFolderRequired');
    if (keep === null || !Number.isInteger(keep) || keep < 1 || keep > 100) found.backupsToKeep = t('security.backupsToKeepInvalid');
    if (Object.keys(found).length > 0 || idle === null || keep === null) {
      showErrorsAndFocus(formRef.current, () => setErrors(found));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const stored = await invoke('study.updateSettings', { idleLockMinutes: idle, backupFolder: draft.backupFolder.trim(), backupsToKeep: keep });
      onSaved(stored);
      setSaved(true);
    } catch (caught) {
      const fields = caught instanceof GroundworkError && caught.code === 'input.invalid' ? (caught.fields ?? []) : [];
      const marked: DraftErrors = {};
      for (const field of fields) if (field in draft) marked[field as keyof Draft] = t('security.settingsInvalid');
      showErrorsAndFocus(formRef.current, () => {
        setErrors(marked);
        setError(caught);
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} className="form card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="settings-heading">
      <h3 id="settings-heading">{t('security.settingsHeading')}</h3>
      <TextField
        label={t('security.idleLock')}
        hint={t('security.idleLockHint', { max: number(idleMax) })}
        value={draft.idleLockMinutes}
        onValueChange={(idleLockMinutes) => change({ idleLockMinutes })}
        error={errors.idleLockMinutes}
        inputMode="decimal"
        className="input input--number"
        after={<span className="unit">{t('security.idleLockUnit')}</span>}
      />
      <TextField
        label={t('security.backupFolder')}
        hint={t('security.backupFolderHint')}
        value={draft.backupFolder}
        onValueChange={(backupFolder) => change({ backupFolder })}
        error={errors.backupFolder}
        className="input input--wide"
        spellCheck={false}
        after={
          info.nativeDialogs ? (
            <Button variant="secondary" onClick={() => void chooseFolder()}>
              {t('common.choose')}
            </Button>
          ) : null
        }
      />
      <TextField
        label={t('security.backupsToKeep')}
        hint={t('security.backupsToKeepHint')}
        value={draft.backupsToKeep}
        onValueChange={(backupsToKeep) => change({ backupsToKeep })}
        error={errors.backupsToKeep}
        inputMode="numeric"
        className="input input--number"
      />
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      <div className="actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {t('security.saveSettings')}
        </Button>
        <p role="status" className="save-status">
          {saved ? t('security.settingsSaved') : ''}
        </p>
      </div>
    </form>
  );
}
