import { TerraformDataSource, TerraformMetaArguments, TerraformProvider } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { defaultProviderOf } from "./provider-check";
import { literalElement } from "./literal-element";

/**
 * A small hand-written binding of the azuread provider (`hashicorp/azuread` 3.x): the provider and the
 * `azuread_service_principal` data source, as much as the library needs to look the Security Resource
 * Provider up by its app id. CDK Terrain has no azuread package, and CDKTF's is large: this works in both.
 */
const GENERATOR = { providerName: "azuread", providerVersionConstraint: "~> 3.0" };

/** Configuration of the azuread provider. Credentials come from the environment unless given. */
export interface AzureadProviderConfig {
  /** The provider alias, for several azuread providers in one stack. @default none */
  readonly alias?: string;
  /** The Entra tenant. @default from the environment */
  readonly tenantId?: string;
  /** The client id of the identity to authenticate as. @default from the environment */
  readonly clientId?: string;
  /** Authenticate with OIDC (workload identity federation). @default provider default */
  readonly useOidc?: boolean;
  /** Authenticate with a managed identity. @default provider default */
  readonly useMsi?: boolean;
  /** Authenticate with the Azure CLI. @default provider default */
  readonly useCli?: boolean;
}

/** The azuread provider (`hashicorp/azuread`), version 3.x. */
export class AzureadProvider extends literalElement(TerraformProvider) {
  private readonly config: AzureadProviderConfig;
  private providerAlias: string | undefined;

  /**
   * @param scope the stack
   * @param id the construct id
   * @param config authentication and defaults
   */
  constructor(scope: Construct, id: string, config: AzureadProviderConfig = {}) {
    super(scope, id, { terraformResourceType: "azuread", terraformGeneratorMetadata: GENERATOR, terraformProviderSource: "hashicorp/azuread" });
    this.config = config;
    this.providerAlias = config.alias;
  }

  /** The provider alias, if any. */
  public override get alias(): string | undefined {
    return this.providerAlias;
  }

  /** Sets the provider alias. */
  public override set alias(value: string | undefined) {
    this.providerAlias = value;
  }

  /** The tenant the provider authenticates to, if set. */
  public get tenantId(): string | undefined {
    return this.config.tenantId;
  }

  /** The block's arguments as Terraform JSON. */
  protected override synthesizeAttributes(): { [name: string]: unknown } {
    const c = this.config;
    return { alias: this.alias, tenant_id: c.tenantId, client_id: c.clientId, use_oidc: c.useOidc, use_msi: c.useMsi, use_cli: c.useCli };
  }
}

/** Configuration of the `azuread_service_principal` data source, by client (app) id. */
interface ServicePrincipalConfig extends TerraformMetaArguments {
  readonly clientId: string;
}

/** `data.azuread_service_principal` by client id. */
class DataAzureadServicePrincipal extends literalElement(TerraformDataSource) {
  constructor(
    scope: Construct,
    id: string,
    private readonly config: ServicePrincipalConfig,
  ) {
    super(scope, id, { terraformResourceType: "azuread_service_principal", terraformGeneratorMetadata: GENERATOR, provider: config.provider });
  }

  /** The service principal's object id in the provider's tenant. */
  public get objectId(): string {
    return this.getStringAttribute("object_id");
  }

  /** The block's arguments as Terraform JSON. */
  protected override synthesizeAttributes(): { [name: string]: unknown } {
    return { client_id: this.config.clientId };
  }
}

/** A service principal looked up by its app id, through the azuread provider. */
export function servicePrincipalByClientId(
  scope: Construct,
  id: string,
  clientId: string,
  provider?: TerraformProvider,
): { readonly objectId: string } {
  return new DataAzureadServicePrincipal(scope, id, { clientId, provider });
}

/** The azuread provider that serves `scope`: the one given, or the stack's default (no alias). */
export function resolveAzureadProvider(scope: IConstruct, given: TerraformProvider | undefined): TerraformProvider | undefined {
  return given ?? defaultProviderOf(scope, "azuread");
}
