// Request handlers that never throw: a cancelled request answers RequestCancelled, an exception is logged
// and answered with the handler's neutral value, so the server keeps running whatever it is sent.
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';

export type Logger = (message: string) => void;

export function safe<P, R>(name: string, log: Logger, fallback: R, handler: (params: P) => R | ResponseError<void>) {
  return (params: P, token?: CancellationToken): R | ResponseError<void> => {
    if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, `${name} cancelled`);
    try {
      return handler(params);
    } catch (e) {
      log(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return fallback;
    }
  };
}

/** A refusal from the service (`{ error }`) as the LSP error the client shows to the user. */
export function refusal<R>(result: R | { error: string }): R | ResponseError<void> {
  if (result && typeof result === 'object' && 'error' in result && typeof result.error === 'string') {
    return new ResponseError(LSPErrorCodes.RequestFailed, result.error);
  }
  return result as R;
}
