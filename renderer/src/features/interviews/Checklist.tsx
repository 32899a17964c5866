import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { guideQuestions, type GuideContent } from '../../../../shared/guide/contract.js';
import type { Interview } from '../../../../shared/interviews/contract.js';
import { invoke } from '../../bridge/index.js';
import { Alert, Button, useErrorText } from '../../ui/index.js';
import { useHeldAt } from './heldAt.js';

/**
 * The guide of one interview as a checklist: one native checkbox a question (Space toggles it), the
 * arrow keys go from question to question, and each tick is saved at once. The count is a polite
 * live region, so it is heard as it changes.
 */
export function Checklist({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const heldAt = useHeldAt();
  const [interview, setInterview] = useState<Interview | null>(null);
  const [guide, setGuide] = useState<GuideContent | null>(null);
  const [covered, setCovered] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    invoke('interviews.get', { id })
      .then(async (loaded) => {
        setInterview(loaded);
        setCovered(new Set(loaded.coveredKeys));
        if (loaded.guideVersionId !== null) setGuide((await invoke('guide.version', { id: loaded.guideVersionId })).content);
      })
      .catch(setError);
  }, [id]);
  const ready = interview !== null;
  useEffect(() => {
    if (ready) headingRef.current?.focus();
  }, [ready]);

  if (!interview) return error ? <Alert tone="error">{errorText(error)}</Alert> : <p role="status">{t('app.loading')}</p>;

  const questions = guide ? guideQuestions(guide) : [];
  const count = questions.filter(({ question }) => covered.has(question.key)).length;
  const when = heldAt(interview.heldAt);

  async function toggle(key: string, checked: boolean) {
    setError(null);
    // Shown at once; the answer from the core then says what is stored.
    setCovered((current) => {
      const next = new Set(current);
      if (checked) next.add(key);
      else next.delete(key);
      return next;
    });
    try {
      const saved = await invoke('interviews.setCovered', { id, questionKey: key, covered: checked });
      setCovered(new Set(saved.coveredKeys));
    } catch (caught) {
      setError(caught);
      setCovered((current) => {
        const next = new Set(current);
        if (checked) next.delete(key);
        else next.add(key);
        return next;
      });
    }
  }

  function onArrow(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const boxes = Array.from(listRef.current?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? []);
    const at = boxes.indexOf(document.activeElement as HTMLInputElement);
    if (at < 0) return;
    const next = boxes[at + (event.key === 'ArrowDown' ? 1 : -1)];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  }

  return (
    <section className="card stack" aria-labelledby="checklist-heading">
      <h3 id="checklist-heading" ref={headingRef} tabIndex={-1}>
        {t('interviews.checklistHeading', { pseudonym: interview.pseudonym, when })}
      </h3>
      {guide && interview.guideVersion !== null ? (
        <>
          <p className="muted">
            {t('interviews.checklistGuide', { version: interview.guideVersion })}. {t('interviews.checklistIntro')}
          </p>
          <p className="checklist-count" role="status">
            {t('interviews.covered', { covered: count, questions: questions.length })}
          </p>
          {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
          <div ref={listRef} onKeyDown={onArrow}>
            {guide.parts.map((part) => (
              <section key={part.key} className="checklist-part" aria-labelledby={`checklist-part-${part.key}`}>
                <h4 id={`checklist-part-${part.key}`}>{part.title}</h4>
                <ul className="checklist-questions">
                  {part.questions.map((question) => {
                    const number = questions.find((entry) => entry.question.key === question.key)?.number ?? 0;
                    const checked = covered.has(question.key);
                    const boxId = `checklist-${question.key}`;
                    return (
                      <li key={question.key} className={checked ? 'checklist-question checklist-question--covered' : 'checklist-question'}>
                        <div className="checkbox">
                          <input type="checkbox" id={boxId} checked={checked} onChange={(event) => void toggle(question.key, event.target.checked)} />
                          <label htmlFor={boxId}>{t('interviews.questionLabel', { number, text: question.text })}</label>
                        </div>
                        {question.followUps.length > 0 ? (
                          <ul className="checklist-question__prompts">
                            {question.followUps.map((prompt, index) => (
                              <li key={index}>{prompt}</li>
                            ))}
                          </ul>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              </section>
            ))}
          </div>
        </>
      ) : (
        <Alert tone="info">{t('interviews.checklistNoGuide')}</Alert>
      )}
      <div className="actions">
        <Button variant="secondary" onClick={onClose}>
          {t('interviews.closeChecklist')}
        </Button>
      </div>
    </section>
  );
}
