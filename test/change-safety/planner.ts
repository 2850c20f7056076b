import { META_ARGUMENTS, forcesNew, providerValue } from "./force-new";
import { instancesOf } from "../../lib/writers/instances";

/**
 * A model of what `terraform plan` does with a configuration change, for the Terraform JSON cdktf
 * writes: the "before" configuration is taken as applied (its resources, imports included, are in the
 * state, with the values of its configuration), then the "after" configuration is planned against it.
 *
 * It follows Terraform's rules: `moved` blocks rename state addresses first; an address in both is
 * replaced when a force-new argument (see force-new.ts) changes or becomes unknown (a reference to a
 * resource that is itself created or replaced), updated in place when another argument changes, kept
 * otherwise; `lifecycle.ignore_changes` hides arguments from the comparison; an address only in the
 * after configuration is imported when an `import` block names it, else created; an address only in
 * the state is forgotten when a `removed` block with `destroy = false` names it, else destroyed.
 */
export type Action = "kept" | "updated" | "replaced" | "destroyed" | "forgotten" | "created" | "imported";

/** The plan of one address. */
export interface PlannedAddress {
  readonly address: string;
  readonly action: Action;
  /** For moved addresses: where the state came from. */
  readonly movedFrom?: string;
  /** For replaced ones: the force-new arguments that changed; for updated ones: the arguments that changed. */
  readonly because?: string[];
}

/** A stack's plan: one entry per address in the state or the after configuration. */
export type StackPlan = Map<string, PlannedAddress>;

type Json = { [key: string]: any };
const UNKNOWN = "(known after apply)";

/** Plans `after` against the state that applying `before` leaves. Either may be undefined (no stack). */
export function planStack(before: Json | undefined, after: Json | undefined): StackPlan {
  const state = new Map<string, Json>(resourceEntries(before));
  const config = new Map<string, Json>(resourceEntries(after));
  const movedFrom = new Map<string, string>();
  for (const { from, to } of asList(after?.moved)) {
    if (state.has(from) && !state.has(to)) {
      state.set(to, state.get(from)!);
      state.delete(from);
      // A chain (a → b → c) moves from where the state was: Terraform reports `a` as c's previous address.
      movedFrom.set(to, movedFrom.get(from) ?? from);
      movedFrom.delete(from);
    }
  }
  const renamedInState = new Map([...movedFrom].map(([to, from]) => [from, to]));
  const imports = new Set(asList(after?.import).map((i) => i.to as string));
  const removed = new Map(asList(after?.removed).map((r) => [r.from as string, r.lifecycle?.destroy !== false]));
  const plan: StackPlan = new Map();

  const actionOf = (address: string, trail: string[] = []): PlannedAddress => {
    const done = plan.get(address);
    if (done) return done;
    if (trail.includes(address)) throw new Error(`reference cycle: ${[...trail, address].join(" -> ")}`);
    const now = config.get(address)!;
    const was = state.get(address);
    let planned: PlannedAddress;
    if (!was) {
      planned = { address, action: imports.has(address) ? "imported" : "created" };
    } else {
      const type = address.split(".")[0];
      const ignored = ignoredAttributes(now);
      const changed = attributeNames(was, now)
        .filter((name) => !META_ARGUMENTS.has(name) && !ignored.has(name))
        .filter(
          (name) =>
            canonical(type, name, now[name], (ref) => valueOfReference(ref, [...trail, address]), "after") !==
            canonical(type, name, was[name], (ref) => stateValueOfReference(ref), "before"),
        );
      const forcing = changed.filter((name) => forcesNew(type, name));
      planned =
        forcing.length > 0
          ? { address, action: "replaced", because: forcing }
          : { address, action: changed.length > 0 ? "updated" : "kept", because: changed.length > 0 ? changed : undefined };
    }
    if (movedFrom.has(address)) planned = { ...planned, movedFrom: movedFrom.get(address) };
    plan.set(address, planned);
    return planned;
  };

  /** The planned value of `type.name.attr` in the after configuration: its config value, or unknown when it is computed by a resource being created or replaced. */
  const valueOfReference = (ref: Reference, trail: string[]): string => {
    const target = config.get(ref.address);
    if (!target) return `${ref.address}.${ref.attribute}`;
    const own = target[ref.attribute];
    if (own !== undefined && typeof own !== "object") return canonical("", ref.attribute, own, (r) => valueOfReference(r, trail), "after");
    const { action } = actionOf(ref.address, trail);
    return action === "created" || action === "replaced" ? UNKNOWN : `${ref.address}.${ref.attribute}`;
  };

  /** The value a reference had in the state: its config value then, or the (possibly moved) address. */
  const stateValueOfReference = (ref: Reference): string => {
    const address = renamedInState.get(ref.address) ?? ref.address;
    const target = state.get(address);
    const own = target?.[ref.attribute];
    if (own !== undefined && typeof own !== "object") return canonical("", ref.attribute, own, stateValueOfReference, "before");
    return `${address}.${ref.attribute}`;
  };

  for (const address of config.keys()) actionOf(address);
  for (const address of state.keys()) {
    if (config.has(address)) continue;
    const destroy = removed.get(address) ?? removed.get(address.replace(/\[[^[\]]*\]$/, ""));
    plan.set(address, {
      address,
      action: destroy === false ? "forgotten" : "destroyed",
      ...(movedFrom.has(address) ? { movedFrom: movedFrom.get(address) } : {}),
    });
  }
  return plan;
}

/** Every address of a stack's Terraform JSON with its arguments (resources only, not data sources; `for_each` instances expanded). */
function resourceEntries(json: Json | undefined): Array<[string, Json]> {
  return Object.entries(json?.resource ?? {}).flatMap(([type, byName]) =>
    Object.entries(byName as Json).flatMap(([name, body]) =>
      instancesOf(`${type}.${name}`, body as Json, json?.locals).map((i): [string, Json] => [i.address, i.json]),
    ),
  );
}

function asList(value: unknown): Json[] {
  return Array.isArray(value) ? value : value ? [value as Json] : [];
}

function attributeNames(a: Json, b: Json): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])];
}

function ignoredAttributes(body: Json): Set<string> {
  const list = body.lifecycle?.ignore_changes;
  if (list === "all") return new Set(Object.keys(body));
  return new Set(asList(list).map(String));
}

interface Reference {
  readonly address: string;
  readonly attribute: string;
}

const REFERENCE = /(?<![\w.-])((?:azurerm|azapi|azuread|terraform)_[a-z0-9_]*)\.([A-Za-z0-9_-]+)\.([a-z0-9_]+)/g;

/**
 * A value as a string in which every resource reference is replaced by what it stands for (its
 * configured value, a stable symbolic name, or unknown), so that equal strings mean an equal planned value.
 */
function canonical(type: string, name: string, value: unknown, resolve: (ref: Reference) => string, _side: string): string {
  if (value === undefined || value === null) return "null";
  if (type === "azapi_resource" && name === "type" && typeof value === "string") return value.split("@")[0].toLowerCase();
  value = providerValue(name, value);
  const text = JSON.stringify(value, (_k, v) => (v && typeof v === "object" && !Array.isArray(v) ? sortedObject(v) : v));
  let unknown = false;
  const replaced = text.replace(
    /\$\{([^}]*)\}/g,
    (_m, expression: string) =>
      "${" +
      expression.replace(REFERENCE, (_r, rtype: string, rname: string, attribute: string) => {
        const v = resolve({ address: `${rtype}.${rname}`, attribute });
        if (v === UNKNOWN) unknown = true;
        return v;
      }) +
      "}",
  );
  if (unknown) return UNKNOWN;
  // A lone reference that resolved to a literal stands for that literal.
  return replaced.replace(/"\$\{"((?:[^"\\]|\\.)*)"\}"/g, (_m, inner: string) => `"${inner}"`);
}

function sortedObject(o: Json): Json {
  return Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]]),
  );
}
