import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupDetail, TalkDue } from '../../../../shared/calendar/contract.js';
import { isDay, isTime, splitLocal } from '../../../../shared/calendar/views.js';
import { invoke } from '../../bridge/index.js';
import { Alert, Button, DateField, FormActions, TextField, TimeField, useErrorText } from '../../ui/index.js';
import { useCalendarFormat } from './format.js';
import { useBilingual } from './texts.js';

interface TalksProps {
  detail: GroupDetail;
  onChange: (detail: GroupDetail) => void;
}

/**
 * The programme's individual talks with each member (the START talk before the group, the mid-way
 * talk, the follow-up): when each is due, when it is booked, and whether it was held.
 */
export function Talks({ detail, onChange }: TalksProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const bilingual = useBilingual();
  const format = useCalendarFormat();
  const [booking, setBooking] = useState<TalkDue | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (detail.plan.individualTalks.length === 0 || detail.members.length === 0) return null;
  const labels = new Map(detail.members.map((member) => [member.id, member.label]));
  const talks = new Map(detail.talks.map((talk) => [talk.id, talk]));
  // One column per talk of the programme: when it is due is the same for every member.
  const kinds = [...new Map(detail.talksDue.map((due) => [due.talkKey, due])).values()];

  async function act(work: Promise<GroupDetail>) {
    setError(null);
    try {
      onChange(await work);
    } catch (caught) {
      setError(caught);
    }
  }

  const dueWindow = (due: TalkDue) =>
    due.dueFrom && due.dueBy
      ? t('calendar.talks.between', { from: format.dayMonth(due.dueFrom), to: format.shortDate(due.dueBy) })
      : due.dueBy
        ? t('calendar.talks.by', { date: format.shortDate(due.dueBy) })
        : t('calendar.talks.noWindow');

  return (
    <section className="card" aria-labelledby="cal-talks-heading">
      <h4 id="cal-talks-heading" className="cal-card-heading">
        {t('calendar.talks.heading')}
      </h4>
      <p className="muted">{t('calendar.talks.explain')}</p>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      <div className="table-wrap">
        <table className="table cal-talks">
          <caption className="visually-hidden">{t('calendar.talks.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('calendar.members.columnMember')}</th>
              {kinds.map((kind) => (
                <th scope="col" key={kind.talkKey}>
                  {bilingual(kind.name)}
                  <div className="small muted cal-talks__due">
                    {dueWindow(kind)}
                    {kind.minMinutes > 0 ? ` · ${t('calendar.programmes.talkMinutes', { count: kind.minMinutes })}` : ''}
                    {kind.bothLeaders ? ` · ${t('calendar.programmes.talkBoth')}` : ''}
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {detail.members.map((member) => (
              <tr key={member.id}>
                <th scope="row">{member.label}</th>
                {kinds.map((kind) => {
                  const due = detail.talksDue.find((candidate) => candidate.memberId === member.id && candidate.talkKey === kind.talkKey);
                  if (!due) return <td key={kind.talkKey} />;
                  const talk = due.talkId === null ? undefined : talks.get(due.talkId);
                  const name = bilingual(due.name);
                  const at = talk ? splitLocal(talk.startsAt) : null;
                  return (
                    <td key={kind.talkKey}>
                      {talk && at ? (
                        <>
                          <span className="nowrap">
                            {format.mediumDay(at.day)} {at.time}
                          </span>{' '}
                          {talk.held ? <span className="cal-status cal-status--completed">{t('calendar.talks.held')}</span> : <span className="small muted">{t('calendar.talks.notHeld')}</span>}
                          <div className="row-actions">
                            <Button
                              variant="quiet"
                              className="cal-small-action"
                              aria-label={t(talk.held ? 'calendar.talks.markNotHeldFor' : 'calendar.talks.markHeldFor', { talk: name, label: member.label })}
                              onClick={() => void act(invoke('calendar.talks.setHeld', { id: talk.id, held: !talk.held }))}
                            >
                              {talk.held ? t('calendar.talks.markNotHeld') : t('calendar.talks.markHeld')}
                            </Button>
                            <Button
                              variant="quiet"
                              className="cal-small-action"
                              aria-label={t('calendar.talks.removeFor', { talk: name, label: member.label })}
                              onClick={() => void act(invoke('calendar.talks.remove', { id: talk.id }))}
                            >
                              {t('calendar.talks.remove')}
                            </Button>
                          </div>
                        </>
                      ) : (
                        <Button variant="quiet" className="cal-small-action" aria-label={t('calendar.talks.bookFor', { talk: name, label: member.label })} onClick={() => setBooking(due)}>
                          {t('calendar.talks.book')}
                        </Button>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {booking ? (
        <BookTalk
          key={`${booking.memberId}-${booking.talkKey}`}
          due={booking}
          label={labels.get(booking.memberId) ?? ''}
          startTime={detail.startTime}
          onCancel={() => setBooking(null)}
          onBooked={(next) => {
            setBooking(null);
            onChange(next);
          }}
        />
      ) : null}
    </section>
  );
}

function BookTalk({ due, label, startTime, onCancel, onBooked }: { due: TalkDue; label: string; startTime: string; onCancel: () => void; onBooked: (detail: GroupDetail) => void }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const id = useId();
  const [day, setDay] = useState(due.dueFrom ?? due.dueBy ?? '');
  const [time, setTime] = useState(startTime);
  const [minutes, setMinutes] = useState(String(Math.max(due.minMinutes, 60)));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const length = Number(minutes);
    const errors: Record<string, string> = {};
    if (!isDay(day)) errors.day = t('calendar.move.dayRequired');
    if (!isTime(time)) errors.time = t('calendar.move.timeRequired');
    if (!Number.isInteger(length) || length < 15 || length > 16 * 60) errors.minutes = t('calendar.editor.problems.minutes');
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    try {
      onBooked(await invoke('calendar.talks.book', { memberId: due.memberId, talkKey: due.talkKey, startsAt: `${day}T${time}`, minutes: length }));
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <form className="form cal-subform" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-heading`}>
      <h5 id={`${id}-heading`} className="cal-subheading">
        {t('calendar.talks.bookHeading', { talk: bilingual(due.name), label })}
      </h5>
      <div className="field-pair">
        <DateField label={t('calendar.talks.day')} error={fieldErrors.day} value={day} onValueChange={setDay} />
        <TimeField label={t('calendar.talks.time')} error={fieldErrors.time} value={time} onValueChange={setTime} />
        <TextField label={t('calendar.talks.minutes')} value={minutes} onValueChange={setMinutes} inputMode="numeric" className="input input--number" error={fieldErrors.minutes} />
      </div>
      <FormActions error={error} submitLabel={t('calendar.talks.bookSubmit')} cancelLabel={t('calendar.cancel')} onCancel={onCancel} />
    </form>
  );
}
