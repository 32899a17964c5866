import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationForm, EvaluationSummary, GroupDetail } from '../../../../shared/calendar/contract.js';
import { invoke } from '../../bridge/index.js';
import { useFormat } from '../../i18n/index.js';
import { Alert, Button, Field, FormActions, useErrorText } from '../../ui/index.js';
import { useBilingual } from './texts.js';

type Answer = number | boolean | string | null;

interface EvaluationsProps {
  detail: GroupDetail;
  /** On a session's page: the forms filled in after each session, for that session. */
  sessionId?: number;
}

/**
 * The programme's evaluation forms: a member fills one in on the leaders' computer and the answers
 * are stored without a name; the summary shows counts, means and the written answers in no order.
 */
export function Evaluations({ detail, sessionId }: EvaluationsProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const bilingual = useBilingual();
  const forms = detail.plan.evaluationForms.filter((form) => (sessionId === undefined ? form.when !== 'afterEachSession' : form.when === 'afterEachSession'));
  const [summaries, setSummaries] = useState<EvaluationSummary[]>([]);
  const [filling, setFilling] = useState<EvaluationForm | null>(null);
  const [thanks, setThanks] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const groupId = detail.group.id;

  const reload = useCallback(() => invoke('calendar.evaluations.summary', { groupId }).then(setSummaries, setError), [groupId]);
  useEffect(() => {
    if (forms.length > 0) void reload();
  }, [reload, forms.length]);

  if (forms.length === 0) return null;
  const summaryOf = (form: EvaluationForm) =>
    summaries.find((summary) => summary.formKey === form.key && (sessionId === undefined ? summary.sessionId === null : summary.sessionId === sessionId));

  return (
    <section className="card" aria-labelledby="cal-evaluations-heading">
      <h4 id="cal-evaluations-heading" className="cal-card-heading">
        {t('calendar.evaluations.heading')}
      </h4>
      <p className="muted">{t('calendar.evaluations.explain')}</p>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {thanks ? <Alert tone="success">{thanks}</Alert> : null}
      {filling ? (
        <FormFiller
          groupId={groupId}
          sessionId={sessionId ?? null}
          form={filling}
          onCancel={() => setFilling(null)}
          onSubmitted={(responses) => {
            setThanks(t('calendar.evaluations.thanks', { count: responses }));
            setFilling(null);
            void reload();
          }}
        />
      ) : null}
      {forms.map((form) => {
        const summary = summaryOf(form);
        return (
          <div key={form.key} className="cal-evaluation">
            <h5 className="cal-subheading">
              {bilingual(form.title)} <span className="muted small">({t(`calendar.evaluations.when.${form.when}`)})</span>
            </h5>
            <p className="small">{t('calendar.evaluations.responses', { count: summary?.responses ?? 0 })}</p>
            {summary && summary.responses > 0 ? <SummaryTable summary={summary} /> : null}
            {filling ? null : (
              <Button
                variant="secondary"
                onClick={() => {
                  setThanks(null);
                  setFilling(form);
                }}
              >
                {t('calendar.evaluations.fill', { form: bilingual(form.title) })}
              </Button>
            )}
          </div>
        );
      })}
    </section>
  );
}

function SummaryTable({ summary }: { summary: EvaluationSummary }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const { locale } = useFormat();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t('calendar.evaluations.summaryCaption', { form: bilingual(summary.title) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('calendar.evaluations.question')}</th>
            <th scope="col" className="table__number">
              {t('calendar.evaluations.answered')}
            </th>
            <th scope="col">{t('calendar.evaluations.result')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.questions.map((question) => (
            <tr key={question.key}>
              <th scope="row">{bilingual(question.text)}</th>
              <td className="table__number">{question.answered}</td>
              <td>
                {question.kind === 'scale' && question.mean !== null
                  ? t('calendar.evaluations.mean', { mean: number.format(question.mean) })
                  : question.kind === 'yesNo' && question.mean !== null
                    ? t('calendar.evaluations.yesShare', { share: percent.format(question.mean) })
                    : null}
                {question.texts.length > 0 ? (
                  <ul className="cal-texts">
                    {question.texts.map((text, index) => (
                      <li key={index}>{text}</li>
                    ))}
                  </ul>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface FormFillerProps {
  groupId: number;
  sessionId: number | null;
  form: EvaluationForm;
  onCancel: () => void;
  onSubmitted: (responses: number) => void;
}

/** One member's answers, on the leaders' computer: nothing asks who they are. */
function FormFiller({ groupId, sessionId, form, onCancel, onSubmitted }: FormFillerProps) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const id = useId();
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: string, value: Answer) => setAnswers((current) => ({ ...current, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const filled = Object.fromEntries(form.questions.map((question) => [question.key, typeof answers[question.key] === 'string' ? (answers[question.key] as string).trim() || null : (answers[question.key] ?? null)]));
    try {
      const answer = await invoke('calendar.evaluations.submit', { groupId, formKey: form.key, sessionId, memberId: null, answers: filled });
      onSubmitted(answer.responses);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <form className="form cal-subform" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-heading`}>
      <h5 id={`${id}-heading`} className="cal-subheading">
        {bilingual(form.title)}
      </h5>
      <Alert tone="info">{t('calendar.evaluations.anonymous')}</Alert>
      {form.questions.map((question) =>
        question.kind === 'text' ? (
          <Field key={question.key} label={bilingual(question.text)}>
            {(control) => (
              <textarea {...control} className="textarea" rows={3} maxLength={4000} value={String(answers[question.key] ?? '')} onChange={(event) => set(question.key, event.target.value)} />
            )}
          </Field>
        ) : (
          <fieldset key={question.key} className="fieldset">
            <legend>{bilingual(question.text)}</legend>
            <div className="cal-scale">
              {(question.kind === 'scale' ? [1, 2, 3, 4, 5] : [true, false]).map((value) => (
                <div className="radio" key={String(value)}>
                  <input
                    type="radio"
                    id={`${id}-${question.key}-${String(value)}`}
                    name={`${id}-${question.key}`}
                    checked={answers[question.key] === value}
                    onChange={() => set(question.key, value)}
                  />
                  <label htmlFor={`${id}-${question.key}-${String(value)}`}>
                    {typeof value === 'boolean' ? t(value ? 'calendar.evaluations.yes' : 'calendar.evaluations.no') : t(`calendar.evaluations.scale.${value}` as 'calendar.evaluations.scale.1')}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        ),
      )}
      <FormActions error={error} submitLabel={t('calendar.evaluations.submit')} cancelLabel={t('calendar.cancel')} onCancel={onCancel} busy={busy} />
    </form>
  );
}
