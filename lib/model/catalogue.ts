import { BRANDS } from "./brand";
import { ExportConfigError, atFactory, describeValue } from "./errors";
import { isGuid } from "./guid";

/**
 * A recommendation (assessment) by its assessment key, the GUID that names it in
 * `…/providers/Microsoft.Security/assessments/{key}`.
 *
 * Keys of other recommendations: Azure Resource Graph, `securityresources | where type ==
 * "microsoft.security/assessments" | distinct name, tostring(properties.displayName)`.
 */
export class Recommendation {
  /** "Machines should have vulnerability findings resolved": one finding per vulnerability found. */
  public static readonly MACHINES_VULNERABILITIES = new Recommendation(
    "1195afff-c881-495e-9bc5-1486211ae03f",
    "Machines should have vulnerability findings resolved",
  );
  /** "SQL databases should have vulnerability findings resolved". */
  public static readonly SQL_DATABASES_VULNERABILITIES = new Recommendation(
    "82e20e14-edc5-4373-bfc4-f13121257c37",
    "SQL databases should have vulnerability findings resolved",
  );
  /** "SQL servers on machines should have vulnerability findings resolved": SQL Server on VMs and Arc machines. */
  public static readonly SQL_SERVERS_ON_MACHINES_VULNERABILITIES = new Recommendation(
    "f97aa83c-9b63-4f9a-99f6-b22c4398f936",
    "SQL servers on machines should have vulnerability findings resolved",
  );
  /** "Container registry images should have vulnerability findings resolved (powered by Qualys)". */
  public static readonly CONTAINER_REGISTRY_IMAGES_VULNERABILITIES = new Recommendation(
    "dbd0cb49-b563-45e7-9724-889e799fa648",
    "Container registry images should have vulnerability findings resolved",
  );
  /** "Running container images should have vulnerability findings resolved". */
  public static readonly RUNNING_CONTAINER_IMAGES_VULNERABILITIES = new Recommendation(
    "41503391-efa5-47ee-9282-4eff6131462c",
    "Running container images should have vulnerability findings resolved",
  );
  /** "System updates should be installed on your machines": one finding per missing update. */
  public static readonly SYSTEM_UPDATES = new Recommendation(
    "4ab6e3c5-74dd-8b35-9ab9-f61b30875b27",
    "System updates should be installed on your machines",
  );

  /**
   * Any recommendation by its assessment key.
   * @param assessmentKey the GUID of the assessment
   * @param displayName a name for summaries @default the key
   */
  public static of(assessmentKey: string, displayName?: string): Recommendation {
    return atFactory("Recommendation.of", () => new Recommendation(assessmentKey, displayName ?? assessmentKey));
  }

  private constructor(
    /** The assessment key (a GUID). */
    public readonly assessmentKey: string,
    /** A human name, for summaries. */
    public readonly displayName: string,
  ) {
    BRANDS.value.mark(this);
    if (!isGuid(assessmentKey)) {
      throw new ExportConfigError(
        "DFE021",
        `${describeValue(assessmentKey)} is not an assessment key. A recommendation is named by a GUID such as "f97aa83c-9b63-4f9a-99f6-b22c4398f936" ` +
          `(find keys with Azure Resource Graph: securityresources | where type == "microsoft.security/assessments").`,
      );
    }
  }
}

/** The Defender plan that raised an alert (the alert's `ProductComponentName`). */
export class DefenderPlan {
  /** Defender for Servers. */
  public static readonly SERVERS = new DefenderPlan("VirtualMachines");
  /** Defender for SQL and open-source databases. */
  public static readonly DATABASES = new DefenderPlan("Databases");
  /** Defender for Storage. */
  public static readonly STORAGE = new DefenderPlan("Storage");
  /** Defender for Key Vault. */
  public static readonly KEY_VAULTS = new DefenderPlan("KeyVaults");
  /** Defender for Containers. */
  public static readonly CONTAINERS = new DefenderPlan("Containers");
  /** Defender for App Service. */
  public static readonly APP_SERVICES = new DefenderPlan("AppServices");
  /** Defender for DNS. */
  public static readonly DNS = new DefenderPlan("DNS");
  /** Defender for Resource Manager. */
  public static readonly RESOURCE_MANAGER = new DefenderPlan("ResourceManager");

  /** A plan not listed here, by its `ProductComponentName` value. */
  public static custom(productComponentName: string): DefenderPlan {
    return new DefenderPlan(productComponentName);
  }

  private constructor(
    /** The value of the alert's `ProductComponentName`. */
    public readonly productComponentName: string,
  ) {
    BRANDS.value.mark(this);
    requireToken(productComponentName, "a Defender plan's ProductComponentName", "VirtualMachines");
  }
}

/** The health state of a recommendation for a resource (`properties.status.code`). */
export class AssessmentState {
  /** The resource complies. */
  public static readonly HEALTHY = new AssessmentState("Healthy");
  /** The resource does not comply. */
  public static readonly UNHEALTHY = new AssessmentState("Unhealthy");
  /** The recommendation does not apply to the resource. */
  public static readonly NOT_APPLICABLE = new AssessmentState("NotApplicable");

  /** Every state. */
  public static readonly ALL: AssessmentState[] = [AssessmentState.HEALTHY, AssessmentState.UNHEALTHY, AssessmentState.NOT_APPLICABLE];

  /** Parses a state by name (case-insensitive); throws for anything else. */
  public static of(code: string): AssessmentState {
    return atFactory("AssessmentState.of", () => AssessmentState.find(code));
  }

  private static find(code: string): AssessmentState {
    const found = AssessmentState.ALL.find((s) => s.code.toLowerCase() === String(code).toLowerCase());
    if (!found) {
      throw new ExportConfigError(
        "DFE020",
        `"${code}" is not a recommendation state. Use one of: ${AssessmentState.ALL.map((s) => s.code).join(", ")}.`,
      );
    }
    return found;
  }

  private constructor(
    /** The value of `properties.status.code`. */
    public readonly code: string,
  ) {
    BRANDS.value.mark(this);
  }
}

/** A secure score control, by the control's name (its id in `…/secureScoreControls/{name}`). */
export class SecureScoreControl {
  /** A control by its name. */
  public static of(controlName: string): SecureScoreControl {
    return new SecureScoreControl(controlName);
  }

  private constructor(
    /** The control's name. */
    public readonly controlName: string,
  ) {
    BRANDS.value.mark(this);
    requireToken(controlName, "a secure score control name", "the control's GUID");
  }
}

/** A regulatory compliance standard, by the name that appears in its assessments' ids. */
export class ComplianceStandard {
  /** CIS Microsoft Azure Foundations Benchmark 1.1.0. */
  public static readonly AZURE_CIS_1_1_0 = new ComplianceStandard("Azure-CIS-1.1.0");

  /** A standard by its name, e.g. `Azure-CIS-1.1.0`. */
  public static of(standardName: string): ComplianceStandard {
    return new ComplianceStandard(standardName);
  }

  private constructor(
    /** The standard's name as it appears in compliance assessment ids. */
    public readonly standardName: string,
  ) {
    BRANDS.value.mark(this);
    requireToken(standardName, "a compliance standard name", "Azure-CIS-1.1.0");
  }
}

function requireToken(value: string, what: string, example: string): void {
  if (typeof value !== "string" || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(value)) {
    throw new ExportConfigError(
      "DFE022",
      `${describeValue(value)} is not ${what}: use letters, digits, dots, hyphens and underscores, e.g. "${example}".`,
    );
  }
}
