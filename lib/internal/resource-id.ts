import { Token } from "cdktf";
import { TerraformFunctions } from "./terraform-functions";
import { ExportConfigError, describeValue } from "../model/errors";
import { GUID_PATTERN, isGuid } from "../model/guid";
import { NAME_RULES, NameRule } from "./inputs";
import { producedValue } from "./lazy";

const NAME = "[^/]+";

/** The parts of an Azure resource id this library reads. */
export interface ResourceIdParts {
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  /** The names after the provider namespace, in order (e.g. namespace, event hub). */
  readonly names: readonly string[];
}

/**
 * The shape of a resource id the library reads: its ARM resource types (the provider's type, then each
 * child type), the name rule of each name segment, and an example for messages. Each destination kind
 * declares its own (`lib/kinds/*.ts`).
 */
export interface ResourceIdShape {
  /** The ARM resource types, provider type first (e.g. `Microsoft.EventHub/namespaces`, `eventhubs`). */
  readonly types: readonly string[];
  /** The name rule of each name segment, in order: keys of `NAME_RULES`. */
  readonly names: readonly string[];
  /** An example id, for messages. */
  readonly example: string;
}

/**
 * Parses a literal resource id of the given shape; returns undefined for an unresolved token (its
 * value is known only at apply time). Throws a clear error for a literal of another shape.
 */
export function parseResourceId(given: string, shape: ResourceIdShape, what: string): ResourceIdParts | undefined {
  const id = producedValue("id", given);
  if (Token.isUnresolved(id)) return undefined;
  const [providerType, ...childTypes] = shape.types;
  const pattern = new RegExp(
    `^/subscriptions/(${GUID_PATTERN})/resourceGroups/(${NAME})/providers/${providerType.replace(".", "\\.")}/(${NAME})` +
      childTypes.map((t) => `/${t}/(${NAME})`).join("") +
      "$",
    "i",
  );
  const match = typeof id === "string" ? pattern.exec(id) : null;
  if (!match) {
    throw new ExportConfigError("DFE040", `${describeValue(id)} is not ${what} resource id. Expected ${shape.example}.`);
  }
  const [, subscriptionId, resourceGroupName, ...names] = match;
  // Each segment must be a name Azure gives such a resource, or the id names nothing that can exist.
  const segments: Array<[string, string, NameRule]> = [
    ["resource group", resourceGroupName, NAME_RULES.resourceGroup],
    ...names.map((name, i): [string, string, NameRule] => [shape.names[i], name, nameRule(shape.names[i])]),
  ];
  const wrong = segments.find(([, name, rule]) => !rule.pattern.test(name));
  if (wrong) {
    throw new ExportConfigError(
      "DFE220",
      `${describeValue(id)} is not ${what} resource id: its ${wrong[0]} name "${wrong[1]}" is not one Azure gives (${wrong[2].words}). Copy the id from the resource's JSON view.`,
    );
  }
  return { subscriptionId, resourceGroupName, names };
}

/** The name rule a resource id shape names; a shape naming no rule is a mistake in the library. */
function nameRule(key: string): NameRule {
  const rule = (NAME_RULES as { readonly [key: string]: NameRule | undefined })[key];
  if (!rule) throw new Error(`no name rule "${key}" in NAME_RULES`);
  return rule;
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
  return TerraformFunctions.join("/", TerraformFunctions.slice(TerraformFunctions.split("/", resourceId), 0, count));
}

/** Whether `value` is a subscription id (a GUID); tokens pass. */
export function isSubscriptionId(given: string): boolean {
  const value = producedValue("subscriptionId", given);
  return typeof value === "string" && (Token.isUnresolved(value) || isGuid(value));
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

/**
 * An Azure resource id as Azure compares it: case-insensitively (ARM resource ids and names of resource
 * groups are case-insensitive: "Resource naming rules", Microsoft Learn, checked 2026-12), with no empty
 * segments (no double or trailing slash). Two ids of one resource give the same text.
 */
export function normalizedResourceId(id: string): string {
  return `/${id
    .split("/")
    .filter((s) => s !== "")
    .join("/")}`.toLowerCase();
}
