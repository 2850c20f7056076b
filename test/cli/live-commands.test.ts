import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ts from "typescript";
import { EXIT, runCli } from "../../lib/cli/run";
import { readLiveAutomations } from "../../lib/live/arm-input";
import { lintAutomations } from "../../lib/live/lint";
import { PACKAGE_NAME, importProgram } from "../../lib/live/program";
import { PORTAL_CHOICES, portalAutomation } from "../live/corpus/portal";

const work = mkdtempSync(join(tmpdir(), "dfe-live-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(args: string[], stdin = ""): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = runCli(args, { stdin: () => stdin, out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}
function file(name: string, content: unknown): string {
  const path = join(work, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

const SUB = "00000000-0000-0000-0000-0000000000f1";
const PORTAL = portalAutomation(PORTAL_CHOICES[0], SUB);

/** Synthesizes the program `import` writes for these automations into a cdktf.out folder, and returns it. */
function synthesizedOut(arm: object[]): string {
  const live = readLiveAutomations(JSON.stringify(arm), "the test");
  const source = importProgram(live, lintAutomations(live)).source;
  const outdir = mkdtempSync(join(work, "cdktf.out-"));
  const previous = process.env.CDKTF_OUTDIR;
  process.env.CDKTF_OUTDIR = outdir;
  try {
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
    const requireHere = (name: string) => (name === PACKAGE_NAME ? require("../../lib") : require(name));
    const module = { exports: {} };
    new Function("require", "module", "exports", js)(requireHere, module, module.exports);
  } finally {
    if (previous === undefined) delete process.env.CDKTF_OUTDIR;
    else process.env.CDKTF_OUTDIR = previous;
  }
  return outdir;
}

describe("the command's small items", () => {
  test("--version prints the package's version", () => {
    const version = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")).version;
    expect(run(["--version"])).toEqual({ code: EXIT.ok, out: `${PACKAGE_NAME} ${version}\n`, err: "" });
  });

  test("import --out refuses an existing file unless --force, and leaves it as it was", () => {
    const input = file("portal.json", [PORTAL]);
    const out = file("main.ts", "// my own program\n");
    const refused = run(["import", input, "--out", out]);
    expect(refused.code).toBe(EXIT.usage);
    expect(refused.err).toMatch(/\[DFE157\] --out .*main\.ts exists: give --force to overwrite it/);
    expect(readFileSync(out, "utf8")).toBe("// my own program\n");
    const forced = run(["import", input, "--out", out, "--force"]);
    expect(forced.code).toBe(EXIT.ok);
    expect(readFileSync(out, "utf8")).toContain("new ContinuousExport(");
  });

  test("import adopts the portal's shape (findings whose parents are filtered: a warning), exit 0", () => {
    const result = run(["import", file("portal2.json", [PORTAL]), "--out", join(work, "portal.ts")]);
    expect(result.out).toMatch(/1 of 1 automations adopted/);
    expect(result.code).toBe(EXIT.ok);
    expect(run(["lint", file("portal3.json", [PORTAL])]).code).toBe(EXIT.ok);
  });

  test("explain --format json is structured: per automation its sources, filters in words, destinations and findings", () => {
    const { code, out } = run(["explain", file("explain.json", [PORTAL]), "--format", "json"]);
    expect(code).toBe(EXIT.ok);
    const [a] = JSON.parse(out);
    expect(a).toMatchObject({ id: PORTAL.id, name: "ExportToWorkspace", subscriptionId: SUB, enabled: true, scope: "the whole subscription" });
    expect(a.sources).toEqual(
      expect.arrayContaining([
        {
          eventSource: "Assessments",
          dataType: "Security recommendations",
          timing: "streaming",
          filter: "any recommendation and severity is High",
          ruleSets: 1,
        },
        { eventSource: "SubAssessments", dataType: "Security findings", timing: "streaming", filter: "every record", ruleSets: 0 },
        expect.objectContaining({ eventSource: "Alerts", filter: "severity is high or severity is medium or severity is low" }),
      ]),
    );
    expect(a.exports).toContain("Security recommendations (streaming) where severity is High");
    expect(a.destinations).toEqual([expect.objectContaining({ kind: "Log Analytics workspace", trustedService: false })]);
    // The portal's High-only recommendations also miss Critical (DFC040): both are warnings, never errors.
    expect(a.findings).toEqual([
      expect.objectContaining({ ruleId: "DFC030", level: "warning" }),
      expect.objectContaining({ ruleId: "DFC040", level: "warning" }),
    ]);
  });
});

describe("diff LIVE CDKTF_OUT", () => {
  const other = portalAutomation(PORTAL_CHOICES[3], "00000000-0000-0000-0000-0000000000f2");

  test("no drift: what the import wrote, synthesized, means what runs (exit 0)", () => {
    const outdir = synthesizedOut([PORTAL, other]);
    const result = run(["diff", file("live.json", { value: [PORTAL, other] }), outdir]);
    expect(result.out).toMatch(/2 same, 0 changed, 0 only live, 0 only in code: no drift/);
    expect(result.code).toBe(EXIT.ok);
    // Rule order, rule-set order and the case of values mean nothing.
    const reordered = JSON.parse(JSON.stringify(PORTAL));
    reordered.properties.sources.reverse();
    reordered.properties.sources.find((s: { eventSource: string }) => s.eventSource === "Alerts").ruleSets.reverse();
    expect(run(["diff", file("live2.json", [reordered, other]), outdir]).code).toBe(EXIT.ok);
  });

  test("drift: filters edited in the portal, a destination moved, an automation only live or only in code (exit 1, --format json)", () => {
    const outdir = synthesizedOut([PORTAL, other]);
    const edited = JSON.parse(JSON.stringify(PORTAL));
    edited.properties.sources.find((s: { eventSource: string }) => s.eventSource === "Alerts").ruleSets = [
      { rules: [{ propertyJPath: "Severity", propertyType: "string", expectedValue: "high", operator: "Equals" }] },
    ];
    edited.properties.actions[0].workspaceResourceId = edited.properties.actions[0].workspaceResourceId.replace("law-soc", "law-other");
    const stranger = { ...JSON.parse(JSON.stringify(other)), id: other.id.replace("rg-portal", "rg-else") };
    const text = run(["diff", file("drift.json", [edited, stranger]), outdir]);
    expect(text.code).toBe(EXIT.findings);
    expect(text.out).toMatch(/changed .*ExportToWorkspace/);
    expect(text.out).toMatch(
      /Security alerts \(streaming\): live exports severity is high; the code exports severity is low or severity is medium or severity is high/,
    );
    expect(text.out).toMatch(/destinations: live Workspace .*law-other; code Workspace .*law-soc/);
    expect(text.out).toMatch(/only live .*rg-else/);
    expect(text.out).toMatch(/only code .*0000000000f2\/resourceGroups\/rg-portal/);
    const json = JSON.parse(run(["diff", file("drift2.json", [edited, stranger]), outdir, "--format", "json"]).out);
    expect(json.drift).toBe(true);
    expect(json.entries.map((e: { status: string }) => e.status).sort()).toEqual(["changed", "only-code", "only-live"]);
  });

  test("bad input: exit 2 with one line (no such folder, not JSON, one positional)", () => {
    expect(run(["diff", file("live3.json", [PORTAL]), join(work, "nowhere")])).toMatchObject({
      code: EXIT.usage,
      err: expect.stringMatching(/^cdktf-defender-export diff: cannot read .*nowhere: .*holds no synthesized stacks.*\n$/),
    });
    expect(run(["diff", file("bad.json", "not json"), work]).code).toBe(EXIT.usage);
    expect(run(["diff", file("live4.json", [PORTAL])])).toMatchObject({
      code: EXIT.usage,
      err: expect.stringContaining("diff takes the live automations"),
    });
  });
});

describe("diff on the examples' own stacks", () => {
  test("every automation of the examples, read back as Azure returns it, is the same as the synthesized code", () => {
    const { App } = require("cdktf");
    const { addExampleStacks } = require("../../examples/stacks");
    const { exampleAutomationsAsArm } = require("../live/live-fixtures");
    const outdir = mkdtempSync(join(work, "examples-out-"));
    const app = new App({ outdir });
    addExampleStacks(app);
    app.synth();
    const arm = exampleAutomationsAsArm();
    const { out } = run(["diff", file("examples-live.json", arm), outdir, "--format", "json"]);
    const report = JSON.parse(out);
    const byStatus = (s: string) => report.entries.filter((e: { status: string }) => e.status === s);
    expect(byStatus("changed")).toEqual([]);
    expect(byStatus("same").length).toBeGreaterThan(40);
    expect(byStatus("only-live")).toEqual([]);
    expect(byStatus("only-code")).toEqual([]);
    expect(report.unresolved).toEqual([]);
    expect(report.drift).toBe(false);
  });
});
