import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

/**
 * The synth benchmark: fleets of 100, 1,000 and 10,000 subscriptions, each scenario in fresh processes,
 * medians of several runs. Prints wall time, peak memory, output size, resource and provider counts,
 * the ratios to the hand-written code and to the floor, and the cold cost of loading the library.
 * `BENCH_SIZES=100,1000 BENCH_RUNS=3 npm run bench` for a shorter run.
 */
const SIZES = (process.env.BENCH_SIZES ?? "100,1000,10000").split(",").map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SCENARIOS = ["libraryAzapi", "handWrittenAzapi", "libraryAzurerm", "handWrittenL1", "floor"];
const TARGETS = { ms: 5000, rssMB: 600, ratio: 1.1, requireMs: 400 };

interface Sample {
  ms: number;
  rssMB: number;
  bytes: number;
  resources: number;
  providers: number;
}

const node = (script: string, ...args: string[]) =>
  JSON.parse(execFileSync(process.execPath, [join(__dirname, script), ...args], { encoding: "utf8", env: { ...process.env, BENCH_KEEP: "0" } }));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const runs = (n: number) => (n >= 10000 ? Math.max(3, Math.ceil(RUNS / 2)) : RUNS);

assertSameTerraform();
const results = new Map<string, Sample>();
console.log(`scenario            subscriptions   median ms   peak MB    output MB  resources  providers   (median of runs)`);
for (const n of SIZES) {
  // Rounds interleave the scenarios, so that a slow phase of the machine hits them all alike.
  const samples = new Map<string, Sample[]>(SCENARIOS.map((s) => [s, []]));
  for (let round = 0; round < runs(n); round++) {
    for (const scenario of SCENARIOS) samples.get(scenario)!.push(node("measure.js", scenario, String(n)));
  }
  for (const scenario of SCENARIOS) {
    const all = samples.get(scenario)!;
    const s: Sample = { ...all[0], ms: median(all.map((x) => x.ms)), rssMB: median(all.map((x) => x.rssMB)) };
    results.set(`${scenario}:${n}`, s);
    console.log(
      `${scenario.padEnd(20)}${String(n).padStart(13)}${s.ms.toFixed(0).padStart(12)}${s.rssMB.toFixed(0).padStart(10)}${(s.bytes / 1e6).toFixed(1).padStart(13)}${String(s.resources).padStart(11)}${String(s.providers).padStart(11)}   (${all.length})`,
    );
  }
}
console.log("\nratios (median wall time)");
for (const n of SIZES) {
  const ms = (s: string) => results.get(`${s}:${n}`)!.ms;
  console.log(
    `${String(n).padStart(6)} subscriptions: library/hand-written azurerm L1 ${(ms("libraryAzurerm") / ms("handWrittenL1")).toFixed(2)}x, ` +
      `library/hand-written azapi ${(ms("libraryAzapi") / ms("handWrittenAzapi")).toFixed(2)}x, ` +
      `azurerm writer/azapi writer ${(ms("libraryAzurerm") / ms("libraryAzapi")).toFixed(2)}x, library azapi/floor ${(ms("libraryAzapi") / ms("floor")).toFixed(1)}x`,
  );
}
const requireMs = median(Array.from({ length: RUNS }, () => node("require-cost.js").ms));
console.log(`\ncold require of the library: ${requireMs.toFixed(0)} ms (median of ${RUNS})`);

const largest = Math.max(...SIZES);
const fleet = results.get(`libraryAzapi:${largest}`)!;
const checks: Array<[string, boolean]> = [
  [`${largest} subscriptions (fleet default, azapi) under ${TARGETS.ms} ms: ${fleet.ms.toFixed(0)} ms`, fleet.ms < TARGETS.ms],
  [`${largest} subscriptions under ${TARGETS.rssMB} MB: ${fleet.rssMB.toFixed(0)} MB`, fleet.rssMB < TARGETS.rssMB],
  ...SIZES.map((n): [string, boolean] => {
    const r = results.get(`libraryAzurerm:${n}`)!.ms / results.get(`handWrittenL1:${n}`)!.ms;
    return [`library no slower than ${TARGETS.ratio}x the hand-written L1 code at ${n}: ${r.toFixed(2)}x`, r <= TARGETS.ratio];
  }),
  [`require under ${TARGETS.requireMs} ms: ${requireMs.toFixed(0)} ms`, requireMs < TARGETS.requireMs],
];
console.log("\ntargets");
for (const [text, ok] of checks) console.log(`  ${ok ? "met " : "MISS"}  ${text}`);

/** Compares like with like: the library and the hand-written code must write the same Terraform. */
function assertSameTerraform(): void {
  const written = (scenario: string) => {
    const { file, outdir } = JSON.parse(
      execFileSync(process.execPath, [join(__dirname, "measure.js"), scenario, "50"], { encoding: "utf8", env: { ...process.env, BENCH_KEEP: "1" } }),
    );
    const text = readFileSync(file, "utf8");
    rmSync(outdir, { recursive: true, force: true });
    return text;
  };
  for (const [library, hand] of [
    ["libraryAzurerm", "handWrittenL1"],
    ["libraryAzapi", "handWrittenAzapi"],
  ]) {
    if (written(library) !== written(hand))
      throw new Error(`${library} and ${hand} do not write the same Terraform; the comparison would be meaningless.`);
  }
  console.log("the library and the hand-written code write byte-identical Terraform (checked at 50 subscriptions)\n");
}
