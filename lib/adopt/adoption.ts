import { TerraformResource, Token } from "cdktf";
import type { ContinuousExportProps } from "../continuous-export";
import { DestinationKind } from "../destinations/destination";
import { ExportConfigError } from "../model/errors";
import { AutomationWriter } from "../writers/writer";
import { AdoptedAutomations, ExistingAutomation, normalizedLocation } from "./existing-automation";

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
    if (!Token.isUnresolved(props.subscriptionId) && adopted.subscriptionId.toLowerCase() !== props.subscriptionId.toLowerCase()) throw replaced("subscription", adopted.subscriptionId, props.subscriptionId);
    if (!Token.isUnresolved(props.resourceGroupName) && adopted.resourceGroupName !== props.resourceGroupName) throw replaced("resource group", adopted.resourceGroupName, props.resourceGroupName);
    if (!Token.isUnresolved(props.location) && normalizedLocation(adopted.location) !== normalizedLocation(props.location)) throw replaced("location", adopted.location, props.location);
    if (!kinds.includes(kind)) {
      throw new ExportConfigError("DFE113", `the adopted automation ${adopted.name} sends to a ${kind.displayName}, but this export has no ${kind.displayName} destination, so it would import nothing. Add the destination, or drop the adoption.`);
    }
  }
}

/** A changed writer moves the automation's state to the new resource type instead of replacing it. */
export function moveFromPreviousWriter(automation: TerraformResource, previous: AutomationWriter | undefined, writer: "azurerm" | "azapi", adopted: ExistingAutomation | undefined): void {
  if (!previous || previous === AutomationWriter.AUTO || previous.name === writer) return;
  if (adopted) {
    throw new ExportConfigError("DFE114", `automation ${adopted.name}: give \`adopt\` (it is not in this state yet) or \`previousWriter\` (it is, under another resource type), not both.`);
  }
  if (writer === "azurerm") {
    throw new ExportConfigError(
      "DFE115",
      "the automation was written through azapi and would now be written through azurerm, which cannot take over azapi state: it would be replaced, with a gap. Keep writer: AutomationWriter.AZAPI.",
    );
  }
  automation.moveFromId(`azurerm_security_center_automation.${automation.friendlyUniqueId}`);
}
