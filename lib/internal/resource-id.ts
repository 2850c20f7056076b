import { Fn, Token } from "cdktf";
import { ExportConfigError } from "../model/errors";
import { GUID_PATTERN, isGuid } from "../model/guid";

const NAME = "[^/]+";

/** The parts of an Azure resource id this library reads. */
export interface ResourceIdParts {
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  /** The names after the provider namespace, in order (e.g. namespace, event hub). */
  readonly names: readonly string[];
}

/** The resource id shapes the library imports. */
export const RESOURCE_ID_SHAPES = {
  workspace: {
    types: ["Microsoft.OperationalInsights/workspaces"],
    example: "/subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.OperationalInsights/workspaces/<name>",
  },
  eventHub: {
    types: ["Microsoft.EventHub/namespaces", "eventhubs"],
    example: "/subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.EventHub/namespaces/<namespace>/eventhubs/<hub>",
  },
  logicApp: { types: ["Microsoft.Logic/workflows"], example: "/subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.Logic/workflows/<name>" },
} as const;

type Shape = (typeof RESOURCE_ID_SHAPES)[keyof typeof RESOURCE_ID_SHAPES];

/**
 * Parses a literal resource id of the given shape; returns undefined for an unresolved token (its
 * value is known only at apply time). Throws a clear error for a literal of another shape.
 */
export function parseResourceId(id: string, shape: Shape, what: string): ResourceIdParts | undefined {
  if (Token.isUnresolved(id)) return undefined;
  const [providerType, ...childTypes] = shape.types;
  const pattern = new RegExp(
    `^/subscriptions/(${GUID_PATTERN})/resourceGroups/(${NAME})/providers/${providerType.replace(".", "\\.")}/(${NAME})` +
      childTypes.map((t) => `/${t}/(${NAME})`).join("") +
      "$",
    "i",
  );
  const match = pattern.exec(String(id));
  if (!match) {
    throw new ExportConfigError("DFE040", `"${id}" is not ${what} resource id. Expected ${shape.example}.`);
  }
  const [, subscriptionId, resourceGroupName, ...names] = match;
  return { subscriptionId, resourceGroupName, names };
}

/**
 * The resource group id (`/subscriptions/{s}/resourceGroups/{rg}`) of a resource id, also for a
 * reference resolved at apply (then as a Terraform expression).
 */
export function resourceGroupIdOf(resourceId: string): string {
  return leadingSegments(resourceId, 5);
}

/** The subscription scope (`/subscriptions/{s}`) of a resource id, also for a reference resolved at apply. */
export function subscriptionScopeOf(resourceId: string): string {
  return leadingSegments(resourceId, 3);
}

function leadingSegments(resourceId: string, count: number): string {
  if (!Token.isUnresolved(resourceId)) return resourceId.split("/").slice(0, count).join("/");
  return Fn.join("/", Fn.slice(Fn.split("/", resourceId), 0, count));
}

/** Whether `value` is a subscription id (a GUID); tokens pass. */
export function isSubscriptionId(value: string): boolean {
  return Token.isUnresolved(value) || isGuid(value);
}

/** Names that force replacement must be an adopted resource's own, or the import would be followed by a replacement. */
export function checkSameName(what: string, theirs: string, ours: string): void {
  if (!Token.isUnresolved(ours) && theirs !== ours) {
    throw new ExportConfigError(
      "DFE116",
      `the adopted resource's ${what} is "${theirs}", but the props say "${ours}": it forces replacement, and ` +
        `the data would be lost. Use "${theirs}".`,
    );
  }
}

/**
 * The key of a subscription as Azure compares it: a literal id in lower case. Azure compares GUIDs
 * without regard to case, but Terraform compares `for_each` keys and construct ids exactly, and azapi
 * replaces a resource whose `parent_id` or `name` changes in any way (`stringplanmodifier.RequiresReplace()`
 * on both in Azure/terraform-provider-azapi internal/services/azapi_resource.go; its Read keeps the
 * parent id as it was written; checked 2026-12): so a subscription id re-listed in another case would
 * move or replace everything of it. Unresolved tokens pass as they are.
 */
export function subscriptionKey(subscriptionId: string): string {
  return typeof subscriptionId === "string" && !Token.isUnresolved(subscriptionId) ? subscriptionId.toLowerCase() : subscriptionId;
}
