import type { EvaluationSummary } from '../../../shared/calendar/contract.js';
import { GroundworkError } from '../../../shared/contract/errors.js';
import { recordAudit } from '../audit/audit.js';
import type { StudyReader, StudyWriter } from '../db/connection.js';
import { readGroup, readMember, readSession } from './store.js';
import { todayInOslo } from './time.js';

type Answer = number | boolean | string | null;

/**
 * Evaluation forms are the plan's simple questionnaires (before, after, after each session). A
 * filled-in form is stored as its answers by question key and the date, never with a name; a member
 * is linked only when the leaders want to pair someone's answers before and after.
 */
export function submitEvaluation(
  writer: StudyWriter,
  input: { groupId: number; formKey: string; sessionId: number | null; memberId: number | null; answers: Record<string, Answer> },
  now = new Date(),
): number {
  const group = readGroup(writer, input.groupId);
  const form = group.plan.evaluationForms.find((candidate) => candidate.key === input.formKey);
  if (!form) throw new GroundworkError('calendar.evaluationFormMissing');
  // A form for each session names its session; the others name none.
  if ((form.when === 'afterEachSession') !== (input.sessionId !== null)) throw new GroundworkError('calendar.evaluationFormMissing');
  if (input.sessionId !== null && readSession(writer, input.sessionId).group_id !== group.id) {
    throw new GroundworkError('calendar.evaluationFormMissing');
  }
  if (input.memberId !== null && readMember(writer, input.memberId).group_id !== group.id) throw new GroundworkError('calendar.memberNotInGroup');
  const questions = new Map(form.questions.map((question) => [question.key, question]));
  const refused: string[] = [];
  const answers: Record<string, Answer> = {};
  for (const [key, answer] of Object.entries(input.answers)) {
    const question = questions.get(key);
    const fits =
      question !== undefined &&
      (answer === null ||
        (question.kind === 'scale' && typeof answer === 'number') ||
        (question.kind === 'yesNo' && typeof answer === 'boolean') ||
        (question.kind === 'text' && typeof answer === 'string'));
    if (!fits) refused.push(`answers.${key}`);
    else answers[key] = typeof answer === 'string' ? answer.trim() : answer;
  }
  if (refused.length > 0) throw new GroundworkError('calendar.answersInvalid', refused);
  writer
    .statement('INSERT INTO group_evaluation (group_id, form_key, session_id, member_id, answers, submitted_on) VALUES (?, ?, ?, ?, ?, ?)')
    .run(group.id, form.key, input.sessionId, input.memberId, JSON.stringify(answers), todayInOslo(now));
  recordAudit(writer, 'calendar.evaluationSubmitted', { groupId: group.id, formKey: form.key }, now);
  return writer.query<{ n: number }>('SELECT count(*) AS n FROM group_evaluation WHERE group_id = ? AND form_key = ?').get(group.id, form.key)?.n ?? 0;
}

/** Per form (and per session for forms after each session): how many answered, means and shares, the texts. */
export function summariseEvaluations(reader: StudyReader, groupId: number): EvaluationSummary[] {
  const group = readGroup(reader, groupId);
  const rows = reader
    .query<{ form_key: string; session_id: number | null; answers: string }>(
      'SELECT form_key, session_id, answers FROM group_evaluation WHERE group_id = ? ORDER BY id',
    )
    .all(groupId);
  const summaries: EvaluationSummary[] = [];
  for (const form of group.plan.evaluationForms) {
    const mine = rows.filter((row) => row.form_key === form.key);
    const sessionIds = form.when === 'afterEachSession' ? [...new Set(mine.map((row) => row.session_id))] : [null];
    for (const sessionId of sessionIds) {
      const answers = mine.filter((row) => row.session_id === sessionId).map((row) => JSON.parse(row.answers) as Record<string, Answer>);
      summaries.push({
        formKey: form.key,
        title: form.title,
        when: form.when,
        sessionId,
        responses: answers.length,
        questions: form.questions.map((question) => {
          const given = answers.map((answer) => answer[question.key]).filter((answer) => answer !== null && answer !== undefined && answer !== '');
          let mean: number | null = null;
          if (question.kind === 'scale' && given.length > 0) mean = given.reduce<number>((sum, answer) => sum + Number(answer), 0) / given.length;
          if (question.kind === 'yesNo' && given.length > 0) mean = given.filter((answer) => answer === true).length / given.length;
          return {
            key: question.key,
            text: question.text,
            kind: question.kind,
            answered: given.length,
            mean,
            texts: question.kind === 'text' ? given.map(String).sort((a, b) => a.localeCompare(b, 'nb')) : [],
          };
        }),
      });
    }
  }
  return summaries;
}
