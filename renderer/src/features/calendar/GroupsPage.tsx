import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupSummary, Programme } from '../../../../shared/calendar/contract.js';
import { invoke } from '../../bridge/index.js';
import { Alert, Button, DateField, Field, FormActions, TextField, TimeField, showErrorsAndFocus, useErrorText } from '../../ui/index.js';
import type { CalendarPlace } from './CalendarSection.js';
import { useCalendarFormat } from './format.js';
import { colourStyle } from './SessionChip.js';
import { useBilingual } from './texts.js';
import { isDay, isTime, leaderNames, osloToday, shortNameOf, weekdayOf } from '../../../../shared/calendar/views.js';
import { addDays } from '../../../../shared/calendar/schedule.js';
import { colourAt } from '../../../../shared/calendar/palette.js';

interface GroupsPageProps {
  creating: boolean;
  go: (place: CalendarPlace) => void;
}

/** The groups, newest start first, and the form for a new one. */
export function GroupsPage({ creating, go }: GroupsPageProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const format = useCalendarFormat();
  const bilingual = useBilingual();
  const [groups, setGroups] = useState<GroupSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    invoke('calendar.groups.list', {}).then(setGroups, setError);
  }, []);

  return (
    <div className="stack">
      <h3 tabIndex={-1}>{t('calendar.groups.heading')}</h3>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {creating ? (
        <NewGroupForm onCancel={() => go({ kind: 'groups' })} onCreated={(groupId) => go({ kind: 'group', groupId })} />
      ) : (
        <div className="actions">
          <Button variant="primary" onClick={() => go({ kind: 'newGroup' })}>
            {t('calendar.groups.new')}
          </Button>
        </div>
      )}
      {!groups ? (
        error ? null : (
          <p role="status">{t('app.loading')}</p>
        )
      ) : groups.length === 0 ? (
        <p className="muted">{t('calendar.groups.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('calendar.groups.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('calendar.groups.columnGroup')}</th>
                <th scope="col">{t('calendar.groups.columnLeaders')}</th>
                <th scope="col">{t('calendar.groups.columnWhen')}</th>
                <th scope="col" className="table__number">
                  {t('calendar.groups.columnMembers')}
                </th>
              </tr>
            </thead>
            <tbody>
              {groups.map((group) => (
                <tr key={group.id}>
                  <th scope="row" style={colourStyle({ colour: colourAt(group.colour) })}>
                    <span className="cal-badge">{shortNameOf(group.name)}</span>{' '}
                    <Button variant="quiet" className="cal-link" onClick={() => go({ kind: 'group', groupId: group.id })}>
                      {group.name}
                    </Button>
                    <div className="small muted">{bilingual(group.programmeName)}</div>
                  </th>
                  <td>{leaderNames(group.leaders).join(', ')}</td>
                  <td className="nowrap">
                    {format.shortDate(group.startDate)}
                    {group.endDate ? ` – ${format.shortDate(group.endDate)}` : ''}
                    <div className="small muted">{t('calendar.groups.sessions', { count: group.sessionCount })}</div>
                  </td>
                  <td className="table__number">{t('calendar.groups.membersOf', { count: group.memberCount, capacity: group.capacity })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

const weekdayNumbers = [1, 2, 3, 4, 5, 6, 7] as const;

/** The weekdays a weekly programme suggests: Monday and Thursday for two a week, and so on. */
function suggestedWeekdays(perWeek: number, startDate: string): number[] {
  const patterns: Record<number, number[]> = { 1: [], 2: [1, 4], 3: [1, 3, 5], 4: [1, 2, 4, 5], 5: [1, 2, 3, 4, 5] };
  if (perWeek === 1 && isDay(startDate)) return [weekdayOf(startDate) + 1];
  return patterns[perWeek] ?? [];
}

function NewGroupForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (groupId: number) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const bilingual = useBilingual();
  const format = useCalendarFormat();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [programmes, setProgrammes] = useState<Programme[] | null>(null);
  const [programmeId, setProgrammeId] = useState('');
  const [name, setName] = useState('');
  const [professional, setProfessional] = useState('');
  const [peer, setPeer] = useState('');
  const [room, setRoom] = useState('');
  const [startDate, setStartDate] = useState(() => addDays(osloToday(), 14));
  const [startTime, setStartTime] = useState('');
  const [weekdays, setWeekdays] = useState<number[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  function chooseProgramme(list: Programme[], chosen: string) {
    setProgrammeId(chosen);
    const programme = list.find((candidate) => String(candidate.id) === chosen);
    if (!programme) return;
    setStartTime(programme.content.startTime);
    const cadence = programme.content.cadence;
    setWeekdays(cadence.kind === 'weekly' ? suggestedWeekdays(cadence.perWeek, startDate) : []);
  }

  useEffect(() => {
    invoke('calendar.programmes.list', {}).then((list) => {
      setProgrammes(list);
      const chosen = list.find((programme) => programme.isDefault) ?? list[0];
      if (chosen) chooseProgramme(list, String(chosen.id));
    }, setError);
    // Once, when the form opens: the default programme and its suggestions.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const programme = programmes?.find((candidate) => String(candidate.id) === programmeId);
  const cadence = programme?.content.cadence;
  const perWeek = cadence?.kind === 'weekly' ? cadence.perWeek : 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const errors: Record<string, string> = {};
    if (!name.trim()) errors.name = t('calendar.newGroup.nameRequired');
    if (!programme) errors.programme = t('calendar.newGroup.programmeRequired');
    if (!professional.trim()) errors.professional = t('calendar.newGroup.professionalRequired');
    if (!isDay(startDate)) errors.startDate = t('calendar.newGroup.startDateRequired');
    if (!isTime(startTime)) errors.startTime = t('calendar.newGroup.startTimeRequired');
    if (perWeek > 0 && weekdays.length !== perWeek) errors.weekdays = t('calendar.newGroup.weekdaysCount', { count: perWeek });
    if (Object.keys(errors).length > 0 || !programme) {
      showErrorsAndFocus(formRef.current, () => setFieldErrors(errors));
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      const group = await invoke('calendar.groups.create', {
        name: name.trim(),
        programmeId: programme.id,
        leaders: { professional: professional.trim(), peer: peer.trim() },
        room: room.trim(),
        startDate,
        weekdays: perWeek > 0 ? [...weekdays].sort((a, b) => a - b) : [],
        startTime,
      });
      onCreated(group.group.id);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  if (!programmes) return error ? <Alert tone="error">{errorText(error)}</Alert> : <p role="status">{t('app.loading')}</p>;

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`} className="cal-card-heading">
        {t('calendar.newGroup.heading')}
      </h4>
      <form ref={formRef} className="form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label={t('calendar.newGroup.name')}
          hint={name.trim() ? t('calendar.newGroup.nameHintShort', { short: shortNameOf(name) }) : t('calendar.newGroup.nameHint')}
          value={name}
          onValueChange={setName}
          error={fieldErrors.name}
          maxLength={100}
        />
        <Field label={t('calendar.newGroup.programme')} error={fieldErrors.programme}>
          {(control) => (
            <select {...control} className="select" value={programmeId} onChange={(event) => chooseProgramme(programmes, event.target.value)}>
              {programmes.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {bilingual(candidate.content.name)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {programme ? <p className="small muted">{bilingual(programme.content.description)}</p> : null}
        <fieldset className="fieldset">
          <legend>{t('calendar.newGroup.leaders')}</legend>
          <div className="field-pair">
            <TextField
              label={t('calendar.newGroup.professional')}
              hint={t('calendar.newGroup.professionalHint')}
              value={professional}
              onValueChange={setProfessional}
              error={fieldErrors.professional}
              maxLength={100}
            />
            <TextField label={t('calendar.newGroup.peer')} hint={t('calendar.newGroup.peerHint')} value={peer} onValueChange={setPeer} maxLength={100} />
          </div>
        </fieldset>
        <TextField label={t('calendar.newGroup.room')} value={room} onValueChange={setRoom} maxLength={200} />
        <div className="field-pair">
          <DateField label={t('calendar.newGroup.startDate')} hint={startDate && isDay(startDate) ? format.longDay(startDate) : undefined} error={fieldErrors.startDate} value={startDate} onValueChange={setStartDate} />
          <TimeField label={t('calendar.newGroup.startTime')} hint={t('calendar.newGroup.startTimeHint')} error={fieldErrors.startTime} value={startTime} onValueChange={setStartTime} />
        </div>
        {perWeek > 0 ? (
          <fieldset className="fieldset" aria-describedby={`${id}-weekdays-hint${fieldErrors.weekdays ? ` ${id}-weekdays-error` : ''}`}>
            <legend>{t('calendar.newGroup.weekdays')}</legend>
            <p className="field__hint" id={`${id}-weekdays-hint`}>
              {t('calendar.newGroup.weekdaysHint', { count: perWeek })}
            </p>
            {fieldErrors.weekdays ? (
              <p className="field__error" id={`${id}-weekdays-error`}>
                {fieldErrors.weekdays}
              </p>
            ) : null}
            <div className="cal-weekdays">
              {weekdayNumbers.map((weekday) => (
                <div className="checkbox" key={weekday}>
                  <input
                    type="checkbox"
                    id={`${id}-weekday-${weekday}`}
                    checked={weekdays.includes(weekday)}
                    aria-invalid={fieldErrors.weekdays ? true : undefined}
                    onChange={(event) => setWeekdays((chosen) => (event.target.checked ? [...chosen, weekday] : chosen.filter((day) => day !== weekday)))}
                  />
                  {/* 2029-01-01 is a Monday: the weekday's name in the user's language. */}
                  <label htmlFor={`${id}-weekday-${weekday}`}>{format.weekdayLong(addDays('2029-01-01', weekday - 1))}</label>
                </div>
              ))}
            </div>
          </fieldset>
        ) : null}
        <FormActions error={error} submitLabel={t('calendar.newGroup.submit')} cancelLabel={t('calendar.cancel')} onCancel={onCancel} busy={busy} />
      </form>
    </section>
  );
}
