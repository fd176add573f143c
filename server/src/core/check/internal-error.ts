// An exception inside the analysis becomes one `internal-error` diagnostic at the start of the file it
// concerns, naming what failed and the error; everything else goes on (docs/rules.md#internal-error).
import { diagnostic, type Diagnostic } from '../diagnostic';

/** `what` names the stage or rule, e.g. `rule when-overlap` or `parsing the file`. */
export function internalError(uri: string, what: string, e: unknown): Diagnostic {
  const error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  const oneLine = error.replace(/\s+/g, ' ').slice(0, 300);
  return diagnostic({
    code: 'internal-error',
    uri,
    range: { start: 0, end: 0 },
    message: `Internal error in ${what} (please report it with the file): ${oneLine}. Other checks still ran.`,
  });
}

/** `f()`, or `fallback(e)` when it throws. */
export function guarded<T>(f: () => T, fallback: (e: unknown) => T): T {
  try {
    return f();
  } catch (e) {
    return fallback(e);
  }
}
