import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Testing } from "cdktf";
import { addExampleStacks } from "../examples/stacks";

const root = join(__dirname, "..");
const env = { ...process.env, CHECKPOINT_DISABLE: "1", CI: "1", NO_COLOR: "1" };

function stacksIn(outdir: string): Map<string, string> {
  const dir = join(outdir, "stacks");
  return new Map(
    readdirSync(dir)
      .sort()
      .map((s) => [s, readFileSync(join(dir, s, "cdk.tf.json"), "utf8")]),
  );
}

describe("the main job and `cdktf synth`", () => {
  const mainOut = mkdtempSync(join(tmpdir(), "dfe-main-"));
  const cliOut = mkdtempSync(join(tmpdir(), "dfe-cli-"));
  afterAll(() => [mainOut, cliOut].forEach((d) => rmSync(d, { recursive: true, force: true })));

  test("the main job writes every example stack and says what goes where", () => {
    const printed = execFileSync("npx", ["ts-node", "--transpile-only", "examples/main.ts"], {
      cwd: root,
      env: { ...env, CDKTF_OUTDIR: mainOut },
      encoding: "utf8",
    });
    const app = Testing.app();
    addExampleStacks(app);
    expect([...stacksIn(mainOut).keys()]).toEqual(app.node.children.map((c) => c.node.id).sort());
    expect(printed).toContain("ExportToEventHub  → Event Hub evhns-defender-export-01/defender-export");
    expect(printed).toContain("exports  Security alerts (streaming) where severity is High");
    expect(printed).toContain("written as azapi_resource Microsoft.Security/automations@2023-12-01-preview");
    expect(printed).not.toMatch(/TfToken|primary_connection_string|callback_url/);
  });

  test("`cdktf synth` with the project's cdktf.json writes the same Terraform", () => {
    execFileSync("npx", ["cdktf", "synth", "--output", cliOut], { cwd: root, env, encoding: "utf8", stdio: "pipe" });
    expect(stacksIn(cliOut)).toEqual(stacksIn(mainOut));
  });
});
