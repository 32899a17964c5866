import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentDocument, ConsentDocumentWithContent, RichNode } from '../../../../shared/consent/contract.js';
import type { StudySummary } from '../../../../shared/study/contract.js';
import { folderOf, joinPath } from '../../app/paths.js';
import { invoke } from '../../bridge/index.js';
import { useFormat } from '../../i18n/index.js';
import { Alert, Button, ConfirmDialog, ExportFileField, useErrorText, useFileExport } from '../../ui/index.js';
import { RichTextEditor } from './RichTextEditor.js';

interface DocumentsProps {
  study: StudySummary;
  documents: ConsentDocument[];
  onChanged: () => void;
  onDirtyChange: (dirty: boolean) => void;
}

/** The versions of the letter and the form; one of them open for editing and export. */
export function Documents({ study, documents, onChanged, onDirtyChange }: DocumentsProps) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const [openId, setOpenId] = useState<number | null>(null);
  const name = (document: ConsentDocument) => ({
    document: t(`consent.kind.${document.kind}`),
    language: t(`consent.language.${document.language}`),
    version: document.version,
  });

  return (
    <section className="card" aria-labelledby="consent-documents-heading">
      <h3 id="consent-documents-heading">{t('consent.documentsHeading')}</h3>
      <p className="muted">{t('consent.documentsIntro', { example: '{{studyTitle}}', interpolation: { escapeValue: false } })}</p>
      <div className="table-wrap">
        <table className="table consent-table">
          <caption>{t('consent.documentsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('consent.columnDocument')}</th>
              <th scope="col">{t('consent.columnLanguage')}</th>
              <th scope="col">{t('consent.columnVersion')}</th>
              <th scope="col">{t('consent.columnStatus')}</th>
              <th scope="col">{t('consent.columnCreated')}</th>
              <th scope="col">{t('consent.columnActions')}</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((document) => {
              const used = document.consents > 0 || document.frozenAt !== null;
              return (
                <tr key={document.id} aria-current={document.id === openId ? 'true' : undefined}>
                  <th scope="row">{t(`consent.kind.${document.kind}`)}</th>
                  <td>{t(`consent.language.${document.language}`)}</td>
                  <td>{t('consent.versionNumber', { version: document.version })}</td>
                  <td>{used ? t('consent.statusInUse', { count: document.consents }) : t('consent.statusDraft')}</td>
                  <td>{dateTime(document.createdAt)}</td>
                  <td>
                    <Button variant="quiet" aria-label={t(used ? 'consent.viewLabel' : 'consent.editLabel', name(document))} onClick={() => setOpenId(document.id)}>
                      {used ? t('consent.view') : t('consent.edit')}
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {openId !== null ? (
        <DocumentEditor
          key={openId}
          id={openId}
          study={study}
          nextVersion={(document) => Math.max(...documents.filter((other) => other.kind === document.kind && other.language === document.language).map((other) => other.version)) + 1}
          onClose={() => {
            onDirtyChange(false);
            setOpenId(null);
          }}
          onSavedAsNext={(created) => {
            onChanged();
            setOpenId(created.id);
          }}
          onSaved={onChanged}
          onDirtyChange={onDirtyChange}
        />
      ) : null}
    </section>
  );
}

interface DocumentEditorProps {
  id: number;
  study: StudySummary;
  nextVersion: (document: ConsentDocument) => number;
  onClose: () => void;
  onSaved: () => void;
  onSavedAsNext: (created: ConsentDocument) => void;
  onDirtyChange: (dirty: boolean) => void;
}

function DocumentEditor({ id, study, nextVersion, onClose, onSaved, onSavedAsNext, onDirtyChange }: DocumentEditorProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [document, setDocument] = useState<ConsentDocumentWithContent | null>(null);
  const [content, setContent] = useState<RichNode | null>(null);
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState<string>('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    invoke('consent.document', { id }).then((loaded) => {
      setDocument(loaded);
      setContent(loaded.content);
    }, setError);
  }, [id]);
  useEffect(() => {
    if (document) headingRef.current?.focus();
  }, [document]);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const change = useCallback((next: RichNode) => {
    setContent(next);
    setDirty(true);
    setStatus('');
  }, []);

  if (!document || !content) return error ? <Alert tone="error">{errorText(error)}</Alert> : <p role="status">{t('app.loading')}</p>;

  const frozen = document.frozenAt !== null || document.consents > 0;
  const next = nextVersion(document);
  const names = { document: t(`consent.kind.${document.kind}`), language: t(`consent.language.${document.language}`), version: document.version };

  async function save(asNext: boolean) {
    if (!content || !document) return;
    setBusy(true);
    setError(null);
    try {
      if (asNext) {
        const created = await invoke('consent.saveDocumentAsNext', { id: document.id, content });
        setDirty(false);
        onDirtyChange(false);
        onSavedAsNext(created);
      } else {
        await invoke('consent.saveDocument', { id: document.id, content });
        setDirty(false);
        setStatus(t('consent.saved'));
        onSaved();
      }
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack">
      <h4 ref={headingRef} tabIndex={-1}>
        {t('consent.editorHeading', names)}
      </h4>
      {frozen ? <Alert tone="info">{t('consent.frozenNotice', { next })}</Alert> : null}
      <RichTextEditor initial={document.content} label={t('consent.editorLabel')} onChange={change} />
      <div className="actions">
        {frozen ? null : (
          <Button variant="primary" disabled={busy || !dirty} onClick={() => void save(false)}>
            {t('consent.save')}
          </Button>
        )}
        <Button variant={frozen ? 'primary' : 'secondary'} disabled={busy || !dirty} onClick={() => void save(true)}>
          {t('consent.saveAsNext', { version: next })}
        </Button>
        <Button variant="quiet" onClick={() => (dirty ? setConfirmClose(true) : onClose())}>
          {t('consent.closeEditor')}
        </Button>
        <p className={dirty ? 'save-status save-status--dirty' : 'save-status'} role="status">
          {dirty ? t('consent.unsaved') : status}
        </p>
      </div>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      <ExportDocument document={document} study={study} dirty={dirty} />
      <ConfirmDialog
        open={confirmClose}
        title={t('consent.discardTitle')}
        body={t('consent.discardBody')}
        confirmLabel={t('consent.discardConfirm')}
        cancelLabel={t('consent.discardCancel')}
        onConfirm={() => {
          setConfirmClose(false);
          onClose();
        }}
        onCancel={() => setConfirmClose(false)}
      />
    </div>
  );
}

/** A file name for the export: the document, its language and version, the study's name. */
function suggestedName(kind: string, language: string, version: number, extension: string): string {
  return `${kind} (${language}) v${version}.${extension}`.replace(/[\\/:*?"<>|]/g, ' ');
}

function ExportDocument({ document, study, dirty }: { document: ConsentDocument; study: StudySummary; dirty: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [format, setFormat] = useState<'pdf' | 'docx'>('pdf');
  const suggest = (chosen: 'pdf' | 'docx') =>
    joinPath(folderOf(study.path), suggestedName(t(`consent.kind.${document.kind}`), document.language, document.version, chosen));
  const [target, setTarget] = useState(() => suggest('pdf'));
  const { formRef, fieldError, error, done, busy, submit: exportTo } = useFileExport(t('consent.exportFileRequired'));

  function choose(chosen: 'pdf' | 'docx') {
    setFormat(chosen);
    // Keep what the researcher typed, only the extension follows the format.
    setTarget((current) => current.replace(/\.(pdf|docx)$/i, '') + `.${chosen}`);
  }

  function submit(event: FormEvent) {
    return exportTo(event, target, (path) => invoke('consent.exportDocument', { documentId: document.id, format, path }));
  }

  return (
    <form ref={formRef} className="form form-section" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`export-${document.id}`}>
      <h5 id={`export-${document.id}`}>{t('consent.exportHeading')}</h5>
      <p className="muted">{t('consent.exportHint')}</p>
      <fieldset className="fieldset radio-group">
        <legend>{t('consent.exportFormat')}</legend>
        {(['pdf', 'docx'] as const).map((option) => (
          <div className="radio" key={option}>
            <input type="radio" id={`export-${document.id}-${option}`} name={`export-${document.id}`} checked={format === option} onChange={() => choose(option)} />
            <label htmlFor={`export-${document.id}-${option}`}>{option === 'pdf' ? t('consent.exportPdf') : t('consent.exportDocx')}</label>
          </div>
        ))}
      </fieldset>
      <ExportFileField
        label={t('consent.exportFile')}
        hint={t('consent.exportFileHint')}
        value={target}
        onValueChange={setTarget}
        format={format}
        error={fieldError}
      />
      {dirty ? <p className="muted">{t('consent.exportUnsavedNote')}</p> : null}
      <div className="actions">
        <Button type="submit" disabled={busy}>
          {t('consent.exportSave')}
        </Button>
      </div>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {done ? <Alert tone="success">{t('consent.exported', { name: done })}</Alert> : null}
    </form>
  );
}
