import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * Everything that depends on a destination kind is declared in the kind's file (lib/kinds/); the rest of
 * lib/ reads the kind and never asks which one it is.
 */
const LIB = join(__dirname, "..", "..", "lib");
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : f.endsWith(".ts") ? [join(dir, f)] : []));

const VALUES = "Workspace|EventHub|LogicApp|workspace|eventHub|logicApp|Log Analytics workspace|Event Hub|Logic App";
const CONSTANTS = "WORKSPACE|EVENT_HUB|LOGIC_APP";
/** A comparison with, or a case of, one kind's constant or wire value, or a table keyed by kind. */
const KIND_SWITCH = new RegExp(
  [
    `case\\s+"(?:${VALUES})"`,
    `[=!]==?\\s*"(?:${VALUES})"`,
    `"(?:${VALUES})"\\s*(?:[=!]==?|:)`,
    `case\\s+DestinationKind\\.`,
    `[=!]==?\\s*DestinationKind\\.(?:${CONSTANTS})`,
    `DestinationKind\\.(?:${CONSTANTS})(?:\\.\\w+)?\\s*[=!]==?`,
  ].join("|"),
);

/**
 * Files that compare with one kind on purpose, not as a switch: the event hub keys that the checks
 * about them read, and Sentinel readiness, which Sentinel has on a workspace only.
 */
const ONE_KIND_BY_NATURE = ["checks/rules/event-hub-keys.ts", "sentinel/report-lines.ts", "audit/audit-page.ts"];

function kindSwitches(files: readonly string[]): string[] {
  return files.flatMap((f) =>
    readFileSync(f, "utf8")
      .split("\n")
      .map((line, i) => [line, i + 1] as const)
      .filter(([line]) => !/^\s*(\/\/|\*)/.test(line) && KIND_SWITCH.test(line))
      .map(([line, n]) => `${relative(LIB, f)}:${n}: ${line.trim()}`),
  );
}

test("no switch or comparison on kind values outside lib/kinds", () => {
  const files = filesUnder(LIB).filter((f) => !relative(LIB, f).startsWith("kinds/"));
  expect(files.length).toBeGreaterThan(50);
  const found = kindSwitches(files).filter((hit) => !ONE_KIND_BY_NATURE.some((f) => hit.startsWith(`${f}:`)));
  expect(found).toEqual([]);
});

test("the search finds the switches it is there to forbid", () => {
  for (const line of [
    'case "EventHub":',
    'if (kind === DestinationKind.WORKSPACE) return "x";',
    "kind !== DestinationKind.LOGIC_APP",
    'a.actionType === "LogicApp"',
    '"eventHub" === kind.propKey',
    "action.actionType !== DestinationKind.EVENT_HUB.actionType",
    'graph.destinations.filter((d) => d.kind === "Log Analytics workspace")',
    'const SHAPES = { "Log Analytics workspace": "cylinder" };',
  ]) {
    expect(KIND_SWITCH.test(line)).toBe(true);
  }
  expect(KIND_SWITCH.test("for (const kind of DestinationKind.ALL)")).toBe(false);
  expect(KIND_SWITCH.test("public static readonly WORKSPACE = new DestinationKind(WORKSPACE_KIND);")).toBe(false);
});

test("the files excused for one kind still compare with one kind (else the excuse goes)", () => {
  for (const f of ONE_KIND_BY_NATURE) expect(kindSwitches([join(LIB, f)]).length).toBeGreaterThan(0);
});
