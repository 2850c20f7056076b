import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { SecurityCenterAutomation } from "@cdktf/provider-azurerm/lib/security-center-automation";
import { Testing } from "cdktf";
import { ContinuousExportChecks } from "../../lib";
import { CHECK_RULES, PackRule, applyRules, checkInput } from "../../lib/checks/rules";
import { readLiveAutomations } from "../../lib/live/arm-input";
import { lintAutomations } from "../../lib/live/lint";
import { SUB, WORKSPACE_ID, stackWithProvider } from "../helpers";

const RULES_DIR = join(__dirname, "..", "..", "lib", "checks", "rules");

/** A live automation with a contradictory rule set (DFC001) and no scope (DFC017). */
const LIVE = JSON.stringify({
  id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Security/automations/ExportToWorkspace`,
  properties: {
    scopes: [],
    sources: [
      {
        eventSource: "Alerts",
        ruleSets: [
          {
            rules: [
              { propertyJPath: "Severity", operator: "Equals", expectedValue: "High", propertyType: "String" },
              { propertyJPath: "Severity", operator: "Equals", expectedValue: "Low", propertyType: "String" },
            ],
          },
        ],
      },
    ],
    actions: [{ actionType: "Workspace", workspaceResourceId: WORKSPACE_ID }],
  },
});

const throwing: PackRule = {
  id: "DFC999",
  level: "error",
  summary: "a rule that always fails",
  explanation: "For the test only.",
  check: () => {
    throw new TypeError("cannot read properties of undefined (reading 'sources')\n    at the stack trace");
  },
};

describe("the rules of the pack", () => {
  test("one file per rule: each dfcNNN-*.ts file exports exactly the rule of its id, and every rule has a file", () => {
    const files = readdirSync(RULES_DIR).filter((f) => /^dfc\d{3}-[a-z0-9-]+\.ts$/.test(f));
    const ids = files.map((f) => {
      const module = require(join(RULES_DIR, f)) as Record<string, PackRule>;
      const exported = Object.values(module);
      expect(exported).toHaveLength(1);
      expect(exported[0].id).toBe(f.slice(0, 6).toUpperCase());
      return exported[0].id;
    });
    expect(ids.sort()).toEqual(CHECK_RULES.map((r) => r.id).sort());
  });

  test.each(CHECK_RULES.map((r) => [r.id, r]))("%s says what it finds, why, and at which level", (_, rule) => {
    expect(["error", "warning"]).toContain(rule.level);
    expect(rule.summary.length).toBeGreaterThan(20);
    expect(rule.explanation.length).toBeGreaterThan(20);
    expect(typeof rule.check).toBe("function");
  });

  test("docs/check-pack.md lists every rule with its level, and no other", () => {
    const docs = readFileSync(join(__dirname, "..", "..", "docs", "check-pack.md"), "utf8");
    const rows = [...docs.matchAll(/^\| (DFC\d{3}) \| (error|warning) \|/gm)].map((m) => [m[1], m[2]]);
    expect(rows.sort()).toEqual(CHECK_RULES.map((r) => [r.id, r.level]).sort());
  });

  test("ContinuousExportChecks.RULES are the rule objects (a copy of the list, so a caller cannot change the pack)", () => {
    expect(ContinuousExportChecks.RULES).not.toBe(CHECK_RULES);
    expect(ContinuousExportChecks.RULES).toHaveLength(CHECK_RULES.length);
    ContinuousExportChecks.RULES.forEach((rule, i) => expect(rule).toBe(CHECK_RULES[i]));
  });
});

describe("one application path", () => {
  test("a rule's findings carry its id, in the order of the rules", () => {
    const [automation] = readLiveAutomations(LIVE, "test");
    const findings = applyRules(CHECK_RULES, checkInput({ origin: "live", automations: [automation.view] }));
    expect(findings.map((f) => f.ruleId)).toEqual(["DFC001", "DFC017"]);
    expect(findings.every((f) => f.address === automation.id && f.level === undefined)).toBe(true);
  });

  test("a rule whose body throws becomes a warning naming the rule; the other rules still run", () => {
    const [automation] = readLiveAutomations(LIVE, "test");
    const findings = applyRules([throwing, ...CHECK_RULES], checkInput({ origin: "live", automations: [automation.view] }));
    expect(findings.map((f) => f.ruleId)).toEqual(["DFC999", "DFC001", "DFC017"]);
    expect(findings[0]).toEqual({
      ruleId: "DFC999",
      address: "",
      level: "warning",
      message:
        "the check DFC999 (a rule that always fails) could not run, so its findings are unknown: cannot read properties of undefined (reading 'sources')",
    });
  });

  test("lint: a throwing rule is a warning finding, the live automation's findings are unchanged", () => {
    const live = readLiveAutomations(LIVE, "test");
    const findings = lintAutomations(live, [throwing, ...CHECK_RULES]);
    expect(findings.map((f) => [f.ruleId, f.level])).toEqual([
      ["DFC999", "warning"],
      ["DFC001", "error"],
      ["DFC017", "error"],
    ]);
    expect(findings[0].message).toMatch(/^the check DFC999 \(a rule that always fails\) could not run/);
    expect(lintAutomations(live)).toEqual(findings.slice(1));
  });

  test("in a stack: a throwing rule is a warning on the stack, and the other rules still annotate their resources", () => {
    const { stack } = stackWithProvider();
    new SecurityCenterAutomation(stack, "Hand", {
      name: "hand",
      location: "westeurope",
      resourceGroupName: "rg",
      scopes: [`/subscriptions/${SUB}`],
      source: [
        {
          eventSource: "Alerts",
          ruleSet: [
            {
              rule: [
                { propertyPath: "Severity", operator: "Equals", expectedValue: "High", propertyType: "String" },
                { propertyPath: "Severity", operator: "Equals", expectedValue: "Low", propertyType: "String" },
              ],
            },
          ],
        },
      ],
      action: [{ type: "Workspace", resourceId: WORKSPACE_ID }],
    });
    const pack = ContinuousExportChecks.addTo(stack);
    (pack as unknown as { rules: readonly PackRule[] }).rules = [throwing, ...CHECK_RULES];
    Testing.synth(stack);
    const onStack = stack.node.metadata.filter((m) => String(m.data).startsWith("[DFC"));
    expect(onStack.map((m) => m.type)).toEqual(["@cdktf/warn"]);
    expect(String(onStack[0].data)).toMatch(/^\[DFC999\] the check DFC999 \(a rule that always fails\) could not run/);
    const onResource = stack.node
      .findAll()
      .filter((c) => c !== stack)
      .flatMap((c) => c.node.metadata.filter((m) => String(m.data).startsWith("[DFC")));
    expect(onResource.map((m) => [String(m.data).slice(1, 7), m.type])).toEqual([["DFC001", "@cdktf/error"]]);
  });
});
