// The SARIF 2.1.0 format of `consistency check` (for GitHub code scanning and other SARIF viewers):
// one run, the rule table as tool.driver.rules, one result per diagnostic, fixes as artifact changes.
import type { Invocation, Log, Notification, ReportingDescriptor, Result } from 'sarif';
import { allCodes, codeInfo, defaultSeverity, helpUri } from '../../core/codes';
import type { Severity, TextEdit } from '../../core/diagnostic';
import type { Range } from '../../core/util/range';
import { displayPath, isInside, pathToUri } from '../files';
import { Locator, type CheckReport, type ToolInfo } from './locate';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note';
const levels: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** Every code of the registry (syntax, model and rules), each with its section of docs/rules.md. */
export function sarifRules(rulesDoc: string): ReportingDescriptor[] {
  return allCodes.map((code) => {
    const info = codeInfo(code);
    return {
      id: code,
      shortDescription: { text: info.summary },
      helpUri: helpUri(rulesDoc, code),
      defaultConfiguration: { level: levels[defaultSeverity(code)] },
      properties: { stage: info.stage, basis: info.basis },
    };
  });
}

export function sarifDocument(report: CheckReport, tool: ToolInfo): Log {
  const locator = new Locator(report.texts);
  const artifact = (uri: string) =>
    isInside(uri, report.cwd)
      ? { uri: displayPath(uri, report.cwd).split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT }
      : { uri };
  const region = (uri: string, range: Range) => {
    const { start, end } = locator.span(uri, range);
    return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
  };
  const location = (uri: string, range: Range) => ({
    physicalLocation: { artifactLocation: artifact(uri), region: region(uri, range) },
  });
  const rules = sarifRules(tool.rulesDoc);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const changes = (edits: TextEdit[]) =>
    [...new Set(edits.map((e) => e.uri))].map((uri) => ({
      artifactLocation: artifact(uri),
      replacements: edits
        .filter((e) => e.uri === uri)
        .map((e) => ({ deletedRegion: region(uri, e.range), insertedContent: { text: e.newText } })),
    }));
  // The checker's own failures are not findings about the policy: they are the invocation's notifications.
  const failures = report.diagnostics.filter((d) => d.code === 'internal-error');
  const findings = report.diagnostics.filter((d) => d.code !== 'internal-error');
  const notifications: Notification[] = [
    ...failures.map(
      (d): Notification => ({
        level: 'error',
        message: { text: d.message },
        locations: [location(d.uri, d.range)],
        descriptor: { id: d.code },
      }),
    ),
    ...(report.refused ?? []).map(
      (r): Notification => ({
        level: 'error',
        message: { text: `Not read: ${r.reason}.` },
        locations: [{ physicalLocation: { artifactLocation: artifact(r.uri) } }],
        descriptor: { id: 'file-not-read' },
      }),
    ),
  ];
  const invocation: Invocation = {
    executionSuccessful: notifications.length === 0,
    ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
  };
  const results = findings.map(
    (d): Result => ({
      ruleId: d.code,
      ruleIndex: ruleIndex.get(d.code),
      level: levels[d.severity],
      message: { text: d.message },
      locations: [location(d.uri, d.range)],
      ...(d.related?.length
        ? {
            relatedLocations: d.related.map((r, i) => ({
              id: i + 1,
              ...location(r.uri, r.range),
              message: { text: r.message },
            })),
          }
        : {}),
      ...(d.fixes?.length
        ? { fixes: d.fixes.map((f) => ({ description: { text: f.title }, artifactChanges: changes(f.edits) })) }
        : {}),
    }),
  );
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: tool.name, version: tool.version, informationUri: tool.informationUri, rules } },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToUri(report.cwd).replace(/\/?$/, '/') } },
        artifacts: report.files.map((uri) => ({ location: artifact(uri) })),
        columnKind: 'utf16CodeUnits',
        ...(notifications.length ? { invocations: [invocation] } : {}),
        results,
      },
    ],
  };
}

export function formatSarif(report: CheckReport, tool: ToolInfo): string {
  return JSON.stringify(sarifDocument(report, tool), null, 2) + '\n';
}
