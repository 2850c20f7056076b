import { BRANDS } from "./brand";
import { ExportConfigError, atFactory, describeValue } from "./errors";

/**
 * Severity of a security alert, as the `Severity` property of an exported alert carries it.
 * Alerts have Informational, Low, Medium and High, and no Critical: the alert `severity` enum of the
 * REST specs (`Microsoft.Security` alerts, API 2022-01-01; `KnownAlertSeverity` of `@azure/arm-security`;
 * checked 2026-12). Recommendations have their own scale ({@link Severity}).
 */
export class AlertSeverity {
  /** Informational alerts (Microsoft's built-in export policy cannot select these; this library can). */
  public static readonly INFORMATIONAL = new AlertSeverity("Informational", 0);
  /** Low severity alerts. */
  public static readonly LOW = new AlertSeverity("Low", 1);
  /** Medium severity alerts. */
  public static readonly MEDIUM = new AlertSeverity("Medium", 2);
  /** High severity alerts. */
  public static readonly HIGH = new AlertSeverity("High", 3);

  /** Every alert severity, lowest first. */
  public static readonly ALL: AlertSeverity[] = [AlertSeverity.INFORMATIONAL, AlertSeverity.LOW, AlertSeverity.MEDIUM, AlertSeverity.HIGH];

  /** Parses a severity by name (case-insensitive); throws for anything else. */
  public static of(name: string): AlertSeverity {
    return parse(AlertSeverity.ALL, name, "alert severity");
  }

  /** This severity and every higher one, lowest first. */
  public static atLeast(minimum: AlertSeverity): AlertSeverity[] {
    return AlertSeverity.ALL.filter((s) => s.rank >= minimum.rank);
  }

  /** The scale this value belongs to; it also keeps the kinds apart (an alert severity is not a recommendation severity). */
  public readonly scale = "alert" as const;

  private constructor(
    /** The display name, e.g. `High`. */
    public readonly name: string,
    /** Order from lowest (0) to highest. */
    public readonly rank: number,
  ) {
    BRANDS.value.mark(this);
  }

  /** The value the export rule compares with, as Microsoft's own export policy writes it (`high`). */
  public get ruleValue(): string {
    return this.name.toLowerCase();
  }
}

/**
 * Severity of a recommendation (assessment) or a finding (sub-assessment).
 *
 * Recommendations have four: Low, Medium, High and Critical (the `Severity` enum of the Assessments API
 * 2025-05-04, `Assessment.Management/stable/2025-05-04/openapi.json` in Azure/azure-rest-api-specs; Defender
 * for Cloud release notes, March 2025, "four distinct levels"; checked 2026-12). Findings have three: the
 * sub-assessment model's `status.severity` lists Low, Medium and High only (`SubAssessments.Management/models.tsp`,
 * API 2019-01-01-preview, the only version; checked 2026-12), see {@link Severity.FINDING_SCALE}.
 */
export class Severity {
  /** Low severity. */
  public static readonly LOW = new Severity("Low", 1);
  /** Medium severity. */
  public static readonly MEDIUM = new Severity("Medium", 2);
  /** High severity. */
  public static readonly HIGH = new Severity("High", 3);
  /** Critical severity: recommendations only (Assessments API 2025-05-04; findings have no Critical). */
  public static readonly CRITICAL = new Severity("Critical", 4);

  /** Every severity of a recommendation, lowest first. */
  public static readonly ALL: Severity[] = [Severity.LOW, Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL];

  /** Every severity a finding (sub-assessment) carries, lowest first: no Critical (sub-assessment REST model, 2019-01-01-preview). */
  public static readonly FINDING_SCALE: Severity[] = [Severity.LOW, Severity.MEDIUM, Severity.HIGH];

  /** Parses a severity by name (case-insensitive); throws for anything else, also for `Informational`. */
  public static of(name: string): Severity {
    return parse(Severity.ALL, name, "recommendation or finding severity");
  }

  /** This severity and every higher one a recommendation can have, lowest first (`HIGH` gives High and Critical). */
  public static atLeast(minimum: Severity): Severity[] {
    return Severity.ALL.filter((s) => s.rank >= minimum.rank);
  }

  /** The scale this value belongs to; it also keeps the kinds apart (an alert severity is not a recommendation severity). */
  public readonly scale = "recommendation" as const;

  private constructor(
    /** The display name and the value rules compare with, e.g. `High`. */
    public readonly name: string,
    /** Order from lowest (1) to highest. */
    public readonly rank: number,
  ) {
    BRANDS.value.mark(this);
  }

  /** The value the export rule compares with, as Microsoft's own export policy writes it (`High`). */
  public get ruleValue(): string {
    return this.name;
  }
}

/** Risk level of an attack path. */
export class AttackPathRiskLevel {
  /** Low risk. */
  public static readonly LOW = new AttackPathRiskLevel("Low", 1);
  /** Medium risk. */
  public static readonly MEDIUM = new AttackPathRiskLevel("Medium", 2);
  /** High risk. */
  public static readonly HIGH = new AttackPathRiskLevel("High", 3);
  /** Critical risk. */
  public static readonly CRITICAL = new AttackPathRiskLevel("Critical", 4);

  /** Every risk level, lowest first. */
  public static readonly ALL: AttackPathRiskLevel[] = [
    AttackPathRiskLevel.LOW,
    AttackPathRiskLevel.MEDIUM,
    AttackPathRiskLevel.HIGH,
    AttackPathRiskLevel.CRITICAL,
  ];

  /** Parses a risk level by name (case-insensitive); throws for anything else. */
  public static of(name: string): AttackPathRiskLevel {
    return parse(AttackPathRiskLevel.ALL, name, "attack path risk level");
  }

  /** This risk level and every higher one, lowest first. */
  public static atLeast(minimum: AttackPathRiskLevel): AttackPathRiskLevel[] {
    return AttackPathRiskLevel.ALL.filter((s) => s.rank >= minimum.rank);
  }

  /** The scale this value belongs to; it also keeps the kinds apart (an alert severity is not a recommendation severity). */
  public readonly scale = "attack path" as const;

  private constructor(
    /** The display name and the value rules compare with, e.g. `Critical`. */
    public readonly name: string,
    /** Order from lowest (1) to highest. */
    public readonly rank: number,
  ) {
    BRANDS.value.mark(this);
  }

  /** The value the export rule compares with. */
  public get ruleValue(): string {
    return this.name;
  }
}

function parse<T extends { name: string }>(all: readonly T[], name: string, what: string): T {
  return atFactory(
    `${all === (AlertSeverity.ALL as unknown) ? "AlertSeverity" : all === (Severity.ALL as unknown) ? "Severity" : "AttackPathRiskLevel"}.of`,
    () => find(all, name, what),
  );
}

function find<T extends { name: string }>(all: readonly T[], name: string, what: string): T {
  const found = all.find((s) => s.name.toLowerCase() === String(name).toLowerCase());
  if (!found) {
    throw new ExportConfigError("DFE020", `${describeValue(name)} is not a valid ${what}. Use one of: ${all.map((s) => s.name).join(", ")}.`);
  }
  return found;
}
