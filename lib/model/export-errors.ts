import { ERROR_CATALOGUE } from "./error-catalogue";

/** A code in a message: `[DFE006]` (an error), `[DFW001]` (a warning) or `[DFC012]` (a check of the check pack). */
const CODE = /\[(DF[ECW]\d{3})\]/;

/**
 * Reads the stable code (`DFE006`) of an error this library threw, in every language.
 *
 * Every error the library throws has a message that starts with its code in brackets, `[DFE006] path: what
 * is wrong and how to fix it`; a validation that fails at synth names it as well (`Validation failed with the
 * following errors: [path] [DFE070] …`). In TypeScript, pass the caught error; in Python, Java, C# and Go the
 * error arrives as the language's exception with the same message (in Python a `RuntimeError`, or jsii's
 * `JSIIError`): pass its message (`ExportErrors.code_of(str(e))`). docs/errors.md lists every code.
 */
export class ExportErrors {
  /**
   * The code of an error of this library, from the error or its message; undefined for any other error.
   * @param thrown the caught error, or its message
   */
  public static codeOf(thrown: unknown): string | undefined {
    const message = typeof thrown === "string" ? thrown : thrown instanceof Error ? thrown.message : undefined;
    return message === undefined ? undefined : CODE.exec(message)?.[1];
  }

  /**
   * Whether an error (or its message) carries this code.
   * @param thrown the caught error, or its message
   * @param code the code, e.g. `DFE006`
   */
  public static hasCode(thrown: unknown, code: string): boolean {
    return ExportErrors.codeOf(thrown) === code;
  }

  /**
   * What to do about a code, as docs/errors.md says it; undefined for a code the library does not report.
   * @param code the code, e.g. `DFE006`
   */
  public static fixOf(code: string): string | undefined {
    return ERROR_CATALOGUE.find((e) => e.code === code)?.fix;
  }

  private constructor() {}
}
