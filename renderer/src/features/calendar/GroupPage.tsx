import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupDetail, Session } from '../../../../shared/calendar/contract.js';
import { spreadThemes } from '../../../../shared/calendar/schedule.js';
import { invoke } from '../../bridge/index.js';
import { Alert, Button, ConfirmDialog, DateField, Field, FormActions, TextField, TimeField, showErrorsAndFocus, useErrorText } from '../../ui/index.js';
import type { CalendarPlace } from './CalendarSection.js';
import { useCalendarFormat } from './format.js';
import { Evaluations } from './Evaluations.js';
import { GroupExports } from './GroupExports.js';
import { Members } from './Members.js';
import { Talks } from './Talks.js';
import { MoveDialog } from './MoveDialog.js';
import { colourStyle } from './SessionChip.js';
import { useBilingual, useConflictText } from './texts.js';
import { isDay, isTime, itemOf, type MoveRequest, shortNameOf, splitLocal } from '../../../../shared/calendar/views.js';
import { colourAt } from '../../../../shared/calendar/palette.js';

interface GroupPageProps {
  groupId: number;
  go: (place: CalendarPlace) => void;
}

/** One group: its schedule with conflicts, the theme order, members and completion, evaluations and exports. */
export function GroupPage({ groupId, go }: GroupPageProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const bilingual = useBilingual();
  const conflict = useConflictText();
  const format = useCalendarFormat();
  const [detail, setDetail] = useState<GroupDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [moving, setMoving] = useState<MoveRequest | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Session | null>(null);

  const reload = useCallback(() => invoke('calendar.groups.get', { id: groupId }).then(setDetail, setError), [groupId]);
  useEffect(() => {
    void reload();
  }, [reload]);

  if (!detail) return error ? <Alert tone="error">{errorText(error)}</Alert> : <p role="status">{t('app.loading')}</p>;

  const { group, plan } = detail;
  const flagged = detail.sessions.filter((session) => session.conflicts.length > 0);

  async function remove() {
    setDeleting(false);
    try {
      await invoke('calendar.groups.delete', { id: groupId });
      go({ kind: 'groups' });
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <div className="stack" style={colourStyle({ colour: colourAt(group.colour) })}>
      <Button variant="quiet" className="cal-back" onClick={() => go({ kind: 'groups' })}>
        {t('calendar.group.back')}
      </Button>
      <header className="cal-group-header">
        <h3 tabIndex={-1}>
          <span className="cal-badge cal-badge--large">{shortNameOf(group.name)}</span> {group.name}
        </h3>
        <dl className="cal-facts">
          <div>
            <dt>{t('calendar.group.programme')}</dt>
            <dd>{bilingual(group.programmeName)}</dd>
          </div>
          <div>
            <dt>{t('calendar.group.professional')}</dt>
            <dd>{group.leaders.professional}</dd>
          </div>
          <div>
            <dt>{t('calendar.group.peer')}</dt>
            <dd>{group.leaders.peer || <span className="muted">{t('calendar.group.none')}</span>}</dd>
          </div>
          <div>
            <dt>{t('calendar.group.room')}</dt>
            <dd>{group.room || <span className="muted">{t('calendar.group.none')}</span>}</dd>
          </div>
          <div>
            <dt>{t('calendar.group.period')}</dt>
            <dd>
              {format.date(group.startDate)}
              {group.endDate ? ` – ${format.date(group.endDate)}` : ''}
            </dd>
          </div>
          <div>
            <dt>{t('calendar.group.rule')}</dt>
            <dd>
              {plan.completion.kind === 'minSessions'
                ? t('calendar.group.ruleMinSessions', { count: plan.completion.sessions, total: detail.sessions.length })
                : t('calendar.group.ruleMaxAbsence', { percent: plan.completion.percent })}
            </dd>
          </div>
        </dl>
        <div className="actions">
          <Button variant="secondary" onClick={() => setEditing((open) => !open)} aria-expanded={editing}>
            {t('calendar.group.edit')}
          </Button>
        </div>
        <OnThisPage detail={detail} />
      </header>
      {editing ? (
        <EditGroup
          detail={detail}
          onCancel={() => setEditing(false)}
          onSaved={(next) => {
            setDetail(next);
            setEditing(false);
            setNotice(t('calendar.group.saved'));
          }}
        />
      ) : null}
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}

      <section aria-labelledby="cal-schedule-heading">
        <h4 id="cal-schedule-heading" className="cal-card-heading">
          {t('calendar.schedule.heading')}
        </h4>
        {flagged.length > 0 ? (
          <Alert tone="warning">{t('calendar.schedule.flagged', { count: flagged.length })}</Alert>
        ) : (
          <p className="muted">{t('calendar.schedule.noConflicts')}</p>
        )}
        <div className="table-wrap">
          <table className="table cal-schedule">
            <caption className="visually-hidden">{t('calendar.schedule.caption', { group: group.name })}</caption>
            <thead>
              <tr>
                <th scope="col" className="table__number">
                  {t('calendar.schedule.columnNumber')}
                </th>
                <th scope="col">{t('calendar.schedule.columnWhen')}</th>
                <th scope="col">{t('calendar.schedule.columnTheme')}</th>
                <th scope="col">{t('calendar.schedule.columnAttendance')}</th>
                <th scope="col">{t('calendar.schedule.columnActions')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.sessions.map((session) => {
                const start = splitLocal(session.startsAt);
                return (
                  <tr key={session.id} className={session.conflicts.length > 0 ? 'cal-schedule__row--conflict' : undefined}>
                    <td className="table__number">{session.number}</td>
                    <th scope="row">
                      <span className="nowrap">{format.mediumDay(start.day)} {start.day.slice(0, 4)}</span>
                      <div className="small">
                        {start.time}–{splitLocal(session.endsAt).time}
                        {session.room ? ` · ${session.room}` : ''}
                      </div>
                      {session.conflicts.length > 0 ? (
                        <ul className="cal-conflicts">
                          {session.conflicts.map((item, index) => (
                            <li key={index}>{conflict(item)}</li>
                          ))}
                        </ul>
                      ) : null}
                    </th>
                    <td>{session.theme ? bilingual(session.theme) : <span className="muted">{t('calendar.entry.noTheme')}</span>}</td>
                    <td className="small">
                      {detail.members.length === 0
                        ? '–'
                        : session.attendance.recorded === 0
                          ? <span className="muted">{t('calendar.schedule.notRecorded')}</span>
                          : t('calendar.schedule.present', { present: session.attendance.present, recorded: session.attendance.recorded })}
                      {session.hasLog ? <div className="muted">{t('calendar.schedule.hasLog')}</div> : null}
                    </td>
                    <td>
                      <div className="row-actions">
                        <Button
                          variant="secondary"
                          aria-label={t('calendar.schedule.openFor', { number: session.number })}
                          onClick={() => go({ kind: 'session', groupId, sessionId: session.id, from: 'group' })}
                        >
                          {t('calendar.entry.open')}
                        </Button>
                        <Button
                          variant="quiet"
                          aria-label={t('calendar.schedule.moveFor', { number: session.number })}
                          onClick={() => {
                            const item = itemOf(session, group, detail.sessions.length, { conflict, bilingual });
                            setMoving({ entry: item, day: item.day, start: item.start });
                          }}
                        >
                          {t('calendar.entry.move')}
                        </Button>
                        <Button variant="quiet" aria-label={t('calendar.schedule.removeFor', { number: session.number })} onClick={() => setRemoving(session)}>
                          {t('calendar.schedule.remove')}
                        </Button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {adding ? (
          <AddSession
            detail={detail}
            onCancel={() => setAdding(false)}
            onAdded={(next) => {
              setAdding(false);
              setDetail(next);
              setNotice(t('calendar.schedule.added'));
            }}
          />
        ) : (
          <div className="actions">
            <Button variant="secondary" onClick={() => setAdding(true)}>
              {t('calendar.schedule.add')}
            </Button>
          </div>
        )}
      </section>

      {plan.themes.length > 0 && detail.sessions.length > 0 ? (
        <ThemeOrder
          detail={detail}
          onSaved={(next) => {
            setDetail(next);
            setNotice(t('calendar.themes.saved'));
          }}
        />
      ) : null}

      <Members detail={detail} onChange={setDetail} />
      <Talks detail={detail} onChange={setDetail} />
      <Evaluations detail={detail} />
      <GroupExports detail={detail} />

      <section className="card" aria-labelledby="cal-delete-heading">
        <h4 id="cal-delete-heading" className="cal-card-heading">
          {t('calendar.group.deleteHeading')}
        </h4>
        <p className="muted">{t('calendar.group.deleteExplain')}</p>
        <Button variant="danger" onClick={() => setDeleting(true)}>
          {t('calendar.group.delete')}
        </Button>
      </section>

      <ConfirmDialog
        open={deleting}
        title={t('calendar.group.deleteTitle', { group: group.name })}
        body={t('calendar.group.deleteBody', { sessions: detail.sessions.length, members: detail.members.length })}
        cancelLabel={t('calendar.cancel')}
        confirmLabel={t('calendar.group.deleteConfirm')}
        onCancel={() => setDeleting(false)}
        onConfirm={() => void remove()}
      />
      <ConfirmDialog
        open={removing !== null}
        title={t('calendar.schedule.removeTitle', { number: removing?.number ?? 0 })}
        body={t('calendar.schedule.removeBody')}
        cancelLabel={t('calendar.cancel')}
        confirmLabel={t('calendar.schedule.removeConfirm')}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          const target = removing;
          setRemoving(null);
          if (!target) return;
          invoke('calendar.sessions.remove', { id: target.id }).then((next) => {
            setDetail(next);
            setNotice(t('calendar.schedule.removed'));
          }, setError);
        }}
      />
      <MoveDialog
        request={moving}
        onClose={() => setMoving(null)}
        onMoved={(next) => {
          const item = moving?.entry;
          setMoving(null);
          setDetail(next);
          const session = next.sessions.find((candidate) => candidate.id === item?.sessionId);
          if (item && session)
            setNotice(t('calendar.move.done', { group: item.groupName, number: session.number, day: format.longDay(splitLocal(session.startsAt).day), start: splitLocal(session.startsAt).time }));
        }}
      />
    </div>
  );
}

/** The themes in the order this group works through them; saving spreads them over the sessions again. */
function ThemeOrder({ detail, onSaved }: { detail: GroupDetail; onSaved: (detail: GroupDetail) => void }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const errorText = useErrorText();
  const names = new Map(detail.plan.themes.map((theme) => [theme.key, theme.name]));
  const current = [...new Set(detail.sessions.map((session) => session.themeKey).filter((key): key is string => key !== null && names.has(key)))];
  const initial = [...current, ...detail.plan.themes.map((theme) => theme.key).filter((key) => !current.includes(key))];
  const [order, setOrder] = useState(initial);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const changed = order.join() !== initial.join();

  function move(index: number, by: -1 | 1) {
    const next = [...order];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    setOrder(next);
  }

  async function save() {
    setBusy(true);
    setError(null);
    try {
      onSaved(await invoke('calendar.groups.setThemes', { id: detail.group.id, themes: spreadThemes(order, detail.sessions.length) }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="cal-themes-heading">
      <h4 id="cal-themes-heading" className="cal-card-heading">
        {t('calendar.themes.heading')}
      </h4>
      <p className="muted">{t('calendar.themes.explain')}</p>
      <ol className="cal-order">
        {order.map((key, index) => {
          const name = bilingual(names.get(key) ?? { en: key, nb: key });
          return (
            <li key={key} className="cal-order__item">
              <span className="cal-order__name">{name}</span>
              <Button variant="quiet" aria-label={t('calendar.themes.up', { theme: name })} disabled={index === 0} onClick={() => move(index, -1)}>
                ↑
              </Button>
              <Button variant="quiet" aria-label={t('calendar.themes.down', { theme: name })} disabled={index === order.length - 1} onClick={() => move(index, 1)}>
                ↓
              </Button>
            </li>
          );
        })}
      </ol>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      <div className="actions">
        <Button variant="primary" disabled={!changed || busy} onClick={() => void save()}>
          {t('calendar.themes.save')}
        </Button>
        {changed ? <span className="save-status--dirty">{t('calendar.unsaved')}</span> : null}
      </div>
    </section>
  );
}

function EditGroup({ detail, onCancel, onSaved }: { detail: GroupDetail; onCancel: () => void; onSaved: (detail: GroupDetail) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState(detail.group.name);
  const [professional, setProfessional] = useState(detail.group.leaders.professional);
  const [peer, setPeer] = useState(detail.group.leaders.peer);
  const [room, setRoom] = useState(detail.group.room);
  const [notes, setNotes] = useState(detail.notes);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!name.trim()) errors.name = t('calendar.newGroup.nameRequired');
    if (!professional.trim()) errors.professional = t('calendar.newGroup.professionalRequired');
    if (Object.keys(errors).length > 0) {
      showErrorsAndFocus(formRef.current, () => setFieldErrors(errors));
      return;
    }
    setFieldErrors({});
    try {
      onSaved(
        await invoke('calendar.groups.update', {
          id: detail.group.id,
          name: name.trim(),
          leaders: { professional: professional.trim(), peer: peer.trim() },
          room: room.trim(),
          notes,
        }),
      );
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`} className="cal-card-heading">
        {t('calendar.group.editHeading')}
      </h4>
      <form ref={formRef} className="form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField label={t('calendar.newGroup.name')} value={name} onValueChange={setName} error={fieldErrors.name} maxLength={100} />
        <div className="field-pair">
          <TextField label={t('calendar.newGroup.professional')} value={professional} onValueChange={setProfessional} error={fieldErrors.professional} maxLength={100} />
          <TextField label={t('calendar.newGroup.peer')} value={peer} onValueChange={setPeer} maxLength={100} />
        </div>
        <TextField label={t('calendar.newGroup.room')} value={room} onValueChange={setRoom} maxLength={200} />
        <Field label={t('calendar.group.notes')} hint={t('calendar.group.notesHint')}>
          {(control) => <textarea {...control} className="textarea" rows={3} maxLength={4000} value={notes} onChange={(event) => setNotes(event.target.value)} />}
        </Field>
        <FormActions error={error} submitLabel={t('calendar.save')} cancelLabel={t('calendar.cancel')} onCancel={onCancel} />
      </form>
    </section>
  );
}

/** The group page is long: a row of links to its parts, each of which scrolls there and takes the focus. */
function OnThisPage({ detail }: { detail: GroupDetail }) {
  const { t } = useTranslation();
  const { plan } = detail;
  const parts = (
    [
      ['cal-schedule-heading', 'calendar.schedule.heading', true],
      ['cal-themes-heading', 'calendar.themes.heading', plan.themes.length > 0 && detail.sessions.length > 0],
      ['cal-members-heading', 'calendar.members.heading', true],
      ['cal-talks-heading', 'calendar.talks.heading', plan.individualTalks.length > 0 && detail.members.length > 0],
      ['cal-evaluations-heading', 'calendar.evaluations.heading', plan.evaluationForms.some((form) => form.when !== 'afterEachSession')],
      ['cal-exports-heading', 'calendar.exports.heading', true],
    ] as const
  ).filter(([, , shown]) => shown);
  return (
    <nav className="cal-onpage" aria-label={t('calendar.group.onThisPage')}>
      <span className="muted small">{t('calendar.group.onThisPage')}:</span>
      {parts.map(([id, key]) => (
        <Button
          key={id}
          variant="quiet"
          className="cal-small-action"
          onClick={() => {
            const heading = document.getElementById(id);
            if (!heading) return;
            heading.tabIndex = -1;
            heading.scrollIntoView({ block: 'start' });
            heading.focus({ preventScroll: true });
          }}
        >
          {t(key)}
        </Button>
      ))}
    </nav>
  );
}

/** A session the programme did not plan (an extra meeting, a replacement): date, time and length. */
function AddSession({ detail, onCancel, onAdded }: { detail: GroupDetail; onCancel: () => void; onAdded: (detail: GroupDetail) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const last = detail.sessions.at(-1);
  const [day, setDay] = useState(last ? splitLocal(last.startsAt).day : detail.group.startDate);
  const [time, setTime] = useState(detail.startTime);
  const [minutes, setMinutes] = useState(String(detail.plan.sessionMinutes));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const length = Number(minutes);
    const errors: Record<string, string> = {};
    if (!isDay(day)) errors.day = t('calendar.move.dayRequired');
    if (!isTime(time)) errors.time = t('calendar.move.timeRequired');
    if (!Number.isInteger(length) || length < 15 || length > 16 * 60) errors.minutes = t('calendar.editor.problems.minutes');
    if (Object.keys(errors).length > 0) {
      showErrorsAndFocus(formRef.current, () => setFieldErrors(errors));
      return;
    }
    setFieldErrors({});
    try {
      onAdded(await invoke('calendar.sessions.add', { groupId: detail.group.id, startsAt: `${day}T${time}`, minutes: length }));
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <form ref={formRef} className="form cal-subform" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-heading`}>
      <h5 id={`${id}-heading`} className="cal-subheading">
        {t('calendar.schedule.addHeading')}
      </h5>
      <div className="field-pair">
        <DateField label={t('calendar.move.day')} error={fieldErrors.day} value={day} onValueChange={setDay} />
        <TimeField label={t('calendar.move.start')} hint={t('calendar.move.startHint')} error={fieldErrors.time} value={time} onValueChange={setTime} />
        <TextField label={t('calendar.move.length')} value={minutes} onValueChange={setMinutes} inputMode="numeric" className="input input--number" error={fieldErrors.minutes} />
      </div>
      <FormActions error={error} submitLabel={t('calendar.schedule.addSubmit')} cancelLabel={t('calendar.cancel')} onCancel={onCancel} />
    </form>
  );
}
