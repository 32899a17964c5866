/**
 * Opening one memo from another view: `showMemo(id, navigate)` goes to the Memos section with that
 * memo open (the coding workspace after its NewMemoDialog made one, a quote's "Write a memo").
 */
let waiting: number | null = null;

export function showMemo(id: number, navigate: (section: string) => void): void {
  waiting = id;
  navigate('memos');
}

/** The memo another view asked to open, once (the Memos page reads it as it opens). */
export function takeMemoToShow(): number | null {
  const id = waiting;
  waiting = null;
  return id;
}
