import { TerraformStack, Token } from "cdktf";
import { ExistingAutomation } from "../../lib/adopt/existing-automation";
import { Construct } from "constructs";
import { BRANDS } from "../../lib/model/brand";
import { DataType } from "../../lib/model/data-type";
import { Export } from "../../lib/model/export";
import { AlertSeverity, Severity } from "../../lib/model/severity";
import { DestinationKind, ICrossTenantDestination, IExportDestination, isCrossTenantDestination } from "../../lib/destinations/destination";
import { EventHubDestination } from "../../lib/destinations/event-hub";
import { LogAnalyticsDestination } from "../../lib/destinations/log-analytics";
import { AutomationWriter } from "../../lib/writers/writer";
import { AzapiProvider } from "../../lib/internal/azapi";
import { AzurermProvider } from "../../lib/internal/azurerm";
import type { ContinuousExportProps } from "../../lib/continuous-export";
import { ContinuousExportFleet } from "../../lib/fleet/continuous-export-fleet";
import type { ContinuousExportFleetProps, FleetSubscription } from "../../lib/fleet/continuous-export-fleet";
import { FleetLayout } from "../../lib/fleet/fleet-layout";
import { RequestEdit } from "./request-edits";

const workspaceIn = (subscriptionId: string) =>
  `/subscriptions/${subscriptionId}/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-added`;
const hubIn = (subscriptionId: string) =>
  `/subscriptions/${subscriptionId}/resourceGroups/rg-siem/providers/Microsoft.EventHub/namespaces/evhns-added/eventhubs/defender`;

/** The writer an export was written with before an edit, as README tells users to pass it in `previousWriter`. */
function writerBefore(props: ContinuousExportProps): AutomationWriter {
  if (props.writer && props.writer !== AutomationWriter.AUTO) return props.writer;
  const needsApi2023 = props.exports.some((e) => e.dataType.needsApi2023) || props.destinations.some((d) => /trusted service/.test(d.description));
  return needsApi2023 ? AutomationWriter.AZAPI : AutomationWriter.AZURERM;
}

function kindsOf(destinations: readonly IExportDestination[]): DestinationKind[] {
  return DestinationKind.ALL.filter((k) => destinations.some((d) => d.kind === k));
}

/** An existing destination of `kind`, in the exported subscription, read through the export's provider. */
function addedDestination(scope: Construct, id: string, kind: DestinationKind, p: ContinuousExportProps): IExportDestination {
  return kind === DestinationKind.EVENT_HUB
    ? EventHubDestination.fromEventHubId(scope, `${id}AddedHub`, hubIn(p.subscriptionId), { sendRuleName: "send", provider: p.provider })
    : LogAnalyticsDestination.fromWorkspaceId(scope, `${id}AddedWorkspace`, workspaceIn(p.subscriptionId), { provider: p.provider });
}

/** The automation addresses of one destination kind of an export with construct id `id`. */
function automationOf(id: string, kind: DestinationKind): (address: string) => boolean {
  const pattern = new RegExp(`(^|_)${id}_${kind.actionType}_[0-9A-F]{8}$`);
  return (address) => pattern.test(address.split(".")[1]);
}

/** The user adds an azapi provider along with anything that needs the 2023-12 API. */
function withAzapi(scope: Construct, props: ContinuousExportProps): ContinuousExportProps {
  const stack = TerraformStack.of(scope);
  if (stack.node.findAll().some((c) => c instanceof AzapiProvider)) return props;
  const azurerm = (props.provider ?? stack.node.findAll().find((c) => c instanceof AzurermProvider && !c.alias)) as AzurermProvider | undefined;
  new AzapiProvider(stack, "azapi", { tenantId: azurerm?.tenantId, auxiliaryTenantIds: azurerm?.auxiliaryTenantIds });
  return props;
}

/** Only the first shard of a sharded app gets a fleet edit (a subscription belongs to one shard). */
function firstShardOnly(scope: Construct): boolean {
  return !/shard-(?!0+$)\d+$/.test(TerraformStack.of(scope).node.id);
}

/** A fleet with other subscriptions; a sharded one as if its shard plan had placed them there. */
function withSubscriptions(p: ContinuousExportFleetProps, subscriptions: FleetSubscription[]): ContinuousExportFleetProps {
  // Branded as the plan's own: the fleet takes only shards the library made.
  const shard = p.shard && BRANDS.shard.mark({ ...p.shard, subscriptionIds: subscriptions.map((s) => s.subscriptionId) });
  return { ...p, subscriptions, shard };
}

/** The same findings export, as its user would write it with `withParents: false` added. */
function withoutParents(e: Export): Export {
  if (e.dataType !== DataType.FINDINGS) return e;
  const severities = e.filters.find((f) => f.field === "severity")?.values.map((name) => Severity.ALL.find((s) => s.name === name) as Severity);
  return Export.findings({
    recommendations: e.parentRecommendations?.length ? [...e.parentRecommendations] : undefined,
    severities,
    streaming: e.eventSources.includes(DataType.FINDINGS.streamingSource),
    snapshot: e.eventSources.some((s) => s === DataType.FINDINGS.snapshotSource),
    withParents: false,
  });
}

const ADDED_SUBSCRIPTION = "20000000-0000-0000-0000-000000000001";

/** Health e-mailing secops; Event Hubs and Logic Apps read their metrics in a workspace. */
const METRICS_WORKSPACE = workspaceIn(ADDED_SUBSCRIPTION);

/**
 * Health is written in its destination's subscription: where a destination lives in another subscription than the
 * export and has no provider of its own, the user gives health one for it (DFE137 asks for it).
 */
function healthProviderFor(scope: Construct, p: ContinuousExportProps): AzurermProvider | undefined {
  const elsewhere = new Set(
    p.destinations
      .filter((d) => !d.provider)
      .map((d) => {
        let id: string | undefined;
        try {
          id = isCrossTenantDestination(d) ? d.accessTarget().resourceId : undefined;
        } catch {
          id = undefined; // a trusted-service hub names no access target
        }
        return id && !Token.isUnresolved(id) ? /^\/subscriptions\/([^/]+)\//i.exec(id)?.[1]?.toLowerCase() : undefined;
      })
      .filter((sub): sub is string => sub !== undefined && sub !== p.subscriptionId.toLowerCase()),
  );
  if (elsewhere.size !== 1) return undefined;
  const [subscriptionId] = elsewhere;
  const stack = TerraformStack.of(scope);
  const id = `health-${subscriptionId}`;
  return (
    (stack.node.tryFindChild(id) as AzurermProvider | undefined) ?? new AzurermProvider(stack, id, { features: [{}], alias: id, subscriptionId })
  );
}
function healthFor(destinations: readonly IExportDestination[]) {
  return destinations.some((d) => d.kind !== DestinationKind.WORKSPACE)
    ? { emailReceivers: ["secops@contoso.example"], metricsWorkspaceId: METRICS_WORKSPACE }
    : { emailReceivers: ["secops@contoso.example"] };
}
const ownGroupSubscriptions = new Set<string>();
const removedKinds = new Map<string, DestinationKind>();
const removedSubscriptions = new Set<string>();

/**
 * The edits users plausibly make to a request. Each future feature adds its edits here; the harness runs
 * every one over every example.
 */
export const EDITS: readonly RequestEdit[] = [
  {
    name: "reorder the exports",
    exportProps: (p) => (p.exports.length > 1 ? { ...p, exports: [...p.exports].reverse() } : undefined),
  },
  {
    name: "reorder the destinations",
    exportProps: (p) => (p.destinations.length > 1 ? { ...p, destinations: [...p.destinations].reverse() } : undefined),
    fleetProps: (p) => (p.destinations.length > 1 ? { ...p, destinations: [...p.destinations].reverse() } : undefined),
  },
  {
    name: "add a data type",
    exportProps: (p) => {
      const missing = [DataType.REGULATORY_COMPLIANCE, DataType.SECURE_SCORE, DataType.ALERTS].find((t) => !p.exports.some((e) => e.dataType === t));
      const added =
        missing === DataType.REGULATORY_COMPLIANCE
          ? Export.regulatoryCompliance()
          : missing === DataType.SECURE_SCORE
            ? Export.secureScore()
            : missing
              ? Export.alerts()
              : undefined;
      return added ? { ...p, exports: [...p.exports, added] } : undefined;
    },
    fleetProps: (p) =>
      p.exports.some((e) => e.dataType === DataType.REGULATORY_COMPLIANCE)
        ? undefined
        : { ...p, exports: [...p.exports, Export.regulatoryCompliance()] },
  },
  {
    name: "remove a data type",
    exportProps: (p) => (p.exports.length > 1 ? { ...p, exports: p.exports.slice(0, -1) } : undefined),
    fleetProps: (p) => (p.exports.length > 1 ? { ...p, exports: p.exports.slice(0, -1) } : undefined),
  },
  {
    name: "narrow a filter (alerts: high only)",
    exportProps: (p) =>
      p.exports.some((e) => e.dataType === DataType.ALERTS)
        ? { ...p, exports: p.exports.map((e) => (e.dataType === DataType.ALERTS ? Export.alerts({ severities: [AlertSeverity.HIGH] }) : e)) }
        : undefined,
  },
  {
    // The pair an upgrade from 0.1 makes, planned the other way: 0.1 wrote a minimum recommendation severity
    // without Critical; now its rule sets gain Critical (docs/safe-changes.md, "Upgrades").
    name: "leave Critical out of a recommendation filter (as 0.1 wrote a minimum severity)",
    exportProps: (p) => {
      const pinned = (e: Export) => {
        const severity = e.filters.find((f) => f.field === "severity");
        if (e.dataType !== DataType.RECOMMENDATIONS || e.filters.length !== 1 || !severity?.values.includes(Severity.CRITICAL.name)) return e;
        return Export.recommendations({
          severities: severity.values.filter((v) => v !== Severity.CRITICAL.name).map((v) => Severity.of(v)),
          streaming: e.eventSources.includes(DataType.RECOMMENDATIONS.streamingSource),
          snapshot: e.eventSources.includes(DataType.RECOMMENDATIONS.snapshotSource ?? ""),
        });
      };
      const exports = p.exports.map(pinned);
      return exports.some((e, i) => e !== p.exports[i]) ? { ...p, exports } : undefined;
    },
  },
  {
    name: "turn attack paths on (previousWriter set to the old writer)",
    exportProps: (p, scope) =>
      p.exports.some((e) => e.dataType.needsApi2023)
        ? undefined
        : withAzapi(scope, { ...p, exports: [...p.exports, Export.attackPaths()], previousWriter: writerBefore(p) }),
  },
  {
    name: "turn attack paths off (previousWriter set to the old writer)",
    exportProps: (p) => {
      const rest = p.exports.filter((e) => !e.dataType.needsApi2023);
      if (rest.length === p.exports.length) return undefined;
      return { ...p, exports: rest.length > 0 ? rest : [Export.alerts()], previousWriter: writerBefore(p) };
    },
  },
  {
    name: "write through azapi from now on (previousWriter set)",
    exportProps: (p, scope) =>
      writerBefore(p) === AutomationWriter.AZAPI
        ? undefined
        : withAzapi(scope, { ...p, writer: AutomationWriter.AZAPI, previousWriter: writerBefore(p) }),
  },
  {
    name: "add a destination of another kind",
    exportProps: (p, scope, id) => {
      const kind = [DestinationKind.WORKSPACE, DestinationKind.EVENT_HUB].find((k) => !kindsOf(p.destinations).includes(k));
      if (!kind) return undefined;
      // Its own automation name: another export of the subscription may hold the portal name of that kind.
      const names = kind === DestinationKind.WORKSPACE ? { ...p.names, workspace: `${id}-workspace` } : { ...p.names, eventHub: `${id}-event-hub` };
      // Health on an Event Hub reads its metrics in a workspace: the user names one along with the hub.
      const health = p.health && kind === DestinationKind.EVENT_HUB ? { ...p.health, metricsWorkspaceId: METRICS_WORKSPACE } : p.health;
      return { ...p, destinations: [...p.destinations, addedDestination(scope, id, kind, p)], names, health };
    },
  },
  {
    name: "add a destination of a kind already there",
    exportProps: (p, scope, id) => {
      const kind = kindsOf(p.destinations).find((k) => k !== DestinationKind.LOGIC_APP);
      return kind ? { ...p, destinations: [addedDestination(scope, id, kind, p), ...p.destinations] } : undefined;
    },
  },
  {
    name: "remove a destination kind",
    exportProps: (p, scope, id) => {
      const kinds = kindsOf(p.destinations);
      if (kinds.length < 2) return undefined;
      const dropped = kinds[kinds.length - 1];
      removedKinds.set(`${TerraformStack.of(scope).node.id}/${id}`, dropped);
      return { ...p, destinations: p.destinations.filter((d) => d.kind !== dropped) };
    },
    removes: (address) => [...removedKinds].some(([key, kind]) => automationOf(key.split("/")[1], kind)(address)),
  },
  {
    name: "pause the export",
    exportProps: (p) => ({ ...p, enabled: false }),
    fleetProps: (p) => ({ ...p, enabled: false }),
  },
  {
    name: "change the description and tags",
    exportProps: (p) => ({ ...p, description: "changed", tags: { ...(p.tags ?? {}), owner: "secops" } }),
    fleetProps: (p) => ({ ...p, description: "changed", tags: { ...(p.tags ?? {}), owner: "secops" } }),
  },
  {
    name: "stop adding the findings' parents (withParents: false)",
    exportProps: (p) => (p.exports.some((e) => e.dataType === DataType.FINDINGS) ? { ...p, exports: p.exports.map(withoutParents) } : undefined),
  },
  {
    name: "export only some resource groups",
    exportProps: (p) => ({ ...p, scopeResourceGroups: ["rg-app-1", "rg-app-2"] }),
  },
  {
    name: "turn export health on (e-mail receivers)",
    // Health watches streaming data: an export of weekly snapshots only is refused (DFE132).
    exportProps: (p, scope) =>
      !p.health && p.exports.some((e) => e.eventSources.includes(e.dataType.streamingSource))
        ? { ...p, health: { ...healthFor(p.destinations), provider: healthProviderFor(scope, p) } }
        : undefined,
    fleetProps: (p) => (!p.health ? { ...p, health: healthFor(p.destinations) } : undefined),
  },
  {
    name: "turn export health off",
    exportProps: (p) => (p.health ? { ...p, health: undefined } : undefined),
    fleetProps: (p) => (p.health ? { ...p, health: undefined } : undefined),
    removes: (address) => /^ExportHealth/.test(address.split(".")[1]),
  },
  {
    name: "change health's silence, severity and receivers",
    exportProps: (p) =>
      p.health
        ? { ...p, health: { ...p.health, silenceAfterHours: 6, severity: 1, emailReceivers: ["secops@contoso.example", "soc@contoso.example"] } }
        : undefined,
    fleetProps: (p) =>
      p.health
        ? { ...p, health: { ...p.health, silenceAfterHours: 6, severity: 1, emailReceivers: ["secops@contoso.example", "soc@contoso.example"] } }
        : undefined,
  },
  {
    name: "stop creating the resource group (createResourceGroup: false)",
    exportProps: (p) => (p.createResourceGroup ? { ...p, createResourceGroup: false } : undefined),
    fleetProps: (p) => (p.createResourceGroup ? { ...p, createResourceGroup: false } : undefined),
  },
  {
    name: "adopt the automations this export already manages (adopt added later)",
    exportProps: (p) => {
      if (p.adopt || p.names || Token.isUnresolved(p.subscriptionId) || Token.isUnresolved(p.resourceGroupName)) return undefined;
      const existing = (kind: DestinationKind) =>
        kindsOf(p.destinations).includes(kind) && kind.portalName
          ? ExistingAutomation.fromId(
              `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroupName}/providers/Microsoft.Security/automations/${kind.portalName}`,
              { location: p.location },
            )
          : undefined;
      const adopt = { workspace: existing(DestinationKind.WORKSPACE), eventHub: existing(DestinationKind.EVENT_HUB) };
      return adopt.workspace || adopt.eventHub ? { ...p, adopt } : undefined;
    },
    // A fleet's automations carry the names Microsoft's policy gives the workspace export: taking them over
    // later imports into instances already in the state.
    fleetProps: (p) =>
      !p.adoptPolicyExports && !p.names && p.destinations.every((d) => d.kind === DestinationKind.WORKSPACE)
        ? { ...p, adoptPolicyExports: {} }
        : undefined,
  },
  {
    name: "grant one more destination, listed first",
    grantProps: (p, scope, id) => {
      const first = p.destinations[0] as ICrossTenantDestination;
      const workspaceId = workspaceIn(
        /\/subscriptions\/([0-9a-f-]{36})\//i.exec(first.accessTarget().resourceId)?.[1] ?? "00000000-0000-0000-0000-000000000099",
      );
      const added = LogAnalyticsDestination.fromWorkspaceId(scope, `${id}AddedWorkspace`, workspaceId, {
        provider: first.accessTarget().provider,
        tenantId: first.tenantId,
      });
      return { ...p, destinations: [added, ...p.destinations] };
    },
  },
  {
    name: "add a subscription to a fleet",
    fleetProps: (p, scope) =>
      firstShardOnly(scope) ? withSubscriptions(p, [...p.subscriptions, { subscriptionId: ADDED_SUBSCRIPTION }]) : undefined,
  },
  {
    name: "remove a subscription from a fleet",
    fleetProps: (p, scope) => {
      if (!firstShardOnly(scope) || p.subscriptions.length < 2) return undefined;
      removedSubscriptions.add(p.subscriptions[0].subscriptionId);
      return withSubscriptions(p, p.subscriptions.slice(1));
    },
    removes: (address) => [...removedSubscriptions].some((s) => address.includes(`_${s}_`) || address.endsWith(`["${s}"]`)),
  },
  {
    name: "reorder a fleet's subscriptions",
    fleetProps: (p) => ({ ...p, subscriptions: [...p.subscriptions].reverse() }),
  },
  {
    name: "rename an export's construct (previousId: the old id)",
    exportId: (id) => `${id}Renamed`,
    exportProps: (p, _scope, id) => ({ ...p, previousId: id }),
  },
  {
    name: "rename an existing workspace's construct (fromWorkspaceId)",
    existingWorkspaceId: (id) => `${id}Renamed`,
  },
  {
    name: "re-list a fleet's subscription ids in upper case",
    fleetProps: (p) =>
      withSubscriptions(
        p,
        p.subscriptions.map((s) => ({ ...s, subscriptionId: s.subscriptionId.toUpperCase() })),
      ),
  },
  {
    name: "write the subscription id in upper case",
    exportProps: (p) => (Token.isUnresolved(p.subscriptionId) ? undefined : { ...p, subscriptionId: p.subscriptionId.toUpperCase() }),
  },
  {
    name: "write the region as its display name (westeurope: West Europe)",
    exportProps: (p) => (p.location === "westeurope" ? { ...p, location: "West Europe" } : undefined),
    fleetProps: (p) => (p.location === "westeurope" ? { ...p, location: "West Europe" } : undefined),
  },
  {
    name: "split a fleet in two (previousFleets on the new one)",
    fleetProps: (p, scope, id) => {
      if (p.previousFleets || p.subscriptions.length < 2) return undefined;
      const half = Math.ceil(p.subscriptions.length / 2);
      // The mocked constructor edits the new fleet too: it names a previous fleet, so the edit leaves it as is.
      new ContinuousExportFleet(scope, `${id}Split`, { ...withSubscriptions(p, p.subscriptions.slice(half)), previousFleets: [id] });
      return withSubscriptions(p, p.subscriptions.slice(0, half));
    },
  },
  {
    name: "give one fleet subscription its own resource group (createResourceGroup)",
    fleetProps: (p, scope) => {
      if (!p.createResourceGroup || !firstShardOnly(scope) || p.subscriptions.length === 0 || p.layout === FleetLayout.PER_SUBSCRIPTION)
        return undefined;
      const [first, ...rest] = p.subscriptions;
      ownGroupSubscriptions.add(first.subscriptionId.toLowerCase());
      return withSubscriptions(p, [{ ...first, resourceGroupName: "rg-own-export" }, ...rest]);
    },
    // Its automation moves to the new group: Azure has no in-place move, so it is replaced. Its old group stays.
    removes: (address) =>
      [...ownGroupSubscriptions].some(
        (s) => address.endsWith(`["${s}"]`) && address.includes("_Subscriptions_") && !address.includes("ResourceGroup"),
      ),
  },
  {
    name: "state a fleet's current layout as its previous one (previousLayout: FOR_EACH)",
    fleetProps: (p) => (p.layout === undefined && p.previousLayout === undefined ? { ...p, previousLayout: FleetLayout.FOR_EACH } : undefined),
  },
  {
    name: "write a fleet per subscription (layout: PER_SUBSCRIPTION, previousLayout: FOR_EACH)",
    fleetProps: (p) =>
      (p.writer ?? AutomationWriter.AZAPI) === AutomationWriter.AZAPI
        ? { ...p, layout: FleetLayout.PER_SUBSCRIPTION, previousLayout: FleetLayout.FOR_EACH }
        : undefined,
  },
];
