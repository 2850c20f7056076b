import * as ts from "typescript";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { addExampleStacks } from "../examples/stacks";
import { docBlocks } from "./doc-blocks";
import { publicApiLeaks } from "./public-api";

const root = join(__dirname, "..");
/** How a user's app compiles: Node's own module resolution (which honours the package's `exports`), strict. */
const COMPILE: ts.CompilerOptions = {
  module: ts.ModuleKind.Node16,
  moduleResolution: ts.ModuleResolutionKind.Node16,
  target: ts.ScriptTarget.ES2022,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
};

// A new CDKTF app that installs the packed package, written as a user would write it.
const CONSUMER_APP = `
const { App, TerraformStack } = require("cdktf");
const { AzurermProvider } = require("@cdktf/provider-azurerm/lib/provider");
const { ResourceGroup } = require("@cdktf/provider-azurerm/lib/resource-group");
const { AlertSeverity, ConsumerAccess, ContinuousExport, EventHubDestination, Export, LogAnalyticsDestination, Recommendation, Severity } = require("cdktf-defender-export");

const app = new App({ outdir: process.argv[2] });
const sub = "00000000-0000-0000-0000-000000000001";

const alerts = new TerraformStack(app, "high-alerts-to-event-hub");
new AzurermProvider(alerts, "azurerm", { features: [{}], subscriptionId: sub });
const rg = new ResourceGroup(alerts, "ResourceGroup", { name: "rg-defender-export", location: "westeurope" });
const hub = new EventHubDestination(alerts, "SiemHub", { namespaceName: "evhns-defender-export-01", resourceGroupName: rg.name, location: "westeurope" });
hub.addConsumer("Siem", { consumerGroupName: "siem", access: ConsumerAccess.listenRule() });
new ContinuousExport(alerts, "HighAlerts", {
  subscriptionId: sub, resourceGroupName: rg.name, location: "westeurope",
  exports: [Export.alerts({ severities: [AlertSeverity.HIGH] })], destinations: [hub],
});

const sql = new TerraformStack(app, "sql-findings-to-workspace");
const sqlSub = "00000000-0000-0000-0000-000000000002";
new AzurermProvider(sql, "azurerm", { features: [{}], subscriptionId: sqlSub });
const soc = LogAnalyticsDestination.fromWorkspaceId(sql, "Soc", "/subscriptions/00000000-0000-0000-0000-000000000099/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-soc");
new ContinuousExport(sql, "SqlFindings", {
  subscriptionId: sqlSub, resourceGroupName: "rg-security", location: "westeurope",
  exports: [Export.findings({ recommendations: [Recommendation.SQL_SERVERS_ON_MACHINES_VULNERABILITIES], minimumSeverity: Severity.MEDIUM })],
  destinations: [soc],
});
app.synth();
`;

// Packing, and type-checking the shipped types against cdktf and the provider: tens of seconds on a busy machine.
jest.setTimeout(300_000);

describe("the npm package", () => {
  const work = mkdtempSync(join(tmpdir(), "dfe-pack-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  let files: string[] = [];

  beforeAll(() => {
    const packed = JSON.parse(
      execFileSync("npm", ["pack", "--json", "--pack-destination", work], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }),
    );
    files = packed[0].files.map((f: { path: string }) => f.path);
    const installed = join(work, "app", "node_modules");
    mkdirSync(join(installed, "cdktf-defender-export"), { recursive: true });
    execFileSync("tar", ["-xzf", join(work, packed[0].filename), "-C", join(installed, "cdktf-defender-export"), "--strip-components=1"]);
    mkdirSync(join(installed, "@cdktf"));
    symlinkSync(join(root, "node_modules", "cdktf"), join(installed, "cdktf"));
    symlinkSync(join(root, "node_modules", "constructs"), join(installed, "constructs"));
    symlinkSync(join(root, "node_modules", "@cdktf", "provider-azurerm"), join(installed, "@cdktf", "provider-azurerm"));
    // The testing guide's examples import jest's globals, as a user's tests do.
    mkdirSync(join(installed, "@jest"));
    symlinkSync(join(root, "node_modules", "@jest", "globals"), join(installed, "@jest", "globals"));
    writeFileSync(join(work, "app", "main.js"), CONSUMER_APP);
  });

  test("ships the compiled library with its types and jsii assembly, and nothing from tests or examples", () => {
    expect(files).toEqual(
      expect.arrayContaining(["dist/lib/index.js", "dist/lib/index.d.ts", "dist/lib/continuous-export.d.ts", "README.md", "LICENSE", "package.json"]),
    );
    // Besides the library: the jsii assembly (the API other languages bind to) and Viz.js, bundled for the command.
    const rest = files.filter((f) => !/^dist\/lib\/.*\.(js|d\.ts)$/.test(f) && !f.startsWith("node_modules/@viz-js/viz/"));
    expect(rest.sort()).toEqual([".jsii", "CHANGELOG.md", "LICENSE", "README.md", "package.json"]);
    expect(files).toContain("node_modules/@viz-js/viz/package.json");
  });

  test("the package says what it is: its repository, home page, issue tracker and Node; the CHANGELOG dates this version", () => {
    const pkg = JSON.parse(readFileSync(join(work, "app", "node_modules", "cdktf-defender-export", "package.json"), "utf8"));
    const repository = pkg.repository.url.replace(/^git\+/, "").replace(/\.git$/, "");
    expect(repository).toMatch(/^https:\/\/github\.com\/[\w.-]+\/cdktf-defender-export$/);
    expect({ homepage: pkg.homepage, bugs: pkg.bugs.url }).toEqual({ homepage: `${repository}#readme`, bugs: `${repository}/issues` });
    expect(pkg.engines.node).toMatch(/^>=\d+\.\d+/);
    const changelog = readFileSync(join(root, "CHANGELOG.md"), "utf8");
    const entry = new RegExp(`^## \\[${pkg.version.replace(/\./g, "\\.")}\\] - (\\d{4}-\\d{2}-\\d{2})$`, "m").exec(changelog);
    expect(entry?.[1]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(changelog.slice(entry!.index).split(/\n## /)[0]).toContain("### Breaking");
  });

  test("only the root, the command and package.json are importable; internals are not", () => {
    const app = join(work, "app");
    const requireIn = (id: string) => () => execFileSync("node", ["-e", `require(${JSON.stringify(id)})`], { cwd: app, stdio: "pipe" });
    expect(requireIn("cdktf-defender-export")).not.toThrow();
    expect(requireIn("cdktf-defender-export/package.json")).not.toThrow();
    expect(execFileSync("node", ["-p", 'require.resolve("cdktf-defender-export/cli")'], { cwd: app, encoding: "utf8" }).trim()).toMatch(
      /dist\/lib\/cli\/main\.js$/,
    );
    for (const internal of [
      "cdktf-defender-export/dist/lib/internal/azurerm",
      "cdktf-defender-export/dist/lib/index.js",
      "cdktf-defender-export/lib/index",
    ]) {
      expect(requireIn(internal)).toThrow(/ERR_PACKAGE_PATH_NOT_EXPORTED/);
    }
  });

  test("the shipped types hold the public API only: no @internal member, no internal type in a public signature", () => {
    const packageDir = join(work, "app", "node_modules", "cdktf-defender-export");
    const declarations = files.filter((f) => f.startsWith("dist/") && f.endsWith(".d.ts"));
    expect(declarations.filter((f) => readFileSync(join(packageDir, f), "utf8").includes("@internal"))).toEqual([]);
    const rootTypes = join(packageDir, "dist", "lib", "index.d.ts");
    const program = ts.createProgram([rootTypes], { ...COMPILE, skipLibCheck: false });
    expect(ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
    expect(publicApiLeaks(program, rootTypes, packageDir)).toEqual([]);
    // The check sees a leak: the source's own types, where the internal members are still declared.
    const source = ts.createProgram([join(root, "lib", "index.ts")], COMPILE);
    expect(publicApiLeaks(source, join(root, "lib", "index.ts"), join(root, "lib"))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^ContinuousExport\._automationName$/), expect.stringMatching(/^ExportingPrincipal\._mode$/)]),
    );
  });

  test("every TypeScript block of the README and docs/ compiles against the packed library", () => {
    const app = join(work, "app");
    const names = Object.keys(require(join(app, "node_modules", "cdktf-defender-export")));
    const blocks = docBlocks(root, names);
    expect(blocks.length).toBeGreaterThanOrEqual(10);
    const dir = join(app, "doc-blocks");
    mkdirSync(dir, { recursive: true });
    const fileOf = new Map(blocks.map((b, i) => [join(dir, `block${i}.ts`), b.where]));
    blocks.forEach((b, i) => writeFileSync(join(dir, `block${i}.ts`), b.source));
    const program = ts.createProgram([...fileOf.keys()], COMPILE);
    const errors = ts
      .getPreEmitDiagnostics(program)
      .map((d) => `${fileOf.get(d.file?.fileName ?? "") ?? d.file?.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
    expect(errors).toEqual([]);
  });

  test("the package's command imports live automations into a program that synthesizes with the packed library", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    const bin = join(work, "app", "node_modules", "cdktf-defender-export", pkg.bin["cdktf-defender-export"]);
    expect(readFileSync(bin, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    const sub = "00000000-0000-0000-0000-0000000000d1";
    const live = {
      value: [
        {
          id: `/subscriptions/${sub}/resourceGroups/rg-sec/providers/Microsoft.Security/automations/ExportToWorkspace`,
          name: "ExportToWorkspace",
          type: "Microsoft.Security/automations",
          location: "westeurope",
          properties: {
            isEnabled: true,
            scopes: [{ scopePath: `/subscriptions/${sub}` }],
            sources: [
              {
                eventSource: "Alerts",
                ruleSets: [{ rules: [{ propertyJPath: "Severity", propertyType: "String", expectedValue: "high", operator: "Equals" }] }],
              },
            ],
            actions: [
              {
                actionType: "Workspace",
                workspaceResourceId: `/subscriptions/${sub}/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-soc`,
              },
            ],
          },
        },
      ],
    };
    writeFileSync(join(work, "live.json"), JSON.stringify(live));
    const cwd = join(work, "imported");
    mkdirSync(cwd);
    const said = execFileSync("node", [bin, "import", join(work, "live.json"), "--out", join(work, "app", "imported.ts")], { cwd, encoding: "utf8" });
    expect(said).toContain("1 of 1 automations adopted");
    const program = readFileSync(join(work, "app", "imported.ts"), "utf8");
    expect(program).toContain('from "cdktf-defender-export"');
    writeFileSync(
      join(work, "app", "imported.js"),
      ts.transpileModule(program, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText,
    );
    execFileSync("node", [join(work, "app", "imported.js")], { cwd, encoding: "utf8" });
    const out = JSON.parse(readFileSync(join(cwd, "cdktf.out", "stacks", "imported-exports", "cdk.tf.json"), "utf8"));
    expect(out.import).toEqual([{ to: expect.stringMatching(/^azapi_resource\./), id: `${live.value[0].id}?api-version=2023-12-01-preview` }]);
  });

  test("a new app that requires the package synthesizes the same Terraform as the examples", () => {
    const consumerOut = join(work, "consumer.out");
    // Same working directory as the examples, since the default local backend path is relative to it.
    execFileSync("node", [join(work, "app", "main.js"), consumerOut], { cwd: root, encoding: "utf8" });
    const exampleOut = join(work, "examples.out");
    const app = new App({ outdir: exampleOut });
    addExampleStacks(app);
    app.synth();
    for (const stack of ["high-alerts-to-event-hub", "sql-findings-to-workspace"]) {
      const read = (dir: string) => readFileSync(join(dir, "stacks", stack, "cdk.tf.json"), "utf8");
      expect(read(consumerOut)).toBe(read(exampleOut));
    }
  });
});
