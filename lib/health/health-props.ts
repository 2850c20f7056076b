import { TerraformProvider, Token } from "cdktf";
import { producedValue } from "../internal/lazy";
import { checkName, NAME_RULES } from "../internal/inputs";
import { DataType } from "../model/data-type";
import { ExportConfigError, atPath, describeValue } from "../model/errors";
import { GUID_PATTERN } from "../model/guid";

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

/**
 * The silences the alerts can watch, in hours, as the azurerm provider documents the Azure Monitor API's
 * accepted values for `azurerm_monitor_scheduled_query_rules_alert_v2` (see `export-health.ts`).
 */
export const SILENCE_HOURS = [1, 6, 12, 24] as const;
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

/** Health props as checked: defaults filled in. */
export type CheckedHealthProps = Omit<ExportHealthProps, "emailReceivers"> & {
  readonly emailReceivers?: readonly string[];
  readonly silenceAfterHours: number;
  readonly severity: number;
  readonly alertSet: string;
};

/** The receivers of a set, compared case-insensitively and in any order. */
export function receiversKey(props: CheckedHealthProps): string {
  return props.actionGroupId !== undefined
    ? `group:${props.actionGroupId.toLowerCase()}`
    : `email:${[...(props.emailReceivers ?? [])]
        .map((a) => a.toLowerCase())
        .sort()
        .join(",")}`;
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

/** Reads and checks `health` (DFE130, DFE131, DFE138), with its defaults. */
export function checkHealthProps(given: ExportHealthProps, path: string): CheckedHealthProps {
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
