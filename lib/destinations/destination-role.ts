import { ExportConfigError, describeValue } from "../model/errors";
import { BUILT_IN_ROLES } from "../model/roles";

/**
 * A built-in role that lets the exporting identity write an export to a destination in another
 * tenant. Microsoft lists Owner, Contributor, Log Analytics Contributor, Microsoft Sentinel Contributor
 * and Monitoring Contributor for workspaces; for event hubs the identity needs write on the Event Hubs
 * authorization rule ("Write permission on the Event Hubs policy"), which Contributor on that rule gives.
 */
export class DestinationRole {
  /** Owner. Broad; Azure Lighthouse refuses it. */
  public static readonly OWNER = new DestinationRole(BUILT_IN_ROLES.owner.name, BUILT_IN_ROLES.owner.id);
  /** Contributor. */
  public static readonly CONTRIBUTOR = new DestinationRole(BUILT_IN_ROLES.contributor.name, BUILT_IN_ROLES.contributor.id);
  /** Log Analytics Contributor: the least of the workspace roles, the default for workspaces. */
  public static readonly LOG_ANALYTICS_CONTRIBUTOR = new DestinationRole(
    BUILT_IN_ROLES.logAnalyticsContributor.name,
    BUILT_IN_ROLES.logAnalyticsContributor.id,
  );
  /** Microsoft Sentinel Contributor. */
  public static readonly SENTINEL_CONTRIBUTOR = new DestinationRole(BUILT_IN_ROLES.sentinelContributor.name, BUILT_IN_ROLES.sentinelContributor.id);
  /** Monitoring Contributor. */
  public static readonly MONITORING_CONTRIBUTOR = new DestinationRole(
    BUILT_IN_ROLES.monitoringContributor.name,
    BUILT_IN_ROLES.monitoringContributor.id,
  );

  /** The roles that let an identity export to a workspace, least first. */
  public static readonly FOR_WORKSPACES: DestinationRole[] = [
    DestinationRole.LOG_ANALYTICS_CONTRIBUTOR,
    DestinationRole.MONITORING_CONTRIBUTOR,
    DestinationRole.SENTINEL_CONTRIBUTOR,
    DestinationRole.CONTRIBUTOR,
    DestinationRole.OWNER,
  ];
  /** The roles that let an identity export to an event hub (on its Send rule), least first. */
  public static readonly FOR_EVENT_HUBS: DestinationRole[] = [DestinationRole.CONTRIBUTOR, DestinationRole.OWNER];

  /** Parses a role by its name (case-insensitive); throws for anything else. */
  public static of(name: string): DestinationRole {
    const all = DestinationRole.FOR_WORKSPACES;
    const found = all.find((r) => r.name.toLowerCase() === String(name).toLowerCase());
    if (!found) {
      throw new ExportConfigError(
        "DFE020",
        `${describeValue(name)} is not a role that lets an identity export. Use one of: ${all.map((r) => r.name).join(", ")}.`,
      );
    }
    return found;
  }

  private constructor(
    /** The role's name. */
    public readonly name: string,
    /** The role definition's GUID. */
    public readonly id: string,
  ) {}

  /** The role's name. */
  public toString(): string {
    return this.name;
  }
}
