import { shown, shownJson } from "../../lib/cli/shown";

/** Live text the command prints can neither paint over the terminal nor start a line of its own (unit level; cli/hostile-input runs the command). */
describe("shown and shownJson", () => {
  const hostile = "a\u001b[2Jb\nc\u2028d\u202ee\u009bf";

  test("every control, line terminator and bidirectional override is written as \\uXXXX, the rest as it is", () => {
    expect(shown(hostile)).toBe("a\\u001b[2Jb\\u000ac\\u2028d\\u202ee\\u009bf");
    expect(shown("plain text, ünïcode")).toBe("plain text, ünïcode");
  });

  test("--format json escapes what JSON.stringify leaves raw, keeps its own line feeds, and parses back to the value", () => {
    const text = shownJson({ name: hostile });
    expect(text).toBe('{\n  "name": "a\\u001b[2Jb\\nc\\u2028d\\u202ee\\u009bf"\n}');
    expect(JSON.parse(text)).toEqual({ name: hostile });
  });
});
