import { TerraformProvider, TerraformResource } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { ExportConfigError, describeValue } from "../model/errors";
import type { StackIndex } from "../internal/stack-index";
import { AutomationSpec } from "./automation-spec";
import { AutomationView, ResourceJson } from "./automation-view";
import { WRITERS } from "./all-writers";
import { AUTOMATION_TYPE_2023_12 } from "./azapi-writer";

/** A resource group the library creates. */
export interface GroupSpec {
  readonly subscriptionId: string;
  readonly name: string;
  readonly location: string;
  readonly tags?: { [key: string]: string };
}

/** The providers a construct was given, by type. */
export interface GivenProviders {
  readonly provider?: TerraformProvider;
  readonly azapiProvider?: TerraformProvider;
}

/** An export, as a writer's provider checks see it. */
export interface ProviderCheckTarget {
  /** The export construct: where the stack's default providers are looked up, and the path messages name. */
  readonly scope: IConstruct;
  /** The subscription the export writes. */
  readonly subscriptionId: string;
  /** The providers the export was given. */
  readonly given: GivenProviders;
}

/**
 * One way of writing automations to Terraform, and everything that depends on it: the resource types,
 * writing an automation and a resource group, reading an automation back from Terraform JSON, import
 * ids, which provider writes it and what that provider must be, what it cannot express and its name in reports. A third writer is one
 * more object like `AZURERM_WRITER` and `AZAPI_WRITER`, in its own file, listed in `WRITERS` (`all-writers.ts`),
 * and named by an `AutomationWriter` constant of its name if users may ask for it.
 */
export interface Writer {
  /** The writer's name: the `AutomationWriter` constant of this name asks for it. */
  readonly name: string;
  /** The Terraform resource and API version, in words for reports. */
  readonly writtenAs: string;
  /** The Terraform resource type of its automations. */
  readonly automationType: string;
  /** The Terraform resource type of the resource groups it creates. */
  readonly resourceGroupType: string;
  /** The API version it writes, in words (`API 2019-01-01-preview`), for what the API rejects. */
  readonly api: string;
  /** The event sources its API accepts (exactly so spelled). */
  readonly eventSources: readonly string[];
  /** Whether it takes a rule's property type only as the library spells it (`String`), where the REST API ignores case. */
  readonly exactPropertyTypes: boolean;
  /** What an automation needs that this writer cannot write, in words; empty when it can write it. */
  cannotExpress(spec: AutomationSpec): string[];
  /** Writes the automation. */
  write(scope: Construct, id: string, spec: AutomationSpec, provider: TerraformProvider | undefined): TerraformResource;
  /** Reads an automation back from its resolved Terraform JSON; undefined for a resource that is not one of its automations. */
  read(address: string, json: ResourceJson): AutomationView | undefined;
  /** Writes a resource group. */
  writeResourceGroup(scope: Construct, id: string, group: GroupSpec, provider: TerraformProvider | undefined): TerraformResource;
  /** The automation placed in a group this writer wrote, so that Terraform creates the group first. */
  placedIn(spec: AutomationSpec, group: TerraformResource): AutomationSpec;
  /** The id of an `import` block for an ARM resource id. */
  importId(resourceId: string): string;
  /** The provider that writes through it: the one given, else the stack's default of its type. */
  providerOf(scope: IConstruct, given: GivenProviders): TerraformProvider | undefined;
  /** The provider given for it, if any. */
  givenProvider(given: GivenProviders): TerraformProvider | undefined;
  /**
   * At synth, when every construct of the stack exists: records in the stack's index what it must know
   * of an export written through this writer, and returns what is wrong that only the whole stack shows
   * (coded messages, reported by the export's validation).
   */
  recordAtSynth(target: ProviderCheckTarget, index: StackIndex): string[];
  /** What is wrong with the provider that writes an export through this writer (coded messages); empty when nothing is. */
  checkProvider(target: ProviderCheckTarget): string[];
}

export { WRITERS } from "./all-writers";

/** The writer AUTO falls back to when none can express an automation (its error names the reason): the widest. */
const WIDEST = (): Writer => WRITERS[WRITERS.length - 1];

/** An automation read back by whichever writer wrote it; undefined for any other resource. */
export function readAutomation(address: string, json: ResourceJson): AutomationView | undefined {
  for (const writer of WRITERS) {
    const view = writer.read(address, json);
    if (view) return view;
  }
  return undefined;
}

/**
 * How an automation is written to Terraform.
 *
 * `azurerm_security_center_automation` speaks API 2019-01-01-preview, which cannot say attack paths
 * nor export as a trusted service; `azapi_resource` with `Microsoft.Security/automations@2023-12-01-preview`
 * can. `AUTO` uses azurerm unless the automation needs the newer API.
 */
export class AutomationWriter {
  /** The resource type and API version the azapi writer writes. */
  public static readonly AZAPI_RESOURCE_TYPE = AUTOMATION_TYPE_2023_12;

  /** azurerm where it can express the automation, else azapi with the 2023-12-01-preview API. */
  public static readonly AUTO = new AutomationWriter("auto");
  /** Always `azurerm_security_center_automation`; what it cannot express is an error. */
  public static readonly AZURERM = new AutomationWriter("azurerm");
  /** Always `azapi_resource` of type `Microsoft.Security/automations@2023-12-01-preview`. */
  public static readonly AZAPI = new AutomationWriter("azapi");

  private constructor(
    /** The writer's name. */
    public readonly name: string,
  ) {}
}

/** The writer an `AutomationWriter` constant names; AUTO (or none) gives `auto`. */
export function writerNamed(requested: AutomationWriter | undefined, auto: Writer): Writer {
  if (!isAutomationWriter(requested)) return auto;
  return WRITERS.find((w) => w.name === requested.name) ?? auto;
}

/** Whether a value is one of the `AutomationWriter` constants (the class's own static values, not a look-alike). */
export function isAutomationWriter(value: unknown): value is AutomationWriter {
  return value instanceof AutomationWriter && Object.values(AutomationWriter).includes(value);
}

/** What a request says of its writers. */
export interface WriterRequest {
  /** The automations' writer. @default AutomationWriter.AUTO */
  readonly writer?: AutomationWriter;
  /** The created group's writer. @default the one `writer` names */
  readonly resourceGroupWriter?: AutomationWriter;
  /** Whether the group is created (`false`: it was, and is no longer managed). @default not managed */
  readonly createResourceGroup?: boolean;
}

/** Which writer writes what, for one request: the one place the `AutomationWriter` constants are resolved. */
export interface WriterChoice {
  /**
   * The writer of the resource group, when `createResourceGroup` is set (either way): the one asked for,
   * or the one `writer` names (for AUTO, the first of `WRITERS`: azurerm); never what AUTO picks, so the group's
   * resource type depends on the props alone. @default none: the group is not managed
   */
  readonly group?: Writer;
  /** The writers an automation may get: every one for AUTO, else the one named. */
  readonly candidates: readonly Writer[];
  /** The writer of one automation: the one named, or for AUTO the first that can express it (DFE037 when the named one cannot). */
  automation(spec: AutomationSpec): Writer;
}

/** The writers of a request; `path` names the construct in messages. */
export function chooseWriters(request: WriterRequest, path: string): WriterChoice {
  const { writer: requested, resourceGroupWriter: asked } = request;
  let group: Writer | undefined;
  if (request.createResourceGroup !== undefined) {
    if (asked !== undefined && !isAutomationWriter(asked)) {
      throw new ExportConfigError("DFE115", "`resourceGroupWriter` must be AutomationWriter.AZURERM or AZAPI (AUTO means the default).");
    }
    group = writerNamed(asked, writerNamed(requested, WRITERS[0]));
  }
  return {
    group,
    candidates: requested === undefined || requested === AutomationWriter.AUTO ? WRITERS : [writerNamed(requested, WIDEST())],
    automation: (spec) => automationWriter(requested, spec, path),
  };
}

/** The writer an automation gets: the requested one, or for AUTO the first that can express it. */
function automationWriter(requested: AutomationWriter | undefined, spec: AutomationSpec, path: string): Writer {
  if (requested !== undefined && !isAutomationWriter(requested)) {
    throw new ExportConfigError("DFE037", `${path}: \`writer\` must be AutomationWriter.AUTO, AZURERM or AZAPI, got ${describeValue(requested)}.`);
  }
  const auto = WRITERS.find((w) => w.cannotExpress(spec).length === 0) ?? WIDEST();
  const writer = writerNamed(requested, auto);
  const beyond = writer.cannotExpress(spec);
  if (beyond.length > 0) {
    throw new ExportConfigError(
      "DFE037",
      `${path}: ${writer.writtenAs} cannot express ${beyond.join(", ")}. ` +
        `Use writer: AutomationWriter.AUTO or AutomationWriter.AZAPI, which write the automation with the 2023-12-01-preview API through azapi.`,
    );
  }
  return writer;
}
