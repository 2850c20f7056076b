import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { ERROR_CATALOGUE, renderErrorCatalogue } from "../../lib/model/error-catalogue";

const root = join(__dirname, "..", "..");
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : [join(dir, f)]));
const codesIn = (text: string) => new Set(text.match(/DF[EW]\d{3}/g) ?? []);
const sorted = (codes: Iterable<string>) => [...codes].sort();

describe("the error catalogue (lib/model/error-catalogue.ts)", () => {
  const catalogued = new Set(ERROR_CATALOGUE.map((e) => e.code));
  const libSources = filesUnder(join(root, "lib")).filter((f) => !/(error-catalogue[-a-z]*|warning-catalogue)\.ts$/.test(f));
  const libCodes = codesIn(libSources.map((f) => readFileSync(f, "utf8")).join("\n"));
  const testCodes = codesIn(
    filesUnder(join(root, "test"))
      .filter((f) => f.endsWith(".test.ts") && !f.endsWith("error-catalogue.test.ts"))
      .map((f) => readFileSync(f, "utf8"))
      .join("\n"),
  );

  test("lists every code the library reports, once, and no other", () => {
    expect(ERROR_CATALOGUE.length).toBe(catalogued.size);
    expect(sorted(catalogued)).toEqual(sorted(libCodes));
  });

  test("every code has a test that provokes it", () => {
    expect([...libCodes].filter((c) => !testCodes.has(c)).sort()).toEqual([]);
  });

  test("the tables of docs/errors.md are rendered from it (npm run docs:errors)", () => {
    const guide = readFileSync(join(root, "docs", "errors.md"), "utf8");
    expect(guide).toContain(renderErrorCatalogue());
  });
});
