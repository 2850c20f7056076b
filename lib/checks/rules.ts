import { DestinationKind } from "../destinations/destination";
import { DataType } from "../model/data-type";
import { BUILT_IN_ROLES, EXPORT_ACCESS_ROLES } from "../model/roles";
import { Operator, PropertyType } from "../model/rule";
import { holdsForEveryRecord, matchesEveryRecord, pathMismatch } from "../model/paths";
import { contradictionIn } from "../model/rule";
import { ruleInWords, ruleSetsInWords } from "../model/rule-words";
import { AutomationView } from "../writers/automation-view";
import { AZURERM_WRITER } from "../writers/azurerm-writer";
import { GUID_PATTERN } from "../model/guid";
import { JPATHS } from "../model/paths";
import { Severity } from "../model/severity";
import { checkRuleValues } from "./rule-values";
import { checkActionTargets, checkScopes } from "./placement";

const ASSESSMENT_IN_ID = new RegExp(`/assessments/(${GUID_PATTERN})/`, "i");

/** A check of the pack. */
export interface CheckRule {
  /** Stable id, e.g. `DFC001`. */
  readonly id: string;
  /** `error` (synth fails) or `warning`. */
  readonly level: string;
  /** What the check finds, in one line. */
  readonly summary: string;
  /**
   * Whether an automation with this finding still exports as it is (a defect of completeness, not one that
   * exports nothing or is rejected): `import` then adopts it as it runs and reports the finding. @default false
   */
  readonly stillExports?: boolean;
}

/** A finding of one check on one resource. */
export interface Finding {
  /** The check's id. */
  readonly ruleId: string;
  /** The address of the resource it concerns. */
  readonly address: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

/** Every check of the pack. */
export const CHECK_RULES: readonly CheckRule[] = [
  {
    id: "DFC001",
    level: "error",
    summary: "rules ANDed in one rule set that can never all hold (e.g. Severity Equals high AND Severity Equals medium)",
  },
  { id: "DFC002", level: "error", summary: "a rule on a JPath of another data type (e.g. the recommendation severity path on alerts)" },
  { id: "DFC003", level: "error", summary: "findings exported while their parent recommendations are not exported at all", stillExports: true },
  { id: "DFC004", level: "error", summary: "an event source, operator, property type or action type the provider or API rejects (case included)" },
  { id: "DFC005", level: "error", summary: "an Event Hub action whose authorization rule lacks Send" },
  {
    id: "DFC006",
    level: "warning",
    summary: "more than one portal-visible export (ExportToWorkspace / ExportToEventHub) of one kind in a subscription",
  },
  { id: "DFC007", level: "error", summary: "a connection string, key or trigger URL in an output not marked sensitive" },
  { id: "DFC008", level: "warning", summary: "a role assignment for export access broader than the destination resource" },
  {
    id: "DFC009",
    level: "error",
    summary: "a literal connection string, SAS key or signed trigger URL in an automation (it lands in the JSON and the state)",
  },
  { id: "DFC010", level: "warning", summary: "Contributor on a subscription or management group (but a policy assignment's own identity)" },
  {
    id: "DFC011",
    level: "error",
    summary:
      "one scope, or overlapping scopes (a subscription and a group in it), delegated through Lighthouse to several managing tenants: each could read the others' data",
  },
  { id: "DFC012", level: "error", summary: 'a rule value outside the values its JPath takes (misspelt, padded, of another scale: "Hight", "High ")' },
  { id: "DFC013", level: "error", summary: "a rule set whose rules together let no value of a known JPath through (every value excluded)" },
  { id: "DFC014", level: "error", summary: 'a rule value that is not of its property type (Integer "high", Boolean "yes")' },
  { id: "DFC015", level: "error", summary: "a numeric compare on text (or a text test on a number, or a numeric type on a text JPath)" },
  {
    id: "DFC016",
    level: "error",
    summary: "a JPath that is a near miss of a known one of its data type (e.g. `riskLevel` for `attackPath.riskLevel`)",
  },
  { id: "DFC017", level: "error", summary: "no scope, a malformed scope, or a scope in another subscription than the automation's" },
  {
    id: "DFC018",
    level: "error",
    summary: "an action with no resource id, or pointing at another resource type than its action type (a namespace for EventHub)",
  },
  { id: "DFC019", level: "error", summary: "Owner, User Access Administrator or Role Based Access Control Administrator granted at any scope" },
  {
    id: "DFC020",
    level: "error",
    summary: "an Event Hub action keyed with the namespace's RootManageSharedAccessKey or another rule with Manage rights",
  },
  { id: "DFC021", level: "error", summary: "an output of a whole secret-bearing resource, azapi body or automation action, not marked sensitive" },
  {
    id: "DFC055",
    level: "error",
    summary: "(live automations only) a field of the wrong type, e.g. `isEnabled` as text: the command does not guess what it means",
  },
  {
    id: "DFC040",
    level: "warning",
    summary: "a recommendations rule set that selects High but not Critical (recommendations have had a Critical severity since March 2025)",
  },
  {
    id: "DFC030",
    level: "warning",
    summary:
      "findings whose parent recommendations are exported only under a filter (a severity, other recommendations), so some parents may be missing",
    stillExports: true,
  },
  {
    id: "DFC060",
    level: "error",
    summary: "an Event Hub export with a connection string to a namespace without local authentication or closed to the public network",
  },
];

const OPERATORS = Operator.ALL.map((o) => o.value);
/** The event sources azurerm (API 2019-01-01-preview) accepts, and those of the 2023-12 API. */
const SOURCES_2019 = DataType.ALL.filter((t) => !t.needsApi2023).flatMap((t) => t.eventSources);
const SOURCES_ALL = DataType.ALL.flatMap((t) => t.eventSources);
const PROPERTY_TYPES = PropertyType.ALL.map((t) => t.value);
const ACTION_TYPES = DestinationKind.ALL.map((k) => k.actionType);

/**
 * Where an automation was read from: a stack's Terraform JSON (`stack`), or Azure (`live`), where a
 * connection string or trigger URL present is Azure's own stored value, not a literal in code.
 */
export type AutomationOrigin = "stack" | "live";

/** DFC001 to DFC004, DFC009, DFC012 to DFC018, DFC030 and DFC040: what one automation says, on its own. */
export function checkAutomation(a: AutomationView, origin: AutomationOrigin = "stack"): Finding[] {
  const findings: Finding[] = [];
  const add = (ruleId: string, message: string) => findings.push({ ruleId, address: a.address, message });
  const allowedSources = a.writer === AZURERM_WRITER ? SOURCES_2019 : SOURCES_ALL;
  for (const source of a.sources) {
    const dataType = DataType.ALL.find((t) => t.eventSources.includes(source.eventSource));
    if (!allowedSources.includes(source.eventSource)) {
      const near = allowedSources.find((s) => s.toLowerCase() === source.eventSource.toLowerCase());
      add(
        "DFC004",
        `event source "${source.eventSource}" is rejected${a.writer === AZURERM_WRITER && dataType?.needsApi2023 ? " by azurerm (API 2019-01-01-preview)" : ""}. ${near ? `Write "${near}".` : `Use one of: ${allowedSources.join(", ")}.`}`,
      );
    }
    source.ruleSets.forEach((rules, i) => {
      const contradiction = contradictionIn(rules);
      if (contradiction)
        add(
          "DFC001",
          `${source.eventSource}, rule set ${i + 1}: ${contradiction}, so nothing is exported. Put each accepted ` +
            `value in its own rule set (rule sets are ORed).`,
        );
      for (const rule of rules) {
        const mismatch = dataType && pathMismatch(rule.propertyJPath, dataType);
        if (mismatch) add("DFC002", `${source.eventSource}: ${mismatch}; the service accepts the rule and exports nothing.`);
        if (!OPERATORS.includes(rule.operator)) add("DFC004", `operator "${rule.operator}" is rejected. ${suggest(rule.operator, OPERATORS)}`);
        // The REST API and Microsoft's own policies send `string`; azurerm's schema takes `String` only.
        const knownType = PROPERTY_TYPES.find((t) => t.toLowerCase() === rule.propertyType.toLowerCase());
        if (!knownType) add("DFC004", `property type "${rule.propertyType}" is rejected. ${suggest(rule.propertyType, PROPERTY_TYPES)}`);
        else if (knownType !== rule.propertyType && a.writer === AZURERM_WRITER)
          add("DFC004", `property type "${rule.propertyType}" is rejected by azurerm (the REST API accepts it). Write "${knownType}".`);
      }
    });
  }
  findings.push(...checkCriticalSeverity(a));
  for (const [findings_, parents] of [
    ["SubAssessments", "Assessments"],
    ["SubAssessmentsSnapshot", "AssessmentsSnapshot"],
  ]) {
    const findingSource = a.sources.find((s) => s.eventSource === findings_);
    if (!findingSource) continue;
    const parent = a.sources.find((s) => s.eventSource === parents);
    if (!parent) {
      add(
        "DFC003",
        `${findings_} without ${parents}: no parent recommendation is exported, and Microsoft requires the parents with the findings. ` +
          `Export ${parents} for the same recommendations (Export.findings does it for you).`,
      );
      continue;
    }
    const gaps = parentGaps(findingSource.ruleSets, parents, parent.ruleSets);
    if (gaps.length > 0) {
      add(
        "DFC030",
        `${findings_} whose parents may be missing from ${parents}: ${gaps.join("; ")}. Microsoft asks for the parents with the findings: ` +
          `export ${parents} for the same recommendations without further filters (Export.findings does it for you), or keep it so knowingly.`,
      );
    }
  }
  for (const action of a.actions) {
    const literal = origin === "stack" && typeof action.secret === "string" ? literalSecretIn(action.secret) : undefined;
    if (literal) {
      add(
        "DFC009",
        `the ${action.actionType} action carries a literal secret (${literal}…): it lands in cdk.tf.json and the state in plain text. ` +
          "Reference the rule's or trigger's sensitive attribute, or pass a sensitive TerraformVariable.",
      );
    }
    if (!ACTION_TYPES.includes(action.actionType)) {
      add(
        "DFC004",
        `action type "${action.actionType}" is rejected by azurerm 5.x and the REST API. ${suggest(action.actionType, ACTION_TYPES, { loganalytics: "Workspace" })}`,
      );
    }
  }
  return [...findings, ...checkRuleValues(a), ...checkScopes(a), ...checkActionTargets(a)];
}

/**
 * The secret written out in a value, if any: in its literal text, or in a string literal inside an
 * expression (`${sensitive("Endpoint=…;SharedAccessKey=…")}` hides nothing from the state). A
 * reference (`${azurerm_eventhub_authorization_rule.r.primary_connection_string}`, a data source's
 * attribute) is a value read back from Azure, not a literal.
 */
function literalSecretIn(value: string): string | undefined {
  const outside = value.replace(/\$\{(?:[^}"]|"(?:[^"\\]|\\.)*")*\}/g, " ");
  const quoted = [...value.matchAll(/\$\{(?:[^}"]|"(?:[^"\\]|\\.)*")*\}/g)].flatMap((m) =>
    [...m[0].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((q) => q[1]),
  );
  return [outside, ...quoted].map((text) => LITERAL_SECRET.exec(text)?.[0]).find((found) => found !== undefined);
}

/**
 * DFC006: portal-visible exports of one kind, per subscription. Each finding names its own automation and
 * its place among the others (never the others' addresses), so the output grows with the input, not with
 * its square: 10 MB of same-named automations make findings of about the same size.
 */
export function checkPortalVisibility(automations: readonly AutomationView[]): Finding[] {
  const groups = groupBy(
    automations.filter((a) => a.subscriptionId && DestinationKind.ALL.some((k) => k.portalName?.toLowerCase() === a.name.toLowerCase())),
    (a) => `${String(a.subscriptionId).toLowerCase()}|${a.name.toLowerCase()}`,
  );
  return [...groups.values()]
    .filter((group) => group.length > 1)
    .flatMap((group) =>
      group.map((a, i) => ({
        ruleId: "DFC006",
        address: a.address,
        message:
          `automation ${i + 1} of ${group.length} named ${a.name} (letter case aside) in subscription ${a.subscriptionId}: ` +
          `the portal shows one per kind. Merge them, or name the others differently (they stay API-only).`,
      })),
    );
}

/** Items grouped by key, in order, in linear time. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** DFC005: Event Hub actions whose rule, declared in the same stack, lacks Send. */
export function checkSendRights(automations: readonly AutomationView[], rules: ReadonlyMap<string, { send?: unknown }>): Finding[] {
  const findings: Finding[] = [];
  for (const a of automations) {
    for (const action of a.actions) {
      if (action.actionType !== DestinationKind.EVENT_HUB.actionType || typeof action.secret !== "string") continue;
      const ref =
        /^\$\{((?:azurerm_eventhub_authorization_rule|azurerm_eventhub_namespace_authorization_rule)\.[^.}]+)\.(primary|secondary)_connection_string\}$/.exec(
          action.secret,
        );
      const rule = ref && rules.get(ref[1]);
      if (ref && rule && rule.send !== true) {
        findings.push({
          ruleId: "DFC005",
          address: a.address,
          message:
            `the Event Hub action uses ${ref[1]}, which lacks Send rights: the export cannot write. Set send = true ` +
            `on that rule (Send only: no Listen, no Manage).`,
        });
      }
    }
  }
  return findings;
}

const SECRET_ATTRIBUTES =
  /(primary|secondary)_(connection_string|key)|connection_string|callback_url|trigger_url|primary_access_key|SharedAccessKey=|[?&]sig=/;
/** A secret written out: an Event Hubs connection string's key, or a signed URL's signature. */
const LITERAL_SECRET = /SharedAccessKey=|[?&]sig=/i;

/** DFC007: secrets in outputs that are not sensitive. */
export function checkOutputs(outputs: ReadonlyMap<string, { value?: unknown; sensitive?: unknown }>): Finding[] {
  return [...outputs]
    .filter(([, o]) => o.sensitive !== true && SECRET_ATTRIBUTES.test(JSON.stringify(o.value ?? "")))
    .map(([address, o]) => ({
      ruleId: "DFC007",
      address,
      message:
        `output ${address} carries a secret (${JSON.stringify(o.value).match(SECRET_ATTRIBUTES)?.[0]}) and is ` +
        `not sensitive: it would be printed and stored in plain text. Mark it sensitive, or do not output it.`,
    }));
}

const EXPORT_ROLES = EXPORT_ACCESS_ROLES.map((r) => r.name);
const EXPORT_ROLE_IDS = EXPORT_ACCESS_ROLES.map((r) => r.id);
const BROAD_SCOPE = /^(\/subscriptions\/[^/]+(\/resourceGroups\/[^/]+)?|\/providers\/Microsoft\.Management\/managementGroups\/[^/]+)\/?$/i;

// Owner grants roles too: DFC019 reports it, at any scope.
const BROAD_ROLES = [BUILT_IN_ROLES.contributor];
const SUBSCRIPTION_OR_GROUP = /^(\/subscriptions\/[^/]+|\/providers\/Microsoft\.Management\/managementGroups\/[^/]+)\/?$/i;

/** DFC010: Contributor on a whole subscription or management group, except for a policy assignment's identity (DeployIfNotExists needs it). */
export function checkBroadRoles(
  assignments: ReadonlyMap<string, { scope?: unknown; role_definition_name?: unknown; role_definition_id?: unknown; principal_id?: unknown }>,
): Finding[] {
  return [...assignments]
    .filter(([, r]) => {
      const named = BROAD_ROLES.some(
        (role) =>
          role.name === r.role_definition_name ||
          String(r.role_definition_id ?? "")
            .toLowerCase()
            .endsWith(role.id),
      );
      const policyIdentity = /_policy_assignment\.[^.]+\.identity/.test(String(r.principal_id ?? ""));
      return named && !policyIdentity && SUBSCRIPTION_OR_GROUP.test(String(r.scope ?? ""));
    })
    .map(([address, r]) => ({
      ruleId: "DFC010",
      address,
      message: `${address} grants ${r.role_definition_name ?? r.role_definition_id} on ${r.scope}: every resource and its data there. Grant the least role on the destination itself.`,
    }));
}

/** DFC011: Lighthouse assignments of one scope whose definitions name different managing tenants. */
export function checkSharedDelegations(
  assignments: ReadonlyMap<string, { scope?: unknown; lighthouse_definition_id?: unknown }>,
  definitions: ReadonlyMap<string, { managing_tenant_id?: unknown }>,
): Finding[] {
  const tenantOf = (definitionRef: unknown) => {
    const address = /^\$\{(azurerm_lighthouse_definition\.[^.}]+)\.(id|lighthouse_definition_id)\}$/.exec(String(definitionRef ?? ""))?.[1];
    return address ? String(definitions.get(address)?.managing_tenant_id ?? "").toLowerCase() : undefined;
  };
  // Azure compares ids case-insensitively; a group's id begins with its subscription's.
  const delegated = [...assignments]
    .map(([address, a]) => ({
      address,
      tenant: tenantOf(a.lighthouse_definition_id),
      scope: String(a.scope ?? "")
        .toLowerCase()
        .replace(/\/+$/, ""),
    }))
    .filter((d): d is { address: string; tenant: string; scope: string } => !!d.tenant && d.scope !== "");
  const overlaps = (x: string, y: string) => x === y || x.startsWith(`${y}/`) || y.startsWith(`${x}/`);
  return delegated.flatMap((d) => {
    const others = delegated.filter((o) => o !== d && o.tenant !== d.tenant && overlaps(o.scope, d.scope));
    if (others.length === 0) return [];
    return [
      {
        ruleId: "DFC011",
        address: d.address,
        message:
          `${d.scope} is delegated to managing tenant ${d.tenant}, and the same or an overlapping scope to ${[...new Set(others.map((o) => o.tenant))].join(", ")} ` +
          `(this assignment and ${others.length} other${others.length === 1 ? "" : "s"}): each could read the others' data. Delegate disjoint scopes, one tenant each.`,
      },
    ];
  });
}

/** DFC008: export roles granted on a subscription, resource group or management group. */
export function checkRoleScopes(
  assignments: ReadonlyMap<string, { scope?: unknown; role_definition_name?: unknown; role_definition_id?: unknown }>,
): Finding[] {
  return [...assignments]
    .filter(([, r]) => {
      const role = String(r.role_definition_name ?? "");
      const byId = EXPORT_ROLE_IDS.some((id) =>
        String(r.role_definition_id ?? "")
          .toLowerCase()
          .endsWith(id),
      );
      return (EXPORT_ROLES.includes(role) || byId) && BROAD_SCOPE.test(String(r.scope ?? ""));
    })
    .map(([address, r]) => ({
      ruleId: "DFC008",
      address,
      message:
        `${address} grants ${r.role_definition_name ?? r.role_definition_id} on ${r.scope}, broader than the ` +
        `destination: scope it to the workspace or event hub itself.`,
    }));
}

/** The recommendation severities above High, which a rule set selecting High usually means to include too. */
const ABOVE_HIGH = Severity.ALL.filter((s) => s.rank > Severity.HIGH.rank).map((s) => s.ruleValue);

/**
 * DFC040: a recommendations rule set with `properties.metadata.severity Equals High` and no twin rule set
 * (the same rules, Critical for High) in the same source. Such a rule set was written when High was the top
 * severity; since March 2025 recommendations also have Critical (Assessments API 2025-05-04), and the
 * most important ones are not exported.
 */
function checkCriticalSeverity(a: AutomationView): Finding[] {
  const key = (rules: ReadonlyArray<{ propertyJPath: string; operator: string; expectedValue: string }>) =>
    rules
      .map((r) => `${r.propertyJPath.toLowerCase()} ${r.operator} ${r.expectedValue.toLowerCase()}`)
      .sort()
      .join(" AND ");
  const isSeverity = (r: { propertyJPath: string; operator: string }) =>
    r.propertyJPath.toLowerCase() === JPATHS.recommendationSeverity.toLowerCase() && r.operator === Operator.EQUAL_TO.value;
  const findings: Finding[] = [];
  for (const source of a.sources.filter((s) => DataType.RECOMMENDATIONS.eventSources.includes(s.eventSource))) {
    const present = new Set(source.ruleSets.map(key));
    source.ruleSets.forEach((rules, i) => {
      const high = rules.findIndex((r) => isSeverity(r) && r.expectedValue.toLowerCase() === Severity.HIGH.ruleValue.toLowerCase());
      if (high < 0) return;
      const missing = ABOVE_HIGH.filter((value) => !present.has(key(rules.map((r, j) => (j === high ? { ...r, expectedValue: value } : r)))));
      if (missing.length === 0) return;
      findings.push({
        ruleId: "DFC040",
        address: a.address,
        message:
          `${source.eventSource}, rule set ${i + 1}: selects High recommendations but not ${missing.join(", ")}, the severity above it since March 2025 ` +
          `(Assessments API 2025-05-04): the most important recommendations are not exported. Add a rule set with ${missing.join(", ")} for High ` +
          `(Export.recommendations({ minimumSeverity: Severity.HIGH }) writes both).`,
      });
    });
  }
  return findings;
}

/** A rule as far as the parent check goes. */
type PlainRule = { propertyJPath: string; operator: string; expectedValue: string };

/**
 * Why parents of these findings may not be exported by the parent source's rule sets, one reason per gap; none
 * when every finding's parent is exported whatever its severity or state (the rule sets of the parent source
 * let every record through, or those naming the finding's recommendation do once that rule is taken out).
 */
function parentGaps(
  findingSets: ReadonlyArray<ReadonlyArray<PlainRule>>,
  parentSource: string,
  parentSets: ReadonlyArray<ReadonlyArray<PlainRule>>,
): string[] {
  if (matchesEveryRecord(parentSource, parentSets)) return [];
  const plain = parentSets.map((set) => set.filter((r) => !holdsForEveryRecord(parentSource, r)));
  const isKey = (r: PlainRule, key: string) =>
    r.propertyJPath.toLowerCase() === "name" && r.expectedValue.toLowerCase().includes(key) && ["Contains", "Equals"].includes(r.operator);
  const filtered = ruleSetsInWords(parentSource, plain);
  const keys = new Set<string>();
  for (const set of findingSets.length === 0 ? [[]] : findingSets) {
    const key = set.map((r) => ASSESSMENT_IN_ID.exec(r.expectedValue)?.[1]?.toLowerCase()).find((k): k is string => !!k);
    if (!key) return [`the findings of every recommendation are exported, the parents only where ${filtered}`];
    keys.add(key);
  }
  const gaps: string[] = [];
  for (const key of keys) {
    const narrowed = plain.filter((set) => set.some((r) => isKey(r, key)));
    // The parent's rule sets, the recommendation's rule taken out, let every parent through (none left, or one per severity).
    if (
      narrowed.length > 0 &&
      matchesEveryRecord(
        parentSource,
        narrowed.map((set) => set.filter((r) => !isKey(r, key))),
      )
    )
      continue;
    const parent = ruleInWords(parentSource, { propertyJPath: "name", operator: "Contains", expectedValue: key }).replace("recommendation is ", "");
    gaps.push(
      narrowed.length > 0
        ? `the parent ${parent} only where ${ruleSetsInWords(
            parentSource,
            narrowed.map((set) => set.filter((r) => !isKey(r, key))),
          )}`
        : `the parent ${parent} is not among the exported recommendations`,
    );
  }
  return gaps;
}

function suggest(value: string, allowed: string[], aliases: Record<string, string> = {}): string {
  // Own keys only: a live action type "constructor" is no alias.
  const alias = Object.prototype.hasOwnProperty.call(aliases, value.toLowerCase()) ? aliases[value.toLowerCase()] : undefined;
  const near = allowed.find((a) => a.toLowerCase() === value.toLowerCase()) ?? alias;
  return near ? `Write "${near}" (values are case-sensitive).` : `Use one of: ${allowed.join(", ")}.`;
}
