// Extension tests that run INSIDE the VS Code extension host (code-server's dev-mode `extensionTestsPath`, or
// @vscode/test-electron): the extension's wiring checked through the vscode API against what the language
// service computed (CONSISTENCY_E2E_EXPECTED, a JSON file from test/e2e/expected.ts). Results go to the JSON
// file CONSISTENCY_E2E_RESULT, because the extension host exits with code 0 even when run() throws.
const vscode = require('vscode');
const fs = require('node:fs');
const assert = require('node:assert/strict');

const EXTENSION_ID = 'consistency-tools.consistency-policies';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function until(what, timeoutMs, condition) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await condition();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await sleep(100);
  }
}

const diagnostics = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'consistency');
const plainRange = (r) => ({ start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } });
const hoverTexts = (hovers) => (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));

exports.run = async function run() {
  const resultFile = process.env.CONSISTENCY_E2E_RESULT;
  const expected = JSON.parse(fs.readFileSync(process.env.CONSISTENCY_E2E_EXPECTED, 'utf8'));
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const results = [];
  const write = () => resultFile && fs.writeFileSync(resultFile, JSON.stringify({ done: false, node: process.version, vscode: vscode.version, results }, null, 2));
  const check = async (name, fn) => {
    const t0 = Date.now();
    try {
      await Promise.race([fn(), sleep(30_000).then(() => { throw new Error('timed out after 30 s'); })]);
      results.push({ name, ok: true, ms: Date.now() - t0 });
    } catch (e) {
      results.push({ name, ok: false, ms: Date.now() - t0, error: String((e && e.stack) || e) });
    }
    write();
  };

  /** A diagnostic's code: a string, or `{ value, target }` when the server links it to its documentation. */
  const codeOf = (d) => (typeof d.code === 'object' && d.code !== null ? d.code.value : d.code);

  const file = expected[0];
  const uri = vscode.Uri.parse(file.uri);
  const want = file.diagnostics[0];
  let doc;

  await check('the extension activates on a .consistency file, which is in language "consistency"', async () => {
    assert.ok(folder, 'a workspace folder is open');
    doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'consistency');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    await until('the extension is active', 20_000, () => ext.isActive);
  });

  await check('diagnostics: the contradiction with its code, range and message', async () => {
    const got = await until('diagnostics arrive', 20_000, () => diagnostics(uri).length > 0 && diagnostics(uri));
    assert.deepEqual(got.map((d) => [codeOf(d), d.message, plainRange(d.range), d.severity]), [[want.code, want.message, want.range, vscode.DiagnosticSeverity.Error]]);
  });

  await check('hover on a data type: its estimate, as the service computes it', async () => {
    const lens = file.lenses[0];
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(lens.range.start.line, lens.range.start.character + 1));
    assert.deepEqual(hoverTexts(hovers), [file.hovers[lens.arguments[1]]]);
  });

  await check('CodeLens: one estimate per data type (consistency.showEstimate), and Export TypeScript once', async () => {
    const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri, 10);
    assert.deepEqual(lenses.map((l) => [l.command?.title, l.command?.command, l.command?.arguments?.[1]]), [...file.lenses]
      .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character) // VS Code orders lenses by position
      .map((l) => [l.title, l.command, l.arguments[1]]));
  });

  await check('consistency.showEstimate shows the estimate in a markdown preview', async () => {
    const name = file.lenses[0].arguments[1];
    const markdown = await vscode.commands.executeCommand('consistency.showEstimate', file.uri, name);
    assert.equal(markdown, file.hovers[name]);
    await until('a preview tab of the estimate opens', 10_000, () =>
      vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.label.includes(`Estimate ${name}`))),
    );
  });

  await check('consistency.simulate: the server\'s worker gives the service\'s exact summary; the panel opens; the CodeLens shows the last run', async () => {
    const lens = file.lenses.find((l) => l.command === 'consistency.simulate');
    const [, kind, name] = lens.arguments;
    const r = await vscode.commands.executeCommand('consistency.simulate', file.uri, kind, name, 42);
    assert.equal(r.summary, file.simulations[name]['42']);
    assert.equal(r.result.scenario.seed, 42);
    assert.ok(r.result.data[0].write.histogram.length > 0, 'the results carry the latency histogram');
    await until('the results panel opens', 10_000, () => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.label === `Simulation: ${name}`)));
    await until('the CodeLens shows the last run', 10_000, async () => {
      const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri, 10);
      return lenses.some((l) => l.command?.command === 'consistency.simulate' && l.command.arguments[2] === name && l.command.title === `▶ Simulate · last run: ${r.summary}`);
    });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.window.showTextDocument(doc);
  });

  await check('go to definition of a built-in tier opens the read-only builtin: document', async () => {
    const at = doc.getText().indexOf('rbi.statement') + 5;
    const defs = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', uri, doc.positionAt(at));
    const target = defs[0].targetUri ?? defs[0].uri;
    assert.equal(target.scheme, 'builtin');
    const builtin = await vscode.workspace.openTextDocument(target);
    assert.match(builtin.getText(), /tier rbi\.statement \{/);
    assert.equal(builtin.languageId, 'consistency');
    const range = defs[0].targetSelectionRange ?? defs[0].range;
    assert.equal(builtin.getText(range), 'rbi.statement');
  });

  await check('settings are forwarded: consistency.rules turns the rule off and back on', async () => {
    const config = vscode.workspace.getConfiguration('consistency');
    await config.update('rules', { [want.code]: 'off' }, vscode.ConfigurationTarget.Global);
    try {
      await until('the diagnostic goes', 15_000, () => diagnostics(uri).length === 0);
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Global);
    }
    await until('the diagnostic comes back', 15_000, () => diagnostics(uri).some((d) => codeOf(d) === want.code));
  });

  await check('file events are forwarded: a new file on disk is checked, and forgotten when deleted', async () => {
    const extra = vscode.Uri.joinPath(folder, 'extra.consistency');
    const text = 'data ledger {\n  category banking\n  conflict last_writer_wins\n}\n';
    fs.writeFileSync(extra.fsPath, text);
    try {
      await until('the new file has its diagnostic', 15_000, () => diagnostics(extra).some((d) => codeOf(d) === 'lww-on-money'));
    } finally {
      fs.rmSync(extra.fsPath, { force: true });
    }
    await until('the deleted file has no diagnostics', 15_000, () => diagnostics(extra).length === 0);
  });

  await check('consistency.exportTypeScript writes <name>.consistency.ts beside the policy and opens it', async () => {
    const policy = vscode.Uri.joinPath(folder, 'bank.consistency');
    fs.writeFileSync(policy.fsPath, 'topology net {\n  region pune { replicas 3 primary }\n}\ndata ledger {\n  topology net\n  consistency strong\n}\n');
    const target = vscode.Uri.joinPath(folder, 'bank.consistency.ts');
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(policy));
      const written = await vscode.commands.executeCommand('consistency.exportTypeScript', policy.toString());
      assert.equal(written?.toString(), target.toString());
      assert.match(fs.readFileSync(target.fsPath, 'utf8'), /^\/\/ @generated by consistency export[^\n]*\n[\s\S]*ledger/);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString());
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(policy.fsPath, { force: true });
      fs.rmSync(target.fsPath, { force: true });
    }
  });

  await check('quick fix: the code actions are the fixes; the first applied removes the diagnostic', async () => {
    await vscode.window.showTextDocument(doc);
    const d = diagnostics(uri).find((x) => codeOf(x) === want.code);
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(actions.map((a) => a.title), want.fixes);
    assert.ok(await vscode.workspace.applyEdit(actions[0].edit));
    assert.match(doc.lineAt(want.range.start.line).text, /conflict abort$/);
    await until('the diagnostic goes after the fix', 15_000, () => diagnostics(uri).length === 0);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  if (resultFile) fs.writeFileSync(resultFile, JSON.stringify({ done: true, node: process.version, vscode: vscode.version, results }, null, 2));
  const failed = results.filter((r) => !r.ok);
  if (failed.length) throw new Error(`${failed.length} extension test(s) failed: ${failed.map((f) => f.name).join('; ')}`);
};
