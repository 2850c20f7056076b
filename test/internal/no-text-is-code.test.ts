import { unsafeCharacterIn } from "../../lib/model/text";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { IConstruct } from "constructs";
import fc from "fast-check";
import {
  AutomationWriter,
  AzapiProvider,
  ContinuousExport,
  ContinuousExportFleet,
  ContinuousExportPolicy,
  CrossTenantAccess,
  EventHubDestination,
  ExistingAutomation,
  Export,
  ExportDelegation,
  ExportingPrincipal,
  IExportDestination,
  LogAnalyticsDestination,
  LogicAppDestination,
  Operator,
  PolicyScope,
  PropertyType,
  Rule,
  RuleSet,
} from "../../lib";
import { ExportConfigError } from "../../lib/model/errors";
import { passedTheDoor } from "../../lib/internal/literal-element";
import { HOSTILE_FRAGMENTS, hostileTemplate, hostileText } from "../generators/hostile-text";
import { readTemplate, stringsOf } from "../generators/terraform-template";
import { SUB, stackWithProvider } from "../helpers";
import { terraformAvailable } from "../change-safety/terraform-planner";

/**
 * No text a user gives is ever an expression in the Terraform the library writes. Every string field of
 * the public API is filled with hostile text; the request is either refused with a coded error, or its
 * output, read as Terraform reads templates (test/generators/terraform-template.ts), has exactly the
 * expressions of the same request with harmless text, and carries the hostile text as text. Terraform
 * itself judges the strings (below), where it is installed.
 */
const place = { resourceGroupName: "rg-export", location: "westeurope" };
const GUID = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, "0")}`;
const ws = (rg: string, name: string) => `/subscriptions/${GUID(99)}/resourceGroups/${rg}/providers/Microsoft.OperationalInsights/workspaces/${name}`;
const hubId = (rg: string, ns: string, hub: string) =>
  `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.EventHub/namespaces/${ns}/eventhubs/${hub}`;
const flowId = (rg: string, name: string) => `/subscriptions/${GUID(1)}/resourceGroups/${rg}/providers/Microsoft.Logic/workflows/${name}`;

type Build = (stack: TerraformStack, text: string) => void;

/** An export of alerts from SUB to the given destinations, with the given extra props. */
function exportTo(stack: TerraformStack, destinations: IExportDestination[], extra: object = {}): ContinuousExport {
  return new ContinuousExport(stack, "Export", { subscriptionId: SUB, ...place, exports: [Export.alerts()], destinations, ...extra });
}
const soc = (stack: TerraformStack) => LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", ws("rg-soc", "law-soc"));
/** A workspace in the export's own subscription: health alerts are written through the stack's provider. */
const socHere = (stack: TerraformStack) =>
  LogAnalyticsDestination.fromWorkspaceId(
    stack,
    "Soc",
    `/subscriptions/${SUB}/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-soc`,
  );

/** Every string field of the public API, each given the text (its other fields valid). */
const FIELDS: Record<string, Build> = {
  "ContinuousExport.description": (s, t) => exportTo(s, [soc(s)], { description: t }),
  "ContinuousExport.description (azapi)": (s, t) => exportTo(s, [soc(s)], { description: t, writer: AutomationWriter.AZAPI }),
  "ContinuousExport.tags (value)": (s, t) => exportTo(s, [soc(s)], { tags: { team: t } }),
  "ContinuousExport.tags (key)": (s, t) => exportTo(s, [soc(s)], { tags: { [t]: "x" } }),
  "ContinuousExport.tags (azapi)": (s, t) => exportTo(s, [soc(s)], { tags: { team: t }, writer: AutomationWriter.AZAPI }),
  "ContinuousExport.names.workspace": (s, t) => exportTo(s, [soc(s)], { names: { workspace: t } }),
  "ContinuousExport.scopeResourceGroups": (s, t) => exportTo(s, [soc(s)], { scopeResourceGroups: [t] }),
  "ContinuousExport.resourceGroupName": (s, t) => exportTo(s, [soc(s)], { resourceGroupName: t }),
  // Only Azure regions pass (DFE172): the harmless request uses one, and every other text is refused.
  "ContinuousExport.location": (s, t) => exportTo(s, [soc(s)], { location: t === HARMLESS ? "westeurope" : t }),
  "Export.alerts.displayNameContains": (s, t) => exportTo(s, [soc(s)], { exports: [Export.alerts({ displayNameContains: [t] })] }),
  "Export.alerts.alertTypes": (s, t) => exportTo(s, [soc(s)], { exports: [Export.alerts({ alertTypes: [t] })] }),
  "Rule.raw (path and value)": (s, t) =>
    exportTo(s, [soc(s)], {
      exports: [Export.recommendations({ where: [RuleSet.of(Rule.raw(`properties.${t}`, Operator.CONTAINS, t, PropertyType.STRING))] })],
      writer: AutomationWriter.AZAPI,
    }),
  "LogAnalyticsDestination.fromWorkspaceId (segments)": (s, t) =>
    exportTo(s, [LogAnalyticsDestination.fromWorkspaceId(s, "Soc", ws(`rg${t}`, `law${t}`))]),
  "LogAnalyticsDestination.tags": (s, t) =>
    exportTo(s, [new LogAnalyticsDestination(s, "Ws", { workspaceName: "law-export", ...place, tags: { k: t } })]),
  "EventHubDestination.fromEventHubId (segments)": (s, t) =>
    exportTo(s, [EventHubDestination.fromEventHubId(s, "Hub", hubId(`rg${t}`, `ns${t}`, `hub${t}`), { sendRuleName: "send" })]),
  "EventHubDestination.fromEventHubId.sendRuleName": (s, t) =>
    exportTo(s, [EventHubDestination.fromEventHubId(s, "Hub", hubId("rg-siem", "evhns-siem", "defender"), { sendRuleName: `send${t}` })]),
  "EventHubDestination.sendRuleName": (s, t) =>
    exportTo(s, [new EventHubDestination(s, "Hub", { namespaceName: "evhns-export-01", ...place, sendRuleName: `send${t}` })]),
  "EventHubDestination.adopt.sendRuleName (import id)": (s, t) =>
    exportTo(s, [
      new EventHubDestination(s, "Hub", {
        namespaceName: "evhns-export-01",
        ...place,
        adopt: { eventHubId: hubId("rg-export", "evhns-export-01", "defender-export"), sendRuleName: `send${t}` },
      }),
    ]),
  "EventHubDestination.tags": (s, t) =>
    exportTo(s, [new EventHubDestination(s, "Hub", { namespaceName: "evhns-export-01", ...place, tags: { k: t } })]),
  "LogicAppDestination.fromWorkflow (workflowId, triggerUrl), azapi": (s, t) =>
    exportTo(s, [LogicAppDestination.fromWorkflow(s, "Flow", { workflowId: flowId(`rg${t}`, "la"), triggerUrl: `https://x.example/${t}` })], {
      writer: AutomationWriter.AZAPI,
    }),
  "LogicAppDestination.fromWorkflow (triggerUrl with a reference), azapi": (s, t) => {
    const sig = new TerraformVariable(s, "sig", { type: "string", sensitive: true }).stringValue;
    exportTo(
      s,
      [LogicAppDestination.fromWorkflow(s, "Flow", { workflowId: flowId("rg-la", "la"), triggerUrl: `https://x.example/${t}?sig=${sig}` })],
      {
        writer: AutomationWriter.AZAPI,
      },
    );
  },
  "LogicAppDestination.fromWorkflow (triggerUrl), azurerm": (s, t) =>
    exportTo(s, [LogicAppDestination.fromWorkflow(s, "Flow", { workflowId: flowId("rg-la", "la"), triggerUrl: `https://x.example/${t}` })]),
  "LogicAppDestination.tags": (s, t) => exportTo(s, [new LogicAppDestination(s, "Flow", { workflowName: "la-export", ...place, tags: { k: t } })]),
  "ContinuousExport.adopt (automation id)": (s, t) =>
    exportTo(s, [soc(s)], {
      names: { workspace: `ExportToWorkspace${t}` },
      adopt: {
        workspace: ExistingAutomation.fromId(
          `/subscriptions/${SUB}/resourceGroups/rg-export/providers/Microsoft.Security/automations/ExportToWorkspace${t}`,
          {
            location: "westeurope",
          },
        ),
      },
    }),
  "ContinuousExport.health.emailReceivers": (s, t) => exportTo(s, [socHere(s)], { health: { emailReceivers: [`secops${t}@contoso.example`] } }),
  "ContinuousExport.health.actionGroupId": (s, t) =>
    exportTo(s, [socHere(s)], {
      health: { actionGroupId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Insights/actionGroups/ag${t}` },
    }),
  "CrossTenantAccess lighthouse displayName": (s, t) => {
    const dest = LogAnalyticsDestination.fromWorkspaceId(s, "Ws", ws("rg", "law-central"), { tenantId: GUID(0xcc) });
    new CrossTenantAccess(s, "Grant", {
      destinations: [dest],
      principal: ExportingPrincipal.lighthouse({ principalId: GUID(0xdd), displayName: t }),
      exportingTenantId: GUID(0xaa),
    });
  },
  "ExportDelegation.displayName": (s, t) =>
    new ExportDelegation(s, "Delegation", {
      managingTenantId: GUID(0xaa),
      managingPrincipalId: GUID(0xdd),
      displayName: t,
      subscriptionId: SUB,
      resourceGroupName: "rg",
    }),
  "ExportDelegation.resourceGroupName": (s, t) =>
    new ExportDelegation(s, "Delegation", {
      managingTenantId: GUID(0xaa),
      managingPrincipalId: GUID(0xdd),
      displayName: "d",
      subscriptionId: SUB,
      resourceGroupName: `rg${t}`,
    }),
  "ContinuousExportPolicy.displayName": (s, t) =>
    new ContinuousExportPolicy(s, "Policy", {
      scope: PolicyScope.subscription(SUB),
      exports: [Export.recommendations()],
      destinations: [soc(s)],
      ...place,
      displayName: t,
    }),
  "ContinuousExportPolicy.assignmentName": (s, t) =>
    new ContinuousExportPolicy(s, "Policy", {
      scope: PolicyScope.subscription(SUB),
      exports: [Export.recommendations()],
      destinations: [soc(s)],
      ...place,
      assignmentName: `a${t}`,
    }),
  "PolicyScope.managementGroup": (s, t) =>
    new ContinuousExportPolicy(s, "Policy", {
      scope: PolicyScope.managementGroup(`mg${t}`),
      exports: [Export.recommendations()],
      destinations: [soc(s)],
      ...place,
    }),
  "ContinuousExportFleet.tags": (s, t) =>
    new ContinuousExportFleet(s, "Fleet", {
      subscriptions: [{ subscriptionId: SUB }],
      exports: [Export.recommendations()],
      destinations: [soc(s)],
      ...place,
      tags: { k: t },
    }),
  "ContinuousExportFleet.subscriptions.resourceGroupName": (s, t) =>
    new ContinuousExportFleet(s, "Fleet", {
      subscriptions: [{ subscriptionId: SUB, resourceGroupName: `rg${t}` }],
      exports: [Export.recommendations()],
      destinations: [soc(s)],
      ...place,
    }),
};

let lastRefusal = "";
/** A stack with the request, synthesized with validations; a coded refusal is `undefined`. */
function synth(build: Build, text: string): any {
  const { stack } = stackWithProvider();
  new AzapiProvider(stack, "azapi", {});
  try {
    build(stack, text);
    return JSON.parse(Testing.synth(stack, true));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof ExportConfigError || /^Validation failed with the following errors:\s+\[[^\]]+\] \[DF[EWC]\d{3}\]/.test(message)) {
      lastRefusal = message;
      return undefined;
    }
    throw e;
  }
}

/** What Terraform would evaluate in a synthesized stack, and the text it would send. */
function read(json: any): { expressions: string[]; text: string } {
  const all = stringsOf(json).map(readTemplate);
  return { expressions: all.flatMap((r) => r.expressions).sort(), text: all.flatMap((r) => r.text).join("\u0001") };
}

const HARMLESS = "harmless";
const baseline = new Map<string, ReturnType<typeof read>>();
function harmless(field: string): ReturnType<typeof read> {
  if (!baseline.has(field)) {
    const json = synth(FIELDS[field], HARMLESS);
    if (json === undefined) throw new Error(`${field}: the harmless request is refused (${lastRefusal}); the table is wrong`);
    baseline.set(field, read(json));
  }
  return baseline.get(field)!;
}

describe("no text a user gives is ever an expression", () => {
  test.each(Object.keys(FIELDS))("%s", (field) => {
    harmless(field); // the request itself is valid: a field cannot pass by refusing everything
    fc.assert(
      fc.property(fc.oneof(hostileText, hostileTemplate), (text) => {
        const json = synth(FIELDS[field], text);
        if (json === undefined) return; // refused with a coded error: nothing reaches Terraform
        const hostile = read(json);
        expect(hostile.expressions).toEqual(harmless(field).expressions);
        // What the user wrote reaches Azure as written (Terraform's reading of the text parts).
        expect(hostile.text.includes(text) || hostile.text.includes(text.replace(/\r\n?/g, "\n"))).toBe(true);
      }),
      { numRuns: 25, seed: 24 },
    );
  });

  test("free-text fields take hostile text (so the property above is not passed by refusing everything)", () => {
    // An id segment cannot hold a slash; characters Azure takes in no text (DFE221: NUL, other controls, lone
    // surrogates) are refused on their own, so this sample leaves them out.
    const text = Array.from(HOSTILE_FRAGMENTS.join("").replace(/\//g, ""))
      .filter((c) => unsafeCharacterIn(c) === undefined)
      .join("");
    for (const field of [
      "ContinuousExport.description",
      "ContinuousExport.description (azapi)",
      "ContinuousExport.tags (value)",
      "Export.alerts.displayNameContains",
      "Rule.raw (path and value)",
      "EventHubDestination.fromEventHubId.sendRuleName",
      "EventHubDestination.adopt.sendRuleName (import id)",
      "LogicAppDestination.fromWorkflow (workflowId, triggerUrl), azapi",
      "LogicAppDestination.fromWorkflow (triggerUrl with a reference), azapi",
      "CrossTenantAccess lighthouse displayName",
      "ExportDelegation.displayName",
      "ContinuousExport.adopt (automation id)",
    ]) {
      const json = synth(FIELDS[field], text);
      expect({ field, refused: json === undefined ? lastRefusal : "" }).toEqual({ field, refused: "" });
      expect(read(json).expressions).toEqual(harmless(field).expressions);
      expect(read(json).text).toContain(text);
    }
  });

  test("the reader finds an expression where there is one (the oracle can fail)", () => {
    expect(readTemplate('a${file("/etc/passwd")}b').expressions).toEqual(['${file("…")}']);
    expect(readTemplate("a$${x}%%{y}").expressions).toEqual([]);
    expect(readTemplate("a$${x}%%{y}").text).toEqual(["a${x}%{y}"]);
    expect(readTemplate('${sensitive("a${x}\\"")}').expressions).toEqual(["${x}", '${sensitive("…")}']);
    expect(readTemplate('${sensitive("a$${x}\\"")}').expressions).toEqual(['${sensitive("…")}']);
    expect(() => readTemplate('${sensitive("a)}')).toThrow();
  });

  test("a marker of a token cdktf knows stays the app's reference; a marker it does not know is text", () => {
    const { stack } = stackWithProvider();
    const variable = new TerraformVariable(stack, "team", { type: "string" });
    exportTo(stack, [soc(stack)], { description: `${variable.stringValue} ${"${TfToken[TOKEN.999999999]}"}` });
    const { expressions, text } = read(JSON.parse(Testing.synth(stack, true)));
    expect(expressions).toContain("${var.team}");
    expect(text).toContain(" ${TfToken[TOKEN.999999999]}");
  });

  test('the secret of the azapi writer: a quote or a backslash in a literal stays inside sensitive("…")', () => {
    const url = 'https://x.example/a"),file("/etc/passwd"),("\\';
    const { stack } = stackWithProvider();
    new AzapiProvider(stack, "azapi", {});
    exportTo(stack, [LogicAppDestination.fromWorkflow(stack, "Flow", { workflowId: flowId("rg-la", "la"), triggerUrl: url })], {
      writer: AutomationWriter.AZAPI,
    });
    const out = JSON.parse(Testing.synth(stack, true));
    // A secret goes in the write-only sensitive_body (never in plan or state), still inside sensitive("…").
    const uri = (Object.values(out.resource.azapi_resource)[0] as any).sensitive_body.properties.actions[0].uri;
    expect(uri).toBe('${sensitive("https://x.example/a\\"),file(\\"/etc/passwd\\"),(\\"\\\\")}');
    expect(readTemplate(uri).expressions).toEqual(['${sensitive("…")}']);
    expect(readTemplate(uri).text.join("")).toBe(url);
  });
});

describe("every element the library writes passes the door", () => {
  test("in a request that uses every construct, each element below a library construct is written through literalElement", () => {
    const elements = Object.values(FIELDS).flatMap((build) => {
      const { stack } = stackWithProvider();
      new AzapiProvider(stack, "azapi", {});
      build(stack, HARMLESS);
      return stack.node.findAll().filter((c: IConstruct) => (c as { toTerraform?: unknown }).toTerraform !== undefined && c !== stack);
    });
    const nested = elements.filter((c) => !(c.node.scope instanceof TerraformStack));
    expect(nested.length).toBeGreaterThan(50);
    expect(nested.filter((c) => !passedTheDoor(c)).map((c) => `${c.node.path} (${c.constructor.name})`)).toEqual([]);
  });
});

/** Terraform's own reading, offline: each string that holds no reference becomes an output; Terraform must produce the text our reader reads. */
const judge = terraformAvailable() ? describe : describe.skip;
judge("Terraform itself reads the user's text as text", () => {
  test("outputs of every literal string of hostile requests evaluate to the text, with no file read and no expression", () => {
    const samples = fc.sample(
      hostileTemplate.filter((t) => !/[\ud800-\udfff]/.test(t.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ""))),
      { numRuns: 6, seed: 7 },
    );
    const outputs: { [name: string]: { value: string; sensitive: boolean } } = {};
    const expected: { [name: string]: string } = {};
    for (const [i, text] of samples.entries()) {
      for (const field of Object.keys(FIELDS)) {
        const json = synth(FIELDS[field], text);
        if (json === undefined) continue;
        for (const s of stringsOf(json)) {
          const { expressions, text: parts } = readTemplate(s);
          if (!parts.join("").includes(text)) continue;
          // A string Terraform can evaluate alone: no expression, or only sensitive("…") of a literal.
          if (!expressions.every((e) => e === '${sensitive("…")}')) continue;
          const name = `o${i}_${Object.keys(outputs).length}`;
          outputs[name] = { value: s, sensitive: expressions.length > 0 };
          // HCL normalizes every string to Unicode NFC (HCL native syntax spec, "Template Literals").
          expected[name] = parts.join("").normalize("NFC");
        }
      }
    }
    expect(Object.keys(outputs).length).toBeGreaterThan(20);
    const dir = mkdtempSync(join(tmpdir(), "tf-judge-"));
    try {
      writeFileSync(join(dir, "main.tf.json"), JSON.stringify({ output: outputs }));
      writeFileSync(join(dir, "empty.tfrc"), "");
      const env = { ...process.env, TF_CLI_CONFIG_FILE: join(dir, "empty.tfrc"), CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };
      const run = (...args: string[]) => execFileSync("terraform", args, { cwd: dir, env, encoding: "utf8", maxBuffer: 1 << 26 });
      run("init", "-input=false", "-no-color");
      run("apply", "-auto-approve", "-input=false", "-no-color");
      const values = JSON.parse(run("output", "-json")) as { [name: string]: { value: string } };
      // Compared as JSON, so that a difference in an invisible character shows.
      const asJson = (o: { [name: string]: string }) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, JSON.stringify(v)]));
      expect(asJson(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.value])))).toEqual(asJson(expected));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
