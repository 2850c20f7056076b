import { TerraformProvider } from "cdktf";
import { AdoptedAutomations } from "../adopt/existing-automation";
import { IExportDestination } from "../destinations/destination";
import type { ExportHealthProps } from "../health/export-health";
import { Export } from "../model/export";
import { AutomationWriter } from "../writers/writer";

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
