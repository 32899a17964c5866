import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AnalysisExportChoices,
  AnalysisExportProgress,
  CodebookFormat,
  CodingTableFormat,
  CodingTablePreview,
  CodingTableSelection,
} from '../../../../shared/analysisExports/contract.js';
import type { StudySummary } from '../../../../shared/study/contract.js';
import { fileSafe, folderOf, joinPath } from '../../app/paths.js';
import { invoke, onCoreEvent } from '../../bridge/index.js';
import { currentLanguage } from '../../i18n/index.js';
import { Alert, Button, ExportFileField, useErrorText, useFileExport } from '../../ui/index.js';
import './analysisExports.css';

type Which = CodingTableSelection['kind'];
const previewRows = 10;
const previewPauseMs = 300;

/** The thesis's coding table and the codebook: choose what, see the first rows, export. */
export function AnalysisExportsPage({ study }: { study: StudySummary }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [choices, setChoices] = useState<AnalysisExportChoices | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    invoke('analysisExports.choices', {}).then(setChoices, setError);
  }, []);

  return (
    <div className="stack analysis-exports">
      <header>
        <h2>{t('analysisExports.heading')}</h2>
        <p className="lead">{t('analysisExports.intro')}</p>
      </header>
      {!choices ? (
        error ? (
          <Alert tone="error">{errorText(error)}</Alert>
        ) : (
          <p className="muted">{t('analysisExports.loading')}</p>
        )
      ) : (
        <>
          {choices.codes === 0 ? <Alert tone="info">{t('analysisExports.noCodes')}</Alert> : null}
          <CodingTableExport study={study} choices={choices} />
          <CodebookExport study={study} />
        </>
      )}
    </div>
  );
}

function useProgress() {
  const { t } = useTranslation();
  const [text, setText] = useState<string | null>(null);
  /** Runs `work` with a fresh export id, showing what the core reports for it meanwhile. */
  async function track<T>(work: (exportId: string) => Promise<T>): Promise<T> {
    const exportId = globalThis.crypto.randomUUID();
    const stop = onCoreEvent('analysisExports.progress', (report: AnalysisExportProgress) => {
      if (report.exportId !== exportId) return;
      setText(report.phase === 'done' ? null : t(`analysisExports.progress.${report.phase}`, { done: report.done, total: report.total }));
    });
    try {
      return await work(exportId);
    } finally {
      stop();
      setText(null);
    }
  }
  return { text, track };
}

function CodingTableExport({ study, choices }: { study: StudySummary; choices: AnalysisExportChoices }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [which, setWhich] = useState<Which>('all');
  const [chosenCategories, setChosenCategories] = useState<ReadonlySet<number>>(new Set());
  const [chosenCodes, setChosenCodes] = useState<ReadonlySet<number>>(new Set());
  const [format, setFormat] = useState<CodingTableFormat>('docx');
  const [target, setTarget] = useState(() => joinPath(folderOf(study.path), `${fileSafe(t('analysisExports.table.fileName'))}.docx`));
  // The last preview asked for, by the selection it is for: what it showed or why it could not.
  const [preview, setPreview] = useState<{ key: string; preview: CodingTablePreview | null; error: unknown } | null>(null);
  const [chooseError, setChooseError] = useState(false);
  const [written, setWritten] = useState<number | null>(null);
  const { formRef, fieldError, error, done, busy, submit } = useFileExport(t('analysisExports.fileRequired'));
  const progress = useProgress();
  const language = currentLanguage();

  const selection: CodingTableSelection | null =
    which === 'all'
      ? { kind: 'all' }
      : which === 'categories'
        ? chosenCategories.size > 0
          ? { kind: 'categories', ids: [...chosenCategories] }
          : null
        : chosenCodes.size > 0
          ? { kind: 'focusedCodes', ids: [...chosenCodes] }
          : null;
  const selectionKey = JSON.stringify([selection, language]);

  useEffect(() => {
    if (!selection) return;
    let current = true;
    // A moment's pause first: ticking several boxes in a row asks once (a large study's table takes
    // the core about half a second to order).
    const timer = setTimeout(() => {
      invoke('analysisExports.codingTablePreview', { selection, language, limit: previewRows }).then(
        (next) => {
          if (current) setPreview({ key: selectionKey, preview: next, error: null });
        },
        (caught: unknown) => {
          if (current) setPreview({ key: selectionKey, preview: null, error: caught });
        },
      );
    }, previewPauseMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // The selection is fully described by its key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectionKey]);

  function chooseFormat(next: CodingTableFormat) {
    setFormat(next);
    setTarget((current) => current.replace(/\.(docx|xlsx|csv)$/i, `.${next}`));
  }

  function toggle(set: ReadonlySet<number>, id: number, on: boolean): ReadonlySet<number> {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  }

  function exportTable(event: FormEvent) {
    setWritten(null);
    if (!selection) {
      event.preventDefault();
      setChooseError(true);
      return;
    }
    setChooseError(false);
    return submit(event, target, async (path) => {
      const result = await progress.track((exportId) => invoke('analysisExports.codingTable', { selection, format, path, language, exportId }));
      setWritten(result.rows);
      return result;
    });
  }

  const current = preview && selection && preview.key === selectionKey ? preview : null;
  const categoryName = new Map(choices.categories.map((category) => [category.id, category.name]));

  return (
    <section className="card" aria-labelledby="coding-table-heading">
      <h3 id="coding-table-heading">{t('analysisExports.table.heading')}</h3>
      <p className="muted">{t('analysisExports.table.hint')}</p>
      <form ref={formRef} className="form" onSubmit={(event) => void exportTable(event)} noValidate>
        <fieldset className="fieldset radio-group">
          <legend>{t('analysisExports.table.which')}</legend>
          {(['all', 'categories', 'focusedCodes'] as const).map((option) => (
            <div className="radio" key={option}>
              <input
                type="radio"
                id={`coding-table-${option}`}
                name="coding-table-which"
                checked={which === option}
                onChange={() => {
                  setWhich(option);
                  setChooseError(false);
                }}
                aria-describedby={`coding-table-${option}-hint`}
              />
              <div>
                <label htmlFor={`coding-table-${option}`}>{t(`analysisExports.table.${option}`)}</label>
                <p className="field__hint" id={`coding-table-${option}-hint`}>
                  {t(`analysisExports.table.${option}Hint`)}
                </p>
              </div>
            </div>
          ))}
        </fieldset>

        {which === 'categories' ? (
          <Checklist
            legend={t('analysisExports.table.chooseCategories')}
            empty={t('analysisExports.table.noCategories')}
            items={choices.categories.map((category) => ({ id: category.id, label: category.name, depth: category.depth }))}
            chosen={chosenCategories}
            onToggle={(id, on) => setChosenCategories((set) => toggle(set, id, on))}
            onAll={(on) => setChosenCategories(new Set(on ? choices.categories.map((category) => category.id) : []))}
            error={chooseError && !selection ? t('analysisExports.table.chooseOne') : null}
          />
        ) : null}
        {which === 'focusedCodes' ? (
          <Checklist
            legend={t('analysisExports.table.chooseFocusedCodes')}
            empty={t('analysisExports.table.noFocusedCodes')}
            items={choices.focusedCodes.map((code) => ({
              id: code.id,
              label: code.name,
              depth: 0,
              note: code.categoryId === null ? t('analysisExports.table.unplaced') : (categoryName.get(code.categoryId) ?? ''),
            }))}
            chosen={chosenCodes}
            onToggle={(id, on) => setChosenCodes((set) => toggle(set, id, on))}
            onAll={(on) => setChosenCodes(new Set(on ? choices.focusedCodes.map((code) => code.id) : []))}
            error={chooseError && !selection ? t('analysisExports.table.chooseOne') : null}
          />
        ) : null}

        <div className="analysis-preview" aria-live="polite">
          <h4>{t('analysisExports.table.preview')}</h4>
          {!selection ? null : !current ? (
            <p className="muted">{t('analysisExports.table.previewLoading')}</p>
          ) : current.preview ? (
            <CodingTablePreviewView preview={current.preview} />
          ) : (
            <Alert tone="error">{errorText(current.error)}</Alert>
          )}
        </div>

        <FormatChoice
          name="coding-table-format"
          value={format}
          options={(['docx', 'xlsx', 'csv'] as const).map((value) => ({ value, label: t(`analysisExports.formats.${value}`), hint: t(`analysisExports.formatHints.${value}`) }))}
          onChange={chooseFormat}
        />
        <ExportFileField label={t('analysisExports.file')} hint={t('analysisExports.fileHint')} value={target} onValueChange={setTarget} format={format} error={fieldError} />
        <div className="actions">
          <Button type="submit" variant="primary" disabled={busy}>
            {t('analysisExports.export')}
          </Button>
          {progress.text ? (
            <span className="muted" role="status">
              {progress.text}
            </span>
          ) : null}
        </div>
      </form>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {done && written !== null ? <Alert tone="success">{t('analysisExports.table.done', { name: done, count: written })}</Alert> : null}
    </section>
  );
}

function CodingTablePreviewView({ preview }: { preview: CodingTablePreview }) {
  const { t } = useTranslation();
  const { headings, rows, total, rawLeftOut } = preview;
  return (
    <>
      {rawLeftOut.passages > 0 ? (
        <Alert tone="warning">{t('analysisExports.table.rawLeftOut', { count: rawLeftOut.passages, transcripts: rawLeftOut.transcripts })}</Alert>
      ) : null}
      {total === 0 ? (
        <p className="muted">{t('analysisExports.table.previewEmpty')}</p>
      ) : (
        <>
          <p className="muted">{total > rows.length ? t('analysisExports.table.previewFirst', { shown: rows.length, count: total }) : t('analysisExports.table.previewAll', { count: total })}</p>
          <div className="table-wrap">
            <table className="table analysis-preview__table">
              <colgroup>
                <col className="analysis-preview__col-excerpt" />
                <col className="analysis-preview__col-source" />
                <col />
                <col />
                <col />
              </colgroup>
              <thead>
                <tr>
                  {[headings.excerpt, headings.source, headings.initialCodes, headings.focusedCodes, headings.category].map((heading) => (
                    <th scope="col" key={heading}>
                      {heading}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => (
                  <tr key={index}>
                    <td className="analysis-preview__excerpt">{row.excerpt}</td>
                    <td className="analysis-preview__source">{row.source}</td>
                    <td>{lines(row.initialCodes)}</td>
                    <td>{lines(row.focusedCodes)}</td>
                    <td>{lines(row.categories)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

const lines = (items: readonly string[]) =>
  items.map((item, index) => (
    <div key={index} className="analysis-preview__item">
      {item}
    </div>
  ));

interface ChecklistProps {
  legend: string;
  empty: string;
  items: { id: number; label: string; depth: number; note?: string }[];
  chosen: ReadonlySet<number>;
  onToggle: (id: number, on: boolean) => void;
  onAll: (on: boolean) => void;
  error: string | null;
}

function Checklist({ legend, empty, items, chosen, onToggle, onAll, error }: ChecklistProps) {
  const { t } = useTranslation();
  return (
    <fieldset className={`fieldset analysis-checklist${error ? ' field--invalid' : ''}`} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <>
          <div className="analysis-checklist__all">
            <Button variant="quiet" onClick={() => onAll(true)}>
              {t('analysisExports.table.selectAll')}
            </Button>
            <Button variant="quiet" onClick={() => onAll(false)}>
              {t('analysisExports.table.selectNone')}
            </Button>
          </div>
          <ul className="analysis-checklist__items">
            {items.map((item) => (
              <li key={item.id} className="checkbox" style={{ paddingInlineStart: `${item.depth * 1.5}rem` }}>
                <input type="checkbox" id={`analysis-choice-${item.id}`} checked={chosen.has(item.id)} onChange={(event) => onToggle(item.id, event.target.checked)} />
                <label htmlFor={`analysis-choice-${item.id}`}>
                  {item.label}
                  {item.note ? <span className="muted analysis-checklist__note"> · {item.note}</span> : null}
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

function FormatChoice<F extends string>({ name, value, options, onChange }: { name: string; value: F; options: { value: F; label: string; hint: string }[]; onChange: (format: F) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset radio-group">
      <legend>{t('analysisExports.format')}</legend>
      {options.map((option) => (
        <div className="radio" key={option.value}>
          <input type="radio" id={`${name}-${option.value}`} name={name} checked={value === option.value} onChange={() => onChange(option.value)} aria-describedby={`${name}-${option.value}-hint`} />
          <div>
            <label htmlFor={`${name}-${option.value}`}>{option.label}</label>
            <p className="field__hint" id={`${name}-${option.value}-hint`}>
              {option.hint}
            </p>
          </div>
        </div>
      ))}
    </fieldset>
  );
}

function CodebookExport({ study }: { study: StudySummary }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [format, setFormat] = useState<CodebookFormat>('docx');
  const [target, setTarget] = useState(() => joinPath(folderOf(study.path), `${fileSafe(t('analysisExports.codebook.fileName'))}.docx`));
  const { formRef, fieldError, error, done, busy, submit } = useFileExport(t('analysisExports.fileRequired'));
  const progress = useProgress();

  function chooseFormat(next: CodebookFormat) {
    setFormat(next);
    setTarget((current) => current.replace(/\.(docx|xlsx)$/i, `.${next}`));
  }

  return (
    <section className="card" aria-labelledby="codebook-export-heading">
      <h3 id="codebook-export-heading">{t('analysisExports.codebook.heading')}</h3>
      <p className="muted">{t('analysisExports.codebook.hint')}</p>
      <form
        ref={formRef}
        className="form"
        noValidate
        onSubmit={(event) =>
          void submit(event, target, (path) =>
            progress.track((exportId) => invoke('analysisExports.codebook', { format, path, language: currentLanguage(), exportId })),
          )
        }
      >
        <FormatChoice
          name="codebook-format"
          value={format}
          options={[
            { value: 'docx', label: t('analysisExports.formats.docx'), hint: t('analysisExports.formatHints.codebookDocx') },
            { value: 'xlsx', label: t('analysisExports.formats.xlsx'), hint: t('analysisExports.formatHints.codebookXlsx') },
          ]}
          onChange={chooseFormat}
        />
        <ExportFileField label={t('analysisExports.file')} hint={t('analysisExports.fileHint')} value={target} onValueChange={setTarget} format={format} error={fieldError} />
        <div className="actions">
          <Button type="submit" variant="primary" disabled={busy}>
            {t('analysisExports.export')}
          </Button>
          {progress.text ? (
            <span className="muted" role="status">
              {progress.text}
            </span>
          ) : null}
        </div>
      </form>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {done ? <Alert tone="success">{t('analysisExports.codebook.done', { name: done })}</Alert> : null}
    </section>
  );
}
