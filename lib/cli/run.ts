import { existsSync, statSync, writeFileSync } from "node:fs";
import { LiveAutomation, LiveInputError, readLiveAutomations } from "../live/arm-input";
import { explainAutomation } from "../live/explain";
import { findingsByAutomation, lintAutomations } from "../live/lint";
import { PACKAGE_NAME, importProgram } from "../live/program";
import { LIVE_LIMITS } from "../live/limits";
import { readInputText } from "./read-input";
import { writesOverInput } from "./same-file";
import { shown, shownJson } from "./shown";
import { explainStructured } from "../live/explain-json";
import { runDiff } from "./diff-command";
import { packageVersion } from "./version";

/** Where the command reads and writes: the process's streams, or a test's. */
export interface CliIo {
  /** Reads standard input, whole. */
  readonly stdin: () => string;
  /** Writes to standard output. */
  readonly out: (text: string) => void;
  /** Writes to standard error. */
  readonly err: (text: string) => void;
  /**
   * The file descriptor `stdin` reads, when it is one (0): `import - --out <file>` must not write over
   * the file the shell opened as input. @default none (standard input is not compared)
   */
  readonly stdinFd?: number;
}

/** Exit codes: 0 clean, 1 an error-level finding (lint, explain) or an automation left out (import), 2 bad usage or input. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

const USAGE = `Usage: npx ${PACKAGE_NAME} <command> <input> [options]

Commands
  lint <input>                  the check pack's rules on live automations; exit 1 on an error-level finding
  explain <input>               each automation in words: what data, with which filters, goes where (and its findings)
  import <input> --out <file>   a CDKTF program (TypeScript) that adopts the automations as typed code
  diff <input> <cdktf.out>      live automations against the synthesized stacks, by meaning; exit 1 on drift
  diagram <input>               a picture of what goes where and who can read it (diagram --help)

<input> is a file, or - for standard input: one automation as Azure returns it, an array of them, a REST
list ({ "value": [...] }, e.g. az security automation list -o json) or Azure Resource Graph rows
(az graph query -q "securityresources | where type == 'microsoft.security/automations'" -o json).

Limits: ${LIVE_LIMITS.inputBytes / 1024 / 1024} MiB of input, ${LIVE_LIMITS.automations.toLocaleString("en-US")} automations of at most ${LIVE_LIMITS.rulesPerAutomation.toLocaleString("en-US")} rules,
${LIVE_LIMITS.depth} levels of nesting (docs/live.md).

Options
  --format text|json   output of lint and explain (default text); explain --format markdown writes an
                       audit page (also of cdktf.out: what goes where, who can read it, Sentinel readiness)
  --out <file>         where import writes the program (required for import)
  --stack <id>         the stack id of the imported program (default imported-exports)
  --force              let import overwrite an existing --out file
  --version            the version of the command
  --help               this text`;

/** Runs the command line; returns the exit code. Never throws for bad input: it says what is wrong. */
export function runCli(args: readonly string[], io: CliIo): number {
  const parsed = parseArgs(args);
  if ("help" in parsed) {
    io.out(`${USAGE}\n`);
    return EXIT.ok;
  }
  if ("version" in parsed) {
    io.out(`${PACKAGE_NAME} ${packageVersion()}\n`);
    return EXIT.ok;
  }
  if ("error" in parsed) {
    io.err(`${shown(parsed.error)}\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  // Every line says what is wrong with the input, one problem each, live text escaped (`shown`).
  const refuse = (lines: readonly string[]) => {
    io.err(lines.map((l) => `${PACKAGE_NAME} ${parsed.command}: ${shown(l)}\n`).join(""));
    return EXIT.usage;
  };
  const origin = parsed.input === "-" ? "standard input" : parsed.input;
  // Any command that writes a file: never over its input.
  if (parsed.out && writesOverInput(parsed.out, parsed.input === "-" ? (io.stdinFd ?? -1) : parsed.input)) {
    return refuse([`[DFE152] --out ${parsed.out} is the input ${origin}: writing there would destroy it. Name another file.`]);
  }
  let automations: LiveAutomation[];
  try {
    automations = readLiveAutomations(parsed.input === "-" ? io.stdin() : readInputText(parsed.input, origin), origin);
  } catch (e) {
    if (e instanceof LiveInputError) return refuse(e.problems);
    return refuse([`[DFE156] cannot read ${origin}: ${ioMessage(e)}`]);
  }
  if (parsed.command === "diff") {
    try {
      const { text, drift } = runDiff(automations, parsed.outdir, parsed.format);
      io.out(text);
      return drift ? EXIT.findings : EXIT.ok;
    } catch (e) {
      io.err(`${PACKAGE_NAME} diff: cannot read ${parsed.outdir}: ${(e as Error).message}\n`);
      return EXIT.usage;
    }
  }
  const findings = lintAutomations(automations);
  if (parsed.command === "lint") {
    const errors = findings.filter((f) => f.level === "error").length;
    const warnings = findings.length - errors;
    if (parsed.format === "json") {
      io.out(`${shownJson({ checked: automations.length, errors, warnings, findings })}\n`);
    } else {
      for (const f of findings) io.out(`${f.level.padEnd(8)} ${f.ruleId}  ${shown(f.automationId)}\n         ${shown(f.message)}\n`);
      io.out(
        `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"} in ${automations.length} automation${automations.length === 1 ? "" : "s"}\n`,
      );
    }
    return errors > 0 ? EXIT.findings : EXIT.ok;
  }
  if (parsed.command === "explain") {
    const byAutomation = findingsByAutomation(findings);
    if (parsed.format === "json") io.out(`${shownJson(automations.map((a) => explainStructured(a, byAutomation.get(a.id) ?? [])))}\n`);
    else
      io.out(
        `${automations
          .map((a) =>
            explainAutomation(a, byAutomation.get(a.id) ?? [])
              .map(shown)
              .join("\n"),
          )
          .join("\n\n")}\n`,
      );
    return findings.some((f) => f.level === "error") ? EXIT.findings : EXIT.ok;
  }
  if (existsSync(parsed.out) && statSync(parsed.out).isFile() && !parsed.force) {
    return refuse([`[DFE157] --out ${parsed.out} exists: give --force to overwrite it, or name another file.`]);
  }
  const program = importProgram(automations, findings, { stackId: parsed.stack });
  try {
    writeFileSync(parsed.out, program.source);
  } catch (e) {
    return refuse([`[DFE156] cannot write ${parsed.out}: ${ioMessage(e)}`]);
  }
  io.out(`wrote ${shown(parsed.out)}: ${program.imported.length} of ${automations.length} automations adopted as typed code\n`);
  const byAutomation = findingsByAutomation(findings);
  for (const id of program.imported) {
    for (const f of byAutomation.get(id) ?? [])
      io.out(`adopted as it runs, with ${f.level} ${f.ruleId}  ${shown(f.automationId)}\n          ${shown(f.message)}\n`);
  }
  for (const r of program.refused) io.out(`left out  ${shown(r.id)}\n${r.reasons.map((x) => `          ${shown(x)}\n`).join("")}`);
  return program.refused.length > 0 ? EXIT.findings : EXIT.ok;
}

/** A file system error in one line: its code and message (`ENOENT: no such file or directory, open '…'`), never a stack. */
function ioMessage(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.split("\n")[0].replace(/^Error: /, "");
}

interface ParsedArgs {
  readonly command: "lint" | "explain" | "import" | "diff";
  readonly input: string;
  /** The synthesized output diff reads (empty for the other commands). */
  readonly outdir: string;
  /** Whether import may overwrite --out. */
  readonly force: boolean;
  readonly format: "text" | "json";
  /** Where import writes (empty for the other commands). */
  readonly out: string;
  readonly stack?: string;
}

function parseArgs(args: readonly string[]): ParsedArgs | { help: true } | { version: true } | { error: string } {
  if (args.length === 0 || args.includes("--help") || args.includes("-h")) return { help: true };
  if (args.includes("--version") || args.includes("-V")) return { version: true };
  const [command, ...all] = args;
  if (command !== "lint" && command !== "explain" && command !== "import" && command !== "diff") return { error: `Unknown command "${command}".` };
  const force = all.includes("--force");
  const rest = all.filter((a) => a !== "--force");
  const positional: string[] = [];
  const options: { [key: string]: string } = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg.startsWith("--")) {
      const [name, inline] = arg.slice(2).split("=", 2);
      if (!["format", "out", "stack"].includes(name)) return { error: `Unknown option --${name}.` };
      const value = inline ?? rest[++i];
      if (value === undefined) return { error: `--${name} needs a value.` };
      options[name] = value;
    } else positional.push(arg);
  }
  if (command === "diff" && positional.length !== 2)
    return { error: "diff takes the live automations (a file, or -) and the synthesized output (cdktf.out)." };
  if (command !== "diff" && positional.length !== 1) return { error: `${command} takes one input (a file, or - for standard input).` };
  const format = options.format ?? "text";
  if (format !== "text" && format !== "json") return { error: `--format is text or json, got "${format}".` };
  if (command === "import" && !options.out) return { error: "import needs --out <file.ts>: where to write the program." };
  if (options.stack !== undefined && !/^[A-Za-z0-9_-]+$/.test(options.stack)) return { error: "--stack takes letters, digits, _ and -." };
  return { command, input: positional[0], outdir: positional[1] ?? "", force, format, out: options.out ?? "", stack: options.stack };
}
