import { FlowGraph, FlowOrigin, isCrossTenant } from "../diagram/flow-graph";
import { BUILT_IN_ROLES } from "../model/roles";
import { mergeFeeds, readinessOf } from "../sentinel/readiness";

const BUILT_IN = new Map<string, string>(Object.values(BUILT_IN_ROLES).map((r) => [r.name, r.id]));

/**
 * An audit-ready page of a flow graph, in Markdown: what goes where, who can read it with which built-in
 * roles, the cross-tenant paths, health, and which Microsoft Sentinel content each workspace gives data.
 * Everything is sorted and nothing depends on the time, so the page diffs cleanly in a pull request.
 */
export function auditPage(graph: FlowGraph, title: string): string {
  const destination = new Map(graph.destinations.map((d) => [d.key, d]));
  const origin = new Map(graph.origins.map((o) => [o.key, o]));
  const lines: string[] = [`# Continuous export: ${cell(title)}`, ""];

  lines.push("## What goes where", "", "| from | tenant | data | to | destination tenant |", "|---|---|---|---|---|");
  for (const f of graph.flows) {
    const o = origin.get(f.origin) as FlowOrigin;
    const d = destination.get(f.destination);
    const to = d
      ? `${d.kind} **${cell(d.name)}** (${[d.created ? "new" : "existing", ...(d.trusted ? ["trusted service, no key"] : [])].join(", ")})`
      : f.destination;
    lines.push(`| ${originWords(o)} | ${tenant(o.tenantId)} | ${f.data.map(cell).join("<br>")} | ${to} | ${tenant(d?.tenantId)} |`);
  }

  lines.push("", "## Who can read it", "", "| who | role | built-in role id | on | held in tenant | cross-tenant |", "|---|---|---|---|---|---|");
  for (const g of graph.grants) {
    const on = destination.get(g.target);
    const cross = isCrossTenant(g, graph);
    lines.push(
      `| ${cell(g.principal)} | ${cell(g.role)} (${g.via}) | ${BUILT_IN.get(g.role) ?? "not a built-in role the library knows"} | ` +
        `${on ? `${on.kind} ${cell(on.name)}` : cell(g.target)} | ${tenant(g.tenantId)} | ${cross ? "**yes**" : "no"} |`,
    );
  }
  if (graph.grants.length === 0) lines.push("| (no role assignment or delegation in the input) | | | | | |");

  lines.push("", "## Cross-tenant paths", "");
  const paths = graph.flows
    .map((f) => ({ o: origin.get(f.origin) as FlowOrigin, d: destination.get(f.destination) }))
    .filter(({ o, d }) => o.tenantId && d?.tenantId && o.tenantId !== d.tenantId);
  if (paths.length === 0) lines.push("None stated: every flow stays in its tenant, or the input does not say the tenants.");
  for (const { o, d } of paths) {
    const roles = graph.grants.filter((g) => g.target === d?.key).map((g) => `${g.role} for ${g.principal}`);
    lines.push(
      `- ${originWords(o)} (tenant ${o.tenantId}) → ${d?.kind} ${cell(d?.name ?? "")} (tenant ${d?.tenantId}): ${roles.length > 0 ? roles.map(cell).join("; ") : "no role in the input grants the write"}`,
    );
  }

  lines.push("", "## Health", "");
  for (const d of graph.destinations.filter((x) => graph.flows.some((f) => f.destination === x.key))) {
    lines.push(`- ${d.kind} ${cell(d.name)}: ${d.health ? "watched by health alerts" : "no health alert: a silent export goes unnoticed"}`);
  }

  lines.push("", "## Microsoft Sentinel readiness", "");
  const workspaces = graph.destinations.filter((d) => d.kind === "Log Analytics workspace");
  if (workspaces.length === 0) lines.push("No workspace receives the export: Sentinel content has nothing to read.");
  for (const w of workspaces) {
    const feeds = mergeFeeds(graph.flows.filter((f) => f.destination === w.key).flatMap((f) => f.feeds));
    lines.push(`### ${cell(w.name)}`, "", "| content | solution | data | why |", "|---|---|---|---|");
    for (const r of readinessOf(feeds)) lines.push(`| ${cell(r.content.name)} | ${cell(r.content.solution)} | ${r.status} | ${cell(r.why)} |`);
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

function originWords(o: FlowOrigin): string {
  if (o.via === "policy") return `Azure Policy at ${cell(o.scope ?? "?")}`;
  return o.subscriptionIds.length === 1
    ? `subscription ${o.subscriptionIds[0]}`
    : `${o.subscriptionIds.length} subscriptions (${o.subscriptionIds[0]} … ${o.subscriptionIds[o.subscriptionIds.length - 1]})`;
}

function tenant(id: string | undefined): string {
  return id ?? "not stated";
}

/** Text as one Markdown table cell: no line breaks, pipes escaped, HTML and backticks made literal. */
function cell(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ")
      .replace(/[\\|`*_<>[\]]/g, (c) => `\\${c}`)
  );
}
