import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { accessExportFormats, type AccessExportFormat } from '../../../../shared/withdrawal/contract.js';
import { fileNameOf, fileSafe, folderOf, joinPath } from '../../app/paths.js';
import { invoke } from '../../bridge/index.js';
import { currentLanguage, useFormat } from '../../i18n/index.js';
import { Alert, Button, ExportFileField, showErrorsAndFocus, useErrorText } from '../../ui/index.js';
import type { WithdrawalProps } from './WithdrawParticipant.js';

function withExtension(path: string, format: AccessExportFormat): string {
  return path.replace(/\.(docx|pdf|json)$/i, '') + `.${format}`;
}

/**
 * The data subject's access export (GDPR art. 15 and 20): everything stored about one participant,
 * as a readable DOCX or PDF in the language the researcher works in, or as JSON.
 */
export function AccessExport({ participantId, pseudonym, onDone }: WithdrawalProps) {
  const { t } = useTranslation();
  const { bytes } = useFormat();
  const errorText = useErrorText();
  const id = useId();
  const [format, setFormat] = useState<AccessExportFormat>('docx');
  const [target, setTarget] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<{ path: string; bytes: number } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // Suggested beside the study file: a folder that surely exists and that the researcher knows.
  useEffect(() => {
    let current = true;
    invoke('study.state', {}).then(
      (state) => {
        if (!current || state.status !== 'open') return;
        const name = `${t('withdrawal.fileWord')} ${fileSafe(pseudonym)}.docx`;
        setTarget((existing) => existing || joinPath(folderOf(state.study.path), name));
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [pseudonym, t]);

  function choose(next: AccessExportFormat) {
    setFormat(next);
    setTarget((path) => (path ? withExtension(path, next) : path));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!target.trim()) {
      showErrorsAndFocus(formRef.current, () => setFieldError(t('withdrawal.exportFileRequired')));
      return;
    }
    setFieldError(null);
    setError(null);
    setSaved(null);
    setBusy(true);
    try {
      setSaved(await invoke('withdrawal.accessExport', { participantId, format, language: currentLanguage(), path: target.trim() }));
      onDone?.();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('withdrawal.exportHeading', { pseudonym })}</h3>
      <p className="muted">{t('withdrawal.exportIntro')}</p>
      <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate className="form">
        <fieldset className="fieldset radio-group">
          <legend>{t('withdrawal.format')}</legend>
          {accessExportFormats.map((option) => (
            <div className="radio" key={option}>
              <input
                type="radio"
                id={`${id}-format-${option}`}
                name={`${id}-format`}
                value={option}
                checked={format === option}
                onChange={() => choose(option)}
              />
              <label htmlFor={`${id}-format-${option}`}>{t(`withdrawal.formats.${option}`)}</label>
            </div>
          ))}
        </fieldset>
        <ExportFileField
          label={t('withdrawal.exportFile')}
          hint={t('withdrawal.exportFileHint')}
          value={target}
          onValueChange={setTarget}
          format={format}
          error={fieldError}
        />
        {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
        {saved ? <Alert tone="success">{t('withdrawal.exported', { name: fileNameOf(saved.path), size: bytes(saved.bytes) })}</Alert> : null}
        <div className="actions">
          <Button type="submit" variant="primary" disabled={busy}>
            {t('withdrawal.exportButton')}
          </Button>
        </div>
      </form>
    </section>
  );
}
