import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "..");
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : [join(dir, f)]));
const codesIn = (text: string) => new Set(text.match(/DFE\d{3}/g) ?? []);

describe("the README's error catalogue", () => {
  const libCodes = codesIn(
    filesUnder(join(root, "lib"))
      .map((f) => readFileSync(f, "utf8"))
      .join("\n"),
  );
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const catalogue = codesIn(readme.slice(readme.indexOf("## Errors"), readme.indexOf("## Design")));
  const testCodes = codesIn(
    filesUnder(join(root, "test"))
      .filter((f) => f.endsWith(".test.ts") && !f.endsWith("catalogue.test.ts"))
      .map((f) => readFileSync(f, "utf8"))
      .join("\n"),
  );

  test("lists every error the library throws, and no other", () => {
    expect([...catalogue].sort()).toEqual([...libCodes].sort());
  });

  test("every error has a test that provokes it", () => {
    expect([...libCodes].filter((c) => !testCodes.has(c)).sort()).toEqual([]);
  });
});
