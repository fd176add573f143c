// A function of a string with its answers remembered: for pure functions an analysis asks about the same few
// inputs thousands of times (a URI's key, a message's citations). Bounded: past `max` inputs all are forgotten.

export function remembered(f: (input: string) => string, max: number): (input: string) => string {
  const answers = new Map<string, string>();
  return (input) => {
    let answer = answers.get(input);
    if (answer !== undefined) return answer;
    answer = f(input);
    if (answers.size >= max) answers.clear();
    answers.set(input, answer);
    return answer;
  };
}
