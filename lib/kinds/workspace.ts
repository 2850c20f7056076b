import { KindDeclaration } from "./declaration";

/** A Log Analytics workspace: the exported rows land in its tables, where the health alerts read them. */
export const WORKSPACE_KIND = {
  actionType: "Workspace",
  diagramShape: "cylinder",
  displayName: "Log Analytics workspace",
  propKey: "workspace" as const,
  resourceIdProperty: "workspaceResourceId",
  portalName: "ExportToWorkspace",
  idShape: {
    types: ["Microsoft.OperationalInsights/workspaces"],
    names: ["workspace"],
    example: "/subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.OperationalInsights/workspaces/<name>",
  },
  resourceType: "azurerm_log_analytics_workspace",
  createdResources: [
    ["azurerm_log_analytics_workspace", "Workspace"],
    ["azurerm_log_analytics_solution", "SecurityCenterFree"],
  ],
  heartbeat: { watches: "tables" },
  // "Deploy export to Log Analytics workspace for Microsoft Defender for Cloud data".
  policy: {
    automationName: "ExportToWorkspace",
    destinationParameter: "workspaceResourceId",
    definitionName: "ffb6f416-7bd2-4488-8828-56585fef2be9",
    names: "resource",
  },
  program: ({ n, resourceId, literal }) => ({
    className: "LogAnalyticsDestination",
    variable: `workspace${n}`,
    code: `LogAnalyticsDestination.fromWorkspaceId(this, "Workspace${n}", ${literal(resourceId)})`,
    inputs: [],
  }),
} satisfies KindDeclaration;
