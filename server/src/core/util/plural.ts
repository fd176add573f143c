// Counted words for messages: `plural(3, 'replica')` → "3 replicas", `plural(1, 'replica')` → "1 replica";
// an irregular plural is given (`plural(2, 'anomaly', 'anomalies')`).

/** The word for `n` of it, without the number. */
export function noun(n: number, word: string, many = `${word}s`): string {
  return n === 1 ? word : many;
}

/** `n` and the word for `n` of it. */
export function plural(n: number | string, word: string, many = `${word}s`): string {
  return `${n} ${noun(Number(n), word, many)}`;
}
