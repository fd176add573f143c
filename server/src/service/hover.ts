// Hover: on a data type its estimate, on a level its guarantees and cost class, on a tier its rules and
// where they come from, on a topology, region or link its replicas and round trips. Markdown, short.
import type { Hover, Position } from 'vscode-languageserver-types';
import { defaultProfileName, profileNamed } from '../core/estimate/profiles/index';
import type { TierModel } from '../core/model/model';
import { contains } from '../core/util/range';
import { followable } from '../core/util/sources';
import { estimateMarkdown, tryEstimate } from './estimate-text';
import { levelMarkdown } from './hover-level';
import { scenarioMarkdown } from './hover-scenario';
import { linkMarkdown, regionMarkdown, topologyMarkdown } from './hover-topology';
import { declarationAt, docComment, levelNameAt, symbolAt, type SymbolAt } from './locate';
import { toOffset, toRange } from './positions';
import type { Snapshot } from './snapshot';

export function hover(s: Snapshot, uri: string, position: Position): Hover | null {
  const doc = s.document(uri);
  if (!doc) return null;
  const lines = s.lines.get(uri);
  const offset = toOffset(lines, position);
  const md = (value: string, range: { start: number; end: number }): Hover => ({
    contents: { kind: 'markdown', value: linkSources(followable(value), s.rulesDoc) },
    range: toRange(lines, range),
  });

  const sym = symbolAt(s, uri, offset);
  const text = sym && symbolMarkdown(s, sym, uri);
  if (sym && text) return md(text, sym.range);

  const level = levelNameAt(doc.ast, offset);
  if (level) {
    const wanted = s.analysis.modelOf(uri).files.find((f) => f.uri === uri)?.profile?.value;
    return md(levelMarkdown(level, profileNamed(wanted) ?? profileNamed(defaultProfileName)!), level.name.range);
  }

  const decl = declarationAt(doc.ast, offset);
  if (decl?.kind === 'topology') {
    const link = decl.links.find((l) => contains(l.range, offset));
    const topology = decl.name && s.analysis.modelOf(uri).topologies.get(decl.name.text);
    const model = link && topology && topology.links.find((l) => l.decl === link);
    if (topology && model) return md(linkMarkdown(topology, model), link.range);
  }
  return null;
}

/** A symbol as the file the cursor is in sees it (its scope: the prelude, itself, its imports). */
function symbolMarkdown(s: Snapshot, sym: SymbolAt, uri: string): string | undefined {
  const model = s.analysis.modelOf(uri);
  switch (sym.kind) {
    case 'data': {
      const d = model.data.get(sym.name);
      return d && estimateMarkdown(d, tryEstimate(s.analysis, d));
    }
    case 'tier': {
      const t = model.tiers.get(sym.name);
      return t && tierMarkdown(s, t);
    }
    case 'topology': {
      const t = model.topologies.get(sym.name);
      return t && topologyMarkdown(t);
    }
    case 'region': {
      const t = sym.scope !== undefined ? model.topologies.get(sym.scope) : undefined;
      return t && regionMarkdown(t, sym.name);
    }
    case 'scenario': {
      const sc = model.scenarios.get(sym.name);
      return sc && scenarioMarkdown(sc);
    }
    case 'transaction': {
      const tx = model.transactions.get(sym.name);
      if (!tx) return undefined;
      const members = tx.members.map(
        (m) => `- ${m.name.text}: ${m.data?.effective.level?.value.display ?? (m.data ? 'no level' : 'not declared')}`,
      );
      return [
        `**transaction ${tx.name}** · ${tx.members.length} data types, committed atomically`,
        '',
        ...members,
      ].join('\n');
    }
  }
}

export function tierMarkdown(s: Snapshot, t: TierModel): string {
  const doc = s.document(t.origin.uri);
  const line = s.lines.get(t.origin.uri).position(t.origin.range.start).line + 1;
  const file = decodeURIComponent(t.origin.uri.slice(t.origin.uri.lastIndexOf('/') + 1));
  const replaces =
    !t.builtin && s.analysis.declarations.some((d) => d.kind === 'tier' && d.builtin && d.name === t.name);
  const where = t.builtin
    ? `built-in, from \`${t.origin.uri}\` (illustrative team defaults, not law)`
    : `declared in \`${file}\` line ${line}${replaces ? ', replacing the built-in tier of that name' : ''}`;
  const docs = doc && docComment(doc, t.decl.range.start);
  const rules = doc ? t.decl.body.map((p) => doc.text.slice(p.range.start, p.range.end)) : [];
  return [
    `**tier ${t.name}** · ${where}`,
    ...(docs ? ['', docs] : []),
    '',
    '```consistency',
    ...(rules.length ? rules : ['// no rules']),
    '```',
  ].join('\n');
}

/** `see docs/sources.md#l3525` as a link to the installed docs/sources.md (next to docs/rules.md), when known. */
export function linkSources(markdown: string, rulesDoc: string | undefined): string {
  if (!rulesDoc || !/rules\.md$/.test(rulesDoc)) return markdown;
  const doc = rulesDoc.replace(/rules\.md$/, 'sources.md');
  return markdown.replace(
    /see docs\/sources\.md#([\w-]+)/g,
    (_, anchor: string) => `see [docs/sources.md#${anchor}](${doc}#${anchor})`,
  );
}
