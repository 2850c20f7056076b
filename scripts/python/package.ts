import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { builtWheel } from "./venv";

// npm run package:python: the jsii assembly (npm run build:jsii), then jsii-pacmak's Python target, into a
// fresh dist/python/ (the wheel and the sdist of this version only); prints the wheel's path.
const root = join(__dirname, "..", "..");
rmSync(join(root, "dist", "python"), { recursive: true, force: true });
execFileSync("npm", ["run", "-s", "build:jsii"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
// build:jsii wrote dist/lib too: the pack needs no prepack (which would build it all again).
execFileSync(
  join(root, "node_modules", ".bin", "jsii-pacmak"),
  ["--targets", "python", "--outdir", "dist", "--pack-command", "npm pack --ignore-scripts"],
  {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  },
);
console.log(builtWheel());
