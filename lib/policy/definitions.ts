import { DestinationKind } from "../kinds/destination-kind";
import { Export } from "../model/export";
import { PolicyTranslation, toPolicyParameters } from "./parameters";

/**
 * Microsoft's built-in DeployIfNotExists definitions for continuous export (Azure/azure-policy,
 * `built-in-policies/policyDefinitions/Security Center/`).
 */
export class BuiltInExportPolicy {
  /** One object per kind and mode, so that the constants and `ALL` hold the same objects. */
  private static readonly made = new Map<string, BuiltInExportPolicy | undefined>();

  /** "Deploy export to Log Analytics workspace for Microsoft Defender for Cloud data". */
  public static readonly TO_WORKSPACE = BuiltInExportPolicy.declared(DestinationKind.WORKSPACE, false) as BuiltInExportPolicy;
  /** "Deploy export to Event Hub for Microsoft Defender for Cloud data" (with a Send rule). */
  public static readonly TO_EVENT_HUB = BuiltInExportPolicy.declared(DestinationKind.EVENT_HUB, false) as BuiltInExportPolicy;
  /** "Deploy export to Event Hub as a trusted service for Microsoft Defender for Cloud data". */
  public static readonly TO_EVENT_HUB_AS_TRUSTED_SERVICE = BuiltInExportPolicy.declared(DestinationKind.EVENT_HUB, true) as BuiltInExportPolicy;

  /** Every built-in export definition, as the kinds declare them (`DestinationKind._policy`). */
  public static readonly ALL: BuiltInExportPolicy[] = DestinationKind.ALL.flatMap((k) =>
    [false, true].map((t) => BuiltInExportPolicy.declared(k, t)),
  ).filter((d): d is BuiltInExportPolicy => d !== undefined);

  /** The definition that sends to a destination kind (as a trusted service or not), if Microsoft has one. */
  public static of(kind: DestinationKind, trustedService: boolean): BuiltInExportPolicy | undefined {
    return BuiltInExportPolicy.ALL.find((d) => d.kind === kind && d.trustedService === trustedService);
  }

  /**
   * The parameters these exports give the built-in policies, and every part of them the policies
   * cannot express. What `ContinuousExportPolicy` assigns, without a stack.
   */
  public static parametersFor(exports: Export[]): PolicyTranslation {
    return toPolicyParameters(exports);
  }

  /** The definition a kind declares for a mode, made once. */
  private static declared(kind: DestinationKind, trustedService: boolean): BuiltInExportPolicy | undefined {
    const key = `${kind.actionType}|${trustedService}`;
    if (!BuiltInExportPolicy.made.has(key)) {
      const policy = kind._policy;
      const name = trustedService ? policy?.trustedServiceDefinitionName : policy?.definitionName;
      BuiltInExportPolicy.made.set(
        key,
        policy && name ? new BuiltInExportPolicy(name, kind, trustedService, policy.destinationParameter) : undefined,
      );
    }
    return BuiltInExportPolicy.made.get(key);
  }

  private constructor(
    /** The definition's name (a GUID). */
    public readonly definitionName: string,
    /** The destination kind it sends to. */
    public readonly kind: DestinationKind,
    /** Whether it exports as a trusted service (no key). */
    public readonly trustedService: boolean,
    /** The parameter that names the destination. */
    public readonly destinationParameter: string,
  ) {}

  /** The name of the automation the policy deploys into each subscription (the policy's spelling). */
  public get automationName(): string {
    return this.kind._policy?.automationName ?? this.kind.actionType;
  }

  /** The definition's resource id. */
  public get definitionId(): string {
    return `/providers/Microsoft.Authorization/policyDefinitions/${this.definitionName}`;
  }
}
