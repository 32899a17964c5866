import type { GuideContent } from '../../../shared/guide/contract.js';
import { moveQuestion } from '../../../shared/guide/edit.js';
import type { InterviewSetting } from '../../../shared/interviews/contract.js';
import type { StudyWriter } from '../db/connection.js';
import { listGuideVersions, readGuideVersion, saveGuide, seedStarterGuide } from '../guide/guide.js';
import { registerInterview, setQuestionCovered } from './interviews.js';

interface DemoInterview {
  pseudonym: string;
  time: string;
  lengthMinutes: number;
  setting: InterviewSetting;
  notes: string;
  /** Questions of the guide not reached in this interview. */
  notCovered: string[];
}

/** The demo's three interviews, with the participants the demo says were interviewed. All invented. */
const demoInterviews: DemoInterview[] = [
  {
    pseudonym: 'Deltaker 1',
    time: '10:00',
    lengthMinutes: 41,
    setting: 'groupRoom',
    notes: 'Trygg i rommet hun kjente fra gruppa. Snakket mye om arbeid; spør flere om det.',
    notCovered: ['dream', 'intro-questions'],
  },
  {
    pseudonym: 'Deltaker 2',
    time: '13:30',
    lengthMinutes: 36,
    setting: 'home',
    notes: 'Ønsket guiden på forhånd (sendt som PDF). Trøtt mot slutten; avsluttet litt tidlig.',
    notCovered: ['self-determination', 'group-helped', 'anything-else'],
  },
  {
    pseudonym: 'Deltaker 3',
    time: '09:00',
    lengthMinutes: 48,
    setting: 'video',
    notes: 'Notater i stedet for opptak, etter eget ønske. Skrev ut notatene samme dag.',
    notCovered: ['before-group'],
  },
];

/**
 * What the demo researcher changed after the first interviews: a question about work (it kept
 * coming up), the hard-days question said more plainly, and the question about the group earlier.
 */
function adjusted(content: GuideContent): GuideContent {
  const withWork: GuideContent = {
    ...content,
    parts: content.parts.map((part) =>
      part.key !== 'main'
        ? part
        : {
            ...part,
            questions: part.questions.flatMap((question) => {
              if (question.key === 'living-with') return [{ ...question, text: 'Hvordan har du det på dager da plagene er der, og hva gjør du da?' }];
              if (question.key !== 'everyday-now') return [question];
              return [
                question,
                { key: 'work-and-activity', text: 'Hva betyr arbeid eller annen aktivitet for deg nå?', notes: 'Lagt til etter de første intervjuene.', followUps: ['Hvordan kom du dit du er nå?'] },
              ];
            }),
          },
    ),
  };
  return moveQuestion(withWork, 'group-helped', 'main', 3);
}

/**
 * The demo's interview guide and interviews: version 1 of the starter guide, used in the
 * interviews with Deltaker 1 to 3 (so frozen), each with its checklist ticked and its recordings
 * from the register linked; and version 2, a draft with the changes made since.
 */
export function addDemoInterviews(writer: StudyWriter): void {
  seedStarterGuide(writer, 'nb');
  const first = listGuideVersions(writer).at(-1);
  if (!first) return;
  const questions = readGuideVersion(writer, first.id).content.parts.flatMap((part) => part.questions.map((question) => question.key));

  for (const demo of demoInterviews) {
    const participant = writer
      .query<{ id: number; interviewed_on: string | null }>('SELECT id, interviewed_on FROM participant WHERE pseudonym = ?')
      .get(demo.pseudonym);
    if (!participant?.interviewed_on) continue;
    const recordingIds = writer
      .query<{ id: number }>('SELECT id FROM recording WHERE participant_id = ? AND made_at = ? AND interview_id IS NULL')
      .all(participant.id, participant.interviewed_on)
      .map((row) => row.id);
    const id = registerInterview(writer, {
      participantId: participant.id,
      heldAt: `${participant.interviewed_on}T${demo.time}`,
      lengthMinutes: demo.lengthMinutes,
      setting: demo.setting,
      settingOther: '',
      guideVersionId: first.id,
      notes: demo.notes,
      recordingIds,
    });
    for (const key of questions) if (!demo.notCovered.includes(key)) setQuestionCovered(writer, id, key, true);
  }

  saveGuide(writer, first.id, adjusted(readGuideVersion(writer, first.id).content));
}
