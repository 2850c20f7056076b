import { Testing } from "cdktf";
import fc from "fast-check";
import {
  AlertSeverity,
  AzapiProvider,
  ContinuousExport,
  ContinuousExportFleet,
  EventHubDestination,
  EventHubSku,
  Export,
  ExportConfigError,
  IExportDestination,
  LogAnalyticsDestination,
  LogicAppDestination,
  Severity,
  WorkspaceSku,
} from "../../lib";
import { SUB, WORKSPACE_ID, stackWithProvider } from "../helpers";

/**
 * The public API driven with malformed input, as plain JavaScript and a careless caller would give it:
 * each request must end in a coded error (`[DFE…]`, never a TypeError or a construct tree in the
 * message), or in output that holds no text Terraform would evaluate and no literal secret.
 */
const HOSTILE = [
  '${file("/etc/passwd")}',
  "%{ if true }x%{ endif }",
  "a\nb",
  "rg.",
  "",
  " ",
  "x".repeat(300),
  "Endpoint=sb://x/;SharedAccessKey=abc=",
  "$Default",
];
const malformed = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom(Number.NaN, -1, 0, 1.5, 1e9, Infinity),
  fc.constantFrom(...HOSTILE),
  fc.constant({}),
  fc.constant([]),
  fc.constant([null]),
  fc.constant(() => "f"),
  fc.boolean(),
);

type Build = (value: unknown) => void;

/** One field of one construct's props, set to a malformed value; everything else valid. */
const FIELDS: Record<string, Build> = {};
const place = { resourceGroupName: "rg-export", location: "westeurope" };
const exportProps = () => ({ subscriptionId: SUB, ...place, exports: [Export.alerts()] });
for (const field of [
  "subscriptionId",
  "resourceGroupName",
  "location",
  "exports",
  "destinations",
  "scopeResourceGroups",
  "names",
  "enabled",
  "description",
  "tags",
  "writer",
  "createResourceGroup",
  "tenantId",
  "adopt",
  "previousWriter",
  "resourceGroupWriter",
  "health",
]) {
  FIELDS[`ContinuousExport.${field}`] = (value) => {
    const { stack } = stackWithProvider();
    new AzapiProvider(stack, "azapi", {});
    const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID);
    new ContinuousExport(stack, "Export", { ...exportProps(), destinations: [soc], [field]: value } as never);
    synthChecked(stack);
  };
}
for (const field of [
  "actionGroupId",
  "emailReceivers",
  "silenceAfterHours",
  "severity",
  "resourceGroupName",
  "location",
  "alertSet",
  "metricsWorkspaceId",
  "provider",
]) {
  FIELDS[`ContinuousExport.health.${field}`] = (value) => {
    const { stack } = stackWithProvider();
    const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID);
    const base = field === "actionGroupId" || field === "emailReceivers" ? {} : { emailReceivers: ["secops@contoso.example"] };
    new ContinuousExport(stack, "Export", { ...exportProps(), destinations: [soc], health: { ...base, [field]: value } } as never);
    synthChecked(stack);
  };
}
for (const field of ["workspaceName", "resourceGroupName", "location", "sku", "retentionInDays", "dailyQuotaGb", "tags", "preventDestroy", "adopt"]) {
  FIELDS[`LogAnalyticsDestination.${field}`] = (value) => {
    const { stack } = stackWithProvider();
    const ws = new LogAnalyticsDestination(stack, "Ws", { workspaceName: "law-export", ...place, [field]: value } as never);
    new ContinuousExport(stack, "Export", { ...exportProps(), destinations: [ws] });
    synthChecked(stack);
  };
}
for (const field of [
  "namespaceName",
  "eventHubName",
  "resourceGroupName",
  "location",
  "sku",
  "capacity",
  "partitionCount",
  "messageRetentionDays",
  "sendRuleName",
  "tags",
]) {
  FIELDS[`EventHubDestination.${field}`] = (value) => {
    const { stack } = stackWithProvider();
    const hub = new EventHubDestination(stack, "Hub", { namespaceName: "evhns-export-01", ...place, [field]: value } as never);
    new ContinuousExport(stack, "Export", { ...exportProps(), destinations: [hub] });
    synthChecked(stack);
  };
}
for (const field of ["consumerGroupName", "access"]) {
  FIELDS[`EventHubDestination.addConsumer.${field}`] = (value) => {
    const { stack } = stackWithProvider();
    const hub = new EventHubDestination(stack, "Hub", { namespaceName: "evhns-export-01", ...place });
    hub.addConsumer("Siem", { consumerGroupName: "siem", [field]: value } as never);
    new ContinuousExport(stack, "Export", { ...exportProps(), destinations: [hub] });
    synthChecked(stack);
  };
}
for (const field of ["workflowName", "resourceGroupName", "location", "triggerName", "tags"]) {
  FIELDS[`LogicAppDestination.${field}`] = (value) => {
    const { stack } = stackWithProvider();
    const flow = new LogicAppDestination(stack, "Flow", { workflowName: "la-export", ...place, [field]: value } as never);
    new ContinuousExport(stack, "Export", { ...exportProps(), destinations: [flow] });
    synthChecked(stack);
  };
}
for (const [factory, field] of [
  ["alerts", "severities"],
  ["alerts", "minimumSeverity"],
  ["alerts", "alertTypes"],
  ["alerts", "displayNameContains"],
  ["alerts", "plans"],
  ["recommendations", "recommendations"],
  ["recommendations", "minimumSeverity"],
  ["findings", "severities"],
  ["attackPaths", "riskLevelPath"],
  ["alerts", "where"],
  ["secureScore", "snapshot"],
] as const) {
  FIELDS[`Export.${factory}.${field}`] = (value) => {
    const { stack } = stackWithProvider();
    new AzapiProvider(stack, "azapi", {});
    const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID);
    new ContinuousExport(stack, "Export", {
      ...exportProps(),
      exports: [(Export[factory] as (o: unknown) => Export)({ [field]: value })],
      destinations: [soc],
    });
    synthChecked(stack);
  };
}
for (const field of ["subscriptions", "exports", "destinations", "resourceGroupName", "location", "layout", "previousLayout"]) {
  FIELDS[`ContinuousExportFleet.${field}`] = (value) => {
    const { stack } = stackWithProvider();
    new AzapiProvider(stack, "azapi", {});
    const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID);
    new ContinuousExportFleet(stack, "Fleet", {
      subscriptions: [{ subscriptionId: SUB }],
      exports: [Export.alerts()],
      destinations: [soc],
      ...place,
      [field]: value,
    } as never);
    synthChecked(stack);
  };
}

/** Synthesizes with validations; the output must hold no evaluated text and no literal secret. */
function synthChecked(stack: Parameters<typeof Testing.synth>[0]): void {
  const json = Testing.synth(stack, true);
  const evaluated = [...json.matchAll(/(?<![$%])(\$\{|%\{)(?!TfToken)([^}]*)\}/g)].filter(
    (m) => m[1] === "%{" || !/^[a-z][\w-]*(\.[\w-]+)+(\[[^\]]*\])*(\.[\w-]+)*$|^(join|slice|split|element|sensitive)\(/.test(m[2]),
  );
  if (evaluated.length > 0) throw new Error(`evaluated text in the output: ${evaluated.map((m) => m[0]).join(", ")}`);
  if (/SharedAccessKey=/.test(json)) throw new Error("a literal secret in the output");
}

/** How a malformed request ended: `ok`, `coded`, or what went wrong. */
function outcome(build: Build, value: unknown): string {
  try {
    build(value);
    return "ok";
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof ExportConfigError || /^Validation failed with the following errors:\s+\[[^\]]+\] \[DF[EC]\d{3}\]/.test(message)) {
      if (message.length > 2000 || /"node":|"_children"/.test(message))
        return `coded, but the message describes a construct tree: ${message.slice(0, 120)}`;
      return "coded";
    }
    return `${e instanceof Error ? e.constructor.name : typeof e}: ${message.slice(0, 200)}`;
  }
}

test("at least 500 malformed requests end in a coded error or clean output, never a crash", () => {
  const failures = new Map<string, string>();
  let runs = 0;
  fc.assert(
    fc.property(fc.constantFrom(...Object.keys(FIELDS)), malformed, (field, value) => {
      runs++;
      const result = outcome(FIELDS[field], value);
      if (result !== "ok" && result !== "coded") failures.set(`${field} = ${describe(value)}`, result);
    }),
    { numRuns: 600, seed: Number(process.env.FUZZ_SEED ?? 20261130) },
  );
  expect(runs).toBeGreaterThanOrEqual(500);
  expect([...failures].map(([k, v]) => `${k}: ${v}`)).toEqual([]);
});

test("the constants this fuzz relies on exist", () => {
  expect([AlertSeverity.HIGH, Severity.HIGH, EventHubSku.BASIC, WorkspaceSku.PER_GB_2018]).toHaveLength(4);
});

function describe(value: unknown): string {
  return typeof value === "function" ? "a function" : (JSON.stringify(value) ?? String(value));
}

export type { IExportDestination };
