// Entry point of the language server (out/server.cjs): the transport comes from the command line
// (--stdio, --node-ipc or --socket=N); nothing that goes wrong may end the process.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
const report = (what: string) => (e: unknown) =>
  connection.console.error(`${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
process.on('uncaughtException', report('uncaught exception'));
process.on('unhandledRejection', report('unhandled rejection'));
startServer(connection);
