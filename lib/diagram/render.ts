import { DestinationKind } from "../kinds/destination-kind";
import { UNSAFE_CHARACTERS, unicodeEscape } from "../live/unsafe-characters";
import { FlowDestination, FlowGraph, FlowOrigin, LISTED_SUBSCRIPTIONS, isCrossTenant } from "./flow-graph";

/** A node of the picture: its id, label lines, shape and the tenant box it sits in. */
interface DrawnNode {
  readonly id: string;
  readonly lines: readonly string[];
  readonly shape: string;
  readonly tenant: string;
  readonly dashed?: boolean;
}

/** An edge of the picture. */
interface DrawnEdge {
  readonly from: string;
  readonly to: string;
  readonly lines: readonly string[];
  readonly style: "data" | "grant" | "cross-tenant grant";
}

const UNKNOWN_TENANT = "tenant not stated";
/** The shape of each kind's node, by the kind in words (as the flow graph names it). */
const SHAPES: { [kind: string]: string } = Object.fromEntries(DestinationKind.ALL.map((k) => [k.displayName, k.diagramShape]));
/** Long filter texts are cut so that a label stays readable; the audit page and `explain` give them whole. */
const LINE_LENGTH = 72;

/** The picture as nodes in tenant boxes and edges, with ids given in a stable order. */
function layout(graph: FlowGraph): { nodes: DrawnNode[]; edges: DrawnEdge[] } {
  const nodes: DrawnNode[] = [];
  const ids = new Map<string, string>();
  const add = (key: string, node: Omit<DrawnNode, "id">) => {
    const id = `n${nodes.length}`;
    ids.set(key, id);
    nodes.push({ id, ...node });
    return id;
  };
  for (const origin of graph.origins) add(`origin ${origin.key}`, { lines: originLines(origin), shape: "box", tenant: tenantLabel(origin.tenantId) });
  for (const d of graph.destinations)
    add(`destination ${d.key}`, { lines: destinationLines(d), shape: SHAPES[d.kind] ?? "box", tenant: tenantLabel(d.tenantId) });
  const edges: DrawnEdge[] = graph.flows.map((f) => ({
    from: ids.get(`origin ${f.origin}`) as string,
    to: ids.get(`destination ${f.destination}`) as string,
    lines: f.data.map(cut),
    style: "data",
  }));
  for (const grant of graph.grants) {
    const principal =
      ids.get(`principal ${grant.principal}`) ??
      add(`principal ${grant.principal}`, {
        lines: grant.principal.split(": ").map(cut),
        shape: "ellipse",
        tenant: tenantLabel(grant.tenantId),
        dashed: true,
      });
    const target =
      ids.get(`destination ${grant.target}`) ??
      ids.get(`scope ${grant.target}`) ??
      add(`scope ${grant.target}`, { lines: ["scope", cut(grant.target)], shape: "note", tenant: tenantLabel(grant.tenantId) });
    edges.push({
      from: principal,
      to: target,
      lines: [`${grant.role} (${grant.via})`],
      style: isCrossTenant(grant, graph) ? "cross-tenant grant" : "grant",
    });
  }
  return { nodes, edges };
}

/** The graph in Graphviz's DOT language: one box per tenant, data flows solid, roles dashed (cross-tenant in red). */
export function toDot(graph: FlowGraph): string {
  const { nodes, edges } = layout(graph);
  const out = [
    "digraph continuous_export {",
    '  rankdir=LR; node [fontname="Helvetica", fontsize=10, margin="0.25,0.08"]; edge [fontname="Helvetica", fontsize=9];',
  ];
  for (const [tenant, members] of byTenant(nodes)) {
    out.push(`  subgraph cluster_${members[0].id} {`, `    label=${dotString([tenant])}; style=rounded; color=gray50;`);
    for (const n of members) out.push(`    ${n.id} [label=${dotString(n.lines)}, shape=${n.shape}${n.dashed ? ", style=dashed" : ""}];`);
    out.push("  }");
  }
  for (const e of edges) {
    const style = e.style === "data" ? "" : `, style=dashed${e.style === "cross-tenant grant" ? ", color=red, fontcolor=red" : ""}`;
    out.push(`  ${e.from} -> ${e.to} [label=${dotString(e.lines)}${style}];`);
  }
  out.push("}");
  return `${out.join("\n")}\n`;
}

/** The graph as a Mermaid flowchart (GitHub renders it in Markdown). */
export function toMermaid(graph: FlowGraph): string {
  const { nodes, edges } = layout(graph);
  const out = ["flowchart LR"];
  for (const [tenant, members] of byTenant(nodes)) {
    out.push(`  subgraph t_${members[0].id}[${mermaidString([tenant])}]`);
    for (const n of members) out.push(`    ${n.id}${mermaidShape(n.shape, mermaidString(n.lines))}`);
    out.push("  end");
  }
  for (const e of edges) out.push(`  ${e.from} ${e.style === "data" ? "-->" : "-.->"}|${mermaidString(e.lines)}| ${e.to}`);
  return `${out.join("\n")}\n`;
}

/** The graph drawn as SVG by Graphviz (compiled to WebAssembly: Viz.js, `@viz-js/viz`). */
export async function toSvg(graph: FlowGraph): Promise<string> {
  const { instance } = await import("@viz-js/viz");
  return (await instance()).renderString(toDot(graph), { format: "svg" });
}

function originLines(origin: FlowOrigin): string[] {
  if (origin.via === "policy") return ["Azure Policy assignment", `at ${origin.scope ?? "?"}`, "(every subscription below it)"];
  const ids = origin.subscriptionIds;
  if (ids.length === 1) return ["subscription", ids[0]];
  if (ids.length <= LISTED_SUBSCRIPTIONS) return [`${ids.length} subscriptions`, ...ids];
  return [`${ids.length.toLocaleString("en-US")} subscriptions`, `${ids[0]} … ${ids[ids.length - 1]}`];
}

function destinationLines(d: FlowDestination): string[] {
  return [
    d.kind,
    cut(d.name),
    d.created ? "new" : "existing",
    ...(d.trusted ? ["trusted service, no key"] : []),
    ...(d.health ? ["health alerts"] : []),
  ];
}

function tenantLabel(tenantId: string | undefined): string {
  return tenantId ? `tenant ${tenantId}` : UNKNOWN_TENANT;
}

function byTenant(nodes: readonly DrawnNode[]): Array<[string, DrawnNode[]]> {
  const groups = new Map<string, DrawnNode[]>();
  for (const n of nodes) groups.set(n.tenant, [...(groups.get(n.tenant) ?? []), n]);
  return [...groups].sort(([a], [b]) => a.localeCompare(b));
}

function cut(line: string): string {
  return line.length <= LINE_LENGTH ? line : `${line.slice(0, LINE_LENGTH - 1)}…`;
}

/** A DOT string literal: every character of the text is data (quotes and backslashes escaped, control characters dropped). */
function dotString(lines: readonly string[]): string {
  return `"${lines.map((l) => clean(l).replace(/\\/g, "\\\\").replace(/"/g, '\\"')).join("\\n")}"`;
}

/** A Mermaid label: quoted, with Mermaid's entity codes for the characters its grammar reads. */
function mermaidString(lines: readonly string[]): string {
  const escape = (l: string) => clean(l).replace(/[#"<>&|[\]{}()`]/g, (c) => `#${c.codePointAt(0)};`);
  return `"${lines.map(escape).join("<br/>")}"`;
}

function mermaidShape(shape: string, label: string): string {
  if (shape === "cylinder") return `[(${label})]`;
  if (shape === "ellipse") return `([${label}])`;
  return `[${label}]`;
}

/** Text as one line of a label, every character the command would escape (controls, bidirectional overrides, lone surrogates) shown as `\uXXXX`. */
function clean(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, unicodeEscape);
}
