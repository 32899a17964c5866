import { useTranslation } from 'react-i18next';
import { parseUndoLabel } from '../../../../shared/coding/contract.js';
import { Button } from '../../ui/index.js';
import { useUndoState } from './codingEvents.js';
import { undoCoding } from './useCodingUndo.js';

const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const undoKeys = mac ? '⌘Z' : 'Ctrl+Z';
export const redoKeys = mac ? '⇧⌘Z' : 'Ctrl+Shift+Z';

/** An undo step's label in words: "apply “feeling seen”", "remove “feeling seen”, “keeping distance”". */
export function useUndoText(): (label: string | null | undefined) => string {
  const { t } = useTranslation();
  // The label's count is of the things concerned (codings, codes), not of its names: only the names are said.
  const list = (names: readonly string[]) => names.map((name) => `“${name}”`).join(', ');
  return (label) => {
    const parsed = label ? parseUndoLabel(label) : null;
    if (!parsed) return t('coding.action.unknown');
    return t(`coding.action.${parsed.action}`, { names: list(parsed.names) }).trim();
  };
}

/**
 * Undo and Redo of the study's coding actions, each saying what it would undo in its tooltip
 * ("Undo apply “feeling seen” (Ctrl+Z)"). For any view of the analysis.
 */
export function UndoButtons({ onError }: { onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const state = useUndoState();
  const text = useUndoText();
  const undoTitle = state.undo ? t('coding.undoWhat', { what: text(state.undo.label), keys: undoKeys }) : t('coding.nothingToUndo');
  const redoTitle = state.redo ? t('coding.redoWhat', { what: text(state.redo.label), keys: redoKeys }) : t('coding.nothingToRedo');
  return (
    <span className="coding-undo">
      <Button variant="quiet" disabled={!state.undo} title={undoTitle} aria-description={undoTitle} aria-keyshortcuts="Control+Z Meta+Z" onClick={() => undoCoding('undo').catch(onError)}>
        {t('coding.undo')}
      </Button>
      <Button variant="quiet" disabled={!state.redo} title={redoTitle} aria-description={redoTitle} aria-keyshortcuts="Control+Shift+Z Control+Y Meta+Shift+Z" onClick={() => undoCoding('redo').catch(onError)}>
        {t('coding.redo')}
      </Button>
    </span>
  );
}
