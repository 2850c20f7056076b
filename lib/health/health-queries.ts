import { AZURE_METRICS, DocumentedTable, EXPORT_TABLES } from "./export-tables";

/**
 * The KQL of the health alerts. Every time span is a literal (`ago(24h)`): the project's domain notes
 * (2026-12) say log search alerts accept `ago()` with literals only; no Microsoft page confirming it was found,
 * and literals are valid either way. Every table and column named here is one Microsoft
 * documents (export-tables.ts); the tests parse each query against those schemas with Microsoft's Kusto
 * language service.
 */

/** The subscription of a row of `table`, lower-cased, from the columns its reference documents. */
export function subscriptionOf(table: DocumentedTable): string {
  const parts = table.subscriptionFrom.map(({ column, holds }) =>
    holds === "subscription id" ? `tostring(${column})` : `extract("(?i)/subscriptions/([^/]+)", 1, tostring(${column}))`,
  );
  return `tolower(${parts.length === 1 ? parts[0] : `coalesce(${parts.join(", ")})`})`;
}

/** A KQL string literal of a value the library checked (a subscription GUID, a resource id): quotes and backslashes escaped. */
function kqlString(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/**
 * The query of a workspace's log search alert: one row per watched subscription whose last exported row
 * is older than `hours` (or that sent none in the look-back), by `SubscriptionId`, the alert's dimension.
 * `subscriptions` lists the watched subscriptions; `undefined` watches every subscription seen during the
 * look-back, plus one row `(every subscription)` when nothing at all arrived.
 */
export function silenceQuery(tables: readonly string[], hours: number, subscriptions: readonly string[] | undefined): string {
  const legs = tables.map((name) => {
    const table = EXPORT_TABLES[name];
    if (!table) throw new Error(`no documented schema for table ${name}`);
    return `(${name} | project TimeGenerated, SubscriptionId = ${subscriptionOf(table)})`;
  });
  // The empty leg keeps the query valid while no export table exists yet (a new workspace): a fuzzy union skips missing tables but needs one.
  const rows = `let rows = union isfuzzy=true (datatable(TimeGenerated: datetime, SubscriptionId: string) [])${legs.map((l) => `,\n    ${l}`).join("")};`;
  const lastRows = "rows | summarize LastRow = max(TimeGenerated) by SubscriptionId";
  if (subscriptions === undefined) {
    return [
      rows,
      lastRows,
      `| where LastRow < ago(${hours}h)`,
      `| union (rows | where TimeGenerated > ago(${hours}h) | count | where Count == 0 | project SubscriptionId = "(every subscription)", LastRow = datetime(null))`,
    ].join("\n");
  }
  const expected = [...new Set(subscriptions.map((s) => s.toLowerCase()))].sort().map(kqlString).join(", ");
  return [
    rows,
    `datatable(SubscriptionId: string) [${expected}]`,
    `| join kind=leftouter (${lastRows}) on SubscriptionId`,
    `| where isnull(LastRow) or LastRow < ago(${hours}h)`,
    "| project SubscriptionId, LastRow",
  ].join("\n");
}

/**
 * The query of a log search alert over a destination's platform metrics in `AzureMetrics`: one row when
 * the metric's total over the last `hours` is zero, whether Azure recorded zeros or recorded nothing
 * (the empty leg counts as zero), so the alert does not depend on how the metric reports "no data".
 * `resourceId` is the literal id of the resource the metrics come from, or a Terraform reference.
 */
export function metricSilenceQuery(resourceId: string, metricName: string, hours: number): string {
  return [
    `union (datatable(Total: real) [0.0]),`,
    `    (${AZURE_METRICS.name} | where TimeGenerated > ago(${hours}h) | where _ResourceId =~ ${kqlString(resourceId)} and MetricName == ${kqlString(metricName)} | project Total)`,
    "| summarize Total = sum(Total)",
    "| where Total == 0",
  ].join("\n");
}

/** The query of a log search alert that fires on any non-zero total of a metric (e.g. failed runs) in the last `hours`. */
export function metricAnyQuery(resourceId: string, metricName: string, hours: number): string {
  return [
    `${AZURE_METRICS.name} | where TimeGenerated > ago(${hours}h) | where _ResourceId =~ ${kqlString(resourceId)} and MetricName == ${kqlString(metricName)}`,
    "| summarize Total = sum(Total)",
    "| where Total > 0",
  ].join("\n");
}
