import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category, Code } from '../../../../shared/coding/contract.js';
import type { Quote } from '../../../../shared/quotes/contract.js';
import { invoke } from '../../bridge/index.js';
import { Alert, Button, Field, TextField, useErrorText } from '../../ui/index.js';
import { useMemoAbout } from '../memos/useMemoAbout.js';
import { ColourPicker } from './ColourPicker.js';
import { MemosAbout } from './MemosAbout.js';
import { childrenByParent, countsOf } from './model.js';

interface CategoryPanelProps {
  category: Category;
  categories: Category[];
  byId: Map<number, Code>;
  onUpdate: (input: { id: number; name: string; colour: string; quoteId: number | null }) => Promise<unknown>;
  onCreateSub: (name: string, parentId: number) => Promise<unknown>;
  onPlace: (codeIds: number[], categoryId: number | null) => Promise<unknown>;
  onDelete: () => void;
  onOpenCode: (id: number) => void;
  onClose: () => void;
  onOpenMemo: (id: number) => void;
  onMemoCreated: () => void;
  memoVersion: number;
  onDirtyChange: (dirty: boolean) => void;
}

/**
 * The chosen category: its name and colour, the participant's quote that may name it, its memo on
 * properties and conditions, its codes, a new subcategory, and deleting it.
 */
export function CategoryPanel(props: CategoryPanelProps) {
  const { category, categories, byId, onUpdate, onCreateSub, onPlace, onDelete, onOpenCode, onClose, onOpenMemo, onMemoCreated, memoVersion, onDirtyChange } = props;
  const memoAbout = useMemoAbout();
  const { t } = useTranslation();
  const errorText = useErrorText();
  const headingId = useId();
  const [name, setName] = useState(category.name);
  const [colour, setColour] = useState(category.colour);
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [subName, setSubName] = useState('');
  const [subError, setSubError] = useState<string | null>(null);
  const [quotes, setQuotes] = useState<Quote[] | null>(null);
  const [quotesUnavailable, setQuotesUnavailable] = useState(false);
  const [choosingQuote, setChoosingQuote] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);

  // Another category chosen, or this one changed (saved, undone): the form follows.
  const [base, setBase] = useState(category);
  if (base !== category) {
    setBase(category);
    if (base.id !== category.id || (name === base.name && colour === base.colour)) {
      setName(category.name);
      setColour(category.colour);
      setNameError(null);
    }
  }
  const dirty = name !== category.name || colour !== category.colour;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  // The quotes are read once, when a quote is shown or chosen.
  const needQuotes = category.quoteId !== null || choosingQuote;
  useEffect(() => {
    if (!needQuotes || quotes !== null) return;
    invoke('quotes.list', {}).then(
      (answer) => setQuotes(answer.quotes),
      () => setQuotesUnavailable(true),
    );
  }, [needQuotes, quotes]);

  const quote = category.quoteId === null ? null : (quotes?.find((candidate) => candidate.id === category.quoteId) ?? null);
  const subcategories = useMemo(() => childrenByParent(categories).get(category.id) ?? [], [categories, category.id]);
  const depth = useMemo(() => {
    let level = 0;
    let parent = category.parentId;
    const byCategory = new Map(categories.map((candidate) => [candidate.id, candidate]));
    while (parent !== null && level < 50) {
      level++;
      parent = byCategory.get(parent)?.parentId ?? null;
    }
    return level;
  }, [categories, category.parentId]);
  const codes = category.codeIds.map((id) => byId.get(id)).filter((code): code is Code => code !== undefined);

  async function save(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError(t('codebook.category.nameRequired'));
      nameRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onUpdate({ id: category.id, name: trimmed, colour, quoteId: category.quoteId });
      setName(trimmed);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function setQuote(quoteId: number | null) {
    setError(null);
    try {
      await onUpdate({ id: category.id, name: category.name, colour: category.colour, quoteId });
      setChoosingQuote(false);
    } catch (caught) {
      setError(caught);
    }
  }

  async function addSub(event: FormEvent) {
    event.preventDefault();
    const trimmed = subName.trim();
    if (!trimmed) {
      setSubError(t('codebook.category.nameRequired'));
      return;
    }
    try {
      await onCreateSub(trimmed, category.id);
      setSubName('');
      setSubError(null);
    } catch (caught) {
      setSubError(errorText(caught));
    }
  }

  return (
    <section className="card codebook-detail codebook-category" aria-labelledby={headingId}>
      <div className="codebook-detail__head">
        <h3 id={headingId} className="codebook-detail__title">
          <span className="codebook-swatch codebook-swatch--large" aria-hidden="true" style={{ background: category.colour }} />
          {category.name}
        </h3>
        <Button variant="quiet" onClick={onClose}>
          {t('codebook.detail.close')}
        </Button>
      </div>
      <p className="muted codebook-detail__facts">
        {[
          depth === 0 ? t('codebook.tree.main') : t('codebook.tree.sub'),
          subcategories.length > 0 ? t('codebook.category.subcategories', { count: subcategories.length }) : null,
          t('codebook.tree.codes', { count: codes.length }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>

      <form className="form" onSubmit={save} noValidate>
        <TextField
          label={t('codebook.category.name')}
          value={name}
          inputRef={nameRef}
          maxLength={200}
          className="input input--wide"
          error={nameError}
          onValueChange={(value) => {
            setNameError(null);
            setName(value);
          }}
        />
        <ColourPicker value={colour} onChange={setColour} />
        {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
        <div className="actions">
          <Button type="submit" variant="primary" disabled={busy || !dirty}>
            {t('codebook.category.save')}
          </Button>
          {dirty ? (
            <Button
              variant="quiet"
              onClick={() => {
                setName(category.name);
                setColour(category.colour);
              }}
            >
              {t('codebook.detail.revert')}
            </Button>
          ) : null}
        </div>
      </form>

      <div className="form-section">
        <h4 className="codebook-detail__subheading">{t('codebook.category.quoteHeading')}</h4>
        {category.quoteId === null ? (
          <p className="muted">{t('codebook.category.quoteNone')}</p>
        ) : quote ? (
          <blockquote className="codebook-quote">
            <p>“{quote.wording || quote.source.lines.map((line) => line.text).join(' ')}”</p>
            <footer className="muted small">
              {quote.source.startNumber === quote.source.endNumber
                ? t('codebook.split.whereLine', { pseudonym: quote.source.pseudonym, line: quote.source.startNumber })
                : t('codebook.split.whereLines', { pseudonym: quote.source.pseudonym, from: quote.source.startNumber, to: quote.source.endNumber })}
            </footer>
          </blockquote>
        ) : (
          <p className="muted">{quotesUnavailable ? t('codebook.category.quoteUnavailable') : t('app.loading')}</p>
        )}
        {choosingQuote ? (
          quotesUnavailable ? (
            <p className="muted">{t('codebook.category.quoteUnavailable')}</p>
          ) : quotes === null ? (
            <p className="muted" role="status">
              {t('app.loading')}
            </p>
          ) : quotes.length === 0 ? (
            <p className="muted">{t('codebook.category.quotesNone')}</p>
          ) : (
            <Field label={t('codebook.category.quoteChoose')}>
              {(control) => (
                <select
                  {...control}
                  className="select codebook-quote__select"
                  value={category.quoteId === null ? '' : String(category.quoteId)}
                  onChange={(event) => void setQuote(event.target.value === '' ? null : Number(event.target.value))}
                >
                  <option value="">{t('codebook.category.quoteNoneOption')}</option>
                  {quotes.map((candidate) => (
                    <option key={candidate.id} value={candidate.id}>
                      {t('codebook.category.quoteOption', {
                        text: shorten(candidate.wording || candidate.source.lines.map((line) => line.text).join(' ')),
                        pseudonym: candidate.source.pseudonym,
                        line: candidate.source.startNumber,
                      })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )
        ) : (
          <div className="actions">
            <Button variant="secondary" onClick={() => setChoosingQuote(true)}>
              {category.quoteId === null ? t('codebook.category.quoteName') : t('codebook.category.quoteChange')}
            </Button>
            {category.quoteId !== null ? (
              <Button variant="quiet" onClick={() => void setQuote(null)}>
                {t('codebook.category.quoteRemove')}
              </Button>
            ) : null}
          </div>
        )}
      </div>

      <MemosAbout
        target={{ kind: 'category', categoryId: category.id }}
        aboutLabel={memoAbout({ kind: 'category', categoryId: category.id, name: category.name })}
        heading={t('codebook.category.memoHeading')}
        hint={t('codebook.category.memoHint')}
        none={t('codebook.category.memoNone')}
        version={memoVersion}
        onOpen={onOpenMemo}
        onCreated={onMemoCreated}
      />

      <div className="form-section">
        <h4 className="codebook-detail__subheading">{t('codebook.category.codesHeading')}</h4>
        {codes.length === 0 ? (
          <p className="muted">{t('codebook.category.codesNone')}</p>
        ) : (
          <ul className="codebook-linked">
            {codes.map((code) => (
              <li key={code.id}>
                <span className="codebook-swatch" aria-hidden="true" style={{ background: code.colour }} />
                <Button variant="quiet" onClick={() => onOpenCode(code.id)}>
                  {code.name}
                </Button>
                <span className="muted small">{t('codebook.detail.codings', { count: countsOf(code, byId).codings })}</span>
                <Button variant="quiet" className="codebook-linked__unlink" aria-label={t('codebook.category.takeOutLabel', { name: code.name })} onClick={() => onPlace([code.id], null).catch(setError)}>
                  {t('codebook.category.takeOut')}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>

      <div className="form-section">
        <form className="codebook-inline-form" onSubmit={addSub} noValidate>
          <TextField
            label={t('codebook.category.newSub', { name: category.name })}
            value={subName}
            maxLength={200}
            error={subError}
            onValueChange={(value) => {
              setSubError(null);
              setSubName(value);
            }}
            after={
              <Button type="submit" variant="secondary">
                {t('codebook.category.addSub')}
              </Button>
            }
          />
        </form>
      </div>

      <div className="form-section">
        <Button variant="danger" onClick={onDelete}>
          {t('codebook.category.delete')}
        </Button>
        <p className="muted small">{t('codebook.category.deleteHint')}</p>
      </div>
    </section>
  );
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 90 ? `${flat.slice(0, 89)}…` : flat;
}
