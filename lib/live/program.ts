import { Token } from "cdktf";
import { CHECK_RULES } from "../checks/rules";
import { ProgramDestination } from "../kinds/declaration";
import { DestinationKind } from "../kinds/destination-kind";
import { NAME_RULES, checkName, checkTags, checkText } from "../internal/inputs";
import { parseResourceId } from "../internal/resource-id";
import { ActionView } from "../writers/automation-view";
import { normalizedLocation } from "../adopt/existing-automation";
import { LiveAutomation } from "./arm-input";
import { codeLiteral, codeTextList, codeTextMap } from "./code-literal";
import { LiveFinding, findingsByAutomation } from "./lint";
import { foldFleets, fleetCode } from "./fleet-fold";
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
}

const NAME = /^[A-Za-z0-9_-]{1,260}$/;
/** Checks whose automations still export as they are: adopted as they run, the finding reported. */
const STILL_EXPORTS = new Set(CHECK_RULES.filter((r) => r.stillExports).map((r) => r.id));

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
  const byAutomation = findingsByAutomation(findings);
  // Azure compares resource ids case-insensitively; Resource Graph pages can overlap.
  const seen = new Set<string>();
  for (const a of automations) {
    const reasons = refusals(a, byAutomation.get(a.id) ?? []);
    if (seen.has(a.id.toLowerCase())) reasons.push("the input lists this automation again (ids compare case-insensitively): it is adopted once.");
    seen.add(a.id.toLowerCase());
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

/** What keeps an automation out of the program (given its own findings), with the fix. */
function refusals(a: LiveAutomation, findings: readonly LiveFinding[]): string[] {
  const reasons = findings
    .filter((f) => f.level === "error" && !STILL_EXPORTS.has(f.ruleId))
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
  reasons.push(...programInputProblems(a));
  const own = `/subscriptions/${a.subscriptionId}`;
  const reported = findings.some((f) => f.automationId === a.id && f.ruleId === "DFC017");
  if (!reported && a.view.scopes.some((s) => !s.toLowerCase().startsWith(own) || !/^\/subscriptions\/[^/]+(\/resourceGroups\/[^/]+)?$/i.test(s))) {
    reasons.push(`a scope is not its subscription or one of its resource groups (${a.view.scopes.join(", ")}).`);
  }
  return reasons;
}

/**
 * What the written program would refuse at synth, checked by the same functions the constructs use, so
 * that every program `import` writes synthesizes: the resource group, location, description, tags and
 * scoped groups as Azure takes them, the destinations' resource ids of their kind's shape, and no text
 * that cdktf would read as a reference (`${TfToken[…]}`) instead of as text.
 */
function programInputProblems(a: LiveAutomation): string[] {
  const problems: string[] = [];
  const check = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e));
    }
  };
  check(() => checkName("resourceGroupName", a.resourceGroupName, NAME_RULES.resourceGroup));
  if (a.location) check(() => checkName("location", normalizedLocation(a.location), NAME_RULES.location));
  if (a.view.description) check(() => checkText("description", a.view.description, 1024));
  check(() => checkTags("tags", Object.fromEntries(Object.entries(a.tags))));
  for (const s of a.view.scopes.filter((x) => /\/resourceGroups\//i.test(x))) {
    check(() => checkName("a scoped resource group", s.split("/")[4], NAME_RULES.resourceGroup));
  }
  for (const action of a.view.actions) {
    const kind = DestinationKind.ofActionType(action.actionType);
    if (kind) check(() => parseResourceId(action.resourceId, kind._idShape, `a ${kind.displayName}`));
  }
  const texts = [
    a.id,
    a.location,
    a.view.description ?? "",
    ...Object.entries(a.tags).flat(),
    ...a.view.scopes,
    ...a.view.actions.map((x) => x.resourceId),
    ...a.view.sources.flatMap((s) => s.ruleSets.flat().flatMap((r) => [r.propertyJPath, r.expectedValue])),
  ];
  if (texts.some((t) => Token.isUnresolved(t))) {
    problems.push("a text holds a cdktf token marker (`${TfToken[…]}`), which the program would read as a reference, not as text.");
  }
  return problems;
}

function programSource(
  accepted: ReadonlyArray<{ automation: LiveAutomation; kind: DestinationKind; exports: RebuiltExport[] }>,
  options: ImportOptions,
  refused: readonly RefusedAutomation[],
): string {
  // Only what the program uses: `cdktf init`'s tsconfig has noUnusedLocals.
  const names = new Set(["AzapiProvider"]);
  const destinations = new Map<string, ProgramDestination>();
  const providers = new Map<string, string>();
  const variables: string[] = [];
  let needsAzuread = false;
  const destinationFor = (action: ActionView): ProgramDestination => {
    const key = `${action.actionType.toLowerCase()}|${action.resourceId.toLowerCase()}|${action.trusted}`;
    const known = destinations.get(key);
    if (known) return known;
    const kind = DestinationKind.ofActionType(action.actionType) as DestinationKind;
    const provider = () => {
      const sub = action.resourceId.split("/")[2]?.toLowerCase() ?? "";
      if (!providers.has(sub)) providers.set(sub, providers.size === 0 ? "" : `sub_${providers.size}`);
      const alias = providers.get(sub);
      return alias ? `, provider: ${alias}` : "";
    };
    const n = destinations.size + 1;
    const made = kind._program({ n, resourceId: action.resourceId, trusted: action.trusted, literal: codeLiteral, provider });
    names.add(made.className);
    if (made.needsAzuread) needsAzuread = true;
    for (const input of made.inputs) {
      variables.push(
        `    const ${input.variable} = new TerraformVariable(this, "${input.name}", {\n      type: "string",\n${input.sensitive ? "      sensitive: true,\n" : ""}      description: ${codeLiteral(input.description)},\n    });`,
      );
    }
    destinations.set(key, made);
    return made;
  };

  const ids = new Set<string>();
  const { fleets, singles } = foldFleets(accepted);
  const fleetBlocks = fleets.map((group) => {
    ["ContinuousExportFleet", "ExistingAutomation", "FleetLayout"].forEach((n) => names.add(n));
    group[0].exports.forEach((e) => e.names.forEach((n) => names.add(n)));
    const id = uniqueId({ ...group[0].automation, name: `${group[0].automation.name}-fleet` }, ids);
    return fleetCode(
      id,
      group,
      group[0].automation.view.actions.map(destinationFor).map((d) => d.variable),
    );
  });
  const exportBlocks = singles.map(({ automation: a, kind, exports }) => {
    ["AutomationWriter", "ContinuousExport", "ExistingAutomation"].forEach((n) => names.add(n));
    exports.forEach((e) => e.names.forEach((n) => names.add(n)));
    const targets = a.view.actions.map(destinationFor);
    const id = uniqueId(a, ids);
    const groups = a.view.scopes.filter((s) => /\/resourceGroups\//i.test(s)).map((s) => s.split("/")[4]);
    const props = [
      `subscriptionId: ${codeLiteral(a.subscriptionId)}`,
      `resourceGroupName: ${codeLiteral(a.resourceGroupName)}`,
      `location: ${codeLiteral(normalizedLocation(a.location))}`,
      `exports: [${exports.map((e) => e.code).join(", ")}]`,
      `destinations: [${targets.map((t) => t.variable).join(", ")}]`,
      ...(groups.length > 0 ? [`scopeResourceGroups: ${codeTextList(groups)}`] : []),
      ...(a.view.description !== undefined && a.view.description !== "" ? [`description: ${codeLiteral(a.view.description)}`] : []),
      ...(a.view.enabled ? [] : ["enabled: false"]),
      ...(Object.keys(a.tags).length > 0 ? [`tags: ${codeTextMap(Object.entries(a.tags))}`] : []),
      "writer: AutomationWriter.AZAPI",
      `adopt: { ${kind.propKey}: ExistingAutomation.fromId(${codeLiteral(a.id)}, { location: ${codeLiteral(normalizedLocation(a.location))} }) }`,
    ];
    // Comments carry no input text: the automation's id is the literal in its adopt line.
    const raw = exports.some((e) => !e.typed) ? "    // Raw rules (`where`): the typed filters cannot say these rule sets exactly.\n" : "";
    return `${raw}    new ContinuousExport(this, ${codeLiteral(id)}, {\n${props.map((p) => `      ${p},`).join("\n")}\n    });`;
  });
  if (needsAzuread) names.add("AzureadProvider");

  const providerLines = [
    `    new AzapiProvider(this, "azapi", {});`,
    ...(needsAzuread ? [`    new AzureadProvider(this, "azuread", {});`] : []),
    ...[...providers].map(([sub, alias]) =>
      alias
        ? `    const ${alias} = new AzurermProvider(this, "azurerm-${alias}", { features: [{}], alias: "${alias}", subscriptionId: ${codeLiteral(sub)} });`
        : `    new AzurermProvider(this, "azurerm", { features: [{}], subscriptionId: ${codeLiteral(sub)} });`,
    ),
  ];
  const destinationLines = [...destinations.values()].map((d) => `    const ${d.variable} = ${d.code};`);
  const inputs = [...destinations.values()].flatMap((d) => d.inputs.map((i) => i.name));
  const header = [
    `// Written by \`npx ${PACKAGE_NAME} import\`: ${accepted.length} live automation${accepted.length === 1 ? "" : "s"} taken over.`,
    "// Each ContinuousExport (and each subscription of a ContinuousExportFleet) adopts its automation (an import block, same name, resource group and location):",
    "// the first `cdktf deploy` imports them and leaves what they export unchanged.",
    ...(inputs.length > 0 ? [`// Fill in the variables first (terraform.tfvars, or TF_VAR_<name>): ${inputs.join(", ")}.`] : []),
    ...(needsAzuread
      ? [
          "// Trusted-service event hubs: the library grants Azure Event Hubs Data Sender to the Security Resource Provider; import that role assignment if it exists.",
        ]
      : []),
    ...(refused.length > 0
      ? [`// Left out: ${refused.length} automation${refused.length === 1 ? "" : "s"} (the command's output lists each, with why).`]
      : []),
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
    ...fleetBlocks,
    ...exportBlocks,
    "  }",
    "}",
    "",
    "const app = new App();",
    `new ImportedExportsStack(app, ${codeLiteral(options.stackId ?? "imported-exports")});`,
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
  let chosen = id;
  for (let n = taken.size; chosen === undefined || taken.has(chosen.toLowerCase()); n++) chosen = clean(`${a.name}-${n}`);
  taken.add(chosen.toLowerCase());
  return chosen;
}
