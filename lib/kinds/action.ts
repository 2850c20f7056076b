import { ITerraformDependable } from "cdktf";
import { DestinationKind } from "./destination-kind";

/** What an automation needs to send data to a destination. */
export interface ExportActionConfig {
  /** The destination kind. */
  readonly kind: DestinationKind;
  /** The resource id: the workspace, the event hub entity, or the Logic App workflow. */
  readonly resourceId: string;
  /** Event Hub only: the connection string of a rule with Send rights (a sensitive token). @default none (a trusted-service hub) */
  readonly connectionString?: string;
  /** Logic App only: the trigger's callback URL (a sensitive token). @default none */
  readonly triggerUrl?: string;
  /**
   * Event Hub only: Defender for Cloud sends as a trusted Microsoft service with its own identity, no
   * connection string (`isTrustedServiceEnabled`, API 2023-12-01-preview only). @default false
   */
  readonly trustedService?: boolean;
  /** Whether the action needs the 2023-12-01-preview automations API (e.g. export as a trusted service). @default false */
  readonly needsApi2023?: boolean;
  /**
   * Resources in the automation's stack that it must wait for (e.g. the workspace's SecurityCenterFree
   * solution); those in other stacks become a dependency between the stacks. @default none
   */
  readonly dependsOn?: ITerraformDependable[];
}

/** The action's secret, as given: the Event Hub connection string or the Logic App trigger URL. */
export function secretOf(action: ExportActionConfig): string | undefined {
  return action.connectionString ?? action.triggerUrl;
}
