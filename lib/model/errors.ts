/**
 * The error every check of this library throws.
 *
 * `code` is stable and listed in docs/errors.md; the message says what is wrong and
 * how to fix it. Constructs prefix the message with their construct path.
 */
export class ExportConfigError extends Error {
  /** Stable identifier of the check that failed, e.g. `DFE006`. */
  public readonly code: string;

  /**
   * @param code stable identifier of the check (see docs/errors.md)
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

/** The start of every coded message: `[CODE] construct/path: `. Validations and warnings begin with it. */
export function coded(code: string, path: string): string {
  return `[${code}] ${path}: `;
}

/**
 * A value the user gave, in words safe for a message: primitives as JSON (shortened), a construct by
 * its path, any other object by its type. Never the JSON of a construct tree or a secret-bearing object.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null || typeof value !== "object") {
    const text = typeof value === "function" ? "a function" : (JSON.stringify(value) ?? String(value));
    return text.length > 80 ? `${text.slice(0, 77)}…` : text;
  }
  if (Array.isArray(value)) return `a list of ${value.length}`;
  const path = (value as { node?: { path?: unknown } }).node?.path;
  if (typeof path === "string") return `the construct ${path}`;
  const type = (value as object).constructor?.name;
  return type && type !== "Object" ? `a ${type}` : "an object";
}
