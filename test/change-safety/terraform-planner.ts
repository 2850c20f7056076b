import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FORCE_NEW, META_ARGUMENTS, providerValue } from "./force-new";
import { Action, PlannedAddress, StackPlan } from "./planner";

/**
 * Terraform's own planner, offline, as a check of the model in planner.ts: every resource of a stack's
 * JSON becomes the built-in `terraform_data` (no provider download) with its force-new arguments in
 * `triggers_replace` and the others in `input`, `for_each` and the locals it reads kept; references,
 * `depends_on`, `moved`, `removed` and `import` blocks are rewritten alike. Terraform applies the before configuration, then plans the after
 * one; its resource changes are read back as the model's actions.
 */
export function terraformAvailable(): boolean {
  try {
    execFileSync("terraform", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

type Json = { [key: string]: any };

/** The stand-in address of a resource address. */
const standIn = (address: string) => `terraform_data.${address.replace(".", "__")}`;
const original = (address: string) => address.replace(/^terraform_data\./, "").replace("__", ".");

/** The stand-in configuration of a stack's Terraform JSON. */
export function standInConfig(json: Json): Json {
  const resources: Json = {};
  const rewrite = (value: unknown): unknown => rewriteReferences(value, json);
  for (const [type, byName] of Object.entries(json.resource ?? {})) {
    const forceNew = FORCE_NEW[type] ?? ["*"];
    for (const [name, body] of Object.entries(byName as Json)) {
      const triggers: Json = {};
      const input: Json = {};
      for (const [attribute, value] of Object.entries(body as Json)) {
        if (META_ARGUMENTS.has(attribute)) continue;
        const v =
          type === "azapi_resource" && attribute === "type" ? String(value).split("@")[0].toLowerCase() : rewrite(providerValue(attribute, value));
        (forceNew.includes("*") || forceNew.includes(attribute) ? triggers : input)[attribute] = v;
      }
      // ignore_changes: the argument takes one constant value on both sides, set in the config or not (a
      // force-new one too: Terraform neither updates nor replaces for an ignored argument).
      const ignored: string[] = (body as Json).lifecycle?.ignore_changes ?? [];
      for (const a of ignored) delete triggers[a];
      const lifecycle = {
        ...((body as Json).lifecycle?.prevent_destroy ? { prevent_destroy: true } : {}),
        // A whole-object attribute: an ignored argument is kept out of `input` by value (see below).
      };
      for (const a of ignored) input[a] = "(ignored)";
      resources[`${type}__${name}`] = {
        ...((body as Json).for_each !== undefined ? { for_each: (body as Json).for_each } : {}),
        input,
        ...(Object.keys(triggers).length ? { triggers_replace: triggers } : {}),
        ...(Object.keys(lifecycle).length ? { lifecycle } : {}),
        ...((body as Json).depends_on ? { depends_on: (body as Json).depends_on.filter((d: string) => !d.startsWith("data.")).map(standIn) } : {}),
      };
    }
  }
  return {
    terraform: { required_version: ">= 1.7" },
    ...(json.locals ? { locals: json.locals } : {}),
    ...(Object.keys(resources).length ? { resource: { terraform_data: resources } } : {}),
    ...(json.moved ? { moved: json.moved.map((m: Json) => ({ from: standIn(m.from), to: standIn(m.to) })) } : {}),
    ...(json.removed ? { removed: json.removed.map((r: Json) => ({ from: standIn(r.from), lifecycle: r.lifecycle })) } : {}),
    ...(json.import ? { import: json.import.map((i: Json) => ({ to: standIn(i.to), id: String(i.id) })) } : {}),
  };
}

/** References to resources become references to their stand-ins (computed attributes to the stand-in's id); anything else external becomes a constant. */
function rewriteReferences(value: unknown, json: Json): unknown {
  if (typeof value === "string") {
    return value.replace(/\$\{([^}]*)\}/g, (_m, expression: string) => {
      const rewritten = expression
        .replace(/\bdata\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+(\.[A-Za-z0-9_\-.]+)?/g, (ref) => JSON.stringify(ref))
        .replace(/\bvar\.[A-Za-z0-9_-]+/g, (ref) => JSON.stringify(ref))
        .replace(
          /(?<![\w."-])((?:azurerm|azapi|azuread)_[a-z0-9_]*)\.([A-Za-z0-9_-]+)\.([a-z0-9_]+)((?:\[\d+\]|\.[a-z0-9_]+)*)/g,
          (_r, type: string, name: string, attribute: string, path: string) => {
            // A resource of another stack (cdktf reads it through remote state) is a constant here.
            if (!json.resource?.[type]?.[name]) return JSON.stringify(`${type}.${name}.${attribute}`);
            const own = json.resource[type][name][attribute];
            const forceNew = FORCE_NEW[type] ?? ["*"];
            // A computed attribute (an id, a key) is unknown exactly when its stand-in is created or replaced; ids keep their path shape.
            // (A nested computed attribute, such as identity[0].principal_id, the same.)
            if (own === undefined || typeof own === "object") return `"${("/${terraform_data." + type + "__" + name + ".id}").repeat(9)}"`;
            return forceNew.includes("*") || forceNew.includes(attribute)
              ? `terraform_data.${type}__${name}.triggers_replace.${attribute}${path}`
              : `terraform_data.${type}__${name}.output.${attribute}${path}`;
          },
        );
      return "${" + rewritten + "}";
    });
  }
  if (Array.isArray(value)) return value.map((v) => rewriteReferences(v, json));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewriteReferences(v, json)]));
  return value;
}

/** Terraform's plan of `after` against the state `before` leaves, as the model's actions. */
export function terraformPlan(before: Json | undefined, after: Json): StackPlan {
  const dir = mkdtempSync(join(tmpdir(), "dfe-plan-"));
  const env = { ...process.env, TF_CLI_CONFIG_FILE: join(dir, "empty.tfrc"), TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1" };
  const tf = (...args: string[]) => {
    try {
      return execFileSync("terraform", args, { cwd: dir, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
    } catch (e) {
      const stderr = String((e as { stderr?: string }).stderr ?? e);
      throw new Error(
        `terraform ${args[0]} failed: ${stderr
          .split("\n")
          .filter((l) => l.length < 300)
          .slice(0, 30)
          .join("\n")}`,
        { cause: e },
      );
    }
  };
  try {
    writeFileSync(join(dir, "empty.tfrc"), "");
    writeFileSync(join(dir, "main.tf.json"), JSON.stringify(standInConfig(before ?? {}), null, 1));
    tf("init", "-input=false", "-no-color");
    tf("apply", "-input=false", "-no-color", "-auto-approve");
    writeFileSync(join(dir, "main.tf.json"), JSON.stringify(standInConfig(after), null, 1));
    tf("plan", "-input=false", "-no-color", "-out=plan.bin");
    const plan = JSON.parse(tf("show", "-json", "plan.bin"));
    const result: StackPlan = new Map();
    for (const change of plan.resource_changes ?? []) {
      const address = original(change.address);
      const actions: string[] = change.change.actions;
      const action: Action = change.change.importing
        ? "imported"
        : actions.includes("forget")
          ? "forgotten"
          : actions.includes("delete") && actions.includes("create")
            ? "replaced"
            : actions.includes("delete")
              ? "destroyed"
              : actions.includes("create")
                ? "created"
                : actions.includes("update")
                  ? "updated"
                  : "kept";
      const planned: PlannedAddress = { address, action, ...(change.previous_address ? { movedFrom: original(change.previous_address) } : {}) };
      result.set(address, planned);
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
