import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { maxExchangeFileBytes, type ExchangeSummary, type ExportCounts, type NotHeld } from '../../../../shared/exchange/contract.js';
import type { StudySummary } from '../../../../shared/study/contract.js';
import { fileSafe, folderOf, joinPath } from '../../app/paths.js';
import { invoke } from '../../bridge/index.js';
import { readAsBase64 } from '../../bridge/files.js';
import { currentLanguage } from '../../i18n/index.js';
import { Alert, Button, ExportFileField, Field, showErrorsAndFocus, useErrorText, useFileExport } from '../../ui/index.js';
import './exchange.css';

/** REFI-QDA: the project and the codebook out, a codebook in. (A project comes in from the start screen, as a new study.) */
export function ExchangePage({ study }: { study: StudySummary }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [summary, setSummary] = useState<ExchangeSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const language = currentLanguage();

  function load() {
    invoke('exchange.summary', { language }).then(setSummary, setError);
  }
  useEffect(load, [language]);

  return (
    <div className="stack">
      <header>
        <h2>{t('exchange.heading')}</h2>
        <p className="lead">{t('exchange.intro')}</p>
      </header>
      {!summary ? (
        error ? (
          <Alert tone="error">{errorText(error)}</Alert>
        ) : (
          <p className="muted">{t('exchange.loading')}</p>
        )
      ) : (
        <>
          <SummaryView summary={summary} />
          <ProjectExport study={study} />
          {summary.codes > 0 ? <CodebookExport study={study} /> : null}
          <CodebookImport onAdded={load} />
        </>
      )}
    </div>
  );
}

function SummaryView({ summary }: { summary: ExchangeSummary }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="exchange-summary-heading">
      <h3 id="exchange-summary-heading">{t('exchange.summary.heading')}</h3>
      <ul className="exchange-summary">
        <li>{t('exchange.summary.anonymised', { count: summary.anonymised })}</li>
        <li>{t('exchange.summary.codes', { codes: summary.codes, categories: summary.categories })}</li>
        <li>{t('exchange.summary.codings', { count: summary.codings })}</li>
        <li>{t('exchange.summary.memos', { count: summary.memos })}</li>
        <li>{summary.variables > 0 ? t('exchange.summary.variables', { count: summary.variables }) : t('exchange.summary.noVariables')}</li>
      </ul>
      {summary.raw > 0 ? <Alert tone="warning">{t('exchange.summary.raw', { count: summary.raw })}</Alert> : null}
      <p className="muted">{t('exchange.summary.never')}</p>
    </section>
  );
}

function ProjectExport({ study }: { study: StudySummary }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [lineEnding, setLineEnding] = useState<'lf' | 'crlf'>('lf');
  const [includeMemos, setIncludeMemos] = useState(true);
  const [target, setTarget] = useState(() => joinPath(folderOf(study.path), `${fileSafe(`${study.title} ${t('exchange.project.fileName')}`)}.qdpx`));
  const [counts, setCounts] = useState<ExportCounts | null>(null);
  const { formRef, fieldError, error, done, busy, submit } = useFileExport(t('exchange.fileRequired'));

  function exportProject(event: FormEvent) {
    setCounts(null);
    return submit(event, target, async (path) => {
      const result = await invoke('exchange.exportProject', { path, lineEnding, includeMemos, language: currentLanguage() });
      setCounts(result.counts);
      return result;
    });
  }

  return (
    <section className="card" aria-labelledby="exchange-project-heading">
      <h3 id="exchange-project-heading">{t('exchange.project.heading')}</h3>
      <p className="muted">{t('exchange.project.hint')}</p>
      <form ref={formRef} className="form" onSubmit={(event) => void exportProject(event)} noValidate>
        <fieldset className="fieldset radio-group">
          <legend>{t('exchange.project.lineEnding')}</legend>
          {(['lf', 'crlf'] as const).map((option) => (
            <div className="radio" key={option}>
              <input
                type="radio"
                id={`exchange-line-${option}`}
                name="exchange-line-ending"
                checked={lineEnding === option}
                onChange={() => setLineEnding(option)}
                aria-describedby={`exchange-line-${option}-hint`}
              />
              <div>
                <label htmlFor={`exchange-line-${option}`}>{t(`exchange.project.${option}`)}</label>
                <p className="field__hint" id={`exchange-line-${option}-hint`}>
                  {t(`exchange.project.${option}Hint`)}
                </p>
              </div>
            </div>
          ))}
        </fieldset>
        <div className="checkbox">
          <input id="exchange-memos" type="checkbox" checked={includeMemos} onChange={(event) => setIncludeMemos(event.target.checked)} aria-describedby="exchange-memos-hint" />
          <div>
            <label htmlFor="exchange-memos">{t('exchange.project.includeMemos')}</label>
            <p className="field__hint" id="exchange-memos-hint">
              {t('exchange.project.includeMemosHint')}
            </p>
          </div>
        </div>
        <ExportFileField label={t('exchange.project.file')} value={target} onValueChange={setTarget} format="qdpx" error={fieldError} />
        <div className="actions">
          <Button type="submit" variant="primary" disabled={busy}>
            {t('exchange.project.export')}
          </Button>
        </div>
      </form>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {done && counts ? <Alert tone="success">{t('exchange.project.done', { name: done, sources: counts.sources, codings: counts.codings, notes: counts.notes })}</Alert> : null}
    </section>
  );
}

function CodebookExport({ study }: { study: StudySummary }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [target, setTarget] = useState(() => joinPath(folderOf(study.path), `${fileSafe(`${study.title} ${t('exchange.codebook.fileName')}`)}.qdc`));
  const [codes, setCodes] = useState<number | null>(null);
  const { formRef, fieldError, error, done, busy, submit } = useFileExport(t('exchange.fileRequired'));

  function exportCodebook(event: FormEvent) {
    setCodes(null);
    return submit(event, target, async (path) => {
      const result = await invoke('exchange.exportCodebook', { path });
      setCodes(result.codes);
      return result;
    });
  }

  return (
    <section className="card" aria-labelledby="exchange-codebook-heading">
      <h3 id="exchange-codebook-heading">{t('exchange.codebook.heading')}</h3>
      <p className="muted">{t('exchange.codebook.hint')}</p>
      <form ref={formRef} className="form" onSubmit={(event) => void exportCodebook(event)} noValidate>
        <ExportFileField label={t('exchange.project.file')} value={target} onValueChange={setTarget} format="qdc" error={fieldError} />
        <div className="actions">
          <Button type="submit" variant="primary" disabled={busy}>
            {t('exchange.codebook.export')}
          </Button>
        </div>
      </form>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {done && codes !== null ? <Alert tone="success">{t('exchange.codebook.done', { name: done, count: codes })}</Alert> : null}
    </section>
  );
}

/** A chosen file read as base64, or why it could not be. */
export function useChosenFile() {
  const { t } = useTranslation();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  async function choose(files: FileList | null) {
    setFieldError(null);
    const chosen = files?.[0];
    if (!chosen) {
      setFile(null);
      return;
    }
    if (chosen.size > maxExchangeFileBytes) {
      setFile(null);
      setFieldError(t('exchange.fileTooLarge'));
      return;
    }
    try {
      setFile({ name: chosen.name, base64: await readAsBase64(chosen) });
    } catch {
      setFile(null);
      setFieldError(t('exchange.fileReadFailed'));
    }
  }
  return { file, fieldError, setFieldError, choose };
}

function CodebookImport({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { file, fieldError, setFieldError, choose } = useChosenFile();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<{ added: number; merged: number; categories: number; notHeld: NotHeld[] } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    setError(null);
    if (!file) {
      showErrorsAndFocus(formRef.current, () => setFieldError(t('exchange.chooseFile')));
      return;
    }
    setBusy(true);
    try {
      setResult(await invoke('exchange.importCodebook', { fileName: file.name, base64: file.base64 }));
      onAdded();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="exchange-add-codebook-heading">
      <h3 id="exchange-add-codebook-heading">{t('exchange.importCodebook.heading')}</h3>
      <p className="muted">{t('exchange.importCodebook.hint')}</p>
      <form ref={formRef} className="form" onSubmit={(event) => void add(event)} noValidate>
        <Field label={t('exchange.importCodebook.file')} error={fieldError}>
          {(control) => <input {...control} type="file" accept=".qdc,.qdpx,.qde,application/xml,text/xml" onChange={(event) => void choose(event.target.files)} disabled={busy} />}
        </Field>
        <div className="actions">
          <Button type="submit" variant="primary" disabled={busy}>
            {t('exchange.importCodebook.add')}
          </Button>
        </div>
      </form>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {result ? (
        <>
          <Alert tone="success">{t('exchange.importCodebook.done', result)}</Alert>
          <NotHeldList items={result.notHeld} />
        </>
      ) : null}
    </section>
  );
}

/** What an import could not hold, listed so nothing is dropped silently. */
export function NotHeldList({ items }: { items: readonly NotHeld[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <section className="exchange-not-held" aria-labelledby="exchange-not-held-heading">
      <h4 id="exchange-not-held-heading">{t('exchange.notHeld.heading')}</h4>
      <p>{t('exchange.notHeld.intro')}</p>
      <ul>
        {items.map((item) => (
          <li key={`${item.kind}-${item.name}`}>
            {t(`exchange.notHeld.kinds.${item.kind}`)}
            {item.name ? ` ${t('exchange.notHeld.name', { name: item.name })}` : ''}
            {item.count > 1 ? ` ${t('exchange.notHeld.count', { count: item.count })}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
