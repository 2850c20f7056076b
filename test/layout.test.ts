import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";

/**
 * The layering of lib/: the parts, arrows and never-arrows of docs/layout.json; no two folders import each
 * other (directly or round a cycle), the model imports no cdktf or constructs, only lib/internal imports a
 * provider binding, and no lib file grows over the size the layout sets.
 */
const LIB = join(__dirname, "..", "lib");

interface Arrow {
  readonly from: string;
  readonly to: string;
  readonly except?: readonly string[];
  readonly why: string;
}
interface Layout {
  readonly parts: { readonly [part: string]: string };
  readonly arrows: { readonly [part: string]: readonly string[] };
  readonly never: readonly Arrow[];
  readonly pending: { readonly never: readonly Arrow[] };
  readonly maxLibFileLines: number;
  readonly oversize: readonly string[];
}
const LAYOUT: Layout = JSON.parse(readFileSync(join(__dirname, "..", "docs", "layout.json"), "utf8"));
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : f.endsWith(".ts") ? [join(dir, f)] : []));
const importsOf = (file: string) => [...readFileSync(file, "utf8").matchAll(/^(?:import|export)[^;]*? from "([^"]+)";/gm)].map((m) => m[1]);
const folderOf = (file: string) => dirname(relative(LIB, file)) || ".";

/** Each import of one lib folder from another, as `from -> to` with the importing file. */
function folderImports(): Array<{ from: string; to: string; file: string }> {
  // The public barrels (index.ts) re-export every folder; they are the surface, not a dependency.
  return filesUnder(LIB)
    .filter((f) => !f.endsWith("index.ts"))
    .flatMap((file) =>
      importsOf(file)
        .filter((s) => s.startsWith("."))
        .map((spec) => ({ from: folderOf(file), to: folderOf(normalize(join(dirname(file), spec)) + ".ts"), file: relative(LIB, file) }))
        .filter(({ from, to }) => from !== to),
    );
}

function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of folderImports()) graph.set(from, new Set([...(graph.get(from) ?? []), to]));
  return graph;
}

/** Whether an arrow of the layout (`*` for any part, `except` parts aside) forbids `from -> to`. */
const forbids = (arrow: Arrow, from: string, to: string) =>
  (arrow.from === "*" || arrow.from === from) && (arrow.to === "*" || arrow.to === to) && !(arrow.except ?? []).includes(to);

/** The imports that break one never-arrow, as `from -> to (file)`. */
const breaches = (arrow: Arrow) =>
  folderImports()
    .filter(({ from, to }) => forbids(arrow, from, to))
    .map(({ from, to, file }) => `${from} -> ${to} (${file})`);

describe("the layout of docs/layout.json", () => {
  test("its parts are lib's folders, each with its allowed arrows", () => {
    const folders = [".", ...new Set(filesUnder(LIB).map(folderOf))].filter((f, i, all) => all.indexOf(f) === i).sort();
    expect(Object.keys(LAYOUT.parts).sort()).toEqual(folders);
    expect(Object.keys(LAYOUT.arrows).sort()).toEqual(folders);
  });

  test("every import between parts is an allowed arrow, and every allowed arrow is used (the file is true to the code)", () => {
    const used = folderImports();
    expect(used.filter(({ from, to }) => !LAYOUT.arrows[from]?.includes(to)).map(({ from, to, file }) => `${from} -> ${to} (${file})`)).toEqual([]);
    const unused = Object.entries(LAYOUT.arrows).flatMap(([from, tos]) =>
      tos.filter((to) => !used.some((u) => u.from === from && u.to === to)).map((to) => `${from} -> ${to}`),
    );
    expect(unused).toEqual([]);
  });

  test("no never-arrow is taken, nor allowed", () => {
    expect(LAYOUT.never.flatMap(breaches)).toEqual([]);
    const allowed = Object.entries(LAYOUT.arrows).flatMap(([from, tos]) => tos.map((to) => ({ from, to })));
    expect(LAYOUT.never.flatMap((n) => allowed.filter(({ from, to }) => forbids(n, from, to)).map(({ from, to }) => `${from} -> ${to}`))).toEqual([]);
  });

  test("the pending never-arrows are reported, not enforced", () => {
    const report = LAYOUT.pending.never.map((n) => {
      const found = breaches(n);
      return found.length === 0
        ? `${n.from} -> ${n.to}: holds now; move it to "never"`
        : `${n.from} -> ${n.to} (${n.why}) is still taken by ${found.length}: ${found.join(", ")}`;
    });
    if (report.length > 0) console.log(`Pending never-arrows of docs/layout.json:\n${report.join("\n")}`);
    expect(LAYOUT.pending.never.every((n) => n.from in LAYOUT.parts && n.to in LAYOUT.parts)).toBe(true);
  });

  test("a never-arrow catches an import it names", () => {
    const arrow: Arrow = { from: "*", to: "cli", why: "" };
    expect(forbids(arrow, "live", "cli")).toBe(true);
    expect(forbids(arrow, "cli", "live")).toBe(false);
    expect(forbids({ from: "internal", to: "*", except: ["model"], why: "" }, "internal", "model")).toBe(false);
    expect(forbids({ from: "internal", to: "*", except: ["model"], why: "" }, "internal", "writers")).toBe(true);
  });

  test(`no lib file is over the layout's line limit but those it lists as over-size, and those only while they are`, () => {
    const lines = new Map(filesUnder(LIB).map((f) => [relative(LIB, f), readFileSync(f, "utf8").split("\n").length - 1]));
    const over = [...lines].filter(([, n]) => n > LAYOUT.maxLibFileLines).map(([f]) => f);
    expect(over.filter((f) => !LAYOUT.oversize.includes(f)).map((f) => `${f}: ${lines.get(f)} lines`)).toEqual([]);
    // A listed file that has shrunk (or gone) leaves the list, so that it cannot grow back unnoticed.
    expect(LAYOUT.oversize.filter((f) => !over.includes(f))).toEqual([]);
  });
});

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

describe("the tiers of docs/layout.md", () => {
  /** The numbered list of docs/layout.md: each folder's tier, bottom up. */
  function tiers(): Map<string, number> {
    const text = readFileSync(join(__dirname, "..", "docs", "layout.md"), "utf8");
    const tierOf = new Map<string, number>();
    for (const [, n, line] of text.matchAll(/^(\d+)\. (.*)$/gm)) {
      for (const [, name] of line.replace(/\(.*?\)/g, "").matchAll(/`([^`]+)`/g)) tierOf.set(name === "continuous-export.ts" ? "." : name, Number(n));
      for (const [, sub] of line.matchAll(/\(with `([^`]+)`\)/g)) tierOf.set(sub, Number(n));
    }
    return tierOf;
  }

  test("name every part of docs/layout.json once, and every allowed arrow points to a lower tier", () => {
    const tierOf = tiers();
    expect([...tierOf.keys()].sort()).toEqual(Object.keys(LAYOUT.parts).sort());
    const upward = Object.entries(LAYOUT.arrows).flatMap(([from, tos]) =>
      tos.filter((to) => (tierOf.get(to) ?? 0) >= (tierOf.get(from) ?? 0)).map((to) => `${from} (${tierOf.get(from)}) -> ${to} (${tierOf.get(to)})`),
    );
    expect(upward).toEqual([]);
  });
});
