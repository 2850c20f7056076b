import { AzureadProvider as CdktfAzureadProvider } from "@cdktf/provider-azuread/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import {
  AzapiProvider,
  AzureadProvider,
  ConsumerAccess,
  ContinuousExport,
  EventHubDestination,
  EventHubSku,
  Export,
  SecurityResourceProvider,
  TrustedServiceOptions,
} from "../../lib";
import { EVENT_HUB_ID, SUB, errorOf, onlyResource, resourcesOf, stackWithProvider, synthJson } from "../helpers";

const SRP_APP_ID = "8edd93e1-2103-40b4-bd70-6e34e586362d";
const props = { namespaceName: "evhns-locked-01", resourceGroupName: "rg-hub", location: "westeurope" };

function lockedDownStack(principal?: SecurityResourceProvider) {
  const { stack } = stackWithProvider();
  new AzapiProvider(stack, "azapi", {});
  new AzureadProvider(stack, "azuread", {});
  const hub = new EventHubDestination(stack, "Hub", { ...props, trustedService: { principal } });
  new ContinuousExport(stack, "Export", {
    subscriptionId: SUB,
    resourceGroupName: "rg",
    location: "westeurope",
    exports: [Export.alerts(), Export.recommendations()],
    destinations: [hub],
  });
  return { stack, hub };
}

describe("EventHubDestination in trusted-service mode", () => {
  test("locks the namespace down: firewall Deny with trusted services, local auth off", () => {
    const json = synthJson(lockedDownStack().stack);
    expect(onlyResource(json, "azurerm_eventhub_namespace")).toMatchObject({
      sku: "Standard",
      local_authentication_enabled: false,
      network_rulesets: [{ default_action: "Deny", trusted_service_access_enabled: true, public_network_access_enabled: true }],
    });
  });

  test("no authorization rule and no connection string anywhere in the output", () => {
    const { stack } = lockedDownStack();
    const text = Testing.synth(stack, true);
    expect(resourcesOf(JSON.parse(text), "azurerm_eventhub_authorization_rule")).toEqual({});
    expect(JSON.parse(text).data?.azurerm_eventhub_authorization_rule).toBeUndefined();
    expect(text).not.toMatch(/connection_string|connectionString|SharedAccessKey/);
  });

  test("grants Azure Event Hubs Data Sender on the event hub, not the namespace, to the Security Resource Provider looked up by app id", () => {
    const json = synthJson(lockedDownStack().stack);
    const role = onlyResource(json, "azurerm_role_assignment");
    expect(role).toMatchObject({
      scope: "${azurerm_eventhub.Hub_EventHub_FF1A67BA.id}",
      role_definition_name: "Azure Event Hubs Data Sender",
      principal_type: "ServicePrincipal",
      principal_id: "${data.azuread_service_principal.Hub_SecurityResourceProvider_12B84AE3.object_id}",
    });
    expect(json.data.azuread_service_principal.Hub_SecurityResourceProvider_12B84AE3).toMatchObject({ client_id: SRP_APP_ID });
  });

  test("an object id instead of the lookup needs no azuread provider", () => {
    const { stack } = stackWithProvider();
    new AzapiProvider(stack, "azapi", {});
    const hub = new EventHubDestination(stack, "Hub", {
      ...props,
      trustedService: { principal: SecurityResourceProvider.byObjectId("22222222-2222-2222-2222-222222222222") },
    });
    new ContinuousExport(stack, "Export", {
      subscriptionId: SUB,
      resourceGroupName: "rg",
      location: "westeurope",
      exports: [Export.alerts()],
      destinations: [hub],
    });
    const json = synthJson(stack);
    expect(onlyResource(json, "azurerm_role_assignment").principal_id).toBe("22222222-2222-2222-2222-222222222222");
    expect(json.data).toBeUndefined();
  });

  test("readers use Entra ID: a Listen rule is refused, the Data Receiver role works", () => {
    const { hub, stack } = lockedDownStack();
    expect(errorOf(() => hub.addConsumer("Splunk", { consumerGroupName: "splunk" }))).toMatch(
      /DFE055\] test\/Hub\/Splunk: the namespace has local \(SAS\) authentication switched off/,
    );
    hub.addConsumer("Sentinel", { consumerGroupName: "sentinel", access: ConsumerAccess.dataReceiver("44444444-4444-4444-4444-444444444444") });
    const roles = Object.values(resourcesOf(synthJson(stack), "azurerm_role_assignment")) as any[];
    expect(roles.map((r) => r.role_definition_name).sort()).toEqual(["Azure Event Hubs Data Receiver", "Azure Event Hubs Data Sender"]);
  });

  test("Basic tier is refused", () => {
    const { stack } = stackWithProvider();
    expect(errorOf(() => new EventHubDestination(stack, "Hub", { ...props, sku: EventHubSku.BASIC, trustedService: {} }))).toMatch(
      /DFE051\] test\/Hub: export as a trusted service needs a namespace firewall/,
    );
  });

  test("the lookup without an azuread provider gets the line to add", () => {
    const { stack } = stackWithProvider();
    new AzapiProvider(stack, "azapi", {});
    const hub = new EventHubDestination(stack, "Hub", { ...props, trustedService: {} });
    new ContinuousExport(stack, "Export", {
      subscriptionId: SUB,
      resourceGroupName: "rg",
      location: "westeurope",
      exports: [Export.alerts()],
      destinations: [hub],
    });
    expect(errorOf(() => Testing.synth(stack, true))).toMatch(
      /\[DFE052\] test\/Hub: .*new AzureadProvider\(this, "azuread", \{ tenantId: "<destination tenant>" \}\)/,
    );
  });

  test("an object id that is not a GUID is refused", () => {
    expect(errorOf(() => SecurityResourceProvider.byObjectId("Windows Azure Security Resource Provider"))).toMatch(/DFE054/);
  });

  test("the lookup works with the library's own azuread binding and with @cdktf/provider-azuread's provider alike", () => {
    for (const add of [
      (stack: TerraformStack) => new AzureadProvider(stack, "azuread", {}),
      (stack: TerraformStack) => new CdktfAzureadProvider(stack, "azuread", {}),
    ]) {
      const { stack } = stackWithProvider();
      add(stack);
      new EventHubDestination(stack, "Hub", { ...props, trustedService: {} });
      const json = synthJson(stack);
      expect(Object.values(json.data.azuread_service_principal)).toEqual([expect.objectContaining({ client_id: SecurityResourceProvider.APP_ID })]);
    }
  });
});

describe("an existing event hub as a trusted service", () => {
  test("grants the sender role on the given event hub and reads no rule", () => {
    const { stack } = stackWithProvider();
    const hub = EventHubDestination.fromEventHubId(stack, "Siem", EVENT_HUB_ID, {
      trustedService: { principal: SecurityResourceProvider.byObjectId("22222222-2222-2222-2222-222222222222") },
    });
    expect(hub.description).toBe("Event Hub evhns-siem/defender (existing, trusted service, no keys, in rg-siem)");
    const json = synthJson(stack);
    expect(onlyResource(json, "azurerm_role_assignment")).toMatchObject({
      scope: EVENT_HUB_ID,
      role_definition_name: "Azure Event Hubs Data Sender",
    });
    expect(json.data).toBeUndefined();
    const action = hub.bind(stack);
    expect(action).toMatchObject({ resourceId: EVENT_HUB_ID, trustedService: true });
    expect(action.connectionString).toBeUndefined();
  });

  test("a Send rule together with trusted service is refused", () => {
    const { stack } = stackWithProvider();
    expect(errorOf(() => EventHubDestination.fromEventHubId(stack, "Siem", EVENT_HUB_ID, { sendRuleName: "send", trustedService: {} }))).toMatch(
      /DFE045.*uses no authorization rule/,
    );
  });
});

describe("readers of a locked namespace", () => {
  const locked = (stack: TerraformStack, trustedService: TrustedServiceOptions) =>
    new EventHubDestination(stack, "Hub", { namespaceName: "evhns-locked-01", resourceGroupName: "rg-hub", location: "westeurope", trustedService });
  const principal = SecurityResourceProvider.byObjectId("22222222-2222-2222-2222-222222222222");
  const warningsOf = (stack: TerraformStack) =>
    stack.node
      .findAll()
      .flatMap((c) => c.node.metadata)
      .filter((m) => m.type === "@cdktf/warn")
      .map((m) => String(m.data));

  test("allowed IP ranges and subnets become the namespace's network rules, under default action Deny", () => {
    const { stack } = stackWithProvider();
    const subnet =
      "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/siem";
    locked(stack, { principal, allowedIpRanges: ["203.0.113.0/24"], allowedSubnetIds: [subnet] }).addConsumer("Siem", {
      consumerGroupName: "siem",
      access: ConsumerAccess.dataReceiver("33333333-3333-3333-3333-333333333333"),
    });
    const [rules] = onlyResource(synthJson(stack), "azurerm_eventhub_namespace").network_rulesets;
    expect(rules).toMatchObject({
      default_action: "Deny",
      trusted_service_access_enabled: true,
      ip_rule: [{ ip_mask: "203.0.113.0/24", action: "Allow" }],
      virtual_network_rule: [{ subnet_id: subnet }],
    });
    expect(warningsOf(stack)).toEqual([]);
  });

  test("a reader with no way in is warned about; malformed ranges are refused; an existing namespace's firewall is not ours", () => {
    const { stack } = stackWithProvider();
    locked(stack, { principal }).addConsumer("Siem", {
      consumerGroupName: "siem",
      access: ConsumerAccess.dataReceiver("33333333-3333-3333-3333-333333333333"),
    });
    expect(warningsOf(stack)).toEqual([expect.stringMatching(/^\[DFW006\] test\/Hub\/Siem: .*private endpoint/)]);
    const other = stackWithProvider().stack;
    expect(errorOf(() => locked(other, { principal, allowedIpRanges: ["everyone"] }))).toMatch(/DFE223.*allowedIpRanges/);
    const hubId =
      "/subscriptions/00000000-0000-0000-0000-000000000099/resourceGroups/rg/providers/Microsoft.EventHub/namespaces/evhns-existing/eventhubs/eh";
    expect(
      errorOf(() =>
        EventHubDestination.fromEventHubId(other, "Existing", hubId, { trustedService: { principal, allowedIpRanges: ["203.0.113.7"] } }),
      ),
    ).toMatch(/DFE045.*yours to manage/);
  });
});
