import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { maxImportBase64Total, maxImportBytes, type TranscriptInterview, type TranscriptSummary } from '../../../../shared/transcripts/contract.js';
import type { StudySummary } from '../../../../shared/study/contract.js';
import { GroundworkError, invoke, onCoreEvent, readAsBase64 } from '../../bridge/index.js';
import { Alert, Button, Field, errorCodeOf, showErrorsAndFocus, useErrorText } from '../../ui/index.js';
import { useFormat } from '../../i18n/index.js';
import { useHeldAt } from '../interviews/heldAt.js';
import { useDates } from '../recordings/dates.js';
import { TranscriptView } from './TranscriptView.js';
import './transcripts.css';

interface TranscriptsPageProps {
  study: StudySummary;
  navigate: (section: string) => void;
}

type Loaded = { transcripts: TranscriptSummary[]; interviews: TranscriptInterview[]; spellcheck: boolean };
type Open = { kind: 'new' } | { kind: 'import' } | { kind: 'transcript'; id: number } | null;

/** The transcripts: the list, a new one typed or pasted, files imported, and one open in the editor. */
export function TranscriptsPage({ study, navigate }: TranscriptsPageProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(() => invoke('transcripts.list', {}).then(setLoaded), []);
  useEffect(() => {
    reload().catch(setError);
  }, [reload]);

  function finished(message: string | null, next: Open = null) {
    setOpen(next);
    setDone(message);
    reload().catch(setError);
  }

  if (!loaded) return error ? <Alert tone="error">{errorText(error)}</Alert> : <p role="status">{t('app.loading')}</p>;

  if (open?.kind === 'transcript') {
    return (
      <TranscriptView
        key={open.id}
        id={open.id}
        study={study}
        spellcheck={loaded.spellcheck}
        onSpellcheckChange={(spellcheck) => {
          setLoaded({ ...loaded, spellcheck });
          invoke('transcripts.setSpellcheck', { spellcheck }).catch(setError);
        }}
        onClose={(message) => finished(message)}
        navigate={navigate}
      />
    );
  }

  return (
    <div className="stack">
      <h2 className="page-heading">{t('transcripts.heading')}</h2>
      <p className="lead">{t('transcripts.intro')}</p>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {done ? <Alert tone="success">{done}</Alert> : null}

      {loaded.interviews.length === 0 ? (
        <Alert tone="info">
          {t('transcripts.noInterviews')}{' '}
          <Button variant="secondary" onClick={() => navigate('interviews')}>
            {t('transcripts.goToInterviews')}
          </Button>
        </Alert>
      ) : open?.kind === 'new' ? (
        <NewTranscript
          interviews={loaded.interviews}
          onCancel={() => setOpen(null)}
          onCreated={(summary) => finished(t('transcripts.created'), { kind: 'transcript', id: summary.id })}
        />
      ) : open?.kind === 'import' ? (
        <ImportTranscripts
          interviews={loaded.interviews}
          onCancel={() => setOpen(null)}
          onImported={(summaries) =>
            finished(t('transcripts.imported', { count: summaries.length }), summaries.length === 1 ? { kind: 'transcript', id: summaries[0]!.id } : null)
          }
        />
      ) : (
        <div className="actions">
          <Button
            variant="primary"
            onClick={() => {
              setDone(null);
              setOpen({ kind: 'new' });
            }}
          >
            {t('transcripts.newOpen')}
          </Button>
          <Button
            variant="secondary"
            onClick={() => {
              setDone(null);
              setOpen({ kind: 'import' });
            }}
          >
            {t('transcripts.importOpen')}
          </Button>
        </div>
      )}

      {loaded.transcripts.length === 0 ? (
        <p className="muted">{t('transcripts.empty')}</p>
      ) : (
        <TranscriptTable transcripts={loaded.transcripts} onOpen={(id) => setOpen({ kind: 'transcript', id })} />
      )}
    </div>
  );
}

function TranscriptTable({ transcripts, onOpen }: { transcripts: TranscriptSummary[]; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const heldAt = useHeldAt();
  const { shortDate } = useDates();
  const number = new Intl.NumberFormat(useFormat().locale);
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{t('transcripts.listCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('transcripts.columnParticipant')}</th>
            <th scope="col">{t('transcripts.columnInterview')}</th>
            <th scope="col">{t('transcripts.columnState')}</th>
            <th scope="col">{t('transcripts.columnComplete')}</th>
            <th scope="col" className="table__number">
              {t('transcripts.columnLines')}
            </th>
            <th scope="col" className="table__number">
              {t('transcripts.columnWords')}
            </th>
          </tr>
        </thead>
        <tbody>
          {transcripts.map((transcript) => (
            <tr key={transcript.id}>
              <th scope="row">
                <Button
                  variant="quiet"
                  className="nowrap"
                  aria-label={t('transcripts.openFor', { pseudonym: transcript.pseudonym, date: heldAt(transcript.heldAt) })}
                  onClick={() => onOpen(transcript.id)}
                >
                  {transcript.pseudonym}
                </Button>
                {transcript.title ? <div className="small">{transcript.title}</div> : null}
              </th>
              <td className="nowrap">
                {shortDate(transcript.heldAt.slice(0, 10))}
                <div className="small">{transcript.heldAt.slice(11, 16)}</div>
              </td>
              <td>
                <span className={transcript.state === 'anonymised' ? 'state-badge state-badge--anonymised' : 'state-badge'}>{t(`transcripts.state.${transcript.state}`)}</span>
              </td>
              <td className="nowrap">{transcript.completedOn ? shortDate(transcript.completedOn) : <span className="muted">{t('transcripts.notComplete')}</span>}</td>
              <td className="table__number">{number.format(transcript.lines)}</td>
              <td className="table__number">{number.format(transcript.words)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function InterviewSelect({ interviews, value, onChange, label, error }: { interviews: TranscriptInterview[]; value: string; onChange: (value: string) => void; label: string; error?: string | null }) {
  const { t } = useTranslation();
  const heldAt = useHeldAt();
  return (
    <Field label={label} error={error}>
      {(control) => (
        <select {...control} className="select" value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t('transcripts.chooseInterview')}</option>
          {interviews.map((interview) => (
            <option key={interview.id} value={interview.id}>
              {interview.transcripts > 0
                ? t('transcripts.interviewOptionCount', { pseudonym: interview.pseudonym, date: heldAt(interview.heldAt), count: interview.transcripts })
                : t('transcripts.interviewOption', { pseudonym: interview.pseudonym, date: heldAt(interview.heldAt) })}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The interview to suggest: the newest one without a transcript, if there is one. */
function suggestedInterview(interviews: TranscriptInterview[]): string {
  const untranscribed = interviews.find((interview) => interview.transcripts === 0);
  return untranscribed ? String(untranscribed.id) : '';
}

function NewTranscript({ interviews, onCancel, onCreated }: { interviews: TranscriptInterview[]; onCancel: () => void; onCreated: (summary: TranscriptSummary) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const formRef = useRef<HTMLFormElement>(null);
  const [interviewId, setInterviewId] = useState(() => suggestedInterview(interviews));
  const [source, setSource] = useState<'typed' | 'pasted'>('typed');
  const [text, setText] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!interviewId) errors.interview = t('transcripts.interviewRequired');
    if (source === 'pasted' && text.trim() === '') errors.text = t('transcripts.pasteRequired');
    if (Object.keys(errors).length > 0) {
      showErrorsAndFocus(formRef.current, () => setFieldErrors(errors));
      return;
    }
    setFieldErrors({});
    setBusy(true);
    setError(null);
    try {
      onCreated(await invoke('transcripts.create', { interviewId: Number(interviewId), source, text: source === 'pasted' ? text : '' }));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} className="form form-section" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="transcript-new-heading">
      <h3 id="transcript-new-heading">{t('transcripts.newHeading')}</h3>
      <InterviewSelect interviews={interviews} value={interviewId} onChange={setInterviewId} label={t('transcripts.interview')} error={fieldErrors.interview} />
      <fieldset className="fieldset radio-group">
        <legend>{t('transcripts.how')}</legend>
        {(['typed', 'pasted'] as const).map((option) => (
          <div className="radio" key={option}>
            <input type="radio" id={`transcript-source-${option}`} name="transcript-source" checked={source === option} onChange={() => setSource(option)} />
            <label htmlFor={`transcript-source-${option}`}>{option === 'typed' ? t('transcripts.howTyped') : t('transcripts.howPasted')}</label>
          </div>
        ))}
      </fieldset>
      {source === 'pasted' ? (
        <Field label={t('transcripts.pasteLabel')} hint={t('transcripts.pasteHint')} error={fieldErrors.text}>
          {(control) => <textarea {...control} className="textarea" rows={10} value={text} onChange={(event) => setText(event.target.value)} />}
        </Field>
      ) : null}
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      <div className="actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? t('transcripts.creating') : t('transcripts.create')}
        </Button>
        <Button onClick={onCancel}>{t('transcripts.cancel')}</Button>
      </div>
    </form>
  );
}

interface ChosenFile {
  name: string;
  size: number;
  base64: string;
  interviewId: string;
}

function ImportTranscripts({ interviews, onCancel, onImported }: { interviews: TranscriptInterview[]; onCancel: () => void; onImported: (summaries: TranscriptSummary[]) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const formRef = useRef<HTMLFormElement>(null);
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<{ error: unknown; file: string | null } | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function choose(list: FileList | null) {
    setFieldError(null);
    setError(null);
    const chosen = [...(list ?? [])];
    const tooLarge = chosen.find((file) => file.size > maxImportBytes);
    if (tooLarge) {
      setFiles([]);
      setFieldError(t('transcripts.fileTooLarge', { name: tooLarge.name }));
      return;
    }
    try {
      const suggested = suggestedInterview(interviews);
      const read = await Promise.all(chosen.map(async (file) => ({ name: file.name, size: file.size, base64: await readAsBase64(file), interviewId: chosen.length === 1 ? suggested : '' })));
      if (read.reduce((sum, file) => sum + file.base64.length, 0) > maxImportBase64Total) {
        setFiles([]);
        setFieldError(t('transcripts.filesTooLarge'));
        return;
      }
      setFiles(read);
    } catch {
      setFiles([]);
      setFieldError(t('transcripts.fileReadFailed'));
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (files.length === 0 || files.some((file) => !file.interviewId)) {
      showErrorsAndFocus(formRef.current, () => setFieldError(files.length === 0 ? t('transcripts.files') : t('transcripts.fileInterviewRequired')));
      return;
    }
    setFieldError(null);
    setError(null);
    setBusy(true);
    const importId = globalThis.crypto.randomUUID();
    const stop = onCoreEvent('transcripts.importProgress', (report) => {
      if (report.importId !== importId) return;
      setProgress(report.phase === 'reading' ? t('transcripts.importReading', { done: report.done + 1, total: report.total }) : t('transcripts.importStoring', { total: report.total }));
    });
    try {
      const summaries = await invoke('transcripts.import', {
        importId,
        files: files.map((file) => ({ interviewId: Number(file.interviewId), fileName: file.name, base64: file.base64 })),
      });
      onImported(summaries);
    } catch (caught) {
      // The core names the file that failed (files.N).
      const failed = caught instanceof GroundworkError ? /^files\.(\d+)$/.exec(caught.fields?.[0] ?? '') : null;
      const index = failed ? Number(failed[1]) : NaN;
      setError({ error: caught, file: Number.isInteger(index) ? (files[index]?.name ?? null) : null });
      setBusy(false);
    } finally {
      stop();
      setProgress(null);
    }
  }

  return (
    <form ref={formRef} className="form form-section" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="transcript-import-heading">
      <h3 id="transcript-import-heading">{t('transcripts.importHeading')}</h3>
      <p className="muted">{t('transcripts.importHint')}</p>
      <Field label={t('transcripts.files')} error={fieldError}>
        {(control) => (
          <input {...control} type="file" multiple accept=".txt,.docx,.srt,.vtt,text/plain,text/vtt,application/x-subrip,application/vnd.openxmlformats-officedocument.wordprocessingml.document" onChange={(event) => void choose(event.target.files)} disabled={busy} />
        )}
      </Field>
      {files.length > 0 ? (
        <div className="transcript-import-files">
          {files.map((file, index) => (
            <InterviewSelect
              key={`${file.name}-${index}`}
              interviews={interviews}
              value={file.interviewId}
              onChange={(value) => setFiles(files.map((other, at) => (at === index ? { ...other, interviewId: value } : other)))}
              label={t('transcripts.fileInterview', { name: file.name })}
            />
          ))}
        </div>
      ) : null}
      {progress ? (
        <p role="status" className="muted">
          {progress}
        </p>
      ) : null}
      {error ? (
        <Alert tone="error">
          {errorText(error.error)} {error.file && errorCodeOf(error.error).startsWith('transcript.import') ? t('transcripts.fileFailed', { name: error.file }) : null}
        </Alert>
      ) : null}
      <div className="actions">
        <Button type="submit" variant="primary" disabled={busy || files.length === 0}>
          {t('transcripts.importButton', { count: files.length })}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          {t('transcripts.cancel')}
        </Button>
      </div>
    </form>
  );
}
