import { DestinationKind } from "../destinations/destination";
import { ActionView, AutomationView, RuleView, subscriptionOf } from "../writers/automation-view";
import { AZAPI_WRITER } from "../writers/azapi-writer";
import { LIVE_LIMITS } from "./limits";
import { LiveInputError } from "./live-input-error";
import { parseLiveJson } from "./live-json";

export { LiveInputError };

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
  /** Its tags (own keys only, `__proto__` included; no prototype). */
  readonly tags: { readonly [key: string]: string };
  /** What it says: sources, rule sets, actions, scopes (its address is its id). */
  readonly view: AutomationView;
  /**
   * Fields of the wrong type that the view could do without (`properties.isEnabled: "false"`, an object
   * `description`, …): each is an error-level finding (DFC055), never a guess. Empty when all are right.
   */
  readonly fieldProblems: readonly LiveFieldProblem[];
}

/** A field of a live automation with a value of the wrong type. */
export interface LiveFieldProblem {
  /** The field's path in the automation, e.g. `properties.isEnabled`. */
  readonly field: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

const AUTOMATION_ID = /^\/subscriptions\/([0-9a-fA-F-]{36})\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Security\/automations\/([^/]+)$/i;
const AUTOMATION_TYPE = "microsoft.security/automations";

type JsonObject = { readonly [key: string]: unknown };
const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === "object" && !Array.isArray(v);
/** A field of a parsed object, own properties only: `constructor` or `__proto__` in the input never reads the prototype's. */
const own = (o: JsonObject, key: string): unknown => (Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined);

/** What a value is, for a message: its type and, for text and numbers, a short quote (escaped when shown). */
function got(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object") return "an object";
  const text = typeof value === "string" ? JSON.stringify(value) : String(value); // 1e999 reads as Infinity
  return `${typeof value === "string" ? "text" : `a ${typeof value}`} ${text.length > 60 ? `${text.slice(0, 57)}…` : text}`;
}

/**
 * Reads automations from the JSON Azure gives: one automation (`az security automation show`, `az rest`
 * on its id), an array of them, a REST list (`{ "value": [...] }`, e.g. `az rest --url …/automations`),
 * or Azure Resource Graph rows (`az graph query` output, its `data` array, or the array itself). A read
 * omits secrets (`connectionString`, `uri`): that is normal. Every field read is type-checked: a field
 * the checks need that is missing or of the wrong type is refused ({@link LiveInputError}, `DFE151`, one
 * line per problem), any other is a {@link LiveFieldProblem} of the automation. The input's size,
 * nesting and number of automations are bounded ({@link LIVE_LIMITS}).
 */
export function readLiveAutomations(text: string, origin: string): LiveAutomation[] {
  const json = parseLiveJson(text, origin);
  const items = itemsOf(json);
  if (items === undefined) {
    throw new LiveInputError("DFE150", [
      `${origin} holds neither an automation nor a list of them: expected an object with \`id\` and \`properties\`, an array, ` +
        `\`{ "value": [...] }\` (REST) or \`{ "data": [...] }\` (Resource Graph), got ${got(json)}.`,
    ]);
  }
  if (items.length > LIVE_LIMITS.automations) {
    throw new LiveInputError("DFE155", [
      `${origin} holds ${items.length} automations; the command reads at most ${LIVE_LIMITS.automations} at a time. Split the input (e.g. per management group or subscription).`,
    ]);
  }
  const single = items.length === 1 && !Array.isArray(json);
  const problems: string[] = [];
  const read: LiveAutomation[] = [];
  let tooLarge: string | undefined;
  items.forEach((item, i) => {
    const where = single ? origin : `${origin}, item ${i + 1}`;
    const one = readOne(item, where);
    if ("problems" in one) problems.push(...one.problems);
    else if ("tooLarge" in one) tooLarge ??= one.tooLarge;
    else read.push(one);
  });
  if (tooLarge) throw new LiveInputError("DFE155", [tooLarge]);
  if (problems.length > 0) throw new LiveInputError("DFE151", problems);
  return read;
}

function itemsOf(json: unknown): unknown[] | undefined {
  if (Array.isArray(json)) return json;
  if (!isObject(json)) return undefined;
  const value = own(json, "value");
  if (Array.isArray(value)) return value;
  const data = own(json, "data");
  if (Array.isArray(data)) return data;
  if (own(json, "properties") !== undefined || own(json, "id") !== undefined) return [json];
  return undefined;
}

/** Reads one item: the automation, or every problem that keeps it from being read. */
function readOne(item: unknown, where: string): LiveAutomation | { problems: string[] } | { tooLarge: string } {
  if (!isObject(item)) return { problems: [`${where} is not an object (an automation), got ${got(item)}.`] };
  const type = own(item, "type");
  if (type !== undefined && (typeof type !== "string" || type.toLowerCase() !== AUTOMATION_TYPE)) {
    return {
      problems: [
        `${where} is ${typeof type === "string" ? `a ${type}` : `of type ${got(type)}`}, not an automation (Microsoft.Security/automations).`,
      ],
    };
  }
  const id = own(item, "id");
  const match = typeof id === "string" ? AUTOMATION_ID.exec(id) : null;
  if (typeof id !== "string" || !match) {
    return {
      problems: [
        `${where} has no automation id (/subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.Security/automations/<name>), got ${got(id)}.`,
      ],
    };
  }
  const at = `${where} (${id})`;
  const props = own(item, "properties");
  if (!isObject(props)) return { problems: [`${at}: \`properties\` must be an object, got ${got(props)}.`] };

  const fields = new FieldReader(at);
  const sources = fields.list(own(props, "sources"), "properties.sources", false, (s, path) => readSource(fields, s, path));
  const actions = fields.list(own(props, "actions"), "properties.actions", false, (a, path) => readAction(fields, a, path));
  const scopes = fields.list(own(props, "scopes") ?? [], "properties.scopes", true, (s, path) => readScope(fields, s, path));
  const isEnabled = fields.optional(own(props, "isEnabled"), "properties.isEnabled", "boolean", "true or false");
  const description = fields.optional(own(props, "description"), "properties.description", "string", "text");
  const location = fields.optional(own(item, "location"), "location", "string", "a region as text");
  const tags = readTags(fields, own(item, "tags"));
  const [, subscriptionId, resourceGroupName, name] = match;
  const givenName = fields.optional(own(item, "name"), "name", "string", "the automation's name as text");
  if (typeof givenName === "string" && givenName.toLowerCase() !== name.toLowerCase()) {
    fields.problem("name", `\`name\` is ${got(givenName)} but the id names ${got(name)}: give the automation as Azure returns it.`);
  }
  if (fields.unreadable.length > 0 || !sources) return { problems: fields.unreadable };
  const rules = sources.reduce((n, s) => n + (s.ruleSets ?? []).reduce((m, set) => m + (set.rules ?? []).length, 0), 0);
  if (rules > LIVE_LIMITS.rulesPerAutomation) {
    return {
      tooLarge: `${at} has ${rules} rules; the command reads at most ${LIVE_LIMITS.rulesPerAutomation} per automation (the API's own automations hold far fewer).`,
    };
  }

  const view = readLiveAutomation({
    id,
    name,
    subscriptionId,
    location,
    isEnabled,
    description,
    scopes: scopes ?? [],
    sources,
    actions: actions ?? [],
  });
  return {
    id,
    name,
    subscriptionId: subscriptionId.toLowerCase(),
    resourceGroupName,
    location: typeof location === "string" ? location : "",
    tags,
    view,
    fieldProblems: fields.problems,
  };
}

/** A live automation's fields, each type-checked by the live reader. */
interface CheckedAutomation {
  readonly id: string;
  readonly name: string;
  readonly subscriptionId: string;
  readonly location: unknown;
  readonly isEnabled: unknown;
  readonly description: unknown;
  readonly scopes: ReadonlyArray<{ scopePath: string }>;
  readonly sources: readonly CheckedSource[];
  readonly actions: readonly ActionView[];
}
interface CheckedSource {
  eventSource: string;
  ruleSets: Array<{ rules: RuleView[] | null }> | null;
}

/**
 * The live reader: the view the checks take, from a live automation's checked fields. Its address is
 * its ARM id; the REST API's rules apply to it, as to what the azapi writer writes.
 */
function readLiveAutomation(a: CheckedAutomation): AutomationView {
  return {
    address: a.id,
    writer: AZAPI_WRITER,
    name: a.name,
    subscriptionId: subscriptionOf(`/subscriptions/${a.subscriptionId}`),
    location: typeof a.location === "string" ? a.location : undefined,
    enabled: a.isEnabled !== false,
    description: typeof a.description === "string" ? a.description : undefined,
    scopes: a.scopes.map((x) => x.scopePath),
    sources: a.sources.map((s) => ({ eventSource: s.eventSource, ruleSets: (s.ruleSets ?? []).map((set) => set.rules ?? []) })),
    actions: a.actions,
  };
}

function readSource(fields: FieldReader, s: JsonObject, path: string): CheckedSource {
  const eventSource = fields.required(own(s, "eventSource"), `${path}.eventSource`);
  const sets = own(s, "ruleSets");
  const ruleSets =
    sets === undefined || sets === null
      ? null
      : (fields.list(sets, `${path}.ruleSets`, true, (set, setPath) => {
          const rules = own(set, "rules");
          if (rules === undefined || rules === null) return { rules: null };
          return {
            rules:
              fields.list(rules, `${setPath}.rules`, true, (r, rulePath) => ({
                propertyJPath: fields.required(own(r, "propertyJPath"), `${rulePath}.propertyJPath`),
                operator: fields.required(own(r, "operator"), `${rulePath}.operator`),
                expectedValue: fields.required(own(r, "expectedValue"), `${rulePath}.expectedValue`),
                propertyType: fields.required(own(r, "propertyType"), `${rulePath}.propertyType`),
              })) ?? [],
          };
        }) ?? []);
  return { eventSource, ruleSets };
}

function readAction(fields: FieldReader, a: JsonObject, path: string): ActionView {
  const actionType = fields.required(own(a, "actionType"), `${path}.actionType`);
  const kind = DestinationKind.ofActionType(actionType);
  // An action type the service does not know (DFC004): whichever resource id it carries, for the message.
  const resourceId = kind
    ? fields.required(own(a, kind.resourceIdProperty), `${path}.${kind.resourceIdProperty}`)
    : (DestinationKind.ALL.map((k) => own(a, k.resourceIdProperty)).find((v): v is string => typeof v === "string") ?? "");
  const trusted = fields.optional(own(a, "isTrustedServiceEnabled"), `${path}.isTrustedServiceEnabled`, "boolean", "true or false");
  let secret: string | undefined;
  for (const property of ["connectionString", "uri"]) {
    const value = fields.optional(own(a, property), `${path}.${property}`, "string", "text (Azure leaves it out of reads)");
    if (typeof value === "string" && kind?.secretProperty === property) secret = value;
  }
  return { actionType, resourceId, secret, trusted: trusted === true };
}

function readScope(fields: FieldReader, s: JsonObject, path: string): { scopePath: string } {
  fields.optional(own(s, "description"), `${path}.description`, "string", "text");
  return { scopePath: fields.required(own(s, "scopePath"), `${path}.scopePath`) };
}

function readTags(fields: FieldReader, value: unknown): { readonly [key: string]: string } {
  const tags: { [key: string]: string } = Object.create(null);
  if (value === undefined || value === null) return tags;
  if (!isObject(value)) {
    fields.problem("tags", `\`tags\` must be an object of texts, got ${got(value)}.`);
    return tags;
  }
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (typeof v === "string") Object.defineProperty(tags, key, { value: v, enumerable: true });
    else fields.problem(`tags[${JSON.stringify(key)}]`, `the tag ${JSON.stringify(key)} must have a text value, got ${got(v)}.`);
  }
  return tags;
}

/** Reads fields with their types checked, collecting what is wrong rather than stopping at the first. */
class FieldReader {
  /** Problems that keep the automation from being read (the checks need these fields). */
  public readonly unreadable: string[] = [];
  /** Problems of fields the checks can do without: findings. */
  public readonly problems: LiveFieldProblem[] = [];

  constructor(private readonly at: string) {}

  /** Text the checks need. */
  required(value: unknown, path: string): string {
    if (typeof value === "string") return value;
    this.unreadable.push(`${this.at}: \`${path}\` must be text, got ${got(value)}.`);
    return "";
  }

  /** A list of objects the checks need, each read by `each`; undefined when it is not one. */
  list<T>(value: unknown, path: string, mayBeEmpty: boolean, each: (item: JsonObject, path: string) => T): T[] | undefined {
    if (!Array.isArray(value) || (value.length === 0 && !mayBeEmpty)) {
      this.unreadable.push(`${this.at}: \`${path}\` must be a ${mayBeEmpty ? "" : "non-empty "}list of objects, got ${got(value)}.`);
      return undefined;
    }
    const out: T[] = [];
    value.forEach((item, i) => {
      if (isObject(item)) out.push(each(item, `${path}[${i}]`));
      else this.unreadable.push(`${this.at}: \`${path}[${i}]\` must be an object, got ${got(item)}.`);
    });
    return out;
  }

  /** A field the checks can do without: absent or null is fine, another type is a problem (and the value is not used). */
  optional(value: unknown, path: string, type: "string" | "boolean", words: string): unknown {
    if (value === undefined || value === null || typeof value === type) return value ?? undefined;
    this.problem(path, `\`${path}\` must be ${words}, got ${got(value)}; the command does not guess what it means. Fix it in Azure.`);
    return undefined;
  }

  problem(field: string, message: string): void {
    this.problems.push({ field, message });
  }
}
