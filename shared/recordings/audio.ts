/**
 * The audio formats a recording may be stored in, recognised by their first bytes rather than by
 * the file name (a renamed document is not a recording). Pure: runs on both sides.
 */
export const audioMediaTypes = ['audio/mpeg', 'audio/wav', 'audio/mp4', 'audio/ogg', 'audio/flac'] as const;
export type AudioMediaType = (typeof audioMediaTypes)[number];

/** The largest recording stored inside the study: 50 MB. */
export const maxAudioBytes = 50 * 1024 * 1024;
/** The same limit as base64 text (4 characters per 3 bytes, rounded up to a whole group). */
export const maxAudioBase64Length = Math.ceil(maxAudioBytes / 3) * 4;

function ascii(bytes: Uint8Array, start: number, text: string): boolean {
  if (bytes.length < start + text.length) return false;
  for (let index = 0; index < text.length; index += 1) {
    if (bytes[start + index] !== text.charCodeAt(index)) return false;
  }
  return true;
}

/** The media type of an audio file from its first bytes, or null when it is not one we accept. */
export function detectAudio(bytes: Uint8Array): AudioMediaType | null {
  if (ascii(bytes, 0, 'ID3')) return 'audio/mpeg';
  // An MP3 without a tag starts with a frame sync: eleven set bits.
  if (bytes.length >= 2 && bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0 && ((bytes[1] ?? 0) & 0x06) !== 0) return 'audio/mpeg';
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WAVE')) return 'audio/wav';
  if (ascii(bytes, 4, 'ftyp')) return 'audio/mp4';
  if (ascii(bytes, 0, 'OggS')) return 'audio/ogg';
  if (ascii(bytes, 0, 'fLaC')) return 'audio/flac';
  return null;
}
