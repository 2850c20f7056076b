import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { cdktnPackageJson, toCdktn } from "./cdktn-flavor";

// npm run pack:cdktn [-- --pack-destination DIR]: builds the library, turns its CDKTF imports into CDK
// Terrain's, and writes cdktn-defender-export-<version>.tgz into the project root (or DIR); prints its path.
const root = join(__dirname, "..");
const at = process.argv.indexOf("--pack-destination");
const destination = at > 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]) : root;
// A staging folder of its own, so that two packs at once (parallel tests) do not share one.
const work = mkdtempSync(join(tmpdir(), "cdktn-pack-"));
const staging = join(work, "package");
try {
  execFileSync("npm", ["run", "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
  for (const file of walk(join(root, "dist", "lib")).filter((f) => /\.(js|d\.ts)$/.test(f))) {
    const target = join(staging, file.slice(root.length + 1));
    mkdirSync(join(target, ".."), { recursive: true });
    writeFileSync(target, toCdktn(readFileSync(file, "utf8")));
  }
  for (const file of ["README.md", "LICENSE", "CHANGELOG.md"]) cpSync(join(root, file), join(staging, file));
  const pkg = cdktnPackageJson(JSON.parse(readFileSync(join(root, "package.json"), "utf8")));
  writeFileSync(join(staging, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
  const [packed] = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", destination], { cwd: staging, encoding: "utf8" }));
  console.log(join(destination, packed.filename));
} finally {
  rmSync(work, { recursive: true, force: true });
}
