import { TerraformProvider, TerraformResource, TerraformStack, Token, dependable } from "cdktf";
import { Construct } from "constructs";
import { AzurermLighthouseAssignment, AzurermLighthouseDefinition, LighthouseAssignment, LighthouseDefinition } from "../internal/azurerm";
import { literalTenantOf, resolveAzurermProvider } from "../internal/provider-check";
import { ExportConfigError, atPath, coded } from "../model/errors";
import { isGuid } from "../model/guid";
import { BUILT_IN_ROLES } from "../model/roles";

/** Properties of {@link ExportDelegation}. */
export interface ExportDelegationProps {
  /** The managing tenant (the MSSP's or the central SOC's), whose identity writes the customer's export. */
  readonly managingTenantId: string;
  /** The object id, in the managing tenant, of the identity (user, group or service principal) that writes the export. */
  readonly managingPrincipalId: string;
  /** The name the customer's portal shows for this delegation. */
  readonly displayName: string;
  /** The customer's subscription whose data is exported. */
  readonly subscriptionId: string;
  /** The existing resource group of the customer's automations: the only scope delegated. */
  readonly resourceGroupName: string;
  /** The customer tenant's azurerm provider, which writes the delegation. @default the stack's default azurerm provider */
  readonly provider?: TerraformProvider;
}

/** An export whose automations can wait for something, as `ContinuousExport`'s do. */
export interface IExportAutomations {
  /** The export's automations, by action type. */
  readonly automations: { [actionType: string]: TerraformResource };
}

/**
 * A customer tenant delegates the resource group of its continuous export to a managing tenant through
 * Azure Lighthouse, with Security Admin on that group and nothing else: the managing tenant's identity
 * then writes the customer's export (a `ContinuousExport` for the customer's subscription, through a
 * provider of the managing tenant) to the managing tenant's own destinations. No identity of the customer
 * gets any role in the managing tenant, so no customer can read another customer's data there.
 *
 * Written in the customer tenant (through `provider`): an `azurerm_lighthouse_definition` on the
 * subscription and an `azurerm_lighthouse_assignment` on the resource group.
 */
export class ExportDelegation extends Construct {
  /** The Lighthouse definition (in the customer's subscription). */
  public readonly definition: AzurermLighthouseDefinition;
  /** The Lighthouse assignment on the resource group. */
  public readonly assignment: AzurermLighthouseAssignment;

  constructor(scope: Construct, id: string, props: ExportDelegationProps) {
    super(scope, id);
    atPath(this.node.path, () => checkProps(props));
    const subscription = `/subscriptions/${props.subscriptionId}`;
    this.definition = new LighthouseDefinition(this, "Definition", {
      name: props.displayName,
      description: `Lets tenant ${props.managingTenantId} write the continuous export of this subscription (Security Admin on ${props.resourceGroupName} only).`,
      managingTenantId: props.managingTenantId,
      scope: subscription,
      authorization: [
        { principalId: props.managingPrincipalId, principalDisplayName: props.displayName, roleDefinitionId: BUILT_IN_ROLES.securityAdmin.id },
      ],
      provider: props.provider,
    });
    this.assignment = new LighthouseAssignment(this, "Assignment", {
      scope: `${subscription}/resourceGroups/${props.resourceGroupName}`,
      lighthouseDefinitionId: this.definition.id,
      provider: props.provider,
    });
    this.node.addValidation({ validate: () => this.validateProvider(props) });
  }

  /**
   * The automations of these exports wait for the delegation, so a first deploy of both finds the
   * access in place (same stack only; across stacks, deploy the customer's stack first).
   */
  public precedes(...exports: IExportAutomations[]): void {
    for (const exported of exports) {
      for (const automation of Object.values(exported.automations)) {
        if (TerraformStack.of(automation) === TerraformStack.of(this))
          automation.dependsOn = [...(automation.dependsOn ?? []), dependable(this.assignment)];
      }
    }
  }

  /** The delegation is written in the customer tenant: not through a provider of the managing tenant. */
  private validateProvider(props: ExportDelegationProps): string[] {
    const provider = resolveAzurermProvider(this, props.provider);
    const tenant = literalTenantOf(provider);
    if (!provider) {
      return [`${coded("DFE078", this.node.path)}no azurerm provider writes the delegation. Pass \`provider\` configured for the customer's tenant.`];
    }
    if (tenant && !Token.isUnresolved(props.managingTenantId) && tenant.toLowerCase() === props.managingTenantId.toLowerCase()) {
      return [
        `${coded("DFE078", this.node.path)}the delegation would be written through ${provider.node.path}, a provider of the managing tenant ${tenant}. ` +
          "A customer delegates from its own tenant: pass the provider configured for the customer's tenant.",
      ];
    }
    return [];
  }
}

function checkProps(props: ExportDelegationProps): void {
  for (const [name, value] of Object.entries({
    managingTenantId: props.managingTenantId,
    managingPrincipalId: props.managingPrincipalId,
    subscriptionId: props.subscriptionId,
  })) {
    if (!Token.isUnresolved(value) && !isGuid(value)) {
      throw new ExportConfigError("DFE078", `\`${name}\` must be a GUID.`);
    }
  }
  if (typeof props.displayName !== "string" || props.displayName.trim() === "") {
    throw new ExportConfigError("DFE078", "a delegation needs a `displayName`, shown in the customer's portal.");
  }
  if (
    typeof props.resourceGroupName !== "string" ||
    (!Token.isUnresolved(props.resourceGroupName) && !/^[-\w._()]{1,90}$/.test(props.resourceGroupName))
  ) {
    throw new ExportConfigError("DFE078", "`resourceGroupName` must name the existing resource group of the customer's automations.");
  }
}
