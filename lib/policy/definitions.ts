import { DestinationKind } from "../destinations/destination";
import { Export } from "../model/export";
import { PolicyTranslation, toPolicyParameters } from "./parameters";

/**
 * Microsoft's built-in DeployIfNotExists definitions for continuous export (Azure/azure-policy,
 * `built-in-policies/policyDefinitions/Security Center/`).
 */
export class BuiltInExportPolicy {
  /** "Deploy export to Log Analytics workspace for Microsoft Defender for Cloud data". */
  public static readonly TO_WORKSPACE = new BuiltInExportPolicy(
    "ffb6f416-7bd2-4488-8828-56585fef2be9",
    DestinationKind.WORKSPACE,
    false,
    "workspaceResourceId",
  );
  /** "Deploy export to Event Hub for Microsoft Defender for Cloud data" (with a Send rule). */
  public static readonly TO_EVENT_HUB = new BuiltInExportPolicy(
    "cdfcce10-4578-4ecd-9703-530938e4abcb",
    DestinationKind.EVENT_HUB,
    false,
    "eventHubDetails",
  );
  /** "Deploy export to Event Hub as a trusted service for Microsoft Defender for Cloud data". */
  public static readonly TO_EVENT_HUB_AS_TRUSTED_SERVICE = new BuiltInExportPolicy(
    "af9f6c70-eb74-4189-8d15-e4f11a7ebfd4",
    DestinationKind.EVENT_HUB,
    true,
    "eventHubDetails",
  );

  /** Every built-in export definition. */
  public static readonly ALL: BuiltInExportPolicy[] = [
    BuiltInExportPolicy.TO_WORKSPACE,
    BuiltInExportPolicy.TO_EVENT_HUB,
    BuiltInExportPolicy.TO_EVENT_HUB_AS_TRUSTED_SERVICE,
  ];

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
    return this.kind.policyAutomationName ?? this.kind.actionType;
  }

  /** The definition's resource id. */
  public get definitionId(): string {
    return `/providers/Microsoft.Authorization/policyDefinitions/${this.definitionName}`;
  }
}
