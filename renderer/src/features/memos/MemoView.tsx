import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RichNode } from '../../../../shared/consent/contract.js';
import type { Memo } from '../../../../shared/memos/contract.js';
import { invoke } from '../../bridge/index.js';
import { useFormat } from '../../i18n/index.js';
import { Alert, Button, ConfirmDialog, TextField, errorCodeOf, useErrorText } from '../../ui/index.js';
import { useSaveBeforeLeaving } from '../study/useSaveBeforeLeaving.js';
import type { PassagePlace } from '../study/sections.js';
import { Autosave, type SaveState } from '../transcripts/editor/autosave.js';
import { MemoTextEditor } from './MemoTextEditor.js';
import { PassageExcerpt } from './PassageExcerpt.js';
import { useMemoAbout } from './useMemoAbout.js';

interface MemoViewProps {
  id: number;
  openPassage: (place: PassagePlace) => void;
  onBack: () => void;
  onDeleted: () => void;
}

/** One memo open: its title and text (saved as they are typed), what it is about, delete. */
export function MemoView({ id, openPassage, onBack, onDeleted }: MemoViewProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [loaded, setLoaded] = useState<{ generation: number; memo: Memo } | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Counts up to open the stored memo afresh (after a save was refused as stale).
  const [generation, setGeneration] = useState(0);
  const memo = loaded?.generation === generation ? loaded.memo : null;
  useEffect(() => {
    let live = true;
    invoke('memos.get', { id }).then(
      (fetched) => live && setLoaded({ generation, memo: fetched }),
      (caught: unknown) => live && setError(caught),
    );
    return () => {
      live = false;
    };
  }, [id, generation]);

  if (!memo) {
    return (
      <div className="stack">
        <BackButton onBack={onBack} />
        {error ? <Alert tone="error">{errorText(error)}</Alert> : <p role="status">{t('app.loading')}</p>}
      </div>
    );
  }
  return (
    <OpenMemo
      key={`${memo.id}:${generation}`}
      memo={memo}
      openPassage={openPassage}
      onBack={onBack}
      onDeleted={onDeleted}
      onReload={() => setGeneration((count) => count + 1)}
    />
  );
}

function BackButton({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <Button variant="quiet" onClick={onBack}>
        ← {t('memos.back')}
      </Button>
    </div>
  );
}

interface Draft {
  title: string;
  body: RichNode;
}

function OpenMemo({ memo, openPassage, onBack, onDeleted, onReload }: Omit<MemoViewProps, 'id'> & { memo: Memo; onReload: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { dateTime } = useFormat();
  const about = useMemoAbout();
  const [title, setTitle] = useState(memo.title);
  const draft = useRef<Draft>({ title: memo.title, body: memo.body });
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const [updatedAt, setUpdatedAt] = useState(memo.updatedAt);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const autosave = useRef<Autosave<Draft> | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The autosave's revision is the memo's `updatedAt` as a number (milliseconds): a save sends it
  // back as the time it started from, and the core refuses it if the memo was saved since.
  useEffect(() => {
    const saver = new Autosave<Draft>({
      revision: Date.parse(memo.updatedAt),
      read: () => draft.current,
      save: async (base, content) => {
        const saved = await invoke('memos.save', { id: memo.id, title: content.title, body: content.body, baseUpdatedAt: new Date(base).toISOString() });
        setUpdatedAt(saved.updatedAt);
        return { revision: Date.parse(saved.updatedAt) };
      },
      onState: setState,
      isStale: (caught) => errorCodeOf(caught) === 'memo.stale' || errorCodeOf(caught) === 'memo.missing',
    });
    autosave.current = saver;
    return () => {
      void saver.flush();
      saver.dispose();
      autosave.current = null;
    };
  }, [memo.id, memo.updatedAt]);

  useSaveBeforeLeaving(
    async () => {
      await autosave.current?.saveNow();
    },
    () => autosave.current?.hasUnsaved ?? false,
  );
  useEffect(() => {
    const saveWhenHidden = () => {
      if (document.visibilityState === 'hidden') void autosave.current?.flush();
    };
    document.addEventListener('visibilitychange', saveWhenHidden);
    return () => document.removeEventListener('visibilitychange', saveWhenHidden);
  }, []);
  useEffect(() => headingRef.current?.focus(), []);

  function changed(next: Partial<Draft>) {
    draft.current = { ...draft.current, ...next };
    autosave.current?.changed();
  }

  async function remove() {
    setConfirmDelete(false);
    setDeleteError(null);
    autosave.current?.dispose();
    try {
      await invoke('memos.delete', { id: memo.id });
      onDeleted();
    } catch (caught) {
      setDeleteError(caught);
    }
  }

  const changedLater = updatedAt.slice(0, 16) !== memo.createdAt.slice(0, 16);
  return (
    <div className="stack memo-view">
      <BackButton
        onBack={() => {
          void autosave.current?.flush();
          onBack();
        }}
      />
      <h2 className="page-heading" ref={headingRef} tabIndex={-1}>
        {title.trim() || t('memos.untitled')}
      </h2>
      <p className="muted memo-view__meta">
        {about(memo.target)}
        {' · '}
        {changedLater ? t('memos.writtenChanged', { date: dateTime(memo.createdAt), changed: dateTime(updatedAt) }) : t('memos.written', { date: dateTime(memo.createdAt) })}
      </p>
      {memo.target.kind === 'passage' ? <PassageExcerpt view={memo.target.passage} heading={t('memos.passageHeading')} onOpen={openPassage} /> : null}
      <TextField
        label={t('memos.title')}
        value={title}
        maxLength={300}
        className="input input--wide"
        onValueChange={(value) => {
          setTitle(value);
          changed({ title: value });
        }}
      />
      <MemoTextEditor initial={memo.body} label={t('memos.body')} onChange={(body) => changed({ body })} />
      <SaveStatus state={state} onReload={onReload} />
      {deleteError ? <Alert tone="error">{errorText(deleteError)}</Alert> : null}
      <div className="actions">
        <Button variant="danger" onClick={() => setConfirmDelete(true)}>
          {t('memos.delete')}
        </Button>
      </div>
      <ConfirmDialog
        open={confirmDelete}
        title={t('memos.deleteTitle')}
        body={t('memos.deleteBody', { title: title.trim() || t('memos.untitled') })}
        confirmLabel={t('memos.deleteConfirm')}
        cancelLabel={t('memos.deleteCancel')}
        onConfirm={() => void remove()}
        onCancel={() => setConfirmDelete(false)}
      />
    </div>
  );
}

function SaveStatus({ state, onReload }: { state: SaveState; onReload: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (state.kind === 'failed') {
    return (
      <Alert tone="error">
        {state.stale ? t('memos.stale', { error: errorText(state.error) }) : t('memos.saveFailed', { error: errorText(state.error) })}{' '}
        {state.stale ? (
          <Button variant="secondary" onClick={onReload}>
            {t('memos.reload')}
          </Button>
        ) : null}
      </Alert>
    );
  }
  return (
    <p className={state.kind === 'saved' ? 'save-status' : 'save-status save-status--dirty'} role="status">
      {state.kind === 'saved' ? t('memos.saved') : state.kind === 'saving' ? t('memos.saving') : t('memos.unsaved')}
    </p>
  );
}
