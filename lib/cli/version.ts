import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The package's version, from its package.json (two folders up from the compiled or source file). */
export function packageVersion(): string {
  for (const up of [join(__dirname, "..", ".."), join(__dirname, "..", "..", "..")]) {
    try {
      const pkg = JSON.parse(readFileSync(join(up, "package.json"), "utf8")) as { name?: string; version?: string };
      if (pkg.version && pkg.name?.endsWith("-defender-export")) return pkg.version;
    } catch {
      // not here: try the next folder
    }
  }
  return "unknown";
}
