import { producedValue } from "../internal/lazy";
import * as crypto from "node:crypto";
import { Lazy, TerraformProvider, TerraformResource, TerraformStack, Token } from "cdktf";
import { TerraformFunctions } from "../internal/terraform-functions";
import { Construct, IConstruct } from "constructs";
import { DestinationKind, ExportActionConfig, IExportDestination, isPlacedDestination } from "../destinations/destination";
import {
  AzurermMonitorActionGroup,
  MonitorActionGroup,
  MonitorDiagnosticSetting,
  MonitorScheduledQueryRulesAlertV2,
  RoleAssignment,
} from "../internal/azurerm";
import { addressAt } from "../internal/addresses";
import { checkName, NAME_RULES } from "../internal/inputs";
import { literalSubscriptionOf, literalTenantOf, resolveAzurermProvider } from "../internal/provider-check";
import { DataType } from "../model/data-type";
import { ExportConfigError, atPath, coded, describeValue } from "../model/errors";
import { BUILT_IN_ROLES } from "../model/roles";
import { GUID_PATTERN, isGuid } from "../model/guid";
import { metricAnyQuery, metricSilenceQuery, silenceQuery } from "./health-queries";

/**
 * Health alerts for an export: Azure Monitor log search alerts that fire when the exported data stops
 * arriving at a destination. Opt-in, on `ContinuousExport`, `ContinuousExportFleet` and `ContinuousExportPolicy`.
 */
export interface ExportHealthProps {
  /** The action group the alerts notify. Give this or `emailReceivers`. @default none */
  readonly actionGroupId?: string;
  /** E-mail addresses for a new action group, created next to the alert rules. Give this or `actionGroupId`. @default none */
  readonly emailReceivers?: string[];
  /**
   * How long a watched subscription (a workspace) or the destination (an Event Hub, a Logic App) may
   * send nothing before the alert fires, in hours: 1, 6, 12 or 24. Streaming exports send only on
   * change, so quiet is not broken: choose the longest silence your estate never has. Exports sharing
   * one alert set on a destination get the shortest of their silences.
   * @default 24
   */
  readonly silenceAfterHours?: number;
  /** The alerts' severity, 0 (critical) to 4 (verbose); exports sharing one alert set get the most severe. @default 2 (warning) */
  readonly severity?: number;
  /**
   * The resource group of the alert rules (and action group), in the destination's subscription.
   * @default the destination's: the group it is created in, or the one in its resource id
   */
  readonly resourceGroupName?: string;
  /** The region of the alert rules. @default the export's location */
  readonly location?: string;
  /**
   * The azurerm provider that writes the alert rules, action group, role and diagnostic setting: one for
   * the destination's subscription and tenant. @default the destination's provider (its `provider` option),
   * else the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
  /**
   * The alert set this export joins on each destination. Exports that share a destination and an alert
   * set share one set of alerts (their subscriptions watched together, their receivers the same); give
   * exports whose receivers differ different sets, so that each team hears about its own subscriptions only.
   * 1–24 letters, digits and hyphens. @default "default"
   */
  readonly alertSet?: string;
  /**
   * Event Hub and Logic App destinations: the Log Analytics workspace (resource id) that receives the
   * destination's platform metrics through a diagnostic setting, where a log search alert reads them.
   * Required for those destinations; unused for a workspace. @default none
   */
  readonly metricsWorkspaceId?: string;
}

/** What an export asks of the health alerts on one destination. */
export interface HealthRequest {
  /** The event sources the export sends to the destination. */
  readonly eventSources: readonly string[];
  /** The export's location (the default region of the alert rules). */
  readonly location: string;
  /** The construct path of the export, for messages. */
  readonly path: string;
  /** The subscriptions the export sends from, when known at synth (literal GUIDs); undefined when not (a management group). @default unknown */
  readonly subscriptions?: readonly string[];
}

/**
 * The limits the alerts live within, as the azurerm provider documents the Azure Monitor API's accepted
 * values for `azurerm_monitor_scheduled_query_rules_alert_v2`: `window_duration` PT5M … PT6H, P1D, P2D,
 * the look-back at most 48 hours, `evaluation_frequency` not longer than the look-back. Microsoft's "Log
 * alerts in Azure Monitor" (learn.microsoft.com/azure/azure-monitor/alerts/alerts-unified-log): the time
 * period restricts the rows the query sees and overrides any time filter (`ago`) in it.
 */
const SILENCE_HOURS = [1, 6, 12, 24] as const;
/** The workspace alert's look-back: the smallest accepted window of at least twice the silence (to see who went quiet). */
const LOG_LOOKBACK: Record<number, string> = { 1: "PT2H", 6: "P1D", 12: "P1D", 24: "P2D" };
/** The metrics alert's window: the silence itself. */
const METRIC_WINDOW: Record<number, string> = { 1: "PT1H", 6: "PT6H", 12: "PT12H", 24: "P1D" };
const FREQUENCY: Record<number, string> = { 1: "PT15M", 6: "PT1H", 12: "PT1H", 24: "PT1H" };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ACTION_GROUP_ID = new RegExp(`^/subscriptions/${GUID_PATTERN}/resourceGroups/[^/]+/providers/microsoft\\.insights/actionGroups/[^/]+$`, "i");
const WORKSPACE_ID = new RegExp(
  `^/subscriptions/${GUID_PATTERN}/resourceGroups/[^/]+/providers/microsoft\\.operationalinsights/workspaces/[^/]+$`,
  "i",
);
const ALERT_SET = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,22}[A-Za-z0-9])?$/;
const FIELDS = [
  "actionGroupId",
  "emailReceivers",
  "silenceAfterHours",
  "severity",
  "resourceGroupName",
  "location",
  "provider",
  "alertSet",
  "metricsWorkspaceId",
] as const;

type CheckedHealthProps = Omit<ExportHealthProps, "emailReceivers"> & {
  readonly emailReceivers?: readonly string[];
  readonly silenceAfterHours: number;
  readonly severity: number;
  readonly alertSet: string;
};

/**
 * One alert set on one destination: log search alerts (a workspace's tables; an Event Hub's or Logic
 * App's metrics in a workspace), the action group when e-mail receivers are given, and the rules'
 * reader role. Every export that sends to the destination with the same alert set joins it; its
 * construct id and Azure names come from a hash of the destination's Azure identity and the set's name,
 * so that renaming or reordering exports and destinations changes no address.
 */
export class ExportHealth extends Construct {
  /**
   * The alert set `props.alertSet` of a destination, joined by this request.
   * @internal
   */
  public static _watch(destination: IExportDestination, action: ExportActionConfig, given: ExportHealthProps, request: HealthRequest): ExportHealth {
    const props = checkHealthProps(given, request.path);
    if (destination.kind !== DestinationKind.WORKSPACE && props.metricsWorkspaceId === undefined) {
      // Microsoft does not document that these metrics are recorded as zero when nothing happens, so a metric alert
      // "<= 0" may never fire; a log search alert over the metrics in a workspace counts "no rows" as zero.
      throw new ExportConfigError(
        "DFE134",
        `${request.path}: health on ${destination.kind.displayName} ${destination.node.path} reads its platform metrics in a Log ` +
          "Analytics workspace (Microsoft does not document that the metric is recorded as zero when nothing arrives, so a metric " +
          "alert on it might never fire). Give `health.metricsWorkspaceId`: the library sends the destination's metrics there " +
          "with a diagnostic setting and alerts on them.",
      );
    }
    const stack = TerraformStack.of(destination);
    const identity = destinationIdentity(destination, action);
    const id = `ExportHealth-${hash(`${identity}|${props.alertSet.toLowerCase()}`).slice(0, 12)}`;
    const health =
      (stack.node.tryFindChild(id) as ExportHealth | undefined) ?? new ExportHealth(stack, id, destination, action, props, identity, request);
    health.join(props, request);
    return health;
  }

  /** The alert rules. */
  public readonly alerts: TerraformResource[] = [];
  /** The action group created for `emailReceivers`, if any. */
  public readonly actionGroup?: AzurermMonitorActionGroup;
  private readonly readers: RoleAssignment[] = [];
  private readonly requests: HealthRequest[] = [];
  private readonly silences: number[] = [];
  private readonly severities: number[] = [];
  private readonly eventSources = new Set<string>();

  private constructor(
    scope: Construct,
    id: string,
    private readonly destination: IExportDestination,
    private readonly action: ExportActionConfig,
    private readonly props: CheckedHealthProps,
    private readonly identity: string,
    first: HealthRequest,
  ) {
    super(scope, id);
    const provider = props.provider ?? destination.provider;
    const group = props.resourceGroupName ?? groupOf(destination, action.resourceId, first.path);
    const location = props.location ?? first.location;
    // Unique per stack, destination and set, and stable: no construct path or order is in it.
    const name = `dfe-health-${hash(`${TerraformStack.of(this).node.id}|${identity}|${props.alertSet.toLowerCase()}`).slice(0, 16)}`;
    if (props.emailReceivers) {
      this.actionGroup = new MonitorActionGroup(this, "ActionGroup", {
        name,
        resourceGroupName: group,
        shortName: "dfe-health",
        emailReceiver: props.emailReceivers.map((address, i) => ({ name: `receiver-${i + 1}`, emailAddress: address, useCommonAlertSchema: true })),
        provider,
      });
    }
    const actionGroupId = props.actionGroupId ?? (this.actionGroup as MonitorActionGroup).id;
    const hours = () => Math.min(...this.silences);
    const rule = (
      ruleId: string,
      suffix: string,
      scope: string,
      query: () => string,
      window: () => string,
      frequency: () => string,
      description: string,
      dimension: boolean,
    ) =>
      new MonitorScheduledQueryRulesAlertV2(this, ruleId, {
        name: `${name}-${suffix}`,
        resourceGroupName: group,
        location,
        description,
        severity: Lazy.numberValue({ produce: () => Math.min(...this.severities) }),
        scopes: [scope],
        evaluationFrequency: Lazy.stringValue({ produce: frequency }),
        windowDuration: Lazy.stringValue({ produce: window }),
        criteria: [
          {
            query: Lazy.stringValue({ produce: query }),
            timeAggregationMethod: "Count",
            operator: "GreaterThan",
            threshold: 0,
            ...(dimension ? { dimension: [{ name: "SubscriptionId", operator: "Include", values: ["*"] }] } : {}),
          },
        ],
        action: { actionGroups: [actionGroupId] },
        // Stateful: Azure Monitor notifies once and again only after the condition resolved (alerts-overview, "Alerts and state").
        autoMitigationEnabled: true,
        identity: { type: "SystemAssigned" },
        provider,
      });
    let readScope: string;
    if (destination.kind === DestinationKind.WORKSPACE) {
      readScope = action.resourceId;
      this.alerts.push(
        rule(
          "LogSearchAlert",
          "silence",
          action.resourceId,
          () => silenceQuery(this.tables(), hours(), this.subscriptions()),
          () => LOG_LOOKBACK[hours()],
          () => FREQUENCY[hours()],
          `Defender for Cloud continuous export to ${destination.description}: a watched subscription sent no rows.`,
          true,
        ),
      );
    } else {
      const workspace = props.metricsWorkspaceId as string;
      readScope = workspace;
      const source = destination.kind === DestinationKind.EVENT_HUB ? eventHubNamespaceOf(action.resourceId) : action.resourceId;
      metricsSetting(this, stack(this), source, workspace, provider);
      if (destination.kind === DestinationKind.EVENT_HUB) {
        this.alerts.push(
          rule(
            "NoIncomingMessages",
            "no-messages",
            workspace,
            () => metricSilenceQuery(source, "IncomingMessages", hours()),
            () => METRIC_WINDOW[hours()],
            () => FREQUENCY[hours()],
            `No message reached the namespace of ${destination.description}.`,
            false,
          ),
        );
      } else {
        this.alerts.push(
          rule(
            "NoRuns",
            "no-runs",
            workspace,
            () => metricSilenceQuery(source, "RunsStarted", hours()),
            () => METRIC_WINDOW[hours()],
            () => FREQUENCY[hours()],
            `${destination.description} was not triggered.`,
            false,
          ),
          rule(
            "FailedRuns",
            "failed-runs",
            workspace,
            () => metricAnyQuery(source, "RunsFailed", 1),
            () => "PT1H",
            () => "PT15M",
            `Runs of ${destination.description} failed.`,
            false,
          ),
        );
      }
    }
    // Each rule reads its workspace as its own identity: Log Analytics Reader there, by role name (an unscoped
    // role definition id is read back subscription-scoped and forces replacement on every plan: azurerm issue 19847).
    this.alerts.forEach((alert, i) => {
      const reader = new RoleAssignment(this, i === 0 ? "LogAnalyticsReader" : `LogAnalyticsReader${i + 1}`, {
        scope: readScope,
        roleDefinitionName: BUILT_IN_ROLES.logAnalyticsReader.name,
        principalId: (alert as MonitorScheduledQueryRulesAlertV2).identity.principalId,
        principalType: "ServicePrincipal",
        provider,
      });
      this.readers.push(reader);
    });
    if (destination.kind === DestinationKind.WORKSPACE && props.alertSet === "default") this.handOverFromFirstRelease(destination);
    this.node.addValidation({ validate: () => this.validateProvider(provider) });
  }

  /**
   * 0.1 wrote a workspace's health below the destination (`<destination>/ExportHealth/…`): its state moves to
   * the default alert set. The Azure names changed (they collided), so Terraform still replaces the rules.
   */
  private handOverFromFirstRelease(destination: IExportDestination): void {
    this.actionGroup?.moveFromId(addressAt(destination, "azurerm_monitor_action_group", "ExportHealth", "ActionGroup"));
    this.alerts[0]?.moveFromId(addressAt(destination, "azurerm_monitor_scheduled_query_rules_alert_v2", "ExportHealth", "LogSearchAlert"));
    this.readers[0]?.moveFromId(addressAt(destination, "azurerm_role_assignment", "ExportHealth", "LogAnalyticsReader"));
  }

  /** What is watched and when it alerts, in words, for the report. */
  public get summary(): string {
    const hours = Math.min(...this.silences);
    if (this.destination.kind === DestinationKind.WORKSPACE) {
      const subs = this.subscriptions();
      return (
        `a log search alert (every ${FREQUENCY[hours]}, looking back ${LOG_LOOKBACK[hours]}) fires once per ` +
        (subs ? `watched subscription (${subs.length})` : "subscription seen in the look-back") +
        ` that sent no rows for ${hours} h, and resolves when rows arrive`
      );
    }
    return this.destination.kind === DestinationKind.EVENT_HUB
      ? `a log search alert over the namespace's metrics in a workspace fires after ${hours} h without incoming messages (the hub, not which subscription)`
      : `log search alerts over the workflow's metrics in a workspace fire after ${hours} h without a run, and on any failed run`;
  }

  /** Joins a request: its settings must agree with the set's, or merge by the documented rule. */
  private join(props: CheckedHealthProps, request: HealthRequest): void {
    const path = request.path;
    const same = (what: string, a: unknown, b: unknown) => {
      if (a !== b) {
        throw new ExportConfigError(
          "DFE135",
          `${path}: its health joins alert set "${this.props.alertSet}" on ${this.destination.node.path}, which ${this.requests[0].path} ` +
            `created with another ${what} (${describeValue(b)}, not ${describeValue(a)}). Give the same ${what}, or another \`health.alertSet\`.`,
        );
      }
    };
    if (this.requests.length > 0) {
      same("action group or receivers", receiversKey(props), receiversKey(this.props));
      same("resource group", props.resourceGroupName, this.props.resourceGroupName);
      same("location", props.location ?? request.location, this.props.location ?? this.requests[0].location);
      same("provider", props.provider?.node.path, this.props.provider?.node.path);
      same("metrics workspace", props.metricsWorkspaceId?.toLowerCase(), this.props.metricsWorkspaceId?.toLowerCase());
    }
    this.requests.push(request);
    this.silences.push(props.silenceAfterHours);
    this.severities.push(props.severity);
    request.eventSources.forEach((s) => this.eventSources.add(s));
    if (this.destination.kind === DestinationKind.WORKSPACE) this.checkNoLeak(path);
  }

  /** A set that watches every subscription seen would tell its receivers about another set's subscriptions. */
  private checkNoLeak(path: string): void {
    const sets = TerraformStack.of(this)
      .node.children.filter((c): c is ExportHealth => c instanceof ExportHealth && c.identity === this.identity)
      .filter((s) => s.requests.length > 0);
    if (sets.length > 1 && sets.some((s) => s.subscriptions() === undefined)) {
      throw new ExportConfigError(
        "DFE136",
        `${path}: ${this.destination.node.path} has several health alert sets, and one of them watches subscriptions known only ` +
          "in Azure (a management group, or ids set at apply): it would name the other sets' subscriptions to its receivers. " +
          "Give the exports one alert set (the same receivers), or list literal subscriptions.",
      );
    }
  }

  /** The watched subscriptions (lower-cased), or undefined when a request's are not known at synth. */
  private subscriptions(): string[] | undefined {
    const all: string[] = [];
    for (const r of this.requests) {
      if (!r.subscriptions || r.subscriptions.some((s) => Token.isUnresolved(s) || !isGuid(s))) return undefined;
      all.push(...r.subscriptions.map((s) => s.toLowerCase()));
    }
    return [...new Set(all)].sort();
  }

  /** The workspace tables the exports fill, in a fixed order. */
  private tables(): string[] {
    return DataType.ALL.filter((t) => [...this.eventSources].some((s) => s === t.streamingSource || s === t.snapshotSource)).map(
      (t) => t.workspaceTable,
    );
  }

  /** Everything health writes lands in the destination's subscription and tenant. */
  private validateProvider(given: TerraformProvider | undefined): string[] {
    const provider = resolveAzurermProvider(this, given);
    if (!provider) return [];
    const errors: string[] = [];
    const sub = literalSubscriptionOf(provider);
    const where = subscriptionIn(this.action.resourceId);
    if (sub && where && sub.toLowerCase() !== where.toLowerCase()) {
      errors.push(
        `${coded("DFE137", this.destination.node.path)}its health alerts would be written through ${provider.node.path}, which writes in ` +
          `subscription ${sub}, but the destination is in subscription ${where}. Give the destination (its \`provider\` option) or ` +
          "`health.provider` an azurerm provider configured for the destination's subscription and tenant.",
      );
    }
    const tenant = literalTenantOf(provider);
    const destinationTenant = this.destination.tenantId;
    if (tenant && destinationTenant && !Token.isUnresolved(destinationTenant) && tenant.toLowerCase() !== destinationTenant.toLowerCase()) {
      errors.push(
        `${coded("DFE137", this.destination.node.path)}its health alerts would be written through ${provider.node.path} in tenant ${tenant}, ` +
          `but the destination is in tenant ${destinationTenant}. Give \`health.provider\` (or the destination's \`provider\`) one for that tenant.`,
      );
    }
    return errors;
  }
}

/** The stack a construct is in. */
function stack(scope: IConstruct): TerraformStack {
  return TerraformStack.of(scope);
}

/**
 * The diagnostic setting that sends a destination's platform metrics to the metrics workspace: one per
 * resource and workspace in a stack (Azure refuses two settings that send the same data to one workspace).
 */
function metricsSetting(
  health: ExportHealth,
  s: TerraformStack,
  resourceId: string,
  workspaceId: string,
  provider: TerraformProvider | undefined,
): void {
  const key = hash(`${Token.isUnresolved(resourceId) ? health.node.path : resourceId.toLowerCase()}|${workspaceId.toLowerCase()}`).slice(0, 12);
  const id = `ExportHealthMetrics-${key}`;
  if (s.node.tryFindChild(id)) return;
  const holder = new Construct(s, id);
  new MonitorDiagnosticSetting(holder, "Setting", {
    name: `dfe-health-${key}`,
    targetResourceId: resourceId,
    logAnalyticsWorkspaceId: workspaceId,
    enabledMetric: [{ category: "AllMetrics" }],
    provider,
  });
}

/** A short, stable hash of a text (SHA-256, hex). */
function hash(text: string): string {
  return crypto.createHash("sha256").update(text).digest("hex");
}

/**
 * The destination as Azure knows it: its resource id when literal, else the created resource's type,
 * group and name when those are literal; only otherwise its construct path (renaming such a destination
 * then moves its alerts).
 */
function destinationIdentity(destination: IExportDestination, action: ExportActionConfig): string {
  if (!Token.isUnresolved(action.resourceId)) return action.resourceId.toLowerCase();
  if (isPlacedDestination(destination)) {
    const resource = destination.placement.resources[0] as TerraformResource & { nameInput?: unknown };
    const name = resource?.nameInput;
    const group = destination.placement.resourceGroupName;
    if (typeof name === "string" && !Token.isUnresolved(name) && !Token.isUnresolved(group)) {
      return `${destination.kind.actionType}|${resource.terraformResourceType}|${group}|${name}`.toLowerCase();
    }
  }
  return `path|${destination.node.path}`;
}

/** The receivers of a set, compared case-insensitively and in any order. */
function receiversKey(props: CheckedHealthProps): string {
  return props.actionGroupId !== undefined
    ? `group:${props.actionGroupId.toLowerCase()}`
    : `email:${[...(props.emailReceivers ?? [])]
        .map((a) => a.toLowerCase())
        .sort()
        .join(",")}`;
}

/** The subscription in a literal resource id, if any. */
function subscriptionIn(resourceId: string): string | undefined {
  if (Token.isUnresolved(resourceId)) return undefined;
  return /^\/subscriptions\/([^/]+)\//i.exec(resourceId)?.[1];
}

/** The event hub's namespace id, from the hub's id (literal, or a reference). */
function eventHubNamespaceOf(eventHubId: string): string {
  if (!Token.isUnresolved(eventHubId)) return eventHubId.split("/").slice(0, 9).join("/");
  return TerraformFunctions.join("/", TerraformFunctions.slice(TerraformFunctions.split("/", eventHubId), 0, 9));
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

/** Reads every field of `health` once, by name: class instances with getters, frozen or proxied objects read alike. */
function readProps(props: unknown, path: string): ExportHealthProps {
  if (props === null || typeof props !== "object")
    throw new ExportConfigError("DFE130", `${path}: \`health\` must be an object, got ${describeValue(props)}.`);
  const read: { [key: string]: unknown } = {};
  for (const field of FIELDS) {
    let value: unknown;
    try {
      value = (props as { [key: string]: unknown })[field];
    } catch (e) {
      throw new ExportConfigError("DFE130", `${path}: reading \`health.${field}\` failed (${e instanceof Error ? e.message : String(e)}).`);
    }
    if (value !== undefined) read[field] = value;
  }
  return read as ExportHealthProps;
}

function checkHealthProps(given: ExportHealthProps, path: string): CheckedHealthProps {
  const props = readProps(given, path);
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
  let emails: string[] | undefined;
  if (props.emailReceivers !== undefined) {
    if (!Array.isArray(props.emailReceivers) || props.emailReceivers.length === 0) {
      throw new ExportConfigError(
        "DFE130",
        `${path}: \`health.emailReceivers\` must list at least one address, got ${describeValue(props.emailReceivers)}.`,
      );
    }
    emails = Array.from(props.emailReceivers as unknown[]) as string[];
    const bad = emails.find((a) => typeof a !== "string" || (!Token.isUnresolved(a) && !EMAIL.test(a)));
    if (bad !== undefined)
      throw new ExportConfigError("DFE130", `${path}: ${describeValue(bad)} in \`health.emailReceivers\` is not an e-mail address.`);
  }
  const hours = props.silenceAfterHours ?? 24;
  if (!(SILENCE_HOURS as readonly unknown[]).includes(hours)) {
    throw new ExportConfigError(
      "DFE131",
      `${path}: \`health.silenceAfterHours\` is ${describeValue(hours)}; the alerts evaluate ${SILENCE_HOURS.join(", ")} hours ` +
        `(a log search alert looks back at most 48 h, and the workspace alert twice the silence). Pick one of them.`,
    );
  }
  const severity = props.severity ?? 2;
  if (typeof severity !== "number" || !Number.isInteger(severity) || severity < 0 || severity > 4) {
    throw new ExportConfigError("DFE131", `${path}: \`health.severity\` must be a whole number from 0 to 4, got ${describeValue(severity)}.`);
  }
  const alertSet = props.alertSet ?? "default";
  if (typeof alertSet !== "string" || !ALERT_SET.test(alertSet)) {
    throw new ExportConfigError("DFE138", `${path}: \`health.alertSet\` must be 1–24 letters, digits and hyphens, got ${describeValue(alertSet)}.`);
  }
  const workspace = props.metricsWorkspaceId;
  if (workspace !== undefined && (typeof workspace !== "string" || (!Token.isUnresolved(workspace) && !WORKSPACE_ID.test(workspace)))) {
    throw new ExportConfigError(
      "DFE138",
      `${path}: \`health.metricsWorkspaceId\` ${describeValue(workspace)} is not a Log Analytics workspace id: ` +
        "/subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.OperationalInsights/workspaces/<name>.",
    );
  }
  if (props.provider !== undefined && !(props.provider instanceof TerraformProvider)) {
    throw new ExportConfigError("DFE130", `${path}: \`health.provider\` must be an azurerm provider, got ${describeValue(props.provider)}.`);
  }
  atPath(path, () => {
    if (props.resourceGroupName !== undefined) checkName("health.resourceGroupName", props.resourceGroupName, NAME_RULES.resourceGroup);
    if (props.location !== undefined) checkName("health.location", props.location, NAME_RULES.location);
  });
  return { ...props, emailReceivers: emails, silenceAfterHours: hours, severity, alertSet };
}

/**
 * Refuses health for a request the alerts cannot watch: one that sends only weekly snapshots is quiet
 * for up to 7 days, longer than a log search alert looks back (48 h), so every alert would fire between
 * two snapshots.
 */
export function checkWatchable(eventSources: readonly string[], path: string): void {
  const streaming = eventSources.some((s) => DataType.ALL.some((t) => t.streamingSource === s));
  if (!streaming) {
    throw new ExportConfigError(
      "DFE132",
      `${path}: this export sends only weekly snapshots, quiet for up to 7 days; a log search alert looks back at most ` +
        `48 hours, so a health alert would fire between every two snapshots. Export a streaming source as well, or leave \`health\` out.`,
    );
  }
}
