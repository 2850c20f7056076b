/**
 * Microsoft's Kusto language service (npm `@kusto/language-service-next`) as the judge of the KQL the
 * library writes: a query is analysed against the documented schemas of the tables it may read
 * (lib/health/export-tables.ts) and every diagnostic (unknown table, column, function; a syntax or type
 * error) is returned.
 */
import { AZURE_METRICS, DocumentedTable, EXPORT_TABLES } from "../../lib/health/export-tables";

require("@kusto/language-service-next/bridge.js");
require("@kusto/language-service-next/Kusto.Language.Bridge.js");
const K = (globalThis as any).Kusto.Language;
const S = K.Symbols;

const TYPES: { [type: string]: any } = {
  string: S.ScalarTypes.String,
  datetime: S.ScalarTypes.DateTime,
  bool: S.ScalarTypes.Bool,
  int: S.ScalarTypes.Int,
  long: S.ScalarTypes.Long,
  real: S.ScalarTypes.Real,
  dynamic: S.ScalarTypes.Dynamic,
};

function tableSymbol(table: DocumentedTable): any {
  const columns = Object.entries(table.columns).map(([name, type]) => new S.ColumnSymbol(name, TYPES[type], null, null, null, null));
  return new S.TableSymbol.$ctor4(table.name, columns);
}

const GLOBALS = K.GlobalState.Default.WithDatabase(
  new S.DatabaseSymbol.ctor("workspace", [...Object.values(EXPORT_TABLES), AZURE_METRICS].map(tableSymbol)),
);

/** The diagnostics of a query against the documented tables; none when Microsoft's analyser accepts it. */
export function kqlDiagnostics(query: string): string[] {
  const list = K.KustoCode.ParseAndAnalyze(query, GLOBALS).GetDiagnostics();
  const messages: string[] = [];
  for (let i = 0; i < list.Count; i++) {
    const d = list.getItem(i);
    messages.push(`${d.Severity}: ${d.Message}`);
  }
  return messages;
}

/** Every `ago(…)` argument that is not a timespan literal (log search alerts accept literals only). */
export function nonLiteralAgo(query: string): string[] {
  return [...query.matchAll(/\bago\(([^)]*)\)/g)].map((m) => m[1].trim()).filter((arg) => !/^\d+(\.\d+)?(d|h|m|s|ms)$/.test(arg));
}

/**
 * The query as Terraform renders it: each `${…}` interpolation (a created resource's id, known at apply)
 * replaced by a resource id of the same shape, so that the analyser judges the text Azure receives.
 */
export function asRendered(query: string): string {
  let out = "";
  for (let i = 0; i < query.length; i++) {
    if (query.startsWith("${", i)) {
      let depth = 0;
      let j = i + 1;
      for (; j < query.length; j++) {
        if (query[j] === "{") depth++;
        else if (query[j] === "}" && --depth === 0) break;
      }
      out += "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Example/things/known-at-apply";
      i = j;
    } else out += query[i];
  }
  return out;
}
