import { DestinationKind } from "../destinations/destination";
import { DataType } from "../model/data-type";
import { ActionView } from "../writers/automation-view";
import { LiveAutomation } from "./arm-input";
import { LiveFinding } from "./lint";
import { rebuildExports } from "./rebuild";

/**
 * One live automation in words, as the report words an export of this library: what data, with which
 * filters, goes where; then what the check pack finds. Exports the typed filters can say are said as
 * they would be in a stack; other rule sets are quoted.
 */
export function explainAutomation(a: LiveAutomation, findings: readonly LiveFinding[]): string[] {
  const { view } = a;
  const rebuilt = rebuildExports(view.sources);
  const exports =
    "exports" in rebuilt
      ? rebuilt.exports.map((e) => e.export.describe())
      : view.sources.map(
          (s) =>
            `${sourceInWords(s.eventSource)}${s.ruleSets.length === 0 ? "" : ` where ${s.ruleSets.map((set) => `(${set.map((r) => `${r.propertyJPath} ${r.operator} "${r.expectedValue}"`).join(" AND ")})`).join(" OR ")}`}`,
        );
  const scope = view.scopes.every((s) => s.toLowerCase() === `/subscriptions/${a.subscriptionId}`)
    ? "the whole subscription"
    : `resource groups ${view.scopes.map((s) => s.split("/").pop()).join(", ")}`;
  return [
    `${a.id}  (subscription ${a.subscriptionId}, resource group ${a.resourceGroupName}, ${a.location || "no location"}, ${a.fieldProblems.some((p) => p.field === "properties.isEnabled") ? "isEnabled unreadable" : view.enabled ? "enabled" : "disabled: exports nothing"})`,
    ...exports.map((e) => `  exports  ${e}`),
    `  ${a.name}  → ${view.actions.map(actionInWords).join("; ")}`,
    `      sources: ${view.sources.map((s) => `${s.eventSource} (${s.ruleSets.length === 0 ? "everything" : `${s.ruleSets.length} rule set${s.ruleSets.length > 1 ? "s" : ""}`})`).join(", ")}`,
    `      scope: ${scope}`,
    ...findings.map((f) => `  ${f.level}  [${f.ruleId}] ${f.message}`),
  ];
}

function sourceInWords(eventSource: string): string {
  const type = DataType.ALL.find((t) => t.streamingSource === eventSource || t.snapshotSource === eventSource);
  if (!type) return `${eventSource} (an event source the service does not know)`;
  return `${type.portalName} (${eventSource === type.streamingSource ? "streaming" : "weekly snapshot"})`;
}

/** A destination in words, from its resource id, as the library's destinations describe themselves. */
export function actionInWords(action: ActionView): string {
  const kind = DestinationKind.ofActionType(action.actionType);
  const parts = action.resourceId.split("/");
  const group = parts[4] ?? "?";
  if (kind === DestinationKind.WORKSPACE) return `Log Analytics workspace ${parts[8] ?? action.resourceId} (existing, in ${group})`;
  if (kind === DestinationKind.EVENT_HUB) {
    return `Event Hub ${parts[8] ?? "?"}/${parts[10] ?? "?"} (existing, in ${group}, ${action.trusted ? "as a trusted service, no key" : "with a Send rule's connection string"})`;
  }
  if (kind === DestinationKind.LOGIC_APP) return `Logic App ${parts[8] ?? action.resourceId} (existing, in ${group})`;
  return `${action.actionType} ${action.resourceId} (an action type the service does not know)`;
}
