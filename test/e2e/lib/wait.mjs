// Waiting on conditions: poll with a short interval until a condition holds or a deadline passes.

/** Resolves with the condition's first truthy value; rejects after `timeoutMs` with what was awaited. */
export async function poll(what, timeoutMs, condition, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const v = await condition();
      if (v) return v;
    } catch (e) {
      last = e;
      if (e?.fatal) throw e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}${last ? ` (last error: ${last.message ?? last})` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
