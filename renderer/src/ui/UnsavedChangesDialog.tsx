import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from './ConfirmDialog.js';

interface UnsavedChangesDialogProps {
  open: boolean;
  /** Stay on the page; the changes are kept. */
  onStay: () => void;
  /** Leave anyway; the caller forgets its unsaved state and goes where it was going. */
  onDiscard: () => void;
}

/** The one question asked wherever leaving a page would lose changes that are not saved yet. */
export function UnsavedChangesDialog({ open, onStay, onDiscard }: UnsavedChangesDialogProps) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      open={open}
      title={t('leave.title')}
      body={t('leave.body')}
      cancelLabel={t('leave.stay')}
      confirmLabel={t('leave.discard')}
      onCancel={onStay}
      onConfirm={onDiscard}
    />
  );
}
