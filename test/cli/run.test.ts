import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXIT, runCli } from "../../lib/cli/run";

const SUB = "00000000-0000-0000-0000-0000000000e1";
const WORKSPACE = `/subscriptions/${SUB}/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-soc`;
const rule = (propertyJPath: string, expectedValue: string, operator = "Equals") => ({
  propertyJPath,
  propertyType: "String",
  expectedValue,
  operator,
});

/** An automation as `az security automation show` returns it. */
function automation(name: string, sources: object[], extra: object = {}): { [key: string]: any } {
  return {
    id: `/subscriptions/${SUB}/resourceGroups/rg-sec/providers/Microsoft.Security/automations/${name}`,
    name,
    type: "Microsoft.Security/automations",
    location: "westeurope",
    tags: {},
    properties: {
      isEnabled: true,
      scopes: [{ scopePath: `/subscriptions/${SUB}` }],
      sources,
      actions: [{ actionType: "Workspace", workspaceResourceId: WORKSPACE }],
    },
    ...extra,
  };
}
const HIGH_ALERTS = automation("ExportToWorkspace", [{ eventSource: "Alerts", ruleSets: [{ rules: [rule("Severity", "high")] }] }]);
// The classic module bug: two severities ANDed in one rule set, and the recommendation path on alerts.
const BROKEN = automation("BrokenExport", [
  {
    eventSource: "Alerts",
    ruleSets: [{ rules: [rule("Severity", "High"), rule("Severity", "Medium")] }, { rules: [rule("properties.metadata.severity", "High")] }],
  },
]);

const work = mkdtempSync(join(tmpdir(), "dfe-cli-"));
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

describe("the four input shapes", () => {
  const rows = [HIGH_ALERTS, BROKEN];
  // Resource Graph rows carry more columns, and type in lower case.
  const graphRows = rows.map((r) => ({ ...r, type: "microsoft.security/automations", subscriptionId: SUB, resourceGroup: "rg-sec", kind: "" }));
  test.each([
    ["one automation (az security automation show)", BROKEN, 1],
    ["an array of them", rows, 2],
    ['a REST list ({ "value": [...] }, az rest / az security automation list)', { value: rows }, 2],
    ['Resource Graph output ({ "data": [...] }, az graph query)', { count: 2, data: graphRows, skip_token: null, total_records: 2 }, 2],
    ["Resource Graph rows as an array", graphRows, 2],
  ])("%s: lint reads every automation", (_name, input, count) => {
    const { code, out } = run(["lint", file("input.json", input), "--format", "json"]);
    const report = JSON.parse(out);
    expect(report.checked).toBe(count);
    expect(code).toBe(EXIT.findings);
    expect(report.findings.map((f: { ruleId: string; automationId: string }) => `${f.ruleId} ${f.automationId.split("/").pop()}`)).toEqual(
      expect.arrayContaining(["DFC001 BrokenExport", "DFC002 BrokenExport"]),
    );
  });

  test("standard input (-) reads the same", () => {
    expect(run(["lint", "-"], JSON.stringify({ value: [HIGH_ALERTS] }))).toEqual({
      code: EXIT.ok,
      out: "0 errors, 0 warnings in 1 automation\n",
      err: "",
    });
  });
});

describe("lint", () => {
  test("each finding names its code, the automation and the fix; exit 1 on an error-level finding", () => {
    const { code, out } = run(["lint", file("broken.json", [BROKEN, HIGH_ALERTS])]);
    expect(code).toBe(EXIT.findings);
    expect(out).toContain(`error    DFC001  ${BROKEN.id}\n`);
    expect(out).toMatch(/rule set 1: .*Put each accepted value in its own rule set/);
    expect(out).toMatch(/DFC002 {2}.*\n.*properties\.metadata\.severity.*does not apply to security alerts/);
    expect(out.trim().split("\n").pop()).toBe("2 errors, 0 warnings in 2 automations");
  });

  test("warnings alone exit 0: two portal-visible exports of a kind in one subscription", () => {
    const other = automation("ExportToWorkspace", [{ eventSource: "SecureScores" }], {
      id: `/subscriptions/${SUB}/resourceGroups/rg-other/providers/Microsoft.Security/automations/ExportToWorkspace`,
    });
    const { code, out } = run(["lint", file("two.json", [HIGH_ALERTS, other]), "--format", "json"]);
    expect(code).toBe(EXIT.ok);
    expect(JSON.parse(out)).toMatchObject({ errors: 0, warnings: 2, findings: [{ ruleId: "DFC006", level: "warning" }, { ruleId: "DFC006" }] });
  });

  test("an unknown event source is a finding (DFC004) with the near spelling, and exit 1", () => {
    const typo = automation("Typo", [{ eventSource: "alerts" }]);
    const { code, out } = run(["lint", file("typo.json", typo)]);
    expect(code).toBe(EXIT.findings);
    expect(out).toContain('event source "alerts" is rejected. Write "Alerts".');
  });
});

describe("explain", () => {
  test("says what goes where in the report's words, and what is wrong", () => {
    const { code, out } = run(["explain", file("explain.json", [HIGH_ALERTS, BROKEN])]);
    expect(code).toBe(EXIT.findings);
    const [first, second] = out.trim().split("\n\n");
    expect(first.split("\n")).toEqual([
      `${HIGH_ALERTS.id}  (subscription ${SUB}, resource group rg-sec, westeurope, enabled)`,
      "  exports  Security alerts (streaming) where severity is High",
      "  ExportToWorkspace  → Log Analytics workspace law-soc (existing, in rg-soc)",
      "      sources: Alerts (1 rule set)",
      "      scope: the whole subscription",
    ]);
    expect(second).toContain(
      'exports  Security alerts (streaming) where (severity is High and severity is Medium) or the field properties.metadata.severity is "High"',
    );
    expect(second).toMatch(/error {2}\[DFC001\]/);
  });
});

describe("import", () => {
  test("writes the program for the sound automations and lists the others with the fix; exit 1 when one is left out", () => {
    const out = join(work, "imported.ts");
    const result = run(["import", file("import.json", { value: [HIGH_ALERTS, BROKEN] }), "--out", out]);
    expect(result.code).toBe(EXIT.findings);
    expect(result.out).toContain(`wrote ${out}: 1 of 2 automations adopted as typed code`);
    expect(result.out).toContain(`left out  ${BROKEN.id}`);
    expect(result.out).toMatch(/\[DFC001\] .*Fix it in Azure/);
    const program = readFileSync(out, "utf8");
    expect(program).toContain("exports: [Export.alerts({ severities: [AlertSeverity.HIGH] })]");
    expect(program).toContain(`adopt: { workspace: ExistingAutomation.fromId(${JSON.stringify(HIGH_ALERTS.id)}, { location: "westeurope" }) }`);
    expect(program).not.toContain('BrokenExport",');
  });

  test("a Logic App's trigger URL and an event hub's Send rule become variables to fill; the URL is sensitive", () => {
    const logicApp = automation("Tickets", [{ eventSource: "Alerts" }], {
      properties: {
        ...HIGH_ALERTS.properties,
        actions: [
          { actionType: "LogicApp", logicAppResourceId: `/subscriptions/${SUB}/resourceGroups/rg-app/providers/Microsoft.Logic/workflows/tickets` },
        ],
      },
    });
    const hub = automation("ExportToEventHub", [{ eventSource: "Alerts" }], {
      properties: {
        ...HIGH_ALERTS.properties,
        actions: [
          {
            actionType: "EventHub",
            eventHubResourceId: `/subscriptions/${SUB}/resourceGroups/rg-siem/providers/Microsoft.EventHub/namespaces/ns-siem/eventhubs/defender`,
          },
        ],
      },
    });
    const out = join(work, "vars.ts");
    expect(run(["import", file("vars.json", [logicApp, hub]), "--out", out]).code).toBe(EXIT.ok);
    const program = readFileSync(out, "utf8");
    expect(program).toMatch(/new TerraformVariable\(this, "logic_app_1_trigger_url", \{\n\s+type: "string",\n\s+sensitive: true,/);
    expect(program).toContain("triggerUrl: logicApp1TriggerUrl.stringValue");
    expect(program).toContain("sendRuleName: hub2SendRule.stringValue");
    expect(program).toContain("// Fill in the variables first (terraform.tfvars, or TF_VAR_<name>): logic_app_1_trigger_url, event_hub_2_send_rule.");
  });
});

describe("bad input gets a clear message and exit 2, never a stack trace", () => {
  test.each([
    ["not JSON", "{ not json", /is not JSON \(.*\)\. Give the output of `az security automation list -o json`/],
    ["JSON that is no automation", JSON.stringify({ hello: "world" }), /holds neither an automation nor a list of them/],
    [
      "another resource type",
      JSON.stringify([{ ...HIGH_ALERTS, type: "Microsoft.Web/sites" }]),
      /item 1 is a Microsoft\.Web\/sites, not an automation/,
    ],
    [
      "an automation without sources",
      JSON.stringify({ ...HIGH_ALERTS, properties: { ...HIGH_ALERTS.properties, sources: [] } }),
      /`properties\.sources` must be a non-empty list/,
    ],
    [
      "a rule without text values",
      JSON.stringify(automation("X", [{ eventSource: "Alerts", ruleSets: [{ rules: [{ propertyJPath: "Severity" }] }] }])),
      /\[DFE151\] .*`properties\.sources\[0\]\.ruleSets\[0\]\.rules\[0\]\.operator` must be text, got nothing\.\n.*expectedValue` must be text, got nothing\.\n.*propertyType` must be text/,
    ],
  ])("%s", (_name, text, message) => {
    for (const command of ["lint", "explain"]) {
      const { code, out, err } = run([command, file("bad.json", text)]);
      expect({ code, out }).toEqual({ code: EXIT.usage, out: "" });
      expect(err).toMatch(message);
      expect(err).not.toMatch(/\n\s+at /);
    }
  });

  test("usage errors: unknown command or option, missing input or --out, a file that is not there", () => {
    expect(run(["deploy", "x.json"])).toMatchObject({ code: EXIT.usage, err: expect.stringContaining('Unknown command "deploy"') });
    expect(run(["lint", "x.json", "--colour", "red"])).toMatchObject({ code: EXIT.usage, err: expect.stringContaining("Unknown option --colour") });
    expect(run(["lint"])).toMatchObject({ code: EXIT.usage, err: expect.stringContaining("lint takes one input") });
    expect(run(["import", "x.json"])).toMatchObject({ code: EXIT.usage, err: expect.stringContaining("import needs --out") });
    expect(run(["lint", "x.json", "--format", "yaml"])).toMatchObject({ code: EXIT.usage, err: expect.stringContaining("--format is text or json") });
    expect(run(["lint", join(work, "missing.json")])).toMatchObject({
      code: EXIT.usage,
      err: expect.stringMatching(
        /^cdktf-defender-export lint: \[DFE156\] cannot read .*missing\.json: ENOENT: no such file or directory, open '.*missing\.json'\n$/,
      ),
    });
    expect(run(["--help"])).toMatchObject({ code: EXIT.ok, out: expect.stringContaining("Usage: npx cdktf-defender-export <command> <input>") });
  });
});
