// Test helper: type-checks generated modules with the TypeScript compiler API (strict, noEmit) in memory,
// and evaluates one to read its values back. Library files are parsed once and shared between programs.
import ts from 'typescript';

export const strictOptions: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts'],
  types: [],
  noUnusedLocals: true,
  noImplicitReturns: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noPropertyAccessFromIndexSignature: true,
};

const libCache = new Map<string, ts.SourceFile | undefined>();

/** Every diagnostic (syntactic, semantic, options) of the given in-memory files, formatted `file:line: message`. */
export function compile(files: Record<string, string>, options: ts.CompilerOptions = strictOptions): string[] {
  const base = ts.createCompilerHost(options);
  const names = new Set(Object.keys(files));
  const host: ts.CompilerHost = {
    ...base,
    fileExists: (f) => names.has(f) || base.fileExists(f),
    readFile: (f) => (names.has(f) ? files[f] : base.readFile(f)),
    getSourceFile(fileName, languageVersion) {
      if (names.has(fileName)) return ts.createSourceFile(fileName, files[fileName]!, languageVersion, true);
      if (!libCache.has(fileName)) libCache.set(fileName, base.getSourceFile(fileName, languageVersion));
      return libCache.get(fileName);
    },
    writeFile: () => undefined,
  };
  const program = ts.createProgram([...names], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where =
      d.file && d.start !== undefined
        ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: `
        : '';
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

/** Runs a generated module (transpiled to CommonJS) and returns its exports. */
export function evaluate(source: string): Record<string, unknown> {
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const exports: Record<string, unknown> = {};
  new Function('exports', 'module', js)(exports, { exports });
  return exports;
}

/** The top-level statements of a module, by kind (to check that no input added or removed one). */
export function statementKinds(source: string): string[] {
  const sf = ts.createSourceFile('m.ts', source, ts.ScriptTarget.ES2022, true);
  return sf.statements.map((s) =>
    ts.isVariableStatement(s)
      ? 'VariableStatement'
      : ts.isInterfaceDeclaration(s)
        ? 'InterfaceDeclaration'
        : ts.isTypeAliasDeclaration(s)
          ? 'TypeAliasDeclaration'
          : ts.isExportAssignment(s)
            ? 'ExportAssignment'
            : `other (${ts.SyntaxKind[s.kind]})`,
  );
}
