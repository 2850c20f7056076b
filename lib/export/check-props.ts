import { Token } from "cdktf";
import { NAME_RULES, checkFlag, checkList, checkName, checkTags, checkText } from "../internal/inputs";
import { isSubscriptionId } from "../internal/resource-id";
import { ExportConfigError, describeValue } from "../model/errors";
import { ContinuousExportProps } from "./props";

/**
 * Checks an export's props; `keyed`: the subscription and group are `each.key` and `each.value`,
 * checked by the fleet.
 */
export function checkProps(props: ContinuousExportProps, keyed: boolean): void {
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
