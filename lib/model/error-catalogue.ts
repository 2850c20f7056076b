/** One entry of the error catalogue: a code the library reports, when, and the fix. */
export interface CatalogueEntry {
  /** The code, `DFE…` for errors (synth fails), `DFW…` for warnings. */
  readonly code: string;
  /** When it is reported. */
  readonly when: string;
  /** What to do. */
  readonly fix: string;
}

/**
 * Every code the library reports, in one structured list: the error and warning tables of docs/errors.md are
 * rendered from it, and a test checks that each code is thrown somewhere, listed here and provoked by a test.
 */
export const ERROR_CATALOGUE: readonly CatalogueEntry[] = [
  {
    code: "DFE001",
    when: "a property type that is not `String`, `Integer`, `Number`, `Boolean`",
    fix: "use `PropertyType.X` or `PropertyType.of(name)`",
  },
  { code: "DFE002", when: "an operator that is not one of the nine the API knows", fix: "use `Operator.X` or `Operator.of(name)`" },
  {
    code: "DFE003",
    when: "a rule without a JPath (or with spaces around it); a rule set or `where` given something that is not a rule / rule set",
    fix: "give the property's path, build with `Rule.*` / `RuleSet.of`",
  },
  {
    code: "DFE004",
    when: "an expected value that is not text, or not a valid value of its property type",
    fix: 'write the value as text of that type (`"5"`, `"true"`)',
  },
  { code: "DFE005", when: "a numeric operator on a text type, or a text operator on a number", fix: "pick an operator that fits the type" },
  {
    code: "DFE006",
    when: "rules in one rule set that can never all hold (`Equals a` AND `Equals b`, or `Equals a` AND `NotEquals a`), also when a `where` rule contradicts a typed filter",
    fix: "put alternatives into separate rule sets, or use the typed filter",
  },
  { code: "DFE007", when: "an empty rule set", fix: "leave the filter out to export everything, or give rules" },
  {
    code: "DFE008",
    when: "a raw rule on a JPath of another data type (e.g. `properties.metadata.severity` on alerts)",
    fix: "use the data type's own path or its typed filter",
  },
  {
    code: "DFE009",
    when: "a filter the data type does not have; `exports` given something that is not an `Export`",
    fix: "use the filters listed in the message",
  },
  { code: "DFE010", when: "`exports` is empty", fix: "add at least one export" },
  { code: "DFE011", when: "`streaming` and `snapshot` both off", fix: "turn one on" },
  { code: "DFE012", when: "`snapshot: true` on alerts, which have no snapshot", fix: "remove it" },
  { code: "DFE013", when: "an empty list as a filter (it would match nothing)", fix: "leave the filter out, or list values" },
  { code: "DFE014", when: "`severities` and `minimumSeverity` together", fix: "give one" },
  { code: "DFE015", when: "filters whose combinations make more than 1,000 rule sets", fix: "drop a filter, or split the export" },
  {
    code: "DFE020",
    when: "a severity, state or other enum value that is not one of the constants",
    fix: "use the class's constants or `X.of(name)`",
  },
  { code: "DFE021", when: "a recommendation that is not an assessment key (GUID)", fix: "give the key (see the Resource Graph query above)" },
  { code: "DFE022", when: "an empty or malformed plan, control, standard, alert type or name text", fix: "give the value as the API names it" },
  {
    code: "DFE030",
    when: "one azurerm provider without a `subscriptionId` in code writes exports of several subscriptions (all would land in its one subscription)",
    fix: "a provider per subscription, or the azapi writer",
  },
  { code: "DFE031", when: "an automation name outside 1–260 letters, digits, `_` and `-`", fix: "rename" },
  {
    code: "DFE032",
    when: "two automations with one portal name in a subscription, or one name in a resource group, anywhere in the app (also in two stacks: two states would own one automation)",
    fix: "merge the exports, or set `names`",
  },
  { code: "DFE033", when: "no azurerm provider for the export (validation)", fix: "add the provider line the message shows, or pass `provider`" },
  {
    code: "DFE034",
    when: "the provider writes to another subscription than the export's (validation)",
    fix: "pass the provider of the exported subscription",
  },
  { code: "DFE035", when: "`subscriptionId` is not a GUID", fix: "give the subscription's id" },
  { code: "DFE036", when: "`destinations` empty, or something that is not a destination", fix: "add a destination" },
  {
    code: "DFE037",
    when: "`AutomationWriter.AZURERM` forced onto attack paths or a trusted-service event hub; a `writer` that is not a constant",
    fix: "use `AUTO` or `AZAPI`",
  },
  {
    code: "DFE038",
    when: "`scopeResourceGroups` empty, or holding something other than a resource group name",
    fix: "give names, or leave it out for the whole subscription",
  },
  { code: "DFE039", when: "one destination listed twice", fix: "list it once" },
  { code: "DFE040", when: "an imported resource id of the wrong shape", fix: "give the id in the shape the message shows" },
  { code: "DFE041", when: "an invalid workspace name", fix: "4–63 letters, digits, hyphens" },
  { code: "DFE042", when: "`retentionInDays` outside 30–730", fix: "pick a value in range" },
  { code: "DFE043", when: "a consumer group on a Basic namespace (only `$Default` exists)", fix: "use `EventHubSku.STANDARD`" },
  { code: "DFE044", when: "an existing event hub id given as a token", fix: "give the literal id" },
  {
    code: "DFE045",
    when: "an existing event hub without `sendRuleName` (and not trusted), or with both `sendRuleName` and `trustedService`",
    fix: "name the rule with Send rights, or use one of the two modes",
  },
  { code: "DFE046", when: "an invalid Event Hubs namespace name", fix: "6–50 letters, digits, hyphens" },
  { code: "DFE047", when: "`messageRetentionDays` outside the tier's range", fix: "pick a value in range" },
  { code: "DFE048", when: "a Logic App trigger URL that is not an https URL", fix: "pass the trigger's callback URL" },
  {
    code: "DFE049",
    when: "a literal signed Logic App trigger URL (with `sig=`): a secret in plain text",
    fix: "pass it as a sensitive `TerraformVariable`",
  },
  {
    code: "DFE050",
    when: "automations written through azapi, but no azapi provider (validation)",
    fix: 'add `new AzapiProvider(this, "azapi", {})`, or pass `azapiProvider`',
  },
  { code: "DFE051", when: "trusted-service mode on a Basic namespace (no firewall)", fix: "use Standard or Premium" },
  {
    code: "DFE052",
    when: "the Security Resource Provider lookup without an azuread provider (validation)",
    fix: "add an `AzureadProvider` for the hub's tenant, or give the object id",
  },
  {
    code: "DFE054",
    when: "`SecurityResourceProvider.byObjectId` with something that is not a GUID",
    fix: "give the object id (`az ad sp show --id 8edd93e1-2103-40b4-bd70-6e34e586362d --query id`)",
  },
  { code: "DFE055", when: "a Listen-rule reader on a namespace with local authentication off", fix: "use `ConsumerAccess.dataReceiver`" },
  {
    code: "DFE061",
    when: "an exporting principal without a GUID object id, or a Lighthouse principal without `displayName`",
    fix: "give the object id and a display name",
  },
  {
    code: "DFE062",
    when: "a destination's `tenantId` contradicts its provider's (validation)",
    fix: "pass the destination tenant's provider, or drop `tenantId`",
  },
  { code: "DFE063", when: "cross-tenant access to a trusted-service event hub", fix: "use a Send rule, or keep the hub in the export's tenant" },
  {
    code: "DFE064",
    when: "an existing event hub's Send rule read through a provider of another subscription (validation)",
    fix: "pass the provider of the hub's subscription",
  },
  {
    code: "DFE065",
    when: "a grant for a destination whose tenant is unknown, or for destinations in different tenants (validation)",
    fix: "give the destination a tenant; one grant per tenant",
  },
  {
    code: "DFE066",
    when: "a grant for a destination in the exporting tenant itself (validation)",
    fix: "remove it from the grant, or fix its tenant",
  },
  { code: "DFE067", when: "a grant with no destinations", fix: "list the destinations" },
  { code: "DFE068", when: "Owner through Lighthouse", fix: "use the default role or Contributor" },
  { code: "DFE069", when: "a grant for a destination that cannot be in another tenant (Logic App)", fix: "keep it in the export's tenant" },
  { code: "DFE070", when: "a role that does not let an identity export to that destination kind", fix: "use a role the message lists" },
  { code: "DFE071", when: "one Lighthouse grant for destinations in several subscriptions", fix: "one grant per subscription" },
  {
    code: "DFE072",
    when: "a destination in another tenant, but the export's tenant is unknown (validation)",
    fix: "set `tenantId` on the export's provider or the export",
  },
  {
    code: "DFE073",
    when: "a destination in another tenant, without that tenant in the writing provider's `auxiliaryTenantIds` and without Lighthouse (validation)",
    fix: "add the line the message shows, or delegate through Lighthouse",
  },
  { code: "DFE074", when: "more than 3 auxiliary tenants on a provider (validation)", fix: "split the exports over several providers" },
  { code: "DFE075", when: "a provider lists its own tenant as auxiliary (validation)", fix: "remove it" },
  {
    code: "DFE076",
    when: "a grant written through a provider of another tenant than the destination's, or through none (validation)",
    fix: "pass the destination tenant's provider",
  },
  {
    code: "DFE077",
    when: "a grant that gives one exporting tenant (customer) a role where another's data lives: the same Azure resource (ids compared as Azure does, case-insensitively, across constructs and stacks), or the same resource group when either grant is a Lighthouse delegation",
    fix: "one destination per tenant, or `ExportDelegation` from the customers and your own identity",
  },
  {
    code: "DFE078",
    when: "an `ExportDelegation` with a malformed id or name, or written through a provider of the managing tenant",
    fix: "give GUIDs and the customer tenant's provider",
  },
  {
    code: "DFE080",
    when: "a policy request with parts the built-in policies cannot express (the message lists each)",
    fix: "change the request, or use `ContinuousExport`",
  },
  { code: "DFE081", when: "a policy whose destination is in another tenant (validation)", fix: "use `ContinuousExport` with `CrossTenantAccess`" },
  {
    code: "DFE082",
    when: "a policy assignment name too long (24 at a management group, 64 at a subscription) or with forbidden characters",
    fix: "rename",
  },
  {
    code: "DFE083",
    when: "a policy scope that is not a management group name/id or subscription id",
    fix: "use `PolicyScope.managementGroup` / `PolicyScope.subscription`",
  },
  {
    code: "DFE084",
    when: "`remediateSubscriptions` at a subscription scope, or holding something other than distinct subscription GUIDs",
    fix: "list the subscriptions under the management group",
  },
  { code: "DFE090", when: "a fleet without subscriptions", fix: "list at least one" },
  { code: "DFE091", when: "a fleet subscription id that is a token", fix: "give literal ids (they are the construct ids)" },
  {
    code: "DFE092",
    when: "a subscription listed twice (fleet or shard plan), or two shards given one stack or state key",
    fix: "list each once; name each shard's stack and key apart",
  },
  { code: "DFE093", when: "a shard count (or previous shard count) that is not a whole number of at least 1", fix: "fix the count" },
  { code: "DFE094", when: "a shard over `maxShardSize`", fix: "raise `shardCount`" },
  {
    code: "DFE140",
    when: "a shard count (or previous shard count) above 1,000, the most a plan takes (each shard is a stack, a state and a CI job)",
    fix: "about one shard per 1,500 subscriptions, or several plans",
  },
  {
    code: "DFE141",
    when: "a plan that would hash more than 50 million times (subscriptions times the shard counts hashed)",
    fix: "fewer shards, or one plan per tenant or management group",
  },
  {
    code: "DFE095",
    when: "a fleet given a `shard` that is not from `ShardPlan.of`, or whose `subscriptions` are not the shard's",
    fix: "pass the shard and its subscription ids",
  },
  {
    code: "DFE096",
    when: "a fleet `layout` or `previousLayout` that is not a FleetLayout constant, or FOR_EACH with a writer other than azapi",
    fix: "pick FleetLayout.FOR_EACH (azapi writer) or PER_SUBSCRIPTION",
  },
  {
    code: "DFE097",
    when: "a FOR_EACH fleet subscription with its own `provider`, or a `tenantId` other than the fleet's",
    fix: "drop the provider; make a fleet per tenant (or use PER_SUBSCRIPTION)",
  },
  {
    code: "DFE098",
    when: "a FOR_EACH fleet subscription adopting an automation named other than the fleet's automations",
    fix: "give the adopted name in `names`, or use PER_SUBSCRIPTION",
  },
  {
    code: "DFE130",
    when: "`health` without exactly one of `actionGroupId` and `emailReceivers`, or with an address that is not one",
    fix: "give an action group id, or e-mail addresses",
  },
  {
    code: "DFE131",
    when: "`health.silenceAfterHours` other than 1, 6, 12 or 24 (what Azure Monitor evaluates), or a severity outside 0–4",
    fix: "pick one of the listed values",
  },
  {
    code: "DFE132",
    when: "`health` on an export of weekly snapshots only: quiet for 7 days, beyond any alert's look-back (48 h)",
    fix: "export a streaming source as well, or leave `health` out",
  },
  { code: "DFE133", when: "`health` on a destination whose resource group is known only at apply", fix: "give `health.resourceGroupName`" },
  {
    code: "DFE134",
    when: "`health` on an Event Hub or Logic App without `health.metricsWorkspaceId` (Microsoft does not document a zero when nothing arrives)",
    fix: "give a Log Analytics workspace for the destination's metrics",
  },
  {
    code: "DFE135",
    when: "two exports in one health alert set of a destination with other receivers, resource group, location, provider or metrics workspace",
    fix: "give the same settings, or another `health.alertSet`",
  },
  {
    code: "DFE136",
    when: "a health alert set whose subscriptions are known only in Azure (a management group) on a destination with other alert sets",
    fix: "use one alert set (the same receivers), or list literal subscriptions",
  },
  {
    code: "DFE137",
    when: "health alerts that would be written through a provider of another subscription or tenant than the destination's",
    fix: "give the destination (or `health.provider`) a provider for its subscription and tenant",
  },
  { code: "DFE138", when: "`health.alertSet` or `health.metricsWorkspaceId` of the wrong shape", fix: "a short name; a workspace resource id" },
  {
    code: "DFE195",
    when: "`previousFleets` that is not a list of construct ids of other fleets beside this one (its own id, a path, twice, or a construct that is not a fleet)",
    fix: "give the ids the fleets had, each once",
  },
  {
    code: "DFE196",
    when: "`createdBefore` on an existing destination that is not `true` or `false`",
    fix: "`createdBefore: true` while it hands over",
  },
  {
    code: "DFE198",
    when: "`previousId` on `ContinuousExport` that is not the construct id it had (a path, empty, or its id now)",
    fix: "give the id it had in the same scope",
  },
  {
    code: "DFE197",
    when: "two destinations of one `CrossTenantAccess` that are one Azure resource (ids equal without regard to case)",
    fix: "list the destination once",
  },
  { code: "DFE100", when: "suppressing a check id that does not exist", fix: "use an id of the check pack's table" },
  { code: "DFE101", when: "suppressing a check without a reason", fix: "give a sentence for the next reader" },
  {
    code: "DFE110",
    when: "an existing automation id of the wrong shape, without a location, or an `adopt` value that is not an `ExistingAutomation`",
    fix: "give the id and its location",
  },
  { code: "DFE111", when: "`names` asks for another name than the adopted automation's", fix: "drop the name, or give the adopted one" },
  {
    code: "DFE112",
    when: "an adopted automation in another subscription, resource group or location than the export's (each forces replacement)",
    fix: "use the adopted values",
  },
  { code: "DFE113", when: "an adopted automation of a kind the export has no destination for", fix: "add the destination, or drop the adoption" },
  { code: "DFE115", when: "`resourceGroupWriter` that is not AutomationWriter.AZURERM or AZAPI", fix: "pick one of them" },
  {
    code: "DFE116",
    when: "an adopted workspace or event hub whose name or group differs from the props, or whose id is a token",
    fix: "use the existing names and a literal id",
  },
  {
    code: "DFE117",
    when: "`previousWriter` or `previousResourceGroupWriter` that is not an `AutomationWriter` constant",
    fix: "give the writer it was deployed with",
  },
  { code: "DFE118", when: "a hand-over (`removed` block) synthesized as HCL, which would drop it", fix: "synthesize JSON (the default)" },
  {
    code: "DFE120",
    when: "a name, location or text Azure would refuse (wrong characters or length), or one that is not a string",
    fix: "the message gives the rule",
  },
  {
    code: "DFE121",
    when: "a number that is not a whole number in Azure's range (capacity, partitions, retention, daily cap)",
    fix: "the message gives the range",
  },
  {
    code: "DFE122",
    when: "a list, flag, tag map or access option of the wrong type, or tags Azure refuses",
    fix: "the message gives the expected shape",
  },
  {
    code: "DFE190",
    when: "a grant's `fromPositionalIds` that is not `true` or `false`",
    fix: "`fromPositionalIds: true` only for grants an earlier build numbered by position (`Role0`, `Assignment0`); else leave it out",
  },
  {
    code: "DFE150",
    when: "`lint`, `explain`, `import`: input that is not JSON (or not UTF-8, or UTF-16 with a byte order mark), or JSON that is no automation, list of them, REST list or Resource Graph output",
    fix: "give the output of `az security automation list -o json` or `az graph query`",
  },
  {
    code: "DFE151",
    when: "`lint`, `explain`, `import`: an item that is no automation, or a field the checks need (id, properties, scopes, sources, rule sets, rules and their four texts, actions, action type, resource id) missing or of the wrong type; one line per problem",
    fix: "give the automations as Azure returns them; the line names the item and the field",
  },
  {
    code: "DFE152",
    when: "`import --out` names the input (also through a relative path, a symbolic or hard link, or standard input opened on it)",
    fix: "name another file",
  },
  { code: "DFE157", when: "`import --out` names a file that exists, without `--force`", fix: "give `--force` to overwrite it, or name another file" },
  { code: "DFE153", when: "command input over 256 MiB", fix: "split the input (per management group or subscription)" },
  { code: "DFE154", when: "command input nesting arrays and objects deeper than 64 levels", fix: "give the automations as Azure returns them" },
  {
    code: "DFE155",
    when: "command input holding more than 100,000 automations, or an automation with more than 10,000 rules",
    fix: "split the input",
  },
  {
    code: "DFE156",
    when: "the command cannot read its input file or write `--out` (missing, a directory, no permission)",
    fix: "the line gives the system's reason",
  },
  {
    code: "DFE170",
    when: "`Severity.CRITICAL` (or a minimum above High) on findings: a sub-assessment's severity is Low, Medium or High (REST model 2019-01-01-preview)",
    fix: "leave Critical out of the findings' filter; Critical is a recommendation severity",
  },
  {
    code: "DFE171",
    when: "an azapi write through a provider with `auxiliaryTenantIds` in a stack whose azapi version constraint admits versions before 2.9.0 (they do not send auxiliary tenants' tokens)",
    fix: 'require `"~> 2.9"` in `required_providers` (the library\'s `AzapiProvider` does)',
  },
  {
    code: "DFE172",
    when: "a region that is not an Azure region (the message suggests the nearest one)",
    fix: "give a region name such as `westeurope` or its display name `West Europe`",
  },
  {
    code: "DFE173",
    when: "two exports (in one stack, or in stacks of one app for one subscription) that both create the same resource group",
    fix: "let one create it and give the other `createResourceGroup: false` (with a dependency), or use different groups",
  },
  {
    code: "DFE174",
    when: "secrets in azapi's write-only `sensitive_body` in a stack whose own `required_version` admits Terraform before 1.11 (which would keep them in the state)",
    fix: 'require `">= 1.11"`, or leave `required_version` to the library',
  },
  {
    code: "DFE160",
    when: "`withParents` of `Export.findings` that is not true or false",
    fix: "leave it out (the parents come along), or give `false` to state an automation exactly as it runs",
  },
  {
    code: "DFE220",
    when: "an existing resource's id (`fromWorkspaceId`, `fromEventHubId`, `fromWorkflow`) whose resource group, namespace, hub, workspace or workflow segment is not a name Azure gives",
    fix: "copy the id from the resource's JSON view",
  },
  {
    code: "DFE221",
    when: "a text (description, tag, filter text, rule value or JPath) holding NUL, another control character or half of a surrogate pair",
    fix: "remove the character",
  },
  {
    code: "DFE222",
    when: "a `Lazy` value whose producer fails when the library reads it",
    fix: "give the value itself, or a producer that can answer then",
  },
  {
    code: "DFE223",
    when: "an `allowedIpRanges` entry that is not an IPv4 address or CIDR range (`999.1.1.1`, `/33`, leading zeros)",
    fix: 'give addresses such as "203.0.113.0/24"',
  },
  {
    code: "DFE224",
    when: "an object that looks like an Export, destination, principal, shard or consumer access but was not made by the library (a plain object, a spread copy, `Object.create(X.prototype)`)",
    fix: "make it with the library's factories or constructors",
  },
  {
    code: "DFE225",
    when: "two new workspaces of one name in one resource group, or two new Event Hubs namespaces of one name (namespace names are global), anywhere in the app",
    fix: "use the first destination, or give the second another name",
  },
  {
    code: "DFE226",
    when: "one principal granted one role on one destination twice (two `CrossTenantAccess`, or one listing it twice)",
    fix: "grant it once",
  },
  {
    code: "DFE227",
    when: "a policy route and another route (an export, a fleet, another policy) on one subscription or management group, anywhere in the app",
    fix: "keep one route per subscription or management group",
  },
  {
    code: "DFE228",
    when: "a `where` rule on a JPath with a closed set of values (severity, state, risk level) that no value passes, or a `NotEquals` that excludes none (`Hight`, `High `, a number type)",
    fix: "write a value of the set (the message names the one meant), or use the typed filter",
  },
  {
    code: "DFE240",
    when: "`ExistingAutomation.createdByPolicy` for a destination kind no built-in export policy sends to (a Logic App)",
    fix: "use `ExistingAutomation.fromId` with the automation's id",
  },
  {
    code: "DFW001",
    when: "an automation's subscription, resource group or name is a token, so no other owner of it can be ruled out",
    fix: "give literal values where you can",
  },
  {
    code: "DFW002",
    when: "a destination in another tenant that no `CrossTenantAccess` in the app grants the export's tenant access to",
    fix: "make sure the exporting identity holds a role there, or add the grant",
  },
  {
    code: "DFW003",
    when: "a literal, unsigned Logic App trigger URL in `LogicAppDestination.fromWorkflow` (it may still be a secret)",
    fix: "pass it as a sensitive `TerraformVariable`",
  },
  {
    code: "DFW004",
    when: "a fleet takes over policy-made exports (`adoptPolicyExports`)",
    fix: "remove the policy assignment (or set it to DoNotEnforce) first",
  },
  {
    code: "DFW005",
    when: "a policy at a management group without `remediateSubscriptions`: a remediation in the same apply would find nothing",
    fix: "list today's subscriptions, or run the second step the report prints",
  },
  {
    code: "DFW006",
    when: "a reader added to a locked (trusted-service) namespace that allows no IP range or subnet: it gets in only through a private endpoint",
    fix: "`trustedService.allowedIpRanges` / `allowedSubnetIds`, or a private endpoint",
  },
  {
    code: "DFW010",
    when: "two customers' grants that may reach one resource (or, with Lighthouse, one resource group), where a token (an id, a group name or a tenant id known only at apply) hides whether they do",
    fix: "give literal ids and names, or keep the customers' destinations in separate resource groups",
  },
  {
    code: "DFW025",
    when: "the policy route for recommendations whose request includes Critical (also unfiltered, or as parents of findings): Microsoft's built-in policy selects High, Medium and Low only",
    fix: "add a `ContinuousExport` per subscription for `Severity.CRITICAL`, or use `ContinuousExport` instead",
  },
  {
    code: "DFW045",
    when: "`trustedService.allowedIpRanges` lets the whole internet (`0.0.0.0/0`) or a broad range (a /15 or wider) reach the namespace",
    fix: "list the readers' own addresses (a /24 or narrower), or use `allowedSubnetIds`",
  },
];

/** The catalogue as the Markdown tables of docs/errors.md: errors, then warnings. */
export function renderErrorCatalogue(): string {
  const table = (prefix: string, fixHeader: string) =>
    [
      `| code | when | ${fixHeader} |`,
      "|---|---|---|",
      ...ERROR_CATALOGUE.filter((e) => e.code.startsWith(prefix)).map((e) => `| ${e.code} | ${e.when} | ${e.fix} |`),
    ].join("\n");
  return `${table("DFE", "fix")}\n\nWarnings (synth goes on; \`cdktf synth\` and the main job print them):\n\n${table("DFW", "what to do")}\n`;
}
