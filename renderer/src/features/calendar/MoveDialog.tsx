import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conflict, GroupDetail, ShiftMode } from '../../../../shared/calendar/contract.js';
import { invoke } from '../../bridge/index.js';
import { Alert, Button, DateField, Field, TimeField, useErrorText } from '../../ui/index.js';
import { useCalendarFormat } from './format.js';
import { useConflictText } from './texts.js';
import { isDay, isTime, type MoveRequest } from '../../../../shared/calendar/views.js';
import { minutesOfDay } from '../../../../shared/calendar/schedule.js';
import { daysBetween } from '../../../../shared/calendar/schedule.js';

interface MoveDialogProps {
  /** The session and where it is to go (from a drop), or where it is now (from "Move…"). */
  request: MoveRequest | null;
  onClose: () => void;
  onMoved: (group: GroupDetail) => void;
}

/**
 * Moving a session, by dragging or with the keyboard ("Move…"): the new day and time, what the
 * core would flag there (checked as the fields change, with the same rules as saving), and whether
 * the sessions after it move by the same number of days.
 */
export function MoveDialog({ request, onClose, onMoved }: MoveDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (request && !dialog.open) dialog.showModal();
    if (!request && dialog.open) dialog.close();
  }, [request]);
  return (
    <dialog
      ref={ref}
      className="dialog cal-move"
      aria-labelledby="cal-move-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {request ? <MoveForm key={`${request.entry.sessionId}-${request.day}-${request.start}`} request={request} onClose={onClose} onMoved={onMoved} /> : null}
    </dialog>
  );
}

function MoveForm({ request, onClose, onMoved }: { request: MoveRequest } & Omit<MoveDialogProps, 'request'>) {
  const { t } = useTranslation();
  const format = useCalendarFormat();
  const conflictText = useConflictText();
  const errorText = useErrorText();
  const id = useId();
  const { entry } = request;
  const [day, setDay] = useState(request.day);
  const [start, setStart] = useState(request.start);
  const currentMinutes = minutesOfDay(entry.end) - minutesOfDay(entry.start);
  const [length, setLength] = useState(String(currentMinutes));
  const [shift, setShift] = useState<ShiftMode>('none');
  const [conflicts, setConflicts] = useState<Conflict[] | null>(null);
  const [fieldError, setFieldError] = useState<{ day?: string; start?: string; length?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const minutes = Number(length);
  const validLength = Number.isInteger(minutes) && minutes >= 15 && minutes <= 16 * 60;
  const valid = isDay(day) && isTime(start) && validLength;
  const following = entry.of - entry.number;
  const dayShift = valid ? daysBetween(entry.day, day) : 0;
  const unchanged = day === entry.day && start === entry.start && minutes === currentMinutes;

  // The same check the core makes when saving, for the place chosen now.
  useEffect(() => {
    if (!valid) return;
    let current = true;
    const timer = setTimeout(() => {
      invoke('calendar.sessions.check', { id: entry.sessionId, startsAt: `${day}T${start}`, minutes }).then(
        (answer) => current && setConflicts(answer.conflicts),
        (caught: unknown) => current && setError(caught),
      );
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [day, start, minutes, valid, entry.sessionId]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const errors: { day?: string; start?: string; length?: string } = {};
    if (!isDay(day)) errors.day = t('calendar.move.dayRequired');
    if (!isTime(start)) errors.start = t('calendar.move.timeRequired');
    if (!validLength) errors.length = t('calendar.editor.problems.minutes');
    setFieldError(errors);
    if (errors.day || errors.start || errors.length) return;
    setBusy(true);
    setError(null);
    try {
      onMoved(
        await invoke('calendar.sessions.move', {
          id: entry.sessionId,
          startsAt: `${day}T${start}`,
          ...(minutes === currentMinutes ? {} : { minutes }),
          shift: dayShift !== 0 && following > 0 ? shift : 'none',
        }),
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="form">
      <h2 id="cal-move-title" className="dialog__title">
        {t('calendar.move.title', { group: entry.groupName, number: entry.number, of: entry.of })}
      </h2>
      <p className="muted">
        {t('calendar.move.now', { day: format.longDay(entry.day), start: entry.start, end: entry.end })}
        {entry.theme ? ` · ${entry.theme}` : ''}
      </p>
      <div className="field-pair">
        <DateField label={t('calendar.move.day')} error={fieldError.day} value={day} onValueChange={setDay} />
        <TimeField label={t('calendar.move.start')} hint={t('calendar.move.startHint')} error={fieldError.start} step={300} value={start} onValueChange={setStart} />
        <Field label={t('calendar.move.length')} error={fieldError.length}>
          {(control) => <input {...control} type="text" inputMode="numeric" className="input input--number" value={length} onChange={(event) => setLength(event.target.value)} />}
        </Field>
      </div>
      <div aria-live="polite" id={`${id}-check`}>
        {unchanged && entry.conflicts.length > 0 ? (
          <div className="cal-check cal-check--conflicts">
            <p>{t('calendar.move.flaggedNow')}</p>
            <ul className="cal-conflicts">
              {entry.conflicts.map((conflict) => (
                <li key={conflict}>{conflict}</li>
              ))}
            </ul>
          </div>
        ) : !valid || unchanged || conflicts === null ? null : conflicts.length === 0 ? (
          <p className="cal-check cal-check--clear">{t('calendar.move.noConflicts', { day: format.longDay(day), start })}</p>
        ) : (
          <div className="cal-check cal-check--conflicts">
            <p>{t('calendar.move.conflicts', { day: format.longDay(day), start })}</p>
            <ul className="cal-conflicts">
              {conflicts.map((conflict, index) => (
                <li key={index}>{conflictText(conflict)}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {dayShift !== 0 && following > 0 ? (
        <fieldset className="fieldset radio-group">
          <legend>{t('calendar.move.shiftQuestion', { count: following })}</legend>
          <div className="radio">
            <input type="radio" id={`${id}-none`} name={`${id}-shift`} checked={shift === 'none'} onChange={() => setShift('none')} />
            <label htmlFor={`${id}-none`}>{t('calendar.move.shiftNone')}</label>
          </div>
          <div className="radio">
            <input type="radio" id={`${id}-following`} name={`${id}-shift`} checked={shift === 'following'} onChange={() => setShift('following')} />
            <label htmlFor={`${id}-following`}>{t('calendar.move.shiftFollowing', {
                count: following,
                by: dayShift > 0 ? t('calendar.move.daysLater', { count: dayShift }) : t('calendar.move.daysEarlier', { count: -dayShift }),
              })}</label>
          </div>
        </fieldset>
      ) : null}
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      <div className="actions">
        <Button type="submit" variant="primary" disabled={busy || unchanged}>
          {t('calendar.move.submit')}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          {t('calendar.move.cancel')}
        </Button>
      </div>
    </form>
  );
}
