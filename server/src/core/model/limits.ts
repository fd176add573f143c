// The model's side of docs/language.md#limits: a count over a limit is one `limit-exceeded` error on the
// construct that goes over, naming both numbers, and the model reads no further than the limit (regions,
// links and branches past it are not read; replicas are clamped), so nothing downstream — estimates,
// export, the simulator — allocates per replica or per region beyond it.
import { diagnostic, type Diagnostic } from '../diagnostic';
import type { Range } from '../util/range';
import { grouped, limits, limitWords, type LimitName } from '../util/limits';

/** `what` says what went over, e.g. "This topology's 1,200th region". */
export function overLimit(uri: string, range: Range, limit: LimitName, what: string, consequence: string): Diagnostic {
  return diagnostic({
    code: 'limit-exceeded',
    uri,
    range,
    message:
      `${what} is over the limit of ${grouped(limits[limit])} ${limitWords[limit]} (docs/language.md#limits); ` +
      `${consequence}.`,
  });
}

/** The first `limit` items; one diagnostic on the first item past it. */
export function upTo<T>(
  items: T[],
  limit: LimitName,
  at: (item: T) => { uri: string; range: Range },
  what: (n: string) => string,
  diagnostics: Diagnostic[],
): T[] {
  const max = limits[limit];
  if (items.length <= max) return items;
  const { uri, range } = at(items[max]);
  const rest = `it and the ${grouped(items.length - max - 1)} after it are not read`;
  diagnostics.push(overLimit(uri, range, limit, what(`${grouped(items.length)}`), rest));
  return items.slice(0, max);
}
