import { BRANDS } from "./brand";
import { checkSafeText } from "./text";
import { ExportConfigError, describeValue } from "./errors";

/** The type the service compares a rule's value as (`propertyType` in the REST API). */
export class PropertyType {
  /** Text; comparison is case-insensitive. */
  public static readonly STRING = new PropertyType("String");
  /** A whole number. */
  public static readonly INTEGER = new PropertyType("Integer");
  /** A decimal number. */
  public static readonly NUMBER = new PropertyType("Number");
  /** `true` or `false`. */
  public static readonly BOOLEAN = new PropertyType("Boolean");

  /** Every property type. */
  public static readonly ALL: PropertyType[] = [PropertyType.STRING, PropertyType.INTEGER, PropertyType.NUMBER, PropertyType.BOOLEAN];

  /** Parses a property type by its API name (case-insensitive); throws for anything else. */
  public static of(value: string): PropertyType {
    const found = PropertyType.ALL.find((t) => t.value.toLowerCase() === String(value).toLowerCase());
    if (!found) {
      throw new ExportConfigError("DFE001", `unknown property type "${value}". Use one of: ${PropertyType.ALL.map((t) => t.value).join(", ")}.`);
    }
    return found;
  }

  /** The API value. */
  public toString(): string {
    return this.value;
  }

  /** Whether values of this type are numbers. */
  public get isNumeric(): boolean {
    return this === PropertyType.INTEGER || this === PropertyType.NUMBER;
  }

  private constructor(
    /** The exact value the API and the azurerm provider accept (case-sensitive in the provider). */
    public readonly value: string,
  ) {
    BRANDS.value.mark(this);
  }
}

/** How a rule compares the property with its expected value. */
export class Operator {
  /** Equal (case-insensitive for strings). */
  public static readonly EQUAL_TO = new Operator("Equals", "any");
  /** Not equal. */
  public static readonly NOT_EQUALS = new Operator("NotEquals", "any");
  /** Greater than; numeric types only. */
  public static readonly GREATER_THAN = new Operator("GreaterThan", "numeric");
  /** Greater than or equal to; numeric types only. */
  public static readonly GREATER_THAN_OR_EQUAL_TO = new Operator("GreaterThanOrEqualTo", "numeric");
  /** Less than; numeric types only. */
  public static readonly LESSER_THAN = new Operator("LesserThan", "numeric");
  /** Less than or equal to; numeric types only. */
  public static readonly LESSER_THAN_OR_EQUAL_TO = new Operator("LesserThanOrEqualTo", "numeric");
  /** Substring match; non-numeric types only. */
  public static readonly CONTAINS = new Operator("Contains", "text");
  /** Prefix match; non-numeric types only. */
  public static readonly STARTS_WITH = new Operator("StartsWith", "text");
  /** Suffix match; non-numeric types only. */
  public static readonly ENDS_WITH = new Operator("EndsWith", "text");

  /** Every operator. */
  public static readonly ALL: Operator[] = [
    Operator.EQUAL_TO,
    Operator.NOT_EQUALS,
    Operator.GREATER_THAN,
    Operator.GREATER_THAN_OR_EQUAL_TO,
    Operator.LESSER_THAN,
    Operator.LESSER_THAN_OR_EQUAL_TO,
    Operator.CONTAINS,
    Operator.STARTS_WITH,
    Operator.ENDS_WITH,
  ];

  /** Parses an operator by its API name (case-insensitive); throws for anything else. */
  public static of(value: string): Operator {
    const found = Operator.ALL.find((o) => o.value.toLowerCase() === String(value).toLowerCase());
    if (!found) {
      throw new ExportConfigError("DFE002", `unknown operator "${value}". Use one of: ${Operator.ALL.map((o) => o.value).join(", ")}.`);
    }
    return found;
  }

  private constructor(
    /** The exact value the API and the azurerm provider accept. */
    public readonly value: string,
    private readonly appliesTo: "any" | "numeric" | "text",
  ) {
    BRANDS.value.mark(this);
  }

  /** The API value. */
  public toString(): string {
    return this.value;
  }

  /** Whether the service accepts this operator only for numeric property types. */
  public get numericOnly(): boolean {
    return this.appliesTo === "numeric";
  }

  /** Whether the service accepts this operator only for non-numeric property types. */
  public get textOnly(): boolean {
    return this.appliesTo === "text";
  }
}

/**
 * One condition on one property of an exported record (`AutomationTriggeringRule` in the REST API).
 *
 * Most users never build rules: the typed filters of {@link Export} do. `Rule.raw` is the escape
 * hatch for any JPath; the service does not check that a JPath exists, so a typo matches nothing.
 */
export class Rule {
  /**
   * A rule on any JPath.
   * @param propertyJPath the JPath of the property in the exported record, e.g. `Severity`
   * @param comparison how to compare (the API's `operator`)
   * @param expectedValue the value, as text (numbers and booleans too)
   * @param propertyType how the service reads the value @default PropertyType.STRING
   */
  public static raw(propertyJPath: string, comparison: Operator, expectedValue: string, propertyType?: PropertyType): Rule {
    return new Rule(propertyJPath, comparison, expectedValue, propertyType ?? PropertyType.STRING);
  }

  /** A string `Equals` rule. */
  public static equalTo(propertyJPath: string, expectedValue: string): Rule {
    return new Rule(propertyJPath, Operator.EQUAL_TO, expectedValue, PropertyType.STRING);
  }

  /** A string `Contains` rule. */
  public static contains(propertyJPath: string, expectedValue: string): Rule {
    return new Rule(propertyJPath, Operator.CONTAINS, expectedValue, PropertyType.STRING);
  }

  private constructor(
    /** The JPath of the compared property. */
    public readonly propertyJPath: string,
    /** The comparison (the API's `operator`). */
    public readonly operator: Operator,
    /** The expected value, always text as the API wants it. */
    public readonly expectedValue: string,
    /** How the service reads the value. */
    public readonly propertyType: PropertyType,
  ) {
    BRANDS.value.mark(this);
    checkRule(this);
  }

  /** A stable text form, used for de-duplication and in messages. */
  public toString(): string {
    return `${this.propertyJPath} ${this.operator.value} "${this.expectedValue}" (${this.propertyType.value})`;
  }
}

function checkRule(rule: Rule): void {
  if (!(rule.operator instanceof Operator) || !BRANDS.value.has(rule.operator)) {
    throw new ExportConfigError(
      "DFE002",
      `rule on "${rule.propertyJPath}": the operator must be an Operator (e.g. Operator.EQUAL_TO), got ${describeValue(rule.operator)}. ` +
        `Use Operator.of("Equals") to parse a name.`,
    );
  }
  if (!(rule.propertyType instanceof PropertyType) || !BRANDS.value.has(rule.propertyType)) {
    throw new ExportConfigError(
      "DFE001",
      `rule on "${rule.propertyJPath}": the property type must be a PropertyType (e.g. PropertyType.STRING), ` +
        `got ${describeValue(rule.propertyType)}. Use PropertyType.of("String") to parse a name.`,
    );
  }
  if (typeof rule.propertyJPath !== "string" || rule.propertyJPath.trim() === "" || rule.propertyJPath !== rule.propertyJPath.trim()) {
    throw new ExportConfigError(
      "DFE003",
      `a rule needs a JPath without surrounding spaces, got ${describeValue(rule.propertyJPath)}. Give the property's path, e.g. "Severity".`,
    );
  }
  if (typeof rule.expectedValue !== "string") {
    throw new ExportConfigError(
      "DFE004",
      `rule on "${rule.propertyJPath}": the expected value must be text, got ${describeValue(rule.expectedValue)}. ` +
        `Write numbers and booleans as text, e.g. "5" or "true".`,
    );
  }
  checkSafeText("propertyJPath", rule.propertyJPath);
  checkSafeText("expectedValue", rule.expectedValue);
  const { operator, propertyType, expectedValue } = rule;
  if (operator.numericOnly && !propertyType.isNumeric) {
    throw new ExportConfigError(
      "DFE005",
      `rule ${rule}: ${operator.value} compares numbers only. Use PropertyType.INTEGER or NUMBER, or a text ` +
        `operator (Equals, Contains, StartsWith, EndsWith).`,
    );
  }
  if (operator.textOnly && propertyType.isNumeric) {
    throw new ExportConfigError(
      "DFE005",
      `rule ${rule}: ${operator.value} does not apply to numbers. Use Equals, NotEquals, GreaterThan(OrEqualTo) or LesserThan(OrEqualTo).`,
    );
  }
  const valid =
    propertyType === PropertyType.INTEGER
      ? /^-?\d+$/.test(expectedValue)
      : propertyType === PropertyType.NUMBER
        ? expectedValue.trim() !== "" && Number.isFinite(Number(expectedValue))
        : propertyType === PropertyType.BOOLEAN
          ? /^(true|false)$/i.test(expectedValue)
          : expectedValue !== "";
  if (!valid) {
    throw new ExportConfigError(
      "DFE004",
      `rule ${rule}: "${expectedValue}" is not a valid ${propertyType.value} value. Give a value of that type as text.`,
    );
  }
}

/**
 * Rules that must all hold (AND). Several rule sets on one source are alternatives (OR).
 *
 * Two `Equals` rules on the same JPath with different values can never both hold; such a rule set is
 * refused (`DFE006`), since the export would deploy and send nothing.
 */
export class RuleSet {
  /** A rule set of the given rules, all of which must hold. */
  public static of(...rules: Rule[]): RuleSet {
    return new RuleSet(rules);
  }

  /** The rules, ANDed. */
  public readonly rules: Rule[];

  private constructor(rules: Rule[]) {
    BRANDS.value.mark(this);
    if (rules.length === 0) {
      throw new ExportConfigError(
        "DFE007",
        "an empty rule set matches everything and hides mistakes. Leave the filter out to export everything, or give at least one rule.",
      );
    }
    for (const r of rules) {
      if (!(r instanceof Rule) || !BRANDS.value.has(r)) {
        throw new ExportConfigError("DFE003", `a rule set takes Rule objects (Rule.raw, Rule.equalTo, …), got ${describeValue(r)}.`);
      }
    }
    this.rules = dedupe(rules);
    assertSatisfiable(this.rules);
  }

  /** This rule set ANDed with another: the rules of both. */
  public andAlso(other: RuleSet): RuleSet {
    return new RuleSet([...this.rules, ...other.rules]);
  }

  /** A stable text form, used for de-duplication and in messages. */
  public toString(): string {
    return this.rules.map((r) => r.toString()).join(" AND ");
  }
}

function dedupe(rules: Rule[]): Rule[] {
  const seen = new Set<string>();
  return rules.filter((r) => {
    const key = r.toString().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A rule in its plain form, as it stands in an automation resource. */
export interface PlainRule {
  /** The JPath. */
  readonly propertyJPath: string;
  /** The operator's API value, e.g. `Equals`. */
  readonly operator: string;
  /** The expected value. */
  readonly expectedValue: string;
}

/**
 * Why rules ANDed in one rule set can never all hold (Equals a AND Equals b, or Equals a AND NotEquals
 * a, on one path; compared case-insensitively as the service does), or undefined when they can.
 */
export function contradictionIn(rules: readonly PlainRule[]): string | undefined {
  const byPath = new Map<string, PlainRule[]>();
  for (const r of rules) {
    const key = r.propertyJPath.toLowerCase();
    const same = byPath.get(key);
    if (same) same.push(r);
    else byPath.set(key, [r]);
  }
  const text = (r: PlainRule) => `"${r.propertyJPath} ${r.operator} ${r.expectedValue}"`;
  for (const same of byPath.values()) {
    const equals = same.filter((r) => r.operator === Operator.EQUAL_TO.value);
    const values = new Set(equals.map((r) => r.expectedValue.toLowerCase()));
    if (values.size > 1) return `the rules ${equals.map(text).join(" AND ")} are ANDed in one rule set and can never all hold`;
    const negated = same.find((r) => r.operator === Operator.NOT_EQUALS.value && values.has(r.expectedValue.toLowerCase()));
    if (negated) return `the rules ${text(equals[0])} AND ${text(negated)} contradict each other`;
    // One accepted text, and a text test it fails (string comparison is case-insensitive).
    const only = equals[0]?.expectedValue.toLowerCase();
    const failing =
      only === undefined ? undefined : same.find((r) => !TEXT_TESTS[r.operator]?.(only, r.expectedValue.toLowerCase()) && r.operator in TEXT_TESTS);
    if (failing) return `the rules ${text(equals[0])} AND ${text(failing)} contradict each other`;
    const range = emptyRange(same);
    if (range) return `the rules ${range.map(text).join(" AND ")} leave no number that satisfies both`;
  }
  return undefined;
}

/** What a value accepted by Equals must also satisfy under each text operator. */
const TEXT_TESTS: { readonly [operator: string]: (value: string, expected: string) => boolean } = {
  Contains: (value, expected) => value.includes(expected),
  StartsWith: (value, expected) => value.startsWith(expected),
  EndsWith: (value, expected) => value.endsWith(expected),
};

/** A lower and an upper bound on one path that no number meets (e.g. `> 10` and `< 5`), if any. */
function emptyRange(rules: readonly PlainRule[]): PlainRule[] | undefined {
  const numeric = rules.filter((r) => !Number.isNaN(Number(r.expectedValue)) && r.expectedValue.trim() !== "");
  const lower = numeric.filter((r) => r.operator === Operator.GREATER_THAN.value || r.operator === Operator.GREATER_THAN_OR_EQUAL_TO.value);
  const upper = numeric.filter((r) => r.operator === Operator.LESSER_THAN.value || r.operator === Operator.LESSER_THAN_OR_EQUAL_TO.value);
  for (const lo of lower) {
    for (const hi of upper) {
      const [a, b] = [Number(lo.expectedValue), Number(hi.expectedValue)];
      const inclusive = lo.operator === Operator.GREATER_THAN_OR_EQUAL_TO.value && hi.operator === Operator.LESSER_THAN_OR_EQUAL_TO.value;
      if (a > b || (a === b && !inclusive)) return [lo, hi];
    }
  }
  return undefined;
}

/** Refuses rule sets that can never match. */
function assertSatisfiable(rules: readonly Rule[]): void {
  const contradiction = contradictionIn(
    rules.map((r) => ({ propertyJPath: r.propertyJPath, operator: r.operator.value, expectedValue: r.expectedValue })),
  );
  if (contradiction) {
    throw new ExportConfigError(
      "DFE006",
      `${contradiction}, so nothing would be exported. ` +
        "To accept any of these values, put each in its own rule set (rule sets are ORed), or use the typed filter, which does that for you; otherwise remove one of them.",
    );
  }
}
