import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { AutomationView, ResourceJson } from "../writers/automation-view";
import { instancesOf } from "../writers/instances";
import { readAutomation } from "../writers/writer";
import { ruleSetsInWords } from "../model/rule-words";
import { LiveAutomation } from "./arm-input";
import { sourceInWords } from "./explain";
import { PlainSource, meaningOf } from "./meaning";

/** An automation of a synthesized stack, where it can be told. */
export interface CodeAutomation {
  /** The stack and Terraform address (with the instance key of a `for_each`). */
  readonly address: string;
  /** Its ARM id, when subscription, resource group and name are literal. @default undefined: known at apply only */
  readonly id?: string;
  readonly view: AutomationView;
}

/** How one automation compares. */
export interface DriftEntry {
  /** `same`, `changed`, `only-live` or `only-code`. */
  readonly status: "same" | "changed" | "only-live" | "only-code";
  /** The ARM id (lower case where only the code knows it). */
  readonly id: string;
  /** The stack address, for automations in code. @default undefined (only live) */
  readonly address?: string;
  /** What differs, in words (for `changed`). */
  readonly changes: string[];
}

/** The result of `diff`. */
export interface DriftReport {
  readonly entries: DriftEntry[];
  /** Automations of the code whose id is a token (known at apply only): not compared. */
  readonly unresolved: string[];
  readonly drift: boolean;
}

/** Reads every automation of the synthesized stacks under a `cdktf.out` folder (`stacks/<id>/cdk.tf.json`). Throws with a message when there is none. */
export function readSynthesizedAutomations(outdir: string): CodeAutomation[] {
  const stacks = join(outdir, "stacks");
  if (!existsSync(stacks) || !statSync(stacks).isDirectory()) {
    throw new Error(`${outdir} holds no synthesized stacks (expected ${stacks}/<stack>/cdk.tf.json): run \`cdktf synth\` first.`);
  }
  const out: CodeAutomation[] = [];
  for (const stack of readdirSync(stacks).sort()) {
    const file = join(stacks, stack, "cdk.tf.json");
    if (!existsSync(file)) continue;
    const json = JSON.parse(readFileSync(file, "utf8")) as ResourceJson;
    for (const [type, byName] of Object.entries((json.resource ?? {}) as ResourceJson)) {
      for (const [name, body] of Object.entries(byName as ResourceJson)) {
        for (const instance of instancesOf(`${type}.${name}`, body as ResourceJson, json.locals)) {
          const view = readAutomation(instance.address, instance.json);
          if (!view) continue;
          const group = literal(instance.json.resource_group_name ?? String(instance.json.parent_id ?? "").split("/")[4], json);
          const id =
            view.subscriptionId && group && !view.name.includes("${")
              ? `/subscriptions/${view.subscriptionId}/resourceGroups/${group}/providers/Microsoft.Security/automations/${view.name}`
              : undefined;
          out.push({ address: `${stack}: ${instance.address}`, id, view });
        }
      }
    }
  }
  return out;
}

/** A literal value, or the literal `name` of the resource a reference points at; undefined for anything known at apply only. */
function literal(value: unknown, json: ResourceJson): string | undefined {
  const text = String(value ?? "");
  if (!text.includes("${")) return text || undefined;
  const ref = /^\$\{([a-z_]+)\.([A-Za-z0-9_-]+)\.name\}$/.exec(text);
  const name = ref && json.resource?.[ref[1]]?.[ref[2]]?.name;
  return typeof name === "string" && !name.includes("${") ? name : undefined;
}

/**
 * Compares live automations with those of the code by meaning (the importer's meaning: rule-set and rule order,
 * case of values and absent vs empty rule sets mean nothing): same, changed (which sources and rule sets, which
 * destinations, enabled, scopes, in words), only live, only in code. Destinations whose id the code knows only at
 * apply (a reference) are not compared.
 */
export function diffAutomations(live: readonly LiveAutomation[], code: readonly CodeAutomation[]): DriftReport {
  const byId = new Map(code.flatMap((c) => (c.id ? [[c.id.toLowerCase(), { ...c, id: c.id }] as const] : [])));
  const entries: DriftEntry[] = [];
  const seen = new Set<string>();
  for (const a of live) {
    const key = a.id.toLowerCase();
    const c = byId.get(key);
    if (!c) {
      entries.push({ status: "only-live", id: a.id, changes: [] });
      continue;
    }
    seen.add(key);
    const changes = [...sourceChanges(a.view.sources, c.view.sources), ...otherChanges(a.view, c.view)];
    entries.push({ status: changes.length === 0 ? "same" : "changed", id: a.id, address: c.address, changes });
  }
  for (const [key, c] of byId) if (!seen.has(key)) entries.push({ status: "only-code", id: c.id, address: c.address, changes: [] });
  const unresolved = code.filter((c) => !c.id).map((c) => c.address);
  return { entries, unresolved, drift: entries.some((e) => e.status !== "same") };
}

function sourceChanges(live: readonly PlainSource[], code: readonly PlainSource[]): string[] {
  const names = [...new Set([...live, ...code].map((s) => s.eventSource))].sort();
  const changes: string[] = [];
  for (const source of names) {
    const l = live.filter((s) => s.eventSource === source);
    const c = code.filter((s) => s.eventSource === source);
    if (l.length === 0) changes.push(`${sourceInWords(source)}: exported by the code, not live (code: ${words(source, c)})`);
    else if (c.length === 0) changes.push(`${sourceInWords(source)}: exported live, not by the code (live: ${words(source, l)})`);
    else if (meaningOf(l) !== meaningOf(c))
      changes.push(`${sourceInWords(source)}: live exports ${words(source, l)}; the code exports ${words(source, c)}`);
  }
  return changes;
}

function words(source: string, sources: readonly PlainSource[]): string {
  return sources.some((s) => (s.ruleSets ?? []).length === 0)
    ? "every record"
    : ruleSetsInWords(
        source,
        sources.flatMap((s) => s.ruleSets),
      );
}

function otherChanges(live: AutomationView, code: AutomationView): string[] {
  const changes: string[] = [];
  if (live.enabled !== code.enabled) changes.push(`enabled: live ${live.enabled}, code ${code.enabled}`);
  const scopes = (v: AutomationView) =>
    v.scopes
      .map((s) => s.toLowerCase())
      .sort()
      .join(", ");
  if (code.scopes.every((s) => !s.includes("${")) && scopes(live) !== scopes(code))
    changes.push(`scopes: live ${scopes(live)}, code ${scopes(code)}`);
  const actions = (v: AutomationView) =>
    v.actions
      .map((x) => `${x.actionType} ${x.resourceId.toLowerCase()}${x.trusted ? " (trusted service)" : ""}`)
      .sort()
      .join("; ");
  if (code.actions.every((x) => !x.resourceId.includes("${")) && actions(live) !== actions(code)) {
    changes.push(`destinations: live ${actions(live)}; code ${actions(code)}`);
  }
  return changes;
}
