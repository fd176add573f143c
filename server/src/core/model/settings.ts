// A file's settings (model/model.ts FileSettings): its title, currency, selected profile and stores, read from
// its `policy`, `currency`, `profile NAME` and `store` declarations; a setting written twice is reported.
import { diagnostic, type Diagnostic } from '../diagnostic';
import type * as A from '../syntax/ast';
import { closest } from '../util/suggest';
import type { FileSettings } from './model';
import { setTwice } from './props';
import { estimateOnlyAliases, storeAliases } from './stores';

/** Whether a declaration is one of the settings a file sets once (a profile without a body selects one). */
export function isSetting(d: A.Declaration): d is A.PolicyDecl | A.CurrencyDecl | A.ProfileDecl {
  return d.kind === 'policy' || d.kind === 'currency' || (d.kind === 'profile' && !d.entries);
}

/** Reports a setting written a second time in the file (`seen`: the first of each kind). */
export function settingTwice(
  d: A.PolicyDecl | A.CurrencyDecl | A.ProfileDecl,
  seen: Map<string, A.Declaration>,
  uri: string,
  diagnostics: Diagnostic[],
): void {
  const earlier = seen.get(d.kind);
  if (earlier) {
    const message = `'${d.kind}' is set twice in this file; the later one wins.`;
    diagnostics.push(setTwice('duplicate-setting', message, d.kind, uri, d.range, earlier.range));
  }
  seen.set(d.kind, d);
}

export function readCurrency(d: A.CurrencyDecl, settings: FileSettings, diagnostics: Diagnostic[]): void {
  if (!d.value) return;
  const uri = settings.uri;
  if (d.value.text === 'INR' || d.value.text === 'USD')
    settings.currency = { value: d.value.text, origin: { uri, range: d.value.range } };
  else
    diagnostics.push(
      diagnostic({
        code: 'unknown-currency',
        uri,
        range: d.value.range,
        message: `Unknown currency '${d.value.text}'; use INR or USD.`,
      }),
    );
}

export function readStores(d: A.StoreDecl, settings: FileSettings, diagnostics: Diagnostic[]): void {
  const uri = settings.uri;
  for (const n of d.names) {
    const system = storeAliases[n.text.toLowerCase()];
    const other = estimateOnlyAliases[n.text.toLowerCase()];
    if (!system && other) settings.system ??= { name: other, origin: { uri, range: n.range } };
    else if (!system) {
      const near = closest(n.text.toLowerCase(), [...Object.keys(storeAliases), ...Object.keys(estimateOnlyAliases)]);
      const hint = near ? ` Did you mean '${near}'?` : '';
      diagnostics.push(
        diagnostic({
          code: 'unknown-store',
          uri,
          range: n.range,
          message:
            `Unknown store '${n.text}'; use one of ` +
            `${[...Object.keys(storeAliases), 'spanner'].join(', ')}.${hint}`,
          fixes: near ? [{ title: `Change to '${near}'`, edits: [{ uri, range: n.range, newText: near }] }] : undefined,
        }),
      );
    } else if (!settings.stores?.some((s) => s.name === system)) {
      (settings.stores ??= []).push({ name: system, origin: { uri, range: n.range } });
      settings.system ??= { name: system, origin: { uri, range: n.range } };
    }
  }
}
