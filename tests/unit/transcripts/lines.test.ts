import { describe, expect, it } from 'vitest';
import {
  countWords,
  formatTimestamp,
  lineIdFrom,
  lineIdPattern,
  linesNeedingIds,
  linesOfText,
  linesOfUtterances,
  parseTimestamp,
  speakerFromName,
  splitSpeakerPrefix,
  splitUtterances,
} from '../../../shared/transcripts/lines.js';
import { speakerLabels } from '../../../shared/transcripts/labels.js';

describe('splitting a transcript into lines', () => {
  it('puts one sentence on each line, but not after abbreviations, initials or a number', () => {
    expect(splitUtterances('Ja. Det var fint! Var det vanskelig? Kanskje… Litt.')).toEqual(['Ja.', 'Det var fint!', 'Var det vanskelig?', 'Kanskje…', 'Litt.']);
    expect(splitUtterances('Vi snakket bl.a. om håp, f.eks. Drømmen. Så gikk jeg hjem.')).toEqual(['Vi snakket bl.a. om håp, f.eks. Drømmen.', 'Så gikk jeg hjem.']);
    expect(splitUtterances('Hun het K. Berg. Vi møttes kl. 10 den 3. mars.')).toEqual(['Hun het K. Berg.', 'Vi møttes kl. 10 den 3. mars.']);
    expect(splitUtterances('«Hva er viktig for deg?» Det spurte de. «Jeg vet ikke,» sa jeg.')).toEqual([
      '«Hva er viktig for deg?»',
      'Det spurte de.',
      '«Jeg vet ikke,» sa jeg.',
    ]);
    expect(splitUtterances('  \n  ')).toEqual([]);
  });

  it('breaks an utterance that runs on at the pause nearest its middle, so every line stays short', () => {
    const runOn =
      'og så var det sånn at jeg egentlig ikke visste hva jeg skulle si når de spurte meg om det, ' +
      'men etter hvert så begynte jeg å tenke på hva som var viktig for meg og hvorfor jeg hadde sagt ja til å være med i gruppa i det hele tatt';
    const parts = splitUtterances(runOn);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join(' ')).toBe(runOn);
    for (const part of parts) expect(countWords(part)).toBeLessThanOrEqual(40);
    expect(parts[0]).toMatch(/om det,$/);
  });

  it('reads speakers from "Name:" prefixes and speaker headings, and keeps leading times', () => {
    const text = [
      'I: Kan du fortelle litt om deg selv? Hva gjør du til vanlig?',
      '',
      'D: Jeg jobber litt. Ikke så mye.',
      'Det er greit.',
      '[00:01:05] I: Og gruppa?',
      'Deltaker  1:12',
      'Den var fin.',
    ].join('\n');
    expect(linesOfText(text)).toEqual([
      { speaker: 'interviewer', timestampMs: null, text: 'Kan du fortelle litt om deg selv?' },
      { speaker: 'interviewer', timestampMs: null, text: 'Hva gjør du til vanlig?' },
      { speaker: 'participant', timestampMs: null, text: 'Jeg jobber litt.' },
      { speaker: 'participant', timestampMs: null, text: 'Ikke så mye.' },
      { speaker: 'participant', timestampMs: null, text: 'Det er greit.' },
      { speaker: 'interviewer', timestampMs: 65_000, text: 'Og gruppa?' },
      { speaker: 'participant', timestampMs: 72_000, text: 'Den var fin.' },
    ]);
    // Transcription tools name speakers by number, on a heading line with the time.
    expect(linesOfText('Speaker 1  0:03\nVelkommen.\n\nSpeaker 2  0:09\nTakk.').map((line) => [line.speaker, line.timestampMs])).toEqual([
      ['interviewer', 3000],
      ['participant', 9000],
    ]);
  });

  it('gives unknown names roles in the order they first speak, and a sentence with a colon is no speaker', () => {
    expect(speakerFromName('Intervjuer')).toBe('interviewer');
    expect(speakerFromName('Deltaker 3')).toBe('participant');
    expect(speakerFromName('D2')).toBe('participant');
    expect(speakerFromName('Kari')).toBeNull();
    const lines = linesOfText('Mona: Hei. Velkommen.\nTrine: Takk.\nOla: Kaffe?\nMona: Ja takk.');
    expect(lines.map((line) => line.speaker)).toEqual(['interviewer', 'interviewer', 'participant', 'other', 'interviewer']);
    expect(splitSpeakerPrefix('Det jeg vil si er dette: vi trengte det.')).toBeNull();
    expect(splitSpeakerPrefix('kl. 10: møte')).toBeNull();
  });

  it('joins a speaker’s subtitle cues into one turn and gives each line the time of the cue it starts in', () => {
    const lines = linesOfUtterances(
      [
        { name: 'Intervjuer', timestampMs: 1000, text: 'Hva betydde gruppa' },
        { name: 'Intervjuer', timestampMs: 3000, text: 'for deg?' },
        { name: 'Deltaker', timestampMs: 5000, text: 'Mye. Jeg fikk' },
        { name: 'Deltaker', timestampMs: 7000, text: 'venner der. Og håp.' },
      ],
      { joinTurns: true },
    );
    expect(lines).toEqual([
      { speaker: 'interviewer', timestampMs: 1000, text: 'Hva betydde gruppa for deg?' },
      { speaker: 'participant', timestampMs: 5000, text: 'Mye.' },
      { speaker: 'participant', timestampMs: null, text: 'Jeg fikk venner der.' },
      { speaker: 'participant', timestampMs: 7000, text: 'Og håp.' },
    ]);
  });

  it('counts words as a reader does', () => {
    expect(countWords('Ja, det var ikke-så-farlig – 3,5 timer kl.10!')).toBe(7);
    expect(countWords('')).toBe(0);
    expect(countWords(' … ')).toBe(0);
  });

  it('reads and writes times', () => {
    expect(parseTimestamp('[01:02:03]')).toBe(3_723_000);
    expect(parseTimestamp('(2:03)')).toBe(123_000);
    expect(parseTimestamp('00:00:01,250')).toBe(1250);
    expect(parseTimestamp('12:99')).toBeNull();
    expect(parseTimestamp('kl 10')).toBeNull();
    expect(formatTimestamp(3_723_000)).toBe('1:02:03');
    expect(formatTimestamp(65_400)).toBe('01:05');
  });
});

describe('stable line ids', () => {
  it('makes ids of the right form from random bytes', () => {
    const id = lineIdFrom(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 250]));
    expect(id).toMatch(lineIdPattern);
    expect(id).toHaveLength(12);
  });

  it('gives a new id to lines without one and to every later repeat, so a split keeps the first part’s id', () => {
    // After a split, both parts carry the line's id; the second part gets a new one.
    expect(linesNeedingIds(['aaaaaaaaaaaa', 'bbbbbbbbbbbb', 'bbbbbbbbbbbb', 'cccccccccccc'])).toEqual([2]);
    // A paste from within the transcript repeats several; a new line has none; a broken one is replaced.
    expect(linesNeedingIds(['aaaaaaaaaaaa', null, 'aaaaaaaaaaaa', 'bad id!', undefined])).toEqual([1, 2, 3, 4]);
    expect(linesNeedingIds(['aaaaaaaaaaaa', 'bbbbbbbbbbbb'])).toEqual([]);
  });
});

describe('speaker labels', () => {
  it('shows the transcript’s own names, or "Interviewer" and the pseudonym, never a name from a file', () => {
    expect(speakerLabels({ interviewerLabel: '', participantLabel: '', pseudonym: 'Deltaker 3' }, 'nb')).toEqual({
      interviewer: 'Intervjuer',
      participant: 'Deltaker 3',
      other: 'Annen',
    });
    expect(speakerLabels({ interviewerLabel: ' I ', participantLabel: 'D3', pseudonym: 'Deltaker 3' }, 'en')).toEqual({
      interviewer: 'I',
      participant: 'D3',
      other: 'Other',
    });
  });
});
