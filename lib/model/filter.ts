import { BRANDS } from "./brand";
import { DataType } from "./data-type";
import { Dimension, dimension } from "./dimension";
import { ExportConfigError, describeValue } from "./errors";
import { Operator, Rule } from "./rule";
import { checkSafeText } from "./text";

/** A parameter of Microsoft's built-in export policies that a typed filter maps to. */
export type PolicyParameter =
  "alertSeverities" | "recommendationNames" | "recommendationSeverities" | "secureScoreControlsNames" | "regulatoryComplianceStandardsNames";

/** A class of filter values (`AlertSeverity`, `Recommendation`, …): checked on input, named in generated code. */
export interface ValueClass<T> {
  /** The class's prototype: values must come from it. */
  readonly prototype: T;
  /** The class's name, as messages and generated code write it. */
  readonly name: string;
  /** For ranked values: every value from `minimum` up. */
  atLeast?(minimum: T): T[];
}

/**
 * One typed filter of one data type, declared once: the factories (`Export.alerts`, …), the importer's
 * rebuild of live rule sets (`live/rebuild.ts`) and the policy mapping (`policy/parameters.ts`) all derive
 * from it. Adding a filter here is the whole change; the tests enumerate every declaration.
 */
export interface FilterDeclaration<T = unknown> {
  /** The field in words (`severity`), as `Export.filters`, summaries and the policy's messages name it. */
  readonly field: string;
  /** The factory option that lists the accepted values (`severities`). */
  readonly option: string;
  /**
   * For ranked values: the option that gives the lowest accepted value (`minimumSeverity`), and the values
   * records of this data type carry, lowest first (`narrower`: fewer than the class knows, others refused).
   * @default no minimum option
   */
  readonly minimum?: { readonly option: string; readonly scale: readonly T[]; readonly narrower?: boolean };
  /** The JPath the rules are written on. */
  readonly path: string;
  /** An option that overrides the JPath, checked and read by `pathFrom` (attack paths' `riskLevelPath`). @default the path is fixed */
  readonly pathOption?: { readonly option: string; readonly pathFrom: (options: FilterOptions) => string };
  /** `Equals` or `Contains`, on a text property. */
  readonly operator: Operator;
  /** The rule value a filter value writes. */
  readonly ruleValue: (value: T) => string;
  /** The value in words, in `Export.filterText`. */
  readonly text: (value: T) => string;
  /** The value's name in `Export.filters` (policy parameters take it). @default text */
  readonly name?: (value: T) => string;
  /**
   * Where values come from: a class (its constants are named in generated code; `make` builds any other
   * value from its rule value's text), or `text` for a list of plain texts.
   */
  readonly values: { readonly type: ValueClass<T>; readonly make?: { readonly method: string; readonly argument: (value: T) => string } } | "text";
  /** A live rule value read back as the filter value that writes it, or undefined when none does. */
  readonly recognize: (ruleValue: string) => T | undefined;
  /** The policy parameter it maps to, or why the built-in policies cannot express it. */
  readonly policy: { readonly parameter: PolicyParameter } | { readonly unmappable: string };
  /** Values for documentation and tests (any of them makes a valid filter). */
  readonly examples: readonly T[];
}

/** The options a factory takes, as the declarations read them. */
export type FilterOptions = { readonly [option: string]: unknown };

/** One factory of `Export` (one data type), with its typed filters. */
export interface ExportDeclaration {
  /** The factory's name on `Export` (`alerts`). */
  readonly factory: "alerts" | "recommendations" | "findings" | "secureScore" | "secureScoreControls" | "regulatoryCompliance" | "attackPaths";
  /** The data type it exports. */
  readonly dataType: DataType;
  /** A record of the data type in words, in messages (`alert`). */
  readonly noun: string;
  /** The typed filters, in the order their rules are written (and their options listed). */
  readonly filters: readonly FilterDeclaration<never>[];
  /** Options besides the filters' (findings' `withParents`). @default none */
  readonly otherOptions?: readonly string[];
  /** Findings: checks the options and gives the parent recommendations to add (undefined: none). @default no parents */
  readonly parentsOf?: (options: FilterOptions) => readonly unknown[] | undefined;
  /**
   * Options a rebuilt export starts with: live sources are rebuilt as they run (findings without the
   * parents the library adds; the rebuild adds them back where the live parents match).
   * @default none
   */
  readonly rebuiltWith?: ReadonlyArray<readonly [string, boolean]>;
}

/** A declaration with its value type, for tables. */
export function filter<T>(declaration: FilterDeclaration<T>): FilterDeclaration<never> {
  return declaration as unknown as FilterDeclaration<never>;
}

/** Every option a factory takes, in the order messages list them. */
export function optionsOf(declaration: ExportDeclaration): string[] {
  return [
    ...declaration.filters.flatMap((f) => [f.option, ...(f.minimum ? [f.minimum.option] : []), ...(f.pathOption ? [f.pathOption.option] : [])]),
    ...(declaration.otherOptions ?? []),
  ];
}

/**
 * The dimensions the options make, one per declared filter (undefined where the option is not given).
 * Ranked lists and minimums are resolved first, then each filter in order.
 */
export function dimensionsOf(declaration: ExportDeclaration, options: FilterOptions): Array<Dimension | undefined> {
  const filters = declaration.filters as unknown as ReadonlyArray<FilterDeclaration<unknown>>;
  const picked = filters.map((f) =>
    f.minimum && f.values !== "text"
      ? pickRanked(
          options[f.option] as unknown[] | undefined,
          options[f.minimum.option],
          f.values.type,
          declaration.noun,
          f.minimum.narrower ? f.minimum.scale : undefined,
        )
      : undefined,
  );
  return filters.map((f, i) => {
    const values = f.minimum ? picked[i] : f.values === "text" ? texts(options[f.option], f.option) : (options[f.option] as unknown[] | undefined);
    const path = f.pathOption ? f.pathOption.pathFrom(options) : f.path;
    const toRule = f.operator === Operator.CONTAINS ? Rule.contains : Rule.equalTo;
    return dimension(
      f.field,
      path,
      values,
      (v) => toRule(path, f.ruleValue(v)),
      f.text,
      f.values === "text" ? undefined : f.values.type,
      f.name ?? f.text,
    );
  });
}

function pickRanked<T>(list: T[] | undefined, minimum: T | undefined, kind: ValueClass<T>, what: string, scale?: readonly T[]): T[] | undefined {
  if (list !== undefined && minimum !== undefined) {
    throw new ExportConfigError("DFE014", `${what} export: give the list of accepted severities or the minimum, not both.`);
  }
  if (minimum !== undefined && (!Object.prototype.isPrototypeOf.call(kind.prototype, minimum as object) || !BRANDS.value.has(minimum))) {
    throw new ExportConfigError(
      "DFE020",
      `${what} export: \`minimumSeverity\` must be one of the ${kind.name} constants, got ${describeValue(minimum)}.`,
    );
  }
  const picked = minimum === undefined ? list : (kind.atLeast as (m: T) => T[])(minimum);
  if (scale === undefined || picked === undefined || !Array.isArray(picked)) return picked;
  // A data type whose records carry fewer severities than the class knows (findings: no Critical).
  const outside = picked.filter((s) => Object.prototype.isPrototypeOf.call(kind.prototype, s as object) && !scale.includes(s));
  const named = (values: readonly T[]) => values.map((s) => (s as { name?: string }).name).join(", ");
  if (minimum !== undefined && outside.length === picked.length) {
    throw new ExportConfigError(
      "DFE170",
      `${what} export: no ${what} has severity ${named(outside)} or higher: ${what}s carry ${named(scale)} (the sub-assessment REST model, ` +
        `API 2019-01-01-preview), so nothing would be exported. Use \`minimumSeverity: Severity.HIGH\`, or export recommendations of that severity.`,
    );
  }
  if (minimum !== undefined) return picked.filter((s) => !outside.includes(s));
  if (outside.length > 0) {
    throw new ExportConfigError(
      "DFE170",
      `${what} export: ${what}s have no ${named(outside)} severity: they carry ${named(scale)} (the sub-assessment REST model, API 2019-01-01-preview). ` +
        `Leave ${named(outside)} out of \`severities\`; Critical is a recommendation severity (Export.recommendations).`,
    );
  }
  return picked;
}

function texts(values: unknown, field: string): string[] | undefined {
  // A list known only at apply cannot become one rule set per value.
  if (values !== undefined && (!Array.isArray(values) || values.some((v) => typeof v === "string" && v.startsWith("#{TfToken[")))) {
    throw new ExportConfigError("DFE022", `\`${field}\` takes a list of texts, got ${describeValue(values)}.`);
  }
  (values as unknown[] | undefined)?.forEach((v) => {
    if (typeof v !== "string" || v.trim() === "") {
      throw new ExportConfigError("DFE022", `\`${field}\` takes non-empty texts, got ${describeValue(v)}.`);
    }
    checkSafeText(field, v);
  });
  return values as string[] | undefined;
}
