import { ExportConfigError, coded, describeValue } from "../model/errors";
import { TerraformProvider, TerraformResource, Token } from "cdktf";
import { DestinationKind } from "../kinds/destination-kind";
import { ExportActionConfig } from "../kinds/action";
import { IConstruct } from "constructs";
import type { DestinationRole } from "./destination-role";
import { literalTenantOf, resolveAzurermProvider } from "../internal/provider-check";
import { isGuid } from "../model/guid";

export { DestinationKind } from "../kinds/destination-kind";
export { ExportActionConfig } from "../kinds/action";

/**
 * A place continuous export sends data to. Implemented by {@link LogAnalyticsDestination},
 * {@link EventHubDestination} and {@link LogicAppDestination}. Another way to make a destination of an
 * existing kind implements this interface and needs no change to `ContinuousExport`; a new kind (a new
 * action type of the REST API) is one more file in `lib/kinds/` (docs/kinds.md).
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
