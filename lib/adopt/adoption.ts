import { TerraformProvider, TerraformResource, TerraformStack, Token } from "cdktf";
import { IConstruct } from "constructs";
import type { ContinuousExportProps } from "../continuous-export";
import { DestinationKind } from "../destinations/destination";
import { ExportConfigError } from "../model/errors";
import { AutomationWriter } from "../writers/writer";
import { AdoptedAutomations, ExistingAutomation, normalizedLocation } from "./existing-automation";

/** The id an import block gives: azapi's names the API version to read the resource with. */
export function importIdFor(writer: "azurerm" | "azapi", id: string, azapiVersion = "2023-12-01-preview"): string {
  return writer === "azapi" ? `${id}?api-version=${azapiVersion}` : id;
}

/** The existing automation adopted for a destination kind, if any. */
export function adoptedFor(adopt: AdoptedAutomations | undefined, kind: DestinationKind): ExistingAutomation | undefined {
  if (!adopt) return undefined;
  return kind === DestinationKind.WORKSPACE ? adopt.workspace : kind === DestinationKind.EVENT_HUB ? adopt.eventHub : adopt.logicApp;
}

/** Whether any automation is adopted. */
export function adoptedAny(adopt: AdoptedAutomations | undefined): boolean {
  return DestinationKind.ALL.some((k) => adoptedFor(adopt, k) !== undefined);
}

/** An adopted automation must keep what forces its replacement: subscription, resource group, location. */
export function checkAdoption(props: ContinuousExportProps, kinds: readonly DestinationKind[]): void {
  for (const kind of DestinationKind.ALL) {
    const adopted = adoptedFor(props.adopt, kind);
    if (!adopted) continue;
    if (!(adopted instanceof ExistingAutomation)) {
      throw new ExportConfigError("DFE110", "`adopt` takes ExistingAutomation values (ExistingAutomation.fromId or createdByPolicy).");
    }
    const replaced = (property: string, theirs: string, ours: string) =>
      new ExportConfigError(
        "DFE112",
        `the adopted automation ${adopted.name} has ${property} "${theirs}", but this export asks for "${ours}": ${property} forces replacement, and nothing would be exported until the new automation exists. Use "${theirs}".`,
      );
    if (!Token.isUnresolved(props.subscriptionId) && adopted.subscriptionId.toLowerCase() !== props.subscriptionId.toLowerCase())
      throw replaced("subscription", adopted.subscriptionId, props.subscriptionId);
    if (!Token.isUnresolved(props.resourceGroupName) && adopted.resourceGroupName !== props.resourceGroupName)
      throw replaced("resource group", adopted.resourceGroupName, props.resourceGroupName);
    if (!Token.isUnresolved(props.location) && normalizedLocation(adopted.location) !== normalizedLocation(props.location))
      throw replaced("location", adopted.location, props.location);
    if (!kinds.includes(kind)) {
      throw new ExportConfigError(
        "DFE113",
        `the adopted automation ${adopted.name} sends to a ${kind.displayName}, but this export has no ${kind.displayName} destination, so it would import nothing. Add the destination, or drop the adoption.`,
      );
    }
  }
}

/**
 * A changed writer hands the automation over to the new resource type instead of replacing it: the old
 * address leaves the state without destroying anything (`removed`, Terraform 1.7+) and the new one
 * imports the same automation. (A `moved` block would do in one step from azurerm to azapi, but azapi's
 * state move drops the location, which then forces a replacement.)
 */
export function takeOverFromPreviousWriter(
  resource: TerraformResource,
  resourceId: string,
  previous: AutomationWriter | undefined,
  writer: "azurerm" | "azapi",
  importedAlready: boolean,
  provider: TerraformProvider | undefined,
  azapiVersion?: string,
): void {
  if (previous !== undefined && previous !== AutomationWriter.AUTO && previous !== AutomationWriter.AZURERM && previous !== AutomationWriter.AZAPI) {
    throw new ExportConfigError(
      "DFE117",
      `the previous writer must be AutomationWriter.AZURERM or AutomationWriter.AZAPI (the one the resource was deployed with), got ${describeValue(previous)}.`,
    );
  }
  if (!previous || previous === AutomationWriter.AUTO || previous.name === writer) return;
  const azurermType = resource.terraformResourceType === "azapi_resource" ? azurermTypeOf(resourceId) : resource.terraformResourceType;
  const previousType = previous === AutomationWriter.AZAPI ? "azapi_resource" : azurermType;
  forgetWithoutDestroying(resource, `${previousType}.${resource.friendlyUniqueId}`);
  // An adopted resource is imported already (its import block stays in the code after the first deploy).
  if (!importedAlready) resource.importFrom(importIdFor(writer, resourceId, azapiVersion), provider);
}

/** The API version the azapi writer reads and writes created resource groups with. */
export const RESOURCE_GROUP_API_VERSION = "2021-04-01";

/** The azurerm resource type of the resources the library writes through either writer. */
function azurermTypeOf(resourceId: string): string {
  return /\/providers\/Microsoft\.Security\/automations\//i.test(resourceId) ? "azurerm_security_center_automation" : "azurerm_resource_group";
}

const removedByStack = new WeakMap<TerraformStack, Array<{ from: string; lifecycle: { destroy: boolean } }>>();

/** A `removed` block: Terraform forgets the address and leaves the resource in Azure. */
export function forgetWithoutDestroying(scope: IConstruct, address: string): void {
  const stack = TerraformStack.of(scope);
  const removed = removedByStack.get(stack) ?? [];
  if (!removed.some((r) => r.from === address)) removed.push({ from: address, lifecycle: { destroy: false } });
  removedByStack.set(stack, removed);
  stack.addOverride("removed", removed);
}

/** A user value in words for an error message: short, and never a construct tree. */
function describeValue(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? String(value);
  return `an object of type ${(value as object).constructor?.name ?? "Object"}`;
}
