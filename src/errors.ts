/**
 * An error in what the user gave us (a file, a flag, a value). The CLI prints its message as one line,
 * `worldorder: <where>: <what>`, and exits non-zero; any other error is a bug and keeps its stack.
 */
export class UserError extends Error {
  constructor(
    /** What is wrong, and what would be right. */
    readonly what: string,
    /** Where: `file`, `file:line`, or a flag such as `--set`. */
    readonly where?: string,
  ) {
    super(where ? `${where}: ${what}` : what);
  }
}
