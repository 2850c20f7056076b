import { checkInput } from "../../lib/checks/rules";
import { DFC006 } from "../../lib/checks/rules/dfc006-portal-visibility";
import { DFC011 } from "../../lib/checks/rules/dfc011-shared-delegations";

const checkPortalVisibility = (automations: AutomationView[]) => DFC006.check(checkInput({ origin: "stack", automations }));
import { AutomationView } from "../../lib/writers/automation-view";
import { AZAPI_WRITER } from "../../lib/writers/azapi-writer";

/**
 * The check pack's findings grow with their input, not with its square: each finding names its own
 * automation (or assignment) and its place among the others, never every other one's address.
 */
const SUB = "00000000-0000-0000-0000-000000000001";

/** n automations named ExportToWorkspace (in varied letter case) in one subscription, with addresses of `width` characters. */
function sameNamed(n: number, width: number): AutomationView[] {
  return Array.from({ length: n }, (_, i) => ({
    address: `azapi_resource.${String(i).padStart(width, "x")}`,
    writer: AZAPI_WRITER,
    name: i % 2 === 0 ? "ExportToWorkspace" : "exporttoworkspace",
    subscriptionId: i % 3 === 0 ? SUB : SUB.toUpperCase(),
    enabled: true,
    scopes: [],
    sources: [],
    actions: [],
  }));
}
const size = (value: unknown) => JSON.stringify(value).length;

describe("DFC006: same-named automations", () => {
  test("one finding per automation, each naming itself and its place, across letter cases of name and subscription", () => {
    const findings = checkPortalVisibility(sameNamed(3, 4));
    expect(findings.map((f) => f.address)).toEqual(["azapi_resource.xxx0", "azapi_resource.xxx1", "azapi_resource.xxx2"]);
    expect(findings[1].message).toMatch(/^automation 2 of 3 named exporttoworkspace \(letter case aside\) in subscription /);
    for (const f of findings) expect(f.message).not.toMatch(/azapi_resource/);
  });

  test("the output is linear in the input: doubling the automations (with long addresses) doubles the output", () => {
    const small = sameNamed(2_000, 1_000);
    const large = sameNamed(4_000, 1_000);
    const out = (views: AutomationView[]) => size(checkPortalVisibility(views));
    expect(out(large) / out(small)).toBeLessThan(2.1);
    expect(out(large)).toBeLessThan(2 * size(large.map((v) => ({ address: v.address, name: v.name, subscriptionId: v.subscriptionId }))));
  });
});

describe("DFC011: one scope delegated to several managing tenants", () => {
  const delegations = (n: number) => {
    const definitions = new Map([
      ["azurerm_lighthouse_definition.a", { managing_tenant_id: "aaaaaaaa-0000-0000-0000-000000000001" }],
      ["azurerm_lighthouse_definition.c", { managing_tenant_id: "cccccccc-0000-0000-0000-000000000001" }],
    ]);
    const assignments = new Map(
      Array.from({ length: n }, (_, i) => [
        `azurerm_lighthouse_assignment.${String(i).padStart(1_000, "x")}`,
        {
          // One scope, written in two letter cases and with a trailing slash: Azure reads one resource group.
          scope: i % 2 === 0 ? `/subscriptions/${SUB}/resourceGroups/rg-soc` : `/SUBSCRIPTIONS/${SUB}/resourcegroups/RG-SOC/`,
          lighthouse_definition_id: `\${azurerm_lighthouse_definition.${i % 2 === 0 ? "a" : "c"}.id}`,
        },
      ]),
    );
    return DFC011.check(checkInput({ origin: "stack", delegations: assignments, definitions }));
  };

  test("one scope in two spellings is one scope; each finding names its own assignment and tenant", () => {
    const findings = delegations(2);
    expect(findings).toHaveLength(2);
    // Scopes compared as Azure compares ids (the message gives the scope lower-cased), one finding per assignment.
    expect(findings[1].message).toMatch(/^\/subscriptions\/.* is delegated to managing tenant cccccccc.*\(this assignment and 1 other\)/);
  });

  test("the output is linear in the input", () => {
    expect(size(delegations(4_000)) / size(delegations(2_000))).toBeLessThan(2.1);
  });
});
