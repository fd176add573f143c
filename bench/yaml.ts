// The peer of the language server bench: the same policy rendered as YAML, with a JSON schema that checks
// what a YAML editor can (declaration shapes, names, levels, the form of each property's value), for
// yaml-language-server. One YAML line per line of the policy, about.
import type * as A from '../server/src/core/syntax/ast';
import { parseDocument } from '../server/src/core/syntax/parse';

const q = (s: string) => JSON.stringify(s.replace(/\s+/g, ' ').trim());

function properties(props: A.Property[], text: string, indent: string): string[] {
  const out: string[] = [];
  for (const p of props) {
    const rest = text.slice(p.keyword.end, p.range.end);
    if (p.kind === 'when') {
      out.push(`${indent}- when: ${q(p.conditions.map((c) => text.slice(c.range.start, c.range.end)).join(', '))}`);
      out.push(`${indent}  then:`, ...properties(p.body, text, `${indent}    `));
    } else out.push(`${indent}- ${p.kind}: ${q(rest)}`);
  }
  return out;
}

/** The YAML rendering of a policy text (its declarations in order). */
export function policyYaml(source: string, schemaUri: string): string {
  const doc = parseDocument(source, 'file:///peer.consistency');
  const out = [`# yaml-language-server: $schema=${schemaUri}`, 'declarations:'];
  for (const d of doc.ast.declarations) {
    const slice = (r: A.Name | undefined) => (r ? source.slice(r.range.start, r.range.end) : '');
    const text = (n: { range: A.Name['range'] }) => source.slice(n.range.start, n.range.end);
    switch (d.kind) {
      case 'data':
      case 'tier':
        out.push(`  - ${d.kind}: ${slice(d.name)}`, '    properties:', ...properties(d.body, source, '      '));
        break;
      case 'topology':
        out.push(`  - topology: ${slice(d.name)}`, '    regions:');
        for (const r of d.regions) out.push(`      - ${q(text(r).replace(/^region /, ''))}`);
        out.push('    links:');
        for (const l of d.links) out.push(`      - ${q(text(l).replace(/^link /, ''))}`);
        break;
      case 'transaction':
        out.push(`  - transaction: ${slice(d.name)}`, `    members: [${d.members.map((m) => m.text).join(', ')}]`);
        break;
      default:
        out.push(`  - ${d.kind}: ${q(source.slice(d.range.start, d.range.end).replace(/^\w+\s*/, ''))}`);
    }
  }
  return out.join('\n') + '\n';
}

const duration = '\\d+(\\.\\d+)?(ms|s|min|h)';
const property = {
  type: 'object',
  minProperties: 1,
  additionalProperties: false,
  properties: {
    topology: { type: 'string', pattern: '^[A-Za-z_][\\w.]*$' },
    tier: { type: 'string', pattern: '^[A-Za-z_][\\w.]*( .*)?$' },
    category: { enum: ['banking', 'financial', 'analytics', 'recommendation', 'cart', 'messaging', 'catalog'] },
    consistency: {
      type: 'string',
      pattern: '^(strong|linearizable|sequential|causal|session|bounded|eventual|weak)\\b',
    },
    replication: { type: 'string', pattern: '^(sync|async|quorum write \\d+ read \\d+)$' },
    partition: { enum: ['prefer consistency', 'prefer availability'] },
    conflict: { type: 'string', pattern: '^(abort|last_writer_wins|merge|highest_sequence)\\b' },
    latency: { type: 'string', pattern: `^(read|write) p\\d+(\\.\\d+)? (<=|<) ${duration}$` },
    availability: { type: 'string', pattern: '^(>=|>) \\d+(\\.\\d+)?%$' },
    staleness: { type: 'string', pattern: `^(<=|<) ${duration}$` },
    workload: { type: 'string', minLength: 1 },
    budget: { type: 'string', pattern: '^(<=|<) ' },
    degrade: { type: 'string', pattern: '^to \\w+' },
    when: { type: 'string', minLength: 1 },
    then: { type: 'array', items: { $ref: '#/definitions/property' } },
  },
};
const name = { type: 'string', pattern: '^[A-Za-z_][\\w.]*$' };

/** The JSON schema of the YAML rendering. */
export const policySchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  definitions: { property },
  type: 'object',
  required: ['declarations'],
  additionalProperties: false,
  properties: {
    declarations: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        minProperties: 1,
        properties: {
          data: name,
          tier: name,
          topology: name,
          transaction: name,
          policy: { type: 'string' },
          currency: { enum: ['INR', 'USD'] },
          profile: { type: 'string' },
          store: { type: 'string' },
          properties: { type: 'array', items: { $ref: '#/definitions/property' } },
          regions: { type: 'array', items: { type: 'string', pattern: '^[a-z_]+ \\{' } },
          links: { type: 'array', items: { type: 'string', pattern: '^[a-z_]+ <-> [a-z_]+ ' } },
          members: { type: 'array', items: name },
        },
      },
    },
  },
};
