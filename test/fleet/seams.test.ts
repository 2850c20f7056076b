import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * The fleet reaches the export only through its public members and the internal seams made for it
 * (export/placement.ts, export/automation-name.ts, export/export-addresses.ts): no private or
 * `_`-prefixed member, no address put together by hand.
 */
const FLEET = join(__dirname, "..", "..", "lib", "fleet");
const code = (file: string) =>
  readFileSync(join(FLEET, file), "utf8")
    .split("\n")
    .filter((line) => !/^\s*(\/\/|\*|\/\*\*)/.test(line));
const offending = (pattern: RegExp) =>
  readdirSync(FLEET)
    .filter((f) => f.endsWith(".ts"))
    .flatMap((f) => code(f).flatMap((line, i) => (pattern.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])));

test("the fleet uses no `_` member of an export (the fleet's own FleetShard._of aside)", () => {
  expect(offending(/(?<!\bFleetShard)\._[a-zA-Z]/)).toEqual([]);
});

test("the fleet builds no Terraform address of an export's resources by hand", () => {
  expect(offending(/\baddressAt\(/)).toEqual([]);
  expect(offending(/["'`]ResourceGroup["'`]/)).toEqual([]);
  expect(offending(/Microsoft\.Security\/automations\//)).toEqual([]);
});

test("the checks find what they look for", () => {
  const pattern = /\._[a-zA-Z]/;
  expect(pattern.test("exported._automationName(kind.actionType)")).toBe(true);
  expect(pattern.test("exported.automations[kind.actionType]")).toBe(false);
});
