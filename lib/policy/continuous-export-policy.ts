import { claimExportRoute } from "../internal/export-routes";
import { BRANDS } from "../model/brand";
import { checkFlag, checkList, checkName as checkAzureName, checkText } from "../internal/inputs";
import { TerraformProvider, TerraformResource, Token } from "cdktf";
import { Construct } from "constructs";
import { DestinationRole } from "../destinations/destination-role";
import { IExportDestination, isCrossTenantDestination } from "../destinations/destination";
import {
  AzurermRoleAssignment,
  ManagementGroupPolicyAssignment,
  RoleAssignment,
  SubscriptionPolicyAssignment,
  SubscriptionPolicyRemediation,
} from "../internal/azurerm";
import { NAME_RULES, checkName as checkInput } from "../internal/inputs";
import { literalTenantOf, resolveAzurermProvider } from "../internal/provider-check";
import { ExportConfigError, atPath, coded, describeValue } from "../model/errors";
import { isGuid } from "../model/guid";
import { Export } from "../model/export";
import { toAutomationSources } from "../model/sources";
import { BuiltInExportPolicy } from "./definitions";
import { PolicyExportParameters, toPolicyParameters } from "./parameters";
import { PolicyScope } from "./policy-scope";
import { ExportHealth, ExportHealthProps, checkWatchable } from "../health/export-health";
import { warnOnce } from "../internal/warnings";

/** Properties of {@link ContinuousExportPolicy}. */
export interface ContinuousExportPolicyProps {
  /** Where the policy applies: a management group (every subscription below it, also future ones) or a subscription. */
  readonly scope: PolicyScope;
  /** What to export: the same exports `ContinuousExport` takes, within what the built-in policy can express. */
  readonly exports: Export[];
  /** Where to send it: exactly one workspace or event hub (the built-in policies take one destination). */
  readonly destinations: IExportDestination[];
  /** The region of the assignment's identity, and of the resource group and automation the policy deploys. */
  readonly location: string;
  /** The resource group the policy deploys the automation into, in each subscription. */
  readonly resourceGroupName: string;
  /**
   * Let the policy create (and re-deploy) the resource group in each subscription. The policy deploys it
   * with no tags, so a required-tags Deny policy blocks the deployment and existing tags on that group
   * are replaced; pre-create the group and pass false where that matters. @default true (the policy's default)
   */
  readonly createResourceGroup?: boolean;
  /** The assignment's name (at most 24 characters at a management group). @default "defender-export" */
  readonly assignmentName?: string;
  /** The assignment's display name. @default a generated one */
  readonly displayName?: string;
  /**
   * Create a remediation task, so subscriptions that exist today get the export, not only new ones.
   * @default true
   */
  readonly remediate?: boolean;
  /**
   * The remediation task's name. A remediation runs once: give a new name to run another (e.g. after
   * adding subscriptions that a scan has since found non-compliant). @default "initial"
   */
  readonly remediationName?: string;
  /**
   * At a management group: the subscriptions under it to remediate in this apply, one remediation each
   * at the subscription, which re-evaluates compliance first. (A remediation at the management group
   * created with its assignment finds nothing: it remediates only what an earlier compliance scan found.)
   * Without them, the report prints the second step to run after the first scan. @default none
   */
  readonly remediateSubscriptions?: string[];
  /** The azurerm provider that writes the assignment, the role assignments and the remediation. @default the stack's default */
  readonly provider?: TerraformProvider;
  /**
   * Health alerts on the destination (see `ContinuousExport`'s `health`): a workspace's log search alert
   * names each subscription the policy deployed to that falls silent. @default none
   */
  readonly health?: ExportHealthProps;
}

/** A policy-based export in words, for reports. */
export interface PolicyExportSummary {
  /** The construct path. */
  readonly path: string;
  /** The assigned scope's id. */
  readonly scope: string;
  /** What is exported, one line per export. */
  readonly exports: string[];
  /** The automation name the policy deploys in each subscription. */
  readonly automationName: string;
  /** The built-in definition's id. */
  readonly definitionId: string;
  /** The destination in words. */
  readonly destination: string;
  /** What watches the destination and when it alerts, when `health` is on. @default none */
  readonly health?: string;
  /** The exported data types, as the policy names them. */
  readonly exportedDataTypes: string[];
  /** What the request asks for and the policy cannot export (Critical recommendations), in words; empty when nothing. */
  readonly notExported: string[];
}

/**
 * Continuous export for every subscription under a management group (or one subscription) through
 * Microsoft's built-in DeployIfNotExists policies: the policy assignment with a system-assigned identity,
 * the roles that identity needs (Contributor at the assigned scope, as the definitions declare, and write
 * access on the destination), and a remediation task for the subscriptions that exist already.
 *
 * The same typed request as `ContinuousExport` drives it. What a policy cannot express is refused with
 * a list of every unsupported part (`DFE080`); `ContinuousExport` can express all of it.
 */
export class ContinuousExportPolicy extends Construct {
  /** The built-in definition assigned. */
  public readonly definition: BuiltInExportPolicy;
  /** The parameters passed to it. */
  public readonly parameters: PolicyExportParameters;
  /** The policy assignment: a management group or subscription policy assignment. */
  public readonly assignment: TerraformResource;
  /** Contributor for the assignment's identity at the assigned scope. */
  public readonly scopeRole: AzurermRoleAssignment;
  /** Write access for the assignment's identity on the destination. */
  public readonly destinationRole: AzurermRoleAssignment;
  /** The remediation task at a subscription scope, unless `remediate` is false. */
  public readonly remediation?: TerraformResource;
  /** At a management group: one remediation per subscription of `remediateSubscriptions`, by subscription id. */
  public readonly subscriptionRemediations: { [subscriptionId: string]: TerraformResource } = {};
  /** The health alerts on the destination, when `health` is on. */
  public readonly health?: ExportHealth;
  /** What the request asks for and Microsoft's policy cannot export (Critical recommendations), in words. */
  public readonly notExported: string[];

  constructor(
    scope: Construct,
    id: string,
    private readonly props: ContinuousExportPolicyProps,
  ) {
    super(scope, id);
    const { definition, parameters, narrowed, destinationId, destinationScope, destinationRole } = atPath(this.node.path, () => translate(props));
    claimExportRoute(this, props.scope.id, true);
    this.definition = definition;
    this.parameters = parameters;
    this.notExported = narrowed;
    for (const what of narrowed) {
      warnOnce(
        this,
        `${coded("DFW025", this.node.path)}the policy route does not export ${what}. To export them too, add a ContinuousExport per subscription ` +
          `with Export.recommendations({ severities: [Severity.CRITICAL] }) (or use ContinuousExport for the whole request, which can express it).`,
      );
    }
    const name = props.assignmentName ?? "defender-export";
    atPath(this.node.path, () => {
      checkName(name, props.scope);
      checkInput("location", props.location, NAME_RULES.location);
      checkInput("resourceGroupName", props.resourceGroupName, NAME_RULES.resourceGroup);
    });
    const common = {
      name,
      displayName: props.displayName ?? "Defender for Cloud continuous export (cdktf-defender-export)",
      policyDefinitionId: definition.definitionId,
      location: props.location,
      identity: { type: "SystemAssigned" },
      parameters: JSON.stringify(policyParameters(props, parameters, definition, destinationId)),
      provider: props.provider,
    };
    const assignment = props.scope.isManagementGroup
      ? new ManagementGroupPolicyAssignment(this, "Assignment", { ...common, managementGroupId: props.scope.id })
      : new SubscriptionPolicyAssignment(this, "Assignment", { ...common, subscriptionId: props.scope.id });
    this.assignment = assignment;
    const principalId = assignment.identity.principalId;
    const role = (roleId: string, scopeId: string, roleName: string) =>
      new RoleAssignment(this, roleId, {
        scope: scopeId,
        roleDefinitionName: roleName,
        principalId,
        principalType: "ServicePrincipal",
        provider: props.provider,
      });
    this.scopeRole = role("ScopeContributor", props.scope.id, DestinationRole.CONTRIBUTOR.name);
    this.destinationRole = role("DestinationAccess", destinationScope, destinationRole.name);
    const remediation = {
      name: props.remediationName ?? "initial",
      policyAssignmentId: assignment.id,
      dependsOn: [this.scopeRole, this.destinationRole],
      resourceDiscoveryMode: "ReEvaluateCompliance",
      provider: props.provider,
    };
    const subscriptions = atPath(this.node.path, () => checkRemediatedSubscriptions(props));
    if ((props.remediate ?? true) && !props.scope.isManagementGroup) {
      this.remediation = new SubscriptionPolicyRemediation(this, "Remediation", { ...remediation, subscriptionId: props.scope.id });
    }
    if (props.remediate ?? true) {
      // At a subscription, ReEvaluateCompliance works also for an assignment made at a management group above.
      for (const subscriptionId of subscriptions) {
        this.subscriptionRemediations[subscriptionId] = new SubscriptionPolicyRemediation(this, `Remediation-${subscriptionId}`, {
          ...remediation,
          subscriptionId: `/subscriptions/${subscriptionId}`,
        });
      }
    }
    if (this.secondStep && subscriptions.length === 0) {
      warnOnce(
        this,
        `${coded("DFW005", this.node.path)}at a management group, a remediation created with its assignment finds nothing (it remediates what an earlier scan found): ` +
          `list the subscriptions that exist today in \`remediateSubscriptions\`, or ${this.secondStep}.`,
      );
    }
    if (props.health) {
      const [destination] = props.destinations;
      const eventSources = toAutomationSources(props.exports).map((s) => s.eventSource);
      atPath(this.node.path, () => checkWatchable(eventSources, this.node.path));
      this.health = ExportHealth._watch(destination, destination.bind(this), props.health, {
        eventSources,
        location: props.location,
        path: this.node.path,
        subscriptions: props.scope.isManagementGroup ? undefined : [props.scope.id.split("/").pop() as string],
      });
    }
    this.node.addValidation({ validate: () => this.validateTenant() });
  }

  /**
   * The step to run after the first compliance scan (about 30 minutes after the assignment), at a
   * management group whose subscriptions are not all listed in `remediateSubscriptions`; undefined when
   * the apply remediates everything it can.
   */
  public get secondStep(): string | undefined {
    if (!this.props.scope.isManagementGroup || this.props.remediate === false) return undefined;
    const group = this.props.scope.id.split("/").pop();
    return (
      `after the first compliance scan: az policy remediation create --name ${this.props.remediationName ?? "initial"} --management-group ${group} ` +
      `--policy-assignment ${this.props.assignmentName ?? "defender-export"} --resource-discovery-mode ExistingNonCompliant`
    );
  }

  /** This export in words: what goes where, through which definition. */
  public get summary(): PolicyExportSummary {
    return {
      path: this.node.path,
      scope: this.props.scope.id,
      exports: this.props.exports.map((e) => e.describe()),
      automationName: this.definition.automationName,
      definitionId: this.definition.definitionId,
      destination: this.props.destinations[0].description,
      exportedDataTypes: this.parameters.exportedDataTypes,
      notExported: this.notExported,
      ...(this.health ? { health: this.health.summary } : {}),
    };
  }

  /** Microsoft does not support policy-based export to a destination in another tenant. */
  private validateTenant(): string[] {
    const destination = this.props.destinations[0];
    const own = literalTenantOf(resolveAzurermProvider(this, this.props.provider));
    const tenant = destination.tenantId;
    if (tenant && own && tenant.toLowerCase() !== own.toLowerCase()) {
      return [
        `${coded("DFE081", this.node.path)}${destination.node.path} is in tenant ${tenant}, but the policy is assigned in tenant ${own}. Microsoft does not support policy-based export to another tenant. ` +
          `Use ContinuousExport per subscription with CrossTenantAccess (see docs/cross-tenant.md, "Destinations in another tenant").`,
      ];
    }
    return [];
  }
}

/** The subscriptions to remediate: only at a management group, GUIDs, each once. */
function checkRemediatedSubscriptions(props: ContinuousExportPolicyProps): string[] {
  const list = props.remediateSubscriptions;
  if (list === undefined) return [];
  if (!props.scope.isManagementGroup) {
    throw new ExportConfigError(
      "DFE084",
      "`remediateSubscriptions` is for a management group; at a subscription the remediation re-evaluates it already.",
    );
  }
  if (
    !Array.isArray(list) ||
    list.some((s) => typeof s !== "string" || !isGuid(s)) ||
    new Set(list.map((s) => s.toLowerCase())).size !== list.length
  ) {
    throw new ExportConfigError(
      "DFE084",
      `\`remediateSubscriptions\` takes the GUIDs of subscriptions under the management group, each once, got ${describeValue(list)}.`,
    );
  }
  return list;
}

function translate(props: ContinuousExportPolicyProps) {
  if (!(props.scope instanceof PolicyScope)) {
    throw new ExportConfigError("DFE083", "`scope` must be PolicyScope.managementGroup(…) or PolicyScope.subscription(…).");
  }
  // The policy deploys the automation into this group and region (its resourceGroupName and
  // resourceGroupLocation parameters): the same Azure rules as any resource group (Microsoft's naming rules).
  checkAzureName("resourceGroupName", props.resourceGroupName, NAME_RULES.resourceGroup);
  checkAzureName("location", props.location, NAME_RULES.location);
  // An assignment's display name: at most 128 characters (Microsoft.Authorization/policyAssignments, REST specs).
  checkText("displayName", props.displayName, 128);
  checkFlag("createResourceGroup", props.createResourceGroup);
  checkFlag("remediate", props.remediate);
  toAutomationSources(props.exports); // the same checks as ContinuousExport
  const { parameters, unsupported, narrowed } = toPolicyParameters(props.exports);
  const destinations = checkList<unknown>("destinations", props.destinations) ?? [];
  destinations.forEach((d) => BRANDS.destination.check("destinations", d));
  if (destinations.length !== 1)
    unsupported.push(
      destinations.length === 0
        ? "no destination"
        : `${destinations.length} destinations (a policy assignment takes one; make one assignment per destination)`,
    );
  const destination = destinations[0] as IExportDestination;
  if (destination && !destination.kind.policyAutomationName)
    unsupported.push(`a ${destination.kind.displayName} destination (workflow automation: no built-in export policy sends there)`);
  if (unsupported.length > 0) {
    throw new ExportConfigError(
      "DFE080",
      `the built-in continuous export policies cannot express:\n${unsupported.map((u) => `  - ${u}`).join("\n")}\n` +
        "Change the request, or use ContinuousExport (one per subscription), which can express all of it.",
    );
  }
  if (!isCrossTenantDestination(destination)) {
    throw noBuiltInPolicyFor(destination);
  }
  const action = destination.bind(destination);
  const definition = BuiltInExportPolicy.of(destination.kind, action.trustedService === true);
  if (!definition) {
    throw noBuiltInPolicyFor(destination);
  }
  if (definition.trustedService) {
    return {
      definition,
      parameters,
      narrowed,
      destinationId: action.resourceId,
      destinationScope: action.resourceId,
      destinationRole: DestinationRole.CONTRIBUTOR,
    };
  }
  const target = destination.accessTarget();
  return {
    definition,
    parameters,
    narrowed,
    // A kind whose policy names the access scope (an event hub's Send rule) has the policy read the secret itself.
    destinationId: definition.kind._policy?.names === "accessScope" ? target.roleScope : action.resourceId,
    destinationScope: target.roleScope,
    destinationRole: target.defaultRole,
  };
}

/** DFE080 for a destination of a kind that no built-in export policy sends to. */
function noBuiltInPolicyFor(destination: IExportDestination): ExportConfigError {
  return new ExportConfigError(
    "DFE080",
    `the built-in continuous export policies cannot express a destination of kind ${destination.kind.displayName}.`,
  );
}

function policyParameters(props: ContinuousExportPolicyProps, p: PolicyExportParameters, definition: BuiltInExportPolicy, destinationId: string) {
  const values: Record<string, unknown> = {
    resourceGroupName: props.resourceGroupName,
    resourceGroupLocation: props.location,
    createResourceGroup: props.createResourceGroup ?? true,
    exportedDataTypes: p.exportedDataTypes,
    recommendationNames: p.recommendationNames,
    recommendationSeverities: p.recommendationSeverities,
    isSecurityFindingsEnabled: p.isSecurityFindingsEnabled,
    secureScoreControlsNames: p.secureScoreControlsNames,
    alertSeverities: p.alertSeverities,
    regulatoryComplianceStandardsNames: p.regulatoryComplianceStandardsNames,
    [definition.destinationParameter]: destinationId,
  };
  return Object.fromEntries(Object.entries(values).map(([k, value]) => [k, { value }]));
}

/**
 * Microsoft.Authorization `policyAssignments`: resource name 1–64, at a management group 1–24; no `%`, not ending
 * with a period or space (Azure naming rules, resource-name-rules); `<>*%&:\?.+/` are refused by the API. Checked 2026-12.
 */
function checkName(name: string, scope: PolicyScope): void {
  const max = scope.isManagementGroup ? 24 : 64;
  if (!Token.isUnresolved(name) && !(name.length >= 1 && name.length <= max && /^[^<>*%&:\\?.+/]+$/.test(name))) {
    throw new ExportConfigError(
      "DFE082",
      `${describeValue(name)} is not a valid policy assignment name at a ${scope.isManagementGroup ? "management group" : "subscription"}: ` +
        `1 to ${max} characters, none of <>*%&:\\?.+/.`,
    );
  }
}
