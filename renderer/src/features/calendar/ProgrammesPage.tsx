import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual, Cadence, CompletionRule, Programme, ProgrammeContent } from '../../../../shared/calendar/contract.js';
import { cadenceSessionCount } from '../../../../shared/calendar/schedule.js';
import { invoke } from '../../bridge/index.js';
import { Alert, Button, ConfirmDialog, Field, FormActions, TextField, showErrorsAndFocus, useErrorText } from '../../ui/index.js';
import { useCalendarFormat } from './format.js';
import { useBilingual } from './texts.js';
import { isDay, isTime } from '../../../../shared/calendar/views.js';

interface ProgrammesPageProps {
  onDirtyChange: (dirty: boolean) => void;
}

/** The programmes groups are made from: the shipped templates and the researcher's own copies. */
export function ProgrammesPage({ onDirtyChange }: ProgrammesPageProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const bilingual = useBilingual();
  const [programmes, setProgrammes] = useState<Programme[] | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [copying, setCopying] = useState<Programme | null>(null);
  const [deleting, setDeleting] = useState<Programme | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    invoke('calendar.programmes.list', {}).then(setProgrammes, setError);
  }, []);

  function replace(programme: Programme) {
    setProgrammes((list) => {
      if (!list) return [programme];
      return list.some((item) => item.id === programme.id) ? list.map((item) => (item.id === programme.id ? programme : item)) : [...list, programme];
    });
  }

  async function act(work: () => Promise<void>) {
    setError(null);
    setNotice(null);
    try {
      await work();
    } catch (caught) {
      setError(caught);
    }
  }

  if (!programmes) return error ? <Alert tone="error">{errorText(error)}</Alert> : <p role="status">{t('app.loading')}</p>;

  return (
    <div className="stack">
      <h3 tabIndex={-1}>{t('calendar.programmes.heading')}</h3>
      <p className="muted">{t('calendar.programmes.intro')}</p>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <ul className="cal-programmes">
        {programmes.map((programme) => {
          const name = bilingual(programme.content.name);
          return (
            <li key={programme.id} className="card">
              <div className="cal-programme__head">
                <h4 className="cal-card-heading">
                  {name}
                  {programme.isDefault ? <span className="cal-tag">{t('calendar.programmes.default')}</span> : null}
                  {programme.builtin ? <span className="cal-tag cal-tag--quiet">{t('calendar.programmes.shipped')}</span> : <span className="cal-tag cal-tag--quiet">{t('calendar.programmes.own')}</span>}
                </h4>
                <p className="small muted">{t('calendar.programmes.groups', { count: programme.groupCount })}</p>
              </div>
              <p>{bilingual(programme.content.description)}</p>
              <ProgrammeFacts content={programme.content} />
              {editing === programme.id ? (
                <ProgrammeEditor
                  programme={programme}
                  onDirtyChange={onDirtyChange}
                  onCancel={() => {
                    setEditing(null);
                    onDirtyChange(false);
                  }}
                  onSaved={(saved) => {
                    replace(saved);
                    setEditing(null);
                    onDirtyChange(false);
                    setNotice(t('calendar.programmes.saved', { name: bilingual(saved.content.name) }));
                  }}
                />
              ) : open === programme.id ? (
                <ProgrammeDetails content={programme.content} />
              ) : null}
              {editing === programme.id ? null : (
                <div className="actions">
                  <Button variant="secondary" aria-expanded={open === programme.id} onClick={() => setOpen(open === programme.id ? null : programme.id)}>
                    {open === programme.id ? t('calendar.programmes.hide') : t('calendar.programmes.view')}
                  </Button>
                  <Button variant="secondary" aria-label={t('calendar.programmes.copyFor', { name })} onClick={() => setCopying(programme)}>
                    {t('calendar.programmes.copy')}
                  </Button>
                  {programme.builtin ? null : (
                    <Button variant="secondary" aria-label={t('calendar.programmes.editFor', { name })} onClick={() => setEditing(programme.id)}>
                      {t('calendar.programmes.edit')}
                    </Button>
                  )}
                  {programme.isDefault ? null : (
                    <Button variant="quiet" onClick={() => void act(async () => setProgrammes(await invoke('calendar.programmes.setDefault', { id: programme.id })))}>
                      {t('calendar.programmes.makeDefault')}
                    </Button>
                  )}
                  {programme.builtin || programme.groupCount > 0 ? null : (
                    <Button variant="quiet" aria-label={t('calendar.programmes.deleteFor', { name })} onClick={() => setDeleting(programme)}>
                      {t('calendar.programmes.delete')}
                    </Button>
                  )}
                </div>
              )}
              {copying?.id === programme.id ? (
                <CopyForm
                  programme={programme}
                  onCancel={() => setCopying(null)}
                  onCopied={(copy) => {
                    replace(copy);
                    setCopying(null);
                    setEditing(copy.id);
                    setNotice(t('calendar.programmes.copied', { name: bilingual(copy.content.name) }));
                  }}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        open={deleting !== null}
        title={t('calendar.programmes.deleteTitle', { name: deleting ? bilingual(deleting.content.name) : '' })}
        body={t('calendar.programmes.deleteBody')}
        cancelLabel={t('calendar.cancel')}
        confirmLabel={t('calendar.programmes.deleteConfirm')}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          const target = deleting;
          setDeleting(null);
          if (target)
            void act(async () => {
              await invoke('calendar.programmes.delete', { id: target.id });
              setProgrammes((list) => list?.filter((item) => item.id !== target.id) ?? null);
            });
        }}
      />
    </div>
  );
}

/** The programme in one glance: sessions and cadence, length, capacity, completion rule. */
export function ProgrammeFacts({ content }: { content: ProgrammeContent }) {
  const { t } = useTranslation();
  const format = useCalendarFormat();
  const cadence = content.cadence;
  return (
    <dl className="cal-facts">
      <div>
        <dt>{t('calendar.programmes.sessions')}</dt>
        <dd>
          {cadence.kind === 'weekly'
            ? t('calendar.programmes.cadenceWeekly', { count: cadenceSessionCount(cadence), perWeek: cadence.perWeek, weeks: cadence.weeks })
            : cadence.kind === 'interval'
              ? t('calendar.programmes.cadenceInterval', { count: cadence.sessions, days: cadence.everyDays })
              : t('calendar.programmes.cadenceFixed', { count: cadence.dates.length, dates: cadence.dates.map((date) => format.shortDate(date)).join(', ') })}
        </dd>
      </div>
      <div>
        <dt>{t('calendar.programmes.length')}</dt>
        <dd>{t('calendar.programmes.lengthValue', { start: content.startTime, hours: new Intl.NumberFormat(format.locale, { maximumFractionDigits: 2 }).format(content.sessionMinutes / 60) })}</dd>
      </div>
      <div>
        <dt>{t('calendar.programmes.capacity')}</dt>
        <dd>
          {content.capacity.ideal
            ? t('calendar.programmes.capacityIdeal', { max: content.capacity.max, ideal: content.capacity.ideal })
            : t('calendar.programmes.capacityMax', { max: content.capacity.max })}
        </dd>
      </div>
      <div>
        <dt>{t('calendar.programmes.completion')}</dt>
        <dd>
          {content.completion.kind === 'minSessions'
            ? t('calendar.programmes.completionMin', { count: content.completion.sessions })
            : t('calendar.programmes.completionAbsence', { percent: content.completion.percent })}
        </dd>
      </div>
    </dl>
  );
}

/** Everything else in a programme: phases, parts of a session, themes, talks, forms, learning goals. */
function ProgrammeDetails({ content }: { content: ProgrammeContent }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const talkWhen = (talk: ProgrammeContent['individualTalks'][number]) =>
    talk.timing.kind === 'beforeStart'
      ? t('calendar.programmes.talkBefore')
      : talk.timing.kind === 'inWeek'
        ? t('calendar.programmes.talkInWeek', { week: talk.timing.week })
        : t('calendar.programmes.talkAfter', { count: talk.timing.weeks });
  return (
    <div className="cal-programme__details">
      <DetailList heading={t('calendar.programmes.phases')} items={content.phases} numbered>
        {(phase, index) => (
          <li key={index}>
            <strong>{bilingual(phase.name)}</strong>
            {bilingual(phase.description) ? `: ${bilingual(phase.description)}` : ''}
          </li>
        )}
      </DetailList>
      <DetailList heading={t('calendar.programmes.parts')} items={content.sessionParts}>
        {(part, index) => (
          <li key={index}>{t('calendar.programmes.part', { name: bilingual(part.name), count: part.minutes })}</li>
        )}
      </DetailList>
      <DetailList heading={t('calendar.programmes.themes')} items={content.themes} numbered>
        {(theme) => (
          <li key={theme.key}>{bilingual(theme.name)}</li>
        )}
      </DetailList>
      <DetailList heading={t('calendar.programmes.talks')} items={content.individualTalks}>
        {(talk) => (
          <li key={talk.key}>
            <strong>{bilingual(talk.name)}</strong>: {talkWhen(talk)}
            {talk.minMinutes > 0 ? `, ${t('calendar.programmes.talkMinutes', { count: talk.minMinutes })}` : ''}
            {talk.bothLeaders ? `, ${t('calendar.programmes.talkBoth')}` : ''}
          </li>
        )}
      </DetailList>
      <DetailList heading={t('calendar.programmes.forms')} items={content.evaluationForms}>
        {(form) => (
          <li key={form.key}>
            {bilingual(form.title)} ({t(`calendar.evaluations.when.${form.when}`)}, {t('calendar.programmes.questions', { count: form.questions.length })})
          </li>
        )}
      </DetailList>
      <DetailList heading={t('calendar.programmes.goals')} items={content.learningGoals}>
        {(goal) => (
          <li key={goal.code}>
            <strong>{goal.code}</strong> {bilingual(goal.text)}
          </li>
        )}
      </DetailList>
      <p className="small muted">
        {t('calendar.programmes.usualHours', { from: content.usualHours.from, to: content.usualHours.to })}
        {content.leaderLog ? ` ${t('calendar.programmes.logAsked')}` : ''}
      </p>
    </div>
  );
}

function CopyForm({ programme, onCancel, onCopied }: { programme: Programme; onCancel: () => void; onCopied: (copy: Programme) => void }) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState<Bilingual>({
    en: t('calendar.programmes.copyName', { name: programme.content.name.en, lng: 'en' }),
    nb: t('calendar.programmes.copyName', { name: programme.content.name.nb, lng: 'nb' }),
  });
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    formRef.current?.querySelector('input')?.focus();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!name.en.trim()) errors.en = t('calendar.programmes.nameRequired');
    if (!name.nb.trim()) errors.nb = t('calendar.programmes.nameRequired');
    if (Object.keys(errors).length > 0) {
      showErrorsAndFocus(formRef.current, () => setFieldErrors(errors));
      return;
    }
    try {
      onCopied(await invoke('calendar.programmes.copy', { id: programme.id, name: { en: name.en.trim(), nb: name.nb.trim() } }));
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <form ref={formRef} className="form cal-subform" onSubmit={(event) => void submit(event)} noValidate>
      <h5 className="cal-subheading">{t('calendar.programmes.copyHeading')}</h5>
      <div className="field-pair">
        <TextField label={t('calendar.programmes.nameNb')} value={name.nb} onValueChange={(nb) => setName({ ...name, nb })} error={fieldErrors.nb} maxLength={300} />
        <TextField label={t('calendar.programmes.nameEn')} value={name.en} onValueChange={(en) => setName({ ...name, en })} error={fieldErrors.en} maxLength={300} />
      </div>
      <FormActions error={error} submitLabel={t('calendar.programmes.copySubmit')} cancelLabel={t('calendar.cancel')} onCancel={onCancel} />
    </form>
  );
}

/** One part of a programme's details: a heading and its list, left out when the programme has none. */
function DetailList<Item>({ heading, items, numbered = false, children }: { heading: string; items: readonly Item[]; numbered?: boolean; children: (item: Item, index: number) => ReactNode }) {
  if (items.length === 0) return null;
  const List = numbered ? 'ol' : 'ul';
  return (
    <>
      <h5 className="cal-subheading">{heading}</h5>
      <List>{items.map(children)}</List>
    </>
  );
}

/** The editable parts of a programme, as text while being typed. */
interface Draft {
  name: Bilingual;
  cadenceKind: Cadence['kind'];
  weeks: string;
  perWeek: string;
  sessions: string;
  everyDays: string;
  dates: string;
  startTime: string;
  minutes: string;
  themes: { key: string; name: Bilingual }[];
  capacityMax: string;
  capacityIdeal: string;
  ruleKind: CompletionRule['kind'];
  ruleValue: string;
  usualFrom: string;
  usualTo: string;
}

function toDraft(content: ProgrammeContent): Draft {
  const cadence = content.cadence;
  return {
    name: content.name,
    cadenceKind: cadence.kind,
    weeks: cadence.kind === 'weekly' ? String(cadence.weeks) : '8',
    perWeek: cadence.kind === 'weekly' ? String(cadence.perWeek) : '2',
    sessions: cadence.kind === 'interval' ? String(cadence.sessions) : String(cadenceSessionCount(cadence)),
    everyDays: cadence.kind === 'interval' ? String(cadence.everyDays) : '14',
    dates: cadence.kind === 'fixedDates' ? cadence.dates.join('\n') : '',
    startTime: content.startTime,
    minutes: String(content.sessionMinutes),
    themes: content.themes,
    capacityMax: String(content.capacity.max),
    capacityIdeal: content.capacity.ideal === null ? '' : String(content.capacity.ideal),
    ruleKind: content.completion.kind,
    ruleValue: String(content.completion.kind === 'minSessions' ? content.completion.sessions : content.completion.percent),
    usualFrom: content.usualHours.from,
    usualTo: content.usualHours.to,
  };
}

const whole = (text: string, min: number, max: number): number | null => {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(value) && value >= min && value <= max ? value : null;
};

/** The draft as content, or the problems per field. */
function fromDraft(draft: Draft, base: ProgrammeContent, problem: (key: string) => string): { content: ProgrammeContent | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const need = <T,>(key: string, value: T | null): T => {
    if (value === null) errors[key] = problem(key);
    return value as T;
  };
  if (!draft.name.nb.trim()) errors.nameNb = problem('name');
  if (!draft.name.en.trim()) errors.nameEn = problem('name');
  let cadence: Cadence;
  if (draft.cadenceKind === 'weekly') cadence = { kind: 'weekly', weeks: need('weeks', whole(draft.weeks, 1, 52)), perWeek: need('perWeek', whole(draft.perWeek, 1, 5)) };
  else if (draft.cadenceKind === 'interval')
    cadence = { kind: 'interval', sessions: need('sessions', whole(draft.sessions, 1, 100)), everyDays: need('everyDays', whole(draft.everyDays, 1, 366)) };
  else {
    const dates = draft.dates.split(/[\s,;]+/).filter(Boolean);
    if (dates.length === 0 || dates.length > 100 || !dates.every(isDay)) errors.dates = problem('dates');
    cadence = { kind: 'fixedDates', dates: [...new Set(dates)].sort() };
  }
  if (!isTime(draft.startTime)) errors.startTime = problem('time');
  const minutes = need('minutes', whole(draft.minutes, 15, 16 * 60));
  const max = need('capacityMax', whole(draft.capacityMax, 1, 500));
  const ideal = draft.capacityIdeal.trim() === '' ? null : need('capacityIdeal', whole(draft.capacityIdeal, 1, 500));
  const completion: CompletionRule =
    draft.ruleKind === 'minSessions' ? { kind: 'minSessions', sessions: need('ruleValue', whole(draft.ruleValue, 1, 100)) } : { kind: 'maxAbsencePercent', percent: need('ruleValue', whole(draft.ruleValue, 0, 100)) };
  if (!isTime(draft.usualFrom)) errors.usualFrom = problem('time');
  if (!isTime(draft.usualTo)) errors.usualTo = problem('time');
  draft.themes.forEach((theme, index) => {
    if (!theme.name.nb.trim() || !theme.name.en.trim()) errors[`theme${index}`] = problem('theme');
  });
  if (Object.keys(errors).length > 0) return { content: null, errors };
  return {
    errors,
    content: {
      ...base,
      name: { en: draft.name.en.trim(), nb: draft.name.nb.trim() },
      cadence,
      startTime: draft.startTime,
      sessionMinutes: minutes,
      themes: draft.themes.map((theme) => ({ key: theme.key, name: { en: theme.name.en.trim(), nb: theme.name.nb.trim() } })),
      capacity: { max, ideal },
      completion,
      usualHours: { from: draft.usualFrom, to: draft.usualTo },
    },
  };
}

/** A key for a new theme that no other theme of the programme has. */
function newThemeKey(themes: readonly { key: string }[]): string {
  let index = themes.length + 1;
  while (themes.some((theme) => theme.key === `theme${index}`)) index += 1;
  return `theme${index}`;
}

function ProgrammeEditor({ programme, onDirtyChange, onCancel, onSaved }: { programme: Programme; onDirtyChange: (dirty: boolean) => void; onCancel: () => void; onSaved: (programme: Programme) => void }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState(() => toDraft(programme.content));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    formRef.current?.querySelector('input')?.focus();
  }, []);

  function change(next: Partial<Draft>) {
    setDraft((current) => ({ ...current, ...next }));
    onDirtyChange(true);
  }
  function setTheme(index: number, name: Bilingual) {
    change({ themes: draft.themes.map((theme, at) => (at === index ? { ...theme, name } : theme)) });
  }
  function moveTheme(index: number, by: -1 | 1) {
    const themes = [...draft.themes];
    const [theme] = themes.splice(index, 1);
    themes.splice(index + by, 0, theme!);
    change({ themes });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { content, errors: problems } = fromDraft(draft, programme.content, (key) => t(`calendar.editor.problems.${key}` as 'calendar.editor.problems.name'));
    if (!content) {
      showErrorsAndFocus(formRef.current, () => setErrors(problems));
      return;
    }
    setErrors({});
    setBusy(true);
    setError(null);
    try {
      onSaved(await invoke('calendar.programmes.save', { id: programme.id, content }));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  const number = (key: keyof Draft, label: string, hint?: string) => (
    <TextField
      label={label}
      hint={hint}
      value={draft[key] as string}
      onValueChange={(value) => change({ [key]: value } as Partial<Draft>)}
      inputMode="numeric"
      className="input input--number"
      error={errors[key]}
    />
  );
  const time = (key: 'startTime' | 'usualFrom' | 'usualTo', label: string) => (
    <Field label={label} error={errors[key]}>
      {(control) => <input {...control} type="time" className="input input--time" value={draft[key]} onChange={(event) => change({ [key]: event.target.value })} />}
    </Field>
  );

  return (
    <form ref={formRef} className="form cal-subform" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-heading`}>
      <h5 id={`${id}-heading`} className="cal-subheading">
        {t('calendar.editor.heading')}
      </h5>
      <p className="small muted">{t('calendar.editor.explain')}</p>
      <div className="field-pair">
        <TextField label={t('calendar.programmes.nameNb')} value={draft.name.nb} onValueChange={(nb) => change({ name: { ...draft.name, nb } })} error={errors.nameNb} maxLength={300} />
        <TextField label={t('calendar.programmes.nameEn')} value={draft.name.en} onValueChange={(en) => change({ name: { ...draft.name, en } })} error={errors.nameEn} maxLength={300} />
      </div>
      <Field label={t('calendar.editor.cadence')}>
        {(control) => (
          <select {...control} className="select" value={draft.cadenceKind} onChange={(event) => change({ cadenceKind: event.target.value as Cadence['kind'] })}>
            {(['weekly', 'interval', 'fixedDates'] as const).map((kind) => (
              <option key={kind} value={kind}>
                {t(`calendar.editor.cadences.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {draft.cadenceKind === 'weekly' ? (
        <div className="field-pair">
          {number('perWeek', t('calendar.editor.perWeek'))}
          {number('weeks', t('calendar.editor.weeks'))}
        </div>
      ) : draft.cadenceKind === 'interval' ? (
        <div className="field-pair">
          {number('sessions', t('calendar.editor.sessions'))}
          {number('everyDays', t('calendar.editor.everyDays'))}
        </div>
      ) : (
        <Field label={t('calendar.editor.dates')} hint={t('calendar.editor.datesHint')} error={errors.dates}>
          {(control) => <textarea {...control} className="textarea" rows={4} value={draft.dates} onChange={(event) => change({ dates: event.target.value })} />}
        </Field>
      )}
      <div className="field-pair">
        {time('startTime', t('calendar.editor.startTime'))}
        {number('minutes', t('calendar.editor.minutes'))}
      </div>
      <fieldset className="fieldset">
        <legend>{t('calendar.editor.themes')}</legend>
        <p className="field__hint">{t('calendar.editor.themesHint')}</p>
        <ol className="cal-order">
          {draft.themes.map((theme, index) => (
            <li key={theme.key} className="list-row">
              <TextField
                label={t('calendar.editor.themeNb', { number: index + 1 })}
                value={theme.name.nb}
                onValueChange={(nb) => setTheme(index, { ...theme.name, nb })}
                error={errors[`theme${index}`]}
                maxLength={300}
              />
              <TextField label={t('calendar.editor.themeEn', { number: index + 1 })} value={theme.name.en} onValueChange={(en) => setTheme(index, { ...theme.name, en })} maxLength={300} />
              <div className="list-row__remove">
                <Button variant="quiet" aria-label={t('calendar.themes.up', { theme: bilingual(theme.name) || index + 1 })} disabled={index === 0} onClick={() => moveTheme(index, -1)}>
                  ↑
                </Button>
                <Button
                  variant="quiet"
                  aria-label={t('calendar.themes.down', { theme: bilingual(theme.name) || index + 1 })}
                  disabled={index === draft.themes.length - 1}
                  onClick={() => moveTheme(index, 1)}
                >
                  ↓
                </Button>
                <Button variant="quiet" aria-label={t('calendar.editor.removeTheme', { theme: bilingual(theme.name) || index + 1 })} onClick={() => change({ themes: draft.themes.filter((_, at) => at !== index) })}>
                  {t('calendar.editor.remove')}
                </Button>
              </div>
            </li>
          ))}
        </ol>
        <Button variant="secondary" onClick={() => change({ themes: [...draft.themes, { key: newThemeKey(draft.themes), name: { en: '', nb: '' } }] })}>
          {t('calendar.editor.addTheme')}
        </Button>
      </fieldset>
      <div className="field-pair">
        {number('capacityMax', t('calendar.editor.capacityMax'))}
        {number('capacityIdeal', t('calendar.editor.capacityIdeal'), t('calendar.editor.capacityIdealHint'))}
      </div>
      <div className="field-pair">
        <Field label={t('calendar.editor.rule')}>
          {(control) => (
            <select {...control} className="select" value={draft.ruleKind} onChange={(event) => change({ ruleKind: event.target.value as CompletionRule['kind'] })}>
              <option value="minSessions">{t('calendar.editor.rules.minSessions')}</option>
              <option value="maxAbsencePercent">{t('calendar.editor.rules.maxAbsencePercent')}</option>
            </select>
          )}
        </Field>
        {number('ruleValue', draft.ruleKind === 'minSessions' ? t('calendar.editor.ruleSessions') : t('calendar.editor.rulePercent'))}
      </div>
      <div className="field-pair">
        {time('usualFrom', t('calendar.editor.usualFrom'))}
        {time('usualTo', t('calendar.editor.usualTo'))}
      </div>
      <FormActions error={error} submitLabel={t('calendar.save')} cancelLabel={t('calendar.cancel')} onCancel={onCancel} busy={busy} />
    </form>
  );
}
