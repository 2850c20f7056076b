import { DestinationKind } from "../destinations/destination";
import { ActionView } from "../writers/automation-view";
import { normalizedLocation } from "../adopt/existing-automation";
import { LiveAutomation } from "./arm-input";
import { LiveFinding } from "./lint";
import { RebuiltExport, rebuildExports } from "./rebuild";

/** The package the generated program imports from. */
export const PACKAGE_NAME = "cdktf-defender-export";

/** A live automation the import leaves out, and why (with the fix). */
export interface RefusedAutomation {
  /** Its ARM id. */
  readonly id: string;
  /** Why, one line each, with the fix. */
  readonly reasons: string[];
}

/** What `import` writes: a runnable CDKTF program, and what it left out. */
export interface ImportedProgram {
  /** The TypeScript program. */
  readonly source: string;
  /** The ids of the automations it adopts. */
  readonly imported: string[];
  /** The automations it left out. */
  readonly refused: RefusedAutomation[];
}

/** Options of {@link importProgram}. */
export interface ImportOptions {
  /** The stack id of the generated stack. @default "imported-exports" */
  readonly stackId?: string;
  /** Where the input came from, for the header comment. @default "the input" */
  readonly origin?: string;
}

const NAME = /^[A-Za-z0-9_-]{1,260}$/;

/**
 * A complete CDKTF program that takes the live automations over: one `ContinuousExport` per automation,
 * adopting it (`ExistingAutomation.fromId`, so the first deploy imports it) with its name, resource group
 * and location, its rule sets rebuilt as typed filters wherever they say exactly the same, and its
 * destinations as existing ones (an event hub's Send rule name and a Logic App's trigger URL become
 * variables to fill). Automations with an error-level finding (they export nothing or are rejected) and
 * those the library cannot write as they are are left out, each with the reason and the fix.
 */
export function importProgram(
  automations: readonly LiveAutomation[],
  findings: readonly LiveFinding[],
  options: ImportOptions = {},
): ImportedProgram {
  const refused: RefusedAutomation[] = [];
  const accepted: Array<{ automation: LiveAutomation; kind: DestinationKind; exports: RebuiltExport[] }> = [];
  const portalClaims = new Map<string, string>();
  for (const a of automations) {
    const reasons = refusals(a, findings);
    const kinds = [...new Set(a.view.actions.map((x) => DestinationKind.ofActionType(x.actionType)))];
    const rebuilt = rebuildExports(a.view.sources);
    if ("refused" in rebuilt) reasons.push(rebuilt.refused);
    const kind = kinds[0];
    if (kind && kind.portalName?.toLowerCase() === a.name.toLowerCase()) {
      const claim = `${a.subscriptionId}|${kind.actionType}`;
      const other = portalClaims.get(claim);
      if (other) reasons.push(`[DFC006] ${other} is this subscription's ${a.name} already: the portal shows one; rename or merge one of them first.`);
      else if (reasons.length === 0) portalClaims.set(claim, a.id);
    }
    if (reasons.length > 0 || !kind || "refused" in rebuilt) {
      refused.push({ id: a.id, reasons });
      continue;
    }
    accepted.push({ automation: a, kind, exports: rebuilt.exports });
  }
  return { source: programSource(accepted, options, refused), imported: accepted.map((x) => x.automation.id), refused };
}

/** What keeps an automation out of the program, with the fix. */
function refusals(a: LiveAutomation, findings: readonly LiveFinding[]): string[] {
  const reasons = findings
    .filter((f) => f.automationId === a.id && f.level === "error")
    .map((f) => `[${f.ruleId}] ${f.message} Fix it in Azure (or write the export anew), then import again.`);
  const kinds = new Set(a.view.actions.map((x) => DestinationKind.ofActionType(x.actionType)));
  if (kinds.size > 1) {
    reasons.push(
      `it sends to several destination kinds (${[...kinds].map((k) => k?.displayName).join(", ")}); this library writes one automation per kind. ` +
        `Split it in Azure (one automation per kind), then import again.`,
    );
  }
  if (!NAME.test(a.name)) reasons.push(`its name "${a.name}" is not one this library writes (letters, digits, _ and -).`);
  if (!a.location) reasons.push("it has no location: give the automation as Azure returns it (with `location`).");
  const own = `/subscriptions/${a.subscriptionId}`;
  const reported = findings.some((f) => f.automationId === a.id && f.ruleId === "DFC017");
  if (!reported && a.view.scopes.some((s) => !s.toLowerCase().startsWith(own) || !/^\/subscriptions\/[^/]+(\/resourceGroups\/[^/]+)?$/i.test(s))) {
    reasons.push(`a scope is not its subscription or one of its resource groups (${a.view.scopes.join(", ")}).`);
  }
  return reasons;
}

interface Destination {
  readonly variable: string;
  readonly code: string;
  readonly inputs: string[];
}

function programSource(
  accepted: ReadonlyArray<{ automation: LiveAutomation; kind: DestinationKind; exports: RebuiltExport[] }>,
  options: ImportOptions,
  refused: readonly RefusedAutomation[],
): string {
  const names = new Set(["AutomationWriter", "AzapiProvider", "ContinuousExport", "ExistingAutomation"]);
  const destinations = new Map<string, Destination>();
  const providers = new Map<string, string>();
  const variables: string[] = [];
  let needsAzuread = false;
  const destinationFor = (action: ActionView): Destination => {
    const key = `${action.actionType.toLowerCase()}|${action.resourceId.toLowerCase()}|${action.trusted}`;
    const known = destinations.get(key);
    if (known) return known;
    const kind = DestinationKind.ofActionType(action.actionType);
    const n = destinations.size + 1;
    const id = JSON.stringify(action.resourceId);
    let made: Destination;
    if (kind === DestinationKind.EVENT_HUB) {
      names.add("EventHubDestination");
      const sub = action.resourceId.split("/")[2]?.toLowerCase() ?? "";
      if (!providers.has(sub)) providers.set(sub, providers.size === 0 ? "" : `sub_${providers.size}`);
      const alias = providers.get(sub);
      const provider = alias ? `, provider: ${alias}` : "";
      if (action.trusted) {
        needsAzuread = true;
        made = {
          variable: `hub${n}`,
          code: `EventHubDestination.fromEventHubId(this, "EventHub${n}", ${id}, { trustedService: {}${provider} })`,
          inputs: [],
        };
      } else {
        const variable = `hub${n}SendRule`;
        variables.push(
          `    const ${variable} = new TerraformVariable(this, "event_hub_${n}_send_rule", {\n      type: "string",\n      description: ${JSON.stringify(`The name of an authorization rule with Send rights on ${action.resourceId}`)},\n    });`,
        );
        made = {
          variable: `hub${n}`,
          code: `EventHubDestination.fromEventHubId(this, "EventHub${n}", ${id}, { sendRuleName: ${variable}.stringValue${provider} })`,
          inputs: [`event_hub_${n}_send_rule`],
        };
      }
    } else if (kind === DestinationKind.LOGIC_APP) {
      names.add("LogicAppDestination");
      const variable = `logicApp${n}TriggerUrl`;
      variables.push(
        `    const ${variable} = new TerraformVariable(this, "logic_app_${n}_trigger_url", {\n      type: "string",\n      sensitive: true,\n      description: ${JSON.stringify(`The callback URL of the trigger of ${action.resourceId}`)},\n    });`,
      );
      made = {
        variable: `logicApp${n}`,
        code: `LogicAppDestination.fromWorkflow(this, "LogicApp${n}", { workflowId: ${id}, triggerUrl: ${variable}.stringValue })`,
        inputs: [`logic_app_${n}_trigger_url`],
      };
    } else {
      names.add("LogAnalyticsDestination");
      made = { variable: `workspace${n}`, code: `LogAnalyticsDestination.fromWorkspaceId(this, "Workspace${n}", ${id})`, inputs: [] };
    }
    destinations.set(key, made);
    return made;
  };

  const ids = new Set<string>();
  const exportBlocks = accepted.map(({ automation: a, kind, exports }) => {
    exports.forEach((e) => e.names.forEach((n) => names.add(n)));
    const targets = a.view.actions.map(destinationFor);
    const id = uniqueId(a, ids);
    const groups = a.view.scopes.filter((s) => /\/resourceGroups\//i.test(s)).map((s) => s.split("/")[4]);
    const props = [
      `subscriptionId: ${JSON.stringify(a.subscriptionId)}`,
      `resourceGroupName: ${JSON.stringify(a.resourceGroupName)}`,
      `location: ${JSON.stringify(normalizedLocation(a.location))}`,
      `exports: [${exports.map((e) => e.code).join(", ")}]`,
      `destinations: [${targets.map((t) => t.variable).join(", ")}]`,
      ...(groups.length > 0 ? [`scopeResourceGroups: ${JSON.stringify(groups)}`] : []),
      ...(a.view.description !== undefined && a.view.description !== "" ? [`description: ${JSON.stringify(a.view.description)}`] : []),
      ...(a.view.enabled ? [] : ["enabled: false"]),
      ...(Object.keys(a.tags).length > 0 ? [`tags: ${JSON.stringify(a.tags)}`] : []),
      "writer: AutomationWriter.AZAPI",
      `adopt: { ${kind.propKey}: ExistingAutomation.fromId(${JSON.stringify(a.id)}, { location: ${JSON.stringify(normalizedLocation(a.location))} }) }`,
    ];
    const raw = exports.some((e) => !e.typed) ? "\n    // Raw rules (`where`): the typed filters cannot say these rule sets exactly." : "";
    return `    // ${a.id}${raw}\n    new ContinuousExport(this, ${JSON.stringify(id)}, {\n${props.map((p) => `      ${p},`).join("\n")}\n    });`;
  });
  if (needsAzuread) names.add("AzureadProvider");

  const providerLines = [
    `    new AzapiProvider(this, "azapi", {});`,
    ...(needsAzuread ? [`    new AzureadProvider(this, "azuread", {});`] : []),
    ...[...providers].map(([sub, alias]) =>
      alias
        ? `    const ${alias} = new AzurermProvider(this, "azurerm-${alias}", { features: [{}], alias: "${alias}", subscriptionId: ${JSON.stringify(sub)} });`
        : `    new AzurermProvider(this, "azurerm", { features: [{}], subscriptionId: ${JSON.stringify(sub)} });`,
    ),
  ];
  const destinationLines = [...destinations.values()].map((d) => `    const ${d.variable} = ${d.code};`);
  const inputs = [...destinations.values()].flatMap((d) => d.inputs);
  const header = [
    `// Written by \`npx ${PACKAGE_NAME} import\` from ${options.origin ?? "the input"}: ${accepted.length} live automation${accepted.length === 1 ? "" : "s"} taken over.`,
    "// Each ContinuousExport adopts its automation (an import block, same name, resource group and location):",
    "// the first `cdktf deploy` imports them and leaves what they export unchanged.",
    ...(inputs.length > 0 ? [`// Fill in the variables first (terraform.tfvars, or TF_VAR_<name>): ${inputs.join(", ")}.`] : []),
    ...(needsAzuread
      ? [
          "// Trusted-service event hubs: the library grants Azure Event Hubs Data Sender to the Security Resource Provider; import that role assignment if it exists.",
        ]
      : []),
    ...(refused.length > 0 ? [`// Left out (see the command's output for why): ${refused.map((r) => r.id).join(", ")}.`] : []),
  ];
  return [
    ...header,
    `import { App, TerraformStack${variables.length > 0 ? ", TerraformVariable" : ""} } from "cdktf";`,
    `import { Construct } from "constructs";`,
    ...(providers.size > 0 ? [`import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";`] : []),
    `import { ${[...names].sort().join(", ")} } from "${PACKAGE_NAME}";`,
    "",
    "/** The continuous exports taken over from Azure. */",
    "export class ImportedExportsStack extends TerraformStack {",
    "  constructor(scope: Construct, id: string) {",
    "    super(scope, id);",
    ...providerLines,
    ...variables,
    ...destinationLines,
    ...exportBlocks,
    "  }",
    "}",
    "",
    "const app = new App();",
    `new ImportedExportsStack(app, ${JSON.stringify(options.stackId ?? "imported-exports")});`,
    "app.synth();",
    "",
  ].join("\n");
}

/** A construct id from the automation's name, made unique with its group and subscription when needed. */
function uniqueId(a: LiveAutomation, taken: Set<string>): string {
  const clean = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, "-");
  const id = [a.name, `${a.name}-${a.resourceGroupName}`, `${a.name}-${a.subscriptionId}`, `${a.name}-${a.resourceGroupName}-${a.subscriptionId}`]
    .map(clean)
    .find((c) => !taken.has(c.toLowerCase()));
  const chosen = id ?? clean(`${a.name}-${taken.size}`);
  taken.add(chosen.toLowerCase());
  return chosen;
}
