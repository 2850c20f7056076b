import * as ts from "typescript";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { addExampleStacks } from "../examples/stacks";

const root = join(__dirname, "..");

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
    writeFileSync(join(work, "app", "main.js"), CONSUMER_APP);
  });

  test("ships the compiled library with its types, and nothing from tests or examples", () => {
    expect(files).toEqual(
      expect.arrayContaining(["dist/lib/index.js", "dist/lib/index.d.ts", "dist/lib/continuous-export.d.ts", "README.md", "LICENSE", "package.json"]),
    );
    expect(files.filter((f) => !/^dist\/lib\/.*\.(js|d\.ts)$/.test(f)).sort()).toEqual(["CHANGELOG.md", "LICENSE", "README.md", "package.json"]);
  });

  test("the README's quick start, pasted into a fresh app with the packed library, synthesizes what it says", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const program = /```ts\n(\/\/ quick start\n[\s\S]*?)```/.exec(readme)?.[1];
    expect(program).toBeDefined();
    const js = ts.transpileModule(program!, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
    writeFileSync(join(work, "app", "quick-start.js"), js);
    const cwd = join(work, "quick-start");
    mkdirSync(cwd);
    execFileSync("node", [join(work, "app", "quick-start.js")], { cwd, encoding: "utf8" });
    const out = JSON.parse(readFileSync(join(cwd, "cdktf.out", "stacks", "defender-export", "cdk.tf.json"), "utf8"));
    const [automation] = Object.values(out.resource.azurerm_security_center_automation) as any[];
    expect(automation.source.map((s: any) => s.event_source)).toEqual(["Alerts", "SecureScores", "SecureScoresSnapshot"]);
    const [workspace] = Object.values(out.resource.azurerm_log_analytics_workspace) as any[];
    expect(workspace.depends_on).toEqual([expect.stringMatching(/^azurerm_resource_group\./)]);
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
