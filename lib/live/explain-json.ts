import { DestinationKind } from "../destinations/destination";
import { DataType } from "../model/data-type";
import { ruleSetsInWords } from "../model/rule-words";
import { LiveAutomation } from "./arm-input";
import { actionInWords, exportsInWords, scopeInWords } from "./explain";
import { LiveFinding } from "./lint";

/** One automation as `explain --format json` prints it (schema in docs/live.md). */
export interface ExplainedAutomation {
  readonly id: string;
  readonly name: string;
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly enabled: boolean;
  /** `the whole subscription` or the resource groups. */
  readonly scope: string;
  /** What it exports, one sentence per export, as a stack would say it. */
  readonly exports: string[];
  /** Each event source: its data type, timing and filter in words. */
  readonly sources: Array<{ eventSource: string; dataType: string; timing: string; filter: string; ruleSets: number }>;
  /** Each destination: its kind, resource id, and a sentence. */
  readonly destinations: Array<{ kind: string; resourceId: string; trustedService: boolean; description: string }>;
  /** What the check pack finds. */
  readonly findings: Array<{ ruleId: string; level: string; message: string }>;
}

/** One live automation as structured data: what `explain --format json` prints per automation. */
export function explainStructured(a: LiveAutomation, findings: readonly LiveFinding[]): ExplainedAutomation {
  return {
    id: a.id,
    name: a.name,
    subscriptionId: a.subscriptionId,
    resourceGroupName: a.resourceGroupName,
    location: a.location,
    enabled: a.view.enabled,
    scope: scopeInWords(a),
    exports: exportsInWords(a),
    sources: a.view.sources.map((s) => {
      const type = DataType.ALL.find((t) => t.eventSources.includes(s.eventSource));
      return {
        eventSource: s.eventSource,
        dataType: type?.portalName ?? "unknown",
        timing: type ? (s.eventSource === type.streamingSource ? "streaming" : "weekly snapshot") : "unknown",
        filter: ruleSetsInWords(s.eventSource, s.ruleSets),
        ruleSets: s.ruleSets.length,
      };
    }),
    destinations: a.view.actions.map((x) => ({
      kind: DestinationKind.ofActionType(x.actionType)?.displayName ?? x.actionType,
      resourceId: x.resourceId,
      trustedService: x.trusted === true,
      description: actionInWords(x),
    })),
    findings: findings.filter((f) => f.automationId === a.id).map(({ ruleId, level, message }) => ({ ruleId, level, message })),
  };
}
