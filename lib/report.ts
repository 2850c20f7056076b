import { IConstruct } from "constructs";
import { ContinuousExport, ExportSummary } from "./continuous-export";

/** The summaries of every continuous export under `scope` (a stack or an app), in construct order. */
export function collectExports(scope: IConstruct): ExportSummary[] {
  return scope.node.findAll().filter((c): c is ContinuousExport => c instanceof ContinuousExport).map((c) => c.summary);
}

/**
 * What is exported where, in words: per export its data and filters, per automation its name,
 * destinations and event sources. Secrets never appear.
 */
export function formatExportReport(scope: IConstruct): string {
  return collectExports(scope)
    .map((s) => [
      `${s.path}  (subscription ${s.subscriptionId})`,
      ...s.exports.map((e) => `  exports  ${e}`),
      ...s.automations.flatMap((a) => [
        `  ${a.name}  → ${a.destinations.join("; ")}`,
        `      sources: ${a.sources.join(", ")}`,
        `      written as ${a.writtenAs}`,
      ]),
    ].join("\n"))
    .join("\n");
}
