import { atPath } from "../model/errors";
import { BRANDS } from "../model/brand";
import { TerraformProvider } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { DestinationRole } from "./destination-role";
import { AzurermRoleAssignment, RoleAssignment } from "../internal/azurerm";
import { localDependencies } from "../internal/dependencies";
import { ExportConfigError } from "../model/errors";
import { BUILT_IN_ROLES } from "../model/roles";
import { AccessTarget, DestinationKind, DestinationOptions, ExportActionConfig, ICrossTenantDestination, destinationTenant } from "./destination";
import { EventHubConsumer, EventHubConsumerOptions, EventHubLocation } from "./event-hub-consumer";
import { SecurityResourceProvider } from "./security-provider";

/**
 * Export as a trusted service: Defender for Cloud sends with its own identity ("Windows Azure Security
 * Resource Provider") through the namespace firewall, with no key. The automation is then written with
 * the 2023-12-01-preview API.
 */
export interface TrustedServiceOptions {
  /** The sending identity. @default SecurityResourceProvider.lookUp(): by app id, through the azuread provider */
  readonly principal?: SecurityResourceProvider;
  /**
   * Public IP addresses or CIDR ranges the readers (a SIEM reading over the internet) connect from: the
   * locked namespace denies every other address. Only for a namespace the library creates. @default none
   */
  readonly allowedIpRanges?: string[];
  /**
   * Subnet ids (with the Microsoft.EventHub service endpoint) the readers connect from. Only for a
   * namespace the library creates. @default none
   */
  readonly allowedSubnetIds?: string[];
}

/** An event hub destination, new or existing, to which readers can be added. */
export interface IEventHubDestination extends ICrossTenantDestination {
  /**
   * Adds a reader (SIEM, SOAR): a consumer group, with a Listen-only rule or the
   * "Azure Event Hubs Data Receiver" role on the event hub.
   */
  addConsumer(id: string, options: EventHubConsumerOptions): EventHubConsumer;
}

/** Shared by new and existing event hubs: the action and the reading side. */
export abstract class EventHubBase extends Construct implements IEventHubDestination {
  public readonly kind = DestinationKind.EVENT_HUB;
  public abstract readonly description: string;
  /** Where the event hub is, for consumers. @internal */
  protected abstract readonly _location: EventHubLocation;
  /** The Send rule's connection string; undefined in trusted-service mode. */
  protected abstract readonly connectionString: string | undefined;
  /** The Send rule's resource id; undefined in trusted-service mode. */
  protected abstract readonly sendRuleId: string | undefined;
  /** The provider and tenant options of the destination. */
  protected abstract readonly options: DestinationOptions;
  /** The Data Sender grant of trusted-service mode. */
  protected senderRole?: AzurermRoleAssignment;

  /** @inheritdoc */
  public addConsumer(id: string, options: EventHubConsumerOptions): EventHubConsumer {
    return EventHubConsumer._create(this, id, this._location, options);
  }

  public bind(automation: IConstruct): ExportActionConfig {
    if (this.senderRole) {
      const dependsOn = localDependencies(automation, [this.senderRole]);
      return { kind: this.kind, resourceId: this._location.eventHubId, trustedService: true, needsApi2023: true, dependsOn };
    }
    return { kind: this.kind, resourceId: this._location.eventHubId, connectionString: this.connectionString };
  }

  /** @inheritdoc */
  public get provider(): TerraformProvider | undefined {
    return this.options.provider;
  }

  /** @inheritdoc */
  public get tenantId(): string | undefined {
    return destinationTenant(this, this.options);
  }

  /** @inheritdoc */
  public accessTarget(): AccessTarget {
    if (!this.sendRuleId) {
      throw new ExportConfigError(
        "DFE063",
        `${this.node.path}: cross-tenant access to a trusted-service event hub is not supported: Microsoft documents ` +
          `cross-tenant export with a Send rule's connection string only. Use a Send rule, or keep the hub in the ` +
          `export's tenant.`,
      );
    }
    return {
      kind: this.kind,
      resourceId: this._location.eventHubId,
      roleScope: this.sendRuleId,
      resourceGroupName: this._location.resourceGroupName,
      defaultRole: DestinationRole.CONTRIBUTOR,
      allowedRoles: DestinationRole.FOR_EVENT_HUBS,
      provider: this.options.provider,
    };
  }

  /** Grants the Security Resource Provider "Azure Event Hubs Data Sender" on the event hub itself. */
  protected grantTrustedSender(options: TrustedServiceOptions, eventHubId: string, provider: TerraformProvider | undefined): void {
    if (options.principal !== undefined) atPath(this.node.path, () => BRANDS.principal.check("trustedService.principal", options.principal));
    const principal = options.principal ?? SecurityResourceProvider.lookUp();
    this.senderRole = new RoleAssignment(this, "TrustedSender", {
      scope: eventHubId,
      roleDefinitionName: BUILT_IN_ROLES.eventHubsDataSender.name,
      principalId: principal._objectIdIn(this),
      principalType: "ServicePrincipal",
      description: "Defender for Cloud continuous export as a trusted service",
      provider,
    });
  }
}
