import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideContent, GuideExportFormat, GuideVersion, GuideVersionWithContent } from '../../../../shared/guide/contract.js';
import { countChanges, diffGuides } from '../../../../shared/guide/diff.js';
import type { StudySummary } from '../../../../shared/study/contract.js';
import { folderOf, joinPath } from '../../app/paths.js';
import { invoke } from '../../bridge/index.js';
import { currentLanguage, useFormat } from '../../i18n/index.js';
import { Alert, Button, ExportFileField, Field, showErrorsAndFocus, useErrorText, useFileExport } from '../../ui/index.js';
import { GuideEditor, invalidFields } from './GuideEditor.js';
import './guide.css';

interface GuidePageProps {
  study: StudySummary;
  onDirtyChange: (dirty: boolean) => void;
}

/** The first call makes version 1 from the starter guide, in the language the researcher works in. */
function loadVersions(): Promise<GuideVersion[]> {
  return invoke('guide.versions', { language: currentLanguage() });
}

/** The interview guide: its versions, the chosen one open (editable if it is the newest), what changed, export. */
export function GuidePage({ study, onDirtyChange }: GuidePageProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [versions, setVersions] = useState<GuideVersion[] | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const apply = useCallback((loaded: GuideVersion[], open?: number) => {
    setVersions(loaded);
    setOpenId((current) => open ?? current ?? loaded[0]?.id ?? null);
  }, []);
  const load = useCallback((open?: number) => loadVersions().then((loaded) => apply(loaded, open)), [apply]);
  useEffect(() => {
    loadVersions().then((loaded) => apply(loaded), setError);
  }, [apply]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  if (!versions) return error ? <Alert tone="error">{errorText(error)}</Alert> : <p role="status">{t('app.loading')}</p>;
  const newest = versions[0];

  return (
    <div className="stack">
      <h2 className="page-heading">{t('guide.heading')}</h2>
      <p className="lead">{t('guide.intro')}</p>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      <VersionsTable versions={versions} openId={openId} onOpen={(id) => {
        setNotice(null);
        setOpenId(id);
      }} />
      {/* Made afresh after every save: it then compares the newest version with the one before. */}
      <Compare key={versions.map((version) => `${version.id}:${version.updatedAt}`).join(',')} versions={versions} />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {openId !== null && newest ? (
        <VersionEditor
          key={openId}
          id={openId}
          newest={newest}
          study={study}
          onDirtyChange={onDirtyChange}
          onSaved={(saved, created, previous) => {
            setNotice(created ? t('guide.savedAsNext', { version: saved.version, previous }) : null);
            load(saved.id).catch(setError);
          }}
        />
      ) : null}
    </div>
  );
}

function VersionsTable({ versions, openId, onOpen }: { versions: GuideVersion[]; openId: number | null; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  return (
    <section className="card" aria-labelledby="guide-versions-heading">
      <h3 id="guide-versions-heading">{t('guide.versionsHeading')}</h3>
      <div className="table-wrap">
        <table className="table">
          <caption>{t('guide.versionsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('guide.columnVersion')}</th>
              <th scope="col">{t('guide.columnStatus')}</th>
              <th scope="col">{t('guide.columnSize')}</th>
              <th scope="col">{t('guide.columnChanged')}</th>
              <th scope="col">{t('guide.columnActions')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version.id} aria-current={version.id === openId ? 'true' : undefined}>
                <th scope="row" className="nowrap">
                  {t('guide.versionNumber', { version: version.version })}
                </th>
                <td>{version.frozenAt ? t('guide.statusUsed', { count: version.interviews }) : t('guide.statusDraft')}</td>
                <td>{t('guide.size', { parts: version.parts, questions: version.questions })}</td>
                <td className="table__date">{dateTime(version.updatedAt)}</td>
                <td>
                  {version.id === openId ? (
                    <span className="muted">{t('guide.showing')}</span>
                  ) : (
                    <Button variant="quiet" aria-label={t('guide.openLabel', { version: version.version })} onClick={() => onOpen(version.id)}>
                      {t('guide.open')}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

interface VersionEditorProps {
  id: number;
  newest: GuideVersion;
  study: StudySummary;
  onDirtyChange: (dirty: boolean) => void;
  onSaved: (saved: GuideVersion, created: boolean, previous: number) => void;
}

function VersionEditor({ id, newest, study, onDirtyChange, onSaved }: VersionEditorProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [version, setVersion] = useState<GuideVersionWithContent | null>(null);
  const [content, setContent] = useState<GuideContent | null>(null);
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [editorKey, setEditorKey] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    invoke('guide.version', { id }).then((loaded) => {
      setVersion(loaded);
      setContent(loaded.content);
    }, setError);
  }, [id]);

  const dirty = version !== null && content !== null && JSON.stringify(content) !== JSON.stringify(version.content);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  if (!version || !content) return error ? <Alert tone="error">{errorText(error)}</Alert> : <p role="status">{t('app.loading')}</p>;

  const isNewest = version.id === newest.id;
  const frozen = version.frozenAt !== null;

  async function save() {
    if (!content || !version) return;
    const empty = invalidFields(content);
    if (empty.size > 0) {
      setStatus(t('guide.fixFirst'));
      showErrorsAndFocus(headingRef.current?.parentElement ?? null, () => setInvalid(empty));
      return;
    }
    setInvalid(new Set());
    setBusy(true);
    setError(null);
    setStatus(t('guide.saving'));
    try {
      const saved = await invoke('guide.save', { id: version.id, content });
      setStatus(saved.created ? '' : t('guide.saved'));
      onDirtyChange(false);
      if (!saved.created) setVersion({ ...version, ...saved.version, content });
      onSaved(saved.version, saved.created, version.version);
    } catch (caught) {
      setStatus('');
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card stack" aria-labelledby="guide-editor-heading">
      <h3 id="guide-editor-heading" ref={headingRef} tabIndex={-1}>
        {t('guide.editorHeading', { version: version.version })}
      </h3>
      {!isNewest ? <Alert tone="info">{t('guide.olderNotice', { newest: newest.version })}</Alert> : null}
      {isNewest && frozen ? <Alert tone="info">{t('guide.frozenNotice', { version: version.version, next: version.version + 1 })}</Alert> : null}
      <GuideEditor key={editorKey} content={content} onChange={(next) => {
        setContent(next);
        setStatus('');
      }} readOnly={!isNewest} invalid={invalid} onAnnounce={setStatus} />
      {isNewest ? (
        <div className="actions actions--sticky">
          <Button variant="primary" disabled={busy || !dirty} onClick={() => void save()}>
            {frozen ? t('guide.saveAsNext', { version: version.version + 1 }) : t('guide.save')}
          </Button>
          <Button
            variant="quiet"
            disabled={busy || !dirty}
            onClick={() => {
              setContent(version.content);
              setInvalid(new Set());
              setEditorKey((key) => key + 1);
              setStatus('');
            }}
          >
            {t('guide.discard')}
          </Button>
          <p className={dirty ? 'save-status save-status--dirty' : 'save-status'} role="status">
            {status || (dirty ? t('guide.unsaved') : '')}
          </p>
        </div>
      ) : null}
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      <ExportGuide version={version} study={study} dirty={dirty} />
    </section>
  );
}

function Compare({ versions }: { versions: GuideVersion[] }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [from, setFrom] = useState<number | null>(versions[1]?.id ?? null);
  const [to, setTo] = useState<number | null>(versions[0]?.id ?? null);
  const [contents, setContents] = useState<Record<number, GuideContent>>({});
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    for (const id of [from, to]) {
      if (id === null || contents[id]) continue;
      invoke('guide.version', { id }).then((loaded) => setContents((all) => ({ ...all, [id]: loaded.content })), setError);
    }
  }, [from, to, contents]);

  const number = (id: number | null) => versions.find((version) => version.id === id)?.version ?? 0;
  const before = from !== null ? contents[from] : undefined;
  const after = to !== null ? contents[to] : undefined;
  const changes = before && after ? diffGuides(before, after) : null;

  const choose = (label: string, value: number | null, onChoose: (id: number) => void) => (
    <Field label={label}>
      {(control) => (
        <select {...control} className="select" value={value ?? ''} onChange={(event) => onChoose(Number(event.target.value))}>
          {versions.map((version) => (
            <option key={version.id} value={version.id}>
              {t('guide.versionNumber', { version: version.version })}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <section className="card stack" aria-labelledby="guide-compare-heading">
      <h3 id="guide-compare-heading">{t('guide.compareHeading')}</h3>
      {versions.length < 2 ? (
        <p className="muted">{t('guide.compareOnlyOne')}</p>
      ) : (
        <>
          <div className="field-pair">
            {choose(t('guide.compareFrom'), from, setFrom)}
            {choose(t('guide.compareTo'), to, setTo)}
          </div>
          {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
          {changes === null ? (
            <p role="status">{t('app.loading')}</p>
          ) : changes.length === 0 ? (
            <p role="status">{t('guide.compareNone')}</p>
          ) : (
            <>
              <p role="status">{t('guide.compareSummary', countChanges(changes))}</p>
              <ul className="guide-changes" aria-label={t('guide.compareCaption', { from: number(from), to: number(to) })}>
                {changes.map((change) => (
                  <li key={`${change.change}-${change.key}`} className={`guide-change guide-change--${change.change}`}>
                    <span className="guide-change__kind">{t(`guide.changeKind.${change.change}`)}</span>{' '}
                    <span className="muted">{t(`guide.itemKind.${change.item}`)}:</span> <span className="guide-change__label">{change.label}</span>
                    {change.part ? <span className="muted"> {t('guide.inPart', { part: change.part })}</span> : null}
                    {change.fromPart ? <span className="muted"> ({t('guide.fromPart', { part: change.fromPart })})</span> : null}
                    {change.fields ? <span className="muted"> ({change.fields.map((field) => t(`guide.fields.${field}`)).join(', ')})</span> : null}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

function ExportGuide({ version, study, dirty }: { version: GuideVersion; study: StudySummary; dirty: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [format, setFormat] = useState<GuideExportFormat>('docx');
  const [includeNotes, setIncludeNotes] = useState(false);
  const [target, setTarget] = useState(() =>
    joinPath(folderOf(study.path), `${t('guide.fileName', { version: version.version })}.docx`.replace(/[\\/:*?"<>|]/g, ' ')),
  );
  const { formRef, fieldError, error, done, busy, submit: exportTo } = useFileExport(t('guide.exportFileRequired'));

  function choose(chosen: GuideExportFormat) {
    setFormat(chosen);
    setTarget((current) => current.replace(/\.(pdf|docx)$/i, '') + `.${chosen}`);
  }

  function submit(event: FormEvent) {
    return exportTo(event, target, (path) => invoke('guide.export', { id: version.id, format, includeNotes, path }));
  }

  return (
    <form ref={formRef} className="form form-section" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="guide-export-heading">
      <h4 id="guide-export-heading">{t('guide.exportHeading', { version: version.version })}</h4>
      <p className="muted">{t('guide.exportHint')}</p>
      <fieldset className="fieldset radio-group">
        <legend>{t('guide.exportFormat')}</legend>
        {(['docx', 'pdf'] as const).map((option) => (
          <div className="radio" key={option}>
            <input type="radio" id={`guide-export-${option}`} name="guide-export-format" checked={format === option} onChange={() => choose(option)} />
            <label htmlFor={`guide-export-${option}`}>{option === 'pdf' ? t('guide.exportPdf') : t('guide.exportDocx')}</label>
          </div>
        ))}
      </fieldset>
      <div className="checkbox">
        <input type="checkbox" id="guide-export-notes" checked={includeNotes} onChange={(event) => setIncludeNotes(event.target.checked)} aria-describedby="guide-export-notes-hint" />
        <div>
          <label htmlFor="guide-export-notes">{t('guide.exportNotes')}</label>
          <p className="field__hint" id="guide-export-notes-hint">
            {t('guide.exportNotesHint')}
          </p>
        </div>
      </div>
      <ExportFileField label={t('guide.exportFile')} hint={t('guide.exportFileHint')} value={target} onValueChange={setTarget} format={format} error={fieldError} />
      {dirty ? <p className="muted">{t('guide.exportUnsaved')}</p> : null}
      <div className="actions">
        <Button type="submit" disabled={busy}>
          {t('guide.exportSave')}
        </Button>
      </div>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {done ? <Alert tone="success">{t('guide.exported', { name: done })}</Alert> : null}
    </form>
  );
}
