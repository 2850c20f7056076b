import { Aspects, TerraformStack, Testing } from "cdktf";
import { AzapiProvider, AzureadProvider, ContinuousExport, ContinuousExportChecks, EventHubDestination, Export } from "../../lib";
import { SUB, stackWithProvider } from "../helpers";

/** The DFC060 annotations of a stack, as [level, resource path, message]. */
function dfc060(stack: TerraformStack): Array<[string, string, string]> {
  Aspects.of(stack).add(new ContinuousExportChecks());
  Testing.synth(stack);
  return stack.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata
        .filter((m) => String(m.data).startsWith("[DFC060]"))
        .map((m) => [m.type === "@cdktf/error" ? "error" : "warning", c.node.path, String(m.data)] as [string, string, string]),
    );
}

function hubExport(trusted = false): { stack: TerraformStack; hub: EventHubDestination } {
  const { stack } = stackWithProvider();
  if (trusted) {
    new AzapiProvider(stack, "azapi", {});
    new AzureadProvider(stack, "azuread", {});
  }
  const hub = new EventHubDestination(stack, "Hub", {
    namespaceName: "evhns-export-01",
    resourceGroupName: "rg-export",
    location: "westeurope",
    trustedService: trusted ? {} : undefined,
  });
  new ContinuousExport(stack, "Export", {
    subscriptionId: SUB,
    resourceGroupName: "rg-export",
    location: "westeurope",
    exports: [Export.alerts()],
    destinations: [hub],
  });
  return { stack, hub };
}

describe("DFC060: a connection-string export to a namespace that refuses it", () => {
  test("the library's own hub, as created, passes (correct case)", () => {
    expect(dfc060(hubExport().stack)).toEqual([]);
  });

  test("a trusted-service hub passes with local authentication off and the firewall on (correct case)", () => {
    const { stack, hub } = hubExport(true);
    expect(Testing.synth(stack)).toContain('"local_authentication_enabled": false');
    expect(hub.eventHubNamespace).toBeDefined();
    expect(dfc060(stack)).toEqual([]);
  });

  test.each([
    ["local_authentication_enabled", false, "local (SAS key) authentication is disabled"],
    ["public_network_access_enabled", false, "public network access is disabled"],
    ["network_rulesets", [{ default_action: "Deny", trusted_service_access_enabled: true }], "network rules deny access by default"],
  ])("a namespace hardened with %s = %j is an error on the automation, naming the namespace and the fix", (argument, value, why) => {
    const { stack, hub } = hubExport();
    hub.eventHubNamespace.addOverride(argument, value);
    const found = dfc060(stack);
    expect(found).toHaveLength(1);
    const [level, path, message] = found[0];
    expect([level, path]).toEqual(["error", "test/Export/EventHub"]);
    expect(message).toContain(`azurerm_eventhub_namespace.${hub.eventHubNamespace.friendlyUniqueId}`);
    expect(message).toContain(why);
    expect(message).toContain("trustedService");
  });
});
