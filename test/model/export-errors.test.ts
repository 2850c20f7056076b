import { ExportErrors, Operator } from "../../lib";

/** The error `fn` throws. */
function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("nothing was thrown");
}

describe("ExportErrors reads the code of an error in every language", () => {
  test("from a caught error of the library", () => {
    const e = thrownBy(() => Operator.of("Between"));
    expect(ExportErrors.codeOf(e)).toBe("DFE002");
    expect(ExportErrors.hasCode(e, "DFE002")).toBe(true);
    expect(ExportErrors.hasCode(e, "DFE001")).toBe(false);
  });

  test("from the message alone, as Python, Java, C# and Go receive it", () => {
    const message = (thrownBy(() => Operator.of("Between")) as Error).message;
    expect(message).toMatch(/^\[DFE002\] /);
    expect(ExportErrors.codeOf(message)).toBe("DFE002");
  });

  test("from cdktf's message of a failed validation, which names the code after the path", () => {
    expect(ExportErrors.codeOf("Validation failed with the following errors:\n  [stack/export] [DFE070] stack/export: …")).toBe("DFE070");
  });

  test("undefined for errors that are not the library's, and for what is not an error", () => {
    expect(ExportErrors.codeOf(new TypeError("x is not a function"))).toBeUndefined();
    expect(ExportErrors.codeOf("[ABC123] not ours")).toBeUndefined();
    for (const value of [undefined, null, 42, { message: "[DFE002] a plain object" }]) expect(ExportErrors.codeOf(value)).toBeUndefined();
  });

  test("the fix of a code is the catalogue's, undefined for an unknown code", () => {
    expect(ExportErrors.fixOf("DFE002")).toBe("use `Operator.X` or `Operator.of(name)`");
    expect(ExportErrors.fixOf("DFE999")).toBeUndefined();
  });
});
