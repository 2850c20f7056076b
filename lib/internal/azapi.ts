import { TerraformMetaArguments, TerraformProvider, TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { literalElement } from "./literal-element";
import { AZAPI_MINIMUM, azapiConstraintErrors, writeOnlyTerraformErrors } from "./azapi-version";

/**
 * A small hand-written binding of the azapi provider (`azure/azapi` 2.x): the provider and
 * `azapi_resource`, as much as this library needs. No prebuilt CDKTF binding of azapi exists.
 *
 * Held at 2.9 or newer: azapi before v2.9.0 did not pass `auxiliary_tenant_ids` to ARM, so every
 * cross-tenant write failed (Azure/terraform-provider-azapi issue 419, fixed by PR 1046, merged
 * 2026-02-02, released in v2.9.0; checked 2026-12). `sensitive_body` needs 2.4+, its version 2.5+.
 */
const GENERATOR = { providerName: "azapi", providerVersionConstraint: `~> ${AZAPI_MINIMUM}` };

/** Configuration of the azapi provider. Credentials come from the environment unless given. */
export interface AzapiProviderConfig {
  /** The provider alias, for several azapi providers in one stack. @default none */
  readonly alias?: string;
  /** The default subscription (resources addressed by `parent_id` do not need it). @default from the environment */
  readonly subscriptionId?: string;
  /** The Entra tenant. @default from the environment */
  readonly tenantId?: string;
  /** Extra tenants whose tokens are sent with each request (at most 3). @default none */
  readonly auxiliaryTenantIds?: string[];
  /** The client id of the identity to authenticate as. @default from the environment */
  readonly clientId?: string;
  /** Authenticate with OIDC (workload identity federation). @default provider default */
  readonly useOidc?: boolean;
  /** Authenticate with a managed identity. @default provider default */
  readonly useMsi?: boolean;
  /** Authenticate with the Azure CLI. @default provider default */
  readonly useCli?: boolean;
}

/** The azapi provider (`azure/azapi`), version 2.9 or newer within 2.x (the first to send auxiliary tenants' tokens). */
export class AzapiProvider extends literalElement(TerraformProvider) {
  private readonly config: AzapiProviderConfig;

  /**
   * @param scope the stack
   * @param id the construct id
   * @param config authentication and defaults
   */
  constructor(scope: Construct, id: string, config: AzapiProviderConfig = {}) {
    super(scope, id, { terraformResourceType: "azapi", terraformGeneratorMetadata: GENERATOR, terraformProviderSource: "azure/azapi" });
    this.config = config;
    this.providerAlias = config.alias;
  }

  private providerAlias: string | undefined;

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

  /** The extra tenants whose tokens the provider sends, if set. */
  public get auxiliaryTenantIds(): string[] | undefined {
    return this.config.auxiliaryTenantIds;
  }

  /** The block's arguments as Terraform JSON. */
  protected override synthesizeAttributes(): { [name: string]: unknown } {
    const c = this.config;
    return {
      alias: this.alias,
      subscription_id: c.subscriptionId,
      tenant_id: c.tenantId,
      auxiliary_tenant_ids: c.auxiliaryTenantIds,
      client_id: c.clientId,
      use_oidc: c.useOidc,
      use_msi: c.useMsi,
      use_cli: c.useCli,
    };
  }

  /** The block's arguments as Terraform HCL. */
  protected override synthesizeHclAttributes(): { [name: string]: unknown } {
    return hcl(this.synthesizeAttributes());
  }
}

/** Configuration of an `azapi_resource`. */
export interface AzapiResourceConfig extends TerraformMetaArguments {
  /** The resource type with API version, e.g. `Microsoft.Security/automations@2023-12-01-preview`. */
  readonly resourceType: string;
  /** The resource name. */
  readonly name: string;
  /** The id of the parent: a resource group id for resource-group resources. */
  readonly parentId: string;
  /** The region. @default none */
  readonly location?: string;
  /** The request body, with the REST API's (camelCase) property names. */
  readonly body: { [key: string]: unknown };
  /**
   * Write-only properties of the request body (secrets), merged into `body` when sent (azapi 2.4+,
   * Terraform 1.11+): never in the plan or the state. @default none
   */
  readonly sensitiveBody?: { [key: string]: unknown };
  /**
   * Per path in `sensitiveBody` (`properties.actions[0].connectionString`), a version: azapi sends that
   * property only on create and when its version changes (write-only values are not compared). @default none
   */
  readonly sensitiveBodyVersion?: { [path: string]: string };
  /** Tags. @default none */
  readonly tags?: { [key: string]: string };
}

/** `azapi_resource`: any ARM resource by type, API version and body. */
export class AzapiResource extends literalElement(TerraformResource) {
  private readonly config: AzapiResourceConfig;

  /**
   * @param scope the parent construct
   * @param id the construct id
   * @param config the resource
   */
  constructor(scope: Construct, id: string, config: AzapiResourceConfig) {
    super(scope, id, {
      terraformResourceType: "azapi_resource",
      terraformGeneratorMetadata: GENERATOR,
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      forEach: config.forEach,
    });
    // Written through the door (literal-element.ts): no text a user gives is evaluated by Terraform.
    this.config = config;
    this.node.addValidation({
      validate: () => [...azapiConstraintErrors(this, this.provider), ...(this.usesWriteOnlyArguments ? writeOnlyTerraformErrors(this) : [])],
    });
  }

  /** Whether the resource has write-only arguments (`sensitive_body`), which need Terraform 1.11. */
  public get usesWriteOnlyArguments(): boolean {
    return this.config.sensitiveBody !== undefined;
  }

  /** The ARM resource id. */
  public get id(): string {
    return this.getStringAttribute("id");
  }

  /** The configuration, as given (for tests and checks). */
  public get resourceConfig(): AzapiResourceConfig {
    return this.config;
  }

  /** The block's arguments as Terraform JSON. */
  protected override synthesizeAttributes(): { [name: string]: unknown } {
    const c = this.config;
    return {
      type: c.resourceType,
      name: c.name,
      parent_id: c.parentId,
      location: c.location,
      body: c.body,
      sensitive_body: c.sensitiveBody,
      sensitive_body_version: c.sensitiveBodyVersion,
      tags: c.tags,
    };
  }

  /** The block's arguments as Terraform HCL. */
  protected override synthesizeHclAttributes(): { [name: string]: unknown } {
    return hcl(this.synthesizeAttributes());
  }
}

/** The HCL synthesizer's attribute form: every attribute a plain (non-block) value. */
function hcl(attributes: { [name: string]: unknown }): { [name: string]: unknown } {
  return Object.fromEntries(
    Object.entries(attributes)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => [name, { value, isBlock: false, type: "simple", storageClassType: typeof value === "object" ? "any" : typeof value }]),
  );
}
