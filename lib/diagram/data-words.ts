import { DataType } from "../model/data-type";
import { PlainSource } from "../live/meaning";
import { rebuildExports } from "../live/rebuild";

/**
 * What an automation's sources export, one short line per export, as the report words them
 * (`Security alerts (streaming) where …`); sources the typed filters cannot say are named with the count of
 * their raw rule sets.
 */
export function dataInWords(sources: readonly PlainSource[]): string[] {
  const rebuilt = rebuildExports(sources);
  if ("exports" in rebuilt) return rebuilt.exports.map((e) => e.export.describe());
  return sources.map((s) => {
    const type = DataType.ALL.find((t) => t.eventSources.includes(s.eventSource));
    const name = type ? `${type.portalName} (${s.eventSource === type.streamingSource ? "streaming" : "weekly snapshot"})` : s.eventSource;
    return s.ruleSets.length === 0 ? name : `${name} where ${s.ruleSets.length} raw rule set${s.ruleSets.length > 1 ? "s" : ""}`;
  });
}
