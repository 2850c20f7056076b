import { ITerraformDependable, TerraformProvider, TerraformResource, dependable } from "cdktf";
import { Construct } from "constructs";
import { grantsOf } from "./access/grants";
import { IExportAutomations } from "./access/export-delegation";
import { twoTokenErrors } from "./access/two-token-check";
import { DestinationKind, IExportDestination } from "./destinations/destination";
import { placementOf } from "./export/placement";
import { ExportPlan, planExport } from "./export/plan";
import { ContinuousExportProps } from "./export/props";
import { WrittenExport, writeExport } from "./export/write";
import { localDependencies } from "./internal/dependencies";
import { literalTenantOf, resolveAzurermProvider } from "./internal/provider-check";
import { StackIndex } from "./internal/stack-index";
import { inWords } from "./internal/words";
import { AutomationSource } from "./model/sources";
import { ProviderCheckTarget, WRITERS, Writer } from "./writers/writer";

export { AutomationNames, ContinuousExportProps } from "./export/props";

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
  /** What was planned: the checked request, where it is placed, the automations and their names. */
  private readonly plan: ExportPlan;
  /** What was written: each automation's writer and resource. */
  private readonly written: WrittenExport;
  private readonly awaited = new Set<ITerraformDependable>();
  /** What the writers' providers showed wrong at synth, when the whole stack was known. */
  private foundAtSynth: string[] = [];

  constructor(scope: Construct, id: string, request: ContinuousExportProps) {
    super(scope, id);
    // A fleet in the for_each layout places the export over its subscriptions (internal: export/placement.ts).
    this.plan = planExport(this, request, placementOf(request));
    this.sources = [...this.plan.sources];
    this.written = writeExport(this, this.plan);
    for (const a of this.written.automations) this.automations[a.kind.actionType] = a.resource;
    this.resourceGroup = this.written.resourceGroup;
    this.node.addValidation({ validate: () => [...this.validateProviders(), ...this.validateTenants()] });
    // Grants may be declared after the export: the stack's index calls _completeAtSynth when all exist.
    StackIndex.of(this);
  }

  /** This export in words: what goes where, with which filters. Never contains a secret. */
  public get summary(): ExportSummary {
    const { props, placed } = this.plan;
    const parents = props.exports
      .filter((e) => e.parentRecommendations !== undefined)
      .map(
        (e) =>
          `Security recommendations (parents of the findings${e.parentRecommendations?.length ? `: ${e.parentRecommendations.map((r) => r.displayName).join(", ")}` : ", all"})`,
      );
    return {
      path: this.node.path,
      subscriptionId: placed.subscriptionInWords ?? inWords(props.subscriptionId, "(set at apply)"),
      exports: [...props.exports.map((e) => e.describe()), ...parents],
      automations: this.written.automations.map(({ name, kind, writer, destinations, health }) => ({
        name,
        kind: kind.displayName,
        writtenAs: writer.writtenAs,
        ...(health.length > 0 ? { health: health.map((h, i) => `${destinations[i].description}: ${h.summary}`) } : {}),
        destinations: destinations.map((d) => this.describeDestination(d)),
        sources: this.sources.map(
          (s) => `${s.eventSource} (${s.ruleSets.length === 0 ? "everything" : `${s.ruleSets.length} rule set${s.ruleSets.length > 1 ? "s" : ""}`})`,
        ),
      })),
    };
  }

  /**
   * Called by the stack's index at synth, when every construct exists: each automation waits for the
   * cross-tenant grants on its destinations, so the first apply finds the access in place; and each
   * writer records what the stack must know of its provider (e.g. an azurerm provider without a
   * subscription in code records which subscriptions it writes).
   * @internal
   */
  public _completeAtSynth(index: StackIndex): void {
    this.foundAtSynth = this.writersInOrder().flatMap((w) => w.recordAtSynth(this.providerTarget(), index));
    this.waitForGrants();
  }

  /** The writers of this export's resources, in the library's order of writers. */
  private writersInOrder(): Writer[] {
    return WRITERS.filter((w) => this.written.writers.has(w));
  }

  private providerTarget(): ProviderCheckTarget {
    return { scope: this, subscriptionId: this.plan.props.subscriptionId, given: this.plan.props };
  }

  /** Each writer's checks of the provider that writes through it. */
  private validateProviders(): string[] {
    return [...this.foundAtSynth, ...this.writersInOrder().flatMap((w) => w.checkProvider(this.providerTarget()))];
  }

  private waitForGrants(): void {
    const { destinations } = this.plan.props;
    if (!destinations.some((d) => grantsOf(d).length > 0)) return;
    const tenant = this.exportTenant()?.toLowerCase();
    for (const [kind, automation] of Object.entries(this.automations)) {
      const grants = destinations
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
    const providers = [...this.written.automations.map((a) => this.writingProvider(a.kind)), resolveAzurermProvider(this, this.plan.props.provider)];
    return this.plan.props.tenantId ?? providers.map((p) => literalTenantOf(p)).find((t) => t !== undefined);
  }

  /** The provider that writes the automation of a destination kind. */
  private writingProvider(kind: DestinationKind): TerraformProvider | undefined {
    return this.written.automations.find((a) => a.kind === kind)?.writer.providerOf(this, this.plan.props);
  }

  /** Destinations in another tenant: see {@link twoTokenErrors}. */
  private validateTenants(): string[] {
    const providers = this.written.automations.map((a) => this.writingProvider(a.kind)).filter((p): p is TerraformProvider => p !== undefined);
    return twoTokenErrors(this, this.plan.props.destinations, this.exportTenant(), providers, (kind) => this.writingProvider(kind));
  }
}
