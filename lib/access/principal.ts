import { Token } from "cdktf";
import { BRANDS } from "../model/brand";
import { ExportConfigError } from "../model/errors";
import { isGuid } from "../model/guid";

/** Options of an exporting identity delegated through Azure Lighthouse. */
export interface LighthousePrincipalOptions {
  /** The object id of the user, group or service principal in the exporting (managing) tenant. */
  readonly principalId: string;
  /** A name shown in the customer's portal for this authorization. */
  readonly displayName: string;
}

/**
 * The identity that writes the export (the one the exporting tenant's provider authenticates as), as
 * the destination's tenant sees it.
 */
export class ExportingPrincipal {
  /**
   * A B2B guest user in the destination tenant (the invitation must be accepted before deploying).
   * @param objectIdInDestinationTenant the guest's object id in the destination tenant
   */
  public static guestUser(objectIdInDestinationTenant: string): ExportingPrincipal {
    return new ExportingPrincipal("guest", checkId(objectIdInDestinationTenant), "User", undefined);
  }

  /**
   * The service principal of a multitenant app in the destination tenant (the app registered in the
   * exporting tenant and consented to in the destination tenant).
   * @param objectIdInDestinationTenant the service principal's object id in the destination tenant
   */
  public static servicePrincipal(objectIdInDestinationTenant: string): ExportingPrincipal {
    return new ExportingPrincipal("servicePrincipal", checkId(objectIdInDestinationTenant), "ServicePrincipal", undefined);
  }

  /**
   * A principal of the exporting tenant to which the destination tenant delegates access through
   * Azure Lighthouse; no identity is created in the destination tenant, and no auxiliary token is needed.
   */
  public static lighthouse(options: LighthousePrincipalOptions): ExportingPrincipal {
    if (typeof options?.displayName !== "string" || options.displayName.trim() === "") {
      throw new ExportConfigError("DFE061", "a Lighthouse principal needs a `displayName`, shown in the destination tenant's portal.");
    }
    return new ExportingPrincipal("lighthouse", checkId(options.principalId), undefined, options.displayName);
  }

  private constructor(
    /** How the access is granted. @internal */
    public readonly _mode: "guest" | "servicePrincipal" | "lighthouse",
    /** The object id. */
    public readonly objectId: string,
    /** The principal type of a role assignment. @internal */
    public readonly _principalType: string | undefined,
    /** The Lighthouse display name. @internal */
    public readonly _displayName: string | undefined,
  ) {
    BRANDS.principal.mark(this);
  }

  /** Whether the access goes through Azure Lighthouse. */
  public get viaLighthouse(): boolean {
    return this._mode === "lighthouse";
  }
}

function checkId(objectId: string): string {
  if (!Token.isUnresolved(objectId) && !isGuid(objectId)) {
    throw new ExportConfigError("DFE061", `"${objectId}" is not an object id: give the principal's GUID.`);
  }
  return objectId;
}
