import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { auditPageSize, type AuditEventView, type AuditFilters } from '../../../../shared/audit/contract.js';
import { auditDetailText, auditKindText } from '../../../../shared/audit/kindTexts.js';
import type { StudySummary } from '../../../../shared/study/contract.js';
import { folderOf, joinPath } from '../../app/paths.js';
import { invoke } from '../../bridge/index.js';
import { useFormat } from '../../i18n/index.js';
import { currentLanguage } from '../../i18n/i18n.js';
import { Alert, Button, TextField, useErrorText } from '../../ui/index.js';
import { SelectField } from '../participantTable/SelectField.js';

const noFilters: AuditFilters = { kinds: [], from: null, to: null };

/** The audit trail, newest first, a page at a time, with filters and an export. */
export function AuditTrailPage({ study }: { study: StudySummary }) {
  const { t } = useTranslation();
  const { dateTime, locale } = useFormat();
  const errorText = useErrorText();
  const language = currentLanguage();
  const [filters, setFilters] = useState<AuditFilters>(noFilters);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ total: number; events: AuditEventView[]; kinds: string[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let current = true;
    invoke('audit.list', { filters, offset, limit: auditPageSize }).then(
      (next) => {
        if (current) setPage(next);
      },
      (caught: unknown) => {
        if (current) setError(caught);
      },
    );
    return () => {
      current = false;
    };
  }, [filters, offset, reload]);

  function filter(changes: Partial<AuditFilters>) {
    setFilters((current) => ({ ...current, ...changes }));
    setOffset(0);
  }

  const number = (value: number) => new Intl.NumberFormat(locale).format(value);
  const kinds = page ? [...page.kinds].sort((a, b) => auditKindText(a, language).localeCompare(auditKindText(b, language), locale)) : [];

  return (
    <div className="stack">
      <header>
        <h2>{t('audit.heading')}</h2>
        <p className="lead">{t('audit.intro')}</p>
      </header>
      <section className="card" aria-labelledby="audit-filter-heading">
        <h3 id="audit-filter-heading">{t('audit.filters.heading')}</h3>
        <div className="field-pair audit-filters">
          <SelectField
            label={t('audit.filters.kind')}
            value={filters.kinds[0] ?? ''}
            onValueChange={(kind) => filter({ kinds: kind ? [kind] : [] })}
            options={[{ value: '', label: t('audit.filters.allKinds') }, ...kinds.map((kind) => ({ value: kind, label: auditKindText(kind, language) }))]}
          />
          <TextField
            type="date"
            label={t('audit.filters.from')}
            value={filters.from ?? ''}
            onValueChange={(from) => filter({ from: /^\d{4}-\d{2}-\d{2}$/.test(from) ? from : null })}
            className="input input--date"
          />
          <TextField
            type="date"
            label={t('audit.filters.to')}
            value={filters.to ?? ''}
            onValueChange={(to) => filter({ to: /^\d{4}-\d{2}-\d{2}$/.test(to) ? to : null })}
            className="input input--date"
          />
        </div>
        <div className="actions">
          <Button onClick={() => filter(noFilters)} disabled={filters === noFilters}>
            {t('audit.filters.reset')}
          </Button>
        </div>
      </section>

      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {!page ? (
        <p className="muted">{t('audit.loading')}</p>
      ) : (
        <section className="card" aria-label={t('audit.caption')}>
          {page.total === 0 ? (
            <p className="muted">{t('audit.empty')}</p>
          ) : (
            <>
              <p className="muted" role="status">
                {t('audit.range', { first: number(offset + 1), last: number(offset + page.events.length), total: number(page.total) })}
              </p>
              <div className="table-wrap">
                <table className="table">
                  <caption>{t('audit.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('audit.columnWhen')}</th>
                      <th scope="col">{t('audit.columnEvent')}</th>
                      <th scope="col">{t('audit.columnDetail')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.events.map((event) => (
                      <tr key={event.id}>
                        <td style={{ whiteSpace: 'nowrap' }}>{dateTime(event.at)}</td>
                        <th scope="row">{auditKindText(event.kind, language)}</th>
                        <td>{auditDetailText(event.detail, language)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <nav className="actions" aria-label={t('audit.pages')}>
                <Button onClick={() => setOffset(Math.max(0, offset - auditPageSize))} disabled={offset === 0}>
                  {t('audit.newer')}
                </Button>
                <Button onClick={() => setOffset(offset + auditPageSize)} disabled={offset + auditPageSize >= page.total}>
                  {t('audit.older')}
                </Button>
              </nav>
            </>
          )}
        </section>
      )}
      <AuditExport study={study} filters={filters} onExported={() => setReload((count) => count + 1)} />
    </div>
  );
}

function AuditExport({ study, filters, onExported }: { study: StudySummary; filters: AuditFilters; onExported: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const [target, setTarget] = useState(() => joinPath(folderOf(study.path), `${t('audit.export.fileName')}.xlsx`));
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<{ path: string; rows: number } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    setError(null);
    if (!target.trim()) {
      setFieldError(t('audit.export.fileRequired'));
      return;
    }
    setFieldError(null);
    setBusy(true);
    try {
      setDone(await invoke('audit.export', { filters, format, path: target.trim(), language: currentLanguage() }));
      onExported();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="audit-export-heading">
      <h3 id="audit-export-heading">{t('audit.export.heading')}</h3>
      <p className="muted">{t('audit.export.hint')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate className="form">
        <SelectField
          label={t('audit.export.format')}
          value={format}
          onValueChange={(next) => {
            setFormat(next);
            setTarget((current) => current.replace(/\.(xlsx|csv)$/i, `.${next}`));
          }}
          options={(['xlsx', 'csv'] as const).map((value) => ({ value, label: t(`audit.export.formats.${value}`) }))}
        />
        <TextField label={t('audit.export.file')} value={target} onValueChange={setTarget} error={fieldError} className="input input--wide" spellCheck={false} />
        <div className="actions">
          <Button type="submit" variant="primary" disabled={busy}>
            {t('audit.export.submit')}
          </Button>
        </div>
      </form>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {done ? <Alert tone="success">{t('audit.export.done', { path: done.path, count: done.rows })}</Alert> : null}
    </section>
  );
}
