import { TerraformSelf } from "cdktf";
import { NAME_RULES, checkName } from "../internal/inputs";
import { BRANDS } from "../model/brand";
import { Construct } from "constructs";
import { DataAzurermEventhubAuthorizationRule } from "../internal/azurerm";
import { literalSubscriptionOf, resolveAzurermProvider } from "../internal/provider-check";
import { RESOURCE_ID_SHAPES, parseResourceId } from "../internal/resource-id";
import { ExportConfigError, atPath, coded } from "../model/errors";
import { DestinationKind, checkDestinationTenant } from "./destination";
import { ExistingDestinationOptions, forgetCreatedBefore } from "./created-before";
import { EventHubBase, TrustedServiceOptions } from "./event-hub-base";
import { EventHubLocation } from "./event-hub-consumer";

/** Options to use an existing event hub. */
export interface ExistingEventHubOptions extends ExistingDestinationOptions {
  /**
   * The name of an authorization rule on the event hub with Send rights; its connection string is read
   * at plan time. Required unless `trustedService` is set.
   * @default none: give it, or `trustedService`
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

/** An existing event hub, with its Send rule or as a trusted service. */
export class ImportedEventHub extends EventHubBase {
  public readonly description: string;
  /** @internal */
  protected readonly _location: EventHubLocation;
  protected readonly connectionString: string | undefined;
  protected readonly sendRuleId: string | undefined;

  constructor(
    scope: Construct,
    id: string,
    eventHubId: string,
    protected readonly options: ExistingEventHubOptions,
  ) {
    super(scope, id);
    BRANDS.destination.mark(this);
    checkDestinationTenant(this, options);
    const parts = atPath(this.node.path, () => {
      const parsed = parseResourceId(eventHubId, RESOURCE_ID_SHAPES.eventHub, "an event hub");
      if (!parsed) {
        throw new ExportConfigError(
          "DFE044",
          `the event hub id must be a literal id (the library reads the namespace and hub names from it), got a ` +
            `token. Give "${RESOURCE_ID_SHAPES.eventHub.example}".`,
        );
      }
      if (options.trustedService?.allowedIpRanges !== undefined || options.trustedService?.allowedSubnetIds !== undefined) {
        throw new ExportConfigError(
          "DFE045",
          "`allowedIpRanges` and `allowedSubnetIds` set the firewall of a namespace the library creates; the firewall of an existing namespace is yours to manage.",
        );
      }
      if (options.trustedService && options.sendRuleName !== undefined) {
        throw new ExportConfigError(
          "DFE045",
          "a trusted-service export uses no authorization rule: remove `sendRuleName`, or remove `trustedService` to export with the rule's connection string.",
        );
      }
      if (!options.trustedService && (typeof options.sendRuleName !== "string" || options.sendRuleName === "")) {
        throw new ExportConfigError(
          "DFE045",
          "an existing event hub needs `sendRuleName` (an authorization rule on the event hub with Send rights), or `trustedService` to export without keys.",
        );
      }
      // The rule is read by name: Azure's rule for authorization rule names (Microsoft.EventHub naming rules).
      if (!options.trustedService && options.sendRuleName !== undefined)
        checkName("sendRuleName", options.sendRuleName, NAME_RULES.authorizationRule);
      return parsed;
    });
    const [namespaceName, eventHubName] = parts.names;
    this._location = {
      namespaceName,
      eventHubName,
      resourceGroupName: parts.resourceGroupName,
      eventHubId,
      provider: options.provider,
      basicTier: options.basicTier ?? false,
      localAuthDisabled: false,
    };
    const where = `(existing${options.trustedService ? ", trusted service, no keys" : ""}, in ${parts.resourceGroupName})`;
    this.description = `Event Hub ${namespaceName}/${eventHubName} ${where}`;
    if (options.trustedService) {
      this.grantTrustedSender(options.trustedService, eventHubId, options.provider);
      this.connectionString = undefined;
      this.sendRuleId = undefined;
      forgetCreatedBefore(this, DestinationKind.EVENT_HUB, options);
      return;
    }
    const rule = new DataAzurermEventhubAuthorizationRule(this, "SendRule", {
      name: String(options.sendRuleName),
      namespaceName,
      eventhubName: eventHubName,
      resourceGroupName: parts.resourceGroupName,
      provider: options.provider,
      lifecycle: {
        postcondition: [
          {
            condition: TerraformSelf.getString("send"),
            errorMessage:
              `The rule "${options.sendRuleName}" on event hub ${namespaceName}/${eventHubName} lacks Send rights; ` +
              `continuous export needs a rule with Send.`,
          },
        ],
      },
    });
    this.connectionString = rule.primaryConnectionString;
    this.sendRuleId = rule.id;
    this.checkRuleSubscription(parts.subscriptionId);
    forgetCreatedBefore(this, DestinationKind.EVENT_HUB, options);
  }

  /** The rule is read through the provider, which reads in its own subscription only. */
  private checkRuleSubscription(hubSubscription: string): void {
    this.node.addValidation({
      validate: () => {
        const provider = resolveAzurermProvider(this, this.options.provider);
        const sub = provider && literalSubscriptionOf(provider);
        return sub && sub.toLowerCase() !== hubSubscription.toLowerCase()
          ? [
              `${coded("DFE064", this.node.path)}the event hub is in subscription ${hubSubscription}, but its Send ` +
                `rule is read through ${provider?.node.path}, which reads subscription ${sub}. Pass \`provider\` configured ` +
                `for ${hubSubscription}.`,
            ]
          : [];
      },
    });
  }
}
