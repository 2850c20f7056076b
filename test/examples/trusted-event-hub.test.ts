import { Testing } from "cdktf";
import { onlyResource, resourcesOf } from "../helpers";
import { json, stacks, text } from "./example-app";

test("example trusted-event-hub synthesizes with validations and matches its reviewed snapshot", () => {
  expect(text("trusted-event-hub")).toMatchSnapshot();
});

test("6. a locked-down event hub receives alerts and recommendations as a trusted service, without any key", () => {
  const out = json("trusted-event-hub");
  const automation = onlyResource(out, "azapi_resource");
  expect(automation.type).toBe("Microsoft.Security/automations@2023-12-01-preview");
  expect(automation.body.properties.actions).toEqual([
    {
      actionType: "EventHub",
      eventHubResourceId: expect.stringMatching(/^\$\{azurerm_eventhub\.LockedHub_EventHub_\w+\.id\}$/),
      isTrustedServiceEnabled: true,
    },
  ]);
  expect(automation.body.properties.sources.map((x: any) => x.eventSource)).toEqual(["Alerts", "Assessments"]);
  expect(resourcesOf(out, "azurerm_security_center_automation")).toEqual({});
  expect(resourcesOf(out, "azurerm_eventhub_authorization_rule")).toEqual({});
  expect(onlyResource(out, "azurerm_eventhub_namespace")).toMatchObject({
    local_authentication_enabled: false,
    network_rulesets: [{ default_action: "Deny", trusted_service_access_enabled: true }],
  });
  const roles = Object.values(resourcesOf(out, "azurerm_role_assignment")) as any[];
  const hubId = automation.body.properties.actions[0].eventHubResourceId;
  expect(roles.map((r) => [r.role_definition_name, r.scope]).sort()).toEqual([
    ["Azure Event Hubs Data Receiver", hubId],
    ["Azure Event Hubs Data Sender", hubId],
  ]);
  expect(Testing.synth(stacks.get("trusted-event-hub")!)).not.toMatch(/connection_string|connectionString/);
});
