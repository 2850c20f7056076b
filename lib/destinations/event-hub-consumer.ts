import { Construct } from "constructs";
import { TerraformProvider, Token } from "cdktf";
import { isGuid } from "../model/guid";
import {
  AzurermEventhubAuthorizationRule,
  AzurermEventhubConsumerGroup,
  AzurermRoleAssignment,
  EventhubAuthorizationRule,
  EventhubConsumerGroup,
  RoleAssignment,
} from "../internal/azurerm";
import { BRANDS } from "../model/brand";
import { ExportConfigError, atPath, coded, describeValue } from "../model/errors";
import { NAME_RULES, checkName, checkOptionalName } from "../internal/inputs";
import { producedValue } from "../internal/lazy";
import { BUILT_IN_ROLES } from "../model/roles";
import { warnOnce } from "../internal/warnings";

/** How the reading side (a SIEM or SOAR) authenticates to the event hub. */
export class ConsumerAccess {
  /**
   * A Listen-only shared access rule on the event hub; its connection string is
   * {@link EventHubConsumer.listenConnectionString} (sensitive).
   * @param ruleName the rule's name @default `<consumer group>-listen`
   */
  public static listenRule(ruleName?: string): ConsumerAccess {
    return new ConsumerAccess("listen", ruleName, undefined, undefined);
  }

  /**
   * The "Azure Event Hubs Data Receiver" role on the event hub (not the namespace) for an Entra
   * principal: keyless, for consumers that use Entra ID (Sentinel, Splunk add-on with a service principal, …).
   * @param principalId the object id of the principal
   * @param principalType `ServicePrincipal`, `User` or `Group` @default ServicePrincipal
   */
  public static dataReceiver(principalId: string, principalType?: string): ConsumerAccess {
    return new ConsumerAccess("role", undefined, principalId, principalType ?? "ServicePrincipal");
  }

  /**
   * Checks what the factories were given, where the access is used (the consumer's construct path is
   * known there): the rule name by Azure's rule for authorization rule names, the object id a GUID.
   * @internal
   */
  public _check(): void {
    BRANDS.consumerAccess.check("access", this);
    if (this._mode === "listen") {
      checkOptionalName("ConsumerAccess.listenRule(name)", this._ruleName, NAME_RULES.authorizationRule);
      return;
    }
    const id = producedValue("ConsumerAccess.dataReceiver(objectId)", this._principalId);
    if (typeof id !== "string" || (!Token.isUnresolved(id) && !isGuid(id))) {
      throw new ExportConfigError(
        "DFE120",
        `ConsumerAccess.dataReceiver takes the reader's object id (a GUID), got ${describeValue(this._principalId)}.`,
      );
    }
    if (!["ServicePrincipal", "User", "Group"].includes(this._principalType as string)) {
      throw new ExportConfigError("DFE120", `the principal type must be ServicePrincipal, User or Group, got ${describeValue(this._principalType)}.`);
    }
  }

  private constructor(
    /** @internal */ public readonly _mode: "listen" | "role",
    /** @internal */ public readonly _ruleName: string | undefined,
    /** @internal */ public readonly _principalId: string | undefined,
    /** @internal */ public readonly _principalType: string | undefined,
  ) {
    BRANDS.consumerAccess.mark(this);
  }
}

/** The reading side of an export's event hub. */
export interface EventHubConsumerOptions {
  /** The consumer group the reader uses (one per reader, so that readers do not steal each other's events). */
  readonly consumerGroupName: string;
  /** How the reader authenticates. @default ConsumerAccess.listenRule() */
  readonly access?: ConsumerAccess;
}

/** What the library needs to know of an event hub to add a consumer (internal). */
export interface EventHubLocation {
  /** The namespace name. */
  readonly namespaceName: string;
  /** The event hub name. */
  readonly eventHubName: string;
  /** The namespace's resource group. */
  readonly resourceGroupName: string;
  /** The event hub's resource id (the scope of role assignments). */
  readonly eventHubId: string;
  /** The provider that writes the consumer's resources. @default the stack's default azurerm provider */
  readonly provider?: TerraformProvider;
  /** Whether the namespace is Basic, which has no consumer groups but `$Default`. */
  readonly basicTier: boolean;
  /** Whether the namespace refuses shared access keys (trusted-service mode). */
  readonly localAuthDisabled: boolean;
  /** Whether the namespace denies public access and lets no reader's network in (no IP or subnet rule). @default false */
  readonly closedToReaders?: boolean;
}

/** A reader of the export's event hub: a consumer group and a Listen rule or a role assignment. */
export class EventHubConsumer extends Construct {
  /** The consumer group. */
  public readonly consumerGroup: AzurermEventhubConsumerGroup;
  /** The Listen-only rule, when the access is a listen rule. */
  public readonly listenRule?: AzurermEventhubAuthorizationRule;
  /** The role assignment, when the access is the Data Receiver role. */
  public readonly roleAssignment?: AzurermRoleAssignment;

  /** A consumer of an event hub the library knows; users call `addConsumer` on the destination. @internal */
  public static _create(scope: Construct, id: string, hub: EventHubLocation, options: EventHubConsumerOptions): EventHubConsumer {
    return new EventHubConsumer(scope, id, hub, options);
  }

  private constructor(scope: Construct, id: string, hub: EventHubLocation, options: EventHubConsumerOptions) {
    super(scope, id);
    if (options === null || typeof options !== "object") {
      throw new ExportConfigError("DFE120", `${this.node.path}: the options must be an object, got ${describeValue(options)}.`);
    }
    atPath(this.node.path, () => checkName("consumerGroupName", options.consumerGroupName, NAME_RULES.consumerGroup));
    if (options.access !== undefined && !(options.access instanceof ConsumerAccess)) {
      throw new ExportConfigError(
        "DFE122",
        `${this.node.path}: \`access\` must be ConsumerAccess.listenRule() or ConsumerAccess.dataReceiver(objectId), got ${describeValue(options.access)}.`,
      );
    }
    atPath(this.node.path, () => options.access?._check());
    if (hub.basicTier) {
      throw new ExportConfigError(
        "DFE043",
        `${this.node.path}: the Basic tier has only the $Default consumer group, so consumer group "${options.consumerGroupName}" ` +
          `cannot be created. Use EventHubSku.STANDARD.`,
      );
    }
    const common = {
      namespaceName: hub.namespaceName,
      eventhubName: hub.eventHubName,
      resourceGroupName: hub.resourceGroupName,
      provider: hub.provider,
    };
    this.consumerGroup = new EventhubConsumerGroup(this, "ConsumerGroup", { ...common, name: options.consumerGroupName });
    const access = options.access ?? ConsumerAccess.listenRule();
    if (hub.closedToReaders) {
      warnOnce(
        this,
        `${coded("DFW006", this.node.path)}the namespace denies public access to all but trusted Microsoft services, and no IP range or subnet is allowed: ` +
          "this reader gets in only through a private endpoint. Add trustedService.allowedIpRanges or allowedSubnetIds, or a private endpoint to the namespace.",
      );
    }
    if (access._mode === "listen" && hub.localAuthDisabled) {
      throw new ExportConfigError(
        "DFE055",
        `${this.node.path}: the namespace has local (SAS) authentication switched off, so a Listen rule would ` +
          `not work. Use ConsumerAccess.dataReceiver(objectId).`,
      );
    }
    if (access._mode === "listen") {
      this.listenRule = new EventhubAuthorizationRule(this, "ListenRule", {
        ...common,
        name: access._ruleName ?? `${options.consumerGroupName}-listen`,
        listen: true,
        send: false,
        manage: false,
      });
    } else {
      this.roleAssignment = new RoleAssignment(this, "DataReceiver", {
        scope: hub.eventHubId,
        roleDefinitionName: BUILT_IN_ROLES.eventHubsDataReceiver.name,
        principalId: String(access._principalId),
        principalType: access._principalType,
        provider: hub.provider,
      });
    }
  }

  /** The Listen rule's connection string (sensitive; undefined with role-based access). */
  public get listenConnectionString(): string | undefined {
    return this.listenRule?.primaryConnectionString;
  }
}
