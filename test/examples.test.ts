import { Testing } from "cdktf";
import { SHARDS, exampleStacks, stacks } from "./examples/example-app";

// Each example's reviewed snapshot and its targeted assertions are in test/examples/<example>.test.ts.
describe("examples", () => {
  test("the examples are these stacks", () => {
    expect([...stacks.keys()]).toEqual([
      "high-alerts-to-event-hub",
      "sql-findings-to-workspace",
      "recommendations-to-hub-and-workspace",
      "secure-score-to-workspace",
      "everything-to-new-workspace",
      "trusted-event-hub",
      "attack-paths-to-workspace",
      "cross-tenant-guest",
      "mssp-lighthouse",
      "management-group-policy",
      "fleet-central",
      ...SHARDS,
      "adopt-policy-export",
    ]);
  });

  test("synth is deterministic: a second app writes byte-identical JSON", () => {
    const again = exampleStacks();
    for (const [id, stack] of stacks) {
      expect(Testing.synth(again.get(id)!)).toBe(Testing.synth(stack));
    }
  });

  test("no example writes an output (but cdktf's cross-stack ones, marked sensitive), and none holds a secret literal", () => {
    for (const id of stacks.keys()) {
      const text = Testing.synth(stacks.get(id)!);
      for (const [name, output] of Object.entries(JSON.parse(text).output ?? {}) as Array<[string, any]>) {
        expect(name).toMatch(/^cross-stack-output-/);
        expect(output.sensitive).toBe(true);
      }
      expect(text).not.toMatch(/SharedAccessKey=|sig=/);
    }
  });
});
