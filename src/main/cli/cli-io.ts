export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Standard input for commands that read it (`vigil classify`); process.stdin when absent. */
  stdin?: AsyncIterable<string | Buffer>;
}

/** Exit statuses of the contract (CLI.md): 0 done, 1 done but something failed, 2 usage error. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {
  override name = 'UsageError';
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** One line per error on stderr, naming the file and the problem. */
export function printError(io: CliIo, path: string | null, message: string): void {
  io.stderr.write(`vigil: ${path ? `${path}: ` : ''}${message.replace(/\s*\n\s*/g, ' ')}\n`);
}
