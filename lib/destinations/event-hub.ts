import { producedValue } from "../internal/lazy";
import { claimInApp } from "../internal/app-claims";
import { BRANDS } from "../model/brand";
import { Annotations, Token } from "cdktf";
import { Construct } from "constructs";
import {
  AzurermEventhub,
  AzurermEventhubAuthorizationRule,
  AzurermEventhubNamespace,
  Eventhub,
  EventhubAuthorizationRule,
  EventhubNamespace,
} from "../internal/azurerm";
import { RESOURCE_ID_SHAPES, checkSameName, parseResourceId } from "../internal/resource-id";
import { inWords } from "../internal/words";
import { ExportConfigError, atPath, coded, describeValue } from "../model/errors";
import { Ipv4Range, isBroad, readIpv4Range } from "../internal/ip-range";
import { NAME_RULES, checkFlag, checkList, checkName, checkOptionalName, checkTags, checkWholeNumber } from "../internal/inputs";
import { DataHoldingOptions, DestinationOptions, DestinationPlacement, checkDestinationTenant, dataLifecycle } from "./destination";
import { EventHubBase, IEventHubDestination, TrustedServiceOptions } from "./event-hub-base";
import { EventHubLocation } from "./event-hub-consumer";
import { ExistingEventHubOptions, ImportedEventHub } from "./event-hub-existing";
import { keepUnstatedSettings, statedArguments } from "../internal/keep-unstated";

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
  /** The namespace tier. @default EventHubSku.STANDARD; an adopted namespace keeps its own */
  readonly sku?: EventHubSku;
  /** Throughput units (Basic, Standard) or processing units (Premium). @default 1; an adopted namespace keeps its own */
  readonly capacity?: number;
  /** Partitions of the event hub. @default 4; an adopted event hub keeps its own */
  readonly partitionCount?: number;
  /** Days events are kept for readers. @default 1 on Basic, 7 otherwise; an adopted event hub keeps its own */
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
  /**
   * Take over an existing namespace and event hub (Terraform import) instead of creating them. Every
   * setting the props do not state (tier, capacity, partitions, retention, TLS, network rules, tags, the
   * rule's Listen and Manage rights) stays as it is in Azure (`ignore_changes`). @default new ones
   */
  readonly adopt?: AdoptedEventHub;
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

  /** The destination in words, for the report: namespace, hub, tier and where it lives. */
  public readonly description: string;
  /** The namespace. */
  public readonly eventHubNamespace: AzurermEventhubNamespace;
  /** The event hub. */
  public readonly eventHub: AzurermEventhub;
  /** The Send-only rule the export uses; undefined in trusted-service mode. */
  public readonly sendRule?: AzurermEventhubAuthorizationRule;
  /** Where the namespace is created. */
  public readonly placement: DestinationPlacement;
  /** Where the event hub is, for consumers. @internal */
  protected readonly _location: EventHubLocation;
  protected readonly connectionString: string | undefined;
  protected readonly sendRuleId: string | undefined;
  /** The provider and tenant options of the destination. */
  protected readonly options: DestinationOptions;

  constructor(scope: Construct, id: string, props: EventHubDestinationProps) {
    super(scope, id);
    BRANDS.destination.mark(this);
    this.options = props;
    checkDestinationTenant(this, props);
    const { sku, retention } = atPath(this.node.path, () => {
      if (props === null || typeof props !== "object")
        throw new ExportConfigError("DFE046", `the props must be an object, got ${describeValue(props)}.`);
      const tier = props.sku ?? EventHubSku.STANDARD;
      if (!(tier instanceof EventHubSku))
        throw new ExportConfigError("DFE046", `\`sku\` must be an EventHubSku constant, got ${describeValue(props.sku)}.`);
      const days =
        checkWholeNumber("messageRetentionDays", props.messageRetentionDays, 1, EventHubSku.PREMIUM.maxRetentionDays) ??
        Math.min(7, tier.maxRetentionDays);
      checkEventHubProps(props, tier, days);
      return { sku: tier, retention: days };
    });
    // Event Hubs namespace names are global (<name>.servicebus.windows.net; Microsoft.EventHub naming rules).
    claimInApp(this, {
      key: ["eventhub-namespace", props.namespaceName],
      exclusive: true,
      code: "DFE225",
      words: (other) =>
        `${other} already makes the Event Hubs namespace "${props.namespaceName}": namespace names are unique in all of Azure, and two constructs would own it. ` +
        "Use that destination (add an event hub to it), or give this one another name.",
    });
    const eventHubName = props.eventHubName ?? "defender-export";
    const trusted = props.trustedService !== undefined;
    this.eventHubNamespace = new EventhubNamespace(this, "Namespace", {
      name: props.namespaceName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      sku: sku.value,
      capacity: props.capacity ?? 1,
      minimumTlsVersion: "1.2",
      ...(props.trustedService ? atPath(this.node.path, () => lockedDownNamespace(this, props.trustedService as TrustedServiceOptions)) : {}),
      tags: props.tags,
      provider: props.provider,
      lifecycle: dataLifecycle(props),
    });
    this.eventHub = new Eventhub(this, "EventHub", {
      name: eventHubName,
      namespaceId: this.eventHubNamespace.id,
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
        namespaceName: this.eventHubNamespace.name,
        eventhubName: this.eventHub.name,
        resourceGroupName: props.resourceGroupName,
        send: true,
        listen: false,
        manage: false,
        provider: props.provider,
      });
    }
    this._location = {
      namespaceName: this.eventHubNamespace.name,
      eventHubName: this.eventHub.name,
      resourceGroupName: props.resourceGroupName,
      eventHubId,
      provider: props.provider,
      basicTier: sku === EventHubSku.BASIC,
      localAuthDisabled: trusted,
      closedToReaders: trusted && !props.trustedService?.allowedIpRanges?.length && !props.trustedService?.allowedSubnetIds?.length,
    };
    this.placement = { resourceGroupName: props.resourceGroupName, resources: [this.eventHubNamespace] };
    this.connectionString = this.sendRule?.primaryConnectionString;
    this.sendRuleId = this.sendRule?.id;
    if (props.adopt) importAdoptedEventHub(this, props, eventHubName);
    this.description = `Event Hub ${inWords(props.namespaceName, "(namespace set at apply)")}/${inWords(eventHubName, "(set at apply)")} (new, ${sku.value}${trusted ? ", trusted service, no keys" : ""}, in ${inWords(props.resourceGroupName, "a resource group created with it")})`;
  }
}

/** The imports of an adopted event hub, after checking that it is the one the props describe. */
function importAdoptedEventHub(hub: EventHubDestination, props: EventHubDestinationProps, eventHubName: string): void {
  const adopt = props.adopt;
  if (!adopt) return;
  atPath(hub.node.path, () => {
    const parsed = parseResourceId(adopt.eventHubId, RESOURCE_ID_SHAPES.eventHub, "an event hub");
    if (!parsed) throw new ExportConfigError("DFE116", "an adopted event hub needs a literal id: the import blocks name it.");
    checkSameName("namespace", parsed.names[0], props.namespaceName);
    checkSameName("event hub name", parsed.names[1], eventHubName);
    checkSameName("resource group", parsed.resourceGroupName, props.resourceGroupName);
    if (adopt.sendRuleName !== undefined && props.sendRuleName !== undefined) checkSameName("Send rule", adopt.sendRuleName, props.sendRuleName);
  });
  hub.eventHubNamespace.importFrom(adopt.eventHubId.replace(/\/eventhubs\/[^/]+$/i, ""), props.provider);
  const lockedDown = props.trustedService ? Object.keys(LOCKED_DOWN_NAMESPACE_ARGUMENTS) : [];
  keepUnstatedSettings(hub.eventHubNamespace, [...statedArguments({ sku: props.sku, capacity: props.capacity, tags: props.tags }), ...lockedDown]);
  hub.eventHub.importFrom(adopt.eventHubId, props.provider);
  keepUnstatedSettings(hub.eventHub, statedArguments({ partition_count: props.partitionCount, message_retention: props.messageRetentionDays }));
  if (adopt.sendRuleName && hub.sendRule) {
    hub.sendRule.importFrom(`${adopt.eventHubId}/authorizationRules/${adopt.sendRuleName}`, props.provider);
    // Send is what the export needs; Listen and Manage may serve readers of the rule.
    keepUnstatedSettings(hub.sendRule, ["send"]);
  }
}

/**
 * A namespace only trusted Microsoft services, Entra identities and the readers' own networks reach:
 * firewall on (with default action Deny, Event Hubs enforces IP and network rules), SAS keys off.
 */
function lockedDownNamespace(scope: Construct, options: TrustedServiceOptions) {
  const ips = checkList<unknown>("trustedService.allowedIpRanges", options.allowedIpRanges) ?? [];
  const subnets = checkList<unknown>("trustedService.allowedSubnetIds", options.allowedSubnetIds) ?? [];
  const broad = ips.map((ip) => readIpv4Range("trustedService.allowedIpRanges", ip)).filter((r): r is Ipv4Range => !!r && isBroad(r));
  if (broad.length > 0) {
    Annotations.of(scope).addWarning(
      `${coded("DFW045", scope.node.path)}\`trustedService.allowedIpRanges\` lets ${broad.map((r) => r.text).join(", ")} in: ` +
        `${broad.some((r) => r.prefix === 0) ? "the whole internet" : "a broad part of the internet"} can reach the namespace. ` +
        "List the readers' own addresses (a /24 or narrower), or use allowedSubnetIds.",
    );
  }
  for (const subnet of subnets) {
    if (
      typeof subnet !== "string" ||
      (!Token.isUnresolved(subnet) &&
        !/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+\/subnets\/[^/]+$/i.test(subnet))
    ) {
      throw new ExportConfigError("DFE120", `\`trustedService.allowedSubnetIds\` takes subnet resource ids, got ${describeValue(subnet)}.`);
    }
  }
  return {
    localAuthenticationEnabled: false,
    networkRulesets: [
      {
        defaultAction: "Deny",
        trustedServiceAccessEnabled: true,
        publicNetworkAccessEnabled: true,
        ipRule: ips.length > 0 ? (ips as string[]).map((ipMask) => ({ ipMask, action: "Allow" })) : undefined,
        virtualNetworkRule: subnets.length > 0 ? (subnets as string[]).map((subnetId) => ({ subnetId })) : undefined,
      },
    ],
  };
}
/** The Terraform arguments {@link LOCKED_DOWN_NAMESPACE} sets. */
const LOCKED_DOWN_NAMESPACE_ARGUMENTS = { local_authentication_enabled: true, network_rulesets: true };

function checkEventHubProps(props: EventHubDestinationProps, sku: EventHubSku, retention: number): void {
  if (props.trustedService && sku === EventHubSku.BASIC) {
    throw new ExportConfigError(
      "DFE051",
      "export as a trusted service needs a namespace firewall, which the Basic tier does not have. Use EventHubSku.STANDARD or PREMIUM.",
    );
  }
  const ns = producedValue("namespaceName", props.namespaceName);
  // Microsoft.EventHub `namespaces`: 6–50, alphanumerics and hyphens, start with a letter, end with a letter or
  // number (Azure naming rules, resource-name-rules; -sb and -mgmt are reserved: Event Hubs REST API; checked 2026-12).
  if (typeof ns !== "string" || (!Token.isUnresolved(ns) && (!/^[A-Za-z][A-Za-z0-9-]{4,48}[A-Za-z0-9]$/.test(ns) || /-(sb|mgmt)$/i.test(ns)))) {
    throw new ExportConfigError(
      "DFE046",
      `${describeValue(ns)} is not a valid Event Hubs namespace name: 6 to 50 letters, digits and hyphens, ` +
        `starting with a letter and ending with a letter or digit, and not ending in -sb or -mgmt (reserved).`,
    );
  }
  checkOptionalName("eventHubName", props.eventHubName, NAME_RULES.eventHub);
  checkName("resourceGroupName", props.resourceGroupName, NAME_RULES.resourceGroup);
  checkName("location", props.location, NAME_RULES.location);
  checkOptionalName("sendRuleName", props.sendRuleName, NAME_RULES.authorizationRule);
  checkWholeNumber("capacity", props.capacity, 1, sku === EventHubSku.PREMIUM ? 16 : 40);
  checkWholeNumber("partitionCount", props.partitionCount, 1, sku === EventHubSku.PREMIUM ? 100 : 32);
  checkTags("tags", props.tags);
  checkFlag("preventDestroy", props.preventDestroy);
  if (!Token.isUnresolved(retention) && (retention < 1 || retention > sku.maxRetentionDays)) {
    throw new ExportConfigError(
      "DFE047",
      `messageRetentionDays ${retention} is out of range for the ${sku.value} tier: 1 to ${sku.maxRetentionDays} days.`,
    );
  }
}
