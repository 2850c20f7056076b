import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { ContinuousExport, Export, LogAnalyticsDestination } from "../lib";

/** Properties of {@link EverythingToNewWorkspaceStack}. */
export interface EverythingToNewWorkspaceProps {
  /** The subscription whose data is exported. */
  readonly subscriptionId: string;
  /** The region of everything created. */
  readonly location: string;
  /** A new resource group for the workspace and the automation. */
  readonly resourceGroupName: string;
  /** The new workspace's name. */
  readonly workspaceName: string;
  /** Days the workspace keeps the data. @default 90 */
  readonly retentionInDays?: number;
  /** E-mail addresses alerted when the workspace receives nothing for a day. @default no health alerts */
  readonly healthReceivers?: string[];
}

/**
 * Scenario 5: every data type, streaming and weekly snapshots, as the portal's "export all data
 * types" does, to a new workspace with the SecurityCenterFree solution; with `healthReceivers`, a
 * heartbeat: a log search alert that mails them when the workspace receives nothing for a day.
 */
export class EverythingToNewWorkspaceStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: EverythingToNewWorkspaceProps) {
    super(scope, id);
    new AzurermProvider(this, "azurerm", { features: [{}], subscriptionId: props.subscriptionId });
    const rg = new ResourceGroup(this, "ResourceGroup", { name: props.resourceGroupName, location: props.location });
    const workspace = new LogAnalyticsDestination(this, "Workspace", {
      workspaceName: props.workspaceName,
      resourceGroupName: rg.name,
      location: props.location,
      retentionInDays: props.retentionInDays ?? 90,
    });

    new ContinuousExport(this, "Everything", {
      subscriptionId: props.subscriptionId,
      resourceGroupName: rg.name,
      location: props.location,
      exports: Export.everything(),
      destinations: [workspace],
      health: props.healthReceivers ? { emailReceivers: props.healthReceivers, silenceAfterHours: 24 } : undefined,
    });
  }
}
