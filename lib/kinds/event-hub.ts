import { Token } from "cdktf";
import { TerraformFunctions } from "../internal/terraform-functions";
import { KindDeclaration } from "./declaration";

/** The event hub's namespace id, from the hub's id (literal, or a reference): its metrics are the namespace's. */
function namespaceOf(eventHubId: string): string {
  if (!Token.isUnresolved(eventHubId)) return eventHubId.split("/").slice(0, 9).join("/");
  return TerraformFunctions.join("/", TerraformFunctions.slice(TerraformFunctions.split("/", eventHubId), 0, 9));
}

/** An Event Hub: sent to with a Send rule's connection string, or as a trusted service with no key. */
export const EVENT_HUB_KIND = {
  actionType: "EventHub",
  diagramShape: "cds",
  displayName: "Event Hub",
  propKey: "eventHub" as const,
  resourceIdProperty: "eventHubResourceId",
  secretProperty: "connectionString",
  trustedServiceProperty: "isTrustedServiceEnabled",
  portalName: "ExportToEventHub",
  idShape: {
    types: ["Microsoft.EventHub/namespaces", "eventhubs"],
    names: ["eventHubNamespace", "eventHub"],
    example: "/subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.EventHub/namespaces/<namespace>/eventhubs/<hub>",
  },
  resourceType: "azurerm_eventhub",
  parentArgument: "namespace_id",
  createdResources: [
    ["azurerm_eventhub_namespace", "Namespace"],
    ["azurerm_eventhub", "EventHub"],
    ["azurerm_eventhub_authorization_rule", "SendRule"],
    ["azurerm_role_assignment", "TrustedSender"],
  ],
  heartbeat: {
    watches: "metrics",
    metricsOf: namespaceOf,
    alerts: [
      {
        id: "NoIncomingMessages",
        suffix: "no-messages",
        metric: "IncomingMessages",
        firesOn: "silence",
        describe: (destination) => `No message reached the namespace of ${destination}.`,
      },
    ],
    summary: (hours) =>
      `a log search alert over the namespace's metrics in a workspace fires after ${hours} h without incoming messages (the hub, not which subscription)`,
  },
  // "Deploy export to Event Hub for Microsoft Defender for Cloud data" (with a Send rule), and "… as a trusted service".
  policy: {
    automationName: "exportToEventHub",
    destinationParameter: "eventHubDetails",
    definitionName: "cdfcce10-4578-4ecd-9703-530938e4abcb",
    trustedServiceDefinitionName: "af9f6c70-eb74-4189-8d15-e4f11a7ebfd4",
    names: "accessScope",
  },
  sendingInWords: (trusted) => (trusted ? "as a trusted service, no key" : "with a Send rule's connection string"),
  program: ({ n, resourceId, trusted, literal, provider }) => {
    const on = provider();
    const id = literal(resourceId);
    if (trusted) {
      return {
        className: "EventHubDestination",
        variable: `hub${n}`,
        code: `EventHubDestination.fromEventHubId(this, "EventHub${n}", ${id}, { trustedService: {}${on} })`,
        inputs: [],
        needsAzuread: true,
      };
    }
    const variable = `hub${n}SendRule`;
    return {
      className: "EventHubDestination",
      variable: `hub${n}`,
      code: `EventHubDestination.fromEventHubId(this, "EventHub${n}", ${id}, { sendRuleName: ${variable}.stringValue${on} })`,
      inputs: [
        {
          variable,
          name: `event_hub_${n}_send_rule`,
          sensitive: false,
          description: `The name of an authorization rule with Send rights on ${resourceId}`,
        },
      ],
    };
  },
} satisfies KindDeclaration;
