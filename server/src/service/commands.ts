// Command ids the service puts into CodeLenses; the client registers them (re-exported by lsp/protocol.ts).
export const commands = {
  /** Arguments: the document URI and the data type's name. */
  showEstimate: 'consistency.showEstimate',
} as const;
