import { ITerraformDependable } from "cdktf";
import { ExportActionConfig } from "../kinds/action";
import { AutomationSource } from "../model/sources";

/** One automation, as both writers need it: what to send, from where, to where. */
export interface AutomationSpec {
  /** The automation's name. */
  readonly name: string;
  /** Its region. */
  readonly location: string;
  /** The subscription it lives in and exports. */
  readonly subscriptionId: string;
  /** The resource group it lives in. */
  readonly resourceGroupName: string;
  /** Fully qualified scope ids: the subscription, or resource groups in it. */
  readonly scopes: readonly string[];
  /** Whether it runs. */
  readonly enabled: boolean;
  /** Its description. */
  readonly description: string;
  /** Its tags. */
  readonly tags?: { [key: string]: string };
  /** The event sources and rule sets. */
  readonly sources: readonly AutomationSource[];
  /** The actions, one per destination. */
  readonly actions: readonly ExportActionConfig[];
  /** What it must wait for. */
  readonly dependsOn: readonly ITerraformDependable[];
}
