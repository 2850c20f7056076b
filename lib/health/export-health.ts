import { producedValue } from "../internal/lazy";
import { Fn, Lazy, TerraformProvider, TerraformResource, TerraformStack, Token } from "cdktf";
import { Construct } from "constructs";
import { DestinationKind, ExportActionConfig, IExportDestination, isPlacedDestination } from "../destinations/destination";
import { MonitorActionGroup, MonitorMetricAlert, MonitorScheduledQueryRulesAlertV2, RoleAssignment } from "../internal/azurerm";
import { checkName, NAME_RULES } from "../internal/inputs";
import { idOfPath } from "../internal/addresses";
import { DataType } from "../model/data-type";
import { ExportConfigError, describeValue, atPath } from "../model/errors";
import { BUILT_IN_ROLES } from "../model/roles";
import { GUID_PATTERN } from "../model/guid";

/**
 * Health alerts for an export: Azure Monitor alert rules on each destination that fire when the
 * exported data stops arriving. Opt-in, on `ContinuousExport`, `ContinuousExportFleet` and
 * `ContinuousExportPolicy`.
 */
export interface ExportHealthProps {
  /** The action group the alerts notify. Give this or `emailReceivers`. @default none */
  readonly actionGroupId?: string;
  /** E-mail addresses for a new action group, created next to the alert rules. Give this or `actionGroupId`. @default none */
  readonly emailReceivers?: string[];
  /**
   * How long a destination may receive nothing before the alert fires, in hours: 1, 6, 12 or 24.
   * Streaming exports send only on change, so quiet is not broken: choose the longest silence your
   * estate never has. Azure Monitor cannot look further back (metric alerts: 24 h; log search
   * alerts: 48 h, and the rule compares the last `silenceAfterHours` with the ones before).
   * @default 24
   */
  readonly silenceAfterHours?: number;
  /** The alerts' severity, 0 (critical) to 4 (verbose). @default 2 (warning) */
  readonly severity?: number;
  /**
   * The resource group of the alert rules (and action group). @default the destination's: the group it
   * is created in, or the one in its resource id
   */
  readonly resourceGroupName?: string;
  /** The region of the log search alert rule. @default the export's location */
  readonly location?: string;
  /** The azurerm provider that writes the alert rules. @default the stack's default azurerm provider */
  readonly provider?: TerraformProvider;
}

/**
 * The limits these alerts live within, from the azurerm provider's documentation of the resources
 * (which states the Azure Monitor API's accepted values):
 * - `azurerm_monitor_metric_alert`: `window_size` PT1M, PT5M, PT15M, PT30M, PT1H, PT6H, PT12H or P1D;
 *   `frequency` PT1M, PT5M, PT15M, PT30M or PT1H, not longer than the window.
 * - `azurerm_monitor_scheduled_query_rules_alert_v2`: `window_duration` up to P2D (PT5M … PT6H, P1D,
 *   P2D), and the look-back (`window_duration` × evaluation periods) at most 48 hours; `evaluation_frequency`
 *   not longer than the look-back.
 * - Microsoft's "Log alerts in Azure Monitor" (learn.microsoft.com/azure/azure-monitor/alerts/alerts-unified-log):
 *   the time period restricts the data the query sees and overrides any time filter (`ago`) in it, so
 *   no query can reach back further than the look-back.
 */
const SILENCE_HOURS = [1, 6, 12, 24] as const;
const METRIC_WINDOW: Record<number, string> = { 1: "PT1H", 6: "PT6H", 12: "PT12H", 24: "P1D" };
/** The log search alert's look-back: the smallest accepted window of at least twice the silence. */
const LOG_LOOKBACK: Record<number, string> = { 1: "PT2H", 6: "P1D", 12: "P1D", 24: "P2D" };
const FREQUENCY: Record<number, string> = { 1: "PT15M", 6: "PT1H", 12: "PT1H", 24: "PT1H" };

const CONSTRUCT_ID = "ExportHealth";
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ACTION_GROUP_ID = new RegExp(`^/subscriptions/${GUID_PATTERN}/resourceGroups/[^/]+/providers/microsoft\\.insights/actionGroups/[^/]+$`, "i");

/** What an export asks of the health alerts on one destination. */
export interface HealthRequest {
  /** The event sources the export sends to the destination. */
  readonly eventSources: readonly string[];
  /** The export's location (the default region of a log search alert rule). */
  readonly location: string;
  /** The construct path of the export, for messages. */
  readonly path: string;
}

/**
 * The health alerts of one destination, a child of the destination (so that every export and fleet
 * sending there shares one set): a log search alert for a workspace, metric alerts for an event hub or
 * a Logic App, and the action group when e-mail receivers are given.
 */
export class ExportHealth extends Construct {
  /**
   * The health alerts of a destination, created by the first export that asks for them.
   * @internal
   */
  public static watch(destination: IExportDestination, action: ExportActionConfig, props: ExportHealthProps, request: HealthRequest): ExportHealth {
    const existing = destination.node.tryFindChild(CONSTRUCT_ID) as ExportHealth | undefined;
    const health =
      existing ?? new ExportHealth(destination as unknown as Construct, destination, action, checkHealthProps(props, request.path), request);
    health.add(request);
    return health;
  }

  /** The alert rules. */
  public readonly alerts: TerraformResource[] = [];
  /** The action group created for `emailReceivers`, if any. */
  public readonly actionGroup?: MonitorActionGroup;
  /** What is watched and when it alerts, in words, for the report. */
  public readonly summary: string;
  private readonly eventSources = new Set<string>();

  private constructor(
    scope: Construct,
    destination: IExportDestination,
    action: ExportActionConfig,
    props: CheckedHealthProps,
    request: HealthRequest,
  ) {
    super(scope, CONSTRUCT_ID);
    const group = props.resourceGroupName ?? groupOf(destination, action.resourceId, request.path);
    // Unique in a resource group across the app's stacks: the stack and the destination's path in it.
    const name = `dfe-health-${TerraformStack.of(destination).node.id}-${idOfPath(destination)}`.slice(0, 80).replace(/[^A-Za-z0-9-]/g, "-");
    if (props.emailReceivers) {
      this.actionGroup = new MonitorActionGroup(this, "ActionGroup", {
        name,
        resourceGroupName: group,
        shortName: "dfe-health",
        emailReceiver: props.emailReceivers.map((address, i) => ({ name: `receiver-${i + 1}`, emailAddress: address, useCommonAlertSchema: true })),
        provider: props.provider,
      });
    }
    const actionGroupId = props.actionGroupId ?? (this.actionGroup as MonitorActionGroup).id;
    const hours = props.silenceAfterHours;
    const common = { resourceGroupName: group, severity: props.severity, provider: props.provider };
    if (destination.kind === DestinationKind.WORKSPACE) {
      const rule = new MonitorScheduledQueryRulesAlertV2(this, "LogSearchAlert", {
        ...common,
        name,
        location: props.location ?? request.location,
        description: `Defender for Cloud continuous export to ${destination.description}: no rows for ${hours} h.`,
        scopes: [action.resourceId],
        evaluationFrequency: FREQUENCY[hours],
        windowDuration: LOG_LOOKBACK[hours],
        criteria: [
          {
            query: Lazy.stringValue({ produce: () => silenceQuery(this.tables(), hours) }),
            timeAggregationMethod: "Count",
            operator: "GreaterThan",
            threshold: 0,
            dimension: [{ name: "SubscriptionId", operator: "Include", values: ["*"] }],
          },
        ],
        action: { actionGroups: [actionGroupId] },
        autoMitigationEnabled: false,
        identity: { type: "SystemAssigned" },
      });
      this.alerts.push(rule);
      // The rule reads the workspace as its own identity: Log Analytics Reader on the workspace, nothing more.
      new RoleAssignment(this, "LogAnalyticsReader", {
        scope: action.resourceId,
        roleDefinitionId: `/providers/Microsoft.Authorization/roleDefinitions/${BUILT_IN_ROLES.logAnalyticsReader.id}`,
        principalId: rule.identity.principalId,
        principalType: "ServicePrincipal",
        provider: props.provider,
      });
      this.summary =
        `a log search alert (every ${FREQUENCY[hours]}, looking back ${LOG_LOOKBACK[hours]}) fires after ${hours} h without ` +
        `rows in the exported tables, naming each silent subscription`;
    } else if (destination.kind === DestinationKind.EVENT_HUB) {
      const { namespaceId, hubName } = eventHubOf(action.resourceId);
      const metric = (id: string, metricName: string, operator: string, threshold: number, description: string) =>
        new MonitorMetricAlert(this, id, {
          ...common,
          name: `${name}-${id.toLowerCase()}`,
          description,
          scopes: [namespaceId],
          frequency: FREQUENCY[hours],
          windowSize: METRIC_WINDOW[hours],
          autoMitigate: false,
          criteria: [
            {
              metricNamespace: "Microsoft.EventHub/namespaces",
              metricName,
              aggregation: "Total",
              operator,
              threshold,
              dimension: [{ name: "EntityName", operator: "Include", values: [hubName] }],
            },
          ],
          action: [{ actionGroupId }],
        });
      this.alerts.push(
        metric("NoIncomingMessages", "IncomingMessages", "LessThanOrEqual", 0, `No message reached ${destination.description} for ${hours} h.`),
      );
      if (action.trustedService) {
        // A locked namespace refuses what its firewall does not allow: the sender sees errors, not silence.
        this.alerts.push(metric("UserErrors", "UserErrors", "GreaterThan", 0, `Requests to ${destination.description} failed.`));
      }
      this.summary =
        `a metric alert fires after ${hours} h without incoming messages on the event hub` +
        (action.trustedService ? ", another on any user error (a locked namespace refusing the sender)" : "");
    } else {
      const metric = (id: string, metricName: string, operator: string, threshold: number, windowSize: string, description: string) =>
        new MonitorMetricAlert(this, id, {
          ...common,
          name: `${name}-${id.toLowerCase()}`,
          description,
          scopes: [action.resourceId],
          frequency: FREQUENCY[hours],
          windowSize,
          autoMitigate: false,
          criteria: [{ metricNamespace: "Microsoft.Logic/workflows", metricName, aggregation: "Total", operator, threshold }],
          action: [{ actionGroupId }],
        });
      this.alerts.push(
        metric("NoRuns", "RunsStarted", "LessThanOrEqual", 0, METRIC_WINDOW[hours], `${destination.description} was not triggered for ${hours} h.`),
        metric("FailedRuns", "RunsFailed", "GreaterThan", 0, "PT1H", `Runs of ${destination.description} failed.`),
      );
      this.summary = `metric alerts fire after ${hours} h without a run of the Logic App, and on any failed run`;
    }
  }

  private add(request: HealthRequest): void {
    request.eventSources.forEach((s) => this.eventSources.add(s));
  }

  /** The workspace tables the exports fill, in a fixed order. */
  private tables(): string[] {
    return DataType.ALL.filter((t) => [...this.eventSources].some((s) => s === t.streamingSource || s === t.snapshotSource)).map(
      (t) => t.workspaceTable,
    );
  }
}

/**
 * The query of a workspace's log search alert: one row per subscription that sent rows during the
 * look-back but none in the last `hours` (by the `_SubscriptionId` standard column of Azure Monitor
 * Logs), plus one row, named `(every subscription)`, when no row at all arrived in the last `hours`.
 */
export function silenceQuery(tables: readonly string[], hours: number): string {
  // The empty leg keeps the query valid before any table exists (a new workspace): fuzzy union skips missing tables, but needs one.
  const union = `union isfuzzy=true (datatable(TimeGenerated: datetime, _SubscriptionId: string) []), ${tables.join(", ")}`;
  return [
    `let silence = ${hours}h;`,
    `let rows = ${union};`,
    "rows",
    "| summarize LastRow = max(TimeGenerated) by SubscriptionId = tolower(_SubscriptionId)",
    "| where LastRow < ago(silence)",
    '| union (rows | where TimeGenerated > ago(silence) | count | where Count == 0 | project SubscriptionId = "(every subscription)", LastRow = datetime(null))',
  ].join("\n");
}

/** The event hub's namespace id and name, from its id (literal, or a reference). */
function eventHubOf(eventHubId: string): { namespaceId: string; hubName: string } {
  if (!Token.isUnresolved(eventHubId)) {
    const parts = eventHubId.split("/");
    return { namespaceId: parts.slice(0, 9).join("/"), hubName: parts[10] };
  }
  const parts = Fn.split("/", eventHubId);
  return { namespaceId: Fn.join("/", Fn.slice(parts, 0, 9)), hubName: Fn.element(parts, 10) };
}

/** The destination's resource group: where it is created, or the one in its id. */
function groupOf(destination: IExportDestination, resourceId: string, path: string): string {
  if (isPlacedDestination(destination)) return destination.placement.resourceGroupName;
  if (!Token.isUnresolved(resourceId)) return resourceId.split("/")[4];
  throw new ExportConfigError(
    "DFE133",
    `${path}: the health alerts of ${destination.node.path} need a resource group, and its id is known only at apply. Give \`health.resourceGroupName\`.`,
  );
}

type CheckedHealthProps = ExportHealthProps & { readonly silenceAfterHours: number; readonly severity: number };

function checkHealthProps(props: ExportHealthProps, path: string): CheckedHealthProps {
  if (props === null || typeof props !== "object")
    throw new ExportConfigError("DFE130", `${path}: \`health\` must be an object, got ${describeValue(props)}.`);
  if ((props.actionGroupId === undefined) === (props.emailReceivers === undefined)) {
    throw new ExportConfigError(
      "DFE130",
      `${path}: \`health\` needs where to send its alerts: \`actionGroupId\` (an existing action group) or \`emailReceivers\` (a new one), one of them.`,
    );
  }
  const actionGroupId = atPath(path, () => producedValue("health.actionGroupId", props.actionGroupId));
  if (
    actionGroupId !== undefined &&
    (typeof actionGroupId !== "string" || (!Token.isUnresolved(actionGroupId) && !ACTION_GROUP_ID.test(actionGroupId)))
  ) {
    throw new ExportConfigError(
      "DFE130",
      `${path}: \`health.actionGroupId\` ${describeValue(props.actionGroupId)} is not an action group id: ` +
        "/subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.Insights/actionGroups/<name>.",
    );
  }
  if (props.emailReceivers !== undefined) {
    if (!Array.isArray(props.emailReceivers) || props.emailReceivers.length === 0) {
      throw new ExportConfigError("DFE130", `${path}: \`health.emailReceivers\` must list at least one address.`);
    }
    const bad = props.emailReceivers.find((a) => typeof a !== "string" || (!Token.isUnresolved(a) && !EMAIL.test(a)));
    if (bad !== undefined)
      throw new ExportConfigError("DFE130", `${path}: ${describeValue(bad)} in \`health.emailReceivers\` is not an e-mail address.`);
  }
  const hours = props.silenceAfterHours ?? 24;
  if (!(SILENCE_HOURS as readonly number[]).includes(hours)) {
    throw new ExportConfigError(
      "DFE131",
      `${path}: \`health.silenceAfterHours\` is ${describeValue(hours)}; Azure Monitor evaluates ${SILENCE_HOURS.join(", ")} hours ` +
        `(metric alerts look back at most 24 h, log search alerts 48 h). Pick one of them.`,
    );
  }
  const severity = props.severity ?? 2;
  if (!Number.isInteger(severity) || severity < 0 || severity > 4) {
    throw new ExportConfigError("DFE131", `${path}: \`health.severity\` must be a whole number from 0 to 4, got ${describeValue(severity)}.`);
  }
  atPath(path, () => {
    if (props.resourceGroupName !== undefined) checkName("health.resourceGroupName", props.resourceGroupName, NAME_RULES.resourceGroup);
    if (props.location !== undefined) checkName("health.location", props.location, NAME_RULES.location);
  });
  return { ...props, silenceAfterHours: hours, severity };
}

/**
 * Refuses health for a request the alerts cannot watch: one that sends only weekly snapshots is quiet
 * for up to 7 days, longer than Azure Monitor looks back (24 h for metric alerts, 48 h for log search
 * alerts), so every alert would fire between two snapshots.
 */
export function checkWatchable(eventSources: readonly string[], path: string): void {
  const streaming = eventSources.some((s) => DataType.ALL.some((t) => t.streamingSource === s));
  if (!streaming) {
    throw new ExportConfigError(
      "DFE132",
      `${path}: this export sends only weekly snapshots, quiet for up to 7 days; Azure Monitor alerts look back at most ` +
        `48 hours (log search) or 24 hours (metrics), so a health alert would fire between every two snapshots. Export a ` +
        `streaming source as well, or leave \`health\` out.`,
    );
  }
}
