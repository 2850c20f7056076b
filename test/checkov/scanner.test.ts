import { App, TerraformStack, Testing } from "cdktf";
import { addExampleStacks } from "../../examples/stacks";
import { scannerView, UNLABELLED_STATE_BLOCKS } from "../../scripts/checkov/scanner-view";
import { CheckovRecord, CheckovReport, judge, renderTable, reportsOf } from "../../scripts/checkov/results";

const record = (check: string, resource: string, file = "/examples/a/cdk.tf.json"): CheckovRecord => ({
  check_id: check,
  check_name: `name of ${check}`,
  resource: `resource.${resource}`,
  file_path: file,
});
const report = (passed: CheckovRecord[], failed: CheckovRecord[], parsing: string[] = []): CheckovReport => ({
  check_type: "terraform_json",
  results: { passed_checks: passed, failed_checks: failed, parsing_errors: parsing },
  summary: { checkov_version: "3.3.30" },
});
const files = new Map([
  [
    "/examples/a/cdk.tf.json",
    new Map([
      ["Hub_Namespace", "azurerm_eventhub_namespace"],
      ["Workspace", "azurerm_log_analytics_workspace"],
    ]),
  ],
]);

describe("the view Checkov scans", () => {
  test("keeps every block but import, moved, removed and the terraform block's scalar arguments, on every example", () => {
    {
      const app = Testing.app();
      addExampleStacks(app as App);
      const stacks = app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
      const withHandOvers = stacks.filter((stack) => {
        const synthesized = JSON.parse(Testing.synth(stack)) as Record<string, unknown>;
        const view = scannerView(synthesized);
        for (const [block, value] of Object.entries(synthesized)) {
          if (UNLABELLED_STATE_BLOCKS.has(block)) expect(view[block]).toBeUndefined();
          else if (block !== "terraform") expect(view[block]).toEqual(value);
        }
        const terraform = view.terraform as Record<string, unknown>;
        expect(Object.values(terraform).every((v) => typeof v === "object" && v !== null)).toBe(true);
        expect(terraform.required_providers).toEqual((synthesized.terraform as Record<string, unknown>).required_providers);
        return [...UNLABELLED_STATE_BLOCKS].some((b) => b in synthesized);
      });
      // The examples do carry such blocks: the view is not a no-op on them.
      expect(withHandOvers.length).toBeGreaterThan(0);
    }
  });
});

describe("judging Checkov's output", () => {
  test("tallies passes and failures per check, with the resource types", () => {
    const verdict = judge([report([record("CKV_AZURE_223", "Hub_Namespace")], [record("CKV_AZURE_228", "Hub_Namespace")])], files, [
      { check: "CKV_AZURE_228", resourceType: "azurerm_eventhub_namespace", reason: "the region is the user's" },
    ]);
    expect(verdict.unexplained).toEqual([]);
    expect(verdict.tallies).toEqual([
      { check: "CKV_AZURE_223", name: "name of CKV_AZURE_223", resourceTypes: ["azurerm_eventhub_namespace"], passed: 1, failed: 0, explained: 0 },
      { check: "CKV_AZURE_228", name: "name of CKV_AZURE_228", resourceTypes: ["azurerm_eventhub_namespace"], passed: 0, failed: 0, explained: 1 },
    ]);
    expect(verdict.uncheckedTypes).toEqual(["azurerm_log_analytics_workspace"]);
    expect(renderTable(verdict, "x")).toContain("| CKV_AZURE_228 | name of CKV_AZURE_228 | azurerm_eventhub_namespace | 0 | 0 | 1 |");
  });

  test("a failure is unexplained unless both the check and the resource type match an explanation", () => {
    const failed = [record("CKV_AZURE_228", "Hub_Namespace"), record("CKV_AZURE_999", "Workspace")];
    const verdict = judge([report([], failed)], files, [
      { check: "CKV_AZURE_228", resourceType: "azurerm_log_analytics_workspace", reason: "another type" },
      { check: "CKV_AZURE_999", resourceType: "azurerm_log_analytics_workspace", reason: "explained" },
    ]);
    expect(verdict.unexplained).toEqual(["CKV_AZURE_228 azurerm_eventhub_namespace.Hub_Namespace (/examples/a/cdk.tf.json)"]);
  });

  test("parsing errors are kept, and a framework that printed only a summary is not a report", () => {
    const output = JSON.stringify([report([], [], ["/x/cdk.tf.json"]), { passed: 0, failed: 0, checkov_version: "3.3.30" }]);
    const reports = reportsOf(output);
    expect(reports).toHaveLength(1);
    expect(judge(reports, files, []).parsingErrors).toEqual(["/x/cdk.tf.json"]);
  });
});
