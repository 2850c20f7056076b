import { IConstruct } from "constructs";
import { ContinuousExport, ExportSummary } from "../continuous-export";
import { ContinuousExportFleet } from "../fleet/continuous-export-fleet";
import { ContinuousExportPolicy, PolicyExportSummary } from "../policy/continuous-export-policy";
import { sentinelReadinessLines } from "../sentinel/report-lines";

/** What the continuous exports of a stack or an app send where, in words. */
export class ExportReport {
  /** The summaries of every continuous export under `scope` (a stack or an app), in construct order. */
  public static collect(scope: IConstruct): ExportSummary[] {
    return scope.node
      .findAll()
      .filter((c): c is ContinuousExport => c instanceof ContinuousExport)
      .map((c) => c.summary);
  }

  /**
   * What is exported where, in words: per export its data and filters, per automation its name,
   * destinations and event sources; a fleet once, with its subscription count; a policy route with its
   * definition. Secrets never appear.
   */
  public static format(scope: IConstruct): string {
    return formatExportReport(scope);
  }

  /**
   * For each workspace the exports under `scope` send to, which catalogued Microsoft Sentinel rules will
   * have data there, see only part of it, or none, and why (docs/sentinel.md).
   */
  public static sentinelReadiness(scope: IConstruct): string {
    return sentinelReadinessLines(scope).join("\n");
  }

  private constructor() {}
}

function formatExportReport(scope: IConstruct): string {
  const lines: string[] = [];
  const fleets = new Set<ContinuousExportFleet>();
  for (const c of scope.node.findAll()) {
    if (c instanceof ContinuousExportFleet) {
      fleets.add(c);
      const first = c.forEachExport ?? Object.values(c.exports)[0];
      const layout = c.forEachExport ? `, one for_each resource per automation` : "";
      if (!first) {
        lines.push(`${c.node.path}  (fleet of no subscriptions: its shard hands its subscriptions over)`);
        continue;
      }
      lines.push(
        ...formatExport(first.summary, `${c.node.path}  (fleet of ${c.subscriptionCount} subscriptions${layout}, each with the automations below)`),
      );
    } else if (c instanceof ContinuousExport && !(c.node.scope instanceof ContinuousExportFleet && fleets.has(c.node.scope))) {
      lines.push(...formatExport(c.summary, `${c.node.path}  (subscription ${c.summary.subscriptionId})`));
    } else if (c instanceof ContinuousExportPolicy) {
      lines.push(...formatPolicy(c.summary), ...(c.secondStep ? [`      then, ${c.secondStep}`] : []));
    }
  }
  return lines.join("\n");
}

function formatExport(s: ExportSummary, heading: string): string[] {
  return [
    heading,
    ...s.exports.map((e) => `  exports  ${e}`),
    ...s.automations.flatMap((a) => [
      `  ${a.name}  → ${a.destinations.join("; ")}`,
      `      sources: ${a.sources.join(", ")}`,
      `      written as ${a.writtenAs}`,
      ...(a.health ?? []).map((h) => `      health: ${h}`),
    ]),
  ];
}

function formatPolicy(s: PolicyExportSummary): string[] {
  return [
    `${s.path}  (Azure Policy at ${s.scope})`,
    ...s.exports.map((e) => `  exports  ${e}`),
    `  ${s.automationName} in every subscription  → ${s.destination}`,
    `      data types: ${s.exportedDataTypes.join(", ")}`,
    `      deployed by ${s.definitionId}`,
    ...(s.health ? [`      health: ${s.health}`] : []),
  ];
}
