// A refusal the command line prints as it is (no stack trace) with its exit code. Its own module with no
// imports, so that `oko --version` and `oko help` load nothing else.
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
