import { TerraformResource } from "cdktf";

/** Arguments that name or place a resource (checked equal to the adopted one's instead) or are no setting at all. */
const NOT_SETTINGS = new Set(["id", "timeouts", "name", "resource_group_name", "location", "namespace_id", "namespace_name", "eventhub_name"]);

/**
 * An adopted resource keeps every setting the user did not state: each such argument of its provider
 * schema goes into `lifecycle.ignore_changes`, so the first apply after the import changes nothing but
 * what the props say (a default retention of 30 days would otherwise purge older data of a workspace
 * that keeps 90). Stated arguments stay managed.
 * @param stated the Terraform argument names the props set explicitly
 */
export function keepUnstatedSettings(resource: TerraformResource, stated: readonly string[]): void {
  const argumentsOfType = Object.keys((resource as unknown as { synthesizeAttributes(): object }).synthesizeAttributes());
  const ignoreChanges = argumentsOfType.filter((name) => !NOT_SETTINGS.has(name) && !stated.includes(name)).sort();
  resource.lifecycle = { ...resource.lifecycle, ignoreChanges };
}

/** The argument names whose prop is set: `{ retention_in_days: props.retentionInDays, … }` → the names with a value. */
export function statedArguments(byArgument: { [argument: string]: unknown }): string[] {
  return Object.entries(byArgument)
    .filter(([, value]) => value !== undefined)
    .map(([name]) => name);
}
