import { Operator, PropertyType, Rule, RuleSet } from "../../lib";
import { ExportConfigError } from "../../lib/model/errors";
import { errorOf } from "../helpers";

describe("Rule", () => {
  test("writes the exact enum values the provider accepts (case-sensitive)", () => {
    const rule = Rule.raw("properties.score.current", Operator.GREATER_THAN_OR_EQUAL_TO, "0.5", PropertyType.NUMBER);
    expect([rule.operator.value, rule.propertyType.value]).toEqual(["GreaterThanOrEqualTo", "Number"]);
    expect(Rule.equalTo("Severity", "high").propertyType.value).toBe("String");
  });

  test("parses operator and property type names case-insensitively and refuses unknown ones", () => {
    expect(Operator.of("lesserthan")).toBe(Operator.LESSER_THAN);
    expect(PropertyType.of("string")).toBe(PropertyType.STRING);
    expect(errorOf(() => Operator.of("Matches"))).toMatch(/DFE002.*unknown operator "Matches".*Equals, NotEquals/);
    expect(errorOf(() => PropertyType.of("Text"))).toMatch(/DFE001.*unknown property type "Text"/);
  });

  test.each([
    [Operator.GREATER_THAN, PropertyType.STRING, "5", /DFE005.*compares numbers only/],
    [Operator.CONTAINS, PropertyType.INTEGER, "5", /DFE005.*does not apply to numbers/],
    [Operator.EQUAL_TO, PropertyType.INTEGER, "5.5", /not a valid Integer/],
    [Operator.EQUAL_TO, PropertyType.NUMBER, "many", /not a valid Number/],
    [Operator.EQUAL_TO, PropertyType.BOOLEAN, "yes", /not a valid Boolean/],
    [Operator.EQUAL_TO, PropertyType.STRING, "", /not a valid String/],
  ])("refuses %s on %s with %p", (op, type, value, message) => {
    const e = (() => {
      try {
        Rule.raw("x", op, value, type);
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(ExportConfigError);
    expect((e as Error).message).toMatch(message);
  });

  test("refuses a JPath with surrounding spaces or none at all", () => {
    expect(errorOf(() => Rule.equalTo(" Severity", "high"))).toMatch(/DFE003/);
    expect(errorOf(() => Rule.equalTo("", "high"))).toMatch(/DFE003/);
  });

  test("refuses a value that is not text", () => {
    expect(errorOf(() => Rule.raw("x", Operator.EQUAL_TO, 5 as unknown as string, PropertyType.INTEGER))).toMatch(/DFE004.*must be text/);
  });

  test("refuses an operator or type given as a plain string", () => {
    expect(errorOf(() => Rule.raw("x", "Equals" as unknown as Operator, "a"))).toMatch(/DFE002.*Operator.of/);
    expect(errorOf(() => Rule.raw("x", Operator.EQUAL_TO, "a", "String" as unknown as PropertyType))).toMatch(/DFE001.*PropertyType.of/);
  });
});

describe("RuleSet", () => {
  test("refuses ANDed Equals rules with different values on one path (case-insensitive)", () => {
    const message = errorOf(() => RuleSet.of(Rule.equalTo("Severity", "high"), Rule.equalTo("severity", "medium")));
    expect(message).toMatch(/DFE006/);
    expect(message).toMatch(/can never all hold/);
    expect(message).toMatch(/own rule set/);
  });

  test("refuses Equals x AND NotEquals x on one path", () => {
    expect(errorOf(() => RuleSet.of(Rule.equalTo("Severity", "High"), Rule.raw("Severity", Operator.NOT_EQUALS, "high")))).toMatch(
      /DFE006.*contradict/,
    );
  });

  test("accepts Equals rules on different paths and the same Equals rule twice (kept once)", () => {
    const set = RuleSet.of(Rule.equalTo("Severity", "high"), Rule.equalTo("AlertType", "X"), Rule.equalTo("severity", "HIGH"));
    expect(set.rules.map(String)).toEqual(['Severity Equals "high" (String)', 'AlertType Equals "X" (String)']);
  });

  test("refuses an empty rule set and things that are not rules", () => {
    expect(errorOf(() => RuleSet.of())).toMatch(/DFE007/);
    expect(errorOf(() => RuleSet.of({ propertyJPath: "x" } as unknown as Rule))).toMatch(/DFE003/);
  });

  test("and() checks the combined rules", () => {
    const a = RuleSet.of(Rule.equalTo("Severity", "high"));
    expect(a.andAlso(RuleSet.of(Rule.contains("AlertDisplayName", "SQL"))).rules).toHaveLength(2);
    expect(errorOf(() => a.andAlso(RuleSet.of(Rule.equalTo("Severity", "low"))))).toMatch(/DFE006/);
  });
});
