import { coded } from "../model/errors";
import { TerraformProvider } from "cdktf";
import { IConstruct } from "constructs";
import { DestinationKind, IExportDestination } from "../destinations/destination";
import { auxiliaryTenantsOf, literalTenantOf } from "../internal/provider-check";
import { grantsOf } from "./grants";
import { warnOnce } from "../internal/warnings";

/**
 * The two-token rule of cross-tenant export: a write to a destination in another tenant must carry a
 * token of that tenant too (the writing provider's `auxiliary_tenant_ids`: at most 3, never its own
 * tenant), unless the exporting identity reaches the destination through Azure Lighthouse. Returns the
 * validation errors; warns when no grant in the app covers a destination in another tenant.
 */
export function twoTokenErrors(
  scope: IConstruct,
  destinations: readonly IExportDestination[],
  exportTenant: string | undefined,
  providers: readonly TerraformProvider[],
  writingProvider: (kind: DestinationKind) => TerraformProvider | undefined,
): string[] {
  const errors: string[] = [];
  const path = scope.node.path;
  for (const provider of new Set(providers)) {
    const aux = auxiliaryTenantsOf(provider);
    const own = literalTenantOf(provider);
    if (aux.length > 3) {
      errors.push(
        `${coded("DFE074", path)}${provider.node.path} lists ${aux.length} auxiliary tenants; Azure Resource ` +
          `Manager takes at most 3. Split the exports over several providers.`,
      );
    }
    if (own && aux.some((t) => t.toLowerCase() === own.toLowerCase())) {
      errors.push(
        `${coded("DFE075", path)}${provider.node.path} lists its own tenant ${own} in auxiliaryTenantIds. Remove ` +
          `it: auxiliary tenants are the other tenants.`,
      );
    }
  }
  for (const d of destinations) {
    const tenant = d.tenantId;
    if (!tenant || (exportTenant && tenant.toLowerCase() === exportTenant.toLowerCase())) continue;
    if (!exportTenant) {
      errors.push(
        `${coded("DFE072", path)}${d.node.path} is in tenant ${tenant}, but the tenant of this export is unknown. ` +
          `Set \`tenantId\` on the provider that writes the export, or on the export.`,
      );
      continue;
    }
    const grants = grantsOf(d).filter((g) => g.exportingTenantId.toLowerCase() === exportTenant.toLowerCase());
    if (grants.some((g) => g.viaLighthouse)) continue;
    const provider = writingProvider(d.kind);
    if (provider && !auxiliaryTenantsOf(provider).some((t) => t.toLowerCase() === tenant.toLowerCase())) {
      errors.push(
        `${coded("DFE073", path)}${d.node.path} is in tenant ${tenant}, so the write must carry a token of that tenant too. ` +
          `Add it to the provider that writes the export (${provider.node.path}): auxiliaryTenantIds: ["${tenant}"], ` +
          `or delegate the destination through Azure Lighthouse (CrossTenantAccess with ExportingPrincipal.lighthouse).`,
      );
    }
    if (grants.length === 0) {
      warnOnce(
        scope,
        `${coded("DFW002", path)}${d.node.path} is in tenant ${tenant} and no CrossTenantAccess in this app grants ` +
          `tenant ${exportTenant} access to it; make sure the exporting identity holds one of the roles there.`,
      );
    }
  }
  return errors;
}
