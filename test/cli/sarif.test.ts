import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSarif, SARIF_SCHEMA, sarifRules } from '../../server/src/cli/output/sarif';
import { pathToUri } from '../../server/src/cli/files';
import { allCodes, codeInfo } from '../../server/src/core/codes';
import { ONE_ERROR, reportFor, TOOL } from './report';

type Json = any;
const sarif = (files: Record<string, string>): Json => JSON.parse(formatSarif(reportFor(files), TOOL));

test('SARIF 2.1.0: version, $schema, one run whose driver names the tool and lists every code of the registry', () => {
  const doc = sarif({ 'a.consistency': ONE_ERROR });
  assert.equal(doc.version, '2.1.0');
  assert.equal(doc.$schema, SARIF_SCHEMA);
  assert.equal(doc.runs.length, 1);
  const driver = doc.runs[0].tool.driver;
  assert.equal(driver.name, 'consistency');
  assert.equal(driver.version, '9.9.9');
  assert.equal(driver.informationUri, TOOL.informationUri);
  assert.deepEqual(
    driver.rules.map((r: Json) => r.id),
    allCodes,
  );
  const ref = driver.rules.find((r: Json) => r.id === 'unknown-reference');
  assert.deepEqual(ref, {
    id: 'unknown-reference',
    shortDescription: { text: codeInfo('unknown-reference').summary },
    helpUri: `${TOOL.rulesDoc}#unknown-reference`,
    defaultConfiguration: { level: 'error' },
    properties: { stage: 'rule', basis: 'unreadable' },
  });
  const syntax = driver.rules.find((r: Json) => r.id === 'syntax-error');
  assert.equal(syntax.helpUri, `${TOOL.rulesDoc}#syntax-error`);
  assert.equal(driver.rules.find((r: Json) => r.id === 'even-consensus-group').defaultConfiguration.level, 'note');
  assert.deepEqual(doc.runs[0].originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///project/' } });
});

test('SARIF results: ruleId, level, message, a relative location with a 1-based region, and the fix', () => {
  const doc = sarif({ 'src/a.consistency': ONE_ERROR });
  const [result] = doc.runs[0].results;
  const region = { startLine: 3, startColumn: 12, endLine: 3, endColumn: 17 };
  const artifactLocation = { uri: 'src/a.consistency', uriBaseId: '%SRCROOT%' };
  assert.equal(result.ruleId, 'unknown-reference');
  assert.equal(doc.runs[0].tool.driver.rules[result.ruleIndex].id, 'unknown-reference');
  assert.equal(result.level, 'error');
  assert.equal(result.message.text, "Unknown topology 'indai'. Did you mean 'india'?");
  assert.deepEqual(result.locations, [{ physicalLocation: { artifactLocation, region } }]);
  assert.deepEqual(result.fixes, [
    {
      description: { text: "Change to 'india'" },
      artifactChanges: [
        { artifactLocation, replacements: [{ deletedRegion: region, insertedContent: { text: 'india' } }] },
      ],
    },
  ]);
  assert.deepEqual(doc.runs[0].artifacts, [{ location: artifactLocation }]);
});

test('SARIF: syntax codes have a rule entry; warnings, infos and hints map to warning and note', () => {
  const doc = sarif({ 'a.consistency': 'data x { consistency strong ??? }' });
  const ids = doc.runs[0].tool.driver.rules.map((r: Json) => r.id);
  assert.ok(ids.includes('syntax-unexpected-character') || ids.includes('syntax-error'), ids.join(', '));
  for (const r of doc.runs[0].results) assert.ok(ids.includes(r.ruleId), r.ruleId);

  const report = reportFor({ 'a.consistency': ONE_ERROR });
  const d = report.diagnostics[0];
  report.diagnostics.push(
    { ...d, severity: 'info', code: 'duplicate-link' },
    { ...d, severity: 'hint' },
    { ...d, severity: 'warning' },
  );
  const levels = JSON.parse(formatSarif(report, TOOL)).runs[0].results.map((r: Json) => r.level);
  assert.deepEqual(levels, ['error', 'note', 'note', 'warning']);
  assert.equal(sarifRules(TOOL.rulesDoc).length, allCodes.length);
});

test('SARIF: files outside the working directory keep an absolute URI; names are percent-encoded', () => {
  const report = reportFor({ 'my dir/a#1.consistency': ONE_ERROR });
  const outside = pathToUri('/elsewhere/b.consistency');
  report.texts.set(outside, 'tier gold {}');
  report.diagnostics[0].related = [{ uri: outside, range: { start: 5, end: 9 }, message: 'see here' }];
  const result = JSON.parse(formatSarif(report, TOOL)).runs[0].results[0];
  assert.deepEqual(result.locations[0].physicalLocation.artifactLocation, {
    uri: 'my%20dir/a%231.consistency',
    uriBaseId: '%SRCROOT%',
  });
  assert.deepEqual(result.relatedLocations, [
    {
      id: 1,
      physicalLocation: {
        artifactLocation: { uri: 'file:///elsewhere/b.consistency' },
        region: { startLine: 1, startColumn: 6, endLine: 1, endColumn: 10 },
      },
      message: { text: 'see here' },
    },
  ]);
});

test('the SARIF output of every sample validates against the SARIF 2.1.0 schema (OASIS, rtm.5)', async () => {
  const { default: Ajv } = await import('ajv');
  const { createRequire } = await import('node:module');
  const { readFileSync, readdirSync } = await import('node:fs');
  const { join } = await import('node:path');
  const require = createRequire(join(process.cwd(), 'package.json'));
  const schema = JSON.parse(
    readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
  );
  // The schema is JSON Schema draft-04: ajv 6 checks it once that meta-schema is added.
  const ajv = new Ajv({ allErrors: true, schemaId: 'auto' });
  ajv.addMetaSchema(JSON.parse(readFileSync(require.resolve('ajv/lib/refs/json-schema-draft-04.json'), 'utf8')));
  const validate = ajv.compile(schema);
  const files = Object.fromEntries(
    ['samples/contradictions', 'samples/clean'].flatMap((dir) =>
      readdirSync(dir).map((f) => [`${dir}/${f}`, readFileSync(`${dir}/${f}`, 'utf8')]),
    ),
  );
  const doc = sarif(files);
  assert.ok(doc.runs[0].results.length > 50, `${doc.runs[0].results.length} results`);
  assert.ok(validate(doc), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  // A broken document does not validate: the schema is really applied.
  assert.equal(validate({ ...doc, version: '2.0.0' }), false);
});
