import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudyPage } from '../../../../shared/study/contract.js';
import { Button, Field, TextField } from '../../ui/index.js';

type Supervisor = StudyPage['supervisors'][number];

/** Moves focus to the last row's first control after a row was added. */
function useFocusLastAfterAdd(length: number, container: React.RefObject<HTMLElement | null>) {
  const previous = useRef(length);
  useEffect(() => {
    if (length > previous.current) {
      const controls = container.current?.querySelectorAll<HTMLElement>('.list-row');
      controls?.[controls.length - 1]?.querySelector<HTMLElement>('input, textarea')?.focus();
    }
    previous.current = length;
  }, [length, container]);
}

interface QuestionsProps {
  value: string[];
  onChange: (value: string[]) => void;
  invalid: (path: string) => string | null;
}

export function ResearchQuestions({ value, onChange, invalid }: QuestionsProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLFieldSetElement>(null);
  useFocusLastAfterAdd(value.length, ref);
  return (
    <fieldset className="fieldset" ref={ref}>
      <legend>{t('studyPage.questionsHeading')}</legend>
      {value.length === 0 ? <p className="muted">{t('studyPage.noQuestions')}</p> : null}
      {value.map((question, index) => {
        const number = index + 1;
        return (
          <div className="list-row" key={index}>
            <Field label={t('studyPage.question', { number })} error={invalid(`researchQuestions.${index}`)}>
              {(control) => (
                <textarea
                  {...control}
                  className="textarea"
                  rows={2}
                  maxLength={2000}
                  value={question}
                  onChange={(event) => onChange(value.map((item, at) => (at === index ? event.target.value : item)))}
                />
              )}
            </Field>
            <Button variant="quiet" className="list-row__remove" onClick={() => onChange(value.filter((_, at) => at !== index))}>
              {t('studyPage.removeQuestion', { number })}
            </Button>
          </div>
        );
      })}
      {value.length < 20 ? (
        <Button variant="secondary" onClick={() => onChange([...value, ''])}>
          {t('studyPage.addQuestion')}
        </Button>
      ) : null}
    </fieldset>
  );
}

interface SupervisorsProps {
  value: Supervisor[];
  onChange: (value: Supervisor[]) => void;
  invalid: (path: string) => string | null;
}

export function Supervisors({ value, onChange, invalid }: SupervisorsProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLFieldSetElement>(null);
  useFocusLastAfterAdd(value.length, ref);
  const update = (index: number, change: Partial<Supervisor>) =>
    onChange(value.map((item, at) => (at === index ? { ...item, ...change } : item)));
  return (
    <fieldset className="fieldset" ref={ref}>
      <legend>{t('studyPage.supervisorsHeading')}</legend>
      {value.length === 0 ? <p className="muted">{t('studyPage.noSupervisors')}</p> : null}
      {value.map((supervisor, index) => {
        const number = index + 1;
        return (
          <div className="list-row list-row--pair" key={index}>
            <TextField
              label={t('studyPage.supervisorName', { number })}
              value={supervisor.name}
              onValueChange={(name) => update(index, { name })}
              error={invalid(`supervisors.${index}.name`)}
              maxLength={200}
            />
            <TextField
              label={t('studyPage.supervisorAffiliation', { number })}
              value={supervisor.affiliation}
              onValueChange={(affiliation) => update(index, { affiliation })}
              error={invalid(`supervisors.${index}.affiliation`)}
              maxLength={300}
            />
            <Button variant="quiet" className="list-row__remove" onClick={() => onChange(value.filter((_, at) => at !== index))}>
              {t('studyPage.removeSupervisor', { number })}
            </Button>
          </div>
        );
      })}
      {value.length < 10 ? (
        <Button variant="secondary" onClick={() => onChange([...value, { name: '', affiliation: '' }])}>
          {t('studyPage.addSupervisor')}
        </Button>
      ) : null}
    </fieldset>
  );
}
