import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudySummary } from '../../../../shared/study/contract.js';
import { todayIso } from '../../../../shared/recordings/deadlines.js';
import type { Transcript } from '../../../../shared/transcripts/contract.js';
import { speakerLabels } from '../../../../shared/transcripts/labels.js';
import { folderOf, joinPath } from '../../app/paths.js';
import { invoke } from '../../bridge/index.js';
import { currentLanguage } from '../../i18n/index.js';
import { Alert, Button, ConfirmDialog, ExportFileField, TextField, showErrorsAndFocus, useErrorText } from '../../ui/index.js';
import { useHeldAt } from '../interviews/heldAt.js';
import { useDates } from '../recordings/dates.js';
import { TranscriptEditor } from './editor/TranscriptEditor.js';
import { AnonymisationReview } from '../anonymisation/AnonymisationReview.js';

interface TranscriptViewProps {
  id: number;
  study: StudySummary;
  spellcheck: boolean;
  onSpellcheckChange: (spellcheck: boolean) => void;
  onClose: (message: string | null) => void;
  navigate: (section: string) => void;
}

/** One transcript: the editor, its speakers' names, marking it complete, exporting it, deleting it. */
export function TranscriptView({ id, study, spellcheck, onSpellcheckChange, onClose, navigate }: TranscriptViewProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const heldAt = useHeldAt();
  const { date } = useDates();
  const [transcript, setTranscript] = useState<Transcript | null>(null);
  // Bumped to open the editor afresh from the study (after a save was refused as stale).
  const [generation, setGeneration] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [reviewing, setReviewing] = useState(false);
  // Set when a save sent the anonymised transcript back to raw: how many things the detector proposed.
  const [reviewAgain, setReviewAgain] = useState<number | null>(null);

  const load = useCallback(() => invoke('transcripts.get', { id }).then(setTranscript, setError), [id]);
  useEffect(() => {
    void load().then(() => headingRef.current?.focus());
  }, [load]);

  if (!transcript) return error ? <Alert tone="error">{errorText(error)}</Alert> : <p role="status">{t('app.loading')}</p>;
  if (reviewing) {
    return (
      <AnonymisationReview
        transcriptId={transcript.id}
        onClose={() => {
          setReviewing(false);
          // Finishing the review replaced text and moved the revision on: the editor starts afresh.
          void load().then(() => setGeneration((count) => count + 1));
        }}
      />
    );
  }

  const language = currentLanguage();
  const labels = speakerLabels(transcript, language);
  const when = heldAt(transcript.heldAt);

  function openReview() {
    setReviewAgain(null);
    setReviewing(true);
  }

  async function remove() {
    setConfirmDelete(false);
    try {
      await invoke('transcripts.delete', { id });
      onClose(t('transcripts.deleted'));
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <div className="stack">
      <div className="actions">
        <Button variant="quiet" onClick={() => onClose(null)}>
          ← {t('transcripts.back')}
        </Button>
      </div>
      <h2 className="page-heading" ref={headingRef} tabIndex={-1}>
        {transcript.title || t('transcripts.editorHeading', { pseudonym: transcript.pseudonym, date: when })}
      </h2>
      <div className="transcript-meta">
        <span className={transcript.state === 'anonymised' ? 'state-badge state-badge--anonymised' : 'state-badge'}>{t(`transcripts.state.${transcript.state}`)}</span>
        {transcript.title ? <span>{t('transcripts.editorHeading', { pseudonym: transcript.pseudonym, date: when })}</span> : null}
        {transcript.completedOn ? <span>{t('transcripts.alreadyComplete', { date: date(transcript.completedOn) })}</span> : null}
      </div>
      {reviewAgain !== null ? (
        <Alert tone="warning">
          <p>{t('transcripts.reviewAgain', { count: reviewAgain })}</p>
          <Button variant="primary" onClick={() => openReview()}>
            {t('transcripts.reviewAgainButton')}
          </Button>
        </Alert>
      ) : transcript.state === 'raw' ? (
        <p className="muted">{t('transcripts.rawNote')}</p>
      ) : transcript.anonymisedAt ? (
        <p className="muted">{t('transcripts.anonymisedNote', { date: date(transcript.anonymisedAt.slice(0, 10)) })}</p>
      ) : null}
      {reviewAgain === null ? (
        <div className="actions">
          <Button variant={transcript.state === 'raw' ? 'primary' : 'secondary'} onClick={() => openReview()}>
            {t('transcripts.reviewAnonymisation')}
          </Button>
        </div>
      ) : null}
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}

      <TranscriptEditor
        key={`${transcript.id}-${generation}`}
        transcript={transcript}
        labels={labels}
        spellcheck={spellcheck}
        onSpellcheckChange={onSpellcheckChange}
        onSaved={(saved) => {
          if (!saved.reviewAgain) return;
          setReviewAgain(saved.reviewAgain.proposals);
          setTranscript((current) => current && { ...current, state: saved.state, anonymisedAt: null });
        }}
        onReload={() => {
          void load().then(() => setGeneration((count) => count + 1));
        }}
      />

      <div className="transcript-sections">
        <SpeakerNames
          transcript={transcript}
          fallback={speakerLabels({ interviewerLabel: '', participantLabel: '', pseudonym: transcript.pseudonym }, language)}
          onSaved={(saved) => setTranscript({ ...transcript, ...saved })}
        />
        <MarkComplete transcript={transcript} onCompleted={(completedOn) => setTranscript({ ...transcript, completedOn })} navigate={navigate} />
        <ExportTranscript transcript={transcript} study={study} />
        <section className="form-section" aria-labelledby="transcript-delete-heading">
          <h3 id="transcript-delete-heading">{t('transcripts.deleteHeading')}</h3>
          <div className="actions">
            <Button variant="danger" onClick={() => setConfirmDelete(true)}>
              {t('transcripts.deleteButton')}
            </Button>
          </div>
        </section>
      </div>
      <ConfirmDialog
        open={confirmDelete}
        title={t('transcripts.deleteTitle')}
        body={t('transcripts.deleteBody', { pseudonym: transcript.pseudonym, lines: transcript.lines })}
        confirmLabel={t('transcripts.deleteConfirm')}
        cancelLabel={t('transcripts.cancel')}
        onConfirm={() => void remove()}
        onCancel={() => setConfirmDelete(false)}
      />
    </div>
  );
}

function SpeakerNames({
  transcript,
  fallback,
  onSaved,
}: {
  transcript: Transcript;
  fallback: { interviewer: string; participant: string };
  onSaved: (saved: { title: string; interviewerLabel: string; participantLabel: string }) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [title, setTitle] = useState(transcript.title);
  const [interviewerLabel, setInterviewerLabel] = useState(transcript.interviewerLabel);
  const [participantLabel, setParticipantLabel] = useState(transcript.participantLabel);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    setError(null);
    try {
      const saved = await invoke('transcripts.rename', { id: transcript.id, title, interviewerLabel, participantLabel });
      onSaved({ title: saved.title, interviewerLabel: saved.interviewerLabel, participantLabel: saved.participantLabel });
      setDone(true);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <form className="form form-section" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="transcript-names-heading">
      <h3 id="transcript-names-heading">{t('transcripts.settingsHeading')}</h3>
      <p className="muted">{t('transcripts.settingsHint')}</p>
      <TextField label={t('transcripts.title')} value={title} onValueChange={setTitle} maxLength={200} />
      <TextField
        label={t('transcripts.interviewerLabel')}
        hint={t('transcripts.labelHint', { fallback: fallback.interviewer })}
        value={interviewerLabel}
        onValueChange={setInterviewerLabel}
        maxLength={60}
      />
      <TextField
        label={t('transcripts.participantLabel')}
        hint={t('transcripts.labelHint', { fallback: fallback.participant })}
        value={participantLabel}
        onValueChange={setParticipantLabel}
        maxLength={60}
      />
      <div className="actions">
        <Button type="submit">{t('transcripts.saveSettings')}</Button>
      </div>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {done ? <Alert tone="success">{t('transcripts.settingsSaved')}</Alert> : null}
    </form>
  );
}

function MarkComplete({ transcript, onCompleted, navigate }: { transcript: Transcript; onCompleted: (completedOn: string) => void; navigate: (section: string) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { date } = useDates();
  const [completedOn, setCompletedOn] = useState(todayIso());
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const result = await invoke('transcripts.complete', { id: transcript.id, completedOn });
      const due = result.recordings.map((recording) => recording.deletionDueOn).filter((value): value is string => value !== null).sort()[0];
      setMessage(
        result.recordings.length === 0 ? t('transcripts.completedNone') : t('transcripts.completed', { count: result.recordings.length, date: due ? date(due) : '' }),
      );
      onCompleted(completedOn);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form form-section" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="transcript-complete-heading">
      <h3 id="transcript-complete-heading">{t('transcripts.completeHeading')}</h3>
      <p className="muted">{t('transcripts.completeHint')}</p>
      {transcript.completedOn && !message ? <p>{t('transcripts.alreadyComplete', { date: date(transcript.completedOn) })}</p> : null}
      {!transcript.completedOn ? (
        <>
          <TextField label={t('transcripts.completedOn')} type="date" className="input input--date" value={completedOn} onValueChange={setCompletedOn} required />
          <div className="actions">
            <Button type="submit" variant="primary" disabled={busy || !completedOn}>
              {t('transcripts.completeButton')}
            </Button>
          </div>
        </>
      ) : null}
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {message ? (
        <Alert tone="success">
          {message}{' '}
          <Button variant="secondary" onClick={() => navigate('recordings')}>
            {t('transcripts.seeRecordings')}
          </Button>
        </Alert>
      ) : null}
    </form>
  );
}

function ExportTranscript({ transcript, study }: { transcript: Transcript; study: StudySummary }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const formRef = useRef<HTMLFormElement>(null);
  const [format, setFormat] = useState<'docx' | 'txt'>('docx');
  const [target, setTarget] = useState(() => joinPath(folderOf(study.path), `${t('transcripts.fileName', { pseudonym: transcript.pseudonym })}.docx`.replace(/[\\/:*?"<>|]/g, ' ')));
  const [override, setOverride] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const raw = transcript.state !== 'anonymised';

  function choose(chosen: 'docx' | 'txt') {
    setFormat(chosen);
    setTarget((current) => current.replace(/\.(docx|txt)$/i, '') + `.${chosen}`);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    setError(null);
    const errors: Record<string, string> = {};
    if (!target.trim()) errors.file = t('transcripts.exportFileRequired');
    if (raw && !override) errors.override = t('transcripts.exportOverrideRequired');
    if (Object.keys(errors).length > 0) {
      showErrorsAndFocus(formRef.current, () => setFieldErrors(errors));
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      const written = await invoke('transcripts.export', { id: transcript.id, format, path: target.trim(), overrideRaw: raw && override, language: currentLanguage() });
      setDone(written.path.split(/[\\/]/).pop() ?? written.path);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} className="form form-section" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="transcript-export-heading">
      <h3 id="transcript-export-heading">{t('transcripts.exportHeading')}</h3>
      <p className="muted">{t('transcripts.exportHint')}</p>
      <fieldset className="fieldset radio-group">
        <legend>{t('transcripts.exportFormat')}</legend>
        {(['docx', 'txt'] as const).map((option) => (
          <div className="radio" key={option}>
            <input type="radio" id={`transcript-export-${option}`} name="transcript-export" checked={format === option} onChange={() => choose(option)} />
            <label htmlFor={`transcript-export-${option}`}>{option === 'docx' ? t('transcripts.exportDocx') : t('transcripts.exportTxt')}</label>
          </div>
        ))}
      </fieldset>
      <ExportFileField label={t('transcripts.exportFile')} hint={t('transcripts.exportFileHint')} value={target} onValueChange={setTarget} format={format} error={fieldErrors.file ?? null} />
      {raw ? (
        <div className={fieldErrors.override ? 'field field--invalid' : 'field'}>
          <Alert tone="warning">{t('transcripts.exportRawWarning')}</Alert>
          {fieldErrors.override ? (
            <p className="field__error" id="transcript-override-error">
              {fieldErrors.override}
            </p>
          ) : null}
          <span className="checkbox">
            <input
              id="transcript-override"
              type="checkbox"
              checked={override}
              onChange={(event) => setOverride(event.target.checked)}
              aria-invalid={fieldErrors.override ? true : undefined}
              aria-describedby={fieldErrors.override ? 'transcript-override-error' : undefined}
            />
            <label htmlFor="transcript-override">{t('transcripts.exportOverride')}</label>
          </span>
        </div>
      ) : null}
      <div className="actions">
        <Button type="submit" disabled={busy}>
          {t('transcripts.exportSave')}
        </Button>
      </div>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {done ? <Alert tone="success">{t('transcripts.exported', { name: done })}</Alert> : null}
    </form>
  );
}
