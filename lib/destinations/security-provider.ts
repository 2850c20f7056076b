import { BRANDS } from "../model/brand";
import { TerraformProvider, Token } from "cdktf";
import { Construct } from "constructs";
import { resolveAzureadProvider, servicePrincipalByClientId } from "../internal/azuread";
import { ExportConfigError, coded } from "../model/errors";
import { isGuid } from "../model/guid";

const SECURITY_RESOURCE_PROVIDER_APP_ID = "8edd93e1-2103-40b4-bd70-6e34e586362d";

/**
 * The "Windows Azure Security Resource Provider" service principal of the destination's tenant: the
 * identity Defender for Cloud uses to send a trusted-service export. Its object id differs per tenant.
 */
export class SecurityResourceProvider {
  /** The app id of the first-party "Windows Azure Security Resource Provider", the identity that sends trusted-service exports. */
  public static readonly APP_ID = SECURITY_RESOURCE_PROVIDER_APP_ID;

  /**
   * Looks the service principal up by its app id through the azuread provider's
   * `azuread_service_principal` data source (needs an azuread provider
   * for the destination's tenant).
   * @param provider the azuread provider of the destination's tenant @default the stack's default azuread provider
   */
  public static lookUp(provider?: TerraformProvider): SecurityResourceProvider {
    return new SecurityResourceProvider(undefined, provider);
  }

  /**
   * The service principal by its object id in the destination's tenant (find it with
   * `az ad sp show --id 8edd93e1-2103-40b4-bd70-6e34e586362d --query id`).
   */
  public static byObjectId(objectId: string): SecurityResourceProvider {
    if (!Token.isUnresolved(objectId) && !isGuid(objectId)) {
      throw new ExportConfigError(
        "DFE054",
        `"${objectId}" is not an object id. Give the GUID of the "Windows Azure Security Resource Provider" service ` +
          `principal in the destination's tenant.`,
      );
    }
    return new SecurityResourceProvider(objectId, undefined);
  }

  private constructor(
    private readonly objectId: string | undefined,
    private readonly azureadProvider: TerraformProvider | undefined,
  ) {
    BRANDS.principal.mark(this);
  }

  /**
   * The principal's object id, creating the lookup under `scope` if needed; registers a synth check
   * that an azuread provider exists for the lookup.
   * @internal
   */
  public _objectIdIn(scope: Construct): string {
    if (this.objectId) return this.objectId;
    const lookup = servicePrincipalByClientId(scope, "SecurityResourceProvider", SECURITY_RESOURCE_PROVIDER_APP_ID, this.azureadProvider);
    scope.node.addValidation({
      validate: () =>
        resolveAzureadProvider(scope, this.azureadProvider)
          ? []
          : [
              `${coded("DFE052", scope.node.path)}the lookup of the Windows Azure Security Resource Provider needs an azuread provider for the destination's tenant. ` +
                `Add one, e.g. new AzureadProvider(this, "azuread", { tenantId: "<destination tenant>" }) from "cdktf-defender-export" (or @cdktf/provider-azuread), ` +
                `or use SecurityResourceProvider.byObjectId(…).`,
            ],
    });
    return lookup.objectId;
  }
}
