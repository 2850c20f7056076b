import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TerraformStack } from "cdktf";
import {
  AlertSeverity,
  AutomationWriter,
  AzapiProvider,
  ContinuousExport,
  EventHubDestination,
  Export,
  LogAnalyticsDestination,
  LogicAppDestination,
} from "../../lib";
import { SUB, WORKSPACE_ID, onlyResource, stackWithProvider, synthJson } from "../helpers";
import { terraformAvailable, terraformPlan } from "../change-safety/terraform-planner";
import { planStack } from "../change-safety/planner";

const AZAPI = "azapi_resource";
const EVENT_HUB_ID = `/subscriptions/${SUB}/resourceGroups/rg-siem/providers/Microsoft.EventHub/namespaces/evhns-siem/eventhubs/defender`;

function hubExport(description = "to the SIEM"): { stack: TerraformStack; json: any } {
  const { stack } = stackWithProvider();
  new AzapiProvider(stack, "azapi", {});
  new ContinuousExport(stack, "Export", {
    subscriptionId: SUB,
    resourceGroupName: "rg-export",
    location: "westeurope",
    description,
    exports: [Export.alerts({ severities: [AlertSeverity.HIGH] })],
    destinations: [EventHubDestination.fromEventHubId(stack, "Siem", EVENT_HUB_ID, { sendRuleName: "send" })],
    writer: AutomationWriter.AZAPI,
  });
  return { stack, json: synthJson(stack) };
}

describe("the azapi writer keeps secrets out of the plan and the state (write-only sensitive_body)", () => {
  test("an action with a connection string goes to sensitive_body, with a version; body keeps no actions", () => {
    const { json } = hubExport();
    const automation = onlyResource(json, AZAPI);
    expect(automation.body.properties.actions).toBeUndefined();
    expect(automation.sensitive_body.properties.actions).toEqual([
      {
        actionType: "EventHub",
        eventHubResourceId: EVENT_HUB_ID,
        connectionString: expect.stringMatching(/^\$\{sensitive\(data\.azurerm_eventhub_authorization_rule\.[^.]+\.primary_connection_string\)\}$/),
      },
    ]);
    expect(automation.sensitive_body_version).toEqual({
      "properties.actions": expect.stringMatching(
        /^\$\{sha256\(join\("\|", \["[0-9a-f]{64}", data\.azurerm_eventhub_authorization_rule\.[^.]+\.primary_connection_string\]\)\)\}$/,
      ),
    });
    // Nothing else carries the secret: it is not in body, outputs or locals.
    const { sensitive_body: _, sensitive_body_version: __, ...rest } = automation;
    expect(JSON.stringify(rest)).not.toMatch(/connection_string|connectionString/);
  });

  test("write-only arguments need Terraform 1.11: the stack requires it", () => {
    expect(hubExport().json.terraform.required_version).toBe(">= 1.11");
  });

  test("an app's own required_version that admits Terraform before 1.11 is refused (it would keep the secret in the state)", () => {
    const { stack } = stackWithProvider();
    stack.addOverride("terraform.required_version", "~> 1.10.0");
    new AzapiProvider(stack, "azapi", {});
    new ContinuousExport(stack, "Export", {
      subscriptionId: SUB,
      resourceGroupName: "rg-export",
      location: "westeurope",
      exports: [Export.alerts()],
      destinations: [EventHubDestination.fromEventHubId(stack, "Siem", EVENT_HUB_ID, { sendRuleName: "send" })],
      writer: AutomationWriter.AZAPI,
    });
    expect(() => synthJson(stack)).toThrow(/\[DFE174\] test\/Export\/.*"~> 1\.10\.0".*Require ">= 1\.11"/);
  });

  test("an export without secrets keeps its actions in body and does not raise the Terraform version", () => {
    const { stack } = stackWithProvider();
    new AzapiProvider(stack, "azapi", {});
    new ContinuousExport(stack, "Export", {
      subscriptionId: SUB,
      resourceGroupName: "rg-export",
      location: "westeurope",
      exports: [Export.alerts()],
      destinations: [LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID)],
      writer: AutomationWriter.AZAPI,
    });
    const json = synthJson(stack);
    const automation = onlyResource(json, AZAPI);
    expect(automation.sensitive_body).toBeUndefined();
    expect(automation.sensitive_body_version).toBeUndefined();
    expect(automation.body.properties.actions).toEqual([{ actionType: "Workspace", workspaceResourceId: WORKSPACE_ID }]);
    expect(json.terraform.required_version).toBeUndefined();
  });

  test("a literal trigger URL enters the version as its digest, never as itself", () => {
    const { stack } = stackWithProvider();
    new AzapiProvider(stack, "azapi", {});
    const url = "https://prod-01.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=2016-10-01";
    new ContinuousExport(stack, "Export", {
      subscriptionId: SUB,
      resourceGroupName: "rg-export",
      location: "westeurope",
      exports: [Export.alerts()],
      destinations: [
        LogicAppDestination.fromWorkflow(stack, "Flow", {
          workflowId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Logic/workflows/la-ticket`,
          triggerUrl: url,
        }),
      ],
      writer: AutomationWriter.AZAPI,
    });
    const automation = onlyResource(synthJson(stack), AZAPI);
    expect(automation.sensitive_body.properties.actions[0].uri).toContain(url);
    expect(automation.sensitive_body_version["properties.actions"]).toMatch(/^\$\{sha256\(join\("\|", \["[0-9a-f]{64}", "[0-9a-f]{64}"\]\)\)\}$/);
  });

  test("the version is the same from one synth to the next (no update without a change)", () => {
    expect(onlyResource(hubExport().json, AZAPI).sensitive_body_version).toEqual(onlyResource(hubExport().json, AZAPI).sensitive_body_version);
  });
});

/** Terraform evaluates the version expression with the secret reference replaced by a variable of the given value. */
function versionFor(expression: string, secret: string): string {
  const dir = mkdtempSync(join(tmpdir(), "azure-rotation-"));
  try {
    writeFileSync(join(dir, "main.tf.json"), JSON.stringify({ variable: { secret: { type: "string", sensitive: true } } }));
    const inner = expression
      .replace(/^\$\{(.*)\}$/, "$1")
      .replace(/data\.azurerm_eventhub_authorization_rule\.[^.]+\.primary_connection_string/, "var.secret");
    return execFileSync("terraform", ["console", `-var=secret=${secret}`], {
      cwd: dir,
      input: `nonsensitive(${inner})\n`,
      env: { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", CHECKPOINT_DISABLE: "1" },
    })
      .toString()
      .trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const withTerraform = terraformAvailable() ? describe : describe.skip;
if (!terraformAvailable()) console.warn("terraform is not on the PATH: the rotation check with Terraform's own functions is skipped");

withTerraform("a rotated secret reaches Azure: Terraform's value of sensitive_body_version changes with it", () => {
  const version = onlyResource(hubExport().json, AZAPI).sensitive_body_version["properties.actions"];

  test("a regenerated key gives another version (azapi re-sends the actions); the same key the same version (no update)", () => {
    const before = versionFor(version, "Endpoint=sb://evhns-siem.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=old=");
    const again = versionFor(version, "Endpoint=sb://evhns-siem.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=old=");
    const rotated = versionFor(version, "Endpoint=sb://evhns-siem.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=new=");
    expect(before).toMatch(/^"[0-9a-f]{64}"$/);
    expect(again).toBe(before);
    expect(rotated).not.toBe(before);
  });

  test("any other change to the automation changes the version too, so no update is sent without the secret", () => {
    const changed = onlyResource(hubExport("changed").json, AZAPI).sensitive_body_version["properties.actions"];
    expect(versionFor(changed, "key")).not.toBe(versionFor(version, "key"));
  });
});

describe("upgrading an azapi automation whose secret was in body", () => {
  /** The automation as 0.1 wrote it: the actions, secrets included, in `body`. */
  function as01(json: any): any {
    const copy = JSON.parse(JSON.stringify(json));
    for (const automation of Object.values(copy.resource.azapi_resource) as any[]) {
      if (!automation.sensitive_body) continue;
      automation.body.properties.actions = automation.sensitive_body.properties.actions;
      delete automation.sensitive_body;
      delete automation.sensitive_body_version;
    }
    delete copy.terraform.required_version;
    return copy;
  }

  test("updates it in place at the same address: nothing created, replaced or destroyed", () => {
    const after = hubExport().json;
    const plan = planStack(as01(after), after);
    expect([...plan.values()].map((p) => `${p.address} ${p.action}`).filter((line) => !line.endsWith(" kept"))).toEqual([
      expect.stringMatching(/^azapi_resource\.Export_EventHub_[0-9A-F]{8} updated$/),
    ]);
  });

  (terraformAvailable() ? test : test.skip)("Terraform's own planner agrees", () => {
    const after = hubExport().json;
    const lines = (plan: Map<string, { address: string; action: string }>) => [...plan.values()].map((p) => `${p.address} ${p.action}`).sort();
    expect(lines(terraformPlan(as01(after), after))).toEqual(lines(planStack(as01(after), after)));
  });
});
