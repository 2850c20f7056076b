import { TerraformProvider, TerraformResource, Token } from "cdktf";
import { forgetWithoutDestroying } from "../internal/forgotten-address";
import { DestinationKind } from "../destinations/destination";
import { ExportConfigError, describeValue } from "../model/errors";
import { AutomationWriter, Writer, isAutomationWriter, writerNamed } from "../writers/writer";
import { AdoptedAutomations, ExistingAutomation, normalizedLocation } from "./existing-automation";

/** The existing automation adopted for a destination kind, if any. */
export function adoptedFor(adopt: AdoptedAutomations | undefined, kind: DestinationKind): ExistingAutomation | undefined {
  return adopt?.[kind.propKey];
}

/** Whether any automation is adopted. */
export function adoptedAny(adopt: AdoptedAutomations | undefined): boolean {
  return DestinationKind.ALL.some((k) => adoptedFor(adopt, k) !== undefined);
}

/** What an adoption is checked against: where the export writes its automations. */
export interface AdoptingExport {
  /** The export's subscription. */
  readonly subscriptionId: string;
  /** The resource group of its automations. */
  readonly resourceGroupName: string;
  /** Their region. */
  readonly location: string;
  /** The existing automations to take over. @default none */
  readonly adopt?: AdoptedAutomations;
}

/** An adopted automation must keep what forces its replacement: subscription, resource group, location. */
export function checkAdoption(props: AdoptingExport, kinds: readonly DestinationKind[]): void {
  for (const kind of DestinationKind.ALL) {
    const adopted = adoptedFor(props.adopt, kind);
    if (!adopted) continue;
    if (!(adopted instanceof ExistingAutomation)) {
      throw new ExportConfigError("DFE110", "`adopt` takes ExistingAutomation values (ExistingAutomation.fromId or createdByPolicy).");
    }
    const replaced = (property: string, theirs: string, ours: string) =>
      new ExportConfigError(
        "DFE112",
        `the adopted automation ${adopted.name} has ${property} "${theirs}", but this export asks for "${ours}": ` +
          `${property} forces replacement, and nothing would be exported until the new automation exists. Use "${theirs}".`,
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
        `the adopted automation ${adopted.name} sends to a ${kind.displayName}, but this export has no ${kind.displayName} ` +
          `destination, so it would import nothing. Add the destination, or drop the adoption.`,
      );
    }
  }
}

/**
 * A changed writer hands the resource over to the new resource type instead of replacing it: the old
 * address leaves the state without destroying anything (`removed`, Terraform 1.7+) and the new one
 * imports the same resource. (A `moved` block would do in one step from azurerm to azapi, but azapi's
 * state move drops the location, which then forces a replacement.)
 * @param role what the resource is: its type under the previous writer follows
 */
export function takeOverFromPreviousWriter(
  resource: TerraformResource,
  resourceId: string,
  previous: AutomationWriter | undefined,
  writer: Writer,
  role: "automation" | "group",
  importedAlready: boolean,
  provider: TerraformProvider | undefined,
): void {
  if (previous !== undefined && !isAutomationWriter(previous)) {
    throw new ExportConfigError(
      "DFE117",
      `the previous writer must be AutomationWriter.AZURERM or AutomationWriter.AZAPI (the one the resource ` +
        `was deployed with), got ${describeValue(previous)}.`,
    );
  }
  const before = writerNamed(previous, writer);
  if (before === writer) return;
  const previousType = role === "group" ? before.resourceGroupType : before.automationType;
  forgetWithoutDestroying(resource, `${previousType}.${resource.friendlyUniqueId}`);
  // An adopted resource is imported already (its import block stays in the code after the first deploy).
  if (!importedAlready) resource.importFrom(writer.importId(resourceId), provider);
}
