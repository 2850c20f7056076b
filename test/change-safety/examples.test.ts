import { addExampleStacks } from "../../examples/stacks";
import { EDITS } from "./catalogue";
import { withEdit } from "./request-edits";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { outcomeOf } from "./outcome";
import { losses, planApp, synthStacks, withAction } from "./synth";
import { terraformAvailable, terraformPlan } from "./terraform-planner";
import { StackPlan } from "./planner";

// The request edits reach every construct the examples build: the constructors take their props
// through the active edit (see request-edits.ts).
jest.mock("../../lib/continuous-export", () => {
  const actual = jest.requireActual("../../lib/continuous-export");
  const { editedExportId, editedProps } = require("./request-edits");
  class ContinuousExport extends actual.ContinuousExport {
    constructor(scope: any, id: string, props: any, ...internal: any[]) {
      // A fleet's members are edited through the fleet's props.
      const inFleet = scope?.constructor?.name === "ContinuousExportFleet";
      super(scope, inFleet ? id : editedExportId(id), inFleet ? props : editedProps("exportProps", props, scope, id), ...internal);
    }
  }
  return { ...actual, ContinuousExport };
});
jest.mock("../../lib/access/cross-tenant-access", () => {
  const actual = jest.requireActual("../../lib/access/cross-tenant-access");
  const { editedProps } = require("./request-edits");
  class CrossTenantAccess extends actual.CrossTenantAccess {
    constructor(scope: any, id: string, props: any) {
      super(scope, id, editedProps("grantProps", props, scope, id));
    }
  }
  return { ...actual, CrossTenantAccess };
});
jest.mock("../../lib/destinations/log-analytics", () => {
  const actual = jest.requireActual("../../lib/destinations/log-analytics");
  const { editedWorkspaceId } = require("./request-edits");
  class LogAnalyticsDestination extends actual.LogAnalyticsDestination {
    static fromWorkspaceId(scope: any, id: string, workspaceId: string, options?: any) {
      return actual.LogAnalyticsDestination.fromWorkspaceId(scope, editedWorkspaceId(id), workspaceId, options);
    }
  }
  return { ...actual, LogAnalyticsDestination };
});
jest.mock("../../lib/fleet/continuous-export-fleet", () => {
  const actual = jest.requireActual("../../lib/fleet/continuous-export-fleet");
  const { editedProps } = require("./request-edits");
  class ContinuousExportFleet extends actual.ContinuousExportFleet {
    constructor(scope: any, id: string, props: any) {
      super(scope, id, editedProps("fleetProps", props, scope, id));
    }
  }
  return { ...actual, ContinuousExportFleet };
});

const before = synthStacks(addExampleStacks);

test("the examples synthesized again unchanged plan no change at all", () => {
  const plans = planApp(before, synthStacks(addExampleStacks));
  const changes = [...plans].flatMap(([stack, plan]) =>
    [...plan.values()].filter((p) => p.action !== "kept").map((p) => `${stack}: ${p.address} ${p.action}`),
  );
  expect(changes).toEqual([]);
});

/** The rows of the "Safe changes" table (docs/safe-changes.md): edit → what Terraform does. */
function safeChangesTable(): Map<string, string> {
  const guide = readFileSync(join(__dirname, "..", "..", "docs", "safe-changes.md"), "utf8");
  const section = guide.slice(guide.indexOf("## Safe changes"), guide.indexOf("\n## ", guide.indexOf("## Safe changes") + 3));
  const rows = section.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| edit") && !line.startsWith("|---"));
  return new Map(rows.map((line) => line.split("|").map((cell) => cell.trim())).map((cells) => [cells[1], cells[2]]));
}
const table = safeChangesTable();

/** Terraform on the PATH (it needs no provider registry here: see terraform-planner.ts); without it the cross-check is skipped, and says so. */
const withTerraform = terraformAvailable() ? test : test.skip;
if (!terraformAvailable()) console.warn("terraform is not on the PATH: the cross-checks against Terraform's own planner are skipped");

/** A plan as `address action [<- moved from]` lines, for comparing the model with Terraform. */
const lines = (plan: StackPlan) => [...plan.values()].map((p) => `${p.address} ${p.action}${p.movedFrom ? ` <- ${p.movedFrom}` : ""}`).sort();

describe.each(EDITS.map((edit) => [edit.name, edit] as const))("every example, edited: %s", (_name, edit) => {
  let after = new Map<string, any>();
  let applied = 0;
  let error: string | undefined;
  try {
    ({ result: after, applied } = withEdit(edit, () => synthStacks(addExampleStacks)));
  } catch (e) {
    error = (e as Error).message;
  }
  const plans = planApp(before, after);

  test("the edited examples synthesize", () => {
    expect(error).toBeUndefined();
  });

  test("the edit reaches at least one construct of the examples", () => {
    expect(applied).toBeGreaterThan(0);
  });

  test("the Safe changes table (docs/safe-changes.md) says what Terraform does", () => {
    expect(table.get(edit.name)).toBe(outcomeOf(plans));
  });

  withTerraform("Terraform's own planner plans the same as the model (the smallest changed stacks)", () => {
    const changed = [...plans].filter(([, plan]) => [...plan.values()].some((p) => p.action !== "kept" || p.movedFrom));
    const smallest = changed.sort(([, a], [, b]) => a.size - b.size).slice(0, 3);
    for (const [stack, plan] of smallest) {
      expect({ stack, plan: lines(terraformPlan(before.get(stack), after.get(stack))) }).toEqual({ stack, plan: lines(plan) });
    }
  });

  test("nothing is destroyed or replaced that the edit did not remove", () => {
    expect(losses(plans, edit.removes)).toEqual([]);
  });

  test("a resource that changes type is handed over: forgotten at the old address, imported (not created) at the new", () => {
    const nameOf = (entry: string) => entry.replace(/ [a-z_]+\./, " ");
    const created = new Set(withAction(plans, "created").map(nameOf));
    expect(withAction(plans, "forgotten").filter((entry) => created.has(nameOf(entry)))).toEqual([]);
  });
});
