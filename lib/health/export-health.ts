import { Lazy, TerraformProvider, TerraformResource, TerraformStack, Token } from "cdktf";
import { Construct } from "constructs";
import { ExportActionConfig } from "../kinds/action";
import { IExportDestination } from "../destinations/destination";
import { AzurermMonitorActionGroup, MonitorActionGroup, MonitorScheduledQueryRulesAlertV2, RoleAssignment } from "../internal/azurerm";
import { addressAt } from "../internal/addresses";
import { literalSubscriptionOf, literalTenantOf, resolveAzurermProvider } from "../internal/provider-check";
import { DataType } from "../model/data-type";
import { ExportConfigError, coded, describeValue } from "../model/errors";
import { BUILT_IN_ROLES } from "../model/roles";
import { isGuid } from "../model/guid";
import { metricAnyQuery, metricSilenceQuery, silenceQuery } from "./health-queries";
import { destinationIdentity, groupOf, hash, metricsSetting, subscriptionIn } from "./health-parts";
import { CheckedHealthProps, ExportHealthProps, checkHealthProps, receiversKey } from "./health-props";

export { ExportHealthProps, checkWatchable } from "./health-props";

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
 * period restricts the rows the query sees and overrides any time filter (`ago`) in it. The silences are
 * `SILENCE_HOURS` (health-props.ts).
 *
 * The workspace alert's look-back: the smallest accepted window of at least twice the silence (to see who went quiet). */
const LOG_LOOKBACK: Record<number, string> = { 1: "PT2H", 6: "P1D", 12: "P1D", 24: "P2D" };
/** The metrics alert's window: the silence itself. */
const METRIC_WINDOW: Record<number, string> = { 1: "PT1H", 6: "PT6H", 12: "PT12H", 24: "P1D" };
/** How often the alerts evaluate. */
const FREQUENCY: Record<number, string> = { 1: "PT15M", 6: "PT1H", 12: "PT1H", 24: "PT1H" };

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
    if (destination.kind._heartbeat.watches === "metrics" && props.metricsWorkspaceId === undefined) {
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
    const heartbeat = destination.kind._heartbeat;
    let readScope: string;
    if (heartbeat.watches === "tables") {
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
      const source = heartbeat.metricsOf(action.resourceId);
      metricsSetting(this, TerraformStack.of(this), source, workspace, provider);
      for (const alert of heartbeat.alerts) {
        const silence = alert.firesOn === "silence";
        this.alerts.push(
          rule(
            alert.id,
            alert.suffix,
            workspace,
            () => (silence ? metricSilenceQuery(source, alert.metric, hours()) : metricAnyQuery(source, alert.metric, 1)),
            () => (silence ? METRIC_WINDOW[hours()] : "PT1H"),
            () => (silence ? FREQUENCY[hours()] : "PT15M"),
            alert.describe(destination.description),
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
    if (heartbeat.watches === "tables" && props.alertSet === "default") this.handOverFromFirstRelease(destination);
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
    const heartbeat = this.destination.kind._heartbeat;
    if (heartbeat.watches === "metrics") return heartbeat.summary(hours);
    const subs = this.subscriptions();
    return (
      `a log search alert (every ${FREQUENCY[hours]}, looking back ${LOG_LOOKBACK[hours]}) fires once per ` +
      (subs ? `watched subscription (${subs.length})` : "subscription seen in the look-back") +
      ` that sent no rows for ${hours} h, and resolves when rows arrive`
    );
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
    if (this.destination.kind._heartbeat.watches === "tables") this.checkNoLeak(path);
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
