import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { scannerView } from "./scanner-view";
import { ExplainedFailure, judge, renderTable, reportsOf } from "./results";

// Scans the Terraform of every example stack (cdktf.out/, written by `npm start`) and of an app that creates
// one of everything the library can create (all-kinds-app.ts) with Checkov, installed from PyPI at the
// version pinned in requirements.txt into a virtual environment (.checkov/venv). Fails on any failure not
// explained in explained.json and on any file Checkov cannot parse.
//   npm run scan:checkov                   scan and print the table
//   npm run scan:checkov -- --write-docs   also write the table into docs/security.md
//   npm run scan:checkov -- --check-docs   also fail when docs/security.md's table is not the one printed
const root = join(__dirname, "..", "..");
const work = join(root, ".checkov");
const venv = join(work, "venv");
const requirements = join(__dirname, "requirements.txt");
const pinned = /checkov==(\S+)/.exec(readFileSync(requirements, "utf8"))?.[1];
const docs = join(root, "docs", "security.md");
const [BEGIN, END] = ["<!-- checkov-table:begin (npm run scan:checkov -- --write-docs) -->", "<!-- checkov-table:end -->"];

function main(): void {
  const examples = join(root, "cdktf.out", "stacks");
  if (!existsSync(examples)) fail("cdktf.out/stacks is missing: run `npm start` first.");
  const allKinds = join(work, "all-kinds.out");
  rmSync(allKinds, { recursive: true, force: true });
  mkdirSync(allKinds, { recursive: true });
  execFileSync(process.execPath, [require.resolve("ts-node/dist/bin"), "--transpile-only", join(__dirname, "all-kinds-app.ts"), allKinds], {
    cwd: root,
    stdio: "inherit",
  });

  const view = join(work, "view");
  rmSync(view, { recursive: true, force: true });
  const files = new Map<string, Map<string, string>>();
  for (const [source, dir] of [
    ["examples", examples],
    ["all-kinds", join(allKinds, "stacks")],
  ]) {
    for (const stack of readdirSync(dir).sort()) {
      const synthesized = JSON.parse(readFileSync(join(dir, stack, "cdk.tf.json"), "utf8")) as Record<string, unknown>;
      mkdirSync(join(view, source, stack), { recursive: true });
      writeFileSync(join(view, source, stack, "cdk.tf.json"), JSON.stringify(scannerView(synthesized), null, 2));
      files.set(`/${source}/${stack}/cdk.tf.json`, resourceTypes(synthesized));
    }
  }

  const checkov = installCheckov();
  // Checkov exits 1 when a check fails; the verdict below decides. BC_SKIP_MAPPING: no call to Prisma Cloud.
  const run = spawnSync(checkov, ["-d", view, "--framework", "terraform_json", "-o", "json", "--skip-download"], {
    encoding: "utf8",
    env: { ...process.env, BC_SKIP_MAPPING: "TRUE" },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0 && run.status !== 1) fail(`checkov exited ${run.status}: ${run.stderr.slice(-2000)}`);
  const explained = JSON.parse(readFileSync(join(__dirname, "explained.json"), "utf8")) as ExplainedFailure[];
  const verdict = judge(reportsOf(run.stdout), files, explained);
  const table = renderTable(verdict, "every example stack and an app with one of everything the library creates");
  console.log(table);

  const problems = [
    ...verdict.parsingErrors.map((f) => `Checkov could not parse ${f}`),
    ...verdict.unexplained.map(
      (f) => `unexplained failure: ${f} (change the default, or explain it in scripts/checkov/explained.json and docs/security.md)`,
    ),
  ];
  if (verdict.tallies.length === 0) problems.push("no Checkov check ran: the scan judged nothing");
  const text = readFileSync(docs, "utf8");
  const [start, end] = [text.indexOf(BEGIN), text.indexOf(END)];
  if (start < 0 || end < start) problems.push(`docs/security.md has no ${BEGIN} … ${END} section`);
  else {
    const current = text.slice(start + BEGIN.length, end).trim();
    if (process.argv.includes("--write-docs")) writeFileSync(docs, `${text.slice(0, start + BEGIN.length)}\n${table}\n${text.slice(end)}`);
    else if (process.argv.includes("--check-docs") && current !== table.trim())
      problems.push("docs/security.md's Checkov table is not this scan's: run `npm run scan:checkov -- --write-docs`");
  }
  for (const problem of problems) console.error(`scan:checkov: ${problem}`);
  process.exit(problems.length === 0 ? 0 : 1);
}

/** The resources of a synthesized stack: name → type. */
function resourceTypes(stack: Record<string, unknown>): Map<string, string> {
  const byName = new Map<string, string>();
  for (const [type, resources] of Object.entries((stack.resource ?? {}) as Record<string, object>))
    for (const name of Object.keys(resources)) byName.set(name, type);
  return byName;
}

/** The checkov command of the project's virtual environment, installed at the pinned version when it is not. */
function installCheckov(): string {
  const checkov = join(venv, "bin", "checkov");
  const installed = existsSync(checkov) ? spawnSync(checkov, ["--version"], { encoding: "utf8" }).stdout.trim() : "";
  if (installed !== pinned) {
    console.log(`installing checkov ${pinned} into .checkov/venv`);
    rmSync(venv, { recursive: true, force: true });
    execFileSync("python3", ["-m", "venv", venv], { stdio: "inherit" });
    execFileSync(join(venv, "bin", "pip"), ["install", "--quiet", "--disable-pip-version-check", "-r", requirements], { stdio: "inherit" });
  }
  return checkov;
}

function fail(message: string): never {
  console.error(`scan:checkov: ${message}`);
  process.exit(2);
}

main();
