import { readFileSync, writeFileSync } from "node:fs";
import { LiveAutomation, LiveInputError, readLiveAutomations } from "../live/arm-input";
import { explainAutomation } from "../live/explain";
import { lintAutomations } from "../live/lint";
import { PACKAGE_NAME, importProgram } from "../live/program";

/** Where the command reads and writes: the process's streams, or a test's. */
export interface CliIo {
  /** Reads standard input, whole. */
  readonly stdin: () => string;
  /** Writes to standard output. */
  readonly out: (text: string) => void;
  /** Writes to standard error. */
  readonly err: (text: string) => void;
}

/** Exit codes: 0 clean, 1 an error-level finding (lint, explain) or an automation left out (import), 2 bad usage or input. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

const USAGE = `Usage: npx ${PACKAGE_NAME} <command> <input> [options]

Commands
  lint <input>                  the check pack's rules on live automations; exit 1 on an error-level finding
  explain <input>               each automation in words: what data, with which filters, goes where (and its findings)
  import <input> --out <file>   a CDKTF program (TypeScript) that adopts the automations as typed code
  diagram <input>               a picture of what goes where and who can read it (diagram --help)

<input> is a file, or - for standard input: one automation as Azure returns it, an array of them, a REST
list ({ "value": [...] }, e.g. az security automation list -o json) or Azure Resource Graph rows
(az graph query -q "securityresources | where type == 'microsoft.security/automations'" -o json).

Options
  --format text|json   output of lint and explain (default text); explain --format markdown writes an
                       audit page (also of cdktf.out: what goes where, who can read it, Sentinel readiness)
  --out <file>         where import writes the program (required for import)
  --stack <id>         the stack id of the imported program (default imported-exports)
  --help               this text`;

/** Runs the command line; returns the exit code. Never throws for bad input: it says what is wrong. */
export function runCli(args: readonly string[], io: CliIo): number {
  const parsed = parseArgs(args);
  if ("help" in parsed) {
    io.out(`${USAGE}\n`);
    return EXIT.ok;
  }
  if ("error" in parsed) {
    io.err(`${parsed.error}\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  let automations: LiveAutomation[];
  try {
    const origin = parsed.input === "-" ? "standard input" : parsed.input;
    automations = readLiveAutomations(parsed.input === "-" ? io.stdin() : readFileSync(parsed.input, "utf8"), origin);
  } catch (e) {
    io.err(
      `${PACKAGE_NAME} ${parsed.command}: ${e instanceof LiveInputError ? e.message : `cannot read ${parsed.input}: ${(e as Error).message}`}\n`,
    );
    return EXIT.usage;
  }
  const findings = lintAutomations(automations);
  if (parsed.command === "lint") {
    const errors = findings.filter((f) => f.level === "error").length;
    const warnings = findings.length - errors;
    if (parsed.format === "json") {
      io.out(`${JSON.stringify({ checked: automations.length, errors, warnings, findings }, null, 2)}\n`);
    } else {
      for (const f of findings) io.out(`${f.level.padEnd(8)} ${f.ruleId}  ${f.automationId}\n         ${f.message}\n`);
      io.out(
        `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"} in ${automations.length} automation${automations.length === 1 ? "" : "s"}\n`,
      );
    }
    return errors > 0 ? EXIT.findings : EXIT.ok;
  }
  if (parsed.command === "explain") {
    const explained = automations.map((a) => ({
      id: a.id,
      lines: explainAutomation(
        a,
        findings.filter((f) => f.automationId === a.id),
      ),
    }));
    if (parsed.format === "json") io.out(`${JSON.stringify(explained, null, 2)}\n`);
    else io.out(`${explained.map((e) => e.lines.join("\n")).join("\n\n")}\n`);
    return findings.some((f) => f.level === "error") ? EXIT.findings : EXIT.ok;
  }
  const program = importProgram(automations, findings, { stackId: parsed.stack, origin: parsed.input === "-" ? "standard input" : parsed.input });
  try {
    writeFileSync(parsed.out, program.source);
  } catch (e) {
    io.err(`${PACKAGE_NAME} import: cannot write ${parsed.out}: ${(e as Error).message}\n`);
    return EXIT.usage;
  }
  io.out(`wrote ${parsed.out}: ${program.imported.length} of ${automations.length} automations adopted as typed code\n`);
  for (const r of program.refused) io.out(`left out  ${r.id}\n${r.reasons.map((x) => `          ${x.replace(/\n/g, "\n          ")}`).join("\n")}\n`);
  return program.refused.length > 0 ? EXIT.findings : EXIT.ok;
}

interface ParsedArgs {
  readonly command: "lint" | "explain" | "import";
  readonly input: string;
  readonly format: "text" | "json";
  /** Where import writes (empty for the other commands). */
  readonly out: string;
  readonly stack?: string;
}

function parseArgs(args: readonly string[]): ParsedArgs | { help: true } | { error: string } {
  if (args.length === 0 || args.includes("--help") || args.includes("-h")) return { help: true };
  const [command, ...rest] = args;
  if (command !== "lint" && command !== "explain" && command !== "import") return { error: `Unknown command "${command}".` };
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
  if (positional.length !== 1) return { error: `${command} takes one input (a file, or - for standard input).` };
  const format = options.format ?? "text";
  if (format !== "text" && format !== "json") return { error: `--format is text or json, got "${format}".` };
  if (command === "import" && !options.out) return { error: "import needs --out <file.ts>: where to write the program." };
  if (options.stack !== undefined && !/^[A-Za-z0-9_-]+$/.test(options.stack)) return { error: "--stack takes letters, digits, _ and -." };
  return { command, input: positional[0], format, out: options.out ?? "", stack: options.stack };
}
