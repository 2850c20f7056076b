import { ExportConfigError } from "../model/errors";
import { AutomationSpec } from "./automation-spec";
import { AUTOMATION_TYPE_2023_12 } from "./azapi-writer";

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

/** What an automation needs that the azurerm writer (API 2019-01-01-preview) cannot write. */
export function beyondAzurerm(spec: AutomationSpec): string[] {
  const dataTypes = [...new Set(spec.sources.filter((s) => s.dataType.needsApi2023).map((s) => s.dataType.portalName))];
  const trusted = spec.actions
    .filter((a) => a.trustedService)
    .map((a) => `export as a trusted service (event hub ${a.resourceId.includes("${") ? "of this stack" : a.resourceId})`);
  return [...dataTypes.map((t) => `${t} (data type)`), ...trusted];
}

/** The writer an automation gets: the requested one, or for AUTO the one that can express it. */
export function chooseWriter(requested: AutomationWriter | undefined, spec: AutomationSpec, path: string): "azurerm" | "azapi" {
  const beyond = beyondAzurerm(spec);
  const writer = requested ?? AutomationWriter.AUTO;
  if (writer === AutomationWriter.AZAPI) return "azapi";
  if (writer === AutomationWriter.AZURERM) {
    if (beyond.length > 0) {
      throw new ExportConfigError(
        "DFE037",
        `${path}: azurerm_security_center_automation (API 2019-01-01-preview) cannot express ${beyond.join(", ")}. ` +
          `Use writer: AutomationWriter.AUTO or AutomationWriter.AZAPI, which write the automation with the 2023-12-01-preview API through azapi.`,
      );
    }
    return "azurerm";
  }
  if (writer !== AutomationWriter.AUTO) {
    throw new ExportConfigError("DFE037", `${path}: \`writer\` must be AutomationWriter.AUTO, AZURERM or AZAPI, got ${JSON.stringify(writer)}.`);
  }
  return beyond.length > 0 ? "azapi" : "azurerm";
}
