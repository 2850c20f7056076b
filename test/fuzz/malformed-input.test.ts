import { Fn, Lazy, Testing, Token } from "cdktf";
import fc from "fast-check";
import {
  AlertSeverity,
  AzapiProvider,
  AzureadProvider,
  ContinuousExport,
  ContinuousExportFleet,
  EventHubDestination,
  EventHubSku,
  ConsumerAccess,
  ContinuousExportPolicy,
  CrossTenantAccess,
  Export,
  ExportingPrincipal,
  PolicyScope,
  SecurityResourceProvider,
  ShardPlan,
  IExportDestination,
  LogAnalyticsDestination,
  LogicAppDestination,
  Severity,
  WorkspaceSku,
} from "../../lib";
import { ExportConfigError } from "../../lib/model/errors";
import { EVENT_HUB_ID, SUB, WORKSPACE_ID, stackWithProvider } from "../helpers";

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
/** Unicode a careless or hostile caller sends: other scripts, NUL, halves of surrogate pairs, direction overrides, look-alike letters. */
const UNICODE = ["ресурсы", "rg-\u0000", "rg-\uD800", "\uDC00rg", "rg\u202Eexe", "🔒-rg", "İstanbul", "ｒｇ", "rg\u0301", "\u200Brg"];
/** Tokens: values known at apply (functions of Terraform), in each primitive shape. */
const TOKENS = [Fn.lower("RG-EXPORT"), Token.asNumber(Fn.parseint("30", 10)), Fn.join(",", ["a", "b"])];
/** Lazy values: producing hostile text, a bad number, a good name, or failing. */
const LAZY = [
  () => Lazy.stringValue({ produce: () => '${file("/etc/passwd")}' }),
  () => Lazy.stringValue({ produce: () => "rg export!" }),
  () => Lazy.stringValue({ produce: () => "rg-export" }),
  () => Lazy.numberValue({ produce: () => Number.NaN }),
  () => Lazy.listValue({ produce: () => ["999.1.1.1"] }),
  () =>
    Lazy.stringValue({
      produce: () => {
        throw new Error("not ready");
      },
    }),
];
/** Objects with getters: one that throws, one that answers a good value first and a hostile one after. */
const GETTERS = [
  () => ({
    get value(): string {
      throw new Error("getter");
    },
  }),
  () => {
    let reads = 0;
    return {
      get subscriptionId() {
        return reads++ === 0 ? SUB : '${file("/etc/passwd")}';
      },
      get workspaceName() {
        return reads++ === 0 ? "law-export" : "law export!";
      },
    };
  },
];
/** Forged instances: objects that look like the library's but were not made by it. */
const FORGED = [
  () => Object.create(Export.prototype),
  () => ({ ...Export.alerts() }),
  () => Object.assign(Object.create(AlertSeverity.prototype), { name: "High", rank: 3 }),
  () => ({ kind: { actionType: "Workspace" }, bind: () => ({}), node: { path: "fake" } }),
  () => Object.create(LogAnalyticsDestination.prototype),
  () => ({ subscriptionIds: [SUB], arriving: [], leaving: [], retiring: false, name: "shard-00", index: 0 }),
  () => Object.assign(Object.create(ExportingPrincipal.prototype), { objectId: SUB, _mode: "guest" }),
  () =>
    new (class HealthProps {
      emailReceivers = ["secops@contoso.example"];
    })(),
];
const malformed = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom(Number.NaN, -1, 0, 1.5, 1e9, Infinity),
  fc.constantFrom(...HOSTILE),
  fc.constantFrom(...UNICODE),
  fc.constantFrom(...TOKENS),
  fc.constantFrom(...LAZY).map((make) => make()),
  fc.constantFrom(...GETTERS).map((make) => make()),
  fc.constantFrom(...FORGED).map((make) => make()),
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

const soc = (stack: Parameters<typeof Testing.synth>[0]) => LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID);
for (const field of ["id", "sendRuleName"]) {
  FIELDS[`EventHubDestination.fromEventHubId.${field}`] = (value) => {
    const { stack } = stackWithProvider();
    const args = { id: EVENT_HUB_ID, sendRuleName: "export-send", [field]: value };
    const hub = EventHubDestination.fromEventHubId(stack, "Hub", args.id as string, { sendRuleName: args.sendRuleName as string });
    new ContinuousExport(stack, "Export", { ...exportProps(), destinations: [hub] });
    synthChecked(stack);
  };
}
FIELDS["ConsumerAccess.listenRule.name"] = (value) => {
  const { stack } = stackWithProvider();
  const hub = new EventHubDestination(stack, "Hub", { namespaceName: "evhns-export-01", ...place });
  hub.addConsumer("Siem", { consumerGroupName: "siem", access: ConsumerAccess.listenRule(value as string) });
  new ContinuousExport(stack, "Export", { ...exportProps(), destinations: [hub] });
  synthChecked(stack);
};
for (const [field, wrap] of [
  ["allowedIpRanges", (v: unknown) => [v]],
  ["allowedIpRanges (the list)", (v: unknown) => v],
  ["principal", (v: unknown) => v],
] as const) {
  FIELDS[`EventHubDestination.trustedService.${field}`] = (value) => {
    const { stack } = stackWithProvider();
    const principal = SecurityResourceProvider.byObjectId("22222222-2222-2222-2222-222222222222");
    new AzapiProvider(stack, "azapi", {});
    new AzureadProvider(stack, "azuread", {});
    const trustedService = field === "principal" ? { principal: wrap(value) } : { principal, allowedIpRanges: wrap(value) };
    const hub = new EventHubDestination(stack, "Hub", { namespaceName: "evhns-export-01", ...place, trustedService } as never);
    new ContinuousExport(stack, "Export", { ...exportProps(), destinations: [hub] });
    synthChecked(stack);
  };
}
for (const field of ["resourceGroupName", "location", "displayName", "scope", "exports", "destinations", "createResourceGroup"]) {
  FIELDS[`ContinuousExportPolicy.${field}`] = (value) => {
    const { stack } = stackWithProvider();
    new ContinuousExportPolicy(stack, "Policy", {
      scope: PolicyScope.subscription(SUB),
      exports: [Export.alerts({ minimumSeverity: AlertSeverity.LOW })],
      destinations: [soc(stack)],
      ...place,
      [field]: value,
    } as never);
    synthChecked(stack);
  };
}
for (const field of ["principal", "destinations", "exportingTenantId"]) {
  FIELDS[`CrossTenantAccess.${field}`] = (value) => {
    const { stack } = stackWithProvider();
    const central = LogAnalyticsDestination.fromWorkspaceId(stack, "Central", WORKSPACE_ID, { tenantId: "00000000-0000-0000-0000-0000000000cc" });
    new CrossTenantAccess(stack, "Grant", {
      exportingTenantId: SUB,
      principal: ExportingPrincipal.guestUser("44444444-4444-4444-4444-444444444444"),
      destinations: [central],
      [field]: value,
    } as never);
    synthChecked(stack);
  };
}
for (const field of ["shardCount", "maxShardSize", "previousShardCount", "subscriptions"]) {
  FIELDS[`ShardPlan.of.${field}`] = (value) => {
    const options = { shardCount: 2, [field]: value };
    const shards = ShardPlan.of(field === "subscriptions" ? (value as string[]) : [SUB], options as never);
    ShardPlan.deployment(shards, { naming: { stackOf: (shard) => shard.name, backendKeyOf: (shard) => `${shard.name}.tfstate` } });
  };
}
FIELDS["ShardPlan.deployment.shards"] = (value) => {
  ShardPlan.deployment([value] as never, { naming: { stackOf: (shard) => shard.name, backendKeyOf: (shard) => `${shard.name}.tfstate` } });
};
FIELDS["ContinuousExportFleet.shard"] = (value) => {
  const { stack } = stackWithProvider();
  new AzapiProvider(stack, "azapi", {});
  new ContinuousExportFleet(stack, "Fleet", {
    subscriptions: [{ subscriptionId: SUB }],
    exports: [Export.alerts()],
    destinations: [soc(stack)],
    ...place,
    shard: value,
  } as never);
  synthChecked(stack);
};

/**
 * Where each field's coded errors must say they come from: the construct path (the stack is `test`), or,
 * for a factory that runs before any construct exists, the factory and the caller's line.
 */
function expectedWhere(field: string): RegExp {
  if (field.startsWith("ShardPlan.")) return /^\[DF[EC]\d{3}\] ShardPlan\.\w+\(…\) called at test\/fuzz\//;
  if (field.startsWith("Export.")) return /^\[DF[EC]\d{3}\] (Export\.\w+\(…\) called at test\/fuzz\/|test\/)|\] \[DF[EC]\d{3}\] test\//;
  return /^\[DF[EC]\d{3}\] test\/|\] \[DF[EC]\d{3}\] test\//;
}

/** Synthesizes with validations; the output must hold no evaluated text and no literal secret. */
function synthChecked(stack: Parameters<typeof Testing.synth>[0]): void {
  const json = Testing.synth(stack, true);
  const evaluated = [...json.matchAll(/(?<![$%])(\$\{|%\{)(?!TfToken)([^}]*)\}/g)].filter(
    (m) => m[1] === "%{" || !/^[a-z][\w-]*(\.[\w-]+)+(\[[^\]]*\])*(\.[\w-]+)*$|^(join|slice|split|element|sensitive|lower|parseint)\(/.test(m[2]),
  );
  if (evaluated.length > 0) throw new Error(`evaluated text in the output: ${evaluated.map((m) => m[0]).join(", ")}`);
  if (/SharedAccessKey=/.test(json)) throw new Error("a literal secret in the output");
}

/** How a malformed request ended: `ok`, `coded`, or what went wrong. */
function outcome(field: string, value: unknown): string {
  try {
    FIELDS[field](value);
    return "ok";
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof ExportConfigError || /^Validation failed with the following errors:\s+\[[^\]]+\] \[DF[EC]\d{3}\]/.test(message)) {
      if (message.length > 2000 || /"node":|"_children"/.test(message))
        return `coded, but the message describes a construct tree: ${message.slice(0, 120)}`;
      if (!expectedWhere(field).test(message)) return `coded, but without where it comes from: ${message.slice(0, 160)}`;
      if (/got null\b/.test(message) && typeof value === "number") return `coded, but a number said as null: ${message.slice(0, 160)}`;
      return "coded";
    }
    // The caller's own getter threw: its error reaches the caller unchanged, which is not a crash of the library.
    if (message === "getter") return "coded";
    return `${e instanceof Error ? e.constructor.name : typeof e}: ${message.slice(0, 200)}`;
  }
}

test("at least 2,000 malformed requests end in a coded error naming where it comes from, or in clean output; never a crash", () => {
  const failures = new Map<string, string>();
  const timings = new Map<string, number>();
  afterTimings = timings;
  let runs = 0;
  fc.assert(
    fc.property(fc.constantFrom(...Object.keys(FIELDS)), malformed, (field, value) => {
      runs++;
      const started = performance.now();
      const result = outcome(field, value);
      timings.set(field, (timings.get(field) ?? 0) + performance.now() - started);
      if (result !== "ok" && result !== "coded") failures.set(`${field} = ${describe(value)}`, result);
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 2000), seed: Number(process.env.FUZZ_SEED ?? 20261130) },
  );
  expect([...failures].map(([k, v]) => `${k}: ${v}`)).toEqual([]);
  expect(runs).toBeGreaterThanOrEqual(process.env.FUZZ_RUNS ? 0 : 2000);
});

let afterTimings = new Map<string, number>();
afterAll(() => {
  if (process.env.FUZZ_TIMINGS)
    console.log(
      [...afterTimings]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 15)
        .map(([f, t]) => `${f} ${t.toFixed(0)}ms`)
        .join("\n"),
    );
});

test("the constants this fuzz relies on exist", () => {
  expect([AlertSeverity.HIGH, Severity.HIGH, EventHubSku.BASIC, WorkspaceSku.PER_GB_2018]).toHaveLength(4);
});

function describe(value: unknown): string {
  try {
    return typeof value === "function" ? "a function" : (JSON.stringify(value) ?? String(value));
  } catch {
    return Object.prototype.toString.call(value);
  }
}

export type { IExportDestination };
