import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionReach, Review, ReviewHit, ReviewOptions } from '../../../../shared/anonymisation/contract.js';
import { identifierKinds, studyPronouns, type IdentifierKind } from '../../../../shared/anonymisation/kinds.js';
import { invoke } from '../../bridge/index.js';
import { Alert, Button, ConfirmDialog, Field, TextField, errorCodeOf, showErrorsAndFocus, useErrorText } from '../../ui/index.js';
import { useDates } from '../recordings/dates.js';
import './anonymisation.css';

interface AnonymisationReviewProps {
  transcriptId: number;
  onClose: () => void;
}

type Decision = ReviewHit['decision'];

/** The next open hit after `from` (wrapping round), or `from` when none is open. */
function nextOpen(hits: ReviewHit[], from: number): number {
  for (let step = 1; step <= hits.length; step += 1) {
    const index = (from + step) % hits.length;
    if (hits[index]!.decision === 'open') return index;
  }
  return Math.min(from, hits.length - 1);
}

/**
 * The guided anonymisation review of one transcript: every proposal in context with its line
 * number, decided from the keyboard (J/K to move, A accept, R reject, C change, Shift+A accept all
 * with the same text, U undo), the study's choices, the researcher's own rules, and finishing.
 */
export function AnonymisationReview({ transcriptId, onClose }: AnonymisationReviewProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { date } = useDates();
  const [review, setReview] = useState<Review | null>(null);
  const [selected, setSelected] = useState(0);
  const [changing, setChanging] = useState<ReviewHit | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ tone: 'success' | 'info' | 'error'; text: string } | null>(null);
  const [confirmFinish, setConfirmFinish] = useState(false);
  const [finished, setFinished] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listId = useId();

  const load = useCallback(
    () =>
      invoke('anonymisation.review', { transcriptId }).then((loaded) => {
        setReview(loaded);
        return loaded;
      }),
    [transcriptId],
  );

  useEffect(() => {
    void load().then(
      (loaded) => {
        setSelected(Math.max(0, loaded.hits.findIndex((hit) => hit.decision === 'open')));
      },
      (error: unknown) => setNotice({ tone: 'error', text: errorText(error) }),
    );
    // errorText changes with the language only; the review loads once per transcript.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load]);

  // Once loaded, the keys work at once: focus goes to the list (or the heading when there is nothing to review).
  const loaded = review !== null;
  useEffect(() => {
    if (loaded) (listRef.current ?? headingRef.current)?.focus();
  }, [loaded]);

  const hits = useMemo(() => review?.hits ?? [], [review]);
  const current = hits[selected];

  useEffect(() => {
    if (current) document.getElementById(`${listId}-${current.id}`)?.scrollIntoView({ block: 'nearest' });
  }, [current, listId]);

  /** Runs a change in the core and shows the review it answers with; failures are shown, stale reviews reloaded. */
  async function run(work: () => Promise<Review>, after?: (next: Review) => void) {
    if (busy) return;
    setBusy(true);
    try {
      const next = await work();
      setReview(next);
      after?.(next);
    } catch (error) {
      if (errorCodeOf(error) === 'anonymisation.hitMissing') await load().catch(() => undefined);
      setNotice({ tone: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  }

  function decide(hit: ReviewHit, decision: Decision, reach: DecisionReach = 'hit', replacement?: string) {
    setNotice(null);
    const index = hits.findIndex((candidate) => candidate.id === hit.id);
    void run(
      () => invoke('anonymisation.decide', { transcriptId, hitId: hit.id, decision, reach, ...(replacement ? { replacement } : {}) }),
      (next) => {
        // Move on to the next proposal still open, as a reader goes through a list.
        if (decision !== 'open') setSelected(nextOpen(next.hits, Math.max(0, index)));
      },
    );
  }

  function onListKey(event: KeyboardEvent<HTMLOListElement>) {
    if (event.ctrlKey || event.metaKey || event.altKey || !current) return;
    const move = (to: number) => {
      event.preventDefault();
      setSelected(Math.max(0, Math.min(hits.length - 1, to)));
    };
    switch (event.key) {
      case 'j':
      case 'ArrowDown':
        return move(selected + 1);
      case 'k':
      case 'ArrowUp':
        return move(selected - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(hits.length - 1);
      case 'a':
        event.preventDefault();
        return decide(current, 'accepted');
      case 'A':
        event.preventDefault();
        return decide(current, 'accepted', 'transcript');
      case 'r':
        event.preventDefault();
        return decide(current, 'rejected');
      case 'R':
        event.preventDefault();
        return decide(current, 'rejected', 'transcript');
      case 'u':
        event.preventDefault();
        return decide(current, 'open');
      case 'c':
        event.preventDefault();
        setChanging(current);
        return;
      default:
        return;
    }
  }

  if (!review) {
    return notice ? <Alert tone="error">{notice.text}</Alert> : <p role="status">{t('app.loading')}</p>;
  }

  const { counts } = review;
  const sameText = current ? hits.filter((hit) => hit.original.toLocaleLowerCase() === current.original.toLocaleLowerCase() && (hit.kind === 'pronoun') === (current.kind === 'pronoun')) : [];
  const applied = counts.accepted + counts.changed;
  // Anonymised, and nothing decided or open that finishing would write: there is nothing to finish.
  const settled = review.transcript.state === 'anonymised' && applied === 0 && counts.open === 0;

  return (
    <div className="stack anonymisation">
      <div className="actions">
        <Button variant="quiet" onClick={onClose}>
          ← {t('anonymisation.back')}
        </Button>
      </div>
      <h2 className="page-heading" ref={headingRef} tabIndex={-1}>
        {t('anonymisation.heading')}
      </h2>
      <p className="muted">{review.transcript.title ? `${review.transcript.title} · ${review.transcript.pseudonym}` : review.transcript.pseudonym}</p>
      <p className="lead">{t('anonymisation.intro')}</p>

      <p className="anonymisation__counts" role="status">
        {t('anonymisation.counts', counts)}
      </p>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}

      {hits.length === 0 ? (
        <p>{review.transcript.state === 'anonymised' ? t('anonymisation.noneMore') : t('anonymisation.none')}</p>
      ) : (
        <>
          <p className="small muted" id={`${listId}-keys`}>
            {t('anonymisation.keys')}
          </p>
          {current ? <CurrentHit hit={current} sameText={sameText.length} busy={busy} onDecide={decide} onChange={() => setChanging(current)} /> : null}
          {changing ? (
            <ChangeForm
              hit={changing}
              onCancel={() => {
                setChanging(null);
                listRef.current?.focus();
              }}
              onSave={(replacement, reach) => {
                setChanging(null);
                decide(changing, 'changed', reach, replacement);
                listRef.current?.focus();
              }}
            />
          ) : null}
          <ol
            ref={listRef}
            className="anonymisation__list"
            role="listbox"
            tabIndex={0}
            aria-label={t('anonymisation.listLabel')}
            aria-describedby={`${listId}-keys`}
            aria-activedescendant={current ? `${listId}-${current.id}` : undefined}
            onKeyDown={onListKey}
          >
            {hits.map((hit, index) => (
              <li
                key={hit.id}
                id={`${listId}-${hit.id}`}
                role="option"
                aria-selected={index === selected}
                className={`anonymisation__hit anonymisation__hit--${hit.decision}${index === selected ? ' anonymisation__hit--selected' : ''}`}
                onClick={() => {
                  setSelected(index);
                  listRef.current?.focus();
                }}
              >
                <HitSummary hit={hit} />
              </li>
            ))}
          </ol>
        </>
      )}

      <RuleForm
        transcriptId={transcriptId}
        onAdded={(next, original) => {
          setReview(next);
          const count = next.hits.filter((hit) => hit.source === 'rule' && hit.original.toLocaleLowerCase() === original.toLocaleLowerCase()).length;
          setNotice({ tone: 'success', text: t('anonymisation.ruleAdded', { count }) });
        }}
      />
      <StudyOptions transcriptId={transcriptId} options={review.options} onChanged={setReview} />

      <section className="form-section" aria-labelledby={`${listId}-finish`}>
        <h3 id={`${listId}-finish`}>{t('anonymisation.finishHeading')}</h3>
        {settled && review.transcript.anonymisedAt ? (
          <p>{t('anonymisation.anonymisedState', { date: date(review.transcript.anonymisedAt.slice(0, 10)) })}</p>
        ) : (
          <>
            <p>{t('anonymisation.finishIntro')}</p>
            {counts.open > 0 ? <p className="muted">{t('anonymisation.finishOpen', { count: counts.open })}</p> : <p className="muted">{t('anonymisation.allDecided')}</p>}
          </>
        )}
        <div className="actions">
          {settled ? null : (
            <Button
              variant="primary"
              disabled={busy}
              onClick={() => {
                if (counts.open > 0) {
                  setSelected(hits.findIndex((hit) => hit.decision === 'open'));
                  setNotice({ tone: 'info', text: t('anonymisation.finishOpen', { count: counts.open }) });
                  listRef.current?.focus();
                  return;
                }
                setConfirmFinish(true);
              }}
            >
              {t('anonymisation.finish')}
            </Button>
          )}
          {finished || settled ? (
            <Button variant="secondary" onClick={onClose}>
              {t('anonymisation.back')}
            </Button>
          ) : null}
        </div>
      </section>
      <ConfirmDialog
        open={confirmFinish}
        title={t('anonymisation.finishTitle')}
        body={t('anonymisation.finishBody', { count: applied })}
        confirmLabel={t('anonymisation.finishConfirm')}
        cancelLabel={t('anonymisation.cancel')}
        onConfirm={() => {
          setConfirmFinish(false);
          void (async () => {
            setBusy(true);
            try {
              const result = await invoke('anonymisation.finish', { transcriptId, revision: review.transcript.revision });
              const next = await load();
              setSelected(0);
              setFinished(true);
              setNotice({ tone: 'success', text: t('anonymisation.finished', { count: result.replaced }) });
              if (next.hits.length === 0) headingRef.current?.focus();
            } catch (error) {
              if (errorCodeOf(error) === 'anonymisation.stale') {
                await load().catch(() => undefined);
                setNotice({ tone: 'info', text: t('anonymisation.stale') });
              } else {
                setNotice({ tone: 'error', text: errorText(error) });
              }
            } finally {
              setBusy(false);
            }
          })();
        }}
        onCancel={() => setConfirmFinish(false)}
      />
    </div>
  );
}

function useKindText(): (kind: ReviewHit['kind']) => string {
  const { t } = useTranslation();
  return (kind) => t(`anonymisation.kind.${kind}`);
}

/** One proposal in the list: line, kind, the words around it, what it becomes, the decision. */
function HitSummary({ hit }: { hit: ReviewHit }) {
  const { t } = useTranslation();
  const kindText = useKindText();
  return (
    <>
      <span className="anonymisation__line">{t('anonymisation.line', { number: hit.lineNumber })}</span>
      <span className="anonymisation__context">
        {hit.before}
        <mark>{hit.original}</mark>
        {hit.after}
      </span>
      <span className="anonymisation__outcome">
        <span className="anonymisation__kind">{kindText(hit.kind)}</span>
        <span className="visually-hidden"> {t('anonymisation.becomes')} </span>
        <span aria-hidden="true"> → </span>
        <span className={hit.decision === 'rejected' ? 'anonymisation__replacement anonymisation__replacement--dropped' : 'anonymisation__replacement'}>{hit.replacement}</span>
        <span className={`anonymisation__decision anonymisation__decision--${hit.decision}`}>{t(`anonymisation.decision.${hit.decision}`)}</span>
      </span>
    </>
  );
}

interface CurrentHitProps {
  hit: ReviewHit;
  sameText: number;
  busy: boolean;
  onDecide: (hit: ReviewHit, decision: Decision, reach?: DecisionReach) => void;
  onChange: () => void;
}

/** The proposal in focus: its whole line, and buttons for what the keys do. */
function CurrentHit({ hit, sameText, busy, onDecide, onChange }: CurrentHitProps) {
  const { t } = useTranslation();
  const kindText = useKindText();
  const label = { original: hit.original, line: hit.lineNumber, replacement: hit.replacement };
  return (
    <section className="anonymisation__current" aria-label={t('anonymisation.line', { number: hit.lineNumber })}>
      <p className="anonymisation__current-line">
        <span className="anonymisation__line">{t('anonymisation.line', { number: hit.lineNumber })}</span>
        {hit.lineText.slice(0, hit.start)}
        <mark>{hit.original}</mark>
        {hit.lineText.slice(hit.end)}
      </p>
      <p className="anonymisation__current-outcome">
        <span className="anonymisation__kind">{kindText(hit.kind)}</span> {t('anonymisation.becomes')} <strong>{hit.replacement}</strong>
        {hit.source === 'rule' ? <span className="muted"> ({t('anonymisation.fromRule')})</span> : hit.consistent ? <span className="muted"> ({t('anonymisation.fromStudy')})</span> : null}
      </p>
      <div className="actions">
        <Button variant="primary" disabled={busy} aria-label={t('anonymisation.acceptFor', label)} aria-keyshortcuts="a" onClick={() => onDecide(hit, 'accepted')}>
          {t('anonymisation.accept')}
        </Button>
        <Button disabled={busy} aria-label={t('anonymisation.changeFor', label)} aria-keyshortcuts="c" onClick={onChange}>
          {t('anonymisation.change')}
        </Button>
        <Button disabled={busy} aria-label={t('anonymisation.rejectFor', label)} aria-keyshortcuts="r" onClick={() => onDecide(hit, 'rejected')}>
          {t('anonymisation.reject')}
        </Button>
        {sameText > 1 ? (
          <Button disabled={busy} aria-keyshortcuts="Shift+A" onClick={() => onDecide(hit, 'accepted', 'transcript')}>
            {t('anonymisation.acceptAll', { count: sameText, original: hit.original })}
          </Button>
        ) : null}
        {sameText > 1 ? (
          <Button disabled={busy} aria-keyshortcuts="Shift+R" onClick={() => onDecide(hit, 'rejected', 'transcript')}>
            {t('anonymisation.rejectAll', { count: sameText, original: hit.original })}
          </Button>
        ) : null}
        {hit.decision !== 'open' ? (
          <Button variant="quiet" disabled={busy} aria-label={t('anonymisation.reopenFor', label)} aria-keyshortcuts="u" onClick={() => onDecide(hit, 'open')}>
            {t('anonymisation.reopen')}
          </Button>
        ) : null}
      </div>
    </section>
  );
}

/** Changes what a proposal becomes, for it alone or every one with the same text. */
function ChangeForm({ hit, onCancel, onSave }: { hit: ReviewHit; onCancel: () => void; onSave: (replacement: string, reach: DecisionReach) => void }) {
  const { t } = useTranslation();
  const [replacement, setReplacement] = useState(hit.replacement);
  const [reach, setReach] = useState<DecisionReach>('hit');
  const [error, setError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const headingId = useId();

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (replacement.trim() === '') {
      showErrorsAndFocus(formRef.current, () => setError(t('anonymisation.replacementRequired')));
      return;
    }
    onSave(replacement.trim(), reach);
  }

  return (
    <form
      ref={formRef}
      className="form card anonymisation__change"
      aria-labelledby={headingId}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
      noValidate
    >
      <h3 id={headingId}>{t('anonymisation.changeHeading', { original: hit.original })}</h3>
      <TextField
        label={t('anonymisation.replacement')}
        hint={t('anonymisation.replacementHint')}
        value={replacement}
        onValueChange={setReplacement}
        error={error}
        inputRef={inputRef}
        maxLength={200}
      />
      <fieldset className="fieldset">
        <legend>{t('anonymisation.reach')}</legend>
        <div className="radio-group">
          {(['hit', 'transcript', 'study'] as const).map((option) => (
            <label className="radio" key={option}>
              <input type="radio" name="reach" value={option} checked={reach === option} onChange={() => setReach(option)} />
              {option === 'hit' ? t('anonymisation.reachHit') : t(option === 'transcript' ? 'anonymisation.reachTranscript' : 'anonymisation.reachStudy', { original: hit.original })}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="actions">
        <Button variant="primary" type="submit">
          {t('anonymisation.save')}
        </Button>
        <Button onClick={onCancel}>{t('anonymisation.cancel')}</Button>
      </div>
    </form>
  );
}

/** The researcher's own rule: every occurrence of a text becomes a replacement. */
function RuleForm({ transcriptId, onAdded }: { transcriptId: number; onAdded: (review: Review, original: string) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const kindText = useKindText();
  const [open, setOpen] = useState(false);
  const [original, setOriginal] = useState('');
  const [replacement, setReplacement] = useState('');
  const [kind, setKind] = useState<IdentifierKind>('place');
  const [scope, setScope] = useState<'transcript' | 'study'>('study');
  const [errors, setErrors] = useState<{ original?: string; replacement?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const headingId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      ...(original.trim() === '' ? { original: t('anonymisation.ruleOriginalRequired') } : {}),
      ...(replacement.trim() === '' ? { replacement: t('anonymisation.replacementRequired') } : {}),
    };
    if (Object.keys(found).length > 0) {
      showErrorsAndFocus(formRef.current, () => setErrors(found));
      return;
    }
    setErrors({});
    setFailure(null);
    try {
      const next = await invoke('anonymisation.addRule', { transcriptId, original: original.trim(), replacement: replacement.trim(), kind, scope });
      onAdded(next, original.trim());
      setOriginal('');
      setReplacement('');
      setOpen(false);
    } catch (error) {
      setFailure(errorText(error));
    }
  }

  return (
    <section className="form-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('anonymisation.ruleHeading')}</h3>
      {open ? (
        <form ref={formRef} className="form" onSubmit={(event) => void submit(event)} noValidate>
          <p className="muted">{t('anonymisation.ruleIntro')}</p>
          {failure ? <Alert tone="error">{failure}</Alert> : null}
          <TextField label={t('anonymisation.ruleOriginal')} hint={t('anonymisation.ruleOriginalHint')} value={original} onValueChange={setOriginal} error={errors.original} maxLength={200} />
          <TextField label={t('anonymisation.ruleReplacement')} hint={t('anonymisation.ruleReplacementHint')} value={replacement} onValueChange={setReplacement} error={errors.replacement} maxLength={200} />
          <Field label={t('anonymisation.ruleKind')}>
            {(control) => (
              <select {...control} className="select" value={kind} onChange={(event) => setKind(event.target.value as IdentifierKind)}>
                {identifierKinds.map((option) => (
                  <option key={option} value={option}>
                    {kindText(option)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <fieldset className="fieldset">
            <legend>{t('anonymisation.ruleScope')}</legend>
            <div className="radio-group">
              {(['study', 'transcript'] as const).map((option) => (
                <label className="radio" key={option}>
                  <input type="radio" name="rule-scope" value={option} checked={scope === option} onChange={() => setScope(option)} />
                  {t(option === 'study' ? 'anonymisation.ruleScopeStudy' : 'anonymisation.ruleScopeTranscript')}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="actions">
            <Button variant="primary" type="submit">
              {t('anonymisation.ruleAdd')}
            </Button>
            <Button onClick={() => setOpen(false)}>{t('anonymisation.cancel')}</Button>
          </div>
        </form>
      ) : (
        <div className="actions">
          <Button onClick={() => setOpen(true)}>{t('anonymisation.ruleOpen')}</Button>
        </div>
      )}
    </section>
  );
}

/** The study's pronoun and the language of replacements, for every review. */
function StudyOptions({ transcriptId, options, onChanged }: { transcriptId: number; options: ReviewOptions; onChanged: (review: Review) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [failure, setFailure] = useState<string | null>(null);
  const headingId = useId();

  async function change(next: ReviewOptions) {
    setFailure(null);
    try {
      onChanged(await invoke('anonymisation.setOptions', { transcriptId, ...next }));
    } catch (error) {
      setFailure(errorText(error));
    }
  }

  return (
    <section className="form-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('anonymisation.optionsHeading')}</h3>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <Field label={t('anonymisation.pronoun')} hint={t('anonymisation.pronounHint')}>
        {(control) => (
          <select
            {...control}
            className="select"
            value={options.pronoun ?? ''}
            onChange={(event) => void change({ ...options, pronoun: event.target.value === '' ? null : (event.target.value as ReviewOptions['pronoun']) })}
          >
            <option value="">{t('anonymisation.pronounNone')}</option>
            {studyPronouns.map((pronoun) => (
              <option key={pronoun} value={pronoun}>
                {pronoun}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('anonymisation.labelLanguage')}>
        {(control) => (
          <select
            {...control}
            className="select"
            value={options.labelLanguage}
            onChange={(event) => void change({ ...options, labelLanguage: event.target.value as ReviewOptions['labelLanguage'] })}
          >
            <option value="nb">{t('anonymisation.labelNb')}</option>
            <option value="en">{t('anonymisation.labelEn')}</option>
          </select>
        )}
      </Field>
    </section>
  );
}
