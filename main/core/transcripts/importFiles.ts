import mammoth from 'mammoth';
import { parseText, tokenizeVTTCue, type VTTCue, type VTTNode } from 'media-captions';
import { GroundworkError } from '../../../shared/contract/errors.js';
import { importFormats, maxImportBytes, type ImportFormat } from '../../../shared/transcripts/contract.js';
import { linesOfText, linesOfUtterances, splitSpeakerPrefix, type LineDraft, type Utterance } from '../../../shared/transcripts/lines.js';

/**
 * Reading a transcript file into lines, in memory: the bytes come over the bridge and never touch
 * the disk. Every failure is one of three codes, and nothing is stored (the caller stores only
 * after every file of an import has been read).
 */

export function importFormatOf(fileName: string): ImportFormat {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  const format = importFormats.find((candidate) => candidate === extension);
  if (!format) throw new GroundworkError('transcript.importUnsupported');
  return format;
}

/**
 * A text file's characters. UTF-8 (with or without its mark) and UTF-16 with a mark are read as
 * such; anything else that is not valid UTF-8 is taken as Windows-1252, which older Norwegian
 * Word and Notepad files use. NUL characters mean a binary file, not text.
 */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
    }
  }
  if (text.includes('\u0000')) throw new GroundworkError('transcript.importMalformed');
  return text;
}

async function textOfDocx(bytes: Buffer): Promise<string> {
  // A .docx is a zip archive; anything else is refused before the reader sees it.
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw new GroundworkError('transcript.importMalformed');
  try {
    const result = await mammoth.extractRawText({ buffer: bytes });
    return result.value;
  } catch {
    throw new GroundworkError('transcript.importMalformed');
  }
}

function textOfNodes(nodes: readonly VTTNode[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.data : node.type === 'timestamp' ? '' : textOfNodes(node.children))).join('');
}

/**
 * The utterances of one cue: a WebVTT voice (`<v Name>…</v>`) names its speaker; without one, a
 * "Name: " at the start does (as SubRip files from transcription tools write it).
 */
function utterancesOfCue(cue: VTTCue): Utterance[] {
  const timestampMs = Math.round(cue.startTime * 1000);
  const utterances: Utterance[] = [];
  for (const node of tokenizeVTTCue(cue)) {
    const text = node.type === 'text' ? node.data : node.type === 'timestamp' ? '' : textOfNodes(node.children);
    if (node.type === 'v') utterances.push({ name: node.voice.trim() || null, timestampMs, text });
    else if (utterances.length > 0) utterances[utterances.length - 1]!.text += text;
    else utterances.push({ name: null, timestampMs, text });
  }
  return utterances
    .map((utterance) => {
      if (utterance.name) return utterance;
      const prefixed = splitSpeakerPrefix(utterance.text);
      return prefixed ? { ...utterance, name: prefixed.name, text: prefixed.rest } : utterance;
    })
    .filter((utterance) => utterance.text.trim() !== '');
}

async function linesOfSubtitles(text: string, type: 'srt' | 'vtt'): Promise<LineDraft[]> {
  let cues: VTTCue[];
  try {
    // Strict: a cue with a broken time is an error, not silently dropped.
    ({ cues } = await parseText(text.replace(/^\uFEFF/, ''), { type, strict: true }));
  } catch {
    throw new GroundworkError('transcript.importMalformed');
  }
  // A file with no cue at all is not a subtitle file (or one that failed without saying so).
  if (cues.length === 0) throw new GroundworkError('transcript.importMalformed');
  return linesOfUtterances(cues.flatMap(utterancesOfCue), { joinTurns: true });
}

/** A file's lines, by its format. Refuses what is too large, unknown, unreadable or empty. */
export async function readTranscriptFile(fileName: string, bytes: Buffer): Promise<{ format: ImportFormat; lines: LineDraft[] }> {
  const format = importFormatOf(fileName);
  if (bytes.length > maxImportBytes) throw new GroundworkError('transcript.importTooLarge');
  let lines: LineDraft[];
  switch (format) {
    case 'txt':
      lines = linesOfText(decodeText(bytes));
      break;
    case 'docx':
      lines = linesOfText(await textOfDocx(bytes));
      break;
    case 'srt':
    case 'vtt':
      lines = await linesOfSubtitles(decodeText(bytes), format);
      break;
  }
  if (lines.length === 0) throw new GroundworkError('transcript.importEmpty');
  return { format, lines };
}
