import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/index.js';

/** Opened from the native menu (Help → About). */
export function AboutDialog({ open, version, onClose }: { open: boolean; version: string; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (open && dialog && !dialog.open) dialog.showModal();
    if (!open && dialog?.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={id} onClose={onClose}>
      <h2 id={id} className="dialog__title">
        {t('app.name')}
      </h2>
      <p>{t('app.tagline')}</p>
      <p>{t('about.version', { version })}</p>
      <div className="actions">
        <Button variant="primary" onClick={onClose} autoFocus>
          {t('about.close')}
        </Button>
      </div>
    </dialog>
  );
}
