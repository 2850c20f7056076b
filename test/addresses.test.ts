import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Testing, TerraformStack } from "cdktf";
import { addExampleStacks } from "../examples/stacks";

/**
 * Data-loss guard: the Terraform address of every resource the examples create is pinned in
 * `addresses.json`. A changed construct id changes an address, and Terraform then destroys the old
 * resource (a workspace with its data, an export with a gap) and creates a new one. If this test
 * fails, keep the old id, or add a `moved` block from the old address to the new one; then refresh the
 * file with `UPDATE_ADDRESSES=1 npx jest test/addresses.test.ts`.
 */
const PINNED = join(__dirname, "addresses.json");

/** The addresses the examples' `moved` blocks move state from, by stack. */
const movedFrom: Record<string, Set<string>> = {};

function addresses(): Record<string, string[]> {
  const app = Testing.app();
  addExampleStacks(app);
  const out: Record<string, string[]> = {};
  for (const stack of app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack)) {
    const json = JSON.parse(Testing.synth(stack));
    movedFrom[stack.node.id] = new Set((json.moved ?? []).map((m: { from: string }) => m.from));
    out[stack.node.id] = [
      ...Object.entries(json.resource ?? {}).flatMap(([type, byId]) => Object.keys(byId as object).map((id) => `${type}.${id}`)),
      ...Object.entries(json.data ?? {}).flatMap(([type, byId]) => Object.keys(byId as object).map((id) => `data.${type}.${id}`)),
    ].sort();
  }
  return out;
}

test("every Terraform address the examples produce is pinned; a changed one only with a moved block from it", () => {
  const current = addresses();
  const pinned: Record<string, string[]> = JSON.parse(readFileSync(PINNED, "utf8"));
  const unmoved = Object.entries(pinned).flatMap(([stack, list]) =>
    list.filter((a) => !(current[stack] ?? []).includes(a) && !movedFrom[stack]?.has(a)).map((a) => `${stack}: ${a}`),
  );
  expect(unmoved).toEqual([]);
  if (process.env.UPDATE_ADDRESSES) writeFileSync(PINNED, `${JSON.stringify(current, null, 2)}\n`);
  const refreshed: Record<string, string[]> = process.env.UPDATE_ADDRESSES ? current : pinned;
  const removed = Object.entries(refreshed).flatMap(([stack, list]) =>
    list.filter((a) => !(current[stack] ?? []).includes(a)).map((a) => `${stack}: ${a}`),
  );
  const added = Object.entries(current).flatMap(([stack, list]) =>
    list.filter((a) => !(refreshed[stack] ?? []).includes(a)).map((a) => `${stack}: ${a}`),
  );
  expect({ removed, added }).toEqual({ removed: [], added: [] });
});

test("every data-holding resource the examples create is protected from destroy", () => {
  const app = Testing.app();
  addExampleStacks(app);
  const holders = app.node.children
    .filter((c): c is TerraformStack => c instanceof TerraformStack)
    .flatMap((stack) => {
      const json = JSON.parse(Testing.synth(stack));
      return ["azurerm_log_analytics_workspace", "azurerm_eventhub_namespace", "azurerm_eventhub"].flatMap((type) =>
        Object.entries(json.resource?.[type] ?? {}).map(([id, r]) => [`${stack.node.id}: ${type}.${id}`, (r as any).lifecycle?.prevent_destroy]),
      );
    });
  expect(holders.length).toBeGreaterThan(5);
  expect(holders.filter(([, protectedFromDestroy]) => protectedFromDestroy !== true)).toEqual([]);
});
