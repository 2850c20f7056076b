import { TerraformProvider, TerraformStack, TerraformVariable } from "cdktf";
import { AutomationWriter, AzapiProvider, ContinuousExport, Export, LogAnalyticsDestination } from "../../lib";
import { admitsOlder, azapiConstraints } from "../../lib/internal/azapi-version";
import { SUB, WORKSPACE_ID, errorOf, stackWithProvider, synthJson } from "../helpers";

const OTHER_TENANT = "33333333-3333-3333-3333-333333333333";
let lastProvider: TerraformProvider;

/** An export written through azapi by a provider that sends another tenant's token. */
function crossTenantAzapiExport(configure?: (stack: TerraformStack, azapi: TerraformProvider) => void) {
  const { stack } = stackWithProvider();
  const azapi = new AzapiProvider(stack, "azapi", { auxiliaryTenantIds: [OTHER_TENANT] });
  configure?.(stack, azapi);
  lastProvider = azapi;
  new ContinuousExport(stack, "Export", {
    subscriptionId: SUB,
    resourceGroupName: "rg-export",
    location: "westeurope",
    exports: [Export.attackPaths()],
    destinations: [LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID)],
    writer: AutomationWriter.AZAPI,
  });
  return stack;
}

describe("azapi is held at 2.9 or newer (before v2.9.0 it did not send auxiliary_tenant_ids: azapi issue 419, PR 1046)", () => {
  test("the library's AzapiProvider requires ~> 2.9", () => {
    const json = synthJson(crossTenantAzapiExport());
    expect(json.terraform.required_providers.azapi).toEqual({ source: "azure/azapi", version: "~> 2.9" });
  });

  test.each([
    ["~> 2.5", true],
    ["~> 2.8.1", true],
    ["2.7.0", true],
    ["< 3.0", true],
    [">= 2.0, < 3.0", true],
    [undefined, true],
    ["~> 2.9", false],
    ["~> 2.9.0", false],
    [">= 2.9.0", false],
    ["2.10.1", false],
    [">= 2.9, != 2.9.1", false],
    ["> 2.8.9", true],
    ["> 2.8.9, >= 2.9", false],
  ])("the constraint %s admits a version before 2.9.0: %s", (constraint, older) => {
    expect(admitsOlder(constraint)).toBe(older);
  });

  test("an app's own required_providers for azapi (any spelling of the source) that admits 2.5 is refused, naming the fix", () => {
    const stack = crossTenantAzapiExport((s) =>
      s.addOverride("terraform.required_providers.azapi", { source: "registry.terraform.io/Azure/azapi", version: "~> 2.5" }),
    );
    expect(azapiConstraints(stack, lastProvider)).toEqual(new Map([["azapi", "~> 2.5"]]));
    expect(errorOf(() => synthJson(stack))).toMatch(
      /\[DFE171\] test\/Export\/.*required_providers\.azapi: "~> 2\.5".*admits versions before 2\.9\.0.*Require "~> 2\.9"/,
    );
  });

  test("an override of the version alone is read as the stack's JSON says it", () => {
    const stack = crossTenantAzapiExport((s) => s.addOverride("terraform.required_providers.azapi.version", "2.8.0"));
    expect(errorOf(() => synthJson(stack))).toMatch(/DFE171.*"2\.8\.0"/);
  });

  test("another azapi binding (a prebuilt one pinned to 2.7.0) with auxiliary tenants is refused too", () => {
    class PrebuiltAzapi extends TerraformProvider {
      public readonly auxiliaryTenantIds = [OTHER_TENANT];
      constructor(scope: TerraformStack) {
        super(scope, "azapi", {
          terraformResourceType: "azapi",
          terraformGeneratorMetadata: { providerName: "azapi", providerVersion: "2.7.0", providerVersionConstraint: "~> 2.7" },
          terraformProviderSource: "Azure/azapi",
        });
      }
    }
    const { stack } = stackWithProvider();
    new PrebuiltAzapi(stack);
    new ContinuousExport(stack, "Export", {
      subscriptionId: SUB,
      resourceGroupName: "rg-export",
      location: "westeurope",
      exports: [Export.attackPaths()],
      destinations: [LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID)],
    });
    expect(errorOf(() => synthJson(stack))).toMatch(/DFE171.*required_providers\.azapi: "2\.7\.0"/);
  });

  test("auxiliary tenants known only at apply (a variable) count as some: an older azapi is refused", () => {
    const { stack } = stackWithProvider();
    const tenants = new TerraformVariable(stack, "auxiliary_tenants", { type: "list(string)" }).listValue;
    new AzapiProvider(stack, "azapi", { auxiliaryTenantIds: tenants });
    stack.addOverride("terraform.required_providers.azapi.version", "~> 2.5");
    new ContinuousExport(stack, "Export", {
      subscriptionId: SUB,
      resourceGroupName: "rg-export",
      location: "westeurope",
      exports: [Export.attackPaths()],
      destinations: [LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID)],
    });
    expect(errorOf(() => synthJson(stack))).toMatch(/DFE171.*"~> 2\.5"/);
  });

  test("without auxiliary tenants an older azapi is the app's choice: no error", () => {
    const { stack } = stackWithProvider();
    new AzapiProvider(stack, "azapi", {});
    stack.addOverride("terraform.required_providers.azapi.version", "~> 2.5");
    new ContinuousExport(stack, "Export", {
      subscriptionId: SUB,
      resourceGroupName: "rg-export",
      location: "westeurope",
      exports: [Export.attackPaths()],
      destinations: [LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID)],
    });
    expect(() => synthJson(stack)).not.toThrow();
  });
});
