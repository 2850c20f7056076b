import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import fc from "fast-check";
import { ContinuousExport, Export, IExportDestination, LogAnalyticsDestination } from "../../lib";
import { resourcesOf, synthJson } from "../helpers";
import { kqlDiagnostics, nonLiteralAgo } from "./kusto-oracle";

/**
 * Two to five exports, each from its own subscription, sharing one or two workspaces, each with its own
 * receivers (its own alert set) or a team's shared ones, declared in any order under any construct ids:
 * every export's receivers hear about its own subscriptions only, every query passes Microsoft's Kusto
 * analyser, and the health addresses and Azure names depend on neither order nor ids.
 */
const workspace = (n: number) =>
  `/subscriptions/00000000-0000-0000-0000-0000000000a${n}/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-${n}`;
const subscription = (n: number) => `10000000-0000-0000-0000-${String(n + 1).padStart(12, "0")}`;

interface Spec {
  readonly workspace: number;
  readonly team: number;
  readonly silence: 1 | 6 | 12 | 24;
}

function synth(specs: readonly Spec[], order: readonly number[], prefix: string) {
  const s = new TerraformStack(Testing.app(), "s");
  new AzurermProvider(s, "azurerm", { features: [{}], subscriptionId: "00000000-0000-0000-0000-0000000000a0" });
  const destinations = new Map<number, IExportDestination>();
  const destination = (n: number) => {
    if (!destinations.has(n)) {
      const provider = new AzurermProvider(s, `ws${n}`, { features: [{}], alias: `ws${n}`, subscriptionId: workspace(n).split("/")[2] });
      destinations.set(n, LogAnalyticsDestination.fromWorkspaceId(s, `${prefix}Soc${n}`, workspace(n), { provider }));
    }
    return destinations.get(n) as IExportDestination;
  };
  for (const i of order) {
    const spec = specs[i];
    const provider = new AzurermProvider(s, `sub${i}`, { features: [{}], alias: `sub${i}`, subscriptionId: subscription(i) });
    new ContinuousExport(s, `${prefix}Export${i}`, {
      subscriptionId: subscription(i),
      resourceGroupName: "rg-sec",
      location: "westeurope",
      exports: [Export.alerts()],
      destinations: [destination(spec.workspace)],
      provider,
      health: { emailReceivers: [`team${spec.team}@contoso.example`], alertSet: `team${spec.team}`, silenceAfterHours: spec.silence },
    });
  }
  return synthJson(s);
}

const healthOf = (json: any) => {
  const out: { [address: string]: unknown } = {};
  for (const type of Object.keys(json.resource)) {
    for (const [key, value] of Object.entries(json.resource[type])) if (key.startsWith("ExportHealth")) out[`${type}.${key}`] = value;
  }
  return out;
};

test("exports sharing destinations: each team told about its own subscriptions, in any order and under any ids", () => {
  const spec = fc.record({
    workspace: fc.integer({ min: 1, max: 2 }),
    team: fc.integer({ min: 1, max: 3 }),
    silence: fc.constantFrom(1, 6, 12, 24),
  }) as fc.Arbitrary<Spec>;
  fc.assert(
    fc.property(
      fc
        .array(spec, { minLength: 2, maxLength: 5 })
        .chain((specs) => fc.tuple(fc.constant(specs), fc.shuffledSubarray([...specs.keys()], { minLength: specs.length, maxLength: specs.length }))),
      ([specs, order]) => {
        const json = synth(specs, [...specs.keys()], "");
        const rules = Object.values(resourcesOf(json, "azurerm_monitor_scheduled_query_rules_alert_v2")) as any[];
        const groups = resourcesOf(json, "azurerm_monitor_action_group") as Record<string, any>;
        // One rule per (workspace, team) that has exports.
        expect(rules).toHaveLength(new Set(specs.map((s) => `${s.workspace}|${s.team}`)).size);
        for (const rule of rules) {
          const groupKey = Object.keys(groups).find((k) => rule.action.action_groups[0].includes(k)) as string;
          const team = Number(/team(\d)@/.exec(groups[groupKey].email_receiver[0].email_address)?.[1]);
          const ws = Number(/law-(\d)/.exec(rule.scopes[0])?.[1]);
          const query: string = rule.criteria[0].query;
          specs.forEach((s, i) => expect(query.includes(`"${subscription(i)}"`)).toBe(s.team === team && s.workspace === ws));
          const silences = specs.filter((s) => s.team === team && s.workspace === ws).map((s) => s.silence);
          expect(query).toContain(`ago(${Math.min(...silences)}h)`);
          expect(nonLiteralAgo(query)).toEqual([]);
          expect(kqlDiagnostics(query)).toEqual([]);
        }
        expect(new Set(rules.map((r) => r.name)).size).toBe(rules.length);
        expect(healthOf(synth(specs, order, "Renamed"))).toEqual(healthOf(json));
      },
    ),
    { numRuns: 25 },
  );
});
