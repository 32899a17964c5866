import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { maxAudioBytes } from '../../../../shared/recordings/audio.js';
import type { Recording, RecordingCandidate } from '../../../../shared/recordings/contract.js';
import { todayIso } from '../../../../shared/recordings/deadlines.js';
import { invoke, readAsBase64 } from '../../bridge/index.js';
import { useFormat } from '../../i18n/index.js';
import { Alert, Button, Field, TextField, showErrorsAndFocus, useErrorText } from '../../ui/index.js';
import { Deadline } from './Deadline.js';
import { useDates } from './dates.js';

interface RecordingsPageProps {
  navigate: (section: string) => void;
}

type Action = { kind: 'transcribe' | 'delete'; recording: Recording } | null;

async function load() {
  const [list, people, page] = await Promise.all([invoke('recordings.list', {}), invoke('recordings.candidates', {}), invoke('studyPage.get', {})]);
  return { list, people, page };
}
type Loaded = Awaited<ReturnType<typeof load>>;

/** The recordings register: register, mark transcribed, record deletion; the most urgent first. */
export function RecordingsPage({ navigate }: RecordingsPageProps) {
  const { t } = useTranslation();
  const { date } = useDates();
  const errorText = useErrorText();
  const [recordings, setRecordings] = useState<Recording[] | null>(null);
  const [today, setToday] = useState(todayIso());
  const [candidates, setCandidates] = useState<RecordingCandidate[]>([]);
  const [deletionDays, setDeletionDays] = useState<number | null>(null);
  const [registering, setRegistering] = useState(false);
  const [action, setAction] = useState<Action>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const apply = useCallback((loaded: Loaded) => {
    setRecordings(loaded.list.recordings);
    setToday(loaded.list.today);
    setCandidates(loaded.people);
    setDeletionDays(loaded.page.recordingDeletionDays);
  }, []);
  const reload = useCallback(() => load().then(apply), [apply]);

  useEffect(() => {
    load().then(apply, setError);
  }, [apply]);

  async function finished(message: string) {
    setRegistering(false);
    setAction(null);
    setDone(message);
    await reload().catch(setError);
  }

  if (!recordings) {
    return error ? <Alert tone="error">{errorText(error)}</Alert> : <p role="status">{t('app.loading')}</p>;
  }

  return (
    <div className="stack">
      <h2 className="page-heading">{t('recordings.heading')}</h2>
      <p className="lead">{t('recordings.intro')}</p>
      {deletionDays !== null ? (
        <p>
          {deletionDays === 0 ? t('recordings.ruleSameDay') : t('recordings.rule', { count: deletionDays })}{' '}
          <Button variant="quiet" onClick={() => navigate('page')}>
            {t('recordings.ruleLink')}
          </Button>
        </p>
      ) : null}

      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {done ? <Alert tone="success">{done}</Alert> : null}

      {registering ? (
        <RegisterForm
          candidates={candidates}
          today={today}
          onCancel={() => setRegistering(false)}
          onRegistered={(recording) => void finished(t('recordings.registered', { pseudonym: recording.pseudonym }))}
          navigate={navigate}
        />
      ) : (
        <div className="actions">
          <Button
            variant="primary"
            onClick={() => {
              setDone(null);
              setAction(null);
              setRegistering(true);
            }}
          >
            {t('recordings.registerOpen')}
          </Button>
        </div>
      )}

      {action?.kind === 'transcribe' ? (
        <TranscribeForm
          recording={action.recording}
          today={today}
          deletionDays={deletionDays ?? 0}
          onCancel={() => setAction(null)}
          onSaved={(saved) => void finished(t('recordings.transcribed', { date: saved.deletionDueOn ? date(saved.deletionDueOn) : '' }))}
        />
      ) : null}
      {action?.kind === 'delete' ? (
        <DeletionForm recording={action.recording} today={today} onCancel={() => setAction(null)} onSaved={() => void finished(t('recordings.deletedDone'))} />
      ) : null}

      {recordings.length === 0 ? (
        <p className="muted">{t('recordings.empty')}</p>
      ) : (
        <RecordingsTable
          recordings={recordings}
          today={today}
          onAction={(next) => {
            setDone(null);
            setRegistering(false);
            setAction(next);
          }}
        />
      )}
    </div>
  );
}

function RecordingsTable({ recordings, today, onAction }: { recordings: Recording[]; today: string; onAction: (action: Action) => void }) {
  const { t } = useTranslation();
  const { date, shortDate } = useDates();
  const { bytes } = useFormat();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{t('recordings.listCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('recordings.columnParticipant')}</th>
            <th scope="col">{t('recordings.columnKept')}</th>
            <th scope="col">{t('recordings.columnTranscribed')}</th>
            <th scope="col">{t('recordings.columnDue')}</th>
            <th scope="col">{t('recordings.columnActions')}</th>
          </tr>
        </thead>
        <tbody>
          {recordings.map((recording) => {
            const label = { pseudonym: recording.pseudonym, date: date(recording.madeOn) };
            return (
              <tr key={recording.id} className={recording.deletedOn ? 'row--done' : undefined}>
                <th scope="row">
                  <span className="nowrap">{recording.pseudonym}</span>
                  <div className="small">{t('recordings.recordedOn', { date: shortDate(recording.madeOn) })}</div>
                </th>
                <td>
                  {recording.keptWhere}
                  {recording.format ? <span className="muted"> · {recording.format}</span> : null}
                  {recording.audio ? <div className="small">{t('recordings.storedInStudy', { size: bytes(recording.audio.bytes) })}</div> : null}
                </td>
                <td className="table__date">{recording.transcribedOn ? shortDate(recording.transcribedOn) : <span className="muted">{t('recordings.notTranscribed')}</span>}</td>
                <td>
                  {recording.deletedOn ? (
                    <>
                      <strong>{t('recordings.deleted', { date: shortDate(recording.deletedOn) })}</strong>
                      <div className="small">{t('recordings.deletedDetail', { how: recording.deletedHow, who: recording.deletionConfirmedBy })}</div>
                    </>
                  ) : recording.deletionDueOn ? (
                    <Deadline due={recording.deletionDueOn} today={today} />
                  ) : (
                    <span className="muted">{t('recordings.dueAfterTranscription')}</span>
                  )}
                </td>
                <td>
                  {recording.deletedOn ? null : (
                    <div className="row-actions">
                      {recording.transcribedOn ? null : (
                        <Button variant="secondary" aria-label={t('recordings.markTranscribedFor', label)} onClick={() => onAction({ kind: 'transcribe', recording })}>
                          {t('recordings.markTranscribed')}
                        </Button>
                      )}
                      <Button variant="secondary" aria-label={t('recordings.recordDeletionFor', label)} onClick={() => onAction({ kind: 'delete', recording })}>
                        {t('recordings.recordDeletion')}
                      </Button>
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

interface RegisterFormProps {
  candidates: RecordingCandidate[];
  today: string;
  onCancel: () => void;
  onRegistered: (recording: Recording) => void;
  navigate: (section: string) => void;
}

interface Upload {
  fileName: string;
  base64: string;
  size: number;
}

function RegisterForm({ candidates, today, onCancel, onRegistered, navigate }: RegisterFormProps) {
  const { t } = useTranslation();
  const { bytes } = useFormat();
  const errorText = useErrorText();
  const formRef = useRef<HTMLFormElement>(null);
  const allowed = candidates.filter((candidate) => candidate.consent === 'valid');
  const [participantId, setParticipantId] = useState<string>(allowed.length === 1 ? String(allowed[0]!.id) : '');
  const [madeOn, setMadeOn] = useState(today);
  const [keptWhere, setKeptWhere] = useState('');
  const [format, setFormat] = useState('');
  const [minutes, setMinutes] = useState('');
  const [notes, setNotes] = useState('');
  const [upload, setUpload] = useState<Upload | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function choose(file: File | undefined) {
    setUpload(null);
    setFieldErrors((errors) => ({ ...errors, audio: '' }));
    if (!file) return;
    if (file.size > maxAudioBytes) {
      setFieldErrors((errors) => ({ ...errors, audio: t('recordings.audioTooLarge') }));
      return;
    }
    try {
      setUpload({ fileName: file.name, base64: await readAsBase64(file), size: file.size });
    } catch {
      setFieldErrors((errors) => ({ ...errors, audio: t('recordings.audioReadFailed') }));
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const errors: Record<string, string> = {};
    if (!participantId) errors.participant = t('recordings.participantRequired');
    if (!madeOn) errors.madeOn = t('recordings.dateRequired');
    const length = minutes.trim() === '' ? null : Number(minutes);
    if (length !== null && (!Number.isInteger(length) || length < 0 || length > 24 * 60)) errors.minutes = t('recordings.lengthInvalid');
    if (Object.values(errors).some(Boolean)) {
      showErrorsAndFocus(formRef.current, () => setFieldErrors(errors));
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      const recording = await invoke('recordings.register', {
        participantId: Number(participantId),
        madeOn,
        keptWhere: keptWhere.trim(),
        format: format.trim(),
        lengthSeconds: length === null ? null : length * 60,
        notes,
        ...(upload ? { audio: { fileName: upload.fileName, base64: upload.base64 } } : {}),
      });
      onRegistered(recording);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  if (candidates.length === 0 || allowed.length === 0) {
    return (
      <section className="card" aria-labelledby="register-recording-heading">
        <h3 id="register-recording-heading">{t('recordings.registerHeading')}</h3>
        <Alert tone="info">{candidates.length === 0 ? t('recordings.noParticipants') : t('recordings.noneCanBeRecorded')}</Alert>
        <div className="actions">
          <Button onClick={() => navigate('participants')}>{t('recordings.goToParticipants')}</Button>
          <Button variant="quiet" onClick={onCancel}>
            {t('recordings.cancel')}
          </Button>
        </div>
      </section>
    );
  }

  const label = (candidate: RecordingCandidate) =>
    candidate.consent === 'valid'
      ? candidate.pseudonym
      : candidate.consent === 'missing'
        ? t('recordings.consentMissing', { pseudonym: candidate.pseudonym })
        : t('recordings.consentNoRecording', { pseudonym: candidate.pseudonym });

  return (
    <section className="card" aria-labelledby="register-recording-heading">
      <h3 id="register-recording-heading">{t('recordings.registerHeading')}</h3>
      <form ref={formRef} className="form" onSubmit={(event) => void submit(event)} noValidate>
        <Field label={t('recordings.participant')} hint={t('recordings.participantHint')} error={fieldErrors.participant || null}>
          {(control) => (
            <select {...control} className="select" value={participantId} onChange={(event) => setParticipantId(event.target.value)}>
              <option value="">{t('recordings.choose')}</option>
              {candidates.map((candidate) => (
                <option key={candidate.id} value={candidate.id} disabled={candidate.consent !== 'valid'}>
                  {label(candidate)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('recordings.madeOn')} error={fieldErrors.madeOn || null}>
          {(control) => <input {...control} type="date" className="input input--date" value={madeOn} onChange={(event) => setMadeOn(event.target.value)} />}
        </Field>
        <TextField label={t('recordings.keptWhere')} hint={t('recordings.keptWhereHint')} value={keptWhere} onValueChange={setKeptWhere} className="input input--wide" maxLength={500} />
        <div className="field-pair">
          <TextField label={t('recordings.format')} hint={t('recordings.formatHint')} value={format} onValueChange={setFormat} maxLength={100} />
          <TextField
            label={t('recordings.lengthMinutes')}
            hint={t('recordings.lengthHint')}
            value={minutes}
            onValueChange={setMinutes}
            inputMode="numeric"
            className="input input--number"
            error={fieldErrors.minutes || null}
          />
        </div>
        <Field label={t('recordings.notes')} hint={t('recordings.notesHint')}>
          {(control) => <textarea {...control} className="textarea" rows={3} maxLength={5000} value={notes} onChange={(event) => setNotes(event.target.value)} />}
        </Field>
        <Field label={t('recordings.audio')} hint={t('recordings.audioHint')} error={fieldErrors.audio || null}>
          {(control) => (
            <input
              {...control}
              type="file"
              className="input input--wide"
              accept="audio/*,.mp3,.wav,.m4a,.ogg,.oga,.flac"
              onChange={(event) => void choose(event.target.files?.[0])}
            />
          )}
        </Field>
        {upload ? <p className="small">{t('recordings.audioChosen', { name: upload.fileName, size: bytes(upload.size) })}</p> : null}
        {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
        <div className="actions">
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? t('recordings.registering') : t('recordings.register')}
          </Button>
          <Button variant="quiet" onClick={onCancel}>
            {t('recordings.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}

interface ActionFormProps {
  recording: Recording;
  today: string;
  onCancel: () => void;
  onSaved: (recording: Recording) => void;
}

function TranscribeForm({ recording, today, deletionDays, onCancel, onSaved }: ActionFormProps & { deletionDays: number }) {
  const { t } = useTranslation();
  const { date } = useDates();
  const errorText = useErrorText();
  const formRef = useRef<HTMLFormElement>(null);
  const [transcribedOn, setTranscribedOn] = useState(today);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    formRef.current?.querySelector('input')?.focus();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!transcribedOn) {
      showErrorsAndFocus(formRef.current, () => setFieldError(t('recordings.dateRequired')));
      return;
    }
    setFieldError(null);
    try {
      onSaved(await invoke('recordings.markTranscribed', { id: recording.id, transcribedOn }));
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="card" aria-labelledby="transcribe-heading">
      <h3 id="transcribe-heading">{t('recordings.transcribeHeading', { pseudonym: recording.pseudonym, date: date(recording.madeOn) })}</h3>
      <form ref={formRef} className="form" onSubmit={(event) => void submit(event)} noValidate>
        <Field label={t('recordings.transcribedOn')} hint={t('recordings.transcribeExplain', { count: deletionDays })} error={fieldError}>
          {(control) => <input {...control} type="date" className="input input--date" value={transcribedOn} onChange={(event) => setTranscribedOn(event.target.value)} />}
        </Field>
        {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
        <div className="actions">
          <Button type="submit" variant="primary">
            {t('recordings.transcribeSave')}
          </Button>
          <Button variant="quiet" onClick={onCancel}>
            {t('recordings.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function DeletionForm({ recording, today, onCancel, onSaved }: ActionFormProps) {
  const { t } = useTranslation();
  const { date } = useDates();
  const { bytes } = useFormat();
  const errorText = useErrorText();
  const formRef = useRef<HTMLFormElement>(null);
  const [deletedOn, setDeletedOn] = useState(today);
  const [deletedHow, setDeletedHow] = useState('');
  const [confirmedBy, setConfirmedBy] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    formRef.current?.querySelector('input')?.focus();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const errors: Record<string, string> = {};
    if (!deletedOn) errors.deletedOn = t('recordings.dateRequired');
    if (!deletedHow.trim()) errors.deletedHow = t('recordings.deletedHowRequired');
    if (!confirmedBy.trim()) errors.confirmedBy = t('recordings.confirmedByRequired');
    if (Object.keys(errors).length > 0) {
      showErrorsAndFocus(formRef.current, () => setFieldErrors(errors));
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      onSaved(await invoke('recordings.recordDeletion', { id: recording.id, deletedOn, deletedHow: deletedHow.trim(), confirmedBy: confirmedBy.trim() }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="deletion-heading">
      <h3 id="deletion-heading">{t('recordings.deleteHeading', { pseudonym: recording.pseudonym, date: date(recording.madeOn) })}</h3>
      <p>{t('recordings.deleteExplain')}</p>
      {recording.audio ? <Alert tone="warning">{t('recordings.deleteStoredAudio', { size: bytes(recording.audio.bytes) })}</Alert> : null}
      <form ref={formRef} className="form" onSubmit={(event) => void submit(event)} noValidate>
        <Field label={t('recordings.deletedOn')} error={fieldErrors.deletedOn || null}>
          {(control) => <input {...control} type="date" className="input input--date" value={deletedOn} onChange={(event) => setDeletedOn(event.target.value)} />}
        </Field>
        <TextField
          label={t('recordings.deletedHow')}
          hint={t('recordings.deletedHowHint')}
          value={deletedHow}
          onValueChange={setDeletedHow}
          error={fieldErrors.deletedHow || null}
          className="input input--wide"
          maxLength={500}
        />
        <TextField
          label={t('recordings.confirmedBy')}
          hint={t('recordings.confirmedByHint')}
          value={confirmedBy}
          onValueChange={setConfirmedBy}
          error={fieldErrors.confirmedBy || null}
          maxLength={200}
        />
        {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
        <div className="actions">
          <Button type="submit" variant="danger" disabled={busy}>
            {t('recordings.deleteSave')}
          </Button>
          <Button variant="quiet" onClick={onCancel}>
            {t('recordings.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
