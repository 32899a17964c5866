import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { searchCodeAllLimit, type ComparisonCode, type LineHit, type MemoHit } from '../../../../shared/comparison/contract.js';
import type { ChannelOutput } from '../../../../shared/contract/channels.js';
import { invoke } from '../../bridge/index.js';
import { useFormat } from '../../i18n/format.js';
import { Alert, Button, Field, Marked, useErrorText } from '../../ui/index.js';
import type { PassagePlace } from '../study/sections.js';
import { byName, interviewDay } from './format.js';

type Found = ChannelOutput<'comparison.search'> & { query: string };

/** Full-text search over the anonymised transcripts and the memos, and coding every line found. */
export function SearchPanel({ codes, openPassage, onCoded }: { codes: readonly ComparisonCode[]; openPassage: (place: PassagePlace) => void; onCoded: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { locale, dateTime } = useFormat();
  const [query, setQuery] = useState('');
  const [inTranscripts, setInTranscripts] = useState(true);
  const [inMemos, setInMemos] = useState(true);
  const [found, setFound] = useState<Found | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function search(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      setFound({ ...(await invoke('comparison.search', { query, inTranscripts, inMemos })), query });
      setError(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack">
      <form className="stack" role="search" onSubmit={(event) => void search(event)}>
        <Field label={t('comparison.search.label')} hint={t('comparison.search.hint')}>
          {(control) => (
            <>
              <input {...control} type="search" className="input input--wide" value={query} maxLength={500} onChange={(event) => setQuery(event.target.value)} />
              <Button type="submit" variant="primary" disabled={busy}>
                {t('comparison.search.submit')}
              </Button>
            </>
          )}
        </Field>
        <div className="compare-pickers">
          <div className="checkbox">
            <input type="checkbox" id="compare-in-transcripts" checked={inTranscripts} onChange={(event) => setInTranscripts(event.target.checked)} />
            <label htmlFor="compare-in-transcripts">{t('comparison.search.inTranscripts')}</label>
          </div>
          <div className="checkbox">
            <input type="checkbox" id="compare-in-memos" checked={inMemos} onChange={(event) => setInMemos(event.target.checked)} />
            <label htmlFor="compare-in-memos">{t('comparison.search.inMemos')}</label>
          </div>
        </div>
      </form>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {found ? (
        <div className="stack" aria-live="polite">
          {inTranscripts ? (
            <section className="stack" aria-labelledby="compare-search-lines">
              <h3 id="compare-search-lines">
                {found.total === 0 ? t('comparison.search.noLines') : t('comparison.search.lines', { count: found.total })}
                {found.total > found.lines.length ? <span className="muted small"> {t('comparison.search.shownFirst', { count: found.lines.length })}</span> : null}
              </h3>
              {found.total > 0 ? <CodeAll key={found.query} query={found.query} total={found.total} codes={codes} onCoded={onCoded} /> : null}
              <ol className="compare-hits">
                {found.lines.map((hit, index) => (
                  <LineResult key={hit.lineId} hit={hit} newGroup={found.lines[index - 1]?.transcriptId !== hit.transcriptId} locale={locale} openPassage={openPassage} />
                ))}
              </ol>
            </section>
          ) : null}
          {inMemos ? (
            <section className="stack" aria-labelledby="compare-search-memos">
              <h3 id="compare-search-memos">{found.memos.length === 0 ? t('comparison.search.noMemos') : t('comparison.search.memos', { count: found.memos.length })}</h3>
              <ul className="compare-hits">
                {found.memos.map((memo) => (
                  <MemoResult key={memo.id} memo={memo} dateTime={dateTime} openPassage={openPassage} />
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function LineResult({ hit, newGroup, locale, openPassage }: { hit: LineHit; newGroup: boolean; locale: string; openPassage: (place: PassagePlace) => void }) {
  const { t } = useTranslation();
  return (
    <li className="compare-hit">
      {newGroup ? (
        <h4 className="compare-group">
          {hit.pseudonym} <span className="muted">· {t('comparison.passages.interview', { date: interviewDay(hit.heldAt, locale) })}</span>
        </h4>
      ) : null}
      <div className="compare-hit__row">
        <span className="compare-line__number">{hit.position}</span>
        <span className="compare-line__speaker" title={t(`comparison.passages.speakers.${hit.speaker}`)}>
          {hit.speaker === 'participant' ? '' : t(`comparison.passages.speakers.${hit.speaker}`).charAt(0)}
        </span>
        <span className="compare-line__text">
          <Marked text={hit.text} ranges={hit.ranges} />
        </span>
        <Button
          variant="quiet"
          aria-label={t('comparison.passages.openLabel', { from: hit.position, to: hit.position, pseudonym: hit.pseudonym })}
          onClick={() => openPassage({ transcriptId: hit.transcriptId, lineId: hit.lineId })}
        >
          {t('comparison.passages.open')}
        </Button>
      </div>
    </li>
  );
}

function MemoResult({ memo, dateTime, openPassage }: { memo: MemoHit; dateTime: (iso: string) => string; openPassage: (place: PassagePlace) => void }) {
  const { t } = useTranslation();
  const about = memo.about;
  return (
    <li className="compare-hit compare-memo">
      <div className="compare-memo__head">
        <strong>{memo.title || t('comparison.search.untitled')}</strong>
        <span className="muted small">{dateTime(memo.createdAt)}</span>
        <span className="muted small">
          {about.kind === 'passage'
            ? t('comparison.search.memoAbout.passage', { pseudonym: about.pseudonym, line: about.fromLine })
            : about.kind === 'free'
              ? t('comparison.search.memoAbout.free')
              : t(`comparison.search.memoAbout.${about.kind}`, { name: about.name })}
        </span>
      </div>
      <p className="compare-memo__excerpt">
        <Marked text={memo.excerpt} ranges={memo.ranges} />
      </p>
      {about.kind === 'passage' ? (
        <Button variant="quiet" onClick={() => openPassage({ transcriptId: about.transcriptId, lineId: about.lineId, endLineId: about.endLineId })}>
          {t('comparison.passages.open')}
        </Button>
      ) : null}
    </li>
  );
}

/** Codes every line a search found (whole lines) with an existing code or a new initial code, in one undoable step. */
function CodeAll({ query, total, codes, onCoded }: { query: string; total: number; codes: readonly ComparisonCode[]; onCoded: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const listId = useId();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState<{ message: string; undone: boolean } | null>(null);
  const sorted = [...codes].sort(byName);

  async function codeAll(event: FormEvent) {
    event.preventDefault();
    const typed = name.trim();
    if (!typed) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    setError(null);
    try {
      const { passages } = await invoke('comparison.searchPassages', { query });
      if (passages.length === 0) return;
      const existing = codes.find((code) => code.name.localeCompare(typed, 'nb', { sensitivity: 'accent' }) === 0 && code.level === 'initial') ??
        codes.find((code) => code.name.localeCompare(typed, 'nb', { sensitivity: 'accent' }) === 0);
      const applied = await invoke('coding.apply', { code: existing ? { id: existing.id } : { name: typed, level: 'initial' }, passages });
      setDone({ message: t('comparison.search.codeAll.done', { count: applied.codings.length, code: applied.code.name }), undone: false });
      onCoded();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function undo() {
    try {
      await invoke('coding.undo', {});
      setDone({ message: t('comparison.search.codeAll.undone'), undone: true });
      onCoded();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <form className="compare-code-all" onSubmit={(event) => void codeAll(event)} aria-label={t('comparison.search.codeAll.heading')}>
      <Field label={t('comparison.search.codeAll.label')} hint={t('comparison.search.codeAll.hint')} error={missing ? t('comparison.search.codeAll.nameMissing') : null}>
        {(control) => (
          <>
            <input {...control} className="input" list={listId} value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
            <datalist id={listId}>
              {sorted.map((code) => (
                <option key={code.id} value={code.name} />
              ))}
            </datalist>
            <Button type="submit" disabled={busy}>
              {t('comparison.search.codeAll.submit', { count: Math.min(total, searchCodeAllLimit) })}
            </Button>
          </>
        )}
      </Field>
      {total > searchCodeAllLimit ? <p className="muted small">{t('comparison.search.codeAll.tooMany', { count: searchCodeAllLimit })}</p> : null}
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {done ? (
        <div className="compare-done" role="status">
          <span>{done.message}</span>
          {done.undone ? null : (
            <Button variant="quiet" onClick={() => void undo()}>
              {t('comparison.search.codeAll.undo')}
            </Button>
          )}
        </div>
      ) : null}
    </form>
  );
}
