import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as lib from "../lib";
import { ERROR_CATALOGUE } from "../lib/model/error-catalogue";

/** README and docs/ say only what the code does: every code they name exists, and every API name in their code exists. */
const root = join(__dirname, "..");
const pages = [
  "README.md",
  ...readdirSync(join(root, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => join("docs", f)),
].map((f) => [f, readFileSync(join(root, f), "utf8")] as const);
const exported = lib as unknown as Record<string, Record<string, unknown> | undefined>;

test("every error, warning and check code the docs name exists", () => {
  const known = new Set([...ERROR_CATALOGUE.map((e) => e.code), ...lib.ContinuousExportChecks.RULES.map((r) => r.id)]);
  const unknown = pages.flatMap(([file, text]) =>
    [...new Set(text.match(/\bDF[ECW]\d{3}\b/g) ?? [])].filter((c) => !known.has(c)).map((c) => `${file}: ${c}`),
  );
  expect(unknown).toEqual([]);
});

test("every class and static member the docs' code uses is exported", () => {
  const missing: string[] = [];
  for (const [file, text] of pages) {
    for (const block of text.matchAll(/```ts\n([\s\S]*?)```/g)) {
      for (const [, name, member] of block[1].matchAll(/\b([A-Z][A-Za-z]+)\.([A-Za-z_][A-Za-z0-9_]*)\b/g)) {
        const value = exported[name];
        if (value === undefined) {
          if (
            /^[A-Z][a-z]+[A-Z]/.test(name) &&
            ![
              "TerraformStack",
              "TerraformVariable",
              "AzurermProvider",
              "AzurermBackend",
              "ResourceGroup",
              "AzureadProvider",
              "TerraformOutput",
            ].includes(name)
          )
            missing.push(`${file}: ${name}`);
          continue;
        }
        if (!(member in value) && !(member in ((value as { prototype?: object }).prototype ?? {}))) missing.push(`${file}: ${name}.${member}`);
      }
    }
  }
  expect([...new Set(missing)]).toEqual([]);
});

test("every optional prop of the public interfaces documents its default", () => {
  const publicFiles = readdirSync(join(root, "lib"), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".ts") && !f.startsWith("internal") && !f.startsWith("writers"));
  const missing = publicFiles.flatMap((file) => {
    const text = readFileSync(join(root, "lib", file), "utf8");
    return [...text.matchAll(/export interface (\w+)[^{]*\{([\s\S]*?)\n\}/g)].flatMap(([, name, body]) =>
      [...body.matchAll(/(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)?\s*\n\s*readonly (\w+)\?:/g)]
        .filter(([, doc]) => !doc || !doc.includes("@default"))
        .map(([, , prop]) => `${file}: ${name}.${prop}`),
    );
  });
  expect(missing).toEqual([]);
});
