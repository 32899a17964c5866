/**
 * A search box's words as an FTS5 query that cannot fail: each word becomes an FTS5 string (in
 * double quotes, a quote inside doubled), so `"`, `*`, `(`, `-`, `:`, `AND`, `OR`, `NOT` and `NEAR`
 * are only ever text to find. All words must occur (FTS5's implicit AND); the last one may be the
 * start of a word, so results come while the researcher is still typing. Null when the input has
 * no letter or digit to look for.
 */
export function ftsQuery(input: string): string | null {
  const words = input
    .normalize('NFC')
    .split(/\s+/u)
    .map((word) => word.replace(/[\p{Cc}\p{Cf}]/gu, ''))
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length === 0) return null;
  return words.map((word, index) => `"${word.replace(/"/g, '""')}"${index === words.length - 1 ? '*' : ''}`).join(' ');
}
