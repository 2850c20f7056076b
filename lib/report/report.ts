import { IConstruct } from "constructs";
import { ContinuousExport, ExportSummary } from "../continuous-export";
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

/**
 * A fleet as the report reads it: the exports it holds (one for_each export, or one per subscription) and
 * how many subscriptions it covers. Read by shape, so that the report does not depend on the fleet.
 */
interface ReportedFleet extends IConstruct {
  readonly forEachExport?: ContinuousExport;
  readonly exports: { readonly [subscriptionId: string]: ContinuousExport };
  readonly subscriptionCount: number;
}

function isFleet(c: IConstruct): c is ReportedFleet {
  const f = c as Partial<ReportedFleet>;
  return typeof f.subscriptionCount === "number" && typeof f.exports === "object" && f.exports !== null && !Array.isArray(f.exports);
}

function formatExportReport(scope: IConstruct): string {
  const lines: string[] = [];
  const fleets = new Set<IConstruct>();
  for (const c of scope.node.findAll()) {
    if (isFleet(c)) {
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
    } else if (c instanceof ContinuousExport && !(c.node.scope !== undefined && fleets.has(c.node.scope))) {
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
    ...s.notExported.map((n) => `      not exported: ${n} (DFW025)`),
    `      deployed by ${s.definitionId}`,
    ...(s.health ? [`      health: ${s.health}`] : []),
  ];
}
