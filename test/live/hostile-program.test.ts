import { unsafeCharacterIn } from "../../lib/model/text";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readLiveAutomations } from "../../lib/live/arm-input";
import { lintAutomations } from "../../lib/live/lint";
import { PACKAGE_NAME, importProgram } from "../../lib/live/program";
import { liveExport } from "./hostile-input";
import { synthesizeProgram } from "./live-fixtures";

/**
 * Outside judges of the program `import` writes from a live export with hostile text in every field the
 * program carries, all at once: the TypeScript compiler (`tsc --strict`) and the program's own run (it
 * synthesizes, sets no canary, and the Terraform holds the text as data).
 */
const HOSTILE = 'a\n\r\u2028\u2029"\'`${globalThis.__pwned = true}%{x}*/ /* \\ \\u0041 \0 \ud800 \u001b[31m \u202e");\nglobalThis.__pwned = true;//';
/** For places Azure allows fewer characters (tag keys refuse < > % & \ ? /). */
// Characters Azure takes in no text (NUL, other controls, lone surrogates) are refused before any program is written
// (DFE221; injection.test.ts throws them at every field): this program carries every other hostile character.
const ACCEPTED = Array.from(HOSTILE)
  .filter((c) => unsafeCharacterIn(c) === undefined)
  .join("");
const HOSTILE_KEY = ACCEPTED.replace(/[<>%&\\?/]/g, "");

function hostileExport(): Array<{ [key: string]: any }> {
  const live = liveExport();
  for (const a of live) {
    a.properties.description = ACCEPTED;
    a.tags = { [HOSTILE_KEY]: ACCEPTED, owner: "secops" };
  }
  live[0].properties.sources[0].ruleSets[1].rules[0].expectedValue = ACCEPTED;
  live[0].properties.sources[0].ruleSets[1].rules[0].propertyJPath = `properties.${ACCEPTED.replace(/\//g, "")}`;
  return live;
}

/** `tsc --strict` on the program, the package name resolved to this library's source. */
function typeErrors(source: string): string[] {
  const root = join(__dirname, "..", "..");
  const dir = mkdtempSync(join(root, ".imported-check-"));
  try {
    writeFileSync(join(dir, "program.ts"), source);
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: "commonjs",
          moduleResolution: "node",
          target: "es2022",
          skipLibCheck: true,
          types: ["node"],
          typeRoots: [join(root, "node_modules", "@types")],
          baseUrl: ".",
          paths: { [PACKAGE_NAME]: [join(root, "lib", "index.ts")] },
        },
        files: ["program.ts"],
      }),
    );
    try {
      execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", dir], { encoding: "utf8", stdio: "pipe" });
      return [];
    } catch (e) {
      return String((e as { stdout?: string }).stdout)
        .split("\n")
        .filter((l) => l.trim() !== "");
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("a program from hostile text in every field it carries", () => {
  const automations = readLiveAutomations(JSON.stringify(hostileExport()), "the test input");
  const program = importProgram(automations, lintAutomations(automations));

  test("adopts every automation: the text reaches the program", () => {
    expect(program.refused).toEqual([]);
    expect(program.imported).toHaveLength(3);
  });

  test("type-checks under --strict", () => {
    expect(typeErrors(program.source)).toEqual([]);
  });

  test("runs without running the text, and synthesizes the text as data", () => {
    const json = synthesizeProgram(program.source);
    expect((globalThis as { __pwned?: boolean }).__pwned).toBeUndefined();
    const written = Object.values(json.resource.azapi_resource as object).filter((r: { type: string }) =>
      r.type.startsWith("Microsoft.Security/automations"),
    );
    expect(written).toHaveLength(3);
    // Terraform's own escapes of `${` and `%{` aside, the description and the tag are the live text.
    const unescaped = (s: string) => s.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{");
    for (const automation of written) {
      expect(unescaped(automation.body.properties.description)).toBe(ACCEPTED);
      expect(Object.entries(automation.tags).map(([k, v]) => [unescaped(k), unescaped(v as string)])).toContainEqual([HOSTILE_KEY, ACCEPTED]);
    }
  });
});
