import { describe, expect, it } from 'vitest';
import { guideContentSchema, guideQuestions, type GuideContent } from '../../../shared/guide/contract.js';
import { countChanges, diffGuides } from '../../../shared/guide/diff.js';
import { moveQuestion, movePart, stepPart, stepQuestion } from '../../../shared/guide/edit.js';
import { starterGuide } from '../../../shared/guide/starter.js';

const guide = (): GuideContent => ({
  language: 'nb',
  title: 'Guide',
  parts: [
    {
      key: 'a',
      title: 'Åpning',
      notes: '',
      questions: [
        { key: 'a1', text: 'Om deg', notes: '', followUps: [] },
        { key: 'a2', text: 'Før gruppa', notes: '', followUps: ['Hvordan kom du med?'] },
      ],
    },
    {
      key: 'b',
      title: 'Hverdagen',
      notes: 'Følg fortellingen.',
      questions: [
        { key: 'b1', text: 'En vanlig dag', notes: '', followUps: [] },
        { key: 'b2', text: 'Håp', notes: '', followUps: [] },
        { key: 'b3', text: 'Drømmen', notes: '', followUps: [] },
      ],
    },
    { key: 'c', title: 'Avslutning', notes: '', questions: [{ key: 'c1', text: 'Noe mer?', notes: '', followUps: [] }] },
  ],
});

describe('the comparison of two guide versions', () => {
  it('finds nothing between a version and itself', () => {
    expect(diffGuides(guide(), guide())).toEqual([]);
  });

  it('tells added, removed and changed parts and questions apart, matched by key', () => {
    const after = guide();
    after.parts[1]!.title = 'Hverdagen nå';
    after.parts[1]!.questions[0] = { key: 'b1', text: 'Hvordan ser en vanlig dag ut?', notes: 'Ta tid.', followUps: [] };
    after.parts[0]!.questions[1]!.followUps = [];
    after.parts[1]!.questions.splice(2, 1);
    after.parts[1]!.questions.push({ key: 'b4', text: 'Selvbestemmelse', notes: '', followUps: [] });
    after.parts.splice(2, 1, { key: 'd', title: 'Takk', notes: '', questions: [] });

    expect(diffGuides(guide(), after)).toEqual([
      { item: 'question', change: 'changed', key: 'a2', label: 'Før gruppa', part: 'Åpning', fields: ['followUps'] },
      { item: 'part', change: 'changed', key: 'b', label: 'Hverdagen nå', fields: ['title'] },
      { item: 'question', change: 'changed', key: 'b1', label: 'Hvordan ser en vanlig dag ut?', part: 'Hverdagen nå', fields: ['text', 'notes'] },
      { item: 'question', change: 'added', key: 'b4', label: 'Selvbestemmelse', part: 'Hverdagen nå' },
      { item: 'part', change: 'added', key: 'd', label: 'Takk' },
      { item: 'question', change: 'removed', key: 'b3', label: 'Drømmen', part: 'Hverdagen' },
      { item: 'part', change: 'removed', key: 'c', label: 'Avslutning' },
      { item: 'question', change: 'removed', key: 'c1', label: 'Noe mer?', part: 'Avslutning' },
    ]);
  });

  it('calls only the item that changed places "moved", not every neighbour it passed', () => {
    // b3 to the top of its part: b1 and b2 keep their order among themselves.
    const after = moveQuestion(guide(), 'b3', 'b', 0);
    expect(diffGuides(guide(), after)).toEqual([{ item: 'question', change: 'moved', key: 'b3', label: 'Drømmen', part: 'Hverdagen' }]);
    // The closing part first: only it moved.
    expect(diffGuides(guide(), movePart(guide(), 'c', 0))).toEqual([{ item: 'part', change: 'moved', key: 'c', label: 'Avslutning' }]);
  });

  it('says which part a question came from when it went to another, and counts both a change and a move', () => {
    const after = moveQuestion(guide(), 'a2', 'b', 1);
    after.parts[1]!.questions[1]!.text = 'Før du begynte i gruppa';
    const changes = diffGuides(guide(), after);
    expect(changes).toEqual([
      { item: 'question', change: 'changed', key: 'a2', label: 'Før du begynte i gruppa', part: 'Hverdagen', fields: ['text'] },
      { item: 'question', change: 'moved', key: 'a2', label: 'Før du begynte i gruppa', part: 'Hverdagen', fromPart: 'Åpning' },
    ]);
    expect(countChanges(changes)).toEqual({ added: 0, removed: 0, changed: 1, moved: 1 });
  });
});

describe('reordering a guide', () => {
  it('steps a question within its part, then across into the neighbouring part, and stops at the ends', () => {
    const first = stepQuestion(guide(), 'b1', -1);
    expect(first?.part).toBe('a');
    expect(first?.index).toBe(2);
    expect(first?.content.parts[0]!.questions.map((question) => question.key)).toEqual(['a1', 'a2', 'b1']);
    expect(stepQuestion(guide(), 'b2', 1)?.content.parts[1]!.questions.map((question) => question.key)).toEqual(['b1', 'b3', 'b2']);
    expect(stepQuestion(guide(), 'a1', -1)).toBeNull();
    expect(stepQuestion(guide(), 'c1', 1)).toBeNull();
    expect(stepPart(guide(), 'a', -1)).toBeNull();
    expect(stepPart(guide(), 'a', 1)?.content.parts.map((part) => part.key)).toEqual(['b', 'a', 'c']);
  });

  it('keeps every key and question when moving, and leaves the original untouched', () => {
    const original = guide();
    const after = moveQuestion(original, 'c1', 'a', 0);
    expect(original.parts[2]!.questions).toHaveLength(1);
    expect(guideQuestions(after).map(({ question }) => question.key).sort()).toEqual(guideQuestions(original).map(({ question }) => question.key).sort());
  });
});

describe('the guide content', () => {
  it('refuses a key used twice, an empty question and an unknown field', () => {
    const twice = guide();
    twice.parts[1]!.questions[0]!.key = 'a1';
    expect(guideContentSchema.safeParse(twice).success).toBe(false);
    const empty = guide();
    empty.parts[0]!.questions[0]!.text = '   ';
    expect(guideContentSchema.safeParse(empty).success).toBe(false);
    expect(guideContentSchema.safeParse({ ...guide(), extra: 1 }).success).toBe(false);
    expect(guideContentSchema.safeParse(guide()).success).toBe(true);
  });

  it.each(['nb', 'en'] as const)('starter guide (%s): valid, the study\'s shape, a question for each reSTART theme, the same keys in both languages', (language) => {
    const starter = starterGuide(language);
    expect(guideContentSchema.parse(starter)).toEqual(starter);
    expect(starter.parts.map((part) => part.key)).toEqual(['intro', 'opening', 'main', 'closing']);
    const main = starter.parts.find((part) => part.key === 'main')!;
    for (const theme of ['values', 'belonging', 'living-with', 'dream', 'hope', 'self-determination']) {
      expect(main.questions.map((question) => question.key)).toContain(theme);
    }
    const other = starterGuide(language === 'nb' ? 'en' : 'nb');
    expect(guideQuestions(starter).map(({ question }) => question.key)).toEqual(guideQuestions(other).map(({ question }) => question.key));
    expect(starter.parts[0]!.notes).toMatch(language === 'nb' ? /^Les høyt/ : /^Read aloud/);
  });
});
