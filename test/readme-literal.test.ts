import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { whilePacking } from "./pack-lock";
import { readmeWalk } from "./readme-walk";

/**
 * The README taken literally, as a newcomer on a fresh machine would: each quick start's shell lines and
 * files, in the order the README shows them, run in an empty folder with nothing added, must synthesize
 * the export. The one step not run as written is the clone (this working tree is the repository): its
 * `npm pack` / `npm run pack:cdktn` write the tarball where the README says the clone has it.
 *
 * Needs the npm registry (the apps install from it, and CDK Terrain's section fetches Node 22 as the npm
 * package `node@22`). Cost, per section: about 35 s (cdktf: pack 5 s, npm install 24 s, synth 4 s) and 45 s
 * (cdktn: pack 10 s, npm install 14 s, Node 22 and synth 20 s) on the 2-core machine with a warm npm cache;
 * 125 to 210 s each while eight developers shared it (load average 15).
 */
const root = join(__dirname, "..");
const readme = readFileSync(join(root, "README.md"), "utf8");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const work = mkdtempSync(join(tmpdir(), "dfe-readme-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs a section in its own empty folder; returns the folder the app ended in. */
function runSection(heading: string): string {
  const folder = join(work, heading.replace(/\W+/g, "-"));
  mkdirSync(folder);
  const walk = readmeWalk(readme, heading, pkg.repository.url.replace(/^git\+/, "").replace(/\.git$/, ""));
  const clone = join(folder, "cdktf-defender-export");
  mkdirSync(clone);
  for (const step of walk.cloneSteps) {
    if (step === "npm pack") whilePacking(() => execFileSync("npm", ["pack", "--pack-destination", clone], { cwd: root, stdio: "ignore" }));
    if (step === "npm run pack:cdktn")
      whilePacking(() => execFileSync("npm", ["run", "-s", "pack:cdktn", "--", "--pack-destination", clone], { cwd: root, stdio: "ignore" }));
  }
  const appDir = join(folder, "app-dir.txt");
  writeFileSync(join(folder, "readme.sh"), `${walk.script}\npwd > ${JSON.stringify(appDir)}\n`);
  try {
    execFileSync("bash", ["-euo", "pipefail", "readme.sh"], {
      cwd: folder,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      // Settings of npm's own, not of the app: no audit or funding notes, and packages npm has cached are
      // not re-checked with the registry (the newest matching versions a fresh cache would get are tested all the same in CI).
      env: {
        ...process.env,
        npm_config_audit: "false",
        npm_config_fund: "false",
        npm_config_update_notifier: "false",
        npm_config_prefer_offline: "true",
      },
    });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string };
    throw new Error(`the README's "${heading}" fails as written:\n${String(stdout).slice(-3000)}\n${String(stderr).slice(-3000)}`, { cause: e });
  }
  return readFileSync(appDir, "utf8").trim();
}

/** What the quick start's program says it exports: alerts (Medium and up) and the weekly secure score, to a new workspace. */
function expectTheQuickStartsExport(app: string): void {
  const out = JSON.parse(readFileSync(join(app, "cdktf.out", "stacks", "defender-export", "cdk.tf.json"), "utf8"));
  const [automation] = Object.values(out.resource.azurerm_security_center_automation) as any[];
  expect(automation.source.map((s: any) => s.event_source)).toEqual(["Alerts", "SecureScores", "SecureScoresSnapshot"]);
  expect(automation.source[0].rule_set.map((r: any) => r.rule[0].expected_value)).toEqual(["medium", "high"]);
  const [[workspaceName, workspace]] = Object.entries(out.resource.azurerm_log_analytics_workspace) as any[];
  expect(automation.action).toEqual([{ type: "Workspace", resource_id: `\${azurerm_log_analytics_workspace.${workspaceName}.id}` }]);
  expect(workspace.depends_on).toEqual([expect.stringMatching(/^azurerm_resource_group\./)]);
  expect(out.moved).toBeUndefined();
}

// Installing an app from the registry: minutes on a busy machine (see the cost above).
jest.setTimeout(900_000);

describe("the README, taken literally", () => {
  test("each quick start shows every file its program needs, and installs from the tarball path the pack writes", () => {
    for (const heading of ["Quick start", "Quick start with CDK Terrain (`cdktn`)"]) {
      const walk = readmeWalk(readme, heading, pkg.repository.url.replace(/^git\+/, "").replace(/\.git$/, ""));
      expect(walk.files.sort()).toEqual(expect.arrayContaining(["cdktf.json", "main.ts", "tsconfig.json"]));
      const cdktf = JSON.parse(walk.fileText.get("cdktf.json")!);
      expect(cdktf).toEqual({ language: "typescript", app: expect.stringContaining("main.ts") });
      const tarball = /npm install \.\.\/cdktf-defender-export\/(\S+\.tgz)/.exec(walk.script)?.[1];
      const flavor = heading.includes("cdktn") ? "cdktn-defender-export" : "cdktf-defender-export";
      expect(tarball).toBe(`${flavor}-${pkg.version}.tgz`);
    }
  });

  test("the quick start, run as written in an empty folder, synthesizes the export with `npx cdktf synth`", () => {
    expectTheQuickStartsExport(runSection("Quick start"));
  });

  test("the CDK Terrain quick start, run as written, synthesizes the same export with `cdktn synth` on Node 22", () => {
    const app = runSection("Quick start with CDK Terrain (`cdktn`)");
    expectTheQuickStartsExport(app);
    const installed = JSON.parse(readFileSync(join(app, "node_modules", "cdktn-cli", "package.json"), "utf8"));
    // The README's reason for Node 22: what cdktn-cli itself declares.
    expect(installed.engines.node).toBe(">=22.19.0");
    expect(readme).toContain("Node 22.19 or newer");
  });
});
