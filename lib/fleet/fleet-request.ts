import { IConstruct } from "constructs";
import { AdoptedAutomations, ExistingAutomation } from "../adopt/existing-automation";
import { automationResourceId } from "../export/export-addresses";
import { kindsOf } from "../export/export-kinds";
import { ContinuousExportProps } from "../export/props";
import { subscriptionKey } from "../internal/resource-id";
import { AutomationWriter, chooseWriters } from "../writers/writer";
import type { FleetShape } from "./fleet-moves";
import { ContinuousExportFleetProps } from "./fleet-props";

/** The construct id of the one export of the FOR_EACH layout, under its fleet. */
export const FOR_EACH_ID = "Subscriptions";

/** The request every subscription of a fleet shares. */
export function sharedRequest(
  props: ContinuousExportFleetProps,
  writer: AutomationWriter,
): Omit<ContinuousExportProps, "subscriptionId" | "resourceGroupName"> {
  return {
    location: props.location,
    createResourceGroup: props.createResourceGroup,
    exports: props.exports,
    destinations: props.destinations,
    writer,
    azapiProvider: props.azapiProvider,
    names: props.names,
    enabled: props.enabled,
    description: props.description,
    tags: props.tags,
    health: props.health,
  };
}

/** The automations Microsoft's export policy deployed in a subscription, when the fleet takes them over. */
export function policyAdoptions(props: ContinuousExportFleetProps, subscriptionId: string): AdoptedAutomations | undefined {
  const policy = props.adoptPolicyExports;
  if (!policy) return undefined;
  const adopt: { [key: string]: ExistingAutomation } = {};
  for (const kind of kindsOf(props.destinations)) {
    if (!kind.policyAutomationName) continue;
    const group = policy.resourceGroupName ?? props.resourceGroupName;
    adopt[kind.propKey] = ExistingAutomation.fromId(automationResourceId(subscriptionId, group, kind.policyAutomationName), {
      location: policy.location ?? props.location,
    });
  }
  return adopt;
}

/**
 * The `for_each` key of each subscription's created group (FOR_EACH layout): the subscription key, or
 * `<subscription>/<group in lower case>` for a subscription with a group of its own, as Azure identifies a group.
 */
export function groupKeysOf(props: ContinuousExportFleetProps): Map<string, string> {
  const shared = String(props.resourceGroupName).toLowerCase();
  return new Map(
    props.subscriptions.map((s) => {
      const key = subscriptionKey(s.subscriptionId);
      const own = s.resourceGroupName;
      return [key, own === undefined || String(own).toLowerCase() === shared ? key : `${key}/${String(own).toLowerCase()}`];
    }),
  );
}

/**
 * Where a fleet's resources are, for moves between layouts and fleets, when written by `writer`: every
 * automation type the writer may pick, and the created group's type (as the export's plan chooses them).
 * @param scope the construct that holds the fleet
 */
export function fleetShape(scope: IConstruct, props: ContinuousExportFleetProps, writer: AutomationWriter): FleetShape {
  const groupKeys = groupKeysOf(props);
  const writers = chooseWriters({ writer, createResourceGroup: props.createResourceGroup }, scope.node.path);
  return {
    scope,
    kinds: kindsOf(props.destinations),
    automationTypes: writers.candidates.map((w) => w.automationType),
    groupType: props.createResourceGroup ? writers.group?.resourceGroupType : undefined,
    groupKeyOf: (key) => groupKeys.get(key) ?? key,
  };
}
