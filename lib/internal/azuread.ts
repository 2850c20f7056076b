import { TerraformProvider } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { ExportConfigError } from "../model/errors";
import { defaultProviderOf } from "./provider-check";

/**
 * The door to the azuread provider binding, an optional peer dependency: it is loaded only when a
 * service principal is looked up by its app id, so users who give object ids never need it.
 */
export function servicePrincipalByClientId(
  scope: Construct,
  id: string,
  clientId: string,
  provider?: TerraformProvider,
): { readonly objectId: string } {
  let mod: typeof import("@cdktf/provider-azuread/lib/data-azuread-service-principal");
  try {
    // The binding is an optional peer dependency: loaded only when a lookup by app id is asked for.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require("@cdktf/provider-azuread/lib/data-azuread-service-principal");
  } catch {
    throw new ExportConfigError(
      "DFE053",
      `${scope.node.path}: looking up a service principal by app id needs the azuread provider binding. Run ` +
        `\`npm install @cdktf/provider-azuread@^14\`, or give the principal's object id instead.`,
    );
  }
  return new mod.DataAzureadServicePrincipal(scope, id, { clientId, provider });
}

/** The azuread provider that serves `scope`: the one given, or the stack's default (no alias). */
export function resolveAzureadProvider(scope: IConstruct, given: TerraformProvider | undefined): TerraformProvider | undefined {
  return given ?? defaultProviderOf(scope, "azuread");
}
