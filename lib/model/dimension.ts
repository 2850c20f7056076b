import { BRANDS } from "./brand";
import { ExportConfigError, describeValue } from "./errors";
import { Rule, RuleSet } from "./rule";

/**
 * One filtered field: its accepted alternatives (ORed), each a list of rules (ANDed).
 * A typed filter has one rule per alternative; a `where` filter has one rule set per alternative.
 */
export interface Dimension {
  /** The field in words, e.g. `severity`. */
  readonly field: string;
  /** The JPaths this filter writes. */
  readonly paths: readonly string[];
  /** The accepted alternatives. */
  readonly alternatives: ReadonlyArray<readonly Rule[]>;
  /** The filter in words, e.g. `severity is High or Medium`. */
  readonly text: string;
  /** The accepted values by name (severity names, assessment keys, …), for other routes such as Azure Policy. */
  readonly values: readonly string[];
}

/**
 * A typed filter over `values` (undefined: no filter). Each value becomes its own alternative, so
 * several values of one field are ORed rule sets, never ANDed `Equals` rules.
 */
export function dimension<T>(
  field: string,
  path: string,
  values: readonly T[] | undefined,
  toRule: (value: T) => Rule,
  toText: (value: T) => string,
  kind?: { readonly prototype: T; readonly name: string },
  toName: (value: T) => string = toText,
): Dimension | undefined {
  if (values === undefined) return undefined;
  if (!Array.isArray(values) || values.length === 0) {
    throw new ExportConfigError(
      "DFE013",
      `the ${field} filter is an empty list, which would match nothing. Leave it out to accept every ${field}, or list at least one value.`,
    );
  }
  if (kind) {
    const foreign = values.find((v) => !Object.prototype.isPrototypeOf.call(kind.prototype, v as object) || !BRANDS.value.has(v));
    if (foreign !== undefined) {
      throw new ExportConfigError(
        "DFE020",
        `the ${field} filter takes ${kind.name} values (e.g. ${kind.name}.of(…)), got ${describeValue(foreign)}.`,
      );
    }
  }
  // The order of accepted values means nothing, so it must not show in the output: ranked values
  // (severities, risk levels) go lowest first, others by name.
  const unique = [...new Set(values)].sort((a, b) => compareValues(a, b, toName));
  return {
    field,
    paths: [path],
    alternatives: unique.map((v) => [toRule(v)]),
    text: `${field} is ${unique.map(toText).join(" or ")}`,
    values: unique.map(toName),
  };
}

function compareValues<T>(a: T, b: T, toName: (value: T) => string): number {
  const rank = (v: T) => (v as { rank?: unknown }).rank;
  const [ra, rb] = [rank(a), rank(b)];
  if (typeof ra === "number" && typeof rb === "number") return ra - rb;
  const [na, nb] = [toName(a), toName(b)];
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** Every combination of one alternative per dimension, as rule sets; none when there is no filter. */
export function crossProduct(dimensions: readonly Dimension[]): RuleSet[] {
  if (dimensions.length === 0) return [];
  let partial: Rule[][] = [[]];
  for (const d of dimensions) {
    partial = partial.flatMap((rules) => d.alternatives.map((alt) => [...rules, ...alt]));
  }
  return partial.map((rules) => RuleSet.of(...rules));
}

/** The dimensions in words, joined with "and". */
export function describeDimensions(dimensions: readonly Dimension[]): string {
  return dimensions.map((d) => d.text).join(" and ");
}
