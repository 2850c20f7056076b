import type { CatalogueEntry } from "./catalogue-entry";

/** The errors of inputs: names and regions Azure refuses, the command's input, Azure's current facts, values checked across the app. */
export const INPUT_ERRORS: readonly CatalogueEntry[] = [
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
];
