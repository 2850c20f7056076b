import { eventHubKeys } from "../../lib/checks/rules/event-hub-keys";
import { ActionView, AutomationView } from "../../lib/writers/automation-view";
import { AZAPI_WRITER } from "../../lib/writers/azapi-writer";

const HUB = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.EventHub/namespaces/ns/eventhubs/h";

function automation(address: string, actions: ActionView[]): AutomationView {
  return { address, writer: AZAPI_WRITER, name: address, enabled: true, scopes: [], sources: [], actions };
}
const hub = (secret?: string, trusted = false): ActionView => ({ actionType: "EventHub", resourceId: HUB, secret, trusted });

describe("eventHubKeys: the Event Hub actions that carry a key, and what the key names", () => {
  test("only Event Hub actions with a key, in order", () => {
    const keys = eventHubKeys([
      automation("a.one", [hub("${azurerm_eventhub_authorization_rule.send.primary_connection_string}"), hub(undefined, true)]),
      automation("a.two", [
        { actionType: "Workspace", resourceId: "w", secret: "x", trusted: false },
        hub("Endpoint=sb://ns/;SharedAccessKeyName=k"),
      ]),
    ]);
    expect(keys.map((k) => [k.address, k.secret])).toEqual([
      ["a.one", "${azurerm_eventhub_authorization_rule.send.primary_connection_string}"],
      ["a.two", "Endpoint=sb://ns/;SharedAccessKeyName=k"],
    ]);
    expect(keys[1].rule).toBeUndefined();
    expect(keys[1].reference).toBeUndefined();
  });

  test("a rule's connection string names the rule; a namespace's default key or a data source is a reference only", () => {
    const [rule, namespaceRule, namespaceDefault, data] = eventHubKeys([
      automation("a.x", [
        hub("${azurerm_eventhub_authorization_rule.send.secondary_connection_string}"),
        hub("${azurerm_eventhub_namespace_authorization_rule.ns_send.primary_connection_string}"),
        hub("${azurerm_eventhub_namespace.ns.default_primary_connection_string}"),
        hub("${data.azurerm_eventhub_authorization_rule.read.primary_connection_string}"),
      ]),
    ]);
    expect(rule.rule).toBe("azurerm_eventhub_authorization_rule.send");
    expect(namespaceRule.rule).toBe("azurerm_eventhub_namespace_authorization_rule.ns_send");
    expect(namespaceDefault.rule).toBeUndefined();
    expect(namespaceDefault.reference).toEqual({ holder: "azurerm_eventhub_namespace.ns", attribute: "default_primary_connection_string" });
    expect(data.rule).toBeUndefined();
    expect(data.reference).toEqual({ holder: "data.azurerm_eventhub_authorization_rule.read", attribute: "primary_connection_string" });
  });
});
