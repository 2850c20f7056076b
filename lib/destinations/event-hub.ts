import { TerraformProvider, Token } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { DataAzurermEventhubAuthorizationRule, Eventhub, EventhubAuthorizationRule, EventhubNamespace, RoleAssignment } from "../internal/azurerm";
import { RESOURCE_ID_SHAPES, checkSameName, parseResourceId } from "../internal/resource-id";
import { literalSubscriptionOf, resolveAzurermProvider } from "../internal/provider-check";
import { inWords } from "../internal/words";
import { ExportConfigError, atPath } from "../model/errors";
import { DestinationRole } from "../access/destination-role";
import {
  AccessTarget, DataHoldingOptions, DestinationKind, DestinationOptions, ExportActionConfig, ICrossTenantDestination,
  checkDestinationTenant, dataLifecycle, destinationTenant,
} from "./destination";
import { EventHubConsumer, EventHubConsumerOptions, EventHubLocation } from "./event-hub-consumer";
import { SecurityResourceProvider } from "./security-provider";

/** The tier of a new Event Hubs namespace. */
export class EventHubSku {
  /** Basic: enough for plain export; one consumer group ($Default), one day of retention. */
  public static readonly BASIC = new EventHubSku("Basic", 1);
  /** Standard: consumer groups for several readers, up to seven days of retention. */
  public static readonly STANDARD = new EventHubSku("Standard", 7);
  /** Premium. */
  public static readonly PREMIUM = new EventHubSku("Premium", 90);

  private constructor(
    /** The namespace's `sku`. */
    public readonly value: string,
    /** The longest message retention in days. */
    public readonly maxRetentionDays: number,
  ) {}
}

/**
 * Export as a trusted service: Defender for Cloud sends with its own identity ("Windows Azure Security
 * Resource Provider") through the namespace firewall, with no key. The automation is then written with
 * the 2023-12-01-preview API.
 */
export interface TrustedServiceOptions {
  /** The sending identity. @default SecurityResourceProvider.lookUp(): by app id, through the azuread provider */
  readonly principal?: SecurityResourceProvider;
}

/** The built-in role that lets a principal send events to an event hub. */
const EVENT_HUBS_DATA_SENDER = { name: "Azure Event Hubs Data Sender", id: "2b629674-e913-4c01-ae53-ef4638d8f975" };

/** An existing namespace and event hub to take over (manage from now on), instead of creating them. */
export interface AdoptedEventHub {
  /** The event hub's resource id; its namespace, name and resource group must be the props'. */
  readonly eventHubId: string;
  /** An existing Send rule on it to take over too (it becomes the export's rule). @default a new rule is created */
  readonly sendRuleName?: string;
}

/** Properties of a new Event Hub for exported data. */
export interface EventHubDestinationProps extends DataHoldingOptions {
  /** The namespace name (6-50 letters, digits and hyphens; globally unique). */
  readonly namespaceName: string;
  /** The event hub name. @default "defender-export" */
  readonly eventHubName?: string;
  /** The resource group (it must exist or be created in the same stack). */
  readonly resourceGroupName: string;
  /** The Azure region. */
  readonly location: string;
  /** The namespace tier. @default EventHubSku.STANDARD */
  readonly sku?: EventHubSku;
  /** Throughput units (Basic, Standard) or processing units (Premium). @default 1 */
  readonly capacity?: number;
  /** Partitions of the event hub. @default 4 */
  readonly partitionCount?: number;
  /** Days events are kept for readers. @default 1 on Basic, 7 otherwise */
  readonly messageRetentionDays?: number;
  /** The name of the Send-only rule the export uses (not created in trusted-service mode). @default "defender-export-send" */
  readonly sendRuleName?: string;
  /**
   * Lock the namespace down and export as a trusted service: firewall on (default action Deny) with
   * trusted Microsoft services allowed, local (SAS) authentication off, no authorization rule and no
   * connection string anywhere, and "Azure Event Hubs Data Sender" on the event hub for the
   * Security Resource Provider. Needs Standard or Premium. @default off: a Send-only rule and its connection string
   */
  readonly trustedService?: TrustedServiceOptions;
  /** Take over an existing namespace and event hub (Terraform import) instead of creating them. @default new ones */
  readonly adopt?: AdoptedEventHub;
}

/** Options to use an existing event hub. */
export interface ExistingEventHubOptions extends DestinationOptions {
  /**
   * The name of an authorization rule on the event hub with Send rights; its connection string is read
   * at plan time. Required unless `trustedService` is set.
   */
  readonly sendRuleName?: string;
  /**
   * Export as a trusted service: no rule, no key; the library grants "Azure Event Hubs Data Sender" on
   * the event hub to the Security Resource Provider. The namespace's firewall must allow trusted
   * Microsoft services (it is not managed here). @default off
   */
  readonly trustedService?: TrustedServiceOptions;
  /** Whether the namespace is on the Basic tier (no consumer groups besides $Default). @default false */
  readonly basicTier?: boolean;
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
abstract class EventHubBase extends Construct implements IEventHubDestination {
  public readonly kind = DestinationKind.EVENT_HUB;
  public abstract readonly description: string;
  protected abstract readonly location: EventHubLocation;
  /** The Send rule's connection string; undefined in trusted-service mode. */
  protected abstract readonly connectionString: string | undefined;
  /** The Send rule's resource id; undefined in trusted-service mode. */
  protected abstract readonly sendRuleId: string | undefined;
  protected abstract readonly options: DestinationOptions;
  /** The Data Sender grant of trusted-service mode. */
  protected senderRole?: RoleAssignment;

  /** @inheritdoc */
  public addConsumer(id: string, options: EventHubConsumerOptions): EventHubConsumer {
    return new EventHubConsumer(this, id, this.location, options);
  }

  public bind(_automation: IConstruct): ExportActionConfig {
    if (this.senderRole) {
      return { kind: this.kind, resourceId: this.location.eventHubId, trustedService: true, dependsOn: [this.senderRole] };
    }
    return { kind: this.kind, resourceId: this.location.eventHubId, connectionString: this.connectionString };
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
        `${this.node.path}: cross-tenant access to a trusted-service event hub is not supported: Microsoft documents cross-tenant export with a Send rule's connection string only. Use a Send rule, or keep the hub in the export's tenant.`,
      );
    }
    return {
      kind: this.kind,
      resourceId: this.location.eventHubId,
      roleScope: this.sendRuleId,
      resourceGroupName: this.location.resourceGroupName,
      defaultRole: DestinationRole.CONTRIBUTOR,
      allowedRoles: DestinationRole.FOR_EVENT_HUBS,
      provider: this.options.provider,
    };
  }

  /** Grants the Security Resource Provider "Azure Event Hubs Data Sender" on the event hub itself. */
  protected grantTrustedSender(options: TrustedServiceOptions, eventHubId: string, provider: TerraformProvider | undefined): void {
    const principal = options.principal ?? SecurityResourceProvider.lookUp();
    this.senderRole = new RoleAssignment(this, "TrustedSender", {
      scope: eventHubId,
      roleDefinitionName: EVENT_HUBS_DATA_SENDER.name,
      principalId: principal._objectIdIn(this),
      principalType: "ServicePrincipal",
      description: "Defender for Cloud continuous export as a trusted service",
      provider,
    });
  }
}

/**
 * An Event Hub as an export destination, for a SIEM or SOAR to read.
 *
 * `new EventHubDestination(...)` creates a namespace, an event hub and a Send-only authorization rule;
 * `EventHubDestination.fromEventHubId` uses an existing event hub and its Send rule. Either way the
 * connection string flows from the rule as a sensitive Terraform reference, never as a literal.
 */
export class EventHubDestination extends EventHubBase {
  /** An existing event hub, by resource id, with the name of its Send rule. */
  public static fromEventHubId(scope: Construct, id: string, eventHubId: string, options: ExistingEventHubOptions): IEventHubDestination {
    return new ImportedEventHub(scope, id, eventHubId, options);
  }

  public readonly description: string;
  /** The namespace. */
  public readonly namespace: EventhubNamespace;
  /** The event hub. */
  public readonly eventHub: Eventhub;
  /** The Send-only rule the export uses; undefined in trusted-service mode. */
  public readonly sendRule?: EventhubAuthorizationRule;
  protected readonly location: EventHubLocation;
  protected readonly connectionString: string | undefined;
  protected readonly sendRuleId: string | undefined;
  protected readonly options: DestinationOptions;

  constructor(scope: Construct, id: string, props: EventHubDestinationProps) {
    super(scope, id);
    this.options = props;
    checkDestinationTenant(this, props);
    const sku = props.sku ?? EventHubSku.STANDARD;
    const retention = props.messageRetentionDays ?? Math.min(7, sku.maxRetentionDays);
    atPath(this.node.path, () => checkEventHubProps(props, sku, retention));
    const eventHubName = props.eventHubName ?? "defender-export";
    const trusted = props.trustedService !== undefined;
    this.namespace = new EventhubNamespace(this, "Namespace", {
      name: props.namespaceName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      sku: sku.value,
      capacity: props.capacity ?? 1,
      minimumTlsVersion: "1.2",
      ...(trusted ? LOCKED_DOWN_NAMESPACE : {}),
      tags: props.tags,
      provider: props.provider,
      lifecycle: dataLifecycle(props),
    });
    this.eventHub = new Eventhub(this, "EventHub", {
      name: eventHubName,
      namespaceId: this.namespace.id,
      partitionCount: props.partitionCount ?? 4,
      messageRetention: retention,
      provider: props.provider,
      lifecycle: dataLifecycle(props),
    });
    const eventHubId = this.eventHub.id;
    if (props.trustedService) {
      this.grantTrustedSender(props.trustedService, eventHubId, props.provider);
    } else {
      this.sendRule = new EventhubAuthorizationRule(this, "SendRule", {
        name: props.sendRuleName ?? props.adopt?.sendRuleName ?? "defender-export-send",
        namespaceName: this.namespace.name,
        eventhubName: this.eventHub.name,
        resourceGroupName: props.resourceGroupName,
        send: true,
        listen: false,
        manage: false,
        provider: props.provider,
      });
    }
    this.location = {
      namespaceName: this.namespace.name,
      eventHubName: this.eventHub.name,
      resourceGroupName: props.resourceGroupName,
      eventHubId,
      provider: props.provider,
      basicTier: sku === EventHubSku.BASIC,
      localAuthDisabled: trusted,
    };
    this.connectionString = this.sendRule?.primaryConnectionString;
    this.sendRuleId = this.sendRule?.id;
    if (props.adopt) importAdoptedEventHub(this, props, eventHubName);
    this.description = `Event Hub ${inWords(props.namespaceName, "(namespace set at apply)")}/${inWords(eventHubName, "(set at apply)")} (new, ${sku.value}${trusted ? ", trusted service, no keys" : ""}, in ${inWords(props.resourceGroupName, "a resource group created with it")})`;
  }
}

/** The imports of an adopted event hub, after checking that it is the one the props describe. */
function importAdoptedEventHub(hub: EventHubDestination, props: EventHubDestinationProps, eventHubName: string): void {
  const adopt = props.adopt!;
  atPath(hub.node.path, () => {
    const parsed = parseResourceId(adopt.eventHubId, RESOURCE_ID_SHAPES.eventHub, "an event hub");
    if (!parsed) throw new ExportConfigError("DFE116", "an adopted event hub needs a literal id: the import blocks name it.");
    checkSameName("namespace", parsed.names[0], props.namespaceName);
    checkSameName("event hub name", parsed.names[1], eventHubName);
    checkSameName("resource group", parsed.resourceGroupName, props.resourceGroupName);
    if (adopt.sendRuleName !== undefined && props.sendRuleName !== undefined) checkSameName("Send rule", adopt.sendRuleName, props.sendRuleName);
  });
  hub.namespace.importFrom(adopt.eventHubId.replace(/\/eventhubs\/[^/]+$/i, ""), props.provider);
  hub.eventHub.importFrom(adopt.eventHubId, props.provider);
  if (adopt.sendRuleName && hub.sendRule) hub.sendRule.importFrom(`${adopt.eventHubId}/authorizationRules/${adopt.sendRuleName}`, props.provider);
}

class ImportedEventHub extends EventHubBase {
  public readonly description: string;
  protected readonly location: EventHubLocation;
  protected readonly connectionString: string | undefined;
  protected readonly sendRuleId: string | undefined;

  constructor(scope: Construct, id: string, eventHubId: string, protected readonly options: ExistingEventHubOptions) {
    super(scope, id);
    checkDestinationTenant(this, options);
    const parts = atPath(this.node.path, () => {
      const parsed = parseResourceId(eventHubId, RESOURCE_ID_SHAPES.eventHub, "an event hub");
      if (!parsed) {
        throw new ExportConfigError("DFE044", `the event hub id must be a literal id (the library reads the namespace and hub names from it), got a token. Give "${RESOURCE_ID_SHAPES.eventHub.example}".`);
      }
      if (options.trustedService && options.sendRuleName !== undefined) {
        throw new ExportConfigError("DFE045", "a trusted-service export uses no authorization rule: remove `sendRuleName`, or remove `trustedService` to export with the rule's connection string.");
      }
      if (!options.trustedService && (typeof options.sendRuleName !== "string" || options.sendRuleName === "")) {
        throw new ExportConfigError("DFE045", "an existing event hub needs `sendRuleName` (an authorization rule on the event hub with Send rights), or `trustedService` to export without keys.");
      }
      return parsed;
    });
    const [namespaceName, eventHubName] = parts.names;
    this.location = { namespaceName, eventHubName, resourceGroupName: parts.resourceGroupName, eventHubId, provider: options.provider, basicTier: options.basicTier ?? false, localAuthDisabled: false };
    const where = `(existing${options.trustedService ? ", trusted service, no keys" : ""}, in ${parts.resourceGroupName})`;
    this.description = `Event Hub ${namespaceName}/${eventHubName} ${where}`;
    if (options.trustedService) {
      this.grantTrustedSender(options.trustedService, eventHubId, options.provider);
      this.connectionString = undefined;
      this.sendRuleId = undefined;
      return;
    }
    const rule = new DataAzurermEventhubAuthorizationRule(this, "SendRule", {
      name: options.sendRuleName!,
      namespaceName,
      eventhubName: eventHubName,
      resourceGroupName: parts.resourceGroupName,
      provider: options.provider,
      lifecycle: {
        postcondition: [{ condition: "${self.send}", errorMessage: `The rule "${options.sendRuleName}" on event hub ${namespaceName}/${eventHubName} lacks Send rights; continuous export needs a rule with Send.` }],
      },
    });
    this.connectionString = rule.primaryConnectionString;
    this.sendRuleId = rule.id;
    this.checkRuleSubscription(parts.subscriptionId);
  }

  /** The rule is read through the provider, which reads in its own subscription only. */
  private checkRuleSubscription(hubSubscription: string): void {
    this.node.addValidation({
      validate: () => {
        const provider = resolveAzurermProvider(this, this.options.provider);
        const sub = provider && literalSubscriptionOf(provider);
        return sub && sub.toLowerCase() !== hubSubscription.toLowerCase()
          ? [`[DFE064] ${this.node.path}: the event hub is in subscription ${hubSubscription}, but its Send rule is read through ${provider!.node.path}, which reads subscription ${sub}. Pass \`provider\` configured for ${hubSubscription}.`]
          : [];
      },
    });
  }
}

/** A namespace only trusted Microsoft services and Entra identities reach: firewall on, SAS keys off. */
const LOCKED_DOWN_NAMESPACE = {
  localAuthenticationEnabled: false,
  networkRulesets: [{ defaultAction: "Deny", trustedServiceAccessEnabled: true, publicNetworkAccessEnabled: true }],
};

function checkEventHubProps(props: EventHubDestinationProps, sku: EventHubSku, retention: number): void {
  if (props.trustedService && sku === EventHubSku.BASIC) {
    throw new ExportConfigError("DFE051", "export as a trusted service needs a namespace firewall, which the Basic tier does not have. Use EventHubSku.STANDARD or PREMIUM.");
  }
  if (!Token.isUnresolved(props.namespaceName) && !/^[A-Za-z][A-Za-z0-9-]{4,48}[A-Za-z0-9]$/.test(props.namespaceName)) {
    throw new ExportConfigError("DFE046", `"${props.namespaceName}" is not a valid Event Hubs namespace name: 6 to 50 letters, digits and hyphens, starting with a letter and ending with a letter or digit.`);
  }
  if (!Token.isUnresolved(retention) && (retention < 1 || retention > sku.maxRetentionDays)) {
    throw new ExportConfigError("DFE047", `messageRetentionDays ${retention} is out of range for the ${sku.value} tier: 1 to ${sku.maxRetentionDays} days.`);
  }
}
