/**
 * An error in what the user gave us (a file, a flag, a value). The CLI prints it as one line,
 * `worldorder: <where>: <what>`, and exits non-zero; anything else is a bug and keeps its stack.
 */
export class UserError extends Error {
  constructor(
    message: string,
    /** Where: `file`, `file:line`, or a flag such as `--set`. */
    readonly where?: string,
  ) {
    super(message);
  }

  override toString(): string {
    return this.where ? `${this.where}: ${this.message}` : this.message;
  }
}
