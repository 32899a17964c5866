import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupDetail, SessionDetail } from '../../../../shared/calendar/contract.js';
import { invoke } from '../../bridge/index.js';
import { useFormat } from '../../i18n/index.js';
import { Alert, Button, Field, TextField, UnsavedChangesDialog, useErrorText } from '../../ui/index.js';
import type { CalendarPlace } from './CalendarSection.js';
import { Evaluations } from './Evaluations.js';
import { useCalendarFormat } from './format.js';
import { colourStyle } from './SessionChip.js';
import { useBilingual, useConflictText } from './texts.js';
import { useDraft } from './useDraft.js';
import { shortNameOf, splitLocal } from '../../../../shared/calendar/views.js';
import { colourAt } from '../../../../shared/calendar/palette.js';

interface SessionPageProps {
  sessionId: number;
  groupId: number;
  from: 'calendar' | 'group';
  go: (place: CalendarPlace) => void;
  onDirtyChange: (dirty: boolean) => void;
}

type Status = 'present' | 'absent' | null;
interface Mark {
  status: Status;
  reason: string;
}

/** Keys for quick attendance: P or T (til stede) for present, A or F (fravær) for absent. */
const presentKeys = new Set(['p', 't']);
const absentKeys = new Set(['a', 'f']);

/**
 * One session: attendance for every member (quick to enter by keyboard), the leader's log (what
 * happened, why, what next) and notes on the theme, and the forms filled in after each session.
 */
export function SessionPage({ sessionId, groupId, from, go, onDirtyChange }: SessionPageProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const format = useCalendarFormat();
  const bilingual = useBilingual();
  const conflict = useConflictText();
  const [group, setGroup] = useState<GroupDetail | null>(null);
  const [detail, setDetail] = useState<SessionDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [dirty, setDirtyState] = useState({ attendance: false, log: false });
  const [pending, setPending] = useState<CalendarPlace | null>(null);

  useEffect(() => {
    let current = true;
    Promise.all([invoke('calendar.groups.get', { id: groupId }), invoke('calendar.sessions.get', { id: sessionId })]).then(([loadedGroup, loadedSession]) => {
      if (!current) return;
      setGroup(loadedGroup);
      setDetail(loadedSession);
    }, setError);
    return () => {
      current = false;
    };
  }, [groupId, sessionId]);

  const setDirty = useCallback(
    (part: 'attendance' | 'log', value: boolean) =>
      setDirtyState((state) => {
        const next = { ...state, [part]: value };
        onDirtyChange(next.attendance || next.log);
        return next;
      }),
    [onDirtyChange],
  );

  function leave(place: CalendarPlace) {
    if (dirty.attendance || dirty.log) setPending(place);
    else go(place);
  }

  if (!detail || !group) return error ? <Alert tone="error">{errorText(error)}</Alert> : <p role="status">{t('app.loading')}</p>;

  const { session } = detail;
  const start = splitLocal(session.startsAt);
  const index = group.sessions.findIndex((candidate) => candidate.id === session.id);
  const previous = group.sessions[index - 1];
  const next = group.sessions[index + 1];
  const place = (id: number): CalendarPlace => ({ kind: 'session', groupId, sessionId: id, from });

  return (
    <div className="stack" style={colourStyle({ colour: colourAt(group.group.colour) })}>
      <div className="cal-session-nav">
        <Button variant="quiet" className="cal-back" onClick={() => leave(from === 'calendar' ? { kind: 'calendar' } : { kind: 'group', groupId })}>
          {from === 'calendar' ? t('calendar.session.backToCalendar') : t('calendar.session.backToGroup')}
        </Button>
        <div className="row-actions">
          <Button variant="secondary" disabled={!previous} onClick={() => previous && leave(place(previous.id))}>
            {t('calendar.session.previous')}
          </Button>
          <Button variant="secondary" disabled={!next} onClick={() => next && leave(place(next.id))}>
            {t('calendar.session.next')}
          </Button>
        </div>
      </div>
      <header className="cal-group-header">
        <h3 tabIndex={-1}>
          <span className="cal-badge cal-badge--large">{shortNameOf(group.group.name)}</span>{' '}
          {t('calendar.session.heading', { number: session.number, of: group.sessions.length, group: group.group.name })}
        </h3>
        <p className="cal-session-when">
          {format.dayHeading(start.day)}, {start.time}–{splitLocal(session.endsAt).time}
          {session.room || group.group.room ? ` · ${session.room || group.group.room}` : ''}
        </p>
        <p>
          {session.theme ? t('calendar.entry.theme', { theme: bilingual(session.theme) }) : t('calendar.entry.noTheme')}
          {' · '}
          <Button variant="quiet" onClick={() => leave({ kind: 'group', groupId })}>
            {group.group.name}
          </Button>
        </p>
        {session.conflicts.length > 0 ? (
          <Alert tone="warning">
            {t('calendar.session.flagged')}
            <ul className="cal-conflicts">
              {session.conflicts.map((item, at) => (
                <li key={at}>{conflict(item)}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
      </header>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      <SessionRoom key={`room-${session.id}`} detail={detail} groupRoom={group.group.room} onSaved={setDetail} />
      <Attendance key={`attendance-${session.id}`} group={group} detail={detail} onSaved={setDetail} onDirty={(value) => setDirty('attendance', value)} />
      <LeaderLog key={`log-${session.id}`} detail={detail} onSaved={setDetail} onDirty={(value) => setDirty('log', value)} />
      <Evaluations detail={group} sessionId={session.id} />
      <UnsavedChangesDialog
        open={pending !== null}
        onStay={() => setPending(null)}
        onDiscard={() => {
          const target = pending;
          setPending(null);
          setDirtyState({ attendance: false, log: false });
          onDirtyChange(false);
          if (target) go(target);
        }}
      />
    </div>
  );
}

function marksOf(group: GroupDetail, detail: SessionDetail): Record<number, Mark> {
  const recorded = new Map(detail.attendance.map((entry) => [entry.memberId, entry]));
  return Object.fromEntries(
    group.members.map((member) => {
      const entry = recorded.get(member.id);
      return [member.id, { status: entry?.status ?? null, reason: entry?.reason ?? '' }];
    }),
  );
}

interface PartProps {
  detail: SessionDetail;
  onSaved: (detail: SessionDetail) => void;
  onDirty: (dirty: boolean) => void;
}

function Attendance({ group, detail, onSaved, onDirty }: PartProps & { group: GroupDetail }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const tableRef = useRef<HTMLTableElement>(null);
  const [marks, setMarks] = useState(() => marksOf(group, detail));
  const { changed, saved, error, busy, edited, save: saveDraft } = useDraft(onDirty);
  const members = group.members;
  const unmarked = members.filter((member) => marks[member.id]?.status === null).length;

  function mark(memberId: number, change: Partial<Mark>) {
    setMarks((current) => ({ ...current, [memberId]: { ...current[memberId]!, ...change } }));
    edited();
  }

  /** P/T marks the row's member present, A/F absent, and the focus goes on to the next member. */
  function quickKey(event: KeyboardEvent<HTMLTableRowElement>, memberId: number, at: number) {
    if ((event.target as HTMLElement).tagName === 'INPUT' && (event.target as HTMLInputElement).type === 'text') return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    const status: Status = presentKeys.has(key) ? 'present' : absentKeys.has(key) ? 'absent' : null;
    if (!status) return;
    event.preventDefault();
    mark(memberId, { status });
    // An absence may have a reason: its field (shown once the member is absent) is next. After a
    // presence, the next member.
    requestAnimationFrame(() => {
      const rows = tableRef.current?.querySelectorAll<HTMLTableRowElement>('tbody tr');
      const target = status === 'absent' ? rows?.[at]?.querySelector<HTMLInputElement>('input[type="text"]') : rows?.[at + 1]?.querySelector<HTMLInputElement>('input[type="radio"]');
      target?.focus();
    });
  }

  function save() {
    return saveDraft(async () => {
      onSaved(
        await invoke('calendar.attendance.set', {
          sessionId: detail.session.id,
          entries: members.map((member) => ({ memberId: member.id, status: marks[member.id]!.status, reason: marks[member.id]!.status === 'absent' ? marks[member.id]!.reason.trim() : '' })),
        }),
      );
    });
  }

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`} className="cal-card-heading">
        {t('calendar.attendance.heading')}
      </h4>
      {members.length === 0 ? (
        <p className="muted">{t('calendar.attendance.noMembers')}</p>
      ) : (
        <>
          <p className="muted small" id={`${id}-keys`}>
            {t('calendar.attendance.keys')}
          </p>
          <div className="table-wrap">
            <table ref={tableRef} className="table cal-attendance" aria-describedby={`${id}-keys`}>
              <caption className="visually-hidden">{t('calendar.attendance.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('calendar.members.columnMember')}</th>
                  <th scope="col">{t('calendar.attendance.columnStatus')}</th>
                  <th scope="col">{t('calendar.attendance.columnReason')}</th>
                </tr>
              </thead>
              <tbody>
                {members.map((member, at) => {
                  const current = marks[member.id]!;
                  const name = `${id}-status-${member.id}`;
                  return (
                    <tr key={member.id} onKeyDown={(event) => quickKey(event, member.id, at)} className={current.status ? `cal-attendance__row--${current.status}` : undefined}>
                      <th scope="row">{member.label}</th>
                      <td>
                        <div role="radiogroup" aria-label={t('calendar.attendance.statusFor', { label: member.label })} className="cal-attendance__choices">
                          {(['present', 'absent'] as const).map((status) => (
                            <label key={status} className="cal-attendance__choice">
                              <input type="radio" name={name} checked={current.status === status} onChange={() => mark(member.id, { status })} />
                              {t(`calendar.attendance.${status}`)}
                            </label>
                          ))}
                        </div>
                      </td>
                      <td>
                        {current.status === 'absent' ? (
                          <input
                            type="text"
                            className="input cal-attendance__reason"
                            aria-label={t('calendar.attendance.reasonFor', { label: member.label })}
                            placeholder={t('calendar.attendance.reasonPlaceholder')}
                            maxLength={500}
                            value={current.reason}
                            onChange={(event) => mark(member.id, { reason: event.target.value })}
                          />
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
          {saved ? <Alert tone="success">{t('calendar.attendance.saved')}</Alert> : null}
          <div className="actions">
            <Button type="button" variant="primary" disabled={busy || !changed} onClick={() => void save()}>
              {t('calendar.attendance.save')}
            </Button>
            {unmarked > 0 ? (
              <Button
                variant="secondary"
                onClick={() => {
                  for (const member of members) if (marks[member.id]!.status === null) mark(member.id, { status: 'present' });
                }}
              >
                {t('calendar.attendance.restPresent', { count: unmarked })}
              </Button>
            ) : null}
            {changed ? <span className="save-status--dirty">{t('calendar.unsaved')}</span> : null}
          </div>
        </>
      )}
    </section>
  );
}

function LeaderLog({ detail, onSaved, onDirty }: PartProps) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const errorText = useErrorText();
  const id = useId();
  const [fields, setFields] = useState({
    whatHappened: detail.log.whatHappened,
    why: detail.log.why,
    whatNext: detail.log.whatNext,
    themeNotes: detail.session.themeNotes,
  });
  const { changed, saved, error, busy, edited, save: saveDraft } = useDraft(onDirty);

  function change(key: keyof typeof fields, value: string) {
    setFields((current) => ({ ...current, [key]: value }));
    edited();
  }

  function save() {
    return saveDraft(async () => {
      onSaved(
        await invoke('calendar.log.save', {
          sessionId: detail.session.id,
          ...fields,
          // Notes on single members are kept as they are.
          mentions: detail.log.mentions.map((mention) => ({ memberId: mention.memberId, note: mention.note })),
        }),
      );
    });
  }

  const area = (key: keyof typeof fields, rows = 3) => (
    <Field key={key} label={t(`calendar.log.${key}`)} hint={t(`calendar.log.${key}Hint`)}>
      {(control) => <textarea {...control} className="textarea" rows={rows} maxLength={20_000} value={fields[key]} onChange={(event) => change(key, event.target.value)} />}
    </Field>
  );

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`} className="cal-card-heading">
        {t('calendar.log.heading')}
      </h4>
      <p className="muted">{t('calendar.log.explain')}</p>
      <div className="form">
        {area('whatHappened', 4)}
        {area('why')}
        {area('whatNext')}
        {area('themeNotes')}
      </div>
      {detail.log.updatedAt ? <p className="small muted">{t('calendar.log.updated', { when: dateTime(detail.log.updatedAt) })}</p> : null}
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {saved ? <Alert tone="success">{t('calendar.log.saved')}</Alert> : null}
      <div className="actions">
        <Button variant="primary" disabled={busy || !changed} onClick={() => void save()}>
          {t('calendar.log.save')}
        </Button>
        {changed ? <span className="save-status--dirty">{t('calendar.unsaved')}</span> : null}
      </div>
    </section>
  );
}

/** Where this one session is held, when not in the group's usual room. */
function SessionRoom({ detail, groupRoom, onSaved }: { detail: SessionDetail; groupRoom: string; onSaved: (detail: SessionDetail) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [room, setRoom] = useState(detail.session.room);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const changed = room.trim() !== detail.session.room;

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      onSaved(await invoke('calendar.sessions.setRoom', { id: detail.session.id, room: room.trim() }));
      setSaved(true);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <form className="cal-room" onSubmit={(event) => void save(event)} noValidate>
      <TextField
        label={t('calendar.session.room')}
        hint={groupRoom ? t('calendar.session.roomHint', { room: groupRoom }) : t('calendar.session.roomHintNone')}
        value={room}
        onValueChange={(value) => {
          setRoom(value);
          setSaved(false);
        }}
        maxLength={200}
        after={
          <Button type="submit" variant="secondary" disabled={!changed}>
            {t('calendar.session.roomSave')}
          </Button>
        }
      />
      {saved ? <p className="save-status">{t('calendar.session.roomSaved')}</p> : null}
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
    </form>
  );
}
