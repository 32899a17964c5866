import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../bridge/index.js';
import { Button } from '../../ui/index.js';
import { codingChanged } from './codingEvents.js';
import type { Extent } from './layout.js';

interface PassageActionsProps {
  transcriptId: number;
  extent: Extent;
  position: { top: number; left: number };
  /** Open the code box for the selection. */
  onCode: () => void;
  /** A memo or quote was made: what to say. */
  onDone: (message: string) => void;
  onError: (error: unknown) => void;
}

/** A plain text as the memo editor's document: a paragraph per line. */
function memoBody(text: string) {
  return {
    type: 'doc',
    content: text
      .split(/\r?\n/)
      .map((line) => (line.trim() === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text: line }] })),
  };
}

/**
 * What can be done with text selected in the workspace, in a small bar beside it: code it, write a
 * memo on it, or mark it as a quote (its wording for publication is written in Quotes). The memo
 * here is a short note; the memos section is where memos are read and written at length.
 */
export function PassageActions({ transcriptId, extent, position, onCode, onDone, onError }: PassageActionsProps) {
  const { t } = useTranslation();
  const [memo, setMemo] = useState(false);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const ids = { title: useId(), text: useId() };
  const passage = { transcriptId, ...extent };

  async function quote() {
    setBusy(true);
    try {
      await invoke('quotes.create', { passage });
      const { undo } = await invoke('coding.codebook', {});
      codingChanged({ undo });
      onDone(t('coding.quoted'));
    } catch (caught) {
      onError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function saveMemo(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await invoke('memos.create', { title: title.trim(), target: { kind: 'passage', passage }, body: memoBody(text) });
      const { undo } = await invoke('coding.codebook', {});
      codingChanged({ undo });
      setMemo(false);
      onDone(t('coding.memoSaved'));
    } catch (caught) {
      onError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="passage-actions" role="group" aria-label={t('coding.selectionActions')} style={{ top: position.top, left: position.left }} onMouseDown={(event) => event.stopPropagation()}>
      {memo ? (
        <form className="passage-actions__memo" onSubmit={(event) => void saveMemo(event)}>
          <label htmlFor={ids.title}>{t('coding.memoTitle')}</label>
          <input id={ids.title} className="input" value={title} maxLength={300} onChange={(event) => setTitle(event.target.value)} autoFocus />
          <label htmlFor={ids.text}>{t('coding.memoText')}</label>
          <textarea id={ids.text} className="input" rows={4} value={text} onChange={(event) => setText(event.target.value)} />
          <div className="passage-actions__row">
            <Button variant="quiet" onClick={() => setMemo(false)}>
              {t('coding.box.cancel')}
            </Button>
            <Button variant="primary" type="submit" disabled={busy || (title.trim() === '' && text.trim() === '')}>
              {t('coding.memoSave')}
            </Button>
          </div>
        </form>
      ) : (
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
      )}
    </div>
  );
}
