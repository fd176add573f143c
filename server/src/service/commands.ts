// Command ids the service puts into CodeLenses; the client registers them (re-exported by lsp/protocol.ts).
export const commands = {
  /** Arguments: the document URI and the data type's name. */
  showEstimate: 'consistency.showEstimate',
  /** Arguments: the document URI. Writes the policy's generated TypeScript module beside it. */
  exportTypeScript: 'consistency.exportTypeScript',
  /** Arguments: the document URI, 'data' or 'scenario', and the name. Runs the simulator, shows the results panel. */
  simulate: 'consistency.simulate',
} as const;
