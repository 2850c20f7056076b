import { auditPage } from "../../lib/audit/audit-page";
import { FlowGraphBuilder } from "../../lib/diagram/builder";
import { flowGraphOfStacks } from "../../lib/diagram/from-stacks";
import { DestinationKind } from "../../lib/destinations/destination";
import { exampleStacks } from "../diagram/example-stacks";

const stacks = exampleStacks();
const page = (names: RegExp) => auditPage(flowGraphOfStacks(stacks.filter((s) => names.test(s.name))), "examples");

describe("the audit page (explain --format markdown)", () => {
  test("the cross-tenant example: what goes where, the guest's built-in role marked cross-tenant, the path, health, Sentinel readiness", () => {
    const text = page(/^cross-tenant-guest$/);
    expect(text).toContain(
      "| subscription 00000000-0000-0000-0000-000000000008 | 00000000-0000-0000-0000-0000000000aa | Security alerts (streaming)<br>Security recommendations (streaming) where severity is Medium or High | Log Analytics workspace **law-soc** (existing) | 00000000-0000-0000-0000-0000000000cc |",
    );
    expect(text).toContain(
      "| principal 00000000-0000-0000-0000-0000000000dd | Log Analytics Contributor (role assignment) | 92aaf0da-9dab-42b6-94a3-d43ce8d16293 | Log Analytics workspace law-soc | 00000000-0000-0000-0000-0000000000cc | **yes** |",
    );
    expect(text).toMatch(
      /## Cross-tenant paths\n\n- subscription 00000000-0000-0000-0000-000000000008 \(tenant [0-]+aa\) → Log Analytics workspace law-soc \(tenant [0-]+cc\): Log Analytics Contributor/,
    );
    expect(text).toContain("- Log Analytics workspace law-soc: no health alert: a silent export goes unnoticed");
    expect(text).toMatch(
      /\| CMMC 2\.0 Level 1 \(Foundational\) Readiness Posture \| CMMC 2\.0 \| no data \| SecurityRegulatoryCompliance is not exported to this workspace\. \|/,
    );
  });

  test("Lighthouse delegations to another tenant are cross-tenant; the policy route's data types decide its readiness", () => {
    const mssp = page(/^mssp-lighthouse$/);
    expect(mssp).toMatch(
      /managing tenant [0-]+cc: principal .* \| Security Admin \(Lighthouse\) \| fb1c8493-542b-48eb-b624-b4c8fea62acd \| .* \| [0-]+1c1 \| \*\*yes\*\* \|/,
    );
    const policy = page(/^management-group-policy$/);
    expect(policy).toContain("| Azure Policy at contoso-landingzones |");
    expect(policy).toMatch(/\| NIST SP 800-53 Posture Changed \| NIST SP 800-53 \| no data \| SecurityRegulatoryCompliance is not exported/);
  });

  test("stable: the same stacks in any order give the same page, with nothing that depends on the time", () => {
    const a = auditPage(flowGraphOfStacks(stacks), "x");
    const b = auditPage(flowGraphOfStacks([...stacks].reverse()), "x");
    expect(a).toBe(b);
    expect(a).not.toMatch(/20\d\d-\d\d-\d\d/);
  });

  test("names are one table cell: pipes, line breaks and markup cannot add a row or a column", () => {
    const builder = new FlowGraphBuilder();
    builder.destination({ key: "w", kind: DestinationKind.WORKSPACE, name: "law|x\n| injected | row |<img src=x>", created: false });
    builder.flow({ subscriptionId: "s", via: "automation" }, "w", ["data | more"]);
    const text = auditPage(builder.build(), "t|itle\n# heading");
    const rows = text.split("\n").filter((l) => l.startsWith("| subscription"));
    expect(rows).toHaveLength(1);
    expect(rows[0].split(/(?<!\\)\|/).length - 2).toBe(5);
    expect(text).not.toMatch(/(?<!\\)<img/);
    expect(text.split("\n").filter((l) => l.startsWith("# "))).toHaveLength(1);
  });
});
