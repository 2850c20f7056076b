import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, TerraformStack } from "cdktf";
import * as ts from "typescript";
import { addExampleStacks } from "../examples/stacks";
import { toCdktn } from "../scripts/cdktn-flavor";
import { withoutMetadata } from "./helpers";
import { whilePacking } from "./pack-lock";

/**
 * The CDK Terrain flavor: `npm run pack:cdktn` packs the same source with its imports mapped to
 * `cdktn` and `@cdktn/provider-azurerm` (azurerm 4.73); installed in a fresh cdktn app, it synthesizes
 * every example stack, and both flavors write the same Terraform (metadata and provider version pins aside).
 */
const root = join(__dirname, "..");
// Packing and synthesizing every example twice: tens of seconds on a busy machine.
jest.setTimeout(300_000);
const work = mkdtempSync(join(tmpdir(), "dfe-cdktn-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The Terraform JSON without what differs by flavor on purpose: cdktf's metadata and the provider version pins. */
function comparable(json: any): any {
  const out = withoutMetadata(json);
  for (const p of Object.values(out.terraform?.required_providers ?? {}) as any[]) delete p.version;
  return out;
}

function synthesizedStacks(outdir: string): Map<string, any> {
  return new Map(
    readdirSync(join(outdir, "stacks")).map((id) => [id, comparable(JSON.parse(readFileSync(join(outdir, "stacks", id, "cdk.tf.json"), "utf8")))]),
  );
}

test("the cdktn flavor, installed in a fresh cdktn app, synthesizes the examples exactly as the cdktf flavor does", () => {
  const tarball = whilePacking(() =>
    execFileSync("npm", ["run", "-s", "pack:cdktn", "--", "--pack-destination", work], { cwd: root, encoding: "utf8" }),
  )
    .trim()
    .split("\n")
    .pop()!;
  const modules = join(work, "app", "node_modules");
  mkdirSync(join(modules, "cdktn-defender-export"), { recursive: true });
  execFileSync("tar", ["-xzf", tarball, "-C", join(modules, "cdktn-defender-export"), "--strip-components=1"]);
  rmSync(tarball);
  mkdirSync(join(modules, "@cdktn"));
  symlinkSync(join(root, "node_modules", "cdktn"), join(modules, "cdktn"));
  symlinkSync(join(root, "node_modules", "constructs"), join(modules, "constructs"));
  symlinkSync(join(root, "node_modules", "@cdktn", "provider-azurerm"), join(modules, "@cdktn", "provider-azurerm"));
  // The examples, as a cdktn app writes them: imports from the package and the cdktn provider.
  mkdirSync(join(work, "app", "examples"));
  for (const file of readdirSync(join(root, "examples")).filter((f) => f.endsWith(".ts"))) {
    const js = ts.transpileModule(readFileSync(join(root, "examples", file), "utf8"), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    writeFileSync(
      join(work, "app", "examples", file.replace(/\.ts$/, ".js")),
      toCdktn(js).replace(/require\("\.\.\/lib"\)/g, 'require("cdktn-defender-export")'),
    );
  }
  const main =
    'const { App } = require("cdktn"); const { addExampleStacks } = require("./examples/stacks"); const app = new App({ outdir: process.argv[2] }); addExampleStacks(app); app.synth();';
  writeFileSync(join(work, "app", "main.js"), main);
  const cdktnOut = join(work, "cdktn.out");
  execFileSync("node", [join(work, "app", "main.js"), cdktnOut], { cwd: root, encoding: "utf8" });
  expect(readFileSync(join(modules, "cdktn-defender-export", "dist", "lib", "internal", "azurerm.js"), "utf8")).toContain(
    "@cdktn/provider-azurerm/lib/security-center-automation",
  );

  // The command is named like the package, and the programs it writes import from this flavor.
  const pkg = JSON.parse(readFileSync(join(modules, "cdktn-defender-export", "package.json"), "utf8"));
  expect(Object.keys(pkg.bin)).toEqual(["cdktn-defender-export"]);
  // cdktn-cli 0.24 needs Node 22.19; the flavor says so, and keeps the root-only exports map.
  expect(pkg.engines).toEqual({ node: ">=22.19" });
  expect(Object.keys(pkg.exports)).toEqual([".", "./cli", "./package.json"]);
  const live = join(work, "live.json");
  writeFileSync(
    live,
    JSON.stringify({
      id: "/subscriptions/00000000-0000-0000-0000-0000000000d1/resourceGroups/rg/providers/Microsoft.Security/automations/ExportToWorkspace",
      location: "westeurope",
      properties: {
        scopes: [{ scopePath: "/subscriptions/00000000-0000-0000-0000-0000000000d1" }],
        sources: [{ eventSource: "Alerts" }],
        actions: [
          {
            actionType: "Workspace",
            workspaceResourceId:
              "/subscriptions/00000000-0000-0000-0000-0000000000d1/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law-central",
          },
        ],
      },
    }),
  );
  const program = join(work, "imported.ts");
  execFileSync("node", [join(modules, "cdktn-defender-export", pkg.bin["cdktn-defender-export"]), "import", live, "--out", program], {
    encoding: "utf8",
  });
  expect(readFileSync(program, "utf8")).toMatch(/from "cdktn";[\s\S]*from "cdktn-defender-export";/);

  const cdktfOut = join(work, "cdktf.out");
  const app = new App({ outdir: cdktfOut });
  addExampleStacks(app);
  app.synth();
  const [terrain, cdktf] = [synthesizedStacks(cdktnOut), synthesizedStacks(cdktfOut)];
  expect([...terrain.keys()].sort()).toEqual([...cdktf.keys()].sort());
  expect(terrain.size).toBe(app.node.children.filter((c) => c instanceof TerraformStack).length);
  for (const [id, json] of cdktf) expect({ id, json: terrain.get(id) }).toEqual({ id, json });
});
