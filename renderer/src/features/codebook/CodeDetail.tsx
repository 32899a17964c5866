import { useEffect, useEffectEvent, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category, Code, CodeHistoryEntry } from '../../../../shared/coding/contract.js';
import { invoke } from '../../bridge/index.js';
import { Alert, Button, Field, TextField, errorCodeOf, isShortcut, shortcutLabel, useErrorText } from '../../ui/index.js';
import { useMemoAbout } from '../memos/useMemoAbout.js';
import { ColourPicker } from './ColourPicker.js';
import { MemosAbout } from './MemosAbout.js';
import { categoryOptions, compareCodes, countsOf } from './model.js';
import { useCodebookFormat } from './format.js';

interface CodeDetailProps {
  code: Code;
  byId: Map<number, Code>;
  categories: Category[];
  onOpen: (id: number) => void;
  onClose: () => void;
  onDirtyChange: (dirty: boolean) => void;
  onUpdate: (input: { id: number; name: string; colour: string; definition: string }) => Promise<unknown>;
  onPlace: (categoryId: number | null) => Promise<unknown>;
  onUnlink: (focusedCodeId: number, initialCodeId: number) => Promise<unknown>;
  onMerge: () => void;
  onSplit: () => void;
  onRaise: () => void;
  onDelete: () => void;
  onOpenMemo: (id: number) => void;
  onMemoCreated: () => void;
  /** Counts up when memos were written or changed elsewhere on the page. */
  memoVersion: number;
}

type Draft = { name: string; colour: string; definition: string };

/**
 * One code: its name, colour and definition (saved with the button or Ctrl+S, as elsewhere in the
 * app), its history, the codes it is linked to, its memos, and what can be done with it.
 */
export function CodeDetail(props: CodeDetailProps) {
  const { code, byId, categories, onOpen, onClose, onDirtyChange, onUpdate, onPlace, onUnlink, onMerge, onSplit, onRaise, onDelete, onOpenMemo, onMemoCreated, memoVersion } = props;
  const memoAbout = useMemoAbout();
  const { t } = useTranslation();
  const errorText = useErrorText();
  const format = useCodebookFormat();
  const headingId = useId();
  const stored: Draft = useMemo(() => ({ name: code.name, colour: code.colour, definition: code.definition }), [code.name, code.colour, code.definition]);
  const [draft, setDraft] = useState<Draft>(stored);
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [history, setHistory] = useState<CodeHistoryEntry[] | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  // What is stored changed (saved here, or undone): the form follows when it holds no edits of its own.
  const [base, setBase] = useState(stored);
  if (base !== stored) {
    setBase(stored);
    if (draft.name === base.name && draft.colour === base.colour && draft.definition === base.definition) setDraft(stored);
  }

  const dirty = draft.name !== stored.name || draft.colour !== stored.colour || draft.definition !== stored.definition;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  // The history is asked for once per version of the code (its updatedAt changes with every action on it).
  useEffect(() => {
    let live = true;
    invoke('coding.code', { id: code.id }).then(
      (answer) => live && setHistory(answer.history),
      () => live && setHistory([]),
    );
    return () => {
      live = false;
    };
  }, [code.id, code.updatedAt, code.codings, code.linked.length]);

  async function save(event?: FormEvent) {
    event?.preventDefault();
    const name = draft.name.trim();
    if (!name) {
      setNameError(t('codebook.detail.nameRequired'));
      nameRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    setNameError(null);
    try {
      await onUpdate({ id: code.id, name, colour: draft.colour, definition: draft.definition });
      setDraft({ ...draft, name });
      setSaved(true);
    } catch (caught) {
      if (errorCodeOf(caught) === 'code.nameTaken') {
        setNameError(t('codebook.nameTaken', { name, level: t(`codebook.levelLower.${code.level}`) }));
        nameRef.current?.focus();
      } else setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (isShortcut(event, 's') && dirty) {
      event.preventDefault();
      void save();
    }
  });
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const options = useMemo(() => categoryOptions(categories), [categories]);
  const counts = countsOf(code, byId);
  const linked = code.linked
    .map((id) => byId.get(id))
    .filter((linkedCode): linkedCode is Code => linkedCode !== undefined)
    .sort((a, b) => compareCodes(a, b, 'name'));

  return (
    <section className="card codebook-detail" aria-labelledby={headingId}>
      <div className="codebook-detail__head">
        <h3 id={headingId} tabIndex={-1} className="codebook-detail__title">
          <span className="codebook-swatch codebook-swatch--large" aria-hidden="true" style={{ background: code.colour }} />
          {code.name}
        </h3>
        <Button variant="quiet" onClick={onClose}>
          {t('codebook.detail.close')}
        </Button>
      </div>
      <p className="muted codebook-detail__facts">
        {t(`codebook.level.${code.level}`)} ·{' '}
        {code.level === 'focused' && code.linked.length > 0
          ? t('codebook.detail.codingsFound', { count: counts.codings, own: code.codings })
          : t('codebook.detail.codings', { count: counts.codings })}{' '}
        · {t('codebook.detail.interviews', { count: counts.interviews })}
      </p>

      <form className="form" onSubmit={save} noValidate>
        <TextField
          label={t('codebook.detail.name')}
          value={draft.name}
          inputRef={nameRef}
          className="input input--wide"
          maxLength={200}
          error={nameError}
          hint={code.level === 'initial' ? t('codebook.detail.nameHintInitial') : undefined}
          onValueChange={(name) => {
            setSaved(false);
            setNameError(null);
            setDraft({ ...draft, name });
          }}
        />
        <ColourPicker
          value={draft.colour}
          onChange={(colour) => {
            setSaved(false);
            setDraft({ ...draft, colour });
          }}
        />
        <Field label={t('codebook.detail.definition')} hint={t('codebook.detail.definitionHint')}>
          {(control) => (
            <textarea
              {...control}
              className="textarea"
              rows={4}
              maxLength={20_000}
              value={draft.definition}
              onChange={(event) => {
                setSaved(false);
                setDraft({ ...draft, definition: event.target.value });
              }}
            />
          )}
        </Field>
        {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
        <div className="actions">
          <Button type="submit" variant="primary" disabled={busy || !dirty} title={t('codebook.detail.saveShortcut', { keys: shortcutLabel('s') })}>
            {t('codebook.detail.save')}
          </Button>
          {dirty ? (
            <Button variant="quiet" onClick={() => setDraft(stored)}>
              {t('codebook.detail.revert')}
            </Button>
          ) : null}
          <p className={dirty ? 'save-status save-status--dirty' : 'save-status'} role="status">
            {dirty ? t('codebook.detail.unsaved') : saved ? t('codebook.detail.saved') : ''}
          </p>
        </div>
      </form>

      {code.level === 'focused' ? (
        <div className="form-section">
          <Field label={t('codebook.detail.placeUnder')} hint={t('codebook.detail.placeUnderHint')}>
            {(control) => (
              <select
                {...control}
                className="select"
                value={code.categoryId === null ? '' : String(code.categoryId)}
                onChange={(event) => {
                  const value = event.target.value;
                  onPlace(value === '' ? null : Number(value)).catch(setError);
                }}
              >
                <option value="">{t('codebook.detail.notPlaced')}</option>
                {options.map((option) => (
                  <option key={option.id} value={option.id}>
                    {'\u2003'.repeat(option.depth)}
                    {option.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      ) : null}

      <div className="form-section">
        <h4 id={`${headingId}-linked`} className="codebook-detail__subheading">
          {t(`codebook.detail.linkedHeading.${code.level}`)}
        </h4>
        {linked.length === 0 ? (
          <p className="muted">{t(`codebook.detail.linkedNone.${code.level}`)}</p>
        ) : (
          <ul className="codebook-linked" aria-labelledby={`${headingId}-linked`}>
            {linked.map((other) => (
              <li key={other.id}>
                <span className="codebook-swatch" aria-hidden="true" style={{ background: other.colour }} />
                <Button variant="quiet" title={other.name} onClick={() => onOpen(other.id)}>
                  {other.name}
                </Button>
                <span className="muted small">{t('codebook.detail.codings', { count: countsOf(other, byId).codings })}</span>
                <Button
                  variant="quiet"
                  className="codebook-linked__unlink"
                  aria-label={t('codebook.detail.unlinkLabel', { name: other.name })}
                  onClick={() => {
                    const [focused, initial] = code.level === 'focused' ? [code.id, other.id] : [other.id, code.id];
                    onUnlink(focused, initial).catch(setError);
                  }}
                >
                  {t('codebook.detail.unlink')}
                </Button>
              </li>
            ))}
          </ul>
        )}
        {code.level === 'initial' ? (
          <Button variant="secondary" onClick={onRaise}>
            {t('codebook.detail.raise')}
          </Button>
        ) : null}
      </div>

      <MemosAbout
        target={{ kind: 'code', codeId: code.id }}
        aboutLabel={memoAbout({ kind: 'code', codeId: code.id, name: code.name, level: code.level })}
        heading={t('codebook.detail.memosHeading')}
        none={t('codebook.detail.memosNone')}
        version={`${code.memos}:${memoVersion}`}
        onOpen={onOpenMemo}
        onCreated={onMemoCreated}
      />

      <div className="form-section">
        <h4 id={`${headingId}-history`} className="codebook-detail__subheading">
          {t('codebook.detail.historyHeading')}
        </h4>
        {history === null ? (
          <p className="muted" role="status">
            {t('app.loading')}
          </p>
        ) : history.length === 0 ? (
          <p className="muted">{t('codebook.detail.historyNone')}</p>
        ) : (
          <ol className="codebook-history" aria-labelledby={`${headingId}-history`}>
            {[...history].reverse().map((entry, index) => (
              <li key={`${entry.at}-${index}`}>{format.historyEntry(entry)}</li>
            ))}
          </ol>
        )}
      </div>

      <div className="form-section">
        <div className="actions">
          <Button variant="secondary" onClick={onMerge}>
            {t('codebook.detail.mergeInto')}
          </Button>
          <Button variant="secondary" onClick={onSplit}>
            {t('codebook.detail.split')}
          </Button>
          <Button variant="danger" onClick={onDelete}>
            {t('codebook.detail.delete')}
          </Button>
        </div>
      </div>
    </section>
  );
}
