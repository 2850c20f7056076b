/** One check result of Checkov's JSON output (`-o json`), the fields this project reads. */
export interface CheckovRecord {
  readonly check_id: string;
  readonly check_name: string;
  /** `resource.<name>` in the terraform_json framework. */
  readonly resource: string;
  readonly file_path: string;
}

/** One framework's report in Checkov's JSON output. */
export interface CheckovReport {
  readonly check_type: string;
  readonly results: { readonly passed_checks: CheckovRecord[]; readonly failed_checks: CheckovRecord[]; readonly parsing_errors: string[] };
  readonly summary: { readonly checkov_version: string };
}

/** A failure that does not apply to a continuous-export destination, and why (scripts/checkov/explained.json). */
export interface ExplainedFailure {
  /** The Checkov check id. */
  readonly check: string;
  /** The resource type it fails on. */
  readonly resourceType: string;
  /** Why it does not apply, and what the library does instead. */
  readonly reason: string;
}

/** Results per check id: how many resources passed, failed (explained or not). */
export interface CheckTally {
  readonly check: string;
  readonly name: string;
  readonly resourceTypes: string[];
  passed: number;
  failed: number;
  explained: number;
}

/** What a scan found, judged. */
export interface ScanVerdict {
  readonly version: string;
  readonly files: number;
  readonly resources: number;
  /** The resource types in the scanned stacks that no check of this Checkov version looked at. */
  readonly uncheckedTypes: string[];
  readonly tallies: CheckTally[];
  /** Failures no entry of explained.json covers, as `check resource file`. */
  readonly unexplained: string[];
  readonly parsingErrors: string[];
}

/** A scanned file's resources by address (`<name>` → type), as the view holds them. */
export type ResourceTypes = ReadonlyMap<string, ReadonlyMap<string, string>>;

/**
 * Judges Checkov's reports: every failure must be explained (by check id and resource type), no file may
 * fail to parse, and the tallies say what was checked.
 */
export function judge(reports: readonly CheckovReport[], files: ResourceTypes, explained: readonly ExplainedFailure[]): ScanVerdict {
  const tallies = new Map<string, CheckTally>();
  const unexplained: string[] = [];
  const typeOf = (r: CheckovRecord) => files.get(r.file_path)?.get(r.resource.replace(/^resource\./, "")) ?? "unknown";
  const tally = (r: CheckovRecord) => {
    const entry = tallies.get(r.check_id) ?? { check: r.check_id, name: r.check_name, resourceTypes: [], passed: 0, failed: 0, explained: 0 };
    tallies.set(r.check_id, entry);
    if (!entry.resourceTypes.includes(typeOf(r))) entry.resourceTypes.push(typeOf(r));
    return entry;
  };
  for (const report of reports) {
    for (const r of report.results.passed_checks) tally(r).passed++;
    for (const r of report.results.failed_checks) {
      const entry = tally(r);
      if (explained.some((e) => e.check === r.check_id && e.resourceType === typeOf(r))) entry.explained++;
      else {
        entry.failed++;
        unexplained.push(`${r.check_id} ${typeOf(r)}.${r.resource.replace(/^resource\./, "")} (${r.file_path})`);
      }
    }
  }
  const checkedTypes = new Set([...tallies.values()].flatMap((t) => t.resourceTypes));
  const allTypes = new Set([...files.values()].flatMap((resources) => [...resources.values()]));
  return {
    uncheckedTypes: [...allTypes].filter((t) => !checkedTypes.has(t)).sort(),
    version: reports[0]?.summary.checkov_version ?? "unknown",
    files: files.size,
    resources: [...files.values()].reduce((n, resources) => n + resources.size, 0),
    tallies: [...tallies.values()].sort((a, b) => a.check.localeCompare(b.check)),
    unexplained,
    parsingErrors: reports.flatMap((r) => r.results.parsing_errors),
  };
}

/** Checkov prints one report object, or an array of them when several frameworks ran. */
export function reportsOf(output: string): CheckovReport[] {
  const parsed: unknown = JSON.parse(output);
  const list = Array.isArray(parsed) ? parsed : [parsed];
  // A framework with nothing to scan prints only a summary, without `results`.
  return list.filter((r): r is CheckovReport => typeof r === "object" && r !== null && "results" in r);
}

/** The Markdown table of docs/security.md: one row per check that ran, then the totals. */
export function renderTable(verdict: ScanVerdict, sources: string): string {
  const rows = verdict.tallies.map((t) => `| ${t.check} | ${t.name} | ${t.resourceTypes.join(", ")} | ${t.passed} | ${t.failed} | ${t.explained} |`);
  return [
    `Checkov ${verdict.version}, \`--framework terraform_json\`, on ${sources}: ${verdict.files} stacks, ${verdict.resources} resources, ` +
      `${verdict.parsingErrors.length} parsing errors.`,
    "",
    "| check | what it checks | resource types | passed | failed | explained |",
    "|---|---|---|---|---|---|",
    ...rows,
    "",
    `Resource types in these stacks that no check of this version looks at: ${verdict.uncheckedTypes.map((t) => `\`${t}\``).join(", ")}.`,
    "",
  ].join("\n");
}
