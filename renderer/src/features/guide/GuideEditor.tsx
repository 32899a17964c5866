import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideContent, GuidePart, GuideQuestion } from '../../../../shared/guide/contract.js';
import { emptyGuideFields, findQuestion, movePart, moveQuestion, promptLines, stepPart, stepQuestion } from '../../../../shared/guide/edit.js';
import { Button, Field, TextField } from '../../ui/index.js';

/** A key for a new part or question: short, random, and never reused for another item. */
export function newGuideKey(prefix: 'p' | 'q'): string {
  const bytes = crypto.getRandomValues(new Uint8Array(5));
  return `${prefix}-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

type Dragged = { kind: 'part' | 'question'; key: string } | null;

interface GuideEditorProps {
  content: GuideContent;
  onChange: (content: GuideContent) => void;
  readOnly: boolean;
  /** Fields to mark as empty after a refused save: keys of parts and questions, and 'title'. */
  invalid: Set<string>;
  /** Said politely after a move, for everyone (sighted or not). */
  onAnnounce: (message: string) => void;
}

/**
 * The guide as a form: parts in order, each with its questions. Moving works three ways, all
 * through the same pure functions (shared/guide/edit.ts): buttons, Alt+Arrow on whatever is focused
 * inside a part or question, and dragging by the handle. After a move the focus stays where it was.
 */
export function GuideEditor({ content, onChange, readOnly, invalid, onAnnounce }: GuideEditorProps) {
  const { t } = useTranslation();
  const rootRef = useRef<HTMLDivElement>(null);
  const refocus = useRef<string | null>(null);
  const [dragged, setDragged] = useState<Dragged>(null);
  // The follow-up prompts as typed (one a line), so that pressing Enter for a new line is kept.
  const [promptText, setPromptText] = useState<Record<string, string>>({});

  useEffect(() => {
    const target = refocus.current;
    refocus.current = null;
    if (target) rootRef.current?.querySelector<HTMLElement>(`[data-focus="${CSS.escape(target)}"]`)?.focus();
  });

  const numbers = new Map<string, number>();
  content.parts.forEach((part) => part.questions.forEach((question) => numbers.set(question.key, numbers.size + 1)));

  const setPart = (key: string, change: Partial<GuidePart>) =>
    onChange({ ...content, parts: content.parts.map((part) => (part.key === key ? { ...part, ...change } : part)) });
  const setQuestion = (key: string, change: Partial<GuideQuestion>) =>
    onChange({
      ...content,
      parts: content.parts.map((part) => ({
        ...part,
        questions: part.questions.map((question) => (question.key === key ? { ...question, ...change } : question)),
      })),
    });

  function keepFocus(fallback: string) {
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.focus : undefined;
    refocus.current = focused ?? fallback;
  }

  function announceQuestion(next: GuideContent, key: string) {
    const at = findQuestion(next, key);
    if (at) onAnnounce(t('guide.movedQuestion', { position: at.index + 1, part: next.parts[at.part]!.title || t('guide.part', { number: at.part + 1 }) }));
  }

  function stepQuestionBy(key: string, direction: -1 | 1) {
    const moved = stepQuestion(content, key, direction);
    if (!moved) {
      onAnnounce(t('guide.cannotMove'));
      return;
    }
    keepFocus(`${key}:text`);
    onChange(moved.content);
    announceQuestion(moved.content, key);
  }

  function stepPartBy(key: string, direction: -1 | 1) {
    const moved = stepPart(content, key, direction);
    if (!moved) {
      onAnnounce(t('guide.cannotMove'));
      return;
    }
    keepFocus(`${key}:title`);
    onChange(moved.content);
    onAnnounce(t('guide.movedPart', { position: moved.index + 1, count: moved.content.parts.length }));
  }

  function onMoveKey(event: KeyboardEvent, kind: 'part' | 'question', key: string) {
    if (readOnly || !event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    event.stopPropagation();
    const direction = event.key === 'ArrowUp' ? -1 : 1;
    if (kind === 'question') stepQuestionBy(key, direction);
    else stepPartBy(key, direction);
  }

  function addPart() {
    const key = newGuideKey('p');
    refocus.current = `${key}:title`;
    onChange({ ...content, parts: [...content.parts, { key, title: '', notes: '', questions: [] }] });
  }

  function addQuestion(partKey: string) {
    const key = newGuideKey('q');
    refocus.current = `${key}:text`;
    onChange({
      ...content,
      parts: content.parts.map((part) =>
        part.key === partKey ? { ...part, questions: [...part.questions, { key, text: '', notes: '', followUps: [] }] } : part,
      ),
    });
  }

  function removePart(index: number) {
    const neighbour = content.parts[index + 1] ?? content.parts[index - 1];
    refocus.current = neighbour ? `${neighbour.key}:title` : 'add-part';
    onChange({ ...content, parts: content.parts.filter((_, at) => at !== index) });
  }

  function removeQuestion(part: GuidePart, index: number) {
    const neighbour = part.questions[index + 1] ?? part.questions[index - 1];
    refocus.current = neighbour ? `${neighbour.key}:text` : `${part.key}:add`;
    setPart(part.key, { questions: part.questions.filter((_, at) => at !== index) });
  }

  // Dragging: a question onto a question (before it, or after it in its lower half) or into a
  // part's list; a part onto a part.
  function dropPosition(event: DragEvent<HTMLElement>, index: number): number {
    const box = event.currentTarget.getBoundingClientRect();
    return event.clientY > box.top + box.height / 2 ? index + 1 : index;
  }

  function dropQuestion(partKey: string, to: number) {
    if (dragged?.kind !== 'question') return;
    const from = findQuestion(content, dragged.key);
    const partIndex = content.parts.findIndex((part) => part.key === partKey);
    if (!from) return;
    const index = from.part === partIndex && from.index < to ? to - 1 : to;
    const next = moveQuestion(content, dragged.key, partKey, index);
    onChange(next);
    announceQuestion(next, dragged.key);
    setDragged(null);
  }

  function dropPart(to: number) {
    if (dragged?.kind !== 'part') return;
    const from = content.parts.findIndex((part) => part.key === dragged.key);
    const index = from < to ? to - 1 : to;
    const next = movePart(content, dragged.key, index);
    onChange(next);
    onAnnounce(t('guide.movedPart', { position: next.parts.findIndex((part) => part.key === dragged.key) + 1, count: next.parts.length }));
    setDragged(null);
  }

  const allow = (kind: 'part' | 'question') => (event: DragEvent) => {
    if (dragged?.kind === kind) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
    }
  };

  const handle = (kind: 'part' | 'question', key: string) =>
    readOnly ? null : (
      <span
        className="guide-handle"
        draggable
        title={t('guide.dragHandle')}
        aria-hidden="true"
        onDragStart={(event) => {
          event.dataTransfer.effectAllowed = 'move';
          event.dataTransfer.setData('text/plain', key);
          const item = event.currentTarget.closest('li');
          if (item) event.dataTransfer.setDragImage(item, 16, 16);
          setDragged({ kind, key });
        }}
        onDragEnd={() => setDragged(null)}
      >
        ⠿
      </span>
    );

  return (
    <div ref={rootRef} className="guide-editor">
      <TextField
        label={t('guide.title')}
        value={content.title}
        onValueChange={(title) => onChange({ ...content, title })}
        readOnly={readOnly}
        data-focus="title"
        className="input input--wide"
        error={invalid.has('title') ? t('guide.emptyTitle') : null}
        maxLength={2000}
      />
      {readOnly ? null : <p className="muted small">{t('guide.reorderHint')}</p>}
      <ol className="guide-parts" aria-label={t('guide.partsLabel')}>
        {content.parts.map((part, partIndex) => {
          const partNumber = partIndex + 1;
          const partName = part.title || t('guide.part', { number: partNumber });
          return (
            <li
              key={part.key}
              className={dragged?.key === part.key ? 'guide-part guide-part--dragged' : 'guide-part'}
              onKeyDown={(event) => onMoveKey(event, 'part', part.key)}
              onDragOver={allow('part')}
              onDrop={(event) => {
                if (dragged?.kind !== 'part') return;
                event.preventDefault();
                dropPart(dropPosition(event, partIndex));
              }}
            >
              <div className="guide-item__head">
                {handle('part', part.key)}
                <h4 className="guide-part__number">{t('guide.part', { number: partNumber })}</h4>
                {readOnly ? null : (
                  <div className="row-actions guide-item__actions">
                    <Button variant="quiet" aria-label={t('guide.movePartUp', { number: partNumber })} disabled={partIndex === 0} onClick={() => stepPartBy(part.key, -1)}>
                      ↑
                    </Button>
                    <Button
                      variant="quiet"
                      aria-label={t('guide.movePartDown', { number: partNumber })}
                      disabled={partIndex === content.parts.length - 1}
                      onClick={() => stepPartBy(part.key, 1)}
                    >
                      ↓
                    </Button>
                    <Button variant="quiet" aria-label={t('guide.removePart', { number: partNumber })} onClick={() => removePart(partIndex)}>
                      {t('guide.remove')}
                    </Button>
                  </div>
                )}
              </div>
              <TextField
                label={t('guide.partTitle', { number: partNumber })}
                value={part.title}
                onValueChange={(title) => setPart(part.key, { title })}
                readOnly={readOnly}
                data-focus={`${part.key}:title`}
                className="input input--wide guide-part__title"
                error={invalid.has(part.key) ? t('guide.emptyPartTitle') : null}
                maxLength={2000}
              />
              <Field label={t('guide.partNotes', { number: partNumber })} hint={t('guide.partNotesHint')}>
                {(control) => (
                  <textarea
                    {...control}
                    className="textarea"
                    value={part.notes}
                    readOnly={readOnly}
                    data-focus={`${part.key}:notes`}
                    maxLength={5000}
                    onChange={(event) => setPart(part.key, { notes: event.target.value })}
                  />
                )}
              </Field>
              <ol
                className="guide-questions"
                aria-label={t('guide.questionsOf', { part: partName })}
                onDragOver={allow('question')}
                onDrop={(event) => {
                  if (dragged?.kind !== 'question') return;
                  event.preventDefault();
                  event.stopPropagation();
                  dropQuestion(part.key, part.questions.length);
                }}
              >
                {part.questions.map((question, questionIndex) => {
                  const number = numbers.get(question.key) ?? 0;
                  const first = partIndex === 0 && questionIndex === 0;
                  const last = partIndex === content.parts.length - 1 && questionIndex === part.questions.length - 1;
                  return (
                    <li
                      key={question.key}
                      className={dragged?.key === question.key ? 'guide-question guide-part--dragged' : 'guide-question'}
                      onKeyDown={(event) => onMoveKey(event, 'question', question.key)}
                      onDragOver={allow('question')}
                      onDrop={(event) => {
                        if (dragged?.kind !== 'question') return;
                        event.preventDefault();
                        event.stopPropagation();
                        dropQuestion(part.key, dropPosition(event, questionIndex));
                      }}
                    >
                      <div className="guide-item__head">
                        {handle('question', question.key)}
                        <span className="guide-question__number">{number}.</span>
                        <div className="guide-question__text">
                          <Field label={t('guide.question', { number })} error={invalid.has(question.key) ? t('guide.emptyQuestion') : null}>
                            {(control) => (
                              // A textarea so a long question is seen whole; Enter does not break it into lines.
                              <textarea
                                {...control}
                                className="textarea"
                                value={question.text}
                                readOnly={readOnly}
                                data-focus={`${question.key}:text`}
                                maxLength={2000}
                                onKeyDown={(event) => {
                                  if (event.key === 'Enter') event.preventDefault();
                                }}
                                onChange={(event) => setQuestion(question.key, { text: event.target.value.replace(/\n/g, ' ') })}
                              />
                            )}
                          </Field>
                        </div>
                        {readOnly ? null : (
                          <div className="row-actions guide-item__actions">
                            <Button variant="quiet" aria-label={t('guide.moveQuestionUp', { number })} disabled={first} onClick={() => stepQuestionBy(question.key, -1)}>
                              ↑
                            </Button>
                            <Button variant="quiet" aria-label={t('guide.moveQuestionDown', { number })} disabled={last} onClick={() => stepQuestionBy(question.key, 1)}>
                              ↓
                            </Button>
                            <Button variant="quiet" aria-label={t('guide.removeQuestion', { number })} onClick={() => removeQuestion(part, questionIndex)}>
                              {t('guide.remove')}
                            </Button>
                          </div>
                        )}
                      </div>
                      <div className="field-pair guide-question__more">
                        <Field label={t('guide.followUps', { number })}>
                          {(control) => (
                            <textarea
                              {...control}
                              className="textarea"
                              readOnly={readOnly}
                              data-focus={`${question.key}:followUps`}
                              value={promptText[question.key] ?? question.followUps.join('\n')}
                              onChange={(event) => {
                                const text = event.target.value;
                                setPromptText((all) => ({ ...all, [question.key]: text }));
                                setQuestion(question.key, { followUps: promptLines(text) });
                              }}
                            />
                          )}
                        </Field>
                        <Field label={t('guide.questionNotes', { number })}>
                          {(control) => (
                            <textarea
                              {...control}
                              className="textarea"
                              readOnly={readOnly}
                              data-focus={`${question.key}:notes`}
                              value={question.notes}
                              maxLength={5000}
                              onChange={(event) => setQuestion(question.key, { notes: event.target.value })}
                            />
                          )}
                        </Field>
                      </div>
                    </li>
                  );
                })}
              </ol>
              {readOnly ? null : (
                <div className="actions">
                  <Button variant="secondary" data-focus={`${part.key}:add`} aria-label={t('guide.addQuestion', { part: partName })} onClick={() => addQuestion(part.key)}>
                    {t('guide.addQuestionShort')}
                  </Button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {readOnly ? null : (
        <div className="actions">
          <Button variant="secondary" data-focus="add-part" onClick={addPart}>
            {t('guide.addPart')}
          </Button>
        </div>
      )}
    </div>
  );
}

/** The keys of the empty fields that must be filled in before saving (see `GuideEditor`'s `invalid`). */
export function invalidFields(content: GuideContent): Set<string> {
  const empty = emptyGuideFields(content);
  return new Set([...(empty.title ? ['title'] : []), ...empty.parts, ...empty.questions]);
}
