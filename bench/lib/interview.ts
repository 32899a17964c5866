import { seededRandom } from './seeded.ts';

const vocabulary = (
  'jeg du vi det var er å og i på med som til for ikke men så når hva hvordan gruppa hverdagen håp verdier tilhørighet drømmen ' +
  'dager uka jobb venner familie tid ro trygg vanskelig godt lettere endring prosess samtale møte følte tenkte lærte skrev snakket'
).split(' ');

/**
 * Two hours of invented interview: 2,000 lines of about ten words, in turns ("I:" one line, "D:" one
 * to five), the same every time; with `times`, each turn starts with a time (`[00:01:03]`).
 */
export function twoHourInterview({ times }: { times: boolean }): string {
  const next = seededRandom(7);
  const paragraphs: string[] = [];
  let lines = 0;
  let seconds = 0;
  while (lines < 2000) {
    const speaker = paragraphs.length % 2 === 0 ? 'I' : 'D';
    const count = Math.min(speaker === 'I' ? 1 : 1 + Math.floor(next() * 5), 2000 - lines);
    const sentences = Array.from({ length: count }, () => {
      const words = Array.from({ length: 8 + Math.floor(next() * 5) }, () => vocabulary[Math.floor(next() * vocabulary.length)]!);
      words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
      return `${words.join(' ')}.`;
    });
    const stamp = `[${String(Math.floor(seconds / 3600)).padStart(2, '0')}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}] `;
    paragraphs.push(`${times ? stamp : ''}${speaker}: ${sentences.join(' ')}`);
    lines += count;
    seconds += count * 3;
  }
  return paragraphs.join('\n');
}
