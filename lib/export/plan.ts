import { IConstruct } from "constructs";
import { DestinationKind, IExportDestination } from "../destinations/destination";
import { subscriptionKey } from "../internal/resource-id";
import { BRANDS } from "../model/brand";
import { ExportConfigError, atPath, describeValue } from "../model/errors";
import { AutomationSource, toAutomationSources } from "../model/sources";
import { WriterChoice, chooseWriters } from "../writers/writer";
import { automationNameOf } from "./automation-name";
import { checkProps } from "./check-props";
import { kindsOf } from "./export-kinds";
import { Placed, Placement, placed } from "./placement";
import { ContinuousExportProps } from "./props";

/** One automation of the plan: a destination kind, the destinations it sends to and its name. */
export interface PlannedAutomation {
  readonly kind: DestinationKind;
  /** In the order of their construct paths (the order they were listed in means nothing). */
  readonly destinations: readonly IExportDestination[];
  readonly name: string;
}

/**
 * What an export writes, decided before anything is written: the checked request, its sources and
 * scopes, where it is placed, one automation per destination kind with its name, and the writer of the
 * created resource group. Computing it creates no resource and claims nothing.
 */
export interface ExportPlan {
  /** The export's construct path, for messages. */
  readonly path: string;
  /** The request, with the subscription id as Azure compares it (lower case). */
  readonly props: ContinuousExportProps;
  /** The automation sources (parents of findings included). */
  readonly sources: readonly AutomationSource[];
  /** The scope paths: the subscription, or its listed resource groups. */
  readonly scopes: readonly string[];
  /** Where the export writes. */
  readonly placed: Placed;
  /** The automations, in the library's order of kinds. */
  readonly automations: readonly PlannedAutomation[];
  /** Which writer writes what: the created group's, and each automation's. */
  readonly writers: WriterChoice;
}

/** The plan of the export `scope` (its path and id name it) for a request and a placement. */
export function planExport(scope: IConstruct, request: ContinuousExportProps, placement: Placement): ExportPlan {
  const path = scope.node.path;
  const sources = atPath(path, () => {
    checkProps(request, placement.kind !== "subscription");
    return toAutomationSources(request.exports);
  });
  // One subscription, however its id is cased: scopes, parent_id and import ids do not change with the case.
  const props = { ...request, subscriptionId: subscriptionKey(request.subscriptionId) };
  const automations = groupByKind(path, props.destinations).map(([kind, destinations]): PlannedAutomation => ({
    kind,
    destinations,
    name: automationNameOf(kind, props, scope.node.id, path),
  }));
  const writers = atPath(path, () => chooseWriters(props, path));
  return {
    path,
    props,
    sources,
    scopes: scopePaths(props),
    placed: placed(placement, props.subscriptionId, props.resourceGroupName),
    automations,
    writers,
  };
}

function scopePaths(props: ContinuousExportProps): string[] {
  const subscription = `/subscriptions/${props.subscriptionId}`;
  return props.scopeResourceGroups ? props.scopeResourceGroups.map((rg) => `${subscription}/resourceGroups/${rg}`) : [subscription];
}

function groupByKind(path: string, destinations: readonly IExportDestination[]): Array<[DestinationKind, IExportDestination[]]> {
  const seen = new Set<IExportDestination>();
  for (const d of destinations) {
    atPath(path, () => BRANDS.destination.check("destinations", d));
    if (!d || typeof d.bind !== "function" || !DestinationKind.ALL.includes(d.kind)) {
      throw new ExportConfigError(
        "DFE036",
        `${path}: ${describeValue(d)} is not an export destination. Use LogAnalyticsDestination, EventHubDestination ` + `or LogicAppDestination.`,
      );
    }
    if (seen.has(d)) {
      throw new ExportConfigError("DFE039", `${path}: the destination ${d.node.path} is listed twice. List each destination once.`);
    }
    seen.add(d);
  }
  // Actions in the order of the destinations' construct paths: the order they were listed in means nothing.
  const byPath = [...destinations].sort((a, b) => (a.node.path < b.node.path ? -1 : a.node.path > b.node.path ? 1 : 0));
  return kindsOf(byPath).map((k): [DestinationKind, IExportDestination[]] => [k, byPath.filter((d) => d.kind === k)]);
}
