import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  Synthesized,
  floor,
  handWrittenAzapi,
  handWrittenForEach,
  handWrittenL1,
  libraryAzapi,
  libraryAzurerm,
  libraryForEach,
  libraryForEachMoving,
} from "./scenarios";

/**
 * Runs one scenario once in this (fresh) process and prints one JSON line: wall time, peak memory,
 * output size and resource count. `node measure.js <scenario> <subscriptions>`.
 */
const SCENARIOS: Record<string, (n: number, outdir: string) => Synthesized> = {
  libraryForEach,
  libraryForEachMoving,
  handWrittenForEach,
  libraryAzapi,
  handWrittenAzapi,
  libraryAzurerm,
  handWrittenL1,
  floor,
};

const [scenario, count] = [process.argv[2], Number(process.argv[3] ?? 0)];
{
  const outdir = join(tmpdir(), `dfe-bench-${process.pid}`);
  const start = process.hrtime.bigint();
  const { file } = SCENARIOS[scenario](count, outdir);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const text = readFileSync(file, "utf8");
  const json = JSON.parse(text);
  const resources = Object.values(json.resource ?? {}).reduce<number>((sum, byId) => sum + Object.keys(byId as object).length, 0);
  const providers = Object.values(json.provider ?? {}).reduce<number>((sum, list) => sum + (list as unknown[]).length, 0);
  const kept = process.env.BENCH_KEEP === "1";
  console.log(
    JSON.stringify({
      scenario,
      count,
      ms,
      rssMB: process.resourceUsage().maxRSS / 1024,
      bytes: Buffer.byteLength(text),
      resources,
      providers,
      ...(kept ? { outdir, file } : {}),
    }),
  );
  if (!kept) rmSync(outdir, { recursive: true, force: true });
}
