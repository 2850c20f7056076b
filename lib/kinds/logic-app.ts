import { KindDeclaration } from "./declaration";

/** A Logic App (workflow automation): its HTTP trigger's callback URL is the secret; the portal shows these under workflow automation, by any name. */
export const LOGIC_APP_KIND = {
  actionType: "LogicApp",
  diagramShape: "component",
  displayName: "Logic App",
  propKey: "logicApp" as const,
  resourceIdProperty: "logicAppResourceId",
  secretProperty: "uri",
  idShape: {
    types: ["Microsoft.Logic/workflows"],
    names: ["logicApp"],
    example: "/subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.Logic/workflows/<name>",
  },
  resourceType: "azurerm_logic_app_workflow",
  createdResources: [
    ["azurerm_logic_app_workflow", "Workflow"],
    ["azurerm_logic_app_trigger_http_request", "Trigger"],
  ],
  heartbeat: {
    watches: "metrics",
    metricsOf: (workflowId) => workflowId,
    alerts: [
      { id: "NoRuns", suffix: "no-runs", metric: "RunsStarted", firesOn: "silence", describe: (destination) => `${destination} was not triggered.` },
      { id: "FailedRuns", suffix: "failed-runs", metric: "RunsFailed", firesOn: "any", describe: (destination) => `Runs of ${destination} failed.` },
    ],
    summary: (hours) => `log search alerts over the workflow's metrics in a workspace fire after ${hours} h without a run, and on any failed run`,
  },
  program: ({ n, resourceId, literal }) => {
    const variable = `logicApp${n}TriggerUrl`;
    return {
      className: "LogicAppDestination",
      variable: `logicApp${n}`,
      code: `LogicAppDestination.fromWorkflow(this, "LogicApp${n}", { workflowId: ${literal(resourceId)}, triggerUrl: ${variable}.stringValue })`,
      inputs: [{ variable, name: `logic_app_${n}_trigger_url`, sensitive: true, description: `The callback URL of the trigger of ${resourceId}` }],
    };
  },
} satisfies KindDeclaration;
