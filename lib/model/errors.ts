/**
 * The error every check of this library throws.
 *
 * `code` is stable and listed in the README's error catalogue; the message says what is wrong and
 * how to fix it. Constructs prefix the message with their construct path.
 */
export class ExportConfigError extends Error {
  /** Stable identifier of the check that failed, e.g. `DFE006`. */
  public readonly code: string;

  /**
   * @param code stable identifier of the check (see the README's error catalogue)
   * @param message what is wrong and how to fix it
   */
  constructor(code: string, message: string) {
    super(`[${code}] ${message}`);
    this.name = "ExportConfigError";
    this.code = code;
  }

  /** The same error with a construct path in front of the message. */
  public at(path: string): ExportConfigError {
    return new ExportConfigError(this.code, `${path}: ${this.message.slice(this.code.length + 3)}`);
  }
}

/** Runs `fn`, and re-throws any {@link ExportConfigError} with the construct path in front. */
export function atPath<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ExportConfigError) throw e.at(path);
    throw e;
  }
}
