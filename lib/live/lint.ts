import { CHECK_RULES, Finding, checkAutomation, checkPortalVisibility } from "../checks/rules";
import { checkManageKeys } from "../checks/key-and-grant-rules";
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
 * stack: each automation on its own (DFC001 to DFC004, DFC012 to DFC018), its Event Hub key (DFC020, when
 * Azure's answer holds one), and the portal-visible ones of each subscription together (DFC006). A
 * connection string or trigger URL in Azure's answer is Azure's stored value, not a literal secret
 * (DFC009 is for code). Sorted by automation id, then check.
 */
export function lintAutomations(automations: readonly LiveAutomation[]): LiveFinding[] {
  const views = automations.map((a) => a.view);
  const findings: Finding[] = [
    ...views.flatMap((v) => checkAutomation(v, "live")),
    ...checkPortalVisibility(views),
    ...checkManageKeys(views, new Map()),
  ];
  const levels = new Map(CHECK_RULES.map((r) => [r.id, r.level]));
  return findings
    .map((f) => ({ ruleId: f.ruleId, level: levels.get(f.ruleId) ?? "error", automationId: f.address, message: f.message }))
    .sort((a, b) => (a.automationId === b.automationId ? a.ruleId.localeCompare(b.ruleId) : a.automationId < b.automationId ? -1 : 1));
}
