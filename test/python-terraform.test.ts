import { comparableTerraform } from "./python-terraform";

test("the Python comparison drops cdktf's metadata (every `//` key) and nothing else", () => {
  const stack = (version: string, path: string, location: string) =>
    JSON.stringify(
      {
        "//": { metadata: { backend: "local", stackName: "s", version }, outputs: {} },
        resource: { azurerm_resource_group: { rg: { "//": { metadata: { path, uniqueId: "rg" } }, location, name: "rg" } } },
      },
      null,
      2,
    );
  expect(comparableTerraform(stack("0.21.0", "s/rg", "westeurope"))).toBe(comparableTerraform(stack("0.20.0", "t/rg", "westeurope")));
  expect(comparableTerraform(stack("0.21.0", "s/rg", "westeurope"))).not.toBe(comparableTerraform(stack("0.21.0", "s/rg", "northeurope")));
  // Key order is part of what is compared.
  expect(comparableTerraform('{"a":1,"b":2}')).not.toBe(comparableTerraform('{"b":2,"a":1}'));
});
