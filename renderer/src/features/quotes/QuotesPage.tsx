import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quote, QuoteCategory } from '../../../../shared/quotes/contract.js';
import type { StudySummary } from '../../../../shared/study/contract.js';
import type { Transcript, TranscriptSummary } from '../../../../shared/transcripts/contract.js';
import { speakerLabels } from '../../../../shared/transcripts/labels.js';
import { fileSafe, folderOf, joinPath } from '../../app/paths.js';
import { invoke } from '../../bridge/index.js';
import { currentLanguage } from '../../i18n/index.js';
import { Alert, Button, ConfirmDialog, ExportFileField, Field, showErrorsAndFocus, useErrorText, useFileExport } from '../../ui/index.js';
import { useHeldAt } from '../interviews/heldAt.js';
import { NewMemoDialog } from '../memos/newMemo.js';
import { PassageExcerpt, usePassageReference } from '../memos/PassageExcerpt.js';
import { showMemo } from '../memos/showMemo.js';
import type { PassagePlace } from '../study/sections.js';
import { markQuote } from './markQuote.js';
import '../memos/memos.css';
import './quotes.css';

interface QuotesPageProps {
  study: StudySummary;
  openPassage: (place: PassagePlace) => void;
  navigate: (section: string) => void;
}

interface Loaded {
  quotes: Quote[];
  categories: QuoteCategory[];
}

/** The quotes, grouped by category: each with its wording and its source lines; mark, rewrite, unmark, export. */
export function QuotesPage({ study, openPassage, navigate }: QuotesPageProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [marking, setMarking] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => invoke('quotes.list', {}).then(setLoaded), []);
  useEffect(() => {
    load().catch(setError);
  }, [load]);

  function done(message: string) {
    setNotice(message);
    load().catch(setError);
  }

  if (!loaded) return error ? <Alert tone="error">{errorText(error)}</Alert> : <p role="status">{t('app.loading')}</p>;
  const groups = groupByCategory(loaded.quotes, loaded.categories);

  return (
    <div className="stack">
      <h2 className="page-heading">{t('quotes.heading')}</h2>
      <p className="lead">{t('quotes.intro')}</p>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {marking ? (
        <NewQuote
          categories={loaded.categories}
          onCancel={() => setMarking(false)}
          onMarked={(quote) => {
            setMarking(false);
            setEditing(quote.id);
            done(t('quotes.marked'));
          }}
        />
      ) : (
        <div className="actions">
          <Button
            variant="primary"
            onClick={() => {
              setNotice(null);
              setMarking(true);
            }}
          >
            {t('quotes.newOpen')}
          </Button>
        </div>
      )}
      {loaded.quotes.length === 0 ? (
        <p className="muted">{t('quotes.empty')}</p>
      ) : (
        <>
          <p className="muted">{t('quotes.count', { count: loaded.quotes.length })}</p>
          {groups.map((group) => (
            <section key={group.category?.id ?? 'none'} className="quote-group" aria-labelledby={`quote-group-${group.category?.id ?? 'none'}`}>
              <h3 id={`quote-group-${group.category?.id ?? 'none'}`} className={group.category && group.category.path.length > 1 ? 'quote-group__heading quote-group__heading--sub' : 'quote-group__heading'}>
                {group.category ? group.category.path.join(' › ') : t('quotes.unplaced')}
              </h3>
              <ol className="quote-list">
                {group.quotes.map((quote) => (
                  <QuoteItem
                    key={quote.id}
                    quote={quote}
                    categories={loaded.categories}
                    editing={editing === quote.id}
                    onEdit={() => {
                      setNotice(null);
                      setEditing(quote.id);
                    }}
                    onCancel={() => setEditing(null)}
                    onSaved={() => {
                      setEditing(null);
                      done(t('quotes.saved'));
                    }}
                    onUnmarked={() => done(t('quotes.unmarked'))}
                    onError={setError}
                    openPassage={openPassage}
                    navigate={navigate}
                  />
                ))}
              </ol>
            </section>
          ))}
          <ExportQuotes study={study} />
        </>
      )}
    </div>
  );
}

function groupByCategory(quotes: Quote[], categories: QuoteCategory[]): { category: QuoteCategory | null; quotes: Quote[] }[] {
  const groups = categories.map((category) => ({ category: category as QuoteCategory | null, quotes: quotes.filter((quote) => quote.categoryId === category.id) })).filter((group) => group.quotes.length > 0);
  const unplaced = quotes.filter((quote) => quote.categoryId === null || !categories.some((category) => category.id === quote.categoryId));
  return unplaced.length > 0 ? [...groups, { category: null, quotes: unplaced }] : groups;
}

interface QuoteItemProps {
  quote: Quote;
  categories: QuoteCategory[];
  editing: boolean;
  onEdit: () => void;
  onCancel: () => void;
  onSaved: () => void;
  onUnmarked: () => void;
  onError: (error: unknown) => void;
  openPassage: (place: PassagePlace) => void;
  navigate: (section: string) => void;
}

function QuoteItem({ quote, categories, editing, onEdit, onCancel, onSaved, onUnmarked, onError, openPassage, navigate }: QuoteItemProps) {
  const { t } = useTranslation();
  const reference = usePassageReference()(quote.source);
  const [confirm, setConfirm] = useState(false);
  const [writingMemo, setWritingMemo] = useState(false);
  async function unmark() {
    setConfirm(false);
    try {
      await invoke('quotes.delete', { id: quote.id });
      onUnmarked();
    } catch (caught) {
      onError(caught);
    }
  }
  return (
    <li className="quote">
      {editing ? (
        <QuoteEditor quote={quote} categories={categories} reference={reference} onCancel={onCancel} onSaved={onSaved} />
      ) : quote.wording ? (
        <blockquote className="quote__wording">{quote.wording}</blockquote>
      ) : (
        <p className="quote__no-wording muted">{t('quotes.noWording')}</p>
      )}
      <PassageExcerpt view={quote.source} heading={t('quotes.source')} />
      {quote.note && !editing ? (
        <p className="small muted quote__note">
          {t('quotes.noteLabel')}: {quote.note}
        </p>
      ) : null}
      {editing ? null : (
        <div className="actions">
          <Button onClick={onEdit} aria-label={t('quotes.editFor', { reference })}>
            {t('quotes.edit')}
          </Button>
          {quote.source.found ? (
            <Button
              onClick={() => openPassage({ transcriptId: quote.source.transcriptId, lineId: quote.source.startLineId, endLineId: quote.source.endLineId })}
              aria-label={t('quotes.openFor', { reference })}
            >
              {t('memos.openInTranscript')}
            </Button>
          ) : null}
          {quote.source.found && quote.source.state === 'anonymised' ? (
            <Button onClick={() => setWritingMemo(true)} aria-label={t('quotes.memoFor', { reference })}>
              {t('quotes.memo')}
            </Button>
          ) : null}
          <Button variant="quiet" onClick={() => setConfirm(true)} aria-label={t('quotes.unmarkFor', { reference })}>
            {t('quotes.unmark')}
          </Button>
        </div>
      )}
      <NewMemoDialog
        open={writingMemo}
        target={{ kind: 'passage', passage: quote.passage }}
        aboutLabel={t('memos.aboutPassage', { reference })}
        onCancel={() => setWritingMemo(false)}
        onCreated={(memo) => {
          setWritingMemo(false);
          showMemo(memo.id, navigate);
        }}
      />
      <ConfirmDialog
        open={confirm}
        title={t('quotes.unmarkTitle')}
        body={t('quotes.unmarkBody', { reference })}
        confirmLabel={t('quotes.unmarkConfirm')}
        cancelLabel={t('quotes.unmarkCancel')}
        onConfirm={() => void unmark()}
        onCancel={() => setConfirm(false)}
      />
    </li>
  );
}

function CategorySelect({ categories, value, onChange }: { categories: QuoteCategory[]; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <Field label={t('quotes.category')}>
      {(control) => (
        <select {...control} className="select" value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t('quotes.noCategory')}</option>
          {categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.path.join(' › ')}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function QuoteEditor({ quote, categories, reference, onCancel, onSaved }: { quote: Quote; categories: QuoteCategory[]; reference: string; onCancel: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const wordingRef = useRef<HTMLTextAreaElement>(null);
  const [wording, setWording] = useState(quote.wording);
  const [note, setNote] = useState(quote.note);
  const [categoryId, setCategoryId] = useState(quote.categoryId === null ? '' : String(quote.categoryId));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => wordingRef.current?.focus(), []);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await invoke('quotes.update', { id: quote.id, wording, note, categoryId: categoryId ? Number(categoryId) : null, baseUpdatedAt: quote.updatedAt });
      onSaved();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }
  return (
    <form className="form quote-editor" onSubmit={(event) => void submit(event)} noValidate aria-label={t('quotes.editFor', { reference })}>
      <Field label={t('quotes.wording')} hint={t('quotes.wordingHint')}>
        {(control) => <textarea {...control} ref={wordingRef} className="textarea" rows={4} maxLength={20_000} value={wording} onChange={(event) => setWording(event.target.value)} />}
      </Field>
      <CategorySelect categories={categories} value={categoryId} onChange={setCategoryId} />
      <Field label={t('quotes.note')} hint={t('quotes.noteHint')}>
        {(control) => <textarea {...control} className="textarea" rows={2} maxLength={20_000} value={note} onChange={(event) => setNote(event.target.value)} />}
      </Field>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      <div className="actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? t('quotes.saving') : t('quotes.save')}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          {t('quotes.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** Marking a quote by transcript and line numbers (the workspace marks exactly the words selected). */
function NewQuote({ categories, onCancel, onMarked }: { categories: QuoteCategory[]; onCancel: () => void; onMarked: (quote: Quote) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const heldAt = useHeldAt();
  const formRef = useRef<HTMLFormElement>(null);
  const [transcripts, setTranscripts] = useState<TranscriptSummary[] | null>(null);
  const [transcriptId, setTranscriptId] = useState('');
  const [fetched, setFetched] = useState<Transcript | null>(null);
  const transcript = fetched !== null && String(fetched.id) === transcriptId ? fetched : null;
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    invoke('transcripts.list', {}).then((loaded) => setTranscripts(loaded.transcripts.filter((summary) => summary.state === 'anonymised')), setError);
  }, []);
  useEffect(() => {
    if (!transcriptId) return;
    let live = true;
    invoke('transcripts.get', { id: Number(transcriptId) }).then(
      (loaded) => live && setFetched(loaded),
      (caught: unknown) => live && setError(caught),
    );
    return () => {
      live = false;
    };
  }, [transcriptId]);

  const count = transcript?.content.length ?? 0;
  const first = Number(from);
  const last = Number(to || from);
  const rangeValid = transcript !== null && Number.isInteger(first) && Number.isInteger(last) && first >= 1 && last >= first && last <= count;
  const labels = transcript ? speakerLabels(transcript, currentLanguage()) : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!transcriptId) errors.transcript = t('quotes.transcriptRequired');
    else if (!rangeValid) errors.range = t('quotes.lineRange', { count });
    if (Object.keys(errors).length > 0 || !transcript) {
      showErrorsAndFocus(formRef.current, () => setFieldErrors(errors));
      return;
    }
    setFieldErrors({});
    setError(null);
    setBusy(true);
    const start = transcript.content[first - 1]!;
    const end = transcript.content[last - 1]!;
    try {
      const { quote } = await markQuote(
        { transcriptId: transcript.id, startLineId: start.id, startOffset: 0, endLineId: end.id, endOffset: end.text.length },
        { categoryId: categoryId ? Number(categoryId) : null },
      );
      onMarked(quote);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  if (transcripts !== null && transcripts.length === 0) {
    return (
      <div className="form-section">
        <Alert tone="info">{t('quotes.noAnonymised')}</Alert>
        <div className="actions">
          <Button onClick={onCancel}>{t('quotes.cancel')}</Button>
        </div>
      </div>
    );
  }
  return (
    <form ref={formRef} className="form form-section" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="quote-new-heading">
      <h3 id="quote-new-heading">{t('quotes.newHeading')}</h3>
      <p className="muted">{t('quotes.newHint')}</p>
      <Field label={t('quotes.transcript')} error={fieldErrors.transcript}>
        {(control) => (
          <select {...control} className="select" value={transcriptId} onChange={(event) => setTranscriptId(event.target.value)}>
            <option value="">{t('quotes.chooseTranscript')}</option>
            {(transcripts ?? []).map((summary) => (
              <option key={summary.id} value={summary.id}>
                {t('quotes.transcriptOption', { pseudonym: summary.pseudonym, date: heldAt(summary.heldAt) })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="quote-range">
        <Field label={t('quotes.fromLine')} describedBy={fieldErrors.range && !rangeValid ? 'quote-range-error' : undefined}>
          {(control) => (
            <input
              {...control}
              className="input input--number"
              type="number"
              min={1}
              max={count || undefined}
              inputMode="numeric"
              aria-invalid={fieldErrors.range && !rangeValid ? true : undefined}
              value={from}
              onChange={(event) => setFrom(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('quotes.toLine')} describedBy={fieldErrors.range && !rangeValid ? 'quote-range-error' : undefined}>
          {(control) => (
            <input
              {...control}
              className="input input--number"
              type="number"
              min={1}
              max={count || undefined}
              inputMode="numeric"
              aria-invalid={fieldErrors.range && !rangeValid ? true : undefined}
              value={to}
              onChange={(event) => setTo(event.target.value)}
            />
          )}
        </Field>
      </div>
      {fieldErrors.range && !rangeValid ? (
        <p className="field__error" id="quote-range-error">
          {fieldErrors.range}
        </p>
      ) : null}
      {transcript && rangeValid && labels ? (
        <figure className="passage-excerpt" aria-label={t('quotes.preview')}>
          <figcaption className="passage-excerpt__caption">
            <span className="passage-excerpt__heading">{t('quotes.preview')}: </span>
            {t('memos.lines', { count: first === last ? 1 : 2, pseudonym: transcript.pseudonym, from: first, to: last })}
          </figcaption>
          <ol className="passage-excerpt__lines">
            {transcript.content.slice(first - 1, last).map((line, index) => (
              <li key={line.id} className="passage-excerpt__line">
                <span className="passage-excerpt__number">{first + index}</span>
                <span className="passage-excerpt__speaker">{labels[line.speaker]}:</span> <span className="passage-excerpt__text">{line.text}</span>
              </li>
            ))}
          </ol>
        </figure>
      ) : null}
      {categories.length > 0 ? <CategorySelect categories={categories} value={categoryId} onChange={setCategoryId} /> : null}
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      <div className="actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? t('quotes.marking') : t('quotes.mark')}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          {t('quotes.cancel')}
        </Button>
      </div>
    </form>
  );
}

function ExportQuotes({ study }: { study: StudySummary }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [target, setTarget] = useState(() => joinPath(folderOf(study.path), `${fileSafe(t('quotes.exportFileName'))}.docx`));
  const { formRef, fieldError, error, done, busy, submit: exportTo } = useFileExport(t('quotes.exportFileRequired'));
  function submit(event: FormEvent) {
    return exportTo(event, target, (path) => invoke('quotes.export', { path, language: currentLanguage() }));
  }
  return (
    <form ref={formRef} className="form form-section" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="quote-export-heading">
      <h3 id="quote-export-heading">{t('quotes.exportHeading')}</h3>
      <p className="muted">{t('quotes.exportHint')}</p>
      <ExportFileField label={t('quotes.exportFile')} hint={t('quotes.exportFileHint')} value={target} onValueChange={setTarget} format="docx" error={fieldError} />
      <div className="actions">
        <Button type="submit" disabled={busy}>
          {t('quotes.exportSave')}
        </Button>
      </div>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {done ? <Alert tone="success">{t('quotes.exported', { name: done })}</Alert> : null}
    </form>
  );
}
