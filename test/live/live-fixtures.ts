import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TerraformStack, Testing } from "cdktf";
import * as ts from "typescript";
import { addExampleStacks } from "../../examples/stacks";
import { DestinationKind } from "../../lib/destinations/destination";
import { PACKAGE_NAME } from "../../lib/live/program";
import { LiveAutomation, readLiveAutomations } from "../../lib/live/arm-input";
import { lintAutomations } from "../../lib/live/lint";
import { meaningOf } from "../../lib/live/meaning";
import { importProgram } from "../../lib/live/program";
import { AutomationView } from "../../lib/writers/automation-view";
import { instancesOf } from "../../lib/writers/instances";
import { readAutomation } from "../../lib/writers/writer";

type Json = { [key: string]: any };

/** An automation view as ARM returns the automation: REST names, no secrets. */
export function armOf(view: AutomationView, resourceGroupName: string, location: string): Json {
  return {
    id: `/subscriptions/${view.subscriptionId}/resourceGroups/${resourceGroupName}/providers/Microsoft.Security/automations/${view.name}`,
    name: view.name,
    type: "Microsoft.Security/automations",
    location,
    tags: {},
    properties: {
      description: view.description,
      isEnabled: view.enabled,
      scopes: view.scopes.map((scopePath) => ({ description: `scope for ${scopePath}`, scopePath })),
      sources: view.sources.map((s) => ({
        eventSource: s.eventSource,
        ruleSets: s.ruleSets.map((rules) => ({ rules: rules.map((r) => ({ ...r })) })),
      })),
      actions: view.actions.map((a) => {
        const kind = DestinationKind.ofActionType(a.actionType)!;
        return { actionType: a.actionType, [kind.resourceIdProperty]: a.resourceId, ...(a.trusted ? { isTrustedServiceEnabled: true } : {}) };
      }),
    },
  };
}

/** A literal for a reference the stack resolves at apply: the referenced resource's `name`, if literal, else its construct name. */
function literal(value: unknown, json: Json): string {
  const text = String(value ?? "");
  const ref = /^\$\{([a-z_]+)\.([A-Za-z0-9_-]+)\.[a-z_]+\}$/.exec(text);
  if (!ref) return text;
  const name = json.resource?.[ref[1]]?.[ref[2]]?.name;
  return typeof name === "string" && !name.includes("${") ? name : ref[2].toLowerCase().replace(/_/g, "-").slice(0, 60);
}

const PROVIDER_PATH: Record<string, string> = {
  Workspace: "Microsoft.OperationalInsights/workspaces/{n}",
  EventHub: "Microsoft.EventHub/namespaces/ns-{n}/eventhubs/{n}",
  LogicApp: "Microsoft.Logic/workflows/{n}",
};

/** Every automation the examples synthesize, read back and given as ARM returns it (references made literal). */
export function exampleAutomationsAsArm(): Json[] {
  const app = Testing.app();
  addExampleStacks(app);
  const out: Json[] = [];
  for (const stack of app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack)) {
    const json = JSON.parse(Testing.synth(stack));
    for (const [type, byName] of Object.entries(json.resource ?? {})) {
      for (const [name, body] of Object.entries(byName as Json)) {
        for (const instance of instancesOf(`${type}.${name}`, body as Json, json.locals)) {
          const view = readAutomation(instance.address, instance.json);
          if (!view) continue;
          const group = literal(instance.json.resource_group_name ?? String(instance.json.parent_id).split("/")[4], json);
          const actions = view.actions.map((a) =>
            a.resourceId.includes("${")
              ? {
                  ...a,
                  resourceId: `/subscriptions/${view.subscriptionId}/resourceGroups/rg-destinations/providers/${PROVIDER_PATH[a.actionType].replace(/\{n\}/g, literal(a.resourceId, json))}`,
                }
              : a,
          );
          out.push(armOf({ ...view, actions }, group, literal(instance.json.location, json) || "westeurope"));
        }
      }
    }
  }
  return out;
}

/**
 * The automation Microsoft's built-in "Deploy export to Log Analytics workspace" policy deploys for its
 * parameters, rule for rule as its deployment template builds the sources (severity values as the
 * template maps them; `type Contains Microsoft.Security/assessments` when no recommendation is chosen).
 */
export function policyDeployed(
  subscriptionId: string,
  params: {
    exportedDataTypes: string[];
    recommendationNames?: string[];
    recommendationSeverities?: string[];
    alertSeverities?: string[];
    isSecurityFindingsEnabled?: boolean;
    secureScoreControlsNames?: string[];
    regulatoryComplianceStandardsNames?: string[];
  },
): Json {
  const names = params.recommendationNames ?? [];
  const severities = params.recommendationSeverities ?? ["High", "Medium", "Low"];
  const rule = (propertyJPath: string, operator: string, expectedValue: string) => ({
    propertyJPath,
    propertyType: "string",
    expectedValue,
    operator,
  });
  const assessments = (names.length === 0 ? [undefined] : names).flatMap((n) =>
    severities.map((s) => ({
      rules: [
        n ? rule("name", "Contains", n) : rule("type", "Contains", "Microsoft.Security/assessments"),
        rule("properties.metadata.severity", "Equals", s),
      ],
    })),
  );
  const controls = params.secureScoreControlsNames?.length
    ? params.secureScoreControlsNames.map((c) => ({ rules: [rule("name", "Equals", c)] }))
    : null;
  const standards = params.regulatoryComplianceStandardsNames?.length
    ? params.regulatoryComplianceStandardsNames.map((c) => ({ rules: [rule("id", "Contains", c)] }))
    : null;
  const byType: Record<string, [string, unknown]> = {
    "Security recommendations": ["Assessments", assessments],
    "Security alerts": [
      "Alerts",
      (params.alertSeverities ?? ["High", "Medium", "Low"]).map((s) => ({ rules: [rule("Severity", "Equals", s.toLowerCase())] })),
    ],
    "Overall secure score": ["SecureScores", null],
    "Secure score controls": ["SecureScoreControls", controls],
    "Regulatory compliance": ["RegulatoryComplianceAssessment", standards],
    "Overall secure score - snapshot": ["SecureScoresSnapshot", null],
    "Secure score controls - snapshot": ["SecureScoreControlsSnapshot", controls],
    "Regulatory compliance - snapshot": ["RegulatoryComplianceAssessmentSnapshot", standards],
  };
  const sources = params.exportedDataTypes.map((t) => ({ eventSource: byType[t][0], ruleSets: byType[t][1] }));
  if (params.isSecurityFindingsEnabled) {
    sources.unshift({
      eventSource: "SubAssessments",
      ruleSets: names.length === 0 ? null : names.map((n) => ({ rules: [rule("id", "Contains", `/assessments/${n}/`)] })),
    });
  }
  return {
    id: `/subscriptions/${subscriptionId}/resourceGroups/rg-asc-export/providers/Microsoft.Security/automations/ExportToWorkspace`,
    name: "ExportToWorkspace",
    type: "Microsoft.Security/automations",
    location: "westeurope",
    properties: {
      description: "Export Microsoft Defender for Cloud data to Log Analytics workspace via policy",
      isEnabled: true,
      scopes: [{ description: `scope for subscription ${subscriptionId}`, scopePath: `/subscriptions/${subscriptionId}` }],
      sources,
      actions: [
        {
          actionType: "Workspace",
          workspaceResourceId: `/subscriptions/${subscriptionId}/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-soc`,
        },
      ],
    },
  };
}

/**
 * Runs a program `import` wrote, in this process, with the package name resolved to this library:
 * transpiled as TypeScript, synthesized into a temporary folder; returns its stack's Terraform JSON.
 */
export function synthesizeProgram(source: string, stackId = "imported-exports"): Json {
  const outdir = mkdtempSync(join(tmpdir(), "dfe-imported-"));
  const previous = process.env.CDKTF_OUTDIR;
  process.env.CDKTF_OUTDIR = outdir;
  try {
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
    const requireHere = (name: string) => (name === PACKAGE_NAME ? require("../../lib") : require(name));
    const module = { exports: {} };
    new Function("require", "module", "exports", js)(requireHere, module, module.exports);
    return JSON.parse(readFileSync(join(outdir, "stacks", stackId, "cdk.tf.json"), "utf8"));
  } finally {
    if (previous === undefined) delete process.env.CDKTF_OUTDIR;
    else process.env.CDKTF_OUTDIR = previous;
    rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * The import's guarantee: the program it writes synthesizes, for each live automation, an automation
 * whose sources mean exactly what the live one's mean, in the same place, with the same destinations,
 * and an import block for its id.
 */
export function roundTrip(arm: object[]): { live: LiveAutomation[]; problems: string[]; refused: string[] } {
  const live = readLiveAutomations(JSON.stringify(arm), "the test input");
  const program = importProgram(live, lintAutomations(live));
  const json = synthesizeProgram(program.source);
  const written = Object.entries(json.resource?.azapi_resource ?? {}).flatMap(([name, body]) =>
    instancesOf(`azapi_resource.${name}`, body as object, json.locals).flatMap((i) => {
      const view = readAutomation(i.address, i.json);
      return view ? [{ view, json: i.json, address: i.address }] : [];
    }),
  );
  const problems: string[] = [];
  for (const a of live.filter((x) => program.imported.includes(x.id))) {
    const match = written.find(
      (w) =>
        w.view.name === a.name &&
        w.json.parent_id.toLowerCase() === `/subscriptions/${a.subscriptionId}/resourceGroups/${a.resourceGroupName}`.toLowerCase(),
    );
    if (!match) {
      problems.push(`${a.id}: not written`);
      continue;
    }
    const differs = (what: string, mine: unknown, theirs: unknown) => {
      if (JSON.stringify(mine) !== JSON.stringify(theirs)) problems.push(`${a.id}: ${what} ${JSON.stringify(mine)} != ${JSON.stringify(theirs)}`);
    };
    differs("sources", meaningOf(match.view.sources), meaningOf(a.view.sources));
    differs(
      "destinations",
      match.view.actions.map((x) => `${x.actionType} ${x.resourceId.toLowerCase()} ${x.trusted}`).sort(),
      a.view.actions.map((x) => `${x.actionType} ${x.resourceId.toLowerCase()} ${x.trusted}`).sort(),
    );
    differs("scopes", match.view.scopes.map((s) => s.toLowerCase()).sort(), a.view.scopes.map((s) => s.toLowerCase()).sort());
    differs("enabled", match.view.enabled, a.view.enabled);
    differs("location", match.json.location, a.location.toLowerCase().replace(/\s/g, ""));
    const imports = (json.import ?? []).filter((i: { to: string }) => i.to === match.address);
    differs(
      "import ids",
      imports.map((i: { id: string }) => i.id.split("?")[0]),
      [a.id],
    );
  }
  return { live, problems, refused: program.refused.map((r) => `${r.id}: ${r.reasons.join(" ")}`) };
}

/** Strict TypeScript, as this project checks itself. */
export const STRICT = { strict: true, target: "es2022" };

/**
 * The compiler options `cdktf init` writes for a TypeScript app (cdktf-cli's template, read from node_modules:
 * noUnusedLocals, noImplicitReturns, ES2018 and more).
 */
export function cdktfInitCompilerOptions(): object {
  const root = join(__dirname, "..", "..");
  const template = JSON.parse(readFileSync(join(root, "node_modules", "cdktf-cli", "bundle", "templates", "typescript", "tsconfig.json"), "utf8"));
  return template.compilerOptions;
}

/**
 * The compiler's errors in a program `import` wrote, compiled with these options and the package name resolved
 * to this library's source (errors inside the library itself are the library's own type-check's business: a
 * user compiles against its declarations).
 */
export function typeErrors(source: string, compilerOptions: object = STRICT): string[] {
  const root = join(__dirname, "..", "..");
  const dir = mkdtempSync(join(root, ".imported-check-"));
  try {
    writeFileSync(join(dir, "program.ts"), source);
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          ...compilerOptions,
          noEmit: true,
          incremental: false,
          declaration: false,
          module: "commonjs",
          moduleResolution: "node",
          skipLibCheck: true,
          types: ["node"],
          typeRoots: [join(root, "node_modules", "@types")],
          baseUrl: ".",
          paths: { [PACKAGE_NAME]: [join(root, "lib", "index.ts")] },
        },
        files: ["program.ts"],
      }),
    );
    try {
      execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", dir], { encoding: "utf8", stdio: "pipe" });
      return [];
    } catch (e) {
      return String((e as { stdout?: string }).stdout)
        .split("\n")
        .filter((l) => l.startsWith("program.ts"));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
