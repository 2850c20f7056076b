import fc from "fast-check";
import { Export, Operator, PropertyType, Rule, RuleSet } from "../../lib";
import { EXPORT_DECLARATIONS } from "../../lib/model/filters";
import { PlainSource, meaningOf, plainSources } from "../../lib/live/meaning";
import { rebuildExports } from "../../lib/live/rebuild";
import { toAutomationSources } from "../../lib/model/sources";

/**
 * Property tests of the import's rebuilding: whatever this library can write, read back in any order and
 * case, rebuilds into exports that write sources of the same meaning; raw rule sets too.
 */
const subset = <T>(values: readonly T[]) => fc.option(fc.subarray([...values], { minLength: 1 }), { nil: undefined });
const timing = fc.constantFrom({}, { streaming: false, snapshot: true }, { snapshot: true });
// Every factory with every typed filter, from their one declaration: a filter added there is generated here too.
const typed = fc.oneof(
  ...EXPORT_DECLARATIONS.map((d) =>
    fc
      .tuple(
        fc.record(Object.fromEntries(d.filters.map((f) => [f.option, subset(f.examples as readonly unknown[])]))),
        d.dataType.snapshotSource ? timing : fc.constant({}),
      )
      .map(([o, t]) => (Export[d.factory] as (options: object) => Export)({ ...o, ...t })),
  ),
);
const raw = fc
  .array(
    fc.array(
      fc.record({
        path: fc.constantFrom("$.Entity.AssessmentType", "properties.displayName", "Severity", "properties.score.percentage"),
        operator: fc.constantFrom(...Operator.ALL.filter((o) => !o.textOnly || true)),
        value: fc.constantFrom("x", "High", "0.5", "contoso"),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    { minLength: 1, maxLength: 3 },
  )
  .chain((sets) =>
    fc.constantFrom(Export.alerts, Export.recommendations, Export.secureScore).map((factory) => {
      try {
        return factory({
          where: sets.map((set) =>
            RuleSet.of(...set.map((r) => Rule.raw(r.path, r.operator, r.value, r.operator.textOnly ? PropertyType.STRING : PropertyType.NUMBER))),
          ),
        });
      } catch {
        return undefined; // a combination the model refuses is not something this library writes
      }
    }),
  )
  .filter((e): e is Export => e !== undefined);

/** Sources as Azure might return them: rule sets and rules in any order, values in any case, empty rule sets as null or absent. */
const asReturned = (sources: PlainSource[]) =>
  fc.tuple(fc.infiniteStream(fc.boolean()), fc.infiniteStream(fc.nat())).map(([flips, picks]) => {
    const shuffle = <T>(list: readonly T[]) =>
      [...list]
        .map((x) => [picks.next().value, x] as const)
        .sort((a, b) => a[0] - b[0])
        .map(([, x]) => x);
    return shuffle(sources).map((s) => ({
      eventSource: s.eventSource,
      ruleSets:
        s.ruleSets.length === 0 && flips.next().value
          ? (null as unknown as [])
          : shuffle(s.ruleSets).map((set) =>
              shuffle(set).map((r) => ({ ...r, expectedValue: flips.next().value ? r.expectedValue.toUpperCase() : r.expectedValue })),
            ),
    }));
  });

const written = (exports: readonly Export[]) => plainSources(toAutomationSources([...exports]));

describe("rebuilding live sources as exports", () => {
  test("whatever the typed filters write, read back in any order and case, rebuilds into exports that mean the same", () => {
    fc.assert(
      fc.property(
        fc.array(typed, { minLength: 1, maxLength: 4 }).chain((exports) => asReturned(written(exports)).map((live) => ({ exports, live }))),
        ({ live }) => {
          const rebuilt = rebuildExports(live);
          if ("refused" in rebuilt) throw new Error(rebuilt.refused);
          expect(meaningOf(written(rebuilt.exports.map((e) => e.export)))).toBe(meaningOf(live));
        },
      ),
      { numRuns: 300 },
    );
  });

  test("a single typed export comes back typed, never as raw rules", () => {
    fc.assert(
      fc.property(typed, (e) => {
        const rebuilt = rebuildExports(written([e]));
        if ("refused" in rebuilt) throw new Error(rebuilt.refused);
        expect(rebuilt.exports.every((x) => x.typed)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  test("raw rule sets round-trip too, as raw rules or typed ones that mean the same", () => {
    fc.assert(
      fc.property(
        raw.chain((e) => asReturned(written([e]))),
        (live) => {
          const rebuilt = rebuildExports(live);
          if ("refused" in rebuilt) throw new Error(rebuilt.refused);
          expect(meaningOf(written(rebuilt.exports.map((e) => e.export)))).toBe(meaningOf(live));
        },
      ),
      { numRuns: 200 },
    );
  });

  test("meaning ignores order, case of values, and absent versus empty rule sets; it sees a changed value", () => {
    const a: PlainSource[] = [
      { eventSource: "Alerts", ruleSets: [[{ propertyJPath: "Severity", operator: "Equals", expectedValue: "high", propertyType: "String" }]] },
      { eventSource: "SecureScores", ruleSets: [] },
    ];
    const b: PlainSource[] = [
      { eventSource: "SecureScores", ruleSets: null as unknown as [] },
      { eventSource: "Alerts", ruleSets: [[{ propertyJPath: "severity", operator: "Equals", expectedValue: "HIGH", propertyType: "string" }]] },
    ];
    expect(meaningOf(a)).toBe(meaningOf(b));
    const c = [{ ...a[0], ruleSets: [[{ ...a[0].ruleSets[0][0], expectedValue: "medium" }]] }, a[1]];
    expect(meaningOf(c)).not.toBe(meaningOf(a));
    const d = [{ ...a[0], ruleSets: [[{ ...a[0].ruleSets[0][0], operator: "equals" }]] }, a[1]];
    expect(meaningOf(d)).not.toBe(meaningOf(a));
  });
});
