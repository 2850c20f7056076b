import fc from "fast-check";
import * as ts from "typescript";
import { shown, shownJson } from "../../lib/cli/shown";
import { codeLiteral, codeTextList } from "../../lib/live/code-literal";
import { UNSAFE_CHARACTERS } from "../../lib/live/unsafe-characters";
import { BREAKERS } from "./hostile-input";

/** The two doors live text passes: into a program (`codeLiteral`) and onto a terminal (`shown`). */
const anyText = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.array(fc.oneof(fc.constantFrom(...BREAKERS), fc.string({ unit: "binary", maxLength: 4 }))).map((p) => p.join("")),
);

describe("codeLiteral", () => {
  test("any text is one string literal to the TypeScript compiler, whose value is the text", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const literal = codeLiteral(text);
        const file = ts.createSourceFile("x.ts", `const x = ${literal};`, ts.ScriptTarget.ES2022, true);
        const statement = file.statements[0] as ts.VariableStatement;
        expect(file.statements).toHaveLength(1);
        const init = statement.declarationList.declarations[0].initializer;
        expect(init && ts.isStringLiteral(init) && init.text).toBe(text);
        expect(new Function(`return ${literal};`)()).toBe(text);
        // Nothing in it that changes how the program reads.
        expect(literal.match(UNSAFE_CHARACTERS)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  test("refuses anything but text: an object would become code", () => {
    expect(() => codeLiteral({ a: 1 } as unknown as string)).toThrow(TypeError);
    expect(() => codeTextList([["x"]] as unknown as string[])).toThrow(TypeError);
  });
});

describe("shown", () => {
  test("any text is one line without a character a terminal acts on", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const line = shown(text);
        expect(line.match(UNSAFE_CHARACTERS)).toBeNull();
        expect(line).not.toMatch(/[\n\r]/);
      }),
      { numRuns: 500 },
    );
  });

  test("the JSON form has none either, and parses back to the text", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const json = shownJson({ text });
        expect((json.match(UNSAFE_CHARACTERS) ?? []).filter((c) => c !== "\n")).toEqual([]);
        expect(JSON.parse(json).text).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  test("ESC, CSI, separators and bidirectional overrides are written as \\u escapes; other text is left alone", () => {
    expect(shown("a\u001b[31mb\u009b0m\u2028\u202e\u0000é😀")).toBe("a\\u001b[31mb\\u009b0m\\u2028\\u202e\\u0000é😀");
  });
});
