import { claimExportRoute } from "./internal/export-routes";
import { BRANDS } from "./model/brand";
import { ITerraformDependable, TerraformProvider, TerraformResource, TerraformStack, Token, dependable } from "cdktf";
import { Construct } from "constructs";
import { DestinationKind, ExportActionConfig, IExportDestination, isPlacedDestination } from "./destinations/destination";
import { literalSubscriptionOf, literalTenantOf } from "./internal/provider-check";
import { StackIndex } from "./internal/stack-index";
import { grantsOf } from "./access/grants";
import { localDependencies } from "./internal/dependencies";
import { isSubscriptionId, subscriptionKey } from "./internal/resource-id";
import { inWords } from "./internal/words";
import { AutomationSource, toAutomationSources } from "./model/sources";
import { ExportConfigError, atPath, coded, describeValue } from "./model/errors";
import { Export } from "./model/export";
import { AdoptedAutomations } from "./adopt/existing-automation";
import { adoptedAny, adoptedFor, checkAdoption, takeOverFromPreviousWriter } from "./adopt/adoption";
import { addressAt } from "./internal/addresses";
import { NAME_RULES, checkFlag, checkList, checkName, checkTags, checkText } from "./internal/inputs";
import { forgetWithoutDestroying } from "./internal/forgotten-address";
import { twoTokenErrors } from "./access/two-token-check";
import { IExportAutomations } from "./access/export-delegation";
import { claimAutomationNames, claimResourceGroups } from "./internal/automation-names";
import { AutomationSpec } from "./writers/automation-spec";
import { AutomationWriter, Writer, chooseWriter, groupWriterFor } from "./writers/writer";
import { AZAPI_WRITER } from "./writers/azapi-writer";
import { AZURERM_WRITER } from "./writers/azurerm-writer";
import { KeyedSubscriptions, keyedSubscriptionsOf } from "./internal/keyed-subscriptions";
import { ExportHealth, ExportHealthProps, checkWatchable } from "./health/export-health";

/** Automation names per destination kind. */
export interface AutomationNames {
  /** The automation that sends to workspaces. @default "ExportToWorkspace" (shown on the portal's Continuous export page) */
  readonly workspace?: string;
  /** The automation that sends to event hubs. @default "ExportToEventHub" (shown on the portal's Continuous export page) */
  readonly eventHub?: string;
  /** The automation that triggers Logic Apps. @default the construct id (the `previousId`, when renamed) */
  readonly logicApp?: string;
}

/** Properties of a continuous export of one subscription. */
export interface ContinuousExportProps {
  /** The subscription whose data is exported; the automations live in it. */
  readonly subscriptionId: string;
  /** The resource group the automations go into. */
  readonly resourceGroupName: string;
  /** The region of the automations (and of the resource group, if created). */
  readonly location: string;
  /**
   * Create the resource group. Destinations created in this stack in a group of the same name wait for
   * it. To stop managing a group created before, set `false` (not just delete the line): the group then
   * leaves the state without being deleted (`removed`, Terraform 1.7+), with everything in it.
   * @default false: it must exist
   */
  readonly createResourceGroup?: boolean;
  /**
   * How the created resource group is written: `azurerm_resource_group` (AZURERM) or an `azapi_resource`
   * (AZAPI, one azapi provider serves every subscription). Chosen from the props alone, never from which
   * writer AUTO picks, so adding or removing attack paths or a destination never changes it.
   * @default AutomationWriter.AZAPI when `writer` is AutomationWriter.AZAPI, else AutomationWriter.AZURERM
   */
  readonly resourceGroupWriter?: AutomationWriter;
  /**
   * The writer the created resource group was deployed with before, when it changes: the old resource
   * leaves the state without being destroyed (`removed`) and the new one imports the same group.
   * (Versions before 0.2 wrote it through azapi whenever every automation was.) @default it has not changed
   */
  readonly previousResourceGroupWriter?: AutomationWriter;
  /** What to export. Findings bring their parent recommendations along. */
  readonly exports: Export[];
  /** Where to send it; one automation per destination kind, each with one action per destination. */
  readonly destinations: IExportDestination[];
  /** Export only data of these resource groups (names, in this subscription). @default the whole subscription */
  readonly scopeResourceGroups?: string[];
  /** Automation names. @default the portal-visible names `ExportToWorkspace` / `ExportToEventHub` */
  readonly names?: AutomationNames;
  /** Whether the export runs. @default true */
  readonly enabled?: boolean;
  /** The automations' description. @default a generated one */
  readonly description?: string;
  /** Tags for the automations and the created resource group. @default none */
  readonly tags?: { [key: string]: string };
  /** The azurerm provider for this subscription. @default the stack's default azurerm provider */
  readonly provider?: TerraformProvider;
  /**
   * How the automations are written: azurerm (API 2019-01-01-preview) or azapi (API 2023-12-01-preview).
   * @default AutomationWriter.AUTO: azurerm, unless an automation needs attack paths or a trusted-service event hub
   */
  readonly writer?: AutomationWriter;
  /** The azapi provider, for automations written through azapi. @default the stack's default azapi provider */
  readonly azapiProvider?: TerraformProvider;
  /**
   * The Entra tenant of the exported subscription, to tell destinations in other tenants apart.
   * @default the `tenantId` of the provider that writes the automations
   */
  readonly tenantId?: string;
  /**
   * Existing automations to take over (portal- or policy-made): imported, and kept under their name,
   * resource group and location, so the first plan updates them in place. A request that would
   * replace one (another name, group, location or subscription) fails at synth. @default none
   */
  readonly adopt?: AdoptedAutomations;
  /**
   * The writer these automations were deployed with before, when it changes (e.g. attack paths now
   * need azapi): the old resource leaves the state without being destroyed (`removed` block, Terraform
   * 1.7+) and the new one imports the same automation, instead of deleting and re-creating it, which
   * would leave a gap. @default the writer has not changed
   */
  readonly previousWriter?: AutomationWriter;
  /**
   * Health alerts: Azure Monitor alert rules on each destination that fire when the exported data stops
   * arriving (a log search alert naming each silent subscription for a workspace; metric alerts for an
   * event hub or a Logic App). One set per destination, shared by every export sending there.
   * @default none
   */
  readonly health?: ExportHealthProps;
  /**
   * The construct id this export had before, in the same scope, when it is renamed: its automations and
   * created resource group move to the new addresses (`moved`) instead of being deleted and created again,
   * which would leave a gap. Keep it until every state has applied the move. @default it has not changed
   */
  readonly previousId?: string;
}

/** One automation in words, for reports. */
export interface AutomationSummary {
  /** The automation's name. */
  readonly name: string;
  /** The destination kind it sends to. */
  readonly kind: string;
  /** The Terraform resource and API version that write it. */
  readonly writtenAs: string;
  /** The destinations in words. */
  readonly destinations: string[];
  /** The event sources with their rule set counts, e.g. `Alerts (2 rule sets)`. */
  readonly sources: string[];
  /** What watches each destination and when it alerts, when `health` is on. @default none */
  readonly health?: string[];
}

/** A continuous export in words, for reports; never contains a secret. */
export interface ExportSummary {
  /** The construct path. */
  readonly path: string;
  /** The subscription. */
  readonly subscriptionId: string;
  /** What is exported, one line per export (parents of findings listed as such). */
  readonly exports: string[];
  /** The automations written. */
  readonly automations: AutomationSummary[];
}

// Microsoft's naming rules list no rule for Microsoft.Security/automations (checked 2026-12); 1 to 260 letters,
// digits, `_` and `-` is ARM's general name length and the characters the portal's own names use.
const NAME_PATTERN = /^[A-Za-z0-9_-]{1,260}$/;

/**
 * Continuous export of Defender for Cloud data from one subscription: the automations that make it
 * real, written as `azurerm_security_center_automation` or, where only the 2023-12-01-preview API can
 * express them, as `azapi_resource` (see `writer`).
 *
 * One automation per destination kind (workspace, event hub, Logic App), named so that the portal's
 * Continuous export page shows it (`ExportToWorkspace`, `ExportToEventHub`). Adding a destination of
 * another kind later adds an automation and leaves the others in place: no rename, no replacement,
 * no gap in the export.
 */
export class ContinuousExport extends Construct implements IExportAutomations {
  /**
   * The automations, by destination kind's action type (`Workspace`, `EventHub`, `LogicApp`): each an
   * `azurerm_security_center_automation` or an `azapi_resource`, depending on the writer.
   */
  public readonly automations: { [actionType: string]: TerraformResource } = {};
  /**
   * The resource group, when the construct created it: an `azurerm_resource_group`, or an `azapi_resource`
   * when every automation is written through azapi.
   */
  public readonly resourceGroup?: TerraformResource;
  /** The automation sources written (parents of findings included). */
  public readonly sources: AutomationSource[];
  private readonly summaryAutomations: Array<
    Omit<AutomationSummary, "destinations" | "sources" | "health"> & { readonly targets: IExportDestination[]; readonly health: ExportHealth[] }
  > = [];
  private readonly writers = new Set<Writer>();
  private readonly writerByKind = new Map<DestinationKind, Writer>();
  private readonly awaited = new Set<ITerraformDependable>();
  /** Another export written through the same azurerm provider without a subscription in code, found at synth. */
  private sharedProvider?: { path: string; subscriptionId: string };
  private readonly importable: Array<{ readonly resource: TerraformResource; readonly importId: string; readonly provider?: TerraformProvider }> = [];
  /** The automation name of each destination kind written, by action type. */
  private readonly names = new Map<string, string>();
  /** The request, with the subscription id as Azure compares it (lower case). */
  private readonly props: ContinuousExportProps;

  /**
   * The subscriptions of a fleet in the `for_each` layout, handed over with the props: `props.subscriptionId`
   * and `props.resourceGroupName` are then `each.key` and `each.value`, and every resource iterates over them.
   */
  private readonly keyed?: KeyedSubscriptions;

  constructor(scope: Construct, id: string, request: ContinuousExportProps) {
    super(scope, id);
    const keyed = keyedSubscriptionsOf(request);
    this.keyed = keyed;
    this.sources = atPath(this.node.path, () => {
      checkProps(request, keyed !== undefined);
      return toAutomationSources(request.exports);
    });
    // One subscription, however its id is cased: scopes, parent_id and import ids do not change with the case.
    const props = (this.props = { ...request, subscriptionId: subscriptionKey(request.subscriptionId) });
    if (!keyed) claimExportRoute(this, `/subscriptions/${props.subscriptionId}`, false);
    const scopes = scopePaths(props);
    const plans = groupByKind(this, props.destinations).map(([kind, destinations]) => {
      const actions = destinations.map((d) => d.bind(this));
      atPath(this.node.path, () => checkDistinctTargets(actions, destinations));
      const spec: AutomationSpec = {
        name: this.automationName(kind),
        location: props.location,
        subscriptionId: props.subscriptionId,
        resourceGroupName: props.resourceGroupName,
        scopes,
        enabled: props.enabled ?? true,
        description: props.description ?? "Defender for Cloud continuous export, managed by cdktf-defender-export",
        tags: props.tags,
        sources: this.sources,
        actions,
        dependsOn: actions.flatMap((a) => a.dependsOn ?? []),
      };
      const writer = chooseWriter(props.writer, spec, this.node.path);
      this.writers.add(writer);
      this.writerByKind.set(kind, writer);
      const health = props.health ? destinations.map((d, i) => this.watchHealth(d, actions[i], props.health as ExportHealthProps)) : [];
      return { kind, destinations, spec, writer, health };
    });
    atPath(this.node.path, () =>
      checkAdoption(
        props,
        plans.map((p) => p.kind),
      ),
    );
    if (props.createResourceGroup) {
      claimResourceGroups(this, keyed ? [...keyed.resourceGroups] : [[props.subscriptionId, props.resourceGroupName]]);
      const groupWriter = atPath(this.node.path, () => groupWriterFor(props.resourceGroupWriter, props.writer));
      this.writers.add(groupWriter);
      const group = groupWriter.writeResourceGroup(
        this,
        "ResourceGroup",
        {
          subscriptionId: keyed?.groups?.subscriptionId ?? props.subscriptionId,
          name: keyed?.groups?.name ?? props.resourceGroupName,
          location: props.location,
          tags: props.tags,
        },
        groupWriter.givenProvider(props),
      );
      this.resourceGroup = group;
      if (keyed) group.forEach = keyed.groups?.iterator ?? keyed.iterator;
      this.moveFromPreviousId(group, "ResourceGroup");
      this.takeOver(
        group,
        `/subscriptions/${props.subscriptionId}/resourceGroups/${props.resourceGroupName}`,
        groupWriter,
        props.previousResourceGroupWriter,
        (w) => w.resourceGroupType,
        adoptedAny(props.adopt),
      );
      for (const name of new Set(keyed ? keyed.resourceGroups.values() : [props.resourceGroupName]))
        waitForGroup(this, props.destinations, name, group);
    } else if (props.createResourceGroup === false) {
      // A group created before stays in Azure: deleting it would delete the automations in it.
      forgetWithoutDestroying(this, addressAt(this, groupWriterFor(props.resourceGroupWriter, props.writer).resourceGroupType, "ResourceGroup"));
    }
    const group = this.resourceGroup;
    for (const { kind, destinations, spec, writer, health } of plans) {
      const placed = group ? groupWriterFor(props.resourceGroupWriter, props.writer).placedIn(spec, group) : spec;
      const automation = (this.automations[kind.actionType] = writer.write(this, kind.actionType, placed, writer.givenProvider(props)));
      if (keyed) automation.forEach = keyed.iterator;
      this.moveFromPreviousId(automation, kind.actionType);
      this.names.set(kind.actionType, spec.name);
      // The literal group name: an import id cannot wait for a resource of the same plan.
      const automationId = `/subscriptions/${props.subscriptionId}/resourceGroups/${props.resourceGroupName}/providers/Microsoft.Security/automations/${spec.name}`;
      this.takeOver(automation, automationId, writer, props.previousWriter, (w) => w.automationType, adoptedFor(props.adopt, kind) !== undefined);
      this.summaryAutomations.push({ name: spec.name, kind: kind.displayName, writtenAs: writer.writtenAs, targets: destinations, health });
    }
    this.node.addValidation({ validate: () => [...this.validateAzurermProvider(), ...this.validateAzapiProvider(), ...this.validateTenants()] });
    // Grants may be declared after the export: the stack's index calls _completeAtSynth when all exist.
    StackIndex.of(this);
  }

  /** A renamed export: the resource moves from the address it had under the previous construct id. */
  private moveFromPreviousId(resource: TerraformResource, childId: string): void {
    const previous = this.props.previousId;
    if (previous === undefined || this.keyed) return;
    atPath(this.node.path, () => {
      if (typeof previous !== "string" || previous === "" || previous.includes("/") || previous === this.node.id) {
        throw new ExportConfigError(
          "DFE198",
          `\`previousId\` must be the construct id this export had in the same scope (not a path, not its id now), got ${describeValue(previous)}.`,
        );
      }
    });
    resource.moveFromId(addressAt(this.node.scope as Construct, resource.terraformResourceType, previous, childId));
  }

  /** The health alerts of a destination this export sends to. */
  private watchHealth(destination: IExportDestination, action: ExportActionConfig, health: ExportHealthProps): ExportHealth {
    const eventSources = this.sources.map((s) => s.eventSource);
    atPath(this.node.path, () => checkWatchable(eventSources, this.node.path));
    const subscriptions = this.keyed ? [...this.keyed.resourceGroups.keys()] : [this.props.subscriptionId];
    return ExportHealth._watch(destination, action, health, { eventSources, location: this.props.location, path: this.node.path, subscriptions });
  }

  /**
   * Imports every automation (and the created resource group) this export writes: they exist already,
   * in another state (a fleet's subscription that moves between shards).
   * @internal
   */
  public _importExisting(): void {
    for (const { resource, importId, provider } of this.importable) resource.importFrom(importId, provider);
  }

  /**
   * Imports a resource when adopted; hands it over from the writer that wrote it before; and remembers
   * how to import it, for a fleet's subscription that arrives from another shard.
   */
  private takeOver(
    resource: TerraformResource,
    resourceId: string,
    writer: Writer,
    previous: AutomationWriter | undefined,
    typeOf: (w: Writer) => string,
    adopted: boolean,
  ): void {
    const provider = writer.givenProvider(this.props);
    if (adopted) resource.importFrom(writer.importId(resourceId), provider);
    atPath(this.node.path, () => takeOverFromPreviousWriter(resource, resourceId, previous, writer, typeOf, adopted, provider));
    this.importable.push({ resource, importId: writer.importId(resourceId), provider });
  }

  /**
   * The name of the automation of each destination kind written, by action type.
   * @internal
   */
  public _automationName(actionType: string): string | undefined {
    return this.names.get(actionType);
  }

  /** This export in words: what goes where, with which filters. Never contains a secret. */
  public get summary(): ExportSummary {
    const parents = this.props.exports
      .filter((e) => e.parentRecommendations !== undefined)
      .map(
        (e) =>
          `Security recommendations (parents of the findings${e.parentRecommendations?.length ? `: ${e.parentRecommendations.map((r) => r.displayName).join(", ")}` : ", all"})`,
      );
    return {
      path: this.node.path,
      subscriptionId: this.keyed ? `each of ${this.keyed.resourceGroups.size} (for_each)` : inWords(this.props.subscriptionId, "(set at apply)"),
      exports: [...this.props.exports.map((e) => e.describe()), ...parents],
      automations: this.summaryAutomations.map(({ targets, health, ...rest }) => ({
        ...rest,
        ...(health.length > 0 ? { health: health.map((h, i) => `${targets[i].description}: ${h.summary}`) } : {}),
        destinations: targets.map((d) => this.describeDestination(d)),
        sources: this.sources.map(
          (s) => `${s.eventSource} (${s.ruleSets.length === 0 ? "everything" : `${s.ruleSets.length} rule set${s.ruleSets.length > 1 ? "s" : ""}`})`,
        ),
      })),
    };
  }

  /**
   * Called by the stack's index at synth, when every construct exists: each automation waits for the
   * cross-tenant grants on its destinations, so the first apply finds the access in place; and an
   * azurerm provider without a subscription in code records which subscriptions it writes.
   * @internal
   */
  public _completeAtSynth(index: StackIndex): void {
    const provider = this.writers.has(AZURERM_WRITER) ? AZURERM_WRITER.providerOf(this, this.props) : undefined;
    if (provider && !literalSubscriptionOf(provider))
      this.sharedProvider = index.recordSubscriptionWrittenBy(provider, this.props.subscriptionId, this.node.path);
    this.waitForGrants();
  }

  private waitForGrants(): void {
    if (!this.props.destinations.some((d) => grantsOf(d).length > 0)) return;
    const tenant = this.exportTenant()?.toLowerCase();
    for (const [kind, automation] of Object.entries(this.automations)) {
      const grants = this.props.destinations
        .filter((d) => d.kind.actionType === kind)
        .flatMap((d) => grantsOf(d))
        .filter((g) => !tenant || g.exportingTenantId.toLowerCase() === tenant);
      const missing = localDependencies(this, [...new Set(grants.flatMap((g) => g.dependables))]).filter((r) => !this.awaited.has(r));
      missing.forEach((r) => this.awaited.add(r));
      if (missing.length > 0) automation.dependsOn = [...(automation.dependsOn ?? []), ...missing.map(dependable)];
    }
  }

  /** A destination in words, with its tenant when it is another than the export's. */
  private describeDestination(d: IExportDestination): string {
    const tenant = d.tenantId;
    const own = this.exportTenant();
    return tenant && own && tenant.toLowerCase() !== own.toLowerCase() ? `${d.description}, in tenant ${tenant}` : d.description;
  }

  /** The export's tenant: given, or the tenant of a provider that writes it. */
  private exportTenant(): string | undefined {
    // The writing providers', else the subscription's azurerm provider's (an azapi provider often names no tenant).
    const providers = [...[...this.writerByKind.keys()].map((k) => this.writingProvider(k)), AZURERM_WRITER.providerOf(this, this.props)];
    return this.props.tenantId ?? providers.map((p) => literalTenantOf(p)).find((t) => t !== undefined);
  }

  private automationName(kind: DestinationKind): string {
    const names = this.props.names ?? {};
    const chosen = names[kind.propKey];
    const adopted = adoptedFor(this.props.adopt, kind);
    if (adopted && chosen !== undefined && chosen !== adopted.name) {
      throw new ExportConfigError(
        "DFE111",
        `${this.node.path}: the adopted automation is named "${adopted.name}", but \`names\` asks for "${chosen}": ` +
          `the name forces replacement, and the export would stop until the new one exists. Drop the name, or give ` +
          `"${adopted.name}".`,
      );
    }
    // A renamed export keeps the Logic App automation's name (it forces replacement).
    const ownId = typeof this.props.previousId === "string" ? this.props.previousId : this.node.id;
    const name = adopted?.name ?? chosen ?? kind.portalName ?? ownId.replace(/[^A-Za-z0-9_-]/g, "-");
    if (!Token.isUnresolved(name) && !NAME_PATTERN.test(name)) {
      throw new ExportConfigError(
        "DFE031",
        `${this.node.path}: ${describeValue(name)} is not a valid automation name: 1 to 260 letters, digits, underscores and hyphens.`,
      );
    }
    const placements = this.keyed ? [...this.keyed.resourceGroups] : [[this.props.subscriptionId, this.props.resourceGroupName]];
    claimAutomationNames(
      this,
      placements.map(([subscriptionId, resourceGroupName]) => ({ subscriptionId, resourceGroupName, portalName: kind.portalName, name })),
    );
    return name;
  }

  /** The provider that writes the automation of a destination kind. */
  private writingProvider(kind: DestinationKind): TerraformProvider | undefined {
    return this.writerByKind.get(kind)?.providerOf(this, this.props);
  }

  /** Destinations in another tenant: see {@link twoTokenErrors}. */
  private validateTenants(): string[] {
    const providers = [...this.writerByKind.keys()].map((k) => this.writingProvider(k)).filter((p): p is TerraformProvider => p !== undefined);
    return twoTokenErrors(this, this.props.destinations, this.exportTenant(), providers, (kind) => this.writingProvider(kind));
  }

  private validateAzapiProvider(): string[] {
    if (!this.writers.has(AZAPI_WRITER) || AZAPI_WRITER.providerOf(this, this.props)) return [];
    return [
      `${coded("DFE050", this.node.path)}this export writes automations through azapi (API 2023-12-01-preview), but the stack has no azapi provider. ` +
        `Add one, e.g. new AzapiProvider(this, "azapi", {}) with AzapiProvider imported from "cdktf-defender-export", or pass \`azapiProvider\`.`,
    ];
  }

  private validateAzurermProvider(): string[] {
    if (!this.writers.has(AZURERM_WRITER)) return [];
    const provider = AZURERM_WRITER.providerOf(this, this.props);
    if (!provider) {
      return [
        `${coded("DFE033", this.node.path)}no azurerm provider writes this export. The library never creates providers: add one to the stack, e.g. ` +
          `new AzurermProvider(this, "azurerm", { features: [{}], subscriptionId: "${this.props.subscriptionId}" }), or pass \`provider\`.`,
      ];
    }
    const providerSub = literalSubscriptionOf(provider);
    const other = this.sharedProvider;
    if (!providerSub && other) {
      return [
        `${coded("DFE030", this.node.path)}${provider.node.path} writes this export (subscription ${this.props.subscriptionId}) and ${other.path} (subscription ${other.subscriptionId}), but its subscription is not set in code: ` +
          `azurerm creates every automation in its provider's one subscription (from ARM_SUBSCRIPTION_ID), so both ` +
          `would be written there. Give each subscription a provider with its \`subscriptionId\`, or use the azapi ` +
          `writer.`,
      ];
    }
    if (providerSub && !Token.isUnresolved(this.props.subscriptionId) && providerSub.toLowerCase() !== this.props.subscriptionId.toLowerCase()) {
      return [
        `${coded("DFE034", this.node.path)}the provider ${provider.node.path} writes to subscription ${providerSub}, but this export is for subscription ${this.props.subscriptionId}. ` +
          `azurerm creates the automation in its provider's subscription, and an automation can only scope its ` +
          `own subscription. Pass the provider configured for ${this.props.subscriptionId}.`,
      ];
    }
    return [];
  }
}

/** Checks the props; `keyed`: the subscription and group are `each.key` and `each.value`, checked by the fleet. */
function checkProps(props: ContinuousExportProps, keyed: boolean): void {
  if (props === null || typeof props !== "object") throw new ExportConfigError("DFE036", `the props must be an object, got ${describeValue(props)}.`);
  if (!keyed && (typeof props.subscriptionId !== "string" || !isSubscriptionId(props.subscriptionId))) {
    throw new ExportConfigError("DFE035", `${describeValue(props.subscriptionId)} is not a subscription id: give the subscription's GUID.`);
  }
  if (!Array.isArray(props.destinations) || props.destinations.length === 0) {
    throw new ExportConfigError(
      "DFE036",
      "no destination: `destinations` is empty, so nothing would be exported. Add a LogAnalyticsDestination, EventHubDestination or LogicAppDestination.",
    );
  }
  checkName("resourceGroupName", props.resourceGroupName, NAME_RULES.resourceGroup);
  checkName("location", props.location, NAME_RULES.location);
  checkText("description", props.description, 1024);
  checkTags("tags", props.tags);
  checkFlag("enabled", props.enabled);
  checkFlag("createResourceGroup", props.createResourceGroup);
  if (props.tenantId !== undefined && (typeof props.tenantId !== "string" || !isSubscriptionId(props.tenantId))) {
    throw new ExportConfigError("DFE120", `\`tenantId\` must be the tenant's GUID, got ${describeValue(props.tenantId)}.`);
  }
  if (props.names !== undefined && (props.names === null || typeof props.names !== "object")) {
    throw new ExportConfigError("DFE031", `\`names\` must be an object ({ workspace, eventHub, logicApp }), got ${describeValue(props.names)}.`);
  }
  if (Token.isUnresolved(props.scopeResourceGroups)) {
    throw new ExportConfigError(
      "DFE038",
      "`scopeResourceGroups` must be a list of names at synth (one scope is written per group), got a list known only at apply.",
    );
  }
  for (const rg of checkList<unknown>("scopeResourceGroups", props.scopeResourceGroups) ?? []) {
    // A list known only at apply (a list token) cannot be written as one scope per group.
    if (typeof rg !== "string" || (!Token.isUnresolved(rg) && !NAME_RULES.resourceGroup.pattern.test(rg)) || rg.startsWith("#{TfToken[")) {
      throw new ExportConfigError(
        "DFE038",
        `${describeValue(rg)} is not a resource group name. \`scopeResourceGroups\` takes names of resource groups ` +
          `in subscription ${props.subscriptionId}.`,
      );
    }
  }
  if (props.scopeResourceGroups && props.scopeResourceGroups.length === 0) {
    throw new ExportConfigError(
      "DFE038",
      "`scopeResourceGroups` is empty, which would scope nothing. Leave it out to export the whole subscription.",
    );
  }
}

/**
 * New destinations of this stack placed in the group this export creates (by the same literal name)
 * wait for it: Terraform would otherwise create them side by side, and they would fail on a missing group.
 */
function waitForGroup(scope: Construct, destinations: readonly IExportDestination[], groupName: string, group: TerraformResource): void {
  if (Token.isUnresolved(groupName)) return;
  const stack = TerraformStack.of(scope);
  for (const d of destinations) {
    if (!isPlacedDestination(d) || TerraformStack.of(d) !== stack) continue;
    const { resourceGroupName, resources } = d.placement;
    if (Token.isUnresolved(resourceGroupName) || resourceGroupName.toLowerCase() !== groupName.toLowerCase()) continue;
    for (const r of resources) {
      if (!(r.dependsOn ?? []).includes(dependable(group))) r.dependsOn = [...(r.dependsOn ?? []), dependable(group)];
    }
  }
}

/** One destination given twice (two objects for one workspace, ids in another case) would get two actions. */
function checkDistinctTargets(actions: readonly ExportActionConfig[], destinations: readonly IExportDestination[]): void {
  const seen = new Map<string, IExportDestination>();
  actions.forEach((action, i) => {
    if (Token.isUnresolved(action.resourceId)) return;
    const key = action.resourceId.toLowerCase();
    const other = seen.get(key);
    if (other) {
      throw new ExportConfigError(
        "DFE039",
        `${other.node.path} and ${destinations[i].node.path} are the same ${action.kind.displayName} (${action.resourceId}). List it once.`,
      );
    }
    seen.set(key, destinations[i]);
  });
}

function scopePaths(props: ContinuousExportProps): string[] {
  const subscription = `/subscriptions/${props.subscriptionId}`;
  return props.scopeResourceGroups ? props.scopeResourceGroups.map((rg) => `${subscription}/resourceGroups/${rg}`) : [subscription];
}

function groupByKind(scope: Construct, destinations: readonly IExportDestination[]): Array<[DestinationKind, IExportDestination[]]> {
  const seen = new Set<IExportDestination>();
  for (const d of destinations) {
    atPath(scope.node.path, () => BRANDS.destination.check("destinations", d));
    if (!d || typeof d.bind !== "function" || !DestinationKind.ALL.includes(d.kind)) {
      throw new ExportConfigError(
        "DFE036",
        `${scope.node.path}: ${describeValue(d)} is not an export destination. Use LogAnalyticsDestination, EventHubDestination ` +
          `or LogicAppDestination.`,
      );
    }
    if (seen.has(d)) {
      throw new ExportConfigError("DFE039", `${scope.node.path}: the destination ${d.node.path} is listed twice. List each destination once.`);
    }
    seen.add(d);
  }
  // Actions in the order of the destinations' construct paths: the order they were listed in means nothing.
  const byPath = [...destinations].sort((a, b) => (a.node.path < b.node.path ? -1 : a.node.path > b.node.path ? 1 : 0));
  return DestinationKind.ALL.map((k): [DestinationKind, IExportDestination[]] => [k, byPath.filter((d) => d.kind === k)]).filter(
    ([, ds]) => ds.length > 0,
  );
}
