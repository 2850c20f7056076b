import { DriftReport, diffAutomations, readSynthesizedAutomations } from "../live/diff";
import { LiveAutomation } from "../live/arm-input";

/** `diff`'s output: the report as text or JSON (schema in docs/live.md), and the exit code (0 no drift, 1 drift). */
export function runDiff(live: readonly LiveAutomation[], outdir: string, format: "text" | "json"): { text: string; drift: boolean } {
  const report: DriftReport = diffAutomations(live, readSynthesizedAutomations(outdir));
  if (format === "json") return { text: `${JSON.stringify(report, null, 2)}\n`, drift: report.drift };
  const lines: string[] = [];
  const label = { same: "same     ", changed: "changed  ", "only-live": "only live", "only-code": "only code" } as const;
  for (const e of report.entries) {
    lines.push(`${label[e.status]}  ${e.id}${e.address ? `  (${e.address})` : ""}`);
    for (const c of e.changes) lines.push(`           ${c}`);
  }
  for (const u of report.unresolved) lines.push(`not compared  ${u}: its subscription, resource group or name is known at apply only`);
  const count = (s: string) => report.entries.filter((e) => e.status === s).length;
  lines.push(
    `${count("same")} same, ${count("changed")} changed, ${count("only-live")} only live, ${count("only-code")} only in code: ${report.drift ? "drift" : "no drift"}`,
  );
  return { text: `${lines.join("\n")}\n`, drift: report.drift };
}
