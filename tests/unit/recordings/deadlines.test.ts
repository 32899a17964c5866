import { describe, expect, it } from 'vitest';
import { detectAudio } from '../../../shared/recordings/audio.js';
import { byUrgency, daysUntil, deletionDueOn, urgencyOf } from '../../../shared/recordings/deadlines.js';
import { isAllowedExtension, latestExtensionOn, requestDueOn } from '../../../shared/requests/deadlines.js';

describe('deadlines', () => {
  it('deletion falls due the plan\'s number of days after transcription, across months and years', () => {
    expect(deletionDueOn('2026-03-02', 7)).toBe('2026-03-09');
    expect(deletionDueOn('2026-03-02', 0)).toBe('2026-03-02');
    expect(deletionDueOn('2026-12-28', 7)).toBe('2027-01-04');
    expect(deletionDueOn('2028-02-27', 2)).toBe('2028-02-29');
    // Across the change to summer time, still whole calendar days.
    expect(deletionDueOn('2026-03-28', 1)).toBe('2026-03-29');
    expect(deletionDueOn('2026-03-29', 1)).toBe('2026-03-30');
  });

  it('a request is due one calendar month later, clamped to the end of a shorter month', () => {
    expect(requestDueOn('2026-01-15')).toBe('2026-02-15');
    expect(requestDueOn('2026-01-31')).toBe('2026-02-28');
    expect(requestDueOn('2028-01-31')).toBe('2028-02-29');
    expect(requestDueOn('2026-03-31')).toBe('2026-04-30');
    expect(requestDueOn('2026-12-31')).toBe('2027-01-31');
  });

  it('an extension may reach at most three months after receipt, and must go beyond the first deadline', () => {
    expect(latestExtensionOn('2026-01-31')).toBe('2026-04-30');
    expect(isAllowedExtension('2026-01-31', '2026-04-30')).toBe(true);
    expect(isAllowedExtension('2026-01-31', '2026-05-01')).toBe(false);
    expect(isAllowedExtension('2026-01-31', '2026-03-15')).toBe(true);
    expect(isAllowedExtension('2026-01-31', '2026-02-28')).toBe(false);
    expect(isAllowedExtension('2026-01-31', '2026-02-01')).toBe(false);
  });

  it('says how urgent a deadline is, and sorts the most urgent first', () => {
    expect(daysUntil('2026-03-01', '2026-03-05')).toBe(-4);
    expect(urgencyOf('2026-03-01', '2026-03-05')).toBe('overdue');
    expect(urgencyOf('2026-03-05', '2026-03-05')).toBe('dueToday');
    expect(urgencyOf('2026-03-12', '2026-03-05')).toBe('dueSoon');
    expect(urgencyOf('2026-03-13', '2026-03-05')).toBe('later');
    expect(urgencyOf(null, '2026-03-05')).toBe('none');
    const items = [
      { id: 1, due: null },
      { id: 2, due: '2026-04-01' },
      { id: 3, due: '2026-02-01' },
      { id: 4, due: '2026-03-01' },
      { id: 5, due: null },
    ];
    items.sort(byUrgency((item) => item.due, (item) => item.id));
    expect(items.map((item) => item.id)).toEqual([3, 4, 2, 1, 5]);
  });

  it('recognises audio by its first bytes, not its name', () => {
    const bytes = (text: string, ...more: number[]) => new Uint8Array([...Buffer.from(text, 'latin1'), ...more]);
    expect(detectAudio(bytes('ID3\u0004\u0000'))).toBe('audio/mpeg');
    expect(detectAudio(new Uint8Array([0xff, 0xfb, 0x90, 0x00]))).toBe('audio/mpeg');
    expect(detectAudio(bytes('RIFF\u0000\u0000\u0000\u0000WAVEfmt '))).toBe('audio/wav');
    expect(detectAudio(bytes('RIFF\u0000\u0000\u0000\u0000AVI LIST'))).toBeNull();
    expect(detectAudio(bytes('\u0000\u0000\u0000\u0020ftypM4A '))).toBe('audio/mp4');
    expect(detectAudio(bytes('OggS\u0000\u0002'))).toBe('audio/ogg');
    expect(detectAudio(bytes('fLaC\u0000'))).toBe('audio/flac');
    expect(detectAudio(bytes('%PDF-1.7'))).toBeNull();
    expect(detectAudio(new Uint8Array([]))).toBeNull();
  });
});
