import { DestinationKind } from "../kinds/destination-kind";
import { DataType } from "../model/data-type";
import { ActionView } from "../writers/automation-view";
import { LiveAutomation } from "./arm-input";
import { LiveFinding } from "./lint";
import { rebuildExports } from "./rebuild";
import { ruleSetsInWords } from "../model/rule-words";

/**
 * One live automation in words, as the report words an export of this library: what data, with which
 * filters, goes where; then what the check pack finds. Rule sets the typed filters say are said as they would
 * be in a stack; others rule by rule in words (`the field … is "…"`), never as raw JSON.
 */
export function explainAutomation(a: LiveAutomation, findings: readonly LiveFinding[]): string[] {
  const { view } = a;
  return [
    `${a.id}  (subscription ${a.subscriptionId}, resource group ${a.resourceGroupName}, ${a.location || "no location"}, ${a.fieldProblems.some((p) => p.field === "properties.isEnabled") ? "isEnabled unreadable" : view.enabled ? "enabled" : "disabled: exports nothing"})`,
    ...exportsInWords(a).map((e) => `  exports  ${e}`),
    `  ${a.name}  → ${view.actions.map(actionInWords).join("; ")}`,
    `      sources: ${view.sources.map((s) => `${s.eventSource} (${s.ruleSets.length === 0 ? "everything" : `${s.ruleSets.length} rule set${s.ruleSets.length > 1 ? "s" : ""}`})`).join(", ")}`,
    `      scope: ${scopeInWords(a)}`,
    ...findings.map((f) => `  ${f.level}  [${f.ruleId}] ${f.message}`),
  ];
}

/** What the automation exports, one line per export, in words. */
export function exportsInWords(a: LiveAutomation): string[] {
  const rebuilt = rebuildExports(a.view.sources);
  if (!("exports" in rebuilt))
    return a.view.sources.map((s) => `${sourceInWords(s.eventSource)} where ${ruleSetsInWords(s.eventSource, s.ruleSets)}`);
  return rebuilt.exports.map((e) => {
    if (e.typed) return e.export.describe();
    const sets = e.export.ruleSets.map((set) =>
      set.rules.map((r) => ({ propertyJPath: r.propertyJPath, operator: r.operator.value, expectedValue: r.expectedValue })),
    );
    return `${e.export.describe().replace(/ where .*$/s, "")} where ${ruleSetsInWords(e.export.dataType.streamingSource, sets)}`;
  });
}

/** The automation's scope in words. */
export function scopeInWords(a: LiveAutomation): string {
  return a.view.scopes.every((s) => s.toLowerCase() === `/subscriptions/${a.subscriptionId}`)
    ? "the whole subscription"
    : `resource groups ${a.view.scopes.map((s) => s.split("/").pop()).join(", ")}`;
}

/** An event source in words: its data type and timing. */
export function sourceInWords(eventSource: string): string {
  const type = DataType.ALL.find((t) => t.streamingSource === eventSource || t.snapshotSource === eventSource);
  if (!type) return `${eventSource} (an event source the service does not know)`;
  return `${type.portalName} (${eventSource === type.streamingSource ? "streaming" : "weekly snapshot"})`;
}

/** A destination in words, from its resource id, as the library's destinations describe themselves. */
export function actionInWords(action: ActionView): string {
  const kind = DestinationKind.ofActionType(action.actionType);
  if (kind) return kind.existingInWords(action.resourceId, action.trusted);
  return `${action.actionType} ${action.resourceId} (an action type the service does not know)`;
}
