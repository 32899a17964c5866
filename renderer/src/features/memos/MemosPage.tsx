import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemoFilter, MemoSummary, MemoTargets } from '../../../../shared/memos/contract.js';
import type { StudySummary } from '../../../../shared/study/contract.js';
import { fileSafe, folderOf, joinPath } from '../../app/paths.js';
import { invoke } from '../../bridge/index.js';
import { currentLanguage, useFormat } from '../../i18n/index.js';
import { Alert, Button, ExportFileField, Field, Marked, TextField, useErrorText, useFileExport } from '../../ui/index.js';
import type { PassagePlace } from '../study/sections.js';
import { MemoView } from './MemoView.js';
import { NewMemoForm } from './newMemo.js';
import { takeMemoToShow } from './showMemo.js';
import { useMemoAbout } from './useMemoAbout.js';
import './memos.css';

interface MemosPageProps {
  study: StudySummary;
  openPassage: (place: PassagePlace) => void;
}

interface Loaded {
  memos: MemoSummary[];
  total: number;
  targets: MemoTargets;
}

const startFilter: MemoFilter = { order: 'newest', kind: 'all', search: '' };

/** The memos: in time order, found by search and filter, one open to write in, and the export. */
export function MemosPage({ study, openPassage }: MemosPageProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [filter, setFilter] = useState<MemoFilter>(startFilter);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // Another view may have asked for a memo to be open (showMemo).
  const [openId, setOpenId] = useState<number | null>(takeMemoToShow);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback((next: MemoFilter) => invoke('memos.list', next).then(setLoaded), []);
  // The search waits for a pause in typing; the other filters apply at once.
  useEffect(() => {
    const timer = setTimeout(() => {
      load(filter).catch(setError);
    }, filter.search === '' ? 0 : 250);
    return () => clearTimeout(timer);
  }, [filter, load]);

  if (openId !== null) {
    return (
      <MemoView
        key={openId}
        id={openId}
        openPassage={openPassage}
        onBack={() => {
          setOpenId(null);
          load(filter).catch(setError);
        }}
        onDeleted={() => {
          setOpenId(null);
          setNotice(t('memos.deleted'));
          load(filter).catch(setError);
        }}
      />
    );
  }

  return (
    <div className="stack">
      <h2 className="page-heading">{t('memos.heading')}</h2>
      <p className="lead">{t('memos.intro')}</p>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {creating ? (
        <section className="form-section" aria-labelledby="memo-new-heading">
          <h3 id="memo-new-heading">{t('memos.newHeading')}</h3>
          <NewMemoForm
            targets={loaded?.targets}
            onCancel={() => setCreating(false)}
            onCreated={(memo) => {
              setCreating(false);
              setNotice(null);
              setOpenId(memo.id);
            }}
          />
        </section>
      ) : (
        <div className="actions">
          <Button
            variant="primary"
            onClick={() => {
              setNotice(null);
              setCreating(true);
            }}
          >
            {t('memos.newOpen')}
          </Button>
        </div>
      )}
      {loaded ? (
        <>
          <Filters filter={filter} targets={loaded.targets} onChange={setFilter} />
          <p className="muted" role="status">
            {t('memos.count', { count: loaded.memos.length, total: loaded.total })}
          </p>
          {loaded.memos.length === 0 ? (
            <p className="muted">{loaded.total === 0 ? t('memos.empty') : t('memos.noMatches')}</p>
          ) : (
            <MemoList memos={loaded.memos} onOpen={setOpenId} />
          )}
          {loaded.memos.length > 0 ? <ExportMemos study={study} filter={filter} /> : null}
        </>
      ) : error ? null : (
        <p role="status">{t('app.loading')}</p>
      )}
    </div>
  );
}

function Filters({ filter, targets, onChange }: { filter: MemoFilter; targets: MemoTargets; onChange: (filter: MemoFilter) => void }) {
  const { t } = useTranslation();
  const set = (changes: Partial<MemoFilter>) => onChange({ ...filter, ...changes });
  const kind = (value: MemoFilter['kind']) => onChange({ order: filter.order, search: filter.search, kind: value });
  const choices =
    filter.kind === 'code'
      ? { key: 'codeId' as const, any: t('memos.anyCode'), options: targets.codes.map((code) => ({ id: code.id, label: code.name })) }
      : filter.kind === 'category'
        ? { key: 'categoryId' as const, any: t('memos.anyCategory'), options: targets.categories.map((category) => ({ id: category.id, label: category.name })) }
        : filter.kind === 'passage'
          ? { key: 'transcriptId' as const, any: t('memos.anyTranscript'), options: targets.transcripts.map((transcript) => ({ id: transcript.id, label: transcript.pseudonym })) }
          : null;
  return (
    <section className="memo-filters" aria-label={t('memos.filters')}>
      <TextField label={t('memos.search')} hint={t('memos.searchHint')} type="search" value={filter.search} maxLength={500} onValueChange={(search) => set({ search })} />
      <Field label={t('memos.kind')}>
        {(control) => (
          <select {...control} className="select" value={filter.kind} onChange={(event) => kind(event.target.value as MemoFilter['kind'])}>
            <option value="all">{t('memos.kindAll')}</option>
            <option value="free">{t('memos.kindFree')}</option>
            <option value="code">{t('memos.kindCode')}</option>
            <option value="category">{t('memos.kindCategory')}</option>
            <option value="passage">{t('memos.kindPassage')}</option>
          </select>
        )}
      </Field>
      {choices ? (
        <Field label={t('memos.target')}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={filter[choices.key] ?? ''}
              onChange={(event) => {
                const { codeId: _code, categoryId: _category, transcriptId: _transcript, ...rest } = filter;
                onChange(event.target.value ? { ...rest, [choices.key]: Number(event.target.value) } : rest);
              }}
            >
              <option value="">{choices.any}</option>
              {choices.options.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field label={t('memos.order')}>
        {(control) => (
          <select {...control} className="select" value={filter.order} onChange={(event) => set({ order: event.target.value as MemoFilter['order'] })}>
            <option value="newest">{t('memos.newestFirst')}</option>
            <option value="oldest">{t('memos.oldestFirst')}</option>
          </select>
        )}
      </Field>
    </section>
  );
}

function MemoList({ memos, onOpen }: { memos: MemoSummary[]; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const about = useMemoAbout();
  return (
    <ol className="memo-list" aria-label={t('memos.listCaption')}>
      {memos.map((memo) => (
        <li key={memo.id} className="memo-list__item">
          <h3 className="memo-list__title">
            <Button variant="quiet" className="memo-list__open" onClick={() => onOpen(memo.id)}>
              {memo.title ? <Marked text={memo.title} ranges={memo.found?.title ?? []} /> : t('memos.untitled')}
            </Button>
          </h3>
          <p className="memo-list__meta small muted">
            <time dateTime={memo.createdAt}>{dateTime(memo.createdAt)}</time>
            {' · '}
            {about(memo.target)}
          </p>
          {memo.excerpt ? (
            <p className="memo-list__excerpt">
              <Marked text={memo.excerpt} ranges={memo.found?.excerpt ?? []} />
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function ExportMemos({ study, filter }: { study: StudySummary; filter: MemoFilter }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [target, setTarget] = useState(() => joinPath(folderOf(study.path), `${fileSafe(t('memos.exportFileName'))}.docx`));
  const { formRef, fieldError, error, done, busy, submit: exportTo } = useFileExport(t('memos.exportFileRequired'));
  function submit(event: FormEvent) {
    return exportTo(event, target, (path) => invoke('memos.export', { filter, path, language: currentLanguage() }));
  }
  return (
    <form ref={formRef} className="form form-section" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="memo-export-heading">
      <h3 id="memo-export-heading">{t('memos.exportHeading')}</h3>
      <p className="muted">{t('memos.exportHint')}</p>
      <ExportFileField label={t('memos.exportFile')} hint={t('memos.exportFileHint')} value={target} onValueChange={setTarget} format="docx" error={fieldError} />
      <div className="actions">
        <Button type="submit" disabled={busy}>
          {t('memos.exportSave')}
        </Button>
      </div>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {done ? <Alert tone="success">{t('memos.exported', { name: done })}</Alert> : null}
    </form>
  );
}
