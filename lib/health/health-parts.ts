import * as crypto from "node:crypto";
import { TerraformProvider, TerraformResource, TerraformStack, Token } from "cdktf";
import { Construct } from "constructs";
import { ExportActionConfig } from "../kinds/action";
import { IExportDestination, isPlacedDestination } from "../destinations/destination";
import { MonitorDiagnosticSetting } from "../internal/azurerm";
import { ExportConfigError } from "../model/errors";

/**
 * The diagnostic setting that sends a destination's platform metrics to the metrics workspace: one per
 * resource and workspace in a stack (Azure refuses two settings that send the same data to one workspace).
 */
export function metricsSetting(
  health: Construct,
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
export function hash(text: string): string {
  return crypto.createHash("sha256").update(text).digest("hex");
}

/**
 * The destination as Azure knows it: its resource id when literal, else the created resource's type,
 * group and name when those are literal; only otherwise its construct path (renaming such a destination
 * then moves its alerts).
 */
export function destinationIdentity(destination: IExportDestination, action: ExportActionConfig): string {
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

/** The subscription in a literal resource id, if any. */
export function subscriptionIn(resourceId: string): string | undefined {
  if (Token.isUnresolved(resourceId)) return undefined;
  return /^\/subscriptions\/([^/]+)\//i.exec(resourceId)?.[1];
}

/** The destination's resource group: where it is created, or the one in its id. */
export function groupOf(destination: IExportDestination, resourceId: string, path: string): string {
  if (isPlacedDestination(destination)) return destination.placement.resourceGroupName;
  if (!Token.isUnresolved(resourceId)) return resourceId.split("/")[4];
  throw new ExportConfigError(
    "DFE133",
    `${path}: the health alerts of ${destination.node.path} need a resource group, and its id is known only at apply. Give \`health.resourceGroupName\`.`,
  );
}
