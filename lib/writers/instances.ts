import { ResourceJson } from "./automation-view";

/** One instance of a resource: its address and its arguments. */
export interface ResourceInstance {
  /** `type.name`, or `type.name["key"]` for an instance of a `for_each` resource. */
  readonly address: string;
  /** Its arguments, with `each.key` and `each.value` substituted. */
  readonly json: ResourceJson;
}

/**
 * The instances of a resource as Terraform would expand them: one per key of its `for_each` map when the
 * map is literal or a local of the stack (`each.key`, and `each.value` where it is a string, or its text
 * fields `each.value.<field>` where it is an object, substituted in every argument), else the resource itself. A `for_each` over anything else (a variable, another
 * resource) is known only at plan: the resource is read as it is.
 */
export function instancesOf(address: string, json: ResourceJson, locals: ResourceJson = {}): ResourceInstance[] {
  const forEach = json.for_each;
  if (forEach === undefined) return [{ address, json }];
  const local = typeof forEach === "string" ? /^\$\{local\.([A-Za-z0-9_-]+)\}$/.exec(forEach) : null;
  const map: unknown = local ? locals[local[1]] : forEach;
  if (map === null || typeof map !== "object" || Array.isArray(map)) return [{ address, json }];
  const { for_each: _iterated, ...rest } = json;
  return Object.entries(map as ResourceJson).map(([key, value]) => ({
    address: `${address}[${JSON.stringify(key)}]`,
    json: substituted(rest, key, value) as ResourceJson,
  }));
}

function substituted(value: unknown, key: string, eachValue: unknown): unknown {
  if (typeof value === "string") {
    const withKey = value.split("${each.key}").join(key);
    if (typeof eachValue === "string") return withKey.split("${each.value}").join(eachValue);
    // An object value: its text fields, `${each.value.<field>}`.
    return eachValue && typeof eachValue === "object"
      ? withKey.replace(/\$\{each\.value\.([A-Za-z0-9_]+)\}/g, (whole, field: string) => {
          const v = (eachValue as ResourceJson)[field];
          return typeof v === "string" ? v : whole;
        })
      : withKey;
  }
  if (Array.isArray(value)) return value.map((v) => substituted(v, key, eachValue));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituted(v, key, eachValue)]));
  return value;
}
