import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** The split of jest.config.js: what the fast `unit` project may not do, and that its list of the rest is current. */
const TEST = __dirname;
const { INTEGRATION } = require("../jest.config.js") as { INTEGRATION: string[] };
const testFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? testFiles(join(dir, f)) : f.endsWith(".test.ts") ? [join(dir, f)] : []));
const isIntegration = (file: string) => INTEGRATION.some((p) => (p.endsWith("/") ? relative(TEST, file).startsWith(p) : relative(TEST, file) === p));

test("every entry of the integration list names a test file or folder that exists", () => {
  expect(INTEGRATION.filter((p) => !existsSync(join(TEST, p)))).toEqual([]);
});

test("no file of the unit project packs, spawns a process, runs Kusto or builds all the examples", () => {
  const SLOW = /\b(execFileSync|spawnSync|execSync|npm pack|kusto|addExampleStacks|exampleAutomationsAsArm|typeErrors|terraformPlan)\b/i;
  const unit = testFiles(TEST).filter((f) => !isIntegration(f) && f !== __filename);
  expect(unit.length).toBeGreaterThan(30);
  expect(unit.filter((f) => SLOW.test(readFileSync(f, "utf8"))).map((f) => relative(TEST, f))).toEqual([]);
});
