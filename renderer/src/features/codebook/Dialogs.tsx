import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../../shared/coding/contract.js';
import type { ComparedPassage } from '../../../../shared/comparison/contract.js';
import { invoke } from '../../bridge/index.js';
import { Button, TextField, errorCodeOf } from '../../ui/index.js';
import { CodePicker } from './CodePicker.js';
import { FormDialog } from './FormDialog.js';

interface MergeDialogProps {
  /** The codes to merge (one, when merging the open code into another). */
  sources: Code[];
  codes: Code[];
  onMerge: (sourceIds: number[], targetId: number) => Promise<unknown>;
  onCancel: () => void;
}

/** Merge many codes into one: the researcher chooses which one stays (one of them, or another code). */
export function MergeDialog({ sources, codes, onMerge, onCancel }: MergeDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const sourceIds = useMemo(() => new Set(sources.map((code) => code.id)), [sources]);
  const others = useMemo(() => codes.filter((code) => !sourceIds.has(code.id)), [codes, sourceIds]);
  const [choice, setChoice] = useState<number | 'other'>(sources.length > 1 ? sources[0]!.id : 'other');
  const [other, setOther] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [pickError, setPickError] = useState<string | null>(null);

  const targetId = choice === 'other' ? other : choice;
  const target = targetId === null ? undefined : codes.find((code) => code.id === targetId);
  const merged = sources.filter((code) => code.id !== targetId);

  async function submit() {
    if (!target) {
      setPickError(t('codebook.merge.chooseTarget'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onMerge(
        merged.map((code) => code.id),
        target.id,
      );
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <FormDialog
      title={sources.length > 1 ? t('codebook.merge.titleMany', { count: sources.length }) : t('codebook.merge.titleOne', { name: sources[0]?.name ?? '' })}
      submitLabel={t('codebook.merge.submit')}
      cancelLabel={t('codebook.cancel')}
      onSubmit={() => void submit()}
      onCancel={onCancel}
      busy={busy}
      error={error}
    >
      {sources.length > 1 ? (
        <fieldset className="fieldset">
          <legend>{t('codebook.merge.keep')}</legend>
          <div className="radio-group codebook-merge__choices">
            {sources.map((code) => (
              <div className="radio" key={code.id}>
                <input type="radio" id={`${id}-${code.id}`} name={`${id}-target`} checked={choice === code.id} onChange={() => setChoice(code.id)} />
                <label htmlFor={`${id}-${code.id}`}>
                  <span className="codebook-swatch" aria-hidden="true" style={{ background: code.colour }} /> {code.name}{' '}
                  <span className="muted small">
                    {t(`codebook.levelLower.${code.level}`)}, {t('codebook.detail.codings', { count: code.codings })}
                  </span>
                </label>
              </div>
            ))}
            <div className="radio">
              <input type="radio" id={`${id}-other`} name={`${id}-target`} checked={choice === 'other'} onChange={() => setChoice('other')} />
              <label htmlFor={`${id}-other`}>{t('codebook.merge.another')}</label>
            </div>
          </div>
        </fieldset>
      ) : null}
      {choice === 'other' ? (
        <CodePicker
          label={t('codebook.merge.into')}
          codes={others}
          value={other}
          showLevel
          error={pickError}
          onChange={(value) => {
            setPickError(null);
            setOther(value);
          }}
        />
      ) : null}
      <p className="muted">
        {target
          ? t('codebook.merge.explain', { count: merged.length, target: target.name })
          : t('codebook.merge.explainNoTarget')}
      </p>
    </FormDialog>
  );
}

interface SplitDialogProps {
  code: Code;
  onSplit: (newName: string, codingIds: number[]) => Promise<unknown>;
  onCancel: () => void;
}

/** Split one code into two: a name for the new one, and which of the code's passages move to it. */
export function SplitDialog({ code, onSplit, onCancel }: SplitDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [passages, setPassages] = useState<ComparedPassage[] | null>(null);
  const [loadError, setLoadError] = useState(false);
  const [moving, setMoving] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    invoke('comparison.passages', { source: { kind: 'code', id: code.id }, conditions: [], participantId: null, overlapping: null }).then(
      // Only the code's own codings: a focused code's list also holds the passages it subsumes.
      (answer) => live && setPassages(answer.passages.filter((passage) => passage.codeId === code.id && passage.subsumedBy === null)),
      () => live && setLoadError(true),
    );
    return () => {
      live = false;
    };
  }, [code.id]);

  async function submit() {
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError(t('codebook.split.nameRequired'));
      nameRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSplit(trimmed, [...moving]);
    } catch (caught) {
      setBusy(false);
      if (errorCodeOf(caught) === 'code.nameTaken') {
        setNameError(t('codebook.nameTaken', { name: trimmed, level: t(`codebook.levelLower.${code.level}`) }));
        nameRef.current?.focus();
      } else setError(caught);
    }
  }

  const toggle = (codingId: number) =>
    setMoving((current) => {
      const next = new Set(current);
      if (next.has(codingId)) next.delete(codingId);
      else next.add(codingId);
      return next;
    });

  return (
    <FormDialog
      wide
      title={t('codebook.split.title', { name: code.name })}
      submitLabel={t('codebook.split.submit')}
      cancelLabel={t('codebook.cancel')}
      onSubmit={() => void submit()}
      onCancel={onCancel}
      busy={busy}
      error={error}
    >
      <TextField
        label={t('codebook.split.newName')}
        hint={t('codebook.split.newNameHint', { name: code.name })}
        value={name}
        inputRef={nameRef}
        maxLength={200}
        className="input input--wide"
        error={nameError}
        onValueChange={(value) => {
          setNameError(null);
          setName(value);
        }}
        autoFocus
      />
      <fieldset className="fieldset">
        <legend>{t('codebook.split.passages')}</legend>
        {passages === null ? (
          loadError ? (
            <p className="muted">{t('codebook.split.passagesFailed')}</p>
          ) : (
            <p className="muted" role="status">
              {t('app.loading')}
            </p>
          )
        ) : passages.length === 0 ? (
          <p className="muted">{t('codebook.split.noPassages')}</p>
        ) : (
          <>
            <p className="muted small" aria-live="polite">
              {t('codebook.split.moving', { moved: moving.size, count: passages.length, name: name.trim() || t('codebook.split.theNewCode') })}
            </p>
            <div className="actions codebook-split__all">
              <Button variant="quiet" onClick={() => setMoving(new Set(passages.map((passage) => passage.codingId)))}>
                {t('codebook.split.all')}
              </Button>
              <Button variant="quiet" onClick={() => setMoving(new Set())}>
                {t('codebook.split.none')}
              </Button>
            </div>
            <ul className="codebook-passages">
              {passages.map((passage) => (
                <li key={passage.codingId} className="checkbox codebook-passage">
                  <input type="checkbox" id={`${id}-${passage.codingId}`} checked={moving.has(passage.codingId)} onChange={() => toggle(passage.codingId)} />
                  <label htmlFor={`${id}-${passage.codingId}`}>
                    <span className="codebook-passage__where">
                      {passage.fromLine === passage.toLine
                        ? t('codebook.split.whereLine', { pseudonym: passage.pseudonym, line: passage.fromLine })
                        : t('codebook.split.whereLines', { pseudonym: passage.pseudonym, from: passage.fromLine, to: passage.toLine })}
                    </span>
                    <span className="codebook-passage__text">
                      {passage.anonymised ? excerpt(passage.lines.map((line) => line.text).join(' ')) : <span className="muted">{t('codebook.split.raw')}</span>}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </>
        )}
      </fieldset>
    </FormDialog>
  );
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 240 ? `${flat.slice(0, 239)}…` : flat;
}

interface RaiseDialogProps {
  initial: Code[];
  focused: Code[];
  onRaise: (focused: { id: number } | { name: string }) => Promise<unknown>;
  onCancel: () => void;
}

/** Raise initial codes into a focused code: a new one by name, or one that exists. */
export function RaiseDialog({ initial, focused, onRaise, onCancel }: RaiseDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [name, setName] = useState('');
  const [existing, setExisting] = useState<number | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  async function submit() {
    let target: { id: number } | { name: string };
    if (mode === 'new') {
      const trimmed = name.trim();
      if (!trimmed) {
        setNameError(t('codebook.raise.nameRequired'));
        nameRef.current?.focus();
        return;
      }
      target = { name: trimmed };
    } else {
      if (existing === null) {
        setPickError(t('codebook.raise.chooseExisting'));
        return;
      }
      target = { id: existing };
    }
    setBusy(true);
    setError(null);
    try {
      await onRaise(target);
    } catch (caught) {
      setBusy(false);
      if (errorCodeOf(caught) === 'code.nameTaken' && 'name' in target) {
        setNameError(t('codebook.raise.nameTaken', { name: target.name }));
        nameRef.current?.focus();
      } else setError(caught);
    }
  }

  return (
    <FormDialog
      title={t('codebook.raise.title', { count: initial.length })}
      submitLabel={t('codebook.raise.submit')}
      cancelLabel={t('codebook.cancel')}
      onSubmit={() => void submit()}
      onCancel={onCancel}
      busy={busy}
      error={error}
    >
      <p className="codebook-raise__codes">
        {initial.map((code) => (
          <span key={code.id} className="codebook-chip">
            <span className="codebook-swatch" aria-hidden="true" style={{ background: code.colour }} />
            {code.name}
          </span>
        ))}
      </p>
      <fieldset className="fieldset">
        <legend>{t('codebook.raise.into')}</legend>
        <div className="radio-group">
          <div className="radio">
            <input type="radio" id={`${id}-new`} name={`${id}-mode`} checked={mode === 'new'} onChange={() => setMode('new')} />
            <label htmlFor={`${id}-new`}>{t('codebook.raise.newFocused')}</label>
          </div>
          <div className="radio">
            <input
              type="radio"
              id={`${id}-existing`}
              name={`${id}-mode`}
              checked={mode === 'existing'}
              disabled={focused.length === 0}
              onChange={() => setMode('existing')}
            />
            <label htmlFor={`${id}-existing`}>
              {t('codebook.raise.existingFocused')}
              {focused.length === 0 ? <span className="muted small"> {t('codebook.raise.noneYet')}</span> : null}
            </label>
          </div>
        </div>
      </fieldset>
      {mode === 'new' ? (
        <TextField
          label={t('codebook.raise.name')}
          hint={t('codebook.raise.nameHint')}
          value={name}
          inputRef={nameRef}
          maxLength={200}
          className="input input--wide"
          error={nameError}
          autoFocus
          onValueChange={(value) => {
            setNameError(null);
            setName(value);
          }}
        />
      ) : (
        <CodePicker
          label={t('codebook.raise.existing')}
          codes={focused}
          value={existing}
          error={pickError}
          onChange={(value) => {
            setPickError(null);
            setExisting(value);
          }}
        />
      )}
      <p className="muted">{t('codebook.raise.explain')}</p>
    </FormDialog>
  );
}
