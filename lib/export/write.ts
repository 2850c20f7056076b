import { TerraformProvider, TerraformResource, TerraformStack, Token, dependable } from "cdktf";
import { Construct } from "constructs";
import { adoptedAny, adoptedFor, checkAdoption, takeOverFromPreviousWriter } from "../adopt/adoption";
import { DestinationKind, ExportActionConfig, IExportDestination, isPlacedDestination } from "../destinations/destination";
import { ExportHealth, ExportHealthProps, checkWatchable } from "../health/export-health";
import { claimExportRoute } from "../internal/export-routes";
import { claimAutomationNames, claimResourceGroups } from "../internal/automation-names";
import { forgetWithoutDestroying } from "../internal/forgotten-address";
import { ExportConfigError, atPath, describeValue } from "../model/errors";
import { AutomationSpec } from "../writers/automation-spec";
import { AutomationWriter, Writer } from "../writers/writer";
import { GROUP_ID, automationIdOf, automationResourceId, exportedAddress, groupResourceId } from "./export-addresses";
import { ExportPlan } from "./plan";

/** One automation written: its kind, destinations, name, writer, resource and the health alerts on its destinations. */
export interface WrittenAutomation {
  readonly kind: DestinationKind;
  readonly destinations: readonly IExportDestination[];
  readonly name: string;
  readonly writer: Writer;
  readonly resource: TerraformResource;
  /** One per destination, when `health` is on. */
  readonly health: readonly ExportHealth[];
}

/** What {@link writeExport} wrote. */
export interface WrittenExport {
  readonly automations: readonly WrittenAutomation[];
  /** The created resource group. @default none: the group is not created */
  readonly resourceGroup?: TerraformResource;
  /** Every writer that writes a resource of the export (the created group's included). */
  readonly writers: ReadonlySet<Writer>;
}

/**
 * Writes a plan under the export construct `scope`: binds the destinations, claims the route and the
 * names in the app, picks each automation's writer, and creates the group, the automations and their
 * hand-overs (imports, moves, `removed` blocks).
 */
export function writeExport(scope: Construct, plan: ExportPlan): WrittenExport {
  const { props, placed, path } = plan;
  if (placed.literalSubscription) claimExportRoute(scope, `/subscriptions/${props.subscriptionId}`, false);
  const writers = new Set<Writer>();
  const specs = plan.automations.map(({ kind, destinations, name }) => {
    const actions = destinations.map((d) => d.bind(scope));
    atPath(path, () => checkDistinctTargets(actions, destinations));
    claimAutomationNames(
      scope,
      placed.resourceGroups.map(([subscriptionId, resourceGroupName]) => ({ subscriptionId, resourceGroupName, portalName: kind.portalName, name })),
    );
    const spec: AutomationSpec = {
      name,
      location: props.location,
      subscriptionId: props.subscriptionId,
      resourceGroupName: props.resourceGroupName,
      scopes: plan.scopes,
      enabled: props.enabled ?? true,
      description: props.description ?? "Defender for Cloud continuous export, managed by cdktf-defender-export",
      tags: props.tags,
      sources: plan.sources,
      actions,
      dependsOn: actions.flatMap((a) => a.dependsOn ?? []),
    };
    const writer = plan.writers.automation(spec);
    writers.add(writer);
    const health = props.health ? destinations.map((d, i) => watchHealth(plan, d, actions[i], props.health as ExportHealthProps)) : [];
    return { kind, destinations, spec, writer, health };
  });
  atPath(path, () =>
    checkAdoption(
      props,
      plan.automations.map((a) => a.kind),
    ),
  );
  const groupWriter = plan.writers.group;
  let group: TerraformResource | undefined;
  if (props.createResourceGroup && groupWriter) {
    claimResourceGroups(scope, placed.resourceGroups);
    writers.add(groupWriter);
    group = groupWriter.writeResourceGroup(
      scope,
      GROUP_ID,
      { ...placed.group, location: props.location, tags: props.tags },
      groupWriter.givenProvider(props),
    );
    placed.iterate(group, "group");
    moveFromPreviousId(scope, plan, group, "group");
    takeOver(scope, plan, group, "group", groupResourceId(props.subscriptionId, props.resourceGroupName), groupWriter, adoptedAny(props.adopt));
    for (const name of new Set(placed.resourceGroups.map(([, rg]) => rg))) waitForGroup(scope, props.destinations, name, group);
  } else if (groupWriter) {
    // A group created before stays in Azure: deleting it would delete the automations in it.
    forgetWithoutDestroying(scope, exportedAddress(scope, groupWriter.resourceGroupType, [], "group"));
  }
  const automations = specs.map(({ kind, destinations, spec, writer, health }): WrittenAutomation => {
    const written = group && groupWriter ? groupWriter.placedIn(spec, group) : spec;
    const resource = writer.write(scope, automationIdOf(kind), written, writer.givenProvider(props));
    placed.iterate(resource, "automation");
    moveFromPreviousId(scope, plan, resource, kind);
    // The literal group name: an import id cannot wait for a resource of the same plan.
    const automationId = automationResourceId(props.subscriptionId, props.resourceGroupName, spec.name);
    takeOver(scope, plan, resource, "automation", automationId, writer, adoptedFor(props.adopt, kind) !== undefined);
    return { kind, destinations, name: spec.name, writer, resource, health };
  });
  return { automations, resourceGroup: group, writers };
}

/** The health alerts of a destination the export sends to. */
function watchHealth(plan: ExportPlan, destination: IExportDestination, action: ExportActionConfig, health: ExportHealthProps): ExportHealth {
  const eventSources = plan.sources.map((s) => s.eventSource);
  atPath(plan.path, () => checkWatchable(eventSources, plan.path));
  const subscriptions = plan.placed.resourceGroups.map(([subscriptionId]) => subscriptionId);
  return ExportHealth._watch(destination, action, health, { eventSources, location: plan.props.location, path: plan.path, subscriptions });
}

/** A renamed export: the resource moves from the address it had under the previous construct id. */
function moveFromPreviousId(scope: Construct, plan: ExportPlan, resource: TerraformResource, role: DestinationKind | "group"): void {
  const previous = plan.props.previousId;
  if (previous === undefined || !plan.placed.movable) return;
  atPath(plan.path, () => {
    if (typeof previous !== "string" || previous === "" || previous.includes("/") || previous === scope.node.id) {
      throw new ExportConfigError(
        "DFE198",
        `\`previousId\` must be the construct id this export had in the same scope (not a path, not its id now), got ${describeValue(previous)}.`,
      );
    }
  });
  resource.moveFromId(exportedAddress(scope.node.scope as Construct, resource.terraformResourceType, [previous], role));
}

/**
 * Imports a resource when adopted or arriving from another state, and hands it over from the writer
 * that wrote it before (`previousWriter`, `previousResourceGroupWriter`).
 */
function takeOver(
  scope: Construct,
  plan: ExportPlan,
  resource: TerraformResource,
  role: "automation" | "group",
  resourceId: string,
  writer: Writer,
  adopted: boolean,
): void {
  const provider: TerraformProvider | undefined = writer.givenProvider(plan.props);
  const imported = adopted || plan.placed.arriving;
  if (imported) resource.importFrom(writer.importId(resourceId), provider);
  const previous: AutomationWriter | undefined = role === "group" ? plan.props.previousResourceGroupWriter : plan.props.previousWriter;
  atPath(scope.node.path, () => takeOverFromPreviousWriter(resource, resourceId, previous, writer, role, imported, provider));
}

/**
 * New destinations of this stack placed in the group the export creates (by the same literal name)
 * wait for it: Terraform would otherwise create them side by side, and they would fail on a missing group.
 */
function waitForGroup(scope: Construct, destinations: readonly IExportDestination[], groupName: string, group: TerraformResource): void {
  if (Token.isUnresolved(groupName)) return;
  const stack = TerraformStack.of(scope);
  for (const d of destinations) {
    if (!isPlacedDestination(d) || TerraformStack.of(d) !== stack) continue;
    const { resourceGroupName, resources } = d.placement;
    if (Token.isUnresolved(resourceGroupName) || resourceGroupName.toLowerCase() !== groupName.toLowerCase()) continue;
    for (const r of resources) {
      if (!(r.dependsOn ?? []).includes(dependable(group))) r.dependsOn = [...(r.dependsOn ?? []), dependable(group)];
    }
  }
}

/** One destination given twice (two objects for one workspace, ids in another case) would get two actions. */
function checkDistinctTargets(actions: readonly ExportActionConfig[], destinations: readonly IExportDestination[]): void {
  const seen = new Map<string, IExportDestination>();
  actions.forEach((action, i) => {
    if (Token.isUnresolved(action.resourceId)) return;
    const key = action.resourceId.toLowerCase();
    const other = seen.get(key);
    if (other) {
      throw new ExportConfigError(
        "DFE039",
        `${other.node.path} and ${destinations[i].node.path} are the same ${action.kind.displayName} (${action.resourceId}). List it once.`,
      );
    }
    seen.set(key, destinations[i]);
  });
}
