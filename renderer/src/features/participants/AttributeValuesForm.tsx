import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkAttributeValue, type AttributeValueProblem } from '../../../../shared/participants/attributes.js';
import type { Attribute, ParticipantDetail } from '../../../../shared/participants/contract.js';
import { GroundworkError, invoke } from '../../bridge/index.js';
import { Alert, Button, Field, TextField, showErrorsAndFocus, useErrorText } from '../../ui/index.js';

interface AttributeValuesFormProps {
  detail: ParticipantDetail;
  attributes: Attribute[];
  onSaved: (detail: ParticipantDetail) => void;
  /** Whether the form holds values not yet saved. */
  onDirtyChange: (dirty: boolean) => void;
}

/** Numbers are shown with the decimal mark of the user's language. */
function shownValue(attribute: Attribute, stored: string, decimalComma: boolean): string {
  return attribute.kind === 'number' && decimalComma ? stored.replace('.', ',') : stored;
}

/** A participant's value for every attribute, each checked by its kind before anything is saved. */
export function AttributeValuesForm({ detail, attributes, onSaved, onDirtyChange }: AttributeValuesFormProps) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const decimalComma = i18n.language === 'nb';
  const shownValues = useCallback(
    (of: ParticipantDetail): Record<number, string> =>
      Object.fromEntries(attributes.map((attribute) => [attribute.id, shownValue(attribute, of.values[String(attribute.id)] ?? '', decimalComma)])),
    [attributes, decimalComma],
  );
  const savedValues = useMemo(() => shownValues(detail), [shownValues, detail]);
  const [draft, setDraft] = useState<Record<number, string>>(savedValues);
  const dirty = attributes.some((attribute) => (draft[attribute.id] ?? '') !== (savedValues[attribute.id] ?? ''));
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  const [problems, setProblems] = useState<Record<number, AttributeValueProblem>>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    const found: Record<number, AttributeValueProblem> = {};
    for (const attribute of attributes) {
      const result = checkAttributeValue(attribute.kind, attribute.choices, draft[attribute.id] ?? '');
      if (!result.ok) found[attribute.id] = result.problem;
    }
    if (Object.keys(found).length > 0) {
      showErrorsAndFocus(formRef.current, () => setProblems(found));
      return;
    }
    setProblems({});
    try {
      const stored = await invoke('participants.setValues', {
        id: detail.participant.id,
        values: attributes.map((attribute) => ({ attributeId: attribute.id, value: draft[attribute.id] ?? '' })),
      });
      onSaved(stored);
      // As stored (a number may be written back in its tidy form), so the form is clean again.
      setDraft(shownValues(stored));
      setSaved(true);
    } catch (caught) {
      setError(caught);
      if (caught instanceof GroundworkError && caught.code === 'attribute.invalidValue') {
        const marked: Record<number, AttributeValueProblem> = {};
        for (const field of caught.fields ?? []) {
          const attribute = attributes.find((candidate) => `values.${candidate.id}` === field);
          if (attribute) marked[attribute.id] = attribute.kind === 'number' ? 'number' : attribute.kind === 'date' ? 'date' : 'choice';
        }
        showErrorsAndFocus(formRef.current, () => setProblems(marked));
      }
    }
  }

  const change = (id: number, value: string) => {
    setDraft((current) => ({ ...current, [id]: value }));
    setSaved(false);
  };

  return (
    <form ref={formRef} className="form card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="values-heading">
      <h3 id="values-heading">{t('participants.values.heading')}</h3>
      <p className="muted">{t('participants.values.hint')}</p>
      {attributes.map((attribute) => {
        const problem = problems[attribute.id];
        const fieldError = problem ? t(`participants.values.problem.${problem}`) : null;
        const current = draft[attribute.id] ?? '';
        if (attribute.kind === 'choice') {
          return (
            <Field key={attribute.id} label={attribute.name} error={fieldError}>
              {(control) => (
                <select {...control} className="select" value={current} onChange={(event) => change(attribute.id, event.target.value)}>
                  <option value="">{t('participants.values.notChosen')}</option>
                  {/* A stored value that is no longer a choice stays visible, so it is not lost silently. */}
                  {current && !attribute.choices.includes(current) ? <option value={current}>{current}</option> : null}
                  {attribute.choices.map((choice) => (
                    <option key={choice} value={choice}>
                      {choice}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          );
        }
        return (
          <TextField
            key={attribute.id}
            label={attribute.name}
            value={current}
            onValueChange={(value) => change(attribute.id, value)}
            error={fieldError}
            type={attribute.kind === 'date' ? 'date' : 'text'}
            inputMode={attribute.kind === 'number' ? 'decimal' : undefined}
            hint={attribute.kind === 'number' ? t('participants.values.numberHint') : undefined}
            className={attribute.kind === 'number' ? 'input input--number' : attribute.kind === 'date' ? 'input input--date' : 'input input--wide'}
          />
        );
      })}
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      <div className="actions">
        <Button type="submit" variant="primary">
          {t('participants.values.save')}
        </Button>
        <p role="status" className="save-status">
          {saved ? t('participants.values.saved') : ''}
        </p>
      </div>
    </form>
  );
}
