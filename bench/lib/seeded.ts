/** A fixed pseudo-random sequence (a linear congruential generator), so every run of a bench makes the same invented text. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
