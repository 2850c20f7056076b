import { TerraformProvider, TerraformStack, Token } from "cdktf";
import { TerraformFunctions } from "../internal/terraform-functions";
import { producedValue } from "../internal/lazy";
import { literalSubscriptionOf, resolveAzurermProvider } from "../internal/provider-check";
import { claimInApp } from "../internal/app-claims";
import { BRANDS } from "../model/brand";
import { Construct, IConstruct } from "constructs";
import { AzurermLogAnalyticsSolution, AzurermLogAnalyticsWorkspace, LogAnalyticsSolution, LogAnalyticsWorkspace } from "../internal/azurerm";
import { checkSameName, parseResourceId } from "../internal/resource-id";
import { inWords } from "../internal/words";
import { ExportConfigError, atPath, describeValue } from "../model/errors";
import { NAME_RULES, checkFlag, checkName, checkNumber, checkTags } from "../internal/inputs";
import { DestinationRole } from "./destination-role";
import { ExistingDestinationOptions, forgetCreatedBefore } from "./created-before";
import { localDependencies } from "../internal/dependencies";
import { keepUnstatedSettings, statedArguments } from "../internal/keep-unstated";
import {
  AccessTarget,
  DataHoldingOptions,
  DestinationKind,
  DestinationOptions,
  DestinationPlacement,
  ExportActionConfig,
  ICrossTenantDestination,
  IPlacedDestination,
  checkDestinationTenant,
  dataLifecycle,
  destinationTenant,
} from "./destination";

/** The pricing tier of a new workspace. */
export class WorkspaceSku {
  /** Pay per GB ingested: the tier for new workspaces. */
  public static readonly PER_GB_2018 = new WorkspaceSku("PerGB2018");
  /** Commitment tier (set the daily capacity on the workspace). */
  public static readonly CAPACITY_RESERVATION = new WorkspaceSku("CapacityReservation");

  /**
   * Another tier by its provider value (`PerNode`, `Standalone`, `Standard`, `Premium` for old
   * subscriptions, `LACluster`). `Free` is refused: Azure no longer creates or moves workspaces to it.
   */
  public static of(value: string): WorkspaceSku {
    const known = ["PerGB2018", "CapacityReservation", "PerNode", "Standalone", "Standard", "Premium", "LACluster"];
    const found = known.find((k) => k.toLowerCase() === String(value).toLowerCase());
    if (!found)
      throw new ExportConfigError("DFE041", `${describeValue(value)} is not a workspace tier Azure creates. Use one of: ${known.join(", ")}.`);
    return new WorkspaceSku(found);
  }

  private constructor(
    /** The value of the workspace's `sku`. */
    public readonly value: string,
  ) {}
}

/** An existing workspace to take over (manage from now on), instead of creating one. */
export interface AdoptedWorkspace {
  /** The workspace's resource id; its name and resource group must be the props' `workspaceName` and `resourceGroupName`. */
  readonly workspaceId: string;
  /**
   * Whether the workspace has the SecurityCenterFree solution already (`az monitor log-analytics
   * solution list`): then it is imported too; otherwise it is created.
   */
  readonly hasSecurityCenterFree: boolean;
}

/** Properties of a new Log Analytics workspace for exported data. */
export interface LogAnalyticsDestinationProps extends DataHoldingOptions {
  /** The workspace name (4-63 letters, digits and hyphens). */
  readonly workspaceName: string;
  /** The resource group the workspace goes into (it must exist or be created in the same stack). */
  readonly resourceGroupName: string;
  /** The Azure region, e.g. `westeurope`. */
  readonly location: string;
  /** The pricing tier. @default WorkspaceSku.PER_GB_2018; an adopted workspace keeps its own */
  readonly sku?: WorkspaceSku;
  /** Days the data is kept, 30 to 730. @default 30 (Azure's default); an adopted workspace keeps its own */
  readonly retentionInDays?: number;
  /** A daily ingestion cap in GB; data over the cap is dropped for the day. @default no cap; an adopted workspace keeps its own */
  readonly dailyQuotaGb?: number;
  /**
   * Take over an existing workspace (Terraform import) instead of creating one. Every setting the props
   * do not state (retention, tier, cap, tags, network access, …) stays as it is in Azure
   * (`ignore_changes`); the stated ones are applied. @default a new workspace
   */
  readonly adopt?: AdoptedWorkspace;
}

/**
 * A Log Analytics workspace as an export destination: data lands in the tables `SecurityAlert`,
 * `SecurityRecommendation`, `SecurityNestedRecommendation`, `SecureScores`, `SecureScoreControls`,
 * `SecurityRegulatoryCompliance`.
 *
 * `new LogAnalyticsDestination(...)` creates a workspace with the `SecurityCenterFree` solution (without
 * it the exported data does not show); `LogAnalyticsDestination.fromWorkspaceId` uses an existing one.
 */
export class LogAnalyticsDestination extends Construct implements ICrossTenantDestination, IPlacedDestination {
  /**
   * An existing workspace, by resource id. Nothing is created; the workspace needs the
   * `SecurityCenterFree` or `Security` solution for the data to show.
   */
  public static fromWorkspaceId(
    scope: Construct,
    id: string,
    workspaceResourceId: string,
    options: ExistingDestinationOptions = {},
  ): ICrossTenantDestination {
    return new ImportedWorkspace(scope, id, workspaceResourceId, options);
  }

  /** @inheritdoc */
  public readonly kind = DestinationKind.WORKSPACE;
  /** @inheritdoc */
  public readonly description: string;
  /** The workspace, for further configuration. */
  public readonly workspace: AzurermLogAnalyticsWorkspace;
  /** The `SecurityCenterFree` solution on the workspace. */
  public readonly solution: AzurermLogAnalyticsSolution;
  /** @inheritdoc */
  public readonly placement: DestinationPlacement;
  private readonly workspaceId: string;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: LogAnalyticsDestinationProps,
  ) {
    super(scope, id);
    BRANDS.destination.mark(this);
    atPath(this.node.path, () => checkWorkspaceProps(props));
    checkDestinationTenant(this, props);
    // A workspace name is unique in its resource group (Microsoft.OperationalInsights naming rules).
    const provider = resolveAzurermProvider(this, props.provider);
    claimInApp(this, {
      key: [
        "workspace",
        (provider && literalSubscriptionOf(provider)) ?? `${TerraformStack.of(this).node.path}/${provider?.node.path}`,
        props.resourceGroupName,
        props.workspaceName,
      ],
      exclusive: true,
      code: "DFE225",
      words: (other) =>
        `${other} already makes the workspace "${props.workspaceName}" in resource group ${props.resourceGroupName}: one name in one group is one workspace, and two constructs would own it. ` +
        "Use that destination, or give this one another name.",
    });
    this.workspace = new LogAnalyticsWorkspace(this, "Workspace", {
      name: props.workspaceName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      sku: (props.sku ?? WorkspaceSku.PER_GB_2018).value,
      retentionInDays: props.retentionInDays ?? 30,
      dailyQuotaGb: props.dailyQuotaGb,
      tags: props.tags,
      provider: props.provider,
      lifecycle: dataLifecycle(props),
    });
    this.workspaceId = this.workspace.id;
    this.solution = new LogAnalyticsSolution(this, "SecurityCenterFree", {
      solutionName: "SecurityCenterFree",
      workspaceName: this.workspace.name,
      workspaceResourceId: this.workspaceId,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      plan: { publisher: "Microsoft", product: "OMSGallery/SecurityCenterFree" },
      tags: props.tags,
      provider: props.provider,
    });
    if (props.adopt) {
      const parts = atPath(this.node.path, () => adoptedWorkspace(props));
      this.workspace.importFrom(props.adopt.workspaceId, props.provider);
      keepUnstatedSettings(
        this.workspace,
        statedArguments({ sku: props.sku, retention_in_days: props.retentionInDays, daily_quota_gb: props.dailyQuotaGb, tags: props.tags }),
      );
      if (props.adopt.hasSecurityCenterFree) {
        this.solution.importFrom(
          `/subscriptions/${parts.subscriptionId}/resourceGroups/${parts.resourceGroupName}/providers/Microsoft.OperationsManagement/solutions/SecurityCenterFree(${parts.names[0]})`,
          props.provider,
        );
        keepUnstatedSettings(
          this.solution,
          statedArguments({ tags: props.tags, plan: true, solution_name: true, workspace_name: true, workspace_resource_id: true }),
        );
      }
    }
    this.placement = { resourceGroupName: props.resourceGroupName, resources: [this.workspace] };
    this.description = `Log Analytics workspace ${inWords(props.workspaceName, "(name set at apply)")} (${props.adopt ? "adopted" : "new"}, in ${inWords(props.resourceGroupName, "a resource group created with it")})`;
  }

  /** @inheritdoc */
  public get provider(): TerraformProvider | undefined {
    return this.props.provider;
  }

  /** @inheritdoc */
  public get tenantId(): string | undefined {
    return destinationTenant(this, this.props);
  }

  /** @inheritdoc */
  public bind(automation: IConstruct): ExportActionConfig {
    return { kind: this.kind, resourceId: this.workspaceId, dependsOn: localDependencies(automation, [this.solution]) };
  }

  /** @inheritdoc */
  public accessTarget(): AccessTarget {
    return workspaceAccess(this.workspaceId, this.props.resourceGroupName, this.props.provider);
  }
}

class ImportedWorkspace extends Construct implements ICrossTenantDestination {
  public readonly kind = DestinationKind.WORKSPACE;
  public readonly description: string;
  private readonly resourceGroupName: string;

  constructor(
    scope: Construct,
    id: string,
    private readonly workspaceResourceId: string,
    private readonly options: ExistingDestinationOptions,
  ) {
    super(scope, id);
    BRANDS.destination.mark(this);
    checkDestinationTenant(this, options);
    forgetCreatedBefore(this, DestinationKind.WORKSPACE, options);
    const parts = atPath(this.node.path, () => parseResourceId(workspaceResourceId, DestinationKind.WORKSPACE._idShape, "a Log Analytics workspace"));
    this.resourceGroupName = parts?.resourceGroupName ?? TerraformFunctions.element(TerraformFunctions.split("/", workspaceResourceId), 4);
    this.description = parts
      ? `Log Analytics workspace ${parts.names[0]} (existing, in ${parts.resourceGroupName})`
      : "Log Analytics workspace (existing, id known at apply)";
  }

  /** @inheritdoc */
  public get provider(): TerraformProvider | undefined {
    return this.options.provider;
  }

  public get tenantId(): string | undefined {
    return destinationTenant(this, this.options);
  }

  public bind(_automation: IConstruct): ExportActionConfig {
    return { kind: this.kind, resourceId: this.workspaceResourceId };
  }

  public accessTarget(): AccessTarget {
    return workspaceAccess(this.workspaceResourceId, this.resourceGroupName, this.options.provider);
  }
}

function workspaceAccess(workspaceId: string, resourceGroupName: string, provider: DestinationOptions["provider"]): AccessTarget {
  return {
    kind: DestinationKind.WORKSPACE,
    resourceId: workspaceId,
    roleScope: workspaceId,
    resourceGroupName,
    defaultRole: DestinationRole.LOG_ANALYTICS_CONTRIBUTOR,
    allowedRoles: DestinationRole.FOR_WORKSPACES,
    provider,
  };
}

function checkWorkspaceProps(props: LogAnalyticsDestinationProps): void {
  if (props === null || typeof props !== "object") throw new ExportConfigError("DFE041", `the props must be an object, got ${describeValue(props)}.`);
  const name = producedValue("workspaceName", props.workspaceName);
  // Microsoft.OperationalInsights `workspaces`: 4–63, alphanumerics and hyphens, start and end with alphanumeric
  // (Azure naming rules, resource-name-rules; checked 2026-12).
  if (typeof name !== "string" || (!Token.isUnresolved(name) && !/^[A-Za-z0-9][A-Za-z0-9-]{2,61}[A-Za-z0-9]$/.test(name))) {
    throw new ExportConfigError(
      "DFE041",
      `${describeValue(name)} is not a valid workspace name: 4 to 63 letters, digits and hyphens, starting and ending with a letter or digit.`,
    );
  }
  const days = props.retentionInDays;
  if (days !== undefined && (typeof days !== "number" || (!Token.isUnresolved(days) && !(Number.isInteger(days) && days >= 30 && days <= 730)))) {
    throw new ExportConfigError("DFE042", `retentionInDays ${describeValue(days)} is out of range: a workspace keeps data 30 to 730 whole days.`);
  }
  if (props.sku !== undefined && !(props.sku instanceof WorkspaceSku)) {
    throw new ExportConfigError("DFE041", `\`sku\` must be a WorkspaceSku (WorkspaceSku.PER_GB_2018, …), got ${describeValue(props.sku)}.`);
  }
  checkName("resourceGroupName", props.resourceGroupName, NAME_RULES.resourceGroup);
  checkName("location", props.location, NAME_RULES.location);
  // Azure's smallest cap is 0.023 GB a day; -1 (no cap) is what leaving it out means.
  checkNumber("dailyQuotaGb", props.dailyQuotaGb, 0.023, 1_000_000);
  checkTags("tags", props.tags);
  checkFlag("preventDestroy", props.preventDestroy);
  if (props.adopt !== undefined && (props.adopt === null || typeof props.adopt !== "object")) {
    throw new ExportConfigError("DFE116", `\`adopt\` must be { workspaceId, hasSecurityCenterFree }, got ${describeValue(props.adopt)}.`);
  }
}

/** The adopted workspace's id must name the workspace the props describe, or the import would not match. */
function adoptedWorkspace(props: LogAnalyticsDestinationProps) {
  const parts = parseResourceId(String(props.adopt?.workspaceId), DestinationKind.WORKSPACE._idShape, "a Log Analytics workspace");
  if (!parts) {
    throw new ExportConfigError("DFE116", "an adopted workspace needs a literal id: the import block names it.");
  }
  checkSameName("workspace name", parts.names[0], props.workspaceName);
  checkSameName("resource group", parts.resourceGroupName, props.resourceGroupName);
  return parts;
}
