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

/** The folder of the library's own code (`lib/` here, the compiled `lib/` once installed), without importing node:path (the model stays pure). */
const LIBRARY_ROOT = __dirname.replace(/[\\/][^\\/]+$/, "");

/**
 * Where the user's code called into the library: the first stack frame outside it (`stacks/main.ts:12:5`), if
 * any. None when the library runs under jsii's runtime (which names its host language in `JSII_AGENT`): the
 * caller is then a Python (or Java, C#, Go) program, and every JavaScript frame is the runtime's.
 */
function callerLocation(): string | undefined {
  if (process.env.JSII_AGENT) return undefined;
  const frames = (new Error().stack ?? "").split("\n").slice(1);
  for (const frame of frames) {
    // `at fn (file:1:2)`, or `at file:1:2` for a frame without a function name.
    const file = /\(?((?:[A-Za-z]:)?[^():]+):(\d+):(\d+)\)?$/.exec(frame.trim().replace(/^at\s+/, ""));
    if (
      !file ||
      (file[1].startsWith(LIBRARY_ROOT) && /^[\\/]/.test(file[1].slice(LIBRARY_ROOT.length))) ||
      file[1].startsWith("node:") ||
      /[\\/]node_modules[\\/]/.test(file[1])
    )
      continue;
    const cwd = process.cwd();
    return `${file[1].startsWith(cwd) ? file[1].slice(cwd.length + 1) : file[1]}:${file[2]}`;
  }
  return undefined;
}

/**
 * Runs a factory (`Export.alerts`, `ShardPlan.of`, …) and re-throws any {@link ExportConfigError} with the
 * factory and the place in the user's code that called it in front: a factory runs before any construct
 * exists, so it has no construct path to name.
 */
export function atFactory<T>(factory: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ExportConfigError && !e.message.startsWith(`[${e.code}] ${factory}(`)) {
      const where = callerLocation();
      throw e.at(`${factory}(…)${where ? ` called at ${where}` : ""}`);
    }
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
    // JSON says NaN and Infinity as "null" and cannot say a bigint: say what was given.
    const text =
      typeof value === "function"
        ? "a function"
        : typeof value === "number" && !Number.isFinite(value)
          ? String(value)
          : typeof value === "bigint"
            ? `${value}n`
            : (JSON.stringify(value) ?? String(value));
    return text.length > 80 ? `${text.slice(0, 77)}…` : text;
  }
  try {
    if (Array.isArray(value)) return `a list of ${value.length}`;
    const path = (value as { node?: { path?: unknown } }).node?.path;
    if (typeof path === "string") return `the construct ${path}`;
    const type = (value as object).constructor?.name;
    return typeof type === "string" && type !== "Object" ? `${/^[AEIOU]/i.test(type) ? "an" : "a"} ${type}` : "an object";
  } catch {
    // A getter that throws, a revoked proxy: the value is still an object.
    return "an object";
  }
}
