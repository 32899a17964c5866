import { describe, expect, it } from 'vitest';
import { systemLanguage, withStudyExtension } from '../../../main/shell/environment.js';

describe('systemLanguage', () => {
  it('gives bokmål for any Norwegian first language', () => {
    for (const tag of ['nb', 'nb-NO', 'nn-NO', 'no', 'NO', 'nb_NO.UTF-8', 'no_NO']) {
      expect(systemLanguage([tag]), tag).toBe('nb');
    }
  });

  it('gives English otherwise, including when Norwegian is only a fallback', () => {
    expect(systemLanguage(['en-US'])).toBe('en');
    expect(systemLanguage(['sv-SE', 'nb-NO'])).toBe('en');
    expect(systemLanguage(['de'])).toBe('en');
    expect(systemLanguage(['nob'])).toBe('en');
    expect(systemLanguage([])).toBe('en');
    expect(systemLanguage(['', 'nb'])).toBe('nb');
  });
});

describe('withStudyExtension', () => {
  it('adds .groundwork when it is missing, and only then', () => {
    expect(withStudyExtension('/home/r/Study')).toBe('/home/r/Study.groundwork');
    expect(withStudyExtension('/home/r/Study.groundwork')).toBe('/home/r/Study.groundwork');
    expect(withStudyExtension('/home/r/Study.GROUNDWORK')).toBe('/home/r/Study.GROUNDWORK');
    expect(withStudyExtension('/home/r/Study.db')).toBe('/home/r/Study.db.groundwork');
  });
});
