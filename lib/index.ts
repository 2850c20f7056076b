export * from "./model";
export {
  AccessTarget,
  DataHoldingOptions,
  DestinationKind,
  DestinationOptions,
  DestinationPlacement,
  ExportActionConfig,
  ICrossTenantDestination,
  IExportDestination,
  IPlacedDestination,
} from "./destinations/destination";
export * from "./destinations/log-analytics";
export * from "./destinations/event-hub";
export { EventHubBase, IEventHubDestination, TrustedServiceOptions } from "./destinations/event-hub-base";
export { ExistingEventHubOptions } from "./destinations/event-hub-existing";
export { ExistingDestinationOptions } from "./destinations/created-before";
export { ConsumerAccess, EventHubConsumer, EventHubConsumerOptions } from "./destinations/event-hub-consumer";
export * from "./destinations/logic-app";
export * from "./continuous-export";
export { ReleasedExport } from "./released-export";
export * from "./report/report";
export { SecurityResourceProvider } from "./destinations/security-provider";
export { AutomationWriter } from "./writers/writer";
export { AzapiProvider, AzapiProviderConfig, AzapiResource, AzapiResourceConfig } from "./internal/azapi";
export { AzureadProvider, AzureadProviderConfig } from "./internal/azuread";
export { DestinationRole } from "./destinations/destination-role";
export { ExportingPrincipal, LighthousePrincipalOptions } from "./access/principal";
export { CrossTenantAccess, CrossTenantAccessProps } from "./access/cross-tenant-access";
export { ExportDelegation, ExportDelegationProps, IExportAutomations } from "./access/export-delegation";
export { ContinuousExportPolicy, ContinuousExportPolicyProps, PolicyExportSummary } from "./policy/continuous-export-policy";
export { BuiltInExportPolicy } from "./policy/definitions";
export { PolicyScope } from "./policy/policy-scope";
export { PolicyExportParameters, PolicyTranslation } from "./policy/parameters";
export { ContinuousExportFleet, ContinuousExportFleetProps, FleetSubscription } from "./fleet/continuous-export-fleet";
export { FleetLayout } from "./fleet/fleet-layout";
export { ExportHealth, ExportHealthProps } from "./health/export-health";
export { FleetShard, IShardNaming, ShardDeployment, ShardDeploymentOptions, ShardJob, ShardPlan, ShardPlanOptions } from "./fleet/shard-plan";
export { ContinuousExportChecks, ContinuousExportChecksProps } from "./checks/continuous-export-checks";
export { CheckRule } from "./checks/rules";
export { AdoptedAutomations, ExistingAutomation, ExistingAutomationOptions } from "./adopt/existing-automation";
export { PolicyCreatedExports } from "./fleet/continuous-export-fleet";
export { SentinelSolution } from "./sentinel/solution";
export type { ContentTableRead, SentinelContent } from "./sentinel/content";
