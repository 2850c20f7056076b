import { IConstruct } from "constructs";
import { ContinuousExport, ExportSummary } from "./continuous-export";
import { ContinuousExportPolicy } from "./policy/continuous-export-policy";

/** The summaries of every continuous export under `scope` (a stack or an app), in construct order. */
export function collectExports(scope: IConstruct): ExportSummary[] {
  return scope.node.findAll().filter((c): c is ContinuousExport => c instanceof ContinuousExport).map((c) => c.summary);
}

/**
 * What is exported where, in words: per export its data and filters, per automation its name,
 * destinations and event sources. Secrets never appear.
 */
export function formatExportReport(scope: IConstruct): string {
  const policies = scope.node
    .findAll()
    .filter((c): c is ContinuousExportPolicy => c instanceof ContinuousExportPolicy)
    .map(({ summary: s }) => [
      `${s.path}  (Azure Policy at ${s.scope})`,
      ...s.exports.map((e) => `  exports  ${e}`),
      `  ${s.automationName} in every subscription  → ${s.destination}`,
      `      data types: ${s.exportedDataTypes.join(", ")}`,
      `      deployed by ${s.definitionId}`,
    ].join("\n"));
  const exports = collectExports(scope)
    .map((s) => [
      `${s.path}  (subscription ${s.subscriptionId})`,
      ...s.exports.map((e) => `  exports  ${e}`),
      ...s.automations.flatMap((a) => [
        `  ${a.name}  → ${a.destinations.join("; ")}`,
        `      sources: ${a.sources.join(", ")}`,
        `      written as ${a.writtenAs}`,
      ]),
    ].join("\n"));
  return [...exports, ...policies].join("\n");
}
