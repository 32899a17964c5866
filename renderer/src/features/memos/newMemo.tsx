import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Passage, UndoState } from '../../../../shared/coding/contract.js';
import type { Memo, MemoTargetInput, MemoTargets } from '../../../../shared/memos/contract.js';
import { invoke } from '../../bridge/index.js';
import { Alert, Button, Field, TextField, showErrorsAndFocus, useErrorText } from '../../ui/index.js';

/**
 * Making a memo, for the memos page and for other views (the coding workspace): a function that
 * makes one on a passage, a form, and the form in a dialog.
 */

/**
 * Makes a memo on a passage of an anonymised transcript (the core refuses a raw one:
 * `memo.passageRaw`); one step of the study's undo, whose state comes with the answer.
 */
export function createMemoForPassage(passage: Passage, title = ''): Promise<{ memo: Memo; undo: UndoState }> {
  return invoke('memos.create', { title, target: { kind: 'passage', passage } });
}

interface NewMemoFormProps {
  /**
   * What the memo is about. Given: fixed (a passage, a code or a category chosen elsewhere), shown
   * as `aboutLabel`. Not given: the researcher chooses free, a code or a category from `targets`.
   */
  target?: MemoTargetInput | undefined;
  aboutLabel?: string | undefined;
  targets?: MemoTargets | undefined;
  /** The memo made, and the study's undo state after it (making a memo is one undo step). */
  onCreated: (memo: Memo, undo: UndoState) => void;
  onCancel: () => void;
  headingId?: string;
}

type Choice = 'free' | 'code' | 'category';

/** The new memo form: a title and what it is about. */
export function NewMemoForm({ target, aboutLabel, targets, onCreated, onCancel, headingId = 'memo-new-heading' }: NewMemoFormProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const formRef = useRef<HTMLFormElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [choice, setChoice] = useState<Choice>('free');
  const [codeId, setCodeId] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => titleRef.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!target && choice === 'code' && !codeId) errors.code = t('memos.codeRequired');
    if (!target && choice === 'category' && !categoryId) errors.category = t('memos.categoryRequired');
    if (Object.keys(errors).length > 0) {
      showErrorsAndFocus(formRef.current, () => setFieldErrors(errors));
      return;
    }
    setFieldErrors({});
    setError(null);
    setBusy(true);
    const chosen: MemoTargetInput =
      target ?? (choice === 'code' ? { kind: 'code', codeId: Number(codeId) } : choice === 'category' ? { kind: 'category', categoryId: Number(categoryId) } : { kind: 'free' });
    try {
      const { memo, undo } = await invoke('memos.create', { title: title.trim(), target: chosen });
      onCreated(memo, undo);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  const codes = targets?.codes ?? [];
  const categories = targets?.categories ?? [];
  return (
    <form ref={formRef} className="form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={headingId}>
      <TextField label={t('memos.title')} hint={t('memos.titleHint')} value={title} onValueChange={setTitle} maxLength={300} className="input input--wide" inputRef={titleRef} />
      {target ? (
        aboutLabel ? (
          <p className="muted">{aboutLabel}</p>
        ) : null
      ) : (
        <>
          <fieldset className="fieldset radio-group">
            <legend>{t('memos.about')}</legend>
            {(
              [
                ['free', t('memos.aboutFree')],
                ...(codes.length > 0 ? [['code', t('memos.aboutCode')]] : []),
                ...(categories.length > 0 ? [['category', t('memos.aboutCategory')]] : []),
              ] as [Choice, string][]
            ).map(([option, label]) => (
              <div className="radio" key={option}>
                <input type="radio" id={`${headingId}-about-${option}`} name={`${headingId}-about`} checked={choice === option} onChange={() => setChoice(option)} />
                <label htmlFor={`${headingId}-about-${option}`}>{label}</label>
              </div>
            ))}
          </fieldset>
          {choice === 'code' ? (
            <Field label={t('memos.chooseCode')} error={fieldErrors.code}>
              {(control) => (
                <select {...control} className="select" value={codeId} onChange={(event) => setCodeId(event.target.value)}>
                  <option value="">{t('memos.chooseOne')}</option>
                  {codes.map((code) => (
                    <option key={code.id} value={code.id}>
                      {code.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          {choice === 'category' ? (
            <Field label={t('memos.chooseCategory')} error={fieldErrors.category}>
              {(control) => (
                <select {...control} className="select" value={categoryId} onChange={(event) => setCategoryId(event.target.value)}>
                  <option value="">{t('memos.chooseOne')}</option>
                  {categories.map((category) => (
                    <option key={category.id} value={category.id}>
                      {category.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
        </>
      )}
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      <div className="actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? t('memos.creating') : t('memos.create')}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          {t('memos.cancel')}
        </Button>
      </div>
    </form>
  );
}

interface NewMemoDialogProps extends Omit<NewMemoFormProps, 'headingId'> {
  open: boolean;
}

/**
 * The new memo form in a modal dialog, for views that make a memo on what they show (the coding
 * workspace: `target={{ kind: 'passage', passage }}` with `aboutLabel` naming it). Escape cancels.
 */
export function NewMemoDialog({ open, onCancel, ...form }: NewMemoDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog memo-dialog"
      aria-labelledby="memo-dialog-heading"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id="memo-dialog-heading" className="dialog__title">
        {t('memos.newHeading')}
      </h2>
      {open ? <NewMemoForm {...form} onCancel={onCancel} headingId="memo-dialog-heading" /> : null}
    </dialog>
  );
}
