import { existsSync, readFileSync, readdirSync } from "node:fs";
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
/** Classes the docs use that come from cdktf, constructs or the providers. */
const NOT_OURS = [
  "TerraformStack",
  "TerraformVariable",
  "AzurermProvider",
  "AzurermBackend",
  "ResourceGroup",
  "AzureadProvider",
  "TerraformOutput",
  "TerraformIterator",
  "TerraformLocal",
  "ExportConfigError",
];

test("every error, warning and check code the docs name exists", () => {
  const known = new Set([...ERROR_CATALOGUE.map((e) => e.code), ...lib.ContinuousExportChecks.RULES.map((r) => r.id)]);
  const unknown = pages.flatMap(([file, text]) =>
    [...new Set(text.match(/\bDF[ECW]\d{3}\b/g) ?? [])].filter((c) => !known.has(c)).map((c) => `${file}: ${c}`),
  );
  expect(unknown).toEqual([]);
});

test("every class and member chain the docs' code and inline code use exists (`AlertSeverity.atLeast`, not `AlertSeverity.MEDIUM.andAbove`)", () => {
  const missing: string[] = [];
  for (const [file, text] of pages) {
    const code = [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
    const inline = [...text.replace(/```[\s\S]*?```/g, "").matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);
    for (const snippet of [...code, ...inline]) {
      for (const [chain] of snippet.matchAll(/(?<![\w.])[A-Z][A-Za-z]+(?:\.[A-Za-z_][A-Za-z0-9_]*)+/g)) {
        const [name, ...members] = chain.split(".");
        let value: unknown = exported[name];
        if (value === undefined) {
          if (/^[A-Z][a-z]+[A-Z]/.test(name) && !NOT_OURS.includes(name)) missing.push(`${file}: ${name}`);
          continue;
        }
        for (const member of members) {
          if (/^[A-Z]$/.test(member)) break; // a placeholder: `PropertyType.X`
          const holder = value as { prototype?: object } & Record<string, unknown>;
          // A Python name (`Export.secure_score`, docs/python.md) stands for the TypeScript one it is made from.
          const name =
            member in holder || (holder.prototype && member in holder.prototype)
              ? member
              : member.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
          if (name in holder) value = holder[name];
          else if (holder.prototype && name in holder.prototype) value = (holder.prototype as Record<string, unknown>)[name];
          else {
            missing.push(`${file}: ${chain}`);
            break;
          }
          if (value === null || (typeof value !== "object" && typeof value !== "function")) break;
        }
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

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
const anchorsOf = (file: string) => new Set([...readFileSync(file, "utf8").matchAll(/^#+ (.+)$/gm)].map((m) => slug(m[1])));

test("every link of the README and docs/ leads somewhere: the README's absolute (they work on the package page), each to a file and heading that exist", () => {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const base = `${pkg.repository.url.replace(/^git\+/, "").replace(/\.git$/, "")}/blob/main/`;
  expect(pkg.homepage).toBe(`${base.replace(/\/blob\/main\/$/, "")}#readme`);
  expect(pkg.bugs.url).toBe(`${base.replace(/\/blob\/main\/$/, "")}/issues`);
  const broken: string[] = [];
  for (const [file, text] of pages) {
    const prose = text.replace(/```[\s\S]*?```/g, "");
    for (const [, target] of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
      let path: string;
      const raw = base.replace(/\/blob\/main\/$/, "/raw/main/");
      if (target.startsWith(base)) path = target.slice(base.length);
      else if (target.startsWith(raw)) path = target.slice(raw.length);
      else if (/^https?:/.test(target)) continue;
      else if (file === "README.md") {
        broken.push(`${file}: ${target} (relative: dead on the package page)`);
        continue;
      } else path = join(file, "..", target);
      const [name, anchor] = path.split("#");
      const full = join(root, name || file);
      if (!existsSync(full)) broken.push(`${file}: ${target}`);
      else if (anchor && !anchorsOf(full).has(anchor)) broken.push(`${file}: ${target} (no such heading)`);
    }
  }
  expect(broken).toEqual([]);
});
