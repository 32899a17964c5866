import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/index.js';
import { NewMemoDialog } from '../memos/newMemo.js';
import { showMemo } from '../memos/showMemo.js';
import { markQuote } from '../quotes/markQuote.js';
import { codingChanged } from './codingEvents.js';
import type { Extent } from './layout.js';

interface PassageActionsProps {
  transcriptId: number;
  extent: Extent;
  /** The passage in words, for the memo ("Deltaker 1, lines 3–4"). */
  where: string;
  position: { top: number; left: number };
  /** Open the code box for the selection. */
  onCode: () => void;
  /** A quote was marked: what to say. */
  onDone: (message: string) => void;
  onError: (error: unknown) => void;
  navigate: (section: string) => void;
}

/**
 * What can be done with text selected in the workspace, in a small bar under it: code it, write a
 * memo on it (the memos section's dialog; the memo then opens there to be written), or mark it as
 * a quote (its wording for publication is written in Quotes). Both are steps of the study's undo.
 */
export function PassageActions({ transcriptId, extent, where, position, onCode, onDone, onError, navigate }: PassageActionsProps) {
  const { t } = useTranslation();
  const [memo, setMemo] = useState(false);
  const [busy, setBusy] = useState(false);
  const passage = { transcriptId, ...extent };

  async function quote() {
    setBusy(true);
    try {
      const { undo } = await markQuote(passage);
      codingChanged({ undo });
      onDone(t('coding.quoted'));
    } catch (caught) {
      onError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="passage-actions" role="group" aria-label={t('coding.selectionActions')} style={{ top: position.top, left: position.left }} onMouseDown={(event) => event.stopPropagation()}>
      <div className="passage-actions__row">
        <Button variant="primary" aria-keyshortcuts="C" onClick={onCode}>
          {t('coding.codeSelection')}
        </Button>
        <Button variant="secondary" onClick={() => setMemo(true)}>
          {t('coding.memo')}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={() => void quote()}>
          {t('coding.quote')}
        </Button>
      </div>
      <NewMemoDialog
        open={memo}
        target={{ kind: 'passage', passage }}
        aboutLabel={where}
        onCancel={() => setMemo(false)}
        onCreated={(created, undo) => {
          setMemo(false);
          codingChanged({ undo });
          showMemo(created.id, navigate);
        }}
      />
    </div>
  );
}
