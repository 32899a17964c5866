import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/AppContext.js';
import { invoke } from '../bridge/index.js';
import { Button } from './Button.js';
import { TextField } from './TextField.js';
import { useErrorText } from './forms.js';

export interface ExportFileFieldProps {
  label: string;
  hint?: string;
  /** The full path of the file to write. */
  value: string;
  onValueChange: (path: string) => void;
  /** The export's format, as its file extension (`docx`, `xlsx`, `pdf`, `ics`, …): the dialog offers it. */
  format: string;
  error?: string | null;
}

/**
 * Where an export goes: the path, typed or chosen with the system's save dialog ("Choose…") where
 * the app has one. Every export uses this field, so they all behave alike.
 */
export function ExportFileField({ label, hint, value, onValueChange, format, error }: ExportFileFieldProps) {
  const { t } = useTranslation();
  const { info } = useApp();
  const errorText = useErrorText();
  const [dialogError, setDialogError] = useState<unknown>(null);

  async function choose() {
    setDialogError(null);
    try {
      const { path } = await invoke('dialog.chooseExportFile', { suggestedPath: value.trim(), format });
      if (path) onValueChange(path);
    } catch (caught) {
      setDialogError(caught);
    }
  }

  return (
    <TextField
      label={label}
      hint={hint}
      value={value}
      onValueChange={onValueChange}
      error={error ?? (dialogError ? errorText(dialogError) : null)}
      className="input input--wide"
      spellCheck={false}
      after={
        info.nativeDialogs ? (
          <Button variant="secondary" onClick={() => void choose()}>
            {t('common.choose')}
          </Button>
        ) : null
      }
    />
  );
}
