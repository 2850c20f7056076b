import { contradictionIn } from "../../model/rule";
import { admits, dataTypeOfSource, knownPathsOf, knownValuesOf, nearestValue } from "../../model/value-sets";
import { pathMismatch } from "../../model/paths";
import { AutomationView, RuleView } from "../../writers/automation-view";

const NUMERIC_OPERATORS = ["GreaterThan", "GreaterThanOrEqualTo", "LesserThan", "LesserThanOrEqualTo"];
const TEXT_OPERATORS = ["Contains", "StartsWith", "EndsWith"];

/**
 * What a rule's value must look like for its property type, as the service parses it (the REST API's
 * `AutomationTriggeringRule.expectedValue` is text; `propertyType` says how it is read).
 */
const VALUE_OF_TYPE: { readonly [type: string]: { readonly test: (v: string) => boolean; readonly words: string } } = {
  integer: { test: (v) => /^-?\d+$/.test(v), words: 'a whole number written as text ("5")' },
  number: { test: (v) => v.trim() === v && v !== "" && Number.isFinite(Number(v)), words: 'a number written as text ("2.5")' },
  boolean: { test: (v) => /^(true|false)$/i.test(v), words: '"true" or "false"' },
};

/** A problem of a rule's value, type or path: each kind is one rule of the pack (DFC012 to DFC016). */
export interface RuleValueProblem {
  /** What is wrong: the first that applies to a rule (a type mismatch explains a value that matches nothing). */
  readonly kind: "typeMismatch" | "valueNotOfType" | "outsideValues" | "excludesEveryValue" | "nearPath";
  /** What is wrong and how to fix it. */
  readonly message: string;
}

/**
 * DFC012 to DFC016: what the values, types and paths of one automation's rules say against what the
 * exported records hold. Each finding is a rule that matches nothing (or everything) while the
 * service accepts it without a word.
 */
export function ruleValueProblems(a: AutomationView): RuleValueProblem[] {
  const findings: RuleValueProblem[] = [];
  const add = (kind: RuleValueProblem["kind"], message: string) => findings.push({ kind, message });
  for (const source of a.sources) {
    const dataType = dataTypeOfSource(source.eventSource);
    source.ruleSets.forEach((rules, i) => {
      const where = `${source.eventSource}, rule set ${i + 1}`;
      let explained = contradictionIn(rules) !== undefined;
      for (const rule of rules) {
        const text = `"${rule.propertyJPath} ${rule.operator} ${rule.expectedValue}"`;
        const type = rule.propertyType.toLowerCase();
        const numericType = type === "integer" || type === "number";
        const known = knownValuesOf(rule.propertyJPath, dataType);
        // DFC015: a numeric compare on text, a text compare on a number, or a number type on a path whose values are text.
        if (NUMERIC_OPERATORS.includes(rule.operator) && !numericType) {
          add(
            "typeMismatch",
            `${where}: ${text} compares numbers, but the property type is ${rule.propertyType}: it matches nothing. Use Integer or Number, or Equals.`,
          );
          explained = true;
          continue;
        }
        if (TEXT_OPERATORS.includes(rule.operator) && numericType) {
          add(
            "typeMismatch",
            `${where}: ${text} is a text test on a ${rule.propertyType}: the service refuses it. Use Equals or a numeric comparison.`,
          );
          explained = true;
          continue;
        }
        if (known && type !== "string") {
          add(
            "typeMismatch",
            `${where}: ${rule.propertyJPath} holds text (${known.join(", ")}), but the rule reads it as ${rule.propertyType}: it matches nothing. Use String.`,
          );
          explained = true;
          continue;
        }
        // DFC014: a value that is not of its property type.
        const shape = VALUE_OF_TYPE[type];
        if (shape && !shape.test(rule.expectedValue)) {
          add(
            "valueNotOfType",
            `${where}: ${text} is read as ${rule.propertyType}, and ${JSON.stringify(rule.expectedValue)} is not ${shape.words}: it matches nothing.`,
          );
          explained = true;
          continue;
        }
        // DFC012: a value outside the closed set of its path (misspelt, padded, of another scale).
        const matchesNothing = known !== undefined && !known.some((k) => admits(rule, k));
        const excludesNothing = known !== undefined && rule.operator === "NotEquals" && known.every((k) => admits(rule, k));
        if (known && (matchesNothing || excludesNothing)) {
          const near = nearestValue(rule.expectedValue, known);
          add(
            "outsideValues",
            `${where}: ${JSON.stringify(rule.expectedValue)} is not a value of ${rule.propertyJPath} (${known.join(", ")}), so ${text} ` +
              `${rule.operator === "NotEquals" ? "excludes nothing" : "matches nothing"}.${near ? ` Write "${near}".` : ""}`,
          );
          explained = true;
        }
      }
      // DFC013: every rule is plausible alone, but together they let no known value through.
      if (!explained) {
        const excluded = closedPathsExcludingAll(rules, dataType);
        if (excluded)
          add(
            "excludesEveryValue",
            `${where}: no value of ${excluded} passes every rule of the set (${rules.map((r) => `${r.operator} ${r.expectedValue}`).join(" AND ")}), so it exports nothing. ` +
              `Rules in a set are ANDed: keep the values you want, each in its own rule set.`,
          );
      }
      // DFC016: a JPath that is a near miss of a known one of this data type.
      for (const rule of rules) {
        const near = dataType && !pathMismatch(rule.propertyJPath, dataType) ? nearPath(rule.propertyJPath, knownPathsOf(dataType)) : undefined;
        if (near)
          add(
            "nearPath",
            `${where}: the JPath "${rule.propertyJPath}" is not one ${dataType?.portalName.toLowerCase()} have; the service does not check paths, ` +
              `so the rule matches nothing. Write "${near}".`,
          );
      }
    });
  }
  return findings;
}

function closedPathsExcludingAll(rules: readonly RuleView[], dataType: ReturnType<typeof dataTypeOfSource>): string | undefined {
  for (const path of new Set(rules.map((r) => r.propertyJPath))) {
    const known = knownValuesOf(path, dataType);
    const onPath = rules.filter((r) => r.propertyJPath === path);
    if (known && !known.some((value) => onPath.every((r) => admits(r, value)))) return path;
  }
  return undefined;
}

/**
 * The known path a JPath was meant to be: padded, or the same last segment under another parent
 * (`riskLevel`, `properties.riskLevel` for `attackPath.riskLevel`). A path that differs only in letter
 * case is left alone: whether the service compares paths case-insensitively is not documented.
 */
function nearPath(path: string, known: readonly string[]): string | undefined {
  if (known.some((k) => k.toLowerCase() === path.toLowerCase())) return undefined;
  const last = (p: string) => p.trim().split(".").pop()?.toLowerCase();
  return known.find((k) => k.toLowerCase() === path.trim().toLowerCase() || last(k) === last(path));
}
