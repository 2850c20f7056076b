import { DestinationKind } from "../kinds/destination-kind";
import { ExportConfigError, describeValue } from "../model/errors";
import { GUID_PATTERN } from "../model/guid";

const AUTOMATION_ID = new RegExp(`^/subscriptions/(${GUID_PATTERN})/resourceGroups/([^/]+)/providers/Microsoft\\.Security/automations/([^/]+)$`, "i");

/** Options of {@link ExistingAutomation.fromId}. */
export interface ExistingAutomationOptions {
  /** The automation's region, as it is in Azure (`az security automation show … --query location`). */
  readonly location: string;
}

/**
 * An automation that exists in Azure (made in the portal, by Microsoft's policy, or by other tooling)
 * for a `ContinuousExport` to take over: it is imported, and kept under its name, resource group and
 * location, so that the first plan updates it in place instead of replacing it.
 */
export class ExistingAutomation {
  /**
   * An existing automation by its resource id
   * (`/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.Security/automations/{name}`).
   */
  public static fromId(automationId: string, options: ExistingAutomationOptions): ExistingAutomation {
    const match = AUTOMATION_ID.exec(String(automationId));
    if (!match) {
      throw new ExportConfigError(
        "DFE110",
        `"${automationId}" is not an automation id. Expected /subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.Security/automations/<name> ` +
          `(az security automation list --query "[].id").`,
      );
    }
    if (typeof options?.location !== "string" || options.location.trim() === "") {
      throw new ExportConfigError("DFE110", `the existing automation ${match[3]} needs its \`location\`: a different one would replace it.`);
    }
    return new ExistingAutomation(automationId, match[1], match[2], match[3], options.location);
  }

  /**
   * The automation Microsoft's built-in export policy deploys into a subscription, in the resource group
   * given to the policy, named as the policy names it for the destination kind (`ExportToWorkspace`,
   * `exportToEventHub`). `true` and `false` still mean an Event Hub and a workspace.
   */
  public static createdByPolicy(
    subscriptionId: string,
    resourceGroupName: string,
    kind: DestinationKind | boolean,
    location: string,
  ): ExistingAutomation {
    const to = typeof kind === "boolean" ? (kind ? DestinationKind.EVENT_HUB : DestinationKind.WORKSPACE) : kind;
    const name = to?._policy?.automationName;
    if (name === undefined) {
      throw new ExportConfigError(
        "DFE240",
        `no built-in export policy sends to ${to?.displayName ?? describeValue(kind)}, so none deploys its automation. Use ExistingAutomation.fromId with the automation's id.`,
      );
    }
    return ExistingAutomation.fromId(
      `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}/providers/Microsoft.Security/automations/${name}`,
      { location },
    );
  }

  private constructor(
    /** The resource id. */
    public readonly id: string,
    /** The subscription. */
    public readonly subscriptionId: string,
    /** The resource group. */
    public readonly resourceGroupName: string,
    /** The name, spelled as in Azure. */
    public readonly name: string,
    /** The region. */
    public readonly location: string,
  ) {}
}

/** Existing automations to take over, per destination kind. */
export interface AdoptedAutomations {
  /** The existing automation that sends to workspaces (e.g. `ExportToWorkspace`). @default none */
  readonly workspace?: ExistingAutomation;
  /** The existing automation that sends to event hubs (e.g. `exportToEventHub`). @default none */
  readonly eventHub?: ExistingAutomation;
  /** The existing workflow automation. @default none */
  readonly logicApp?: ExistingAutomation;
}

/** A location as azurerm compares it: lower case, without spaces. */
export function normalizedLocation(location: string): string {
  return location.replace(/\s+/g, "").toLowerCase();
}
