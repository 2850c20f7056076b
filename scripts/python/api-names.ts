import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// The Python names of the public API, read from the jsii assembly (.jsii, written by `npm run build:jsii`)
// and named the way jsii-pacmak names them (its own naming functions), as the table of docs/python.md.
//   npm run docs:python            print the table
//   npm run docs:python -- --write write it into docs/python.md
// test/python.test.ts checks that docs/python.md holds the table of the current assembly.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { toSnakeCase } = require("codemaker") as { toSnakeCase: (name: string) => string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { toPythonIdentifier } = require("jsii-pacmak/lib/targets/python/util") as { toPythonIdentifier: (name: string) => string };

const root = join(__dirname, "..", "..");
/** Where the table goes in docs/python.md. */
export const [BEGIN, END] = ["<!-- python-names:begin (npm run docs:python -- --write) -->", "<!-- python-names:end -->"];

interface Member {
  readonly name: string;
  readonly static?: boolean;
  readonly const?: boolean;
}
interface AssemblyType {
  readonly kind: "class" | "interface" | "enum";
  readonly name: string;
  readonly datatype?: boolean;
  readonly abstract?: boolean;
  readonly methods?: Member[];
  readonly properties?: Member[];
  readonly members?: Member[];
}

/** A method's or property's Python name, as jsii-pacmak writes it (constants upper-case). */
export function pythonName(member: Member): string {
  const name = toPythonIdentifier(toSnakeCase(member.name));
  return member.const ? name.toUpperCase() : name;
}

function kindOf(type: AssemblyType): string {
  if (type.kind === "enum") return "enum";
  if (type.kind === "class") return type.abstract ? "abstract class" : "class";
  return type.datatype ? "struct (keyword arguments, or the class)" : "interface (`@jsii.implements`)";
}

/** The table: one row per public type, with each member whose Python name differs from its TypeScript one. */
export function pythonNamesTable(assembly: { readonly name: string; readonly types: Record<string, AssemblyType> }, module: string): string {
  const rows = Object.values(assembly.types)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((type) => {
      const members = [...(type.methods ?? []), ...(type.properties ?? []), ...(type.members ?? [])]
        .filter((m, i, all) => all.findIndex((o) => o.name === m.name) === i)
        .map((m) => [m.name, type.kind === "enum" ? toPythonIdentifier(m.name) : pythonName(m)] as const)
        .filter(([ts, py]) => ts !== py)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([ts, py]) => `\`${ts}\` → \`${py}\``);
      return `| \`${type.name}\` | ${kindOf(type)} | ${members.length === 0 ? "(same names)" : members.join(", ")} |`;
    });
  return [
    `Every public type is \`from ${module} import <Type>\`, under the same name. Members whose Python name differs:`,
    "",
    "| type | kind | members: TypeScript → Python |",
    "|---|---|---|",
    ...rows,
  ].join("\n");
}

function main(): void {
  const assembly = JSON.parse(readFileSync(join(root, ".jsii"), "utf8"));
  const module = assembly.targets?.python?.module ?? "cdktf_defender_export";
  const table = pythonNamesTable(assembly, module);
  if (!process.argv.includes("--write")) {
    console.log(table);
    return;
  }
  const file = join(root, "docs", "python.md");
  const text = readFileSync(file, "utf8");
  const [start, end] = [text.indexOf(BEGIN), text.indexOf(END)];
  if (start < 0 || end < start) throw new Error(`docs/python.md has no ${BEGIN} … ${END} section`);
  writeFileSync(file, `${text.slice(0, start + BEGIN.length)}\n${table}\n${text.slice(end)}`);
}

if (require.main === module) main();
