import { spawnSync } from "node:child_process";
import { closeSync, linkSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import fc from "fast-check";
import { runDiagram } from "../../lib/cli/diagram-command";
import { EXIT, runCli } from "../../lib/cli/run";
import { readInputText } from "../../lib/cli/read-input";
import { codeTextMap } from "../../lib/live/code-literal";
import { LIVE_LIMITS } from "../../lib/live/limits";
import { UNSAFE_CHARACTERS } from "../../lib/live/unsafe-characters";
import { FIELDS, hostileText, liveExport, wrongTyped } from "../live/hostile-input";
import { synthesizeProgram } from "../live/live-fixtures";

/**
 * The command against hostile sizes, shapes and text: one line per problem and exit 2 for any input it
 * cannot read, never a stack trace; live text shown escaped in every format; output never over its input;
 * the types of live fields checked.
 */
const work = mkdtempSync(join(tmpdir(), "dfe-hostile-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(args: string[], stdin = "", stdinFd?: number): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = runCli(args, { stdin: () => stdin, out: (t) => (out += t), err: (t) => (err += t), stdinFd });
  return { code, out, err };
}
let files = 0;
function file(content: string | Buffer | unknown): string {
  const path = join(work, `input-${++files}.json`);
  writeFileSync(path, typeof content === "string" || Buffer.isBuffer(content) ? content : JSON.stringify(content));
  return path;
}
/** Characters a terminal would act on; the layout's own line feeds aside. */
const unsafeIn = (text: string) => [...text.matchAll(UNSAFE_CHARACTERS)].map((m) => m[0]).filter((c) => c !== "\n");
/** Every line the command writes to standard error when it refuses input: its name, the command, a code. */
const REFUSAL_LINE = /^cdktf-defender-export (lint|explain|import): \[DFE15\d\] \S/;

/** What every run must hold, whatever the input. */
function expectWellBehaved(result: { code: number; out: string; err: string }, command: string, format: string): void {
  expect([EXIT.ok, EXIT.findings, EXIT.usage]).toContain(result.code);
  expect(unsafeIn(result.out)).toEqual([]);
  expect(unsafeIn(result.err)).toEqual([]);
  expect(result.err).not.toMatch(/\n\s+at |TypeError|RangeError|SyntaxError|Maximum call stack/);
  if (result.code === EXIT.usage) {
    expect(result.out).toBe("");
    for (const line of result.err.trimEnd().split("\n")) expect(line).toMatch(REFUSAL_LINE);
    return;
  }
  expect(result.err).toBe("");
  if (format === "json" && command !== "import") JSON.parse(result.out);
  else if (command === "lint") {
    const lines = result.out.trimEnd().split("\n");
    // A finding is two lines (its code and automation, then its message); the summary one.
    expect(lines.pop()).toMatch(/^\d+ errors?, \d+ warnings? in \d+ automations?$/);
    lines.forEach((line, i) => expect(line).toMatch(i % 2 === 0 ? /^(error|warning) +DFC\d{3} {2}\S/ : /^ {9}\S/));
  }
}

describe("hostile text and values at every field", () => {
  test.each(FIELDS.map((f) => [f.name, f] as const))("%s: every command, every format", (_name, field) => {
    fc.assert(
      fc.property(
        fc.oneof(hostileText, wrongTyped),
        fc.constantFrom("lint", "explain", "import"),
        fc.constantFrom("text", "json"),
        (value, command, format) => {
          const input = file(field.put(value));
          const args = command === "import" ? ["import", input, "--out", join(work, "program.ts"), "--force"] : [command, input, "--format", format];
          expectWellBehaved(run(args), command, format);
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe("inputs that are not what the command reads: one coded line each, exit 2", () => {
  const deep = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;
  const automation = liveExport()[0];
  test.each([
    ["a number", "5", /\[DFE150\] .* holds neither an automation nor a list of them: .*got a number 5\./],
    ["text", '"automations"', /\[DFE150\] .*got text "automations"\./],
    ["null", "null", /\[DFE150\] .*got null\./],
    ["a boolean", "true", /\[DFE150\] .*got a boolean true\./],
    ["an empty file", "", /\[DFE150\] .* is not JSON/],
    ["not JSON", "{ not json", /\[DFE150\] .* is not JSON \(/],
    ["a huge number where an automation is", "[1e999]", /\[DFE151\] .*item 1 is not an object \(an automation\), got a number Infinity\./],
    ["5,000-deep nesting", deep(5000), /\[DFE154\] .* nests arrays and objects deeper than 64 levels/],
    [
      "65-deep nesting inside an automation",
      JSON.stringify({ ...automation, tags: JSON.parse(`${"[".repeat(64)}1${"]".repeat(64)}`) }),
      /\[DFE154\]/,
    ],
    [
      "null in scopes",
      JSON.stringify({ ...automation, properties: { ...automation.properties, scopes: [null] } }),
      /\[DFE151\] .*`properties\.scopes\[0\]` must be an object, got null\./,
    ],
    [
      "a number as an expected value",
      JSON.stringify({
        ...automation,
        properties: {
          ...automation.properties,
          sources: [
            {
              eventSource: "Alerts",
              ruleSets: [{ rules: [{ propertyJPath: "Severity", operator: "Equals", expectedValue: 5, propertyType: "String" }] }],
            },
          ],
        },
      }),
      /\[DFE151\] .*`properties\.sources\[0\]\.ruleSets\[0\]\.rules\[0\]\.expectedValue` must be text, got a number 5\./,
    ],
    [
      "an object as a JPath",
      JSON.stringify({
        ...automation,
        properties: {
          ...automation.properties,
          sources: [
            {
              eventSource: "Alerts",
              ruleSets: [{ rules: [{ propertyJPath: { a: 1 }, operator: "Equals", expectedValue: "x", propertyType: "String" }] }],
            },
          ],
        },
      }),
      /propertyJPath` must be text, got an object\./,
    ],
    [
      "a list as an action id",
      JSON.stringify({ ...automation, properties: { ...automation.properties, actions: [{ actionType: "Workspace", workspaceResourceId: ["x"] }] } }),
      /workspaceResourceId` must be text, got a list of 1\./,
    ],
    ["`__proto__` as the item", '[{"__proto__": {"id": "x", "properties": {}}}]', /\[DFE151\] .*has no automation id .*got nothing\./],
    [
      "an inherited `constructor` read as a field",
      '{"value": [{"constructor": 1, "id": 1}]}',
      /\[DFE151\] .*has no automation id .*got a number 1\./,
    ],
  ])("%s", (_name, text, message) => {
    for (const command of ["lint", "explain", "import"]) {
      const input = file(text);
      const result = run(command === "import" ? [command, input, "--out", join(work, "never.ts")] : [command, input]);
      expect(result.code).toBe(EXIT.usage);
      expect(result.err).toMatch(message);
      expectWellBehaved(result, command, "text");
    }
  });

  test("every problem of every automation is said, one line each, before anything is done", () => {
    const [a, b] = liveExport();
    const bad = [
      { ...a, properties: { ...a.properties, scopes: [null, { scopePath: 7 }] } },
      { ...b, properties: { ...b.properties, actions: [{ actionType: false }] } },
    ];
    const { code, err } = run(["lint", file(bad)]);
    expect(code).toBe(EXIT.usage);
    expect(err.trimEnd().split("\n")).toEqual([
      expect.stringMatching(/item 1 .*`properties\.scopes\[0\]` must be an object, got null\.$/),
      expect.stringMatching(/item 1 .*`properties\.scopes\[1\]\.scopePath` must be text, got a number 7\.$/),
      expect.stringMatching(/item 2 .*`properties\.actions\[0\]\.actionType` must be text, got a boolean false\.$/),
    ]);
  });

  test("a byte order mark (UTF-8, UTF-16 as Windows PowerShell writes) is read; bytes that are no text are refused", () => {
    const json = JSON.stringify(liveExport());
    expect(run(["lint", file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]))]).code).toBe(EXIT.ok);
    expect(run(["lint", file(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, "utf16le")]))]).code).toBe(EXIT.ok);
    expect(run(["lint", "-"], `\ufeff${json}`).code).toBe(EXIT.ok);
    const broken = run(["lint", file(Buffer.from([0x5b, 0xc3, 0x28, 0x5d]))]);
    expect(broken).toMatchObject({ code: EXIT.usage, err: expect.stringMatching(/\[DFE150\] .* is not text in UTF-8/) });
  });

  test("a directory as input: one line, exit 2", () => {
    expect(run(["lint", work])).toMatchObject({
      code: EXIT.usage,
      err: expect.stringMatching(/^cdktf-defender-export lint: \[DFE156\] cannot read .*: EISDIR: [^\n]*\n$/),
    });
  });
});

describe("bounded work: each limit refused with its code before the work", () => {
  test(`more than ${LIVE_LIMITS.inputBytes} bytes: a file by its size (not read), anything else while reading`, () => {
    const big = join(work, "big.json");
    const fd = openSync(big, "w");
    closeSync(fd);
    require("node:fs").truncateSync(big, LIVE_LIMITS.inputBytes + 1); // sparse: no disk, no read
    expect(run(["lint", big])).toMatchObject({
      code: EXIT.usage,
      err: expect.stringMatching(/\[DFE153\] .*big\.json is larger than 268435456 bytes/),
    });
    // A stream without a size (a pipe, a device) is read up to the limit, then refused.
    expect(() => readInputText("/dev/zero", "the stream")).toThrow(/\[DFE153\] the stream is larger than/);
  });

  test(`more than ${LIVE_LIMITS.automations} automations`, () => {
    const text = `[${Array.from({ length: LIVE_LIMITS.automations + 1 }, () => "{}").join(",")}]`;
    expect(run(["lint", file(text)])).toMatchObject({
      code: EXIT.usage,
      err: expect.stringMatching(/\[DFE155\] .* holds 100001 automations; the command reads at most 100000/),
    });
  });

  test(`more than ${LIVE_LIMITS.rulesPerAutomation} rules in one automation`, () => {
    const a = liveExport()[0];
    const rules = Array.from({ length: LIVE_LIMITS.rulesPerAutomation + 1 }, (_, i) => ({
      propertyJPath: "Severity",
      operator: "Equals",
      expectedValue: `v${i}`,
      propertyType: "String",
    }));
    const input = { ...a, properties: { ...a.properties, sources: [{ eventSource: "Alerts", ruleSets: [{ rules }] }] } };
    expect(run(["lint", file(input)])).toMatchObject({
      code: EXIT.usage,
      err: expect.stringMatching(/\[DFE155\] .* has 10001 rules; the command reads at most 10000 per automation/),
    });
  });
});

describe("the types of live fields: a wrong type is a finding (DFC055), never a guess", () => {
  const withProps = (extra: object, top: object = {}) => {
    const a = liveExport()[0];
    return { ...a, ...top, properties: { ...a.properties, ...extra } };
  };
  test.each([
    ['`isEnabled: "false"`', withProps({ isEnabled: "false" }), 'properties.isEnabled` must be true or false, got text "false"'],
    ["`isEnabled: 0`", withProps({ isEnabled: 0 }), "properties.isEnabled` must be true or false, got a number 0"],
    ["an object description", withProps({ description: { text: "x" } }), "properties.description` must be text, got an object"],
    ["a number location", withProps({}, { location: 5 }), "`location` must be a region as text, got a number 5"],
    ["tags as a list", withProps({}, { tags: ["a"] }), "`tags` must be an object of texts, got a list of 1"],
    ["a tag value that is a number", withProps({}, { tags: { owner: 1 } }), 'the tag "owner" must have a text value, got a number 1'],
    ["a name that is not the id's", withProps({}, { name: "Other" }), '`name` is text "Other" but the id names text "ExportToWorkspace"'],
    [
      "a scope description that is a list",
      withProps({ scopes: [{ scopePath: "/subscriptions/00000000-0000-0000-0000-00000000a11e", description: [] }] }),
      "scopes[0].description` must be text, got a list of 0",
    ],
    [
      "isTrustedServiceEnabled as text",
      withProps({ actions: [{ ...liveExport()[0].properties.actions[0], isTrustedServiceEnabled: "true" }] }),
      'isTrustedServiceEnabled` must be true or false, got text "true"',
    ],
    [
      "a connection string that is an object",
      withProps({ actions: [{ ...liveExport()[0].properties.actions[0], connectionString: {} }] }),
      "connectionString` must be text (Azure leaves it out of reads), got an object",
    ],
  ])("%s: lint finds it, explain says it, import leaves the automation out", (_name, input, message) => {
    const lint = run(["lint", file(input), "--format", "json"]);
    expect(lint.code).toBe(EXIT.findings);
    expect(JSON.parse(lint.out).findings).toContainEqual(
      expect.objectContaining({ ruleId: "DFC055", level: "error", message: expect.stringContaining(message) }),
    );
    const explain = run(["explain", file(input)]);
    expect(explain.out).toContain("[DFC055]");
    const out = join(work, "typed.ts");
    const imported = run(["import", file(input), "--out", out, "--force"]);
    expect(imported.code).toBe(EXIT.findings);
    expect(imported.out).toContain("0 of 1 automations adopted");
    expect(imported.out).toMatch(/left out {2}.*\n {10}\[DFC055\]/);
  });

  test('explain does not call an automation with `isEnabled: "false"` enabled or disabled', () => {
    const { out } = run(["explain", file(withProps({ isEnabled: "false" }))]);
    expect(out.split("\n")[0]).toMatch(/, isEnabled unreadable\)$/);
  });
});

describe("keys that are JavaScript's own: `__proto__`, `constructor`", () => {
  const withTags = (extra: string) => {
    const [a] = liveExport();
    return `[${JSON.stringify(a).replace('"tags":{', `"tags":{${extra},`)}]`;
  };

  test("`constructor` and `hasOwnProperty` tags are read, written into the program and synthesized as the tags they are", () => {
    const out = join(work, "ctor.ts");
    expect(run(["import", file(withTags('"constructor":"ctor-tag","hasOwnProperty":"h"')), "--out", out, "--force"]).code).toBe(EXIT.ok);
    const program = readFileSync(out, "utf8");
    expect(program).toContain('tags: { "constructor": "ctor-tag", "hasOwnProperty": "h", "owner": "secops", "cost-center": "42" }');
    const json = synthesizeProgram(program);
    const automation = Object.values(json.resource.azapi_resource as object).find((r: { type: string }) =>
      r.type.startsWith("Microsoft.Security/automations"),
    );
    expect(automation.tags).toEqual({ constructor: "ctor-tag", hasOwnProperty: "h", owner: "secops", "cost-center": "42" });
  });

  test("a `__proto__` tag is read as a tag, not a prototype; import leaves the automation out (cdktf would drop the tag) and says why", () => {
    const input = file(withTags('"__proto__":"proto-tag"'));
    const lint = run(["lint", input, "--format", "json"]);
    expect(JSON.parse(lint.out)).toMatchObject({ errors: 0, checked: 1 });
    const out = join(work, "proto.ts");
    const imported = run(["import", input, "--out", out, "--force"]);
    expect(imported.code).toBe(EXIT.findings);
    expect(imported.out).toMatch(/left out .*\n {10}\[DFE122\] .*the tag "__proto__" is not one/);
    expect(readFileSync(out, "utf8")).not.toContain("proto-tag");
  });

  test("the program's tags literal keeps `__proto__` a key (a computed key), should the library take it", () => {
    const literal = codeTextMap([
      ["__proto__", "x"],
      ["constructor", "y"],
    ]);
    expect(literal).toBe('{ ["__proto__"]: "x", "constructor": "y" }');
    const value = new Function(`return ${literal};`)();
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.entries(value)).toEqual([
      ["__proto__", "x"],
      ["constructor", "y"],
    ]);
  });
});

describe("live text is shown escaped, in every format", () => {
  const paint = "\u001b[2J\u001b[32m0 errors, 0 warnings in 1 automation\u001b[0m\n\u2028\u202eok";
  const input = () => {
    const a = liveExport()[0];
    return { ...a, properties: { ...a.properties, sources: [{ eventSource: paint, ruleSets: null }] } };
  };
  test("text: the escape sequences are written as \\u001b, the line terminators too, so no line is painted or forged", () => {
    const { code, out } = run(["lint", file(input())]);
    expect(code).toBe(EXIT.findings);
    expect(out).toContain('event source "\\u001b[2J\\u001b[32m0 errors, 0 warnings in 1 automation\\u001b[0m\\u000a\\u2028\\u202eok" is rejected');
    expect(out.trimEnd().split("\n").pop()).toBe("1 error, 0 warnings in 1 automation");
    for (const command of ["explain"]) expect(unsafeIn(run([command, file(input())]).out)).toEqual([]);
  });
  test("json: the same characters as \\u escapes; the document reads back to the live text", () => {
    const { out } = run(["lint", file(input()), "--format", "json"]);
    expect(unsafeIn(out)).toEqual([]);
    expect(JSON.parse(out).findings[0].message).toContain(paint);
  });
  test("command-line text too: a file name with an escape sequence", () => {
    const { err } = run(["lint", join(work, "\u001b[31mmissing.json")]);
    expect(err).toContain("\\u001b[31mmissing.json");
    expect(unsafeIn(err)).toEqual([]);
  });
});

describe("--out never writes over its input", () => {
  const text = JSON.stringify(liveExport());
  test.each([
    ["the same path", (input: string) => input],
    ["a relative path with ..", (input: string) => relative(process.cwd(), join(work, "sub", "..", input.split("/").pop()!))],
    [
      "a symbolic link to it",
      (input: string) => {
        const link = join(work, `link-${files}.ts`);
        symlinkSync(input, link);
        return link;
      },
    ],
    [
      "a hard link to it",
      (input: string) => {
        const link = join(work, `hard-${files}.ts`);
        linkSync(input, link);
        return link;
      },
    ],
  ])("%s: refused (DFE152), the input unchanged", (_name, outFor) => {
    const input = file(text);
    const { code, err } = run(["import", input, "--out", outFor(input), "--force"]);
    expect(code).toBe(EXIT.usage);
    expect(err).toMatch(/\[DFE152\] --out .* is the input .*: writing there would destroy it/);
    expect(readFileSync(input, "utf8")).toBe(text);
  });

  test("standard input opened on the very file (import - --out f < f)", () => {
    const input = file(text);
    const fd = openSync(input, "r");
    try {
      expect(run(["import", "-", "--out", input], text, fd)).toMatchObject({ code: EXIT.usage, err: expect.stringContaining("[DFE152]") });
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(input, "utf8")).toBe(text);
  });

  test("another file is written", () => {
    expect(run(["import", file(text), "--out", join(work, "fresh.ts")]).code).toBe(EXIT.ok);
  });

  test("a directory as --out: one line, exit 2", () => {
    expect(run(["import", file(text), "--out", work])).toMatchObject({
      code: EXIT.usage,
      err: expect.stringMatching(/\[DFE156\] cannot write .*: EISDIR/),
    });
  });
});

describe("the command as a process (lib/cli/main.ts)", () => {
  const main = (args: string[], input: string) =>
    spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", join(__dirname, "..", "..", "lib", "cli", "main.ts"), ...args], {
      input,
      encoding: "utf8",
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "1" },
    });

  test("standard input: bounded, decoded, and any unreadable input is one coded line and exit 2", () => {
    const deep = main(["lint", "-"], `${"[".repeat(5000)}${"]".repeat(5000)}`);
    expect({ status: deep.status, stdout: deep.stdout }).toEqual({ status: EXIT.usage, stdout: "" });
    expect(deep.stderr).toMatch(/^cdktf-defender-export lint: \[DFE154\] standard input nests arrays and objects deeper than 64 levels[^\n]*\n$/);
    const clean = main(["lint", "-"], `\ufeff${JSON.stringify(liveExport())}`);
    expect(clean).toMatchObject({ status: EXIT.ok, stdout: "0 errors, 0 warnings in 3 automations\n", stderr: "" });
  });

  test("a reader that stops early (| head) ends the output quietly, with the exit code so far", () => {
    const [a] = liveExport();
    const broken = (i: number) => ({
      ...a,
      id: a.id.replace("/rg-sec/", `/rg-${i}/`),
      name: undefined,
      properties: {
        ...a.properties,
        sources: [
          {
            eventSource: "Alerts",
            ruleSets: [
              { rules: [1, 2].map((n) => ({ propertyJPath: "Severity", operator: "Equals", expectedValue: `v${n}`, propertyType: "String" })) },
            ],
          },
        ],
      },
    });
    const input = file(Array.from({ length: 3000 }, (_, i) => broken(i)));
    const command = `"${process.execPath}" -r ts-node/register/transpile-only "${join(__dirname, "..", "..", "lib", "cli", "main.ts")}" lint "${input}"`;
    const piped = spawnSync("bash", ["-c", `${command} | head -c 10 > /dev/null; echo "exit \${PIPESTATUS[0]}"`], {
      encoding: "utf8",
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "1" },
    });
    expect({ stdout: piped.stdout, stderr: piped.stderr }).toEqual({ stdout: `exit ${EXIT.findings}\n`, stderr: "" });
  });
});

describe("construct ids from live names", () => {
  test("stay unique when names, groups and subscriptions clean to the same letters, so the program synthesizes", () => {
    const [a] = liveExport();
    const named = (name: string, group: string) => ({
      ...a,
      name,
      id: a.id.replace("/rg-sec/", `/${group}/`).replace(/automations\/.*$/, `automations/${name}`),
      properties: { ...a.properties, actions: a.properties.actions, scopes: [{ scopePath: a.id.split("/").slice(0, 3).join("/") }] },
    });
    const sub = a.id.split("/")[2];
    // The names take the candidates the last one would get (its name with its group, its subscription, both).
    const input = [
      named("X-5", "rg-0"),
      named("X-rg-1", "rg-0"),
      named(`X-${sub}`, "rg-0"),
      named(`X-rg-1-${sub}`, "rg-0"),
      named("X", "rg-1"),
      named("X", "rg.1"),
    ];
    const out = join(work, "ids.ts");
    expect(run(["import", file(input), "--out", out, "--force"])).toMatchObject({ code: EXIT.ok });
    const program = readFileSync(out, "utf8");
    const ids = [...program.matchAll(/new ContinuousExport\(this, "([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(6);
    expect(new Set(ids.map((i) => i.toLowerCase())).size).toBe(6);
    const json = synthesizeProgram(program);
    expect(
      Object.values(json.resource.azapi_resource as object).filter((r: { type: string }) => r.type.startsWith("Microsoft.Security/automations")),
    ).toHaveLength(6);
  });
});

test("JavaScript's own names as live values are values: an action type `constructor` gets the list, not Object's source", () => {
  const a = liveExport()[0];
  const input = { ...a, properties: { ...a.properties, actions: [{ actionType: "constructor", workspaceResourceId: "x" }] } };
  const { code, out } = run(["lint", file(input)]);
  expect(code).toBe(EXIT.findings);
  expect(out).toContain('action type "constructor" is rejected by azurerm 5.x and the REST API. Use one of: Workspace, EventHub, LogicApp.');
  expect(out).not.toContain("native code");
});

test("an automation listed twice (overlapping Resource Graph pages, or its id in another letter case) is adopted once", () => {
  const [a] = liveExport();
  const again = { ...a, id: a.id.replace("rg-sec", "RG-SEC") };
  const out = join(work, "twice.ts");
  const result = run(["import", file([a, again]), "--out", out, "--force"]);
  expect(result.code).toBe(EXIT.findings);
  expect(result.out).toContain("1 of 2 automations adopted");
  expect(result.out).toContain("the input lists this automation again (ids compare case-insensitively)");
  expect(synthesizeProgram(readFileSync(out, "utf8")).resource.azapi_resource).toBeDefined();
});

describe("diagram reads and writes through the same doors", () => {
  const draw = async (args: string[]) => {
    let out = "";
    let err = "";
    const code = await runDiagram(args, { stdin: () => "", out: (t) => (out += t), err: (t) => (err += t) });
    return { code, out, err };
  };

  test("hostile sizes and shapes: one coded line, exit 2", async () => {
    const deep = await draw([file(`${"[".repeat(5000)}${"]".repeat(5000)}`), "--format", "dot"]);
    expect(deep).toMatchObject({ code: EXIT.usage, out: "" });
    expect(deep.err).toMatch(/^cdktf-defender-export diagram: \[DFE154\] [^\n]*\n$/);
    const painted = await draw([join(work, "\u001b[2Jmissing.json"), "--format", "dot"]);
    expect(painted.err).toMatch(/^cdktf-defender-export diagram: \[DFE156\] cannot read \S*\\u001b\[2Jmissing\.json: ENOENT[^\n]*\n$/);
  });

  test("--out through a hard link to the input is refused (DFE152), the input unchanged", async () => {
    const text = JSON.stringify(liveExport());
    const input = file(text);
    const link = join(work, `diagram-hard-${files}.dot`);
    linkSync(input, link);
    const result = await draw([input, "--format", "dot", "--out", link]);
    expect(result).toMatchObject({ code: EXIT.usage, err: expect.stringContaining("[DFE152]") });
    expect(readFileSync(input, "utf8")).toBe(text);
  });
});
