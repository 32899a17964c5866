/**
 * A generated study at the size of a finished analysis, for the benches of coding, comparison and
 * search: 100 interviews with anonymised transcripts (60,000 lines in all, one of them a dense
 * two-hour interview of 2,000 lines with 3,000 codings), 50,000 codings of 2,000 initial codes,
 * 100 focused codes subsuming them, 20 categories and subcategories holding the focused codes, and
 * 300 memos (half about codes). Invented Norwegian-like text from a fixed seed, so every run is the
 * same.
 *
 * The rows are written straight into the study's tables in one transaction (the schema's own
 * triggers, FTS5 included, run as they would), outside any undo step; a bench then measures the
 * channels through the core's router.
 *
 *   const coded = await openCodedStudy('coding', passphrase);
 *   try { … coded.study.call('coding.codebook', {}) … } finally { coded.study.close(); }
 */
import { randomUUID } from 'node:crypto';
import { openBenchStudy, type BenchStudy } from './harness.ts';
import { seededRandom } from './seeded.ts';

export interface CodedStudySizes {
  interviews: number;
  lines: number;
  codings: number;
  initialCodes: number;
  focusedCodes: number;
  /** Lines and codings of the first transcript, the dense one. */
  denseLines: number;
  denseCodings: number;
}

export const codedStudySizes: CodedStudySizes = {
  interviews: 100,
  lines: 60_000,
  codings: 50_000,
  initialCodes: 2_000,
  focusedCodes: 100,
  denseLines: 2_000,
  denseCodings: 3_000,
};

export interface CodedStudy {
  study: BenchStudy;
  sizes: CodedStudySizes;
  /** Transcript ids in order; the first is the dense one. */
  transcriptIds: number[];
  denseTranscriptId: number;
  /** Each transcript's line ids in order, with their text lengths. */
  lines: Map<number, { id: string; length: number }[]>;
  initialCodeIds: number[];
  focusedCodeIds: number[];
  categoryIds: number[];
  /** How long generating took, in ms. */
  generatedMs: number;
}

const vocabulary = (
  'jeg du vi det var er å og i på med som til for ikke men så når hva hvordan gruppa hverdagen håp verdier tilhørighet drømmen ' +
  'dager uka jobb venner familie tid ro trygg vanskelig godt lettere endring prosess samtale møte følte tenkte lærte skrev snakket ' +
  'begynte fortsatte sammen alene litt mye kanskje egentlig faktisk liksom mer mindre før etter nå da der her noen alle ingen'
).split(' ');

const gerunds = (
  'feeling seen|being heard|finding rhythm|keeping going|holding back|opening up|letting go|making sense|belonging|' +
  'comparing oneself|reaching out|waiting|trusting others|doubting|hoping|planning|resting|coping|naming it|sharing'
).split('|');

/** A study with a coded analysis in a temp folder of its own; close it with `coded.study.close()`. */
export async function openCodedStudy(name: string, passphrase: string, sizes: CodedStudySizes = codedStudySizes): Promise<CodedStudy> {
  const study = await openBenchStudy(name, passphrase);
  try {
    const start = performance.now();
    const generated = generate(study, sizes);
    return { study, sizes, ...generated, generatedMs: performance.now() - start };
  } catch (error) {
    study.close();
    throw error;
  }
}

function generate(study: BenchStudy, sizes: CodedStudySizes): Omit<CodedStudy, 'study' | 'sizes' | 'generatedMs'> {
  const next = seededRandom(2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const sentence = () => {
    const words = Array.from({ length: 4 + Math.floor(next() * 14) }, () => pick(vocabulary));
    words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
    return `${words.join(' ')}${next() < 0.15 ? '?' : '.'}`;
  };
  const db = study.core.session.require().db;
  const at = '2026-06-01T10:00:00.000Z';

  return db.write((writer) => {
    const transcriptIds: number[] = [];
    const lines = new Map<number, { id: string; length: number }[]>();
    const otherLines = Math.floor((sizes.lines - sizes.denseLines) / (sizes.interviews - 1));
    const participant = writer.statement("INSERT INTO participant (pseudonym, status, created_at) VALUES (?, 'interviewed', ?)");
    const interview = writer.statement("INSERT INTO interview (participant_id, held_at, setting, created_at) VALUES (?, ?, 'video', ?)");
    const transcript = writer.statement("INSERT INTO transcript (interview_id, source, state, anonymised_at, created_at, updated_at) VALUES (?, 'txt', 'anonymised', ?, ?, ?)");
    const line = writer.statement('INSERT INTO transcript_line (id, transcript_id, position, speaker, timestamp_ms, text) VALUES (?, ?, ?, ?, NULL, ?)');
    for (let index = 0; index < sizes.interviews; index += 1) {
      const participantId = Number(participant.run(`Deltaker ${index + 1}`, at).lastInsertRowid);
      const day = String(1 + (index % 28)).padStart(2, '0');
      const month = String(1 + Math.floor(index / 28)).padStart(2, '0');
      const interviewId = Number(interview.run(participantId, `2026-${month}-${day}T10:00`, at).lastInsertRowid);
      const transcriptId = Number(transcript.run(interviewId, at, at, at).lastInsertRowid);
      transcriptIds.push(transcriptId);
      const count = index === 0 ? sizes.denseLines : index === sizes.interviews - 1 ? sizes.lines - sizes.denseLines - otherLines * (sizes.interviews - 2) : otherLines;
      const list: { id: string; length: number }[] = [];
      for (let position = 1; position <= count; position += 1) {
        const id = `t${String(transcriptId).padStart(3, '0')}L${String(position).padStart(5, '0')}`;
        const speaker = position % 3 === 1 ? 'interviewer' : 'participant';
        const text = speaker === 'interviewer' ? sentence() : `${sentence()} ${sentence()}`;
        line.run(id, transcriptId, position, speaker, text);
        list.push({ id, length: text.length });
      }
      lines.set(transcriptId, list);
    }

    const code = writer.statement('INSERT INTO code (guid, level, name, colour, definition, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const history = writer.statement("INSERT INTO code_history (code_id, kind, detail, at) VALUES (?, 'created', '{}', ?)");
    const colours = ['#2f6fb0', '#c2571a', '#3a8a4f', '#9b3f8f', '#b08a12', '#1f8a8a', '#b03a48', '#5a5fb8'];
    const makeCode = (level: 'initial' | 'focused', name: string) => {
      const id = Number(code.run(randomUUID(), level, name, pick(colours), next() < 0.3 ? sentence() : '', at, at).lastInsertRowid);
      history.run(id, at);
      return id;
    };
    const initialCodeIds = Array.from({ length: sizes.initialCodes }, (_, index) => makeCode('initial', `${pick(gerunds)} ${pick(vocabulary)} ${index + 1}`));
    const focusedCodeIds = Array.from({ length: sizes.focusedCodes }, (_, index) => makeCode('focused', `${pick(gerunds)} (fokusert ${index + 1})`));
    const link = writer.statement('INSERT OR IGNORE INTO code_subsumes (focused_code_id, initial_code_id) VALUES (?, ?)');
    initialCodeIds.forEach((initial, index) => {
      if (index % 4 !== 3) link.run(focusedCodeIds[index % focusedCodeIds.length]!, initial);
    });

    const category = writer.statement('INSERT INTO category (guid, parent_id, name, position, colour, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const categoryIds: number[] = [];
    for (let top = 0; top < 5; top += 1) {
      const parent = Number(category.run(randomUUID(), null, `Kategori ${top + 1}`, top, pick(colours), at, at).lastInsertRowid);
      categoryIds.push(parent);
      for (let sub = 0; sub < 3; sub += 1) {
        categoryIds.push(Number(category.run(randomUUID(), parent, `Underkategori ${top + 1}.${sub + 1}`, sub, pick(colours), at, at).lastInsertRowid));
      }
    }
    const place = writer.statement('UPDATE code SET category_id = ?, category_position = ? WHERE id = ?');
    focusedCodeIds.forEach((focused, index) => place.run(categoryIds[index % categoryIds.length]!, Math.floor(index / categoryIds.length), focused));

    // Codings: 1 to 4 lines each, from a word's start to another's, in every transcript.
    const coding = writer.statement(
      'INSERT INTO coding (guid, code_id, transcript_id, start_line_id, start_offset, end_line_id, end_offset, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const codeIn = (transcriptId: number) => {
      const list = lines.get(transcriptId)!;
      const first = Math.floor(next() * list.length);
      const last = Math.min(list.length - 1, first + Math.floor(next() * 4));
      const startOffset = Math.floor(next() * Math.max(1, list[first]!.length - 1));
      const endOffset = first === last ? startOffset + 1 + Math.floor(next() * (list[last]!.length - startOffset - 1)) : 1 + Math.floor(next() * (list[last]!.length - 1));
      coding.run(randomUUID(), pick(initialCodeIds), transcriptId, list[first]!.id, startOffset, list[last]!.id, endOffset, at);
    };
    for (let index = 0; index < sizes.denseCodings; index += 1) codeIn(transcriptIds[0]!);
    for (let index = sizes.denseCodings; index < sizes.codings; index += 1) codeIn(transcriptIds[1 + (index % (transcriptIds.length - 1))]!);

    const memo = writer.statement('INSERT INTO memo (guid, title, body, body_text, code_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (let index = 0; index < 300; index += 1) {
      const text = Array.from({ length: 6 }, sentence).join(' ');
      memo.run(randomUUID(), `Memo ${index + 1}`, JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }), text, index % 2 ? pick(initialCodeIds) : null, at, at);
    }
    return { transcriptIds, denseTranscriptId: transcriptIds[0]!, lines, initialCodeIds, focusedCodeIds, categoryIds };
  });
}
