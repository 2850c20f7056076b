import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";

/**
 * The layering of lib/: no two folders import each other (directly or round a cycle), the model imports
 * no cdktf or constructs, and only lib/internal imports a provider binding.
 */
const LIB = join(__dirname, "..", "lib");
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : f.endsWith(".ts") ? [join(dir, f)] : []));
const importsOf = (file: string) => [...readFileSync(file, "utf8").matchAll(/^(?:import|export)[^;]*? from "([^"]+)";/gm)].map((m) => m[1]);
const folderOf = (file: string) => dirname(relative(LIB, file)) || ".";

function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  // The public barrels (index.ts) re-export every folder; they are the surface, not a dependency.
  for (const file of filesUnder(LIB).filter((f) => !f.endsWith("index.ts"))) {
    for (const spec of importsOf(file).filter((s) => s.startsWith("."))) {
      const target = folderOf(normalize(join(dirname(file), spec)) + ".ts");
      if (target !== folderOf(file)) graph.set(folderOf(file), new Set([...(graph.get(folderOf(file)) ?? []), target]));
    }
  }
  return graph;
}

/** The folder cycles, each as `a -> b -> … -> a`. */
function cycles(graph: Map<string, Set<string>>): string[] {
  const found: string[] = [];
  const walk = (start: string, at: string, path: string[]) => {
    for (const next of graph.get(at) ?? []) {
      if (next === start) found.push([...path, next].join(" -> "));
      else if (!path.includes(next) && next > start) walk(start, next, [...path, next]);
    }
  };
  for (const start of graph.keys()) walk(start, start, [start]);
  return found;
}

test("no import cycle between lib folders", () => {
  const graph = folderGraph();
  expect(graph.size).toBeGreaterThan(5);
  expect(cycles(graph)).toEqual([]);
});

test("the cycle finder finds a cycle", () => {
  expect(
    cycles(
      new Map([
        ["a", new Set(["b"])],
        ["b", new Set(["c"])],
        ["c", new Set(["a"])],
      ]),
    ),
  ).toEqual(["a -> b -> c -> a"]);
});

test("lib/model is pure: no cdktf, no constructs, no provider", () => {
  const impure = filesUnder(join(LIB, "model")).flatMap((f) =>
    importsOf(f)
      .filter((s) => !s.startsWith("."))
      .map((s) => `${relative(LIB, f)}: ${s}`),
  );
  expect(impure).toEqual([]);
});

test("only lib/internal imports a provider binding, always by its deep path", () => {
  const providerImports = filesUnder(LIB).flatMap((f) =>
    importsOf(f)
      .filter((s) => s.startsWith("@cdktf/provider-"))
      .map((s) => `${relative(LIB, f)}: ${s}`),
  );
  expect(providerImports.filter((i) => !i.startsWith("internal/"))).toEqual([]);
  expect(providerImports.filter((i) => !/@cdktf\/provider-[a-z]+\/lib\/[a-z0-9-]+$/.test(i.split(": ")[1]))).toEqual([]);
});

test("every Terraform element the library writes is made through the door (literal-element.ts), and only the door calls Terraform functions", () => {
  const ELEMENT =
    /\b(?:new|extends)\s+(Terraform(?:Element|Resource|DataSource|Local|Output|Variable|Provider|HclModule|Module|Backend)|[A-Z]\w*Module\.\w+)\b/g;
  const made = filesUnder(LIB)
    .filter((f) => !f.endsWith(join("internal", "literal-element.ts")) && !f.includes(join("lib", "live")) && !f.includes(join("lib", "cli")))
    .flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .filter((line) => !/^\s*(\/\/|\*)/.test(line))
        .map((line) => line.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '""')) // not in messages
        .flatMap((line) =>
          [...line.matchAll(ELEMENT)].filter((m) => !line.includes(`literalElement(${m[1]})`)).map((m) => `${relative(LIB, f)}: ${m[0]}`),
        ),
    );
  expect(made).toEqual([]);
  const fnCalls = filesUnder(LIB)
    .filter((f) => !f.endsWith(join("internal", "terraform-functions.ts")))
    .filter((f) => /\bFn\./.test(readFileSync(f, "utf8").replace(/^\s*(\/\/|\*).*$/gm, "")))
    .map((f) => relative(LIB, f));
  expect(fnCalls).toEqual([]);
});
