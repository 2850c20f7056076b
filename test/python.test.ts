import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { ContinuousExportChecks } from "../lib";
import { addExampleStacks } from "../examples/stacks";
import { writeShardPlan } from "../examples/sharded-fleet";
import { BEGIN as NAMES_BEGIN, END as NAMES_END, pythonNamesTable } from "../scripts/python/api-names";
import { builtWheel, ensureVenv, installWheel, pythonEnv, pythonMissing } from "../scripts/python/venv";
import { docPages, pythonDocBlocks } from "./doc-blocks";
import { comparableManifest } from "./python-terraform";

/**
 * The Python package: `npm run package:python` builds the wheel (jsii-pacmak), a virtual environment holds
 * it and the pinned PyPI packages of python/requirements.txt (cached in .python/, keyed by a hash of that
 * file), and the Python programs in examples/python/ synthesize exactly the Terraform of their TypeScript
 * twins, byte for byte (and the same warnings: the manifests compare without stack traces, test/python-terraform.ts). Needs python3 with venv; without it the
 * suite is skipped, and says why (in CI, where Python is part of the machine, it fails instead).
 *
 * Cost on the 2-core machine: about 2 min on a first run, 1 min 40 s with the environment cached (docs/python.md).
 */
const root = join(__dirname, "..");
const missing = pythonMissing();
if (missing && process.env.CI) throw new Error(`the Python tests cannot run: ${missing}`);
if (missing) console.warn(`test/python.test.ts skipped: ${missing}`);
const suite = missing ? describe.skip : describe;

suite(`Python (skipped only without python3 and venv)`, () => {
  const work = mkdtempSync(join(tmpdir(), "dfe-python-"));
  let python = "";
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  beforeAll(() => {
    execFileSync("npm", ["run", "-s", "package:python"], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
    python = ensureVenv((line) => console.log(line));
    installWheel(python, builtWheel());
  }, 300_000);

  /** Runs a Python program of the tests in `cwd`; its stdout, or an error with its stderr's end. */
  function runPython(args: string[], cwd: string): string {
    const run = spawnSync(python, args, { cwd, env: pythonEnv(), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0) throw new Error(`python ${args.join(" ")} exited ${run.status}:\n${run.stdout.slice(-2000)}\n${run.stderr.slice(-4000)}`);
    return run.stdout;
  }

  test("every Python example synthesizes its TypeScript twin's Terraform, and the same shard plan", () => {
    const [pyOut, tsOut] = [join(work, "python.out"), join(work, "typescript.out")];
    // In the project's folder, as the TypeScript app: a stack without a backend names its local state file by the working folder.
    runPython([join(root, "examples", "python", "main.py"), pyOut], root);
    const app = new App({ outdir: tsOut });
    const { shardDeployment } = addExampleStacks(app);
    ContinuousExportChecks.addTo(app);
    app.synth();
    writeShardPlan(app, shardDeployment);

    const stacks = (out: string) => readdirSync(join(out, "stacks")).sort();
    expect(stacks(pyOut)).toEqual(stacks(tsOut));
    // The four configurations of the first release, cross-tenant, the trusted hub, a fleet, the policy route, health.
    expect(stacks(pyOut)).toEqual(
      expect.arrayContaining([
        "high-alerts-to-event-hub",
        "recommendations-to-hub-and-workspace",
        "secure-score-to-workspace",
        "everything-to-new-workspace",
        "cross-tenant-guest",
        "mssp-lighthouse",
        "trusted-event-hub",
        "fleet-central",
        "fleet-shard-00",
        "management-group-policy",
      ]),
    );
    // Byte for byte: cdktf's metadata in them (the "//" keys: stack name, backend, version, construct paths) is the same too.
    for (const stack of stacks(tsOut)) {
      const file = (out: string) => readFileSync(join(out, "stacks", stack, "cdk.tf.json"), "utf8");
      expect({ stack, terraform: file(pyOut) }).toEqual({ stack, terraform: file(tsOut) });
    }
    // The same warnings, with the same messages, on the same constructs.
    expect(comparableManifest(readFileSync(join(pyOut, "manifest.json"), "utf8"))).toBe(
      comparableManifest(readFileSync(join(tsOut, "manifest.json"), "utf8")),
    );
    expect(readFileSync(join(pyOut, "stacks", "everything-to-new-workspace", "cdk.tf.json"), "utf8")).toContain(
      "azurerm_monitor_scheduled_query_rules_alert_v2",
    );
    expect(readFileSync(join(pyOut, "shard-plan.json"), "utf8")).toBe(readFileSync(join(tsOut, "shard-plan.json"), "utf8"));
  });

  test("docs/python.md's table of Python names is the one of the current assembly", () => {
    const text = readFileSync(join(root, "docs", "python.md"), "utf8");
    const table = pythonNamesTable(JSON.parse(readFileSync(join(root, ".jsii"), "utf8")), "cdktf_defender_export");
    expect(text.slice(text.indexOf(NAMES_BEGIN) + NAMES_BEGIN.length, text.indexOf(NAMES_END)).trim()).toBe(table);
  });

  test("a coded error is an exception in Python whose message starts with its code", () => {
    const program = join(work, "coded_error.py");
    writeFileSync(
      program,
      [
        "from cdktf import App, TerraformStack",
        "from cdktf_defender_export import ContinuousExport, Export, ExportErrors, LogAnalyticsDestination",
        "stack = TerraformStack(App(), 'coded')",
        "workspace = LogAnalyticsDestination.from_workspace_id(stack, 'W', '/subscriptions/00000000-0000-0000-0000-000000000099/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law-soc')",
        "try:",
        "    ContinuousExport(stack, 'Bad', subscription_id='not-a-guid', resource_group_name='rg', location='westeurope', exports=[Export.alerts()], destinations=[workspace])",
        "except RuntimeError as error:",
        "    print(ExportErrors.code_of(str(error)))",
        // A name of docs/python.md's table, as the wheel has it.
        "print(callable(Export.secure_score))",
      ].join("\n"),
    );
    expect(runPython([program], work).trim().split("\n")).toEqual(["DFE035", "True"]);
  });

  test("every Python block of the README and docs/ runs, and the README's Python quick start synthesizes its TypeScript program's Terraform", () => {
    const blocks = pythonDocBlocks(root);
    const listed = join(work, "blocks.json");
    writeFileSync(listed, JSON.stringify(blocks));
    const docsOut = join(work, "docs.out");
    const run = spawnSync(python, [join(root, "scripts", "python", "run_doc_blocks.py"), listed, docsOut], {
      cwd: work,
      env: pythonEnv(),
      encoding: "utf8",
    });
    const results = run.stdout
      .trim()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as { where: string; ok: boolean; error?: string });
    expect({ failed: results.filter((r) => !r.ok), stderr: run.status === 0 ? "" : run.stderr.slice(-3000) }).toEqual({ failed: [], stderr: "" });
    expect(results.map((r) => r.where)).toEqual(blocks.map((b) => b.where));

    // The README's quick start, TypeScript and Python: the same Terraform.
    const readmePython = blocks.findIndex((b) => b.where === "README.md#1");
    const tsProgram = /```ts\n(import [\s\S]*?)```/.exec(readFileSync(join(root, "README.md"), "utf8"))![1];
    // In the folder the Python blocks ran in: the stack's local state file is named by it.
    writeFileSync(join(work, "readme.ts"), tsProgram.replace(/from "cdktf-defender-export"/, `from ${JSON.stringify(join(root, "lib"))}`));
    execFileSync(
      process.execPath,
      [
        require.resolve("ts-node/dist/bin"),
        "--transpile-only",
        "--skip-project",
        "-O",
        '{"module":"commonjs","moduleResolution":"node"}',
        "readme.ts",
      ],
      { cwd: work, env: { ...process.env, NODE_PATH: join(root, "node_modules") } },
    );
    const stack = (out: string) => readFileSync(join(out, "stacks", "defender-export", "cdk.tf.json"), "utf8");
    expect(stack(join(docsOut, String(readmePython)))).toBe(stack(join(work, "cdktf.out")));
  });
});

test("every page of the README and docs/ with a TypeScript example has it in Python too", () => {
  const pythonPages = new Set(pythonDocBlocks(root).map((b) => b.where.split("#")[0]));
  const tsPages = docPages(root).filter((page) => /```ts\n/.test(readFileSync(join(root, page), "utf8")));
  expect(tsPages.filter((page) => !pythonPages.has(page))).toEqual([]);
});
