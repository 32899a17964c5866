import { useEffect, useEffectEvent, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { endOfStudyActions, ethicsDecisions, type StudyPage } from '../../../../shared/study/contract.js';
import { GroundworkError, invoke } from '../../bridge/index.js';
import { Alert, Button, Field, TextField, errorCodeOf, isShortcut, shortcutLabel, showErrorsAndFocus, useErrorText } from '../../ui/index.js';
import { ResearchQuestions, Supervisors } from './listFields.js';

interface StudyPageFormProps {
  onDirtyChange: (dirty: boolean) => void;
  onSaved: (title: string) => void;
}

type SaveState = 'idle' | 'saving' | 'saved';

/** Empty rows are left out when saving: an added but unused row is not something to keep. */
function tidy(page: StudyPage): StudyPage {
  return {
    ...page,
    title: page.title.trim(),
    researchQuestions: page.researchQuestions.filter((question) => question.trim() !== ''),
    supervisors: page.supervisors.filter((person) => person.name.trim() !== '' || person.affiliation.trim() !== ''),
  };
}

/** The study page: approvals, supervisors, research questions and the data-management plan. */
export function StudyPageForm({ onDirtyChange, onSaved }: StudyPageFormProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [page, setPage] = useState<StudyPage | null>(null);
  const [saved, setSaved] = useState<string>('');
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [invalidFields, setInvalidFields] = useState<string[]>([]);
  const [titleError, setTitleError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    invoke('studyPage.get', {}).then(
      (loaded) => {
        setPage(loaded);
        setSaved(JSON.stringify(loaded));
      },
      setError,
    );
  }, []);

  const dirty = page !== null && JSON.stringify(page) !== saved;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (isShortcut(event, 's')) {
      event.preventDefault();
      void save();
    }
  });
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  async function save() {
    if (!page || saveState === 'saving') return;
    setError(null);
    setInvalidFields([]);
    if (!page.title.trim()) {
      showErrorsAndFocus(formRef.current, () => setTitleError(t('studyPage.titleRequired')));
      return;
    }
    setTitleError(null);
    setSaveState('saving');
    try {
      const stored = await invoke('studyPage.update', tidy(page));
      setPage(stored);
      setSaved(JSON.stringify(stored));
      setSaveState('saved');
      onSaved(stored.title);
    } catch (caught) {
      setSaveState('idle');
      if (caught instanceof GroundworkError && caught.code === 'input.invalid') {
        const fields = caught.fields ?? [];
        showErrorsAndFocus(formRef.current, () => {
          setInvalidFields(fields);
          setError(caught);
        });
      } else setError(caught);
    }
  }

  if (!page) {
    return error ? <Alert tone="error">{errorText(error)}</Alert> : <p role="status">{t('app.loading')}</p>;
  }

  const invalid = (path: string) => (invalidFields.includes(path) ? t('studyPage.fieldInvalid') : null);
  const set = (change: Partial<StudyPage>) => {
    setPage({ ...page, ...change });
    if (saveState === 'saved') setSaveState('idle');
  };
  const status = saveState === 'saving' ? t('studyPage.saving') : dirty ? t('studyPage.unsaved') : saveState === 'saved' ? t('studyPage.saved') : '';

  function submit(event: FormEvent) {
    event.preventDefault();
    void save();
  }

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-labelledby="study-page-heading">
      <h2 id="study-page-heading" className="page-heading">
        {t('studyPage.heading')}
      </h2>
      <p className="lead">{t('studyPage.intro')}</p>

      <section className="form-section" aria-labelledby="about-heading">
        <h3 id="about-heading">{t('studyPage.aboutHeading')}</h3>
        <TextField
          label={t('studyPage.title')}
          value={page.title}
          onValueChange={(title) => set({ title })}
          error={titleError ?? invalid('title')}
          className="input input--wide"
          maxLength={300}
        />
        <TextField
          label={t('studyPage.institution')}
          value={page.institution}
          onValueChange={(institution) => set({ institution })}
          error={invalid('institution')}
          className="input input--wide"
          maxLength={500}
        />
        <ResearchQuestions value={page.researchQuestions} onChange={(researchQuestions) => set({ researchQuestions })} invalid={invalid} />
        <Supervisors value={page.supervisors} onChange={(supervisors) => set({ supervisors })} invalid={invalid} />
      </section>

      <section className="form-section" aria-labelledby="contacts-heading">
        <h3 id="contacts-heading">{t('studyPage.contactsHeading')}</h3>
        <p className="muted">{t('studyPage.contactsHint')}</p>
        <TextField
          label={t('studyPage.researcherName')}
          value={page.researcher.name}
          onValueChange={(name) => set({ researcher: { ...page.researcher, name } })}
          error={invalid('researcher.name')}
          maxLength={200}
          autoComplete="name"
        />
        <TextField
          label={t('studyPage.researcherContact')}
          hint={t('studyPage.researcherContactHint')}
          value={page.researcher.contact}
          onValueChange={(contact) => set({ researcher: { ...page.researcher, contact } })}
          error={invalid('researcher.contact')}
          className="input input--wide"
          maxLength={300}
        />
        <TextField
          label={t('studyPage.dataProtectionOfficer')}
          hint={t('studyPage.dataProtectionOfficerHint')}
          value={page.dataProtectionOfficer}
          onValueChange={(dataProtectionOfficer) => set({ dataProtectionOfficer })}
          error={invalid('dataProtectionOfficer')}
          className="input input--wide"
          maxLength={300}
        />
      </section>

      <section className="form-section" aria-labelledby="ethics-heading">
        <h3 id="ethics-heading">{t('studyPage.ethicsHeading')}</h3>
        <Field label={t('studyPage.ethicsDecision')} error={invalid('ethics.decision')}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={page.ethics.decision}
              onChange={(event) =>
                set({ ethics: { ...page.ethics, decision: event.target.value as StudyPage['ethics']['decision'] } })
              }
            >
              {ethicsDecisions.map((decision) => (
                <option key={decision} value={decision}>
                  {t(`studyPage.decisions.${decision}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="field-pair">
          <TextField
            label={t('studyPage.ethicsReference')}
            value={page.ethics.reference}
            onValueChange={(reference) => set({ ethics: { ...page.ethics, reference } })}
            error={invalid('ethics.reference')}
            maxLength={500}
          />
          <DateField
            label={t('studyPage.ethicsDate')}
            value={page.ethics.date}
            onChange={(date) => set({ ethics: { ...page.ethics, date } })}
            error={invalid('ethics.date')}
          />
        </div>
      </section>

      <section className="form-section" aria-labelledby="sikt-heading">
        <h3 id="sikt-heading">{t('studyPage.siktHeading')}</h3>
        <div className="field-pair">
          <TextField
            label={t('studyPage.siktReference')}
            value={page.sikt.reference}
            onValueChange={(reference) => set({ sikt: { ...page.sikt, reference } })}
            error={invalid('sikt.reference')}
            maxLength={500}
          />
          <DateField
            label={t('studyPage.siktDate')}
            value={page.sikt.date}
            onChange={(date) => set({ sikt: { ...page.sikt, date } })}
            error={invalid('sikt.date')}
          />
        </div>
      </section>

      <section className="form-section" aria-labelledby="data-heading">
        <h3 id="data-heading">{t('studyPage.dataHeading')}</h3>
        <Field label={t('studyPage.dataNotes')} hint={t('studyPage.dataNotesHint')} error={invalid('dataManagementNotes')}>
          {(control) => (
            <textarea
              {...control}
              className="textarea"
              rows={6}
              maxLength={20000}
              value={page.dataManagementNotes}
              onChange={(event) => set({ dataManagementNotes: event.target.value })}
            />
          )}
        </Field>
        <Field
          label={t('recordings.pageField')}
          hint={t('recordings.pageFieldHint')}
          error={invalid('recordingDeletionDays')}
          after={<span className="unit">{t('recordings.pageFieldUnit')}</span>}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              min={0}
              max={3650}
              step={1}
              className="input input--number"
              value={Number.isNaN(page.recordingDeletionDays) ? '' : page.recordingDeletionDays}
              onChange={(event) => set({ recordingDeletionDays: event.target.value === '' ? Number.NaN : Number(event.target.value) })}
            />
          )}
        </Field>
        <DateField
          label={t('studyPage.plannedEnd')}
          value={page.plannedEndDate}
          onChange={(plannedEndDate) => set({ plannedEndDate })}
          error={invalid('plannedEndDate')}
        />
        <fieldset className="fieldset radio-group">
          <legend>{t('studyPage.endAction')}</legend>
          {endOfStudyActions.map((action) => (
            <div className="radio" key={action}>
              <input
                type="radio"
                id={`end-${action}`}
                name="endOfStudyAction"
                value={action}
                checked={page.endOfStudyAction === action}
                onChange={() => set({ endOfStudyAction: action })}
              />
              <label htmlFor={`end-${action}`}>{t(`studyPage.endActions.${action}`)}</label>
            </div>
          ))}
        </fieldset>
      </section>

      {error ? <Alert tone="error">{errorCodeOf(error) === 'input.invalid' ? t('studyPage.invalid') : errorText(error)}</Alert> : null}

      <div className="actions actions--sticky">
        <Button type="submit" variant="primary" disabled={saveState === 'saving'} title={t('studyPage.saveShortcut', { keys: shortcutLabel('s') })} aria-keyshortcuts="Control+S Meta+S">
          {t('studyPage.save')}
        </Button>
        <p role="status" className={dirty ? 'save-status save-status--dirty' : 'save-status'}>
          {status}
        </p>
      </div>
    </form>
  );
}

interface DateFieldProps {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error: string | null;
}

/** A calendar date; an empty field is "no date". */
function DateField({ label, value, onChange, error }: DateFieldProps) {
  return (
    <Field label={label} error={error}>
      {(control) => (
        <input
          {...control}
          type="date"
          className="input input--date"
          value={value ?? ''}
          onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
        />
      )}
    </Field>
  );
}
