import { AutomationView } from "../writers/automation-view";
import { AZAPI_WRITER } from "../writers/azapi-writer";

/** An automation as Azure returns it, read into the view the checks take. */
export interface LiveAutomation {
  /** Its ARM id. */
  readonly id: string;
  /** Its name. */
  readonly name: string;
  /** Its subscription (lower case). */
  readonly subscriptionId: string;
  /** Its resource group, as the id spells it. */
  readonly resourceGroupName: string;
  /** Its region. */
  readonly location: string;
  /** Its tags. */
  readonly tags: { [key: string]: string };
  /** What it says: sources, rule sets, actions, scopes (its address is its id). */
  readonly view: AutomationView;
}

/** Input that is not one of the shapes `lint`, `explain` and `import` read. */
export class LiveInputError extends Error {}

const AUTOMATION_ID = /^\/subscriptions\/([0-9a-fA-F-]{36})\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Security\/automations\/([^/]+)$/i;

/**
 * Reads automations from the JSON Azure gives: one automation (`az security automation show`, `az rest`
 * on its id), an array of them, a REST list (`{ "value": [...] }`, e.g. `az rest --url …/automations`),
 * or Azure Resource Graph rows (`az graph query` output, its `data` array, or the array itself). A read
 * omits secrets (`connectionString`, `uri`): that is normal. Throws {@link LiveInputError} naming the
 * item and what is wrong.
 */
export function readLiveAutomations(text: string, origin: string): LiveAutomation[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new LiveInputError(
      `${origin} is not JSON (${e instanceof Error ? e.message : String(e)}). Give the output of \`az security automation list -o json\` or \`az graph query\`.`,
    );
  }
  const items = itemsOf(json);
  if (items === undefined) {
    throw new LiveInputError(
      `${origin} holds neither an automation nor a list of them: expected an object with \`id\` and \`properties\`, an array, ` +
        `\`{ "value": [...] }\` (REST) or \`{ "data": [...] }\` (Resource Graph).`,
    );
  }
  return items.map((item, i) => readOne(item, items.length === 1 && !Array.isArray(json) ? origin : `${origin}, item ${i + 1}`));
}

function itemsOf(json: unknown): unknown[] | undefined {
  if (Array.isArray(json)) return json;
  if (json === null || typeof json !== "object") return undefined;
  const o = json as { [key: string]: unknown };
  if (Array.isArray(o.value)) return o.value;
  if (Array.isArray(o.data)) return o.data;
  if (o.properties !== undefined || o.id !== undefined) return [json];
  return undefined;
}

function readOne(item: unknown, where: string): LiveAutomation {
  if (item === null || typeof item !== "object" || Array.isArray(item)) throw new LiveInputError(`${where} is not an object.`);
  const o = item as { [key: string]: unknown };
  if (typeof o.type === "string" && o.type.toLowerCase() !== "microsoft.security/automations") {
    throw new LiveInputError(`${where} is a ${o.type}, not an automation (Microsoft.Security/automations).`);
  }
  const id = typeof o.id === "string" ? o.id : undefined;
  const match = id ? AUTOMATION_ID.exec(id) : null;
  if (!id || !match) {
    throw new LiveInputError(
      `${where} has no automation id (/subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.Security/automations/<name>), got ${JSON.stringify(o.id)}.`,
    );
  }
  const p = o.properties;
  if (p === null || typeof p !== "object" || Array.isArray(p)) throw new LiveInputError(`${where} (${id}) has no \`properties\` object.`);
  const props = p as { [key: string]: unknown };
  checkList(props.sources, "sources", where, id, (s) => typeof s?.eventSource === "string", "{ eventSource, ruleSets }");
  checkList(props.actions, "actions", where, id, (a) => typeof a?.actionType === "string", "{ actionType, … }");
  for (const source of props.sources as Array<{ ruleSets?: unknown }>) {
    const sets = source.ruleSets;
    if (sets === undefined || sets === null) continue;
    checkList(
      sets,
      "ruleSets",
      where,
      id,
      (set) => set !== null && (set.rules === undefined || set.rules === null || Array.isArray(set.rules)),
      "{ rules: [...] }",
      true,
    );
    for (const set of sets as Array<{ rules?: unknown[] }>) {
      for (const rule of set.rules ?? []) {
        const r = rule as { [key: string]: unknown } | null;
        if (!r || ["propertyJPath", "operator", "expectedValue", "propertyType"].some((k) => typeof r[k] !== "string")) {
          throw new LiveInputError(
            `${where} (${id}): a rule is not { propertyJPath, operator, expectedValue, propertyType } with text values: ${JSON.stringify(rule)}.`,
          );
        }
      }
    }
  }
  const [, subscriptionId, resourceGroupName, name] = match;
  const view = AZAPI_WRITER.read("azapi_resource.live", {
    type: "Microsoft.Security/automations@live",
    name,
    parent_id: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}`,
    location: o.location,
    body: { properties: props },
  });
  if (!view) throw new LiveInputError(`${where} (${id}) could not be read as an automation.`);
  const tags = o.tags && typeof o.tags === "object" && !Array.isArray(o.tags) ? (o.tags as { [key: string]: string }) : {};
  return {
    id,
    name,
    subscriptionId: subscriptionId.toLowerCase(),
    resourceGroupName,
    location: typeof o.location === "string" ? o.location : "",
    tags,
    view: { ...view, address: id },
  };
}

function checkList(
  value: unknown,
  field: string,
  where: string,
  id: string,
  valid: (item: { [key: string]: unknown } | null) => boolean,
  shape: string,
  mayBeEmpty = false,
): void {
  if (
    !Array.isArray(value) ||
    (value.length === 0 && !mayBeEmpty) ||
    !value.every((x) => valid(x && typeof x === "object" ? (x as { [key: string]: unknown }) : null))
  ) {
    throw new LiveInputError(
      `${where} (${id}): \`properties.${field}\` must be a ${mayBeEmpty ? "" : "non-empty "}list of ${shape}, got ${JSON.stringify(value)?.slice(0, 120)}.`,
    );
  }
}
