import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { ContinuousExport, Export, LogAnalyticsDestination, Recommendation, Severity } from "../lib";

/** Properties of {@link SqlFindingsToWorkspaceStack}. */
export interface SqlFindingsToWorkspaceProps {
  /** The subscription whose findings are exported. */
  readonly subscriptionId: string;
  /** The region of the automation. */
  readonly location: string;
  /** An existing resource group for the automation. */
  readonly resourceGroupName: string;
  /** The resource id of the existing workspace that receives the data. */
  readonly workspaceResourceId: string;
}

/**
 * Scenario 2: medium-or-higher findings of the vulnerability assessment of SQL Server on machines to
 * an existing workspace. The parent recommendation comes along, as Microsoft requires.
 */
export class SqlFindingsToWorkspaceStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: SqlFindingsToWorkspaceProps) {
    super(scope, id);
    new AzurermProvider(this, "azurerm", { features: [{}], subscriptionId: props.subscriptionId });
    const soc = LogAnalyticsDestination.fromWorkspaceId(this, "Soc", props.workspaceResourceId);

    new ContinuousExport(this, "SqlFindings", {
      subscriptionId: props.subscriptionId,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      exports: [
        Export.findings({
          recommendations: [Recommendation.SQL_SERVERS_ON_MACHINES_VULNERABILITIES],
          minimumSeverity: Severity.MEDIUM,
        }),
      ],
      destinations: [soc],
    });
  }
}
