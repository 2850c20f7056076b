import { CHECK_RULES, PackRule, applyRules, checkInput } from "../checks/rules";
import { LiveAutomation } from "./arm-input";

/** A finding of the check pack on a live automation. */
export interface LiveFinding {
  /** The check, e.g. `DFC001`. */
  readonly ruleId: string;
  /** `error` or `warning`. */
  readonly level: string;
  /** The automation's ARM id. */
  readonly automationId: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

/**
 * The check pack's rules on live automations, the same rules `ContinuousExportChecks` applies to a
 * stack: each automation on its own (DFC001 to DFC004, DFC012 to DFC018, DFC030, DFC040), its Event Hub key
 * (DFC020, when Azure's answer holds one), the portal-visible ones of each subscription together (DFC006), and
 * each field of the wrong type the reader set aside (DFC055: `isEnabled: "false"` is not read as enabled or
 * disabled). A connection string or trigger URL in Azure's answer is Azure's stored value, not a literal
 * secret (DFC009 is for code). Sorted by automation id, then check.
 */
export function lintAutomations(automations: readonly LiveAutomation[], rules: readonly PackRule[] = CHECK_RULES): LiveFinding[] {
  const input = checkInput({
    origin: "live",
    automations: automations.map((a) => a.view),
    fieldProblems: automations.flatMap((a) => a.fieldProblems.map((p) => ({ address: a.id, message: p.message }))),
  });
  const levels = new Map(rules.map((r) => [r.id, r.level]));
  return applyRules(rules, input)
    .map((f) => ({ ruleId: f.ruleId, level: f.level ?? levels.get(f.ruleId) ?? "error", automationId: f.address, message: f.message }))
    .sort((a, b) => (a.automationId === b.automationId ? a.ruleId.localeCompare(b.ruleId) : a.automationId < b.automationId ? -1 : 1));
}

/** Findings grouped by automation id, once: looking them up per automation would grow with automations times findings. */
export function findingsByAutomation(findings: readonly LiveFinding[]): Map<string, LiveFinding[]> {
  const grouped = new Map<string, LiveFinding[]>();
  for (const f of findings) {
    const list = grouped.get(f.automationId);
    if (list) list.push(f);
    else grouped.set(f.automationId, [f]);
  }
  return grouped;
}
