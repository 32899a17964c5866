import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordingCandidate } from '../../../../shared/recordings/contract.js';
import { todayIso } from '../../../../shared/recordings/deadlines.js';
import { requestKinds, type RequestKind, type RightsRequest } from '../../../../shared/requests/contract.js';
import { latestExtensionOn, requestDueOn } from '../../../../shared/requests/deadlines.js';
import { invoke } from '../../bridge/index.js';
import { Alert, Button, Field, TextField, showErrorsAndFocus, useErrorText } from '../../ui/index.js';
import { Deadline } from '../recordings/Deadline.js';
import { useDates } from '../recordings/dates.js';

type Action = { kind: 'extend' | 'answer'; request: RightsRequest } | null;

async function load() {
  const [list, people] = await Promise.all([invoke('requests.list', {}), invoke('recordings.candidates', {})]);
  return { list, people };
}
type Loaded = Awaited<ReturnType<typeof load>>;

/** The register of requests about a person's rights, with their one-month deadlines. */
export function RequestsPage() {
  const { t } = useTranslation();
  const { date, shortDate } = useDates();
  const errorText = useErrorText();
  const [requests, setRequests] = useState<RightsRequest[] | null>(null);
  const [today, setToday] = useState(todayIso());
  const [participants, setParticipants] = useState<RecordingCandidate[]>([]);
  const [registering, setRegistering] = useState(false);
  const [action, setAction] = useState<Action>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const apply = useCallback((loaded: Loaded) => {
    setRequests(loaded.list.requests);
    setToday(loaded.list.today);
    setParticipants(loaded.people);
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

  if (!requests) {
    return error ? <Alert tone="error">{errorText(error)}</Alert> : <p role="status">{t('app.loading')}</p>;
  }

  return (
    <div className="stack">
      <h2 className="page-heading">{t('requests.heading')}</h2>
      <p className="lead">{t('requests.intro')}</p>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {done ? <Alert tone="success">{done}</Alert> : null}

      {registering ? (
        <RegisterForm
          participants={participants}
          today={today}
          onCancel={() => setRegistering(false)}
          onRegistered={(request) => void finished(t('requests.registered', { date: date(request.deadline) }))}
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
            {t('requests.registerOpen')}
          </Button>
        </div>
      )}

      {action?.kind === 'extend' ? (
        <ExtendForm request={action.request} onCancel={() => setAction(null)} onSaved={(saved) => void finished(t('requests.extended', { date: date(saved.deadline) }))} />
      ) : null}
      {action?.kind === 'answer' ? (
        <AnswerForm request={action.request} today={today} onCancel={() => setAction(null)} onSaved={() => void finished(t('requests.answered'))} />
      ) : null}

      {requests.length === 0 ? (
        <p className="muted">{t('requests.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('requests.listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('requests.columnKind')}</th>
                <th scope="col">{t('requests.columnParticipant')}</th>
                <th scope="col">{t('requests.columnDeadline')}</th>
                <th scope="col">{t('requests.columnActions')}</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((request) => {
                const label = { kind: t(`requests.kindShort.${request.kind}`), date: date(request.receivedOn) };
                const open = request.status === 'open';
                return (
                  <tr key={request.id} className={open ? undefined : 'row--done'}>
                    <th scope="row">
                      {t(`requests.kindShort.${request.kind}`)}
                      <div className="small">{t('requests.receivedNote', { date: shortDate(request.receivedOn) })}</div>
                      {request.notes ? <div className="small muted request-notes">{request.notes}</div> : null}
                    </th>
                    <td>{request.pseudonym ? <span className="nowrap">{request.pseudonym}</span> : <span className="muted">{t('requests.noneLinked')}</span>}</td>
                    <td>
                      {request.status === 'open' ? (
                        <Deadline due={request.deadline} today={today} />
                      ) : (
                        <strong>{t(`requests.status.${request.status}`, { date: request.answeredOn ? shortDate(request.answeredOn) : '' })}</strong>
                      )}
                      {request.extendedTo ? <div className="small">{t('requests.extendedNote', { date: shortDate(request.dueOn), reason: request.extensionReason })}</div> : null}
                    </td>
                    <td>
                      {open ? (
                        <div className="row-actions">
                          <Button
                            aria-label={t('requests.answerFor', label)}
                            onClick={() => {
                              setDone(null);
                              setRegistering(false);
                              setAction({ kind: 'answer', request });
                            }}
                          >
                            {t('requests.answer')}
                          </Button>
                          {request.extendedTo ? null : (
                            <Button
                              variant="quiet"
                              aria-label={t('requests.extendFor', label)}
                              onClick={() => {
                                setDone(null);
                                setRegistering(false);
                                setAction({ kind: 'extend', request });
                              }}
                            >
                              {t('requests.extend')}
                            </Button>
                          )}
                        </div>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

interface RegisterFormProps {
  participants: RecordingCandidate[];
  today: string;
  onCancel: () => void;
  onRegistered: (request: RightsRequest) => void;
}

function RegisterForm({ participants, today, onCancel, onRegistered }: RegisterFormProps) {
  const { t } = useTranslation();
  const { date } = useDates();
  const errorText = useErrorText();
  const formRef = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState<RequestKind>('access');
  const [receivedOn, setReceivedOn] = useState(today);
  const [participantId, setParticipantId] = useState('');
  const [notes, setNotes] = useState('');
  const [dateError, setDateError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    formRef.current?.querySelector('select')?.focus();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!receivedOn) {
      showErrorsAndFocus(formRef.current, () => setDateError(t('requests.dateRequired')));
      return;
    }
    setDateError(null);
    setBusy(true);
    try {
      onRegistered(await invoke('requests.register', { kind, receivedOn, participantId: participantId ? Number(participantId) : null, notes }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="register-request-heading">
      <h3 id="register-request-heading">{t('requests.registerHeading')}</h3>
      <form ref={formRef} className="form" onSubmit={(event) => void submit(event)} noValidate>
        <Field label={t('requests.kind')}>
          {(control) => (
            <select {...control} className="select" value={kind} onChange={(event) => setKind(event.target.value as RequestKind)}>
              {requestKinds.map((option) => (
                <option key={option} value={option}>
                  {t(`requests.kinds.${option}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('requests.receivedOn')} hint={receivedOn ? t('requests.dueHint', { date: date(requestDueOn(receivedOn)) }) : undefined} error={dateError}>
          {(control) => <input {...control} type="date" className="input input--date" value={receivedOn} onChange={(event) => setReceivedOn(event.target.value)} />}
        </Field>
        <Field label={t('requests.participant')} hint={t('requests.participantHint')}>
          {(control) => (
            <select {...control} className="select" value={participantId} onChange={(event) => setParticipantId(event.target.value)}>
              <option value="">{t('requests.noParticipant')}</option>
              {participants.map((participant) => (
                <option key={participant.id} value={participant.id}>
                  {participant.pseudonym}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('requests.notes')} hint={t('requests.notesHint')}>
          {(control) => <textarea {...control} className="textarea" rows={3} maxLength={5000} value={notes} onChange={(event) => setNotes(event.target.value)} />}
        </Field>
        {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
        <div className="actions">
          <Button type="submit" variant="primary" disabled={busy}>
            {t('requests.register')}
          </Button>
          <Button variant="quiet" onClick={onCancel}>
            {t('requests.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}

interface ActionFormProps {
  request: RightsRequest;
  onCancel: () => void;
  onSaved: (request: RightsRequest) => void;
}

function ExtendForm({ request, onCancel, onSaved }: ActionFormProps) {
  const { t } = useTranslation();
  const { date } = useDates();
  const errorText = useErrorText();
  const formRef = useRef<HTMLFormElement>(null);
  const latest = latestExtensionOn(request.receivedOn);
  const [extendedTo, setExtendedTo] = useState(latest);
  const [reason, setReason] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    formRef.current?.querySelector('input')?.focus();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const errors: Record<string, string> = {};
    if (!extendedTo) errors.extendedTo = t('requests.dateRequired');
    if (!reason.trim()) errors.reason = t('requests.reasonRequired');
    if (Object.keys(errors).length > 0) {
      showErrorsAndFocus(formRef.current, () => setFieldErrors(errors));
      return;
    }
    setFieldErrors({});
    try {
      onSaved(await invoke('requests.extend', { id: request.id, extendedTo, reason: reason.trim() }));
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="card" aria-labelledby="extend-heading">
      <h3 id="extend-heading">{t('requests.extendHeading', { date: date(request.receivedOn) })}</h3>
      <p>{t('requests.extendExplain', { latest: date(latest), due: date(request.dueOn) })}</p>
      <form ref={formRef} className="form" onSubmit={(event) => void submit(event)} noValidate>
        <Field label={t('requests.extendedTo')} error={fieldErrors.extendedTo || null}>
          {(control) => (
            <input {...control} type="date" className="input input--date" min={request.dueOn} max={latest} value={extendedTo} onChange={(event) => setExtendedTo(event.target.value)} />
          )}
        </Field>
        <TextField
          label={t('requests.reason')}
          hint={t('requests.reasonHint')}
          value={reason}
          onValueChange={setReason}
          error={fieldErrors.reason || null}
          className="input input--wide"
          maxLength={2000}
        />
        {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
        <div className="actions">
          <Button type="submit" variant="primary">
            {t('requests.extendSave')}
          </Button>
          <Button variant="quiet" onClick={onCancel}>
            {t('requests.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function AnswerForm({ request, today, onCancel, onSaved }: ActionFormProps & { today: string }) {
  const { t } = useTranslation();
  const { date } = useDates();
  const errorText = useErrorText();
  const formRef = useRef<HTMLFormElement>(null);
  const [answeredOn, setAnsweredOn] = useState(today);
  const [status, setStatus] = useState<'answered' | 'refused'>('answered');
  const [notes, setNotes] = useState('');
  const [dateError, setDateError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    formRef.current?.querySelector('input')?.focus();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!answeredOn) {
      showErrorsAndFocus(formRef.current, () => setDateError(t('requests.dateRequired')));
      return;
    }
    setDateError(null);
    try {
      onSaved(await invoke('requests.answer', { id: request.id, answeredOn, status, notes }));
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="card" aria-labelledby="answer-heading">
      <h3 id="answer-heading">{t('requests.answerHeading', { date: date(request.receivedOn) })}</h3>
      <form ref={formRef} className="form" onSubmit={(event) => void submit(event)} noValidate>
        <Field label={t('requests.answeredOn')} error={dateError}>
          {(control) => <input {...control} type="date" className="input input--date" value={answeredOn} onChange={(event) => setAnsweredOn(event.target.value)} />}
        </Field>
        <fieldset className="fieldset radio-group">
          <legend>{t('requests.outcome')}</legend>
          {(['answered', 'refused'] as const).map((option) => (
            <div className="radio" key={option}>
              <input type="radio" id={`outcome-${option}`} name="outcome" value={option} checked={status === option} onChange={() => setStatus(option)} />
              <label htmlFor={`outcome-${option}`}>{t(`requests.outcomes.${option}`)}</label>
            </div>
          ))}
        </fieldset>
        <Field label={t('requests.answerNotes')} hint={t('requests.notesHint')}>
          {(control) => <textarea {...control} className="textarea" rows={3} maxLength={5000} value={notes} onChange={(event) => setNotes(event.target.value)} />}
        </Field>
        {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
        <div className="actions">
          <Button type="submit" variant="primary">
            {t('requests.answerSave')}
          </Button>
          <Button variant="quiet" onClick={onCancel}>
            {t('requests.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
