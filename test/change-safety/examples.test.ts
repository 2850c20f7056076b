import { addExampleStacks } from "../../examples/stacks";
import { EDITS } from "./catalogue";
import { withEdit } from "./request-edits";
import { losses, planApp, synthStacks, withAction } from "./synth";

// The request edits reach every construct the examples build: the constructors take their props
// through the active edit (see request-edits.ts).
jest.mock("../../lib/continuous-export", () => {
  const actual = jest.requireActual("../../lib/continuous-export");
  const { editedProps } = require("./request-edits");
  class ContinuousExport extends actual.ContinuousExport {
    constructor(scope: any, id: string, props: any) {
      // A fleet's members are edited through the fleet's props.
      const inFleet = scope?.constructor?.name === "ContinuousExportFleet";
      super(scope, id, inFleet ? props : editedProps("exportProps", props, scope, id));
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
  const changes = [...plans].flatMap(([stack, plan]) => [...plan.values()].filter((p) => p.action !== "kept").map((p) => `${stack}: ${p.address} ${p.action}`));
  expect(changes).toEqual([]);
});

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

  test("nothing is destroyed or replaced that the edit did not remove", () => {
    expect(losses(plans, edit.removes)).toEqual([]);
  });

  test("every address that changes resource type is handed over: forgotten at the old, imported at the new", () => {
    const forgotten = withAction(plans, "forgotten");
    const imported = withAction(plans, "imported");
    expect(forgotten.length).toBe(imported.length);
  });
});
