import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideVersion } from '../../../../shared/guide/contract.js';
import { interviewSettings, type Interview, type InterviewCandidate, type InterviewSetting } from '../../../../shared/interviews/contract.js';
import { todayIso } from '../../../../shared/recordings/deadlines.js';
import { invoke } from '../../bridge/index.js';
import { Alert, Button, ConfirmDialog, Field, TextField, showErrorsAndFocus, useErrorText } from '../../ui/index.js';
import { useDates } from '../recordings/dates.js';

interface InterviewFormProps {
  /** The interview to change, or null to register a new one. */
  id: number | null;
  candidates: InterviewCandidate[];
  versions: GuideVersion[];
  navigate: (section: string) => void;
  onDirtyChange: (dirty: boolean) => void;
  onCancel: () => void;
  onSaved: (interview: Interview, created: boolean) => void;
  onDeleted: (pseudonym: string) => void;
}

interface Draft {
  participantId: string;
  date: string;
  time: string;
  minutes: string;
  setting: InterviewSetting;
  settingOther: string;
  guideVersionId: string;
  notes: string;
  recordingIds: number[];
}

function draftOf(interview: Interview): Draft {
  return {
    participantId: String(interview.participantId),
    date: interview.heldAt.slice(0, 10),
    time: interview.heldAt.slice(11, 16),
    minutes: interview.lengthMinutes === null ? '' : String(interview.lengthMinutes),
    setting: interview.setting,
    settingOther: interview.settingOther,
    guideVersionId: interview.guideVersionId === null ? '' : String(interview.guideVersionId),
    notes: interview.notes,
    recordingIds: interview.linkedRecordings.map((recording) => recording.id),
  };
}

/** Register an interview, or change one. */
export function InterviewForm({ id, candidates, versions, navigate, onDirtyChange, onCancel, onSaved, onDeleted }: InterviewFormProps) {
  const { t } = useTranslation();
  const { date: longDate, shortDate } = useDates();
  const errorText = useErrorText();
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const allowed = candidates.filter((candidate) => candidate.state === 'valid');
  const [existing, setExisting] = useState<Interview | null>(null);
  const [initial, setInitial] = useState<Draft | null>(
    id === null
      ? {
          participantId: allowed.length === 1 ? String(allowed[0]!.id) : '',
          date: todayIso(),
          time: '',
          minutes: '',
          setting: 'video',
          settingOther: '',
          guideVersionId: versions[0] ? String(versions[0].id) : '',
          notes: '',
          recordingIds: [],
        }
      : null,
  );
  const [draft, setDraft] = useState<Draft | null>(initial);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);

  useEffect(() => {
    if (id === null) return;
    invoke('interviews.get', { id }).then((loaded) => {
      setExisting(loaded);
      setInitial(draftOf(loaded));
      setDraft(draftOf(loaded));
    }, setError);
  }, [id]);
  const ready = draft !== null;
  useEffect(() => {
    if (ready) headingRef.current?.focus();
  }, [ready]);

  const dirty = draft !== null && JSON.stringify(draft) !== JSON.stringify(initial);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  if (!draft) return error ? <Alert tone="error">{errorText(error)}</Alert> : <p role="status">{t('app.loading')}</p>;

  if (id === null && allowed.length === 0) {
    return (
      <section className="card" aria-labelledby="interview-form-heading">
        <h3 id="interview-form-heading" ref={headingRef} tabIndex={-1}>
          {t('interviews.registerHeading')}
        </h3>
        <Alert tone="info">{t('interviews.noneCanBeInterviewed')}</Alert>
        <div className="actions">
          <Button onClick={() => navigate('consent')}>{t('interviews.goToConsent')}</Button>
          <Button variant="quiet" onClick={onCancel}>
            {t('interviews.cancel')}
          </Button>
        </div>
      </section>
    );
  }

  const set = (change: Partial<Draft>) => setDraft((current) => (current ? { ...current, ...change } : current));
  const participant = candidates.find((candidate) => String(candidate.id) === draft.participantId);
  const recordings = participant?.recordings ?? [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    setError(null);
    const errors: Record<string, string> = {};
    if (!draft.participantId) errors.participant = t('interviews.participantRequired');
    if (!draft.date) errors.date = t('interviews.dateRequired');
    else if (participant?.consentSignedOn && draft.date < participant.consentSignedOn) {
      errors.date = t('interviews.beforeConsent', { date: longDate(participant.consentSignedOn) });
    }
    if (!/^\d{2}:\d{2}$/.test(draft.time)) errors.time = t('interviews.timeRequired');
    const length = draft.minutes.trim() === '' ? null : Number(draft.minutes);
    if (length !== null && (!Number.isInteger(length) || length < 0 || length > 1440)) errors.minutes = t('interviews.lengthInvalid');
    if (draft.setting === 'other' && !draft.settingOther.trim()) errors.settingOther = t('interviews.settingOtherRequired');
    if (Object.keys(errors).length > 0) {
      showErrorsAndFocus(formRef.current, () => setFieldErrors(errors));
      return;
    }
    setFieldErrors({});
    setBusy(true);
    const fields = {
      heldAt: `${draft.date}T${draft.time}`,
      lengthMinutes: length,
      setting: draft.setting,
      settingOther: draft.setting === 'other' ? draft.settingOther.trim() : '',
      guideVersionId: draft.guideVersionId ? Number(draft.guideVersionId) : null,
      notes: draft.notes,
      recordingIds: draft.recordingIds.filter((recordingId) => recordings.some((recording) => recording.id === recordingId)),
    };
    try {
      const saved =
        id === null
          ? await invoke('interviews.register', { participantId: Number(draft.participantId), ...fields })
          : await invoke('interviews.update', { id, ...fields });
      onSaved(saved, id === null);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!existing) return;
    setConfirmDelete(false);
    setError(null);
    setBusy(true);
    try {
      await invoke('interviews.delete', { id: existing.id });
      onDeleted(existing.pseudonym);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const candidateLabel = (candidate: InterviewCandidate) =>
    candidate.state === 'valid'
      ? candidate.pseudonym
      : t(candidate.state === 'withdrawn' ? 'interviews.withdrawn' : 'interviews.consentMissing', { pseudonym: candidate.pseudonym });

  return (
    <section className="card" aria-labelledby="interview-form-heading">
      <h3 id="interview-form-heading" ref={headingRef} tabIndex={-1}>
        {existing ? t('interviews.editHeading', { pseudonym: existing.pseudonym }) : t('interviews.registerHeading')}
      </h3>
      <form ref={formRef} className="form" onSubmit={(event) => void submit(event)} noValidate>
        {existing ? null : (
          <Field label={t('interviews.participant')} hint={t('interviews.participantHint')} error={fieldErrors.participant || null}>
            {(control) => (
              <select {...control} className="select" value={draft.participantId} onChange={(event) => set({ participantId: event.target.value, recordingIds: [] })}>
                <option value="">{t('interviews.choose')}</option>
                {candidates.map((candidate) => (
                  <option key={candidate.id} value={candidate.id} disabled={candidate.state !== 'valid'}>
                    {candidateLabel(candidate)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <div className="interview-when">
          <Field label={t('interviews.date')} error={fieldErrors.date || null}>
            {(control) => <input {...control} type="date" className="input input--date" value={draft.date} onChange={(event) => set({ date: event.target.value })} />}
          </Field>
          <Field label={t('interviews.time')} error={fieldErrors.time || null}>
            {(control) => <input {...control} type="time" className="input input--date" value={draft.time} onChange={(event) => set({ time: event.target.value })} />}
          </Field>
          <TextField
            label={t('interviews.lengthMinutes')}
            value={draft.minutes}
            onValueChange={(minutes) => set({ minutes })}
            inputMode="numeric"
            className="input input--number"
            error={fieldErrors.minutes || null}
          />
        </div>
        <fieldset className="fieldset radio-group">
          <legend>{t('interviews.setting')}</legend>
          {interviewSettings.map((setting) => (
            <div className="radio" key={setting}>
              <input type="radio" id={`interview-setting-${setting}`} name="interview-setting" checked={draft.setting === setting} onChange={() => set({ setting })} />
              <label htmlFor={`interview-setting-${setting}`}>{t(`interviews.settings.${setting}`)}</label>
            </div>
          ))}
        </fieldset>
        {draft.setting === 'other' ? (
          <TextField
            label={t('interviews.settingOther')}
            hint={t('interviews.settingOtherHint')}
            value={draft.settingOther}
            onValueChange={(settingOther) => set({ settingOther })}
            error={fieldErrors.settingOther || null}
            maxLength={200}
          />
        ) : null}
        <Field label={t('interviews.guideVersion')} hint={t('interviews.guideVersionHint')}>
          {(control) => (
            <select {...control} className="select" value={draft.guideVersionId} onChange={(event) => set({ guideVersionId: event.target.value })}>
              <option value="">{t('interviews.noGuide')}</option>
              {versions.map((version) => (
                <option key={version.id} value={version.id}>
                  {t(version.frozenAt ? 'interviews.versionOption' : 'interviews.versionOptionDraft', { version: version.version })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('interviews.notes')} hint={t('interviews.notesHint')}>
          {(control) => <textarea {...control} className="textarea" rows={4} maxLength={20000} value={draft.notes} onChange={(event) => set({ notes: event.target.value })} />}
        </Field>
        <fieldset className="fieldset">
          <legend>{t('interviews.recordings')}</legend>
          <p className="field__hint">{t('interviews.recordingsHint')}</p>
          {!participant ? (
            <p className="muted">{t('interviews.recordingsChooseParticipant')}</p>
          ) : recordings.length === 0 ? (
            <p className="muted">{t('interviews.recordingsNone')}</p>
          ) : (
            recordings.map((recording) => {
              const taken = recording.interviewId !== null && recording.interviewId !== id;
              const checked = draft.recordingIds.includes(recording.id);
              const details = [
                recording.format,
                recording.lengthSeconds !== null && recording.lengthSeconds >= 30 ? t('interviews.minutes', { count: Math.round(recording.lengthSeconds / 60) }) : null,
                recording.deletedOn ? t('interviews.recordingDeleted', { date: shortDate(recording.deletedOn) }) : null,
                taken ? t('interviews.recordingTaken') : null,
              ].filter(Boolean);
              return (
                <div className="checkbox" key={recording.id}>
                  <input
                    type="checkbox"
                    id={`interview-recording-${recording.id}`}
                    checked={checked}
                    disabled={taken}
                    onChange={(event) =>
                      set({ recordingIds: event.target.checked ? [...draft.recordingIds, recording.id] : draft.recordingIds.filter((other) => other !== recording.id) })
                    }
                  />
                  <label htmlFor={`interview-recording-${recording.id}`}>
                    {t('interviews.recordingLabel', { date: shortDate(recording.madeOn) })}
                    {details.length > 0 ? <span className="muted"> ({details.join(', ')})</span> : null}
                  </label>
                </div>
              );
            })
          )}
        </fieldset>
        {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
        <div className="actions">
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? t('interviews.saving') : id === null ? t('interviews.save') : t('interviews.saveChanges')}
          </Button>
          <Button variant="quiet" onClick={onCancel}>
            {t('interviews.cancel')}
          </Button>
          {existing ? (
            <Button variant="danger" className="interview-delete" disabled={busy} onClick={() => setConfirmDelete(true)}>
              {t('interviews.deleteOpen')}
            </Button>
          ) : null}
        </div>
      </form>
      {existing ? (
        <ConfirmDialog
          open={confirmDelete}
          title={t('interviews.deleteTitle', { pseudonym: existing.pseudonym })}
          body={t('interviews.deleteBody')}
          confirmLabel={t('interviews.deleteConfirm')}
          cancelLabel={t('interviews.deleteCancel')}
          onConfirm={() => void remove()}
          onCancel={() => setConfirmDelete(false)}
        />
      ) : null}
    </section>
  );
}
