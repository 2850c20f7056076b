import { TerraformIterator, TerraformResource, Token } from "cdktf";
import { Construct } from "constructs";
import { ContinuousExport } from "../continuous-export";
import { DestinationKind } from "../destinations/destination";
import { automationNameOf } from "../export/automation-name";
import { automationResourceId, exportedAddress, groupResourceId } from "../export/export-addresses";
import { kindsOf } from "../export/export-kinds";
import { withPlacement } from "../export/placement";
import { NAME_RULES, checkName } from "../internal/inputs";
import { InstanceBlocks, instanceAddress, resourceAddress } from "../internal/instance-blocks";
import { Local } from "../internal/literal-element";
import { subscriptionKey } from "../internal/resource-id";
import { atPath } from "../model/errors";
import { WRITERS } from "../writers/all-writers";
import { AZAPI_WRITER } from "../writers/azapi-writer";
import { AutomationWriter } from "../writers/writer";
import { checkForEachAdoption, checkForEachSubscription } from "./fleet-checks";
import { FleetLayout } from "./fleet-layout";
import { subscriptionAddresses } from "./fleet-moves";
import { ContinuousExportFleetProps, FleetSubscription } from "./fleet-props";
import { FOR_EACH_ID, fleetShape, groupKeysOf, policyAdoptions, sharedRequest } from "./fleet-request";

/**
 * The FOR_EACH layout of a fleet: one export whose resources iterate over a local map of subscription id
 * to resource group (placed over them through `withPlacement`); adopted automations and arriving
 * subscriptions are imported into their instance, leaving ones forgotten.
 */
export function writeForEachExport(
  fleet: Construct,
  props: ContinuousExportFleetProps,
  writer: AutomationWriter,
  blocks: InstanceBlocks,
  previousWriter: AutomationWriter | undefined,
): ContinuousExport {
  const path = fleet.node.path;
  const groups = new Map<string, string>();
  for (const s of props.subscriptions) {
    atPath(path, () => checkForEachSubscription(s, props));
    groups.set(
      subscriptionKey(s.subscriptionId),
      atPath(path, () =>
        checkName(`subscriptions[${s.subscriptionId}].resourceGroupName`, s.resourceGroupName ?? props.resourceGroupName, NAME_RULES.resourceGroup),
      ),
    );
  }
  const map = new Local(fleet, "ResourceGroupBySubscription", Object.fromEntries(groups));
  const iterator = TerraformIterator.fromMap(map.asAnyMap);
  // A subscription with a group of its own has its created group under another key: giving it one then
  // creates the new group and forgets the old one (a moved block out of a key still declared is refused).
  const groupKeys = groupKeysOf(props);
  const ownGroups = [...groupKeys].filter(([key, groupKey]) => key !== groupKey);
  let groupIteration: { iterator: TerraformIterator; subscriptionId: string; name: string } | undefined;
  if (props.createResourceGroup && ownGroups.length > 0) {
    const byKey = new Local(
      fleet,
      "ResourceGroupByKey",
      Object.fromEntries([...groupKeys].map(([key, groupKey]) => [groupKey, { subscriptionId: key, name: groups.get(key) as string }])),
    );
    const groupIterator = TerraformIterator.fromMap(byKey.asAnyMap);
    groupIteration = { iterator: groupIterator, subscriptionId: groupIterator.getString("subscriptionId"), name: groupIterator.getString("name") };
  }
  const request = sharedRequest(props, writer);
  const exported = new ContinuousExport(
    fleet,
    FOR_EACH_ID,
    withPlacement(
      {
        ...request,
        subscriptionId: iterator.key,
        resourceGroupName: Token.asString(iterator.value),
        provider: props.provider,
        tenantId: props.tenantId,
      },
      { kind: "for_each", iterator, resourceGroups: groups, groups: groupIteration },
    ),
  );
  if (exported.resourceGroup) for (const [key] of ownGroups) blocks.forgetInstanceOf(resourceAddress(exported.resourceGroup), key);
  const kinds = kindsOf(props.destinations);
  // Every instance shares the export's names: the same request and id name them again.
  const nameOf = (kind: DestinationKind) => automationNameOf(kind, request, FOR_EACH_ID, exported.node.path);
  // One import block per instance: an adopted subscription may also arrive from a shard or another writer.
  const imported = new Set<string>();
  const importOnce = (to: string, id: string) => {
    if (!imported.has(to)) blocks.importInto(to, AZAPI_WRITER.importId(id), props.azapiProvider);
    imported.add(to);
  };
  const importInto = (written: string, group: string, only?: readonly DestinationKind[]) => {
    const subscriptionId = subscriptionKey(written);
    for (const kind of only ?? kinds) {
      importOnce(instanceAddress(exported.automations[kind.actionType], subscriptionId), automationResourceId(subscriptionId, group, nameOf(kind)));
    }
    if (exported.resourceGroup && only === undefined) {
      importOnce(instanceAddress(exported.resourceGroup, groupKeys.get(subscriptionId) ?? subscriptionId), groupResourceId(subscriptionId, group));
    }
  };
  const groupOf = (s: FleetSubscription) => s.resourceGroupName ?? props.resourceGroupName;
  for (const s of props.subscriptions) {
    const { subscriptionId } = s;
    const group = groupOf(s);
    const adopt = s.adopt ?? policyAdoptions(props, subscriptionId);
    if (!adopt) continue;
    const adopted = atPath(path, () => checkForEachAdoption(nameOf, subscriptionId, group, adopt, props, kinds));
    importInto(subscriptionId, group, adopted);
  }
  // Written per subscription through azurerm before: those resources leave the state, these import them.
  if (previousWriter === AutomationWriter.AZURERM) {
    const before = fleetShape(fleet.node.scope as Construct, props, AutomationWriter.AZURERM);
    for (const s of props.subscriptions) {
      for (const written of new Set([s.subscriptionId, subscriptionKey(s.subscriptionId)]))
        subscriptionAddresses(before, fleet.node.id, FleetLayout.PER_SUBSCRIPTION, written).forEach((address) => blocks.forgetResource(address));
      importInto(s.subscriptionId, groupOf(s));
    }
  }
  if (props.shard) {
    const arriving = new Set(props.shard.arriving.map((s) => s.toLowerCase()));
    for (const s of props.subscriptions) if (arriving.has(s.subscriptionId.toLowerCase())) importInto(s.subscriptionId, groupOf(s));
    for (const subscriptionId of props.shard.leaving) {
      for (const resource of forEachResources(exported)) blocks.forget(resource, subscriptionKey(subscriptionId));
      // From a per-subscription layout, the leaving subscription still has its own addresses.
      if (props.previousLayout === FleetLayout.PER_SUBSCRIPTION) {
        // Under every writer's types: the per-subscription layout may have written them through azurerm.
        for (const writer of WRITERS) {
          for (const kind of kinds) blocks.forgetResource(exportedAddress(fleet, writer.automationType, [subscriptionId], kind));
          if (props.createResourceGroup) blocks.forgetResource(exportedAddress(fleet, writer.resourceGroupType, [subscriptionId], "group"));
        }
      }
    }
  }
  return exported;
}

/** The FOR_EACH layout's resources: the automations, then the created resource group. */
function forEachResources(exported: ContinuousExport): TerraformResource[] {
  return [...Object.values(exported.automations), ...(exported.resourceGroup ? [exported.resourceGroup] : [])];
}
