import { existsSync, readFileSync, readdirSync, realpathSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { FlowGraph } from "../diagram/flow-graph";
import { flowGraphOfLive } from "../diagram/from-live";
import { SynthesizedStack, flowGraphOfStacks } from "../diagram/from-stacks";
import { toDot, toMermaid, toSvg } from "../diagram/render";
import { auditPage } from "../audit/audit-page";
import { LiveInputError, readLiveAutomations } from "../live/arm-input";
import { PACKAGE_NAME } from "../live/program";
import type { CliIo } from "./run";

/** `diagram`'s help text. */
export const DIAGRAM_USAGE = `Usage: npx ${PACKAGE_NAME} diagram <input> [--format svg|dot|mermaid] [--out <file>]

Draws what goes where, and who can read it: tenants, subscriptions (many that send the same data to the
same places as one node with their count), the data with its filters, the destinations (new or existing,
tenant, trusted service, health alerts) and the roles held on them (cross-tenant ones in red).

<input> is a synthesized CDKTF output (cdktf.out, its stacks/ folder, one stack's folder or cdk.tf.json),
or live automations as lint reads them (a file, or - for standard input).

Options
  --format svg|dot|mermaid   svg (Graphviz, the default), Graphviz's DOT source, or a Mermaid flowchart
  --out <file>               where to write it (default: standard output)`;

/**
 * `explain <input> --format markdown`: the audit page of stacks or live automations (what goes where, who
 * can read it, cross-tenant paths, health, Sentinel readiness); returns the exit code.
 */
export async function runAuditPage(args: readonly string[], io: CliIo): Promise<number> {
  const rest = args.filter((a, i) => !(a === "--format" || a === "--format=markdown" || (args[i - 1] === "--format" && a === "markdown")));
  const parsed = parseDiagramArgs(rest);
  if ("error" in parsed) {
    io.err(`${PACKAGE_NAME} explain: ${parsed.error}\n`);
    return 2;
  }
  return draw({ ...parsed, format: "markdown" }, io, "explain");
}

/** Runs `diagram`; returns the exit code (0 drawn, 2 bad usage or input). */
export async function runDiagram(args: readonly string[], io: CliIo): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.out(`${DIAGRAM_USAGE}\n`);
    return 0;
  }
  const parsed = parseDiagramArgs(args);
  if ("error" in parsed) {
    io.err(`${PACKAGE_NAME} diagram: ${parsed.error}\n\n${DIAGRAM_USAGE}\n`);
    return 2;
  }
  return draw(parsed, io, "diagram");
}

async function draw(parsed: { input: string; format: string; out?: string }, io: CliIo, command: string): Promise<number> {
  let graph: FlowGraph;
  try {
    graph = readGraph(parsed.input, io);
  } catch (e) {
    io.err(`${PACKAGE_NAME} ${command}: ${e instanceof LiveInputError ? e.message : `cannot read ${parsed.input}: ${(e as Error).message}`}\n`);
    return 2;
  }
  const text =
    parsed.format === "markdown"
      ? auditPage(graph, parsed.input === "-" ? "live automations" : parsed.input)
      : parsed.format === "dot"
        ? toDot(graph)
        : parsed.format === "mermaid"
          ? toMermaid(graph)
          : await toSvg(graph);
  if (!parsed.out) {
    io.out(text);
    return 0;
  }
  if (parsed.input !== "-" && existsSync(parsed.out) && realpathSync(parsed.out) === realpathSync(parsed.input)) {
    io.err(`${PACKAGE_NAME} ${command}: --out ${parsed.out} is the input; choose another file.\n`);
    return 2;
  }
  try {
    writeFileSync(parsed.out, text);
  } catch (e) {
    io.err(`${PACKAGE_NAME} ${command}: cannot write ${parsed.out}: ${(e as Error).message}\n`);
    return 2;
  }
  io.out(`wrote ${parsed.out}: ${graph.origins.length} origins, ${graph.destinations.length} destinations, ${graph.grants.length} roles\n`);
  return 0;
}

function parseDiagramArgs(args: readonly string[]): { input: string; format: string; out?: string } | { error: string } {
  const positional: string[] = [];
  const options: { [name: string]: string } = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split("=", 2);
    if (name !== "format" && name !== "out") return { error: `unknown option --${name}.` };
    const value = inline ?? args[++i];
    if (value === undefined) return { error: `--${name} needs a value.` };
    options[name] = value;
  }
  if (positional.length !== 1) return { error: "diagram takes one input." };
  const format = options.format ?? "svg";
  if (!["svg", "dot", "mermaid"].includes(format)) return { error: `--format is svg, dot or mermaid, got ${JSON.stringify(format)}.` };
  return { input: positional[0], format, out: options.out };
}

/** Synthesized stacks when the input is a CDKTF output (a folder or a `.tf.json` file), else live automations. */
function readGraph(input: string, io: CliIo): FlowGraph {
  const stacks = input === "-" ? undefined : synthesizedStacks(input);
  if (stacks) return flowGraphOfStacks(stacks);
  const text = input === "-" ? io.stdin() : readFileSync(input, "utf8");
  const automations = readLiveAutomations(text, input === "-" ? "standard input" : input);
  const tenants = new Map(resourceGraphTenants(text));
  const disabled = automations.filter((a) => !a.view.enabled).length;
  if (disabled > 0)
    io.err(`${disabled} disabled automation${disabled > 1 ? "s" : ""} not drawn: ${disabled > 1 ? "they export" : "it exports"} nothing.\n`);
  return flowGraphOfLive(automations, (a) => tenants.get(a.id.toLowerCase()));
}

function synthesizedStacks(input: string): SynthesizedStack[] | undefined {
  const path = resolve(input);
  if (!statSync(path).isDirectory()) {
    return path.endsWith(".tf.json") ? [{ name: "stack", json: JSON.parse(readFileSync(path, "utf8")) }] : undefined;
  }
  const dir = existsSync(join(path, "stacks")) ? join(path, "stacks") : path;
  if (existsSync(join(dir, "cdk.tf.json"))) return [{ name: "stack", json: JSON.parse(readFileSync(join(dir, "cdk.tf.json"), "utf8")) }];
  const stacks = readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, "cdk.tf.json")))
    .map((name) => ({ name, json: JSON.parse(readFileSync(join(dir, name, "cdk.tf.json"), "utf8")) }));
  if (stacks.length === 0) throw new Error("a folder with no synthesized stack (no cdk.tf.json in it, its stacks/ or their folders)");
  return stacks;
}

/** Resource Graph rows carry each automation's `tenantId`; other shapes do not. */
function resourceGraphTenants(text: string): Array<[string, string]> {
  try {
    const parsed: unknown = JSON.parse(text);
    const rows = Array.isArray(parsed) ? parsed : ((parsed as { data?: unknown[] })?.data ?? []);
    return (rows as Array<{ id?: unknown; tenantId?: unknown }>)
      .filter((r) => typeof r?.id === "string" && typeof r?.tenantId === "string")
      .map((r) => [String(r.id).toLowerCase(), String(r.tenantId)]);
  } catch {
    return [];
  }
}
