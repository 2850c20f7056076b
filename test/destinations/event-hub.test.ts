import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { ConsumerAccess, EventHubDestination, EventHubSku } from "../../lib";
import { EVENT_HUB_ID, errorOf, onlyResource, resourcesOf, stackWithProvider, synthJson, resolved } from "../helpers";

const props = { namespaceName: "evhns-test-01", resourceGroupName: "rg-hub", location: "westeurope" };

describe("EventHubDestination (new)", () => {
  test("creates namespace, event hub and a Send-only rule; the connection string is a reference to the rule", () => {
    const { stack } = stackWithProvider();
    const d = new EventHubDestination(stack, "Hub", props);
    const json = synthJson(stack);
    expect(onlyResource(json, "azurerm_eventhub_namespace")).toMatchObject({
      name: "evhns-test-01",
      sku: "Standard",
      capacity: 1,
      minimum_tls_version: "1.2",
      lifecycle: { prevent_destroy: true },
    });
    expect(onlyResource(json, "azurerm_eventhub")).toMatchObject({
      name: "defender-export",
      partition_count: 4,
      message_retention: 7,
      lifecycle: { prevent_destroy: true },
    });
    expect(onlyResource(json, "azurerm_eventhub_authorization_rule")).toMatchObject({
      name: "defender-export-send",
      send: true,
      listen: false,
      manage: false,
    });
    const action = resolved(stack, d.bind(stack));
    expect(action.resourceId).toBe("${azurerm_eventhub.Hub_EventHub_FF1A67BA.id}");
    expect(action.connectionString).toBe("${azurerm_eventhub_authorization_rule.Hub_SendRule_09EBDABB.primary_connection_string}");
    expect(JSON.stringify(json)).not.toMatch(/Endpoint=sb:|SharedAccessKey=/);
  });

  test("Basic tier keeps one day by default; retention outside the tier's range is refused", () => {
    const { stack } = stackWithProvider();
    new EventHubDestination(stack, "Hub", { ...props, sku: EventHubSku.BASIC });
    expect(onlyResource(synthJson(stack), "azurerm_eventhub").message_retention).toBe(1);
    expect(errorOf(() => new EventHubDestination(stack, "Long", { ...props, sku: EventHubSku.BASIC, messageRetentionDays: 7 }))).toMatch(
      /DFE047\] test\/Long: .*Basic tier: 1 to 1 days/,
    );
  });

  test("a reader with a Listen-only rule on its own consumer group", () => {
    const { stack } = stackWithProvider();
    const d = new EventHubDestination(stack, "Hub", props);
    const consumer = d.addConsumer("Splunk", { consumerGroupName: "splunk" });
    const json = synthJson(stack);
    expect(onlyResource(json, "azurerm_eventhub_consumer_group")).toMatchObject({
      name: "splunk",
      eventhub_name: "${azurerm_eventhub.Hub_EventHub_FF1A67BA.name}",
    });
    const rules = Object.values(resourcesOf(json, "azurerm_eventhub_authorization_rule")) as any[];
    expect(rules.find((r) => r.name === "splunk-listen")).toMatchObject({ listen: true, send: false, manage: false });
    expect(resolved(stack, consumer.listenConnectionString)).toBe(
      "${azurerm_eventhub_authorization_rule.Hub_Splunk_ListenRule_D948CDF0.primary_connection_string}",
    );
    expect(json.output).toBeUndefined();
  });

  test("a reader with the Data Receiver role, scoped to the event hub itself", () => {
    const { stack } = stackWithProvider();
    const d = new EventHubDestination(stack, "Hub", props);
    d.addConsumer("Sentinel", { consumerGroupName: "sentinel", access: ConsumerAccess.dataReceiver("11111111-1111-1111-1111-111111111111") });
    expect(onlyResource(synthJson(stack), "azurerm_role_assignment")).toEqual(
      expect.objectContaining({
        scope: "${azurerm_eventhub.Hub_EventHub_FF1A67BA.id}",
        role_definition_name: "Azure Event Hubs Data Receiver",
        principal_id: "11111111-1111-1111-1111-111111111111",
        principal_type: "ServicePrincipal",
      }),
    );
  });

  test("Basic tier cannot have consumer groups", () => {
    const { stack } = stackWithProvider();
    const d = new EventHubDestination(stack, "Hub", { ...props, sku: EventHubSku.BASIC });
    expect(errorOf(() => d.addConsumer("Siem", { consumerGroupName: "siem" }))).toMatch(/DFE043\] test\/Hub\/Siem: the Basic tier/);
  });

  test("an invalid namespace name is refused", () => {
    const { stack } = stackWithProvider();
    expect(errorOf(() => new EventHubDestination(stack, "Hub", { ...props, namespaceName: "ns" }))).toMatch(/DFE046/);
  });
});

describe("EventHubDestination.fromEventHubId", () => {
  const hubSubscription = (stack: TerraformStack) =>
    new AzurermProvider(stack, "siem", { alias: "siem", features: [{}], subscriptionId: "00000000-0000-0000-0000-000000000099" });

  test("reads the Send rule's connection string through a data source that fails the plan without Send", () => {
    const { stack } = stackWithProvider();
    const d = EventHubDestination.fromEventHubId(stack, "Siem", EVENT_HUB_ID, { sendRuleName: "defender-send", provider: hubSubscription(stack) });
    const json = synthJson(stack);
    const rule = json.data.azurerm_eventhub_authorization_rule.Siem_SendRule_66FEC021;
    expect(rule).toMatchObject({ name: "defender-send", namespace_name: "evhns-siem", eventhub_name: "defender", resource_group_name: "rg-siem" });
    expect(rule.lifecycle.postcondition[0].condition).toBe("${self.send}");
    expect(resolved(stack, d.bind(stack))).toMatchObject({
      resourceId: EVENT_HUB_ID,
      connectionString: "${data.azurerm_eventhub_authorization_rule.Siem_SendRule_66FEC021.primary_connection_string}",
    });
    expect(resourcesOf(json, "azurerm_eventhub")).toEqual({});
  });

  test("a reader on an existing hub", () => {
    const { stack } = stackWithProvider();
    EventHubDestination.fromEventHubId(stack, "Siem", EVENT_HUB_ID, { sendRuleName: "s", provider: hubSubscription(stack) }).addConsumer("Qradar", {
      consumerGroupName: "qradar",
    });
    expect(onlyResource(synthJson(stack), "azurerm_eventhub_consumer_group")).toMatchObject({
      name: "qradar",
      namespace_name: "evhns-siem",
      eventhub_name: "defender",
    });
  });

  test("the rule must be read through a provider of the hub's subscription", () => {
    const { stack } = stackWithProvider();
    EventHubDestination.fromEventHubId(stack, "Siem", EVENT_HUB_ID, { sendRuleName: "s" });
    expect(errorOf(() => Testing.synth(stack, true))).toMatch(
      /\[DFE064\] test\/Siem: the event hub is in subscription 0{8}-0{4}-0{4}-0{4}-0{10}99, but its Send rule is read through test\/azurerm, which reads subscription 0{8}-0{4}-0{4}-0{4}-0{11}1\./,
    );
  });

  test("bad input is refused", () => {
    const { stack } = stackWithProvider();
    expect(
      errorOf(() => EventHubDestination.fromEventHubId(stack, "A", EVENT_HUB_ID.replace("/eventhubs/defender", ""), { sendRuleName: "s" })),
    ).toMatch(/DFE040\] test\/A: .*event hub resource id/);
    expect(errorOf(() => EventHubDestination.fromEventHubId(stack, "B", EVENT_HUB_ID, { sendRuleName: "" }))).toMatch(/DFE045/);
    const id = new TerraformVariable(stack, "hub_id", { type: "string" });
    expect(errorOf(() => EventHubDestination.fromEventHubId(stack, "C", id.stringValue, { sendRuleName: "s" }))).toMatch(/DFE044.*literal id/);
  });
});
