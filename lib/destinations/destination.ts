import { ExportConfigError, coded, describeValue } from "../model/errors";
import { ITerraformDependable, TerraformProvider, TerraformResource, Token } from "cdktf";
import { IConstruct } from "constructs";
import type { DestinationRole } from "./destination-role";
import { literalTenantOf, resolveAzurermProvider } from "../internal/provider-check";
import { isGuid } from "../model/guid";

/**
 * The kind of an export destination: the automation's `actionType`, and everything that depends on it,
 * in one place: its REST wire names, the automation name the portal and Microsoft's policy give it,
 * and the key it has in per-kind props (`names`, `adopt`).
 */
export class DestinationKind {
  /** A Log Analytics workspace. */
  public static readonly WORKSPACE = new DestinationKind(
    "Workspace",
    "Log Analytics workspace",
    "workspace",
    "workspaceResourceId",
    undefined,
    "ExportToWorkspace",
    "ExportToWorkspace",
  );
  /** An Event Hub. */
  public static readonly EVENT_HUB = new DestinationKind(
    "EventHub",
    "Event Hub",
    "eventHub",
    "eventHubResourceId",
    "connectionString",
    "ExportToEventHub",
    "exportToEventHub",
  );
  /** A Logic App (workflow automation); the portal shows these under workflow automation, by any name. */
  public static readonly LOGIC_APP = new DestinationKind("LogicApp", "Logic App", "logicApp", "logicAppResourceId", "uri", undefined, undefined);

  /** Every kind, in the order the library writes automations. */
  public static readonly ALL: DestinationKind[] = [DestinationKind.WORKSPACE, DestinationKind.EVENT_HUB, DestinationKind.LOGIC_APP];

  /** The kind of a REST or azurerm action type (`Workspace`, `EventHub`, `LogicApp`; case-insensitive), if any. */
  public static ofActionType(actionType: string): DestinationKind | undefined {
    return DestinationKind.ALL.find((k) => k.actionType.toLowerCase() === String(actionType).toLowerCase());
  }

  private constructor(
    /** The action type, as azurerm 4.x and 5.x and the REST API accept it: `Workspace`, `EventHub`, `LogicApp`. */
    public readonly actionType: string,
    /** The kind in words. */
    public readonly displayName: string,
    /** Its key in per-kind props: `AutomationNames`, `AdoptedAutomations`. */
    public readonly propKey: "workspace" | "eventHub" | "logicApp",
    /** The REST action's property that holds the destination's resource id. */
    public readonly resourceIdProperty: string,
    /** The REST action's property that holds its secret (connection string, callback URL), if any. */
    public readonly secretProperty: string | undefined,
    /** The automation name the portal's Continuous export page shows, if any. */
    public readonly portalName: string | undefined,
    /** The automation name Microsoft's built-in export policy deploys (its spelling), if the policy can send to this kind. */
    public readonly policyAutomationName: string | undefined,
  ) {}
}

/** What an automation needs to send data to a destination. */
export interface ExportActionConfig {
  /** The destination kind. */
  readonly kind: DestinationKind;
  /** The resource id: the workspace, the event hub entity, or the Logic App workflow. */
  readonly resourceId: string;
  /** Event Hub only: the connection string of a rule with Send rights (a sensitive token). @default none (a trusted-service hub) */
  readonly connectionString?: string;
  /** Logic App only: the trigger's callback URL (a sensitive token). @default none */
  readonly triggerUrl?: string;
  /**
   * Event Hub only: Defender for Cloud sends as a trusted Microsoft service with its own identity, no
   * connection string (`isTrustedServiceEnabled`, API 2023-12-01-preview only). @default false
   */
  readonly trustedService?: boolean;
  /** Whether the action needs the 2023-12-01-preview automations API (e.g. export as a trusted service). @default false */
  readonly needsApi2023?: boolean;
  /**
   * Resources in the automation's stack that it must wait for (e.g. the workspace's SecurityCenterFree
   * solution); those in other stacks become a dependency between the stacks. @default none
   */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * A place continuous export sends data to. Implemented by {@link LogAnalyticsDestination},
 * {@link EventHubDestination} and {@link LogicAppDestination}. Another way to make a destination of an
 * existing kind implements this interface and needs no change to `ContinuousExport`; a new kind (a new
 * action type of the REST API) is one more {@link DestinationKind} constant with its wire names.
 */
export interface IExportDestination extends IConstruct {
  /** The destination kind. */
  readonly kind: DestinationKind;
  /** The destination in words, for summaries; never contains a secret. */
  readonly description: string;
  /** The Entra tenant the destination lives in, when known (from `tenantId` or its provider). @default unknown */
  readonly tenantId?: string;
  /**
   * The azurerm provider that writes (or reads) the destination's resources, when one was given; what is
   * written next to the destination (e.g. its health alerts) uses it too. @default the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
  /**
   * Called by each automation that sends to this destination: returns the action, the API it needs and
   * what the automation waits for, as seen from the automation's stack. Creates nothing twice: a
   * destination shared by several exports is bound several times.
   * @param automation the construct that writes the automation
   */
  bind(automation: IConstruct): ExportActionConfig;
}

/** Where a destination the library creates is placed, so that an export that creates the group can be waited for. */
export interface DestinationPlacement {
  /** The resource group name the destination's resources are created in. */
  readonly resourceGroupName: string;
  /** The resources placed directly in that group (the others depend on them). */
  readonly resources: TerraformResource[];
}

/** A destination whose resources the library creates in a named resource group. */
export interface IPlacedDestination extends IExportDestination {
  /** Where its resources are created. */
  readonly placement: DestinationPlacement;
}

/** Whether a destination creates resources in a named resource group. */
export function isPlacedDestination(d: IExportDestination): d is IPlacedDestination {
  return typeof (d as Partial<IPlacedDestination>).placement === "object";
}

/** Options every destination takes. */
export interface DestinationOptions {
  /**
   * The provider that writes (or reads) this destination's resources, e.g. one configured for the
   * destination's subscription. @default the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
  /**
   * The Entra tenant the destination lives in. Needed when it is not the export's tenant and the
   * provider does not set `tenantId`. @default the tenant of `provider`, if it sets one
   */
  readonly tenantId?: string;
}

/** What a cross-tenant grant needs to know of a destination. */
export interface AccessTarget {
  /** The destination kind. */
  readonly kind: DestinationKind;
  /** The destination's resource id (its resource group and subscription are read from it). */
  readonly resourceId: string;
  /** The narrowest scope of a role assignment that lets an identity export there. */
  readonly roleScope: string;
  /**
   * The destination's resource group name (literal or reference): destinations whose names resolve
   * alike and share a provider are in one resource group.
   */
  readonly resourceGroupName: string;
  /** The least role that lets an identity export there. */
  readonly defaultRole: DestinationRole;
  /** Every role that does. */
  readonly allowedRoles: DestinationRole[];
  /** The provider of the destination's tenant, if given. @default the stack's default azurerm provider */
  readonly provider?: TerraformProvider;
}

/** A destination that can live in another tenant than the export. */
export interface ICrossTenantDestination extends IExportDestination {
  /** Where and with which roles cross-tenant access is granted. Throws where it cannot be. */
  accessTarget(): AccessTarget;
}

/** Whether a destination can be granted cross-tenant access. */
export function isCrossTenantDestination(d: IExportDestination): d is ICrossTenantDestination {
  return typeof (d as Partial<ICrossTenantDestination>).accessTarget === "function";
}

/** The destination's tenant: the explicit one, else its provider's (the stack's default azurerm provider if none given). */
export function destinationTenant(scope: IConstruct, options: DestinationOptions): string | undefined {
  return options.tenantId ?? literalTenantOf(resolveAzurermProvider(scope, options.provider));
}

/** A synth check that an explicit `tenantId` agrees with the provider's. */
export function checkDestinationTenant(scope: IConstruct, options: DestinationOptions): void {
  const tenant = options?.tenantId;
  if (tenant !== undefined && (typeof tenant !== "string" || (!Token.isUnresolved(tenant) && !isGuid(tenant)))) {
    throw new ExportConfigError(
      "DFE062",
      `${scope.node.path}: \`tenantId\` must be the tenant's GUID (not its domain name), got ${describeValue(tenant)}.`,
    );
  }
  scope.node.addValidation({
    validate: () => {
      const fromProvider = literalTenantOf(resolveAzurermProvider(scope, options.provider));
      const given = options.tenantId;
      if (given && fromProvider && !Token.isUnresolved(given) && given.toLowerCase() !== fromProvider.toLowerCase()) {
        return [
          `${coded("DFE062", scope.node.path)}tenantId ${given} differs from the tenant of its provider (${fromProvider}). ` +
            `Pass the provider configured for the destination's tenant, or drop tenantId.`,
        ];
      }
      return [];
    },
  });
}

/** Options of destinations that hold data. */
export interface DataHoldingOptions extends DestinationOptions {
  /**
   * Protect the resources that hold data (workspace, event hub) with Terraform's `prevent_destroy`,
   * so that no plan can delete them together with their data. @default true
   */
  readonly preventDestroy?: boolean;
  /** Tags for every resource the destination creates. @default none */
  readonly tags?: { [key: string]: string };
}

/** The `lifecycle` block for a data-holding resource. */
export function dataLifecycle(options: DataHoldingOptions): { preventDestroy: boolean } | undefined {
  return options.preventDestroy === false ? undefined : { preventDestroy: true };
}
