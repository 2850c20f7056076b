import { ComplianceStandard } from "../model/catalogue";
import { DataType } from "../model/data-type";
import { Export } from "../model/export";
import { SENTINEL_CONTENT, SentinelContent } from "./content";

/**
 * A Microsoft Sentinel solution whose analytic rules read continuous export's tables, with the exports
 * that give every one of its catalogued rules data in a workspace:
 *
 * ```ts
 * new ContinuousExport(this, "ForNist", { …, exports: SentinelSolution.NIST_SP_800_53.exports(), destinations: [workspace] });
 * ```
 *
 * The rules and what they read are in docs/sentinel.md (from Azure/Azure-Sentinel, with the date read).
 */
export class SentinelSolution {
  /** NIST SP 800-53: recommendations and the `NIST-SP-800-53-R4` compliance standard. */
  public static readonly NIST_SP_800_53 = new SentinelSolution("NIST SP 800-53");
  /** Azure Security Benchmark: recommendations and the `Azure-Security-Benchmark` compliance standard. */
  public static readonly AZURE_SECURITY_BENCHMARK = new SentinelSolution("Azure Security Benchmark");
  /** Zero Trust (TIC 3.0): recommendations. */
  public static readonly ZERO_TRUST_TIC_3_0 = new SentinelSolution("Zero Trust (TIC 3.0)");
  /** CMMC 2.0: the `NIST-SP-800-171-R2` compliance standard. */
  public static readonly CMMC_2_0 = new SentinelSolution("CMMC 2.0");
  /** Maturity Model for Event Log Management (M-21-31): recommendations. */
  public static readonly M_21_31 = new SentinelSolution("Maturity Model for Event Log Management (M-21-31)");
  /** Continuous Diagnostics & Mitigation (CDM): recommendations. */
  public static readonly CDM = new SentinelSolution("Continuous Diagnostics & Mitigation (CDM)");

  /** Every solution the catalogue knows. */
  public static readonly ALL: SentinelSolution[] = [
    SentinelSolution.NIST_SP_800_53,
    SentinelSolution.AZURE_SECURITY_BENCHMARK,
    SentinelSolution.ZERO_TRUST_TIC_3_0,
    SentinelSolution.CMMC_2_0,
    SentinelSolution.M_21_31,
    SentinelSolution.CDM,
  ];

  private constructor(
    /** The solution's name in the Content hub. */
    public readonly solutionName: string,
  ) {}

  /** The catalogued rules of this solution. */
  public content(): SentinelContent[] {
    return SENTINEL_CONTENT.filter((c) => c.solution === this.solutionName);
  }

  /**
   * The exports its rules need, streaming and weekly snapshot (the rules look back 7 days: the snapshot
   * brings every resource within that window): whole tables where a rule reads every row, the compliance
   * standards the rules keep.
   */
  public exports(): Export[] {
    const reads = this.content().flatMap((c) => c.reads);
    const exports: Export[] = [];
    if (reads.some((r) => r.table === DataType.RECOMMENDATIONS.workspaceTable)) exports.push(Export.recommendations({ snapshot: true }));
    const standards = [...new Set(reads.flatMap((r) => (r.complianceStandard ? [r.complianceStandard] : [])))].sort();
    if (standards.length > 0)
      exports.push(Export.regulatoryCompliance({ standards: standards.map((s) => ComplianceStandard.of(s)), snapshot: true }));
    return exports;
  }
}
