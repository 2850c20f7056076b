import { IConstruct } from "constructs";
import { DestinationKind } from "../destinations/destination";
import { addressAt } from "../internal/addresses";

/**
 * Where an export's resources are: the construct ids of its children and the ARM ids they import. The
 * one home of both, for the export that writes them and the fleet that moves, imports and forgets them
 * (a subscription that leaves a shard, a layout that changes) at addresses no construct holds any more.
 */

/** The construct id of the created resource group, under its export. */
export const GROUP_ID = "ResourceGroup";

/** The construct id of the automation of a destination kind, under its export: the kind's action type. */
export function automationIdOf(kind: DestinationKind): string {
  return kind.actionType;
}

/**
 * The Terraform address of a resource of `resourceType` that an export at construct id path `exportPath`
 * below `scope` writes: the automation of `role`'s kind, or the created group (`"group"`).
 */
export function exportedAddress(scope: IConstruct, resourceType: string, exportPath: readonly string[], role: DestinationKind | "group"): string {
  return addressAt(scope, resourceType, ...exportPath, role === "group" ? GROUP_ID : automationIdOf(role));
}

/** The ARM id of a resource group. */
export function groupResourceId(subscriptionId: string, resourceGroupName: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}`;
}

/** The ARM id of an automation. */
export function automationResourceId(subscriptionId: string, resourceGroupName: string, name: string): string {
  return `${groupResourceId(subscriptionId, resourceGroupName)}/providers/Microsoft.Security/automations/${name}`;
}
