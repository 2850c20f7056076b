import { BuiltInExportPolicy, Export } from "../../lib";
import { FilterDeclaration } from "../../lib/model/filter";
import { EXPORT_DECLARATIONS } from "../../lib/model/filters";
import { plainSources } from "../../lib/live/meaning";
import { rebuildExports } from "../../lib/live/rebuild";
import { toAutomationSources } from "../../lib/model/sources";

/**
 * Every typed filter is declared once (lib/model/filters.ts); these tests enumerate the declarations, so a
 * filter added there is checked through the factories, the importer's rebuild and the policy mapping.
 */
const everyFilter = EXPORT_DECLARATIONS.flatMap((d) =>
  (d.filters as unknown as ReadonlyArray<FilterDeclaration<unknown>>).map((f) => ({ d, f, name: `${d.factory}: ${f.field}` })),
);
const make = (factory: string, options: object): Export => (Export as unknown as Record<string, (o: object) => Export>)[factory](options);

test("the declarations cover every factory of Export and every data type once", () => {
  const factories = Object.getOwnPropertyNames(Export).filter(
    (k) => typeof (Export as unknown as Record<string, unknown>)[k] === "function" && !["everything", "sourcesOf", "declared"].includes(k),
  );
  expect(EXPORT_DECLARATIONS.map((d) => d.factory).sort()).toEqual(factories.sort());
  expect(new Set(EXPORT_DECLARATIONS.map((d) => d.dataType)).size).toBe(EXPORT_DECLARATIONS.length);
  expect(everyFilter.length).toBeGreaterThanOrEqual(12);
});

describe.each(everyFilter)("$name", ({ d, f }) => {
  const values = f.examples;

  test("the factory writes one rule set per value, on the declared path and operator, named as declared", () => {
    const e = make(d.factory, { [f.option]: [...values] });
    expect(e.ruleSets).toHaveLength(new Set(values).size);
    for (const set of e.ruleSets) {
      expect(set.rules).toHaveLength(1);
      expect(set.rules[0].propertyJPath).toBe(f.path);
      expect(set.rules[0].operator).toBe(f.operator);
    }
    expect(e.ruleSets.map((s) => s.rules[0].expectedValue).sort()).toEqual([...new Set(values.map(f.ruleValue))].sort());
    expect(e.filters).toEqual([{ field: f.field, values: expect.arrayContaining(values.map(f.name ?? f.text)) }]);
  });

  test("each value's rule value is recognized back as a value that writes the same rule", () => {
    for (const v of values) {
      const back = f.recognize(f.ruleValue(v));
      expect(back).toBeDefined();
      expect(f.ruleValue(back as never)).toBe(f.ruleValue(v));
      expect(f.recognize(f.ruleValue(v).toUpperCase())).toBeDefined();
    }
  });

  test.each([1, 2])("factory → rule sets → rebuild gives the same typed filter (%i values)", (count) => {
    const e = make(d.factory, { [f.option]: values.slice(-count) });
    const rebuilt = rebuildExports(plainSources(toAutomationSources([e])));
    if ("refused" in rebuilt) throw new Error(rebuilt.refused);
    expect(rebuilt.exports).toHaveLength(1);
    const [back] = rebuilt.exports;
    expect(back.typed).toBe(true);
    expect(back.export.dataType).toBe(d.dataType);
    expect(back.export.filters).toEqual(e.filters);
    expect(back.code).toMatch(new RegExp(`\\b(${f.option}${f.minimum ? `|${f.minimum.option}` : ""}): `));
  });

  test("it maps to a policy parameter, or says why the built-in policies cannot express it", () => {
    // The second value: Informational alerts and Critical recommendations are limits of the policy's severities, not of the filter.
    const value = values[1] ?? values[0];
    const { unsupported, parameters } = BuiltInExportPolicy.parametersFor([make(d.factory, { [f.option]: [value] })]);
    if ("parameter" in f.policy) {
      expect(unsupported).toEqual([]);
      expect(parameters[f.policy.parameter]).toEqual([(f.name ?? f.text)(value)]);
    } else {
      expect(f.policy.unmappable.length).toBeGreaterThan(20);
      expect(unsupported.join("\n")).toMatch(d.dataType.needsApi2023 ? d.dataType.portalName : `filtered by ${f.field}`);
    }
  });
});

test("a factory refuses options no declaration names, listing the declared ones", () => {
  for (const d of EXPORT_DECLARATIONS) {
    const declared = d.filters.map((f) => `\`${f.option}\``);
    expect(() => make(d.factory, { colour: ["red"] })).toThrow(/DFE009/);
    try {
      make(d.factory, { colour: ["red"] });
    } catch (e) {
      for (const option of declared) expect(String(e)).toContain(option);
    }
  }
});
