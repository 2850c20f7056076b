import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cdktnPackageJson, toCdktn } from "./cdktn-flavor";

// npm run pack:cdktn: builds the library, turns its CDKTF imports into CDK Terrain's, and writes
// cdktn-defender-export-<version>.tgz into the project root.
const root = join(__dirname, "..");
const staging = join(root, ".cdktn", "package");
rmSync(join(root, ".cdktn"), { recursive: true, force: true });
execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
for (const file of walk(join(root, "dist", "lib")).filter((f) => /\.(js|d\.ts)$/.test(f))) {
  const target = join(staging, file.slice(root.length + 1));
  mkdirSync(join(target, ".."), { recursive: true });
  writeFileSync(target, toCdktn(readFileSync(file, "utf8")));
}
for (const file of ["README.md", "LICENSE", "CHANGELOG.md"]) cpSync(join(root, file), join(staging, file));
const pkg = cdktnPackageJson(JSON.parse(readFileSync(join(root, "package.json"), "utf8")));
writeFileSync(join(staging, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
const [packed] = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", root], { cwd: staging, encoding: "utf8" }));
console.log(join(root, packed.filename));
