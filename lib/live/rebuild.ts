import { AssessmentState, ComplianceStandard, DefenderPlan, Recommendation, SecureScoreControl } from "../model/catalogue";
import { DataType } from "../model/data-type";
import { ExportConfigError } from "../model/errors";
import { Export } from "../model/export";
import { isGuid } from "../model/guid";
import { JPATHS, holdsForEveryRecord } from "../model/paths";
import { Operator, PropertyType, Rule, RuleSet } from "../model/rule";
import { AlertSeverity, AttackPathRiskLevel, Severity } from "../model/severity";
import { toAutomationSources } from "../model/sources";
import { RuleView } from "../writers/automation-view";
import { codeLiteral } from "./code-literal";
import { PlainSource, meaningOf, plainSources } from "./meaning";

/** A value with the TypeScript that gives it. */
interface Coded {
  readonly value: unknown;
  readonly code: string;
}

/** One export rebuilt from live rule sets, with the TypeScript that builds it. */
export interface RebuiltExport {
  /** The export. */
  readonly export: Export;
  /** `Export.alerts({ … })`, as TypeScript. */
  readonly code: string;
  /** Whether the typed filters say it (else raw rules, `where`). */
  readonly typed: boolean;
  /** The classes of the package the code names. */
  readonly names: readonly string[];
  /** The factory and options it was built from (to build it again with other options). */
  readonly source: { readonly factory: Factory; readonly options: ReadonlyArray<[string, Coded]> };
}

/** Live sources rebuilt as exports that mean exactly the same, or why they cannot be. */
export type Rebuilt = { readonly exports: RebuiltExport[] } | { readonly refused: string };

/** A typed filter of a factory: the option, the rule it writes, and how a rule value maps back. */
interface Field {
  readonly option: string;
  readonly path: string;
  readonly operator: Operator;
  readonly parse: (value: string) => Coded | undefined;
  /** For severities: the scale, so that a contiguous top range reads as `minimumOption`. */
  readonly scale?: { readonly all: readonly { rank: number }[]; readonly minimumOption: string; readonly className: string; readonly owner: object };
}

/** A factory of `Export`, by data type, with its typed filters. */
interface Factory {
  readonly name: string;
  /** Options every rebuilt export of this factory starts with (findings: no parents added, see {@link rebuildExports}). */
  readonly fixed?: ReadonlyArray<[string, Coded]>;
  readonly dataType: DataType;
  readonly fields: readonly Field[];
  readonly build: (options: object) => Export;
}

/** The TypeScript of a catalogue constant (`AlertSeverity.HIGH`), or undefined for a value no constant holds. */
function constant(owner: object, className: string, value: unknown): Coded | undefined {
  const key = Object.entries(owner).find(([k, v]) => v === value && /^[A-Z][A-Z0-9_]*$/.test(k))?.[0];
  return key ? { value, code: `${className}.${key}` } : undefined;
}

const text = (value: string): Coded => ({ value, code: codeLiteral(value) });

function ranked<T extends { ruleValue: string }>(all: readonly T[], owner: object, className: string) {
  return (value: string) =>
    constant(
      owner,
      className,
      all.find((s) => s.ruleValue.toLowerCase() === value.toLowerCase()),
    );
}

function severityField(
  option: string,
  path: string,
  all: readonly { ruleValue: string; rank: number }[],
  owner: object,
  className: string,
  minimumOption: string,
): Field {
  return { option, path, operator: Operator.EQUAL_TO, parse: ranked(all, owner, className), scale: { all, minimumOption, className, owner } };
}

/** The catalogue constant that matches, or else the value the fallback makes (`X.of("…")`). */
function knownOr(owner: object, className: string, matches: (value: unknown) => boolean, fallback: () => Coded): Coded {
  const known = Object.values(owner).find(matches);
  return (known !== undefined && constant(owner, className, known)) || fallback();
}

function recommendation(key: string | undefined): Coded | undefined {
  if (!key || !isGuid(key)) return undefined;
  return knownOr(
    Recommendation,
    "Recommendation",
    (r) => r instanceof Recommendation && r.assessmentKey.toLowerCase() === key.toLowerCase(),
    () => ({ value: Recommendation.of(key), code: `Recommendation.of(${codeLiteral(key)})` }),
  );
}

const FACTORIES: readonly Factory[] = [
  {
    name: "alerts",
    dataType: DataType.ALERTS,
    build: (o) => Export.alerts(o),
    fields: [
      severityField("severities", JPATHS.alertSeverity, AlertSeverity.ALL, AlertSeverity, "AlertSeverity", "minimumSeverity"),
      {
        option: "plans",
        path: JPATHS.alertPlan,
        operator: Operator.EQUAL_TO,
        parse: (v) =>
          knownOr(
            DefenderPlan,
            "DefenderPlan",
            (p: unknown) => p instanceof DefenderPlan && p.productComponentName.toLowerCase() === v.toLowerCase(),
            () => ({ value: DefenderPlan.custom(v), code: `DefenderPlan.custom(${codeLiteral(v)})` }),
          ),
      },
      { option: "alertTypes", path: JPATHS.alertType, operator: Operator.EQUAL_TO, parse: text },
      { option: "displayNameContains", path: JPATHS.alertDisplayName, operator: Operator.CONTAINS, parse: text },
    ],
  },
  {
    name: "recommendations",
    dataType: DataType.RECOMMENDATIONS,
    build: (o) => Export.recommendations(o),
    fields: [
      { option: "recommendations", path: JPATHS.recommendationName, operator: Operator.CONTAINS, parse: recommendation },
      severityField("severities", JPATHS.recommendationSeverity, Severity.ALL, Severity, "Severity", "minimumSeverity"),
      {
        option: "states",
        path: JPATHS.assessmentState,
        operator: Operator.EQUAL_TO,
        parse: (v) =>
          constant(
            AssessmentState,
            "AssessmentState",
            AssessmentState.ALL.find((s) => s.code.toLowerCase() === v.toLowerCase()),
          ),
      },
    ],
  },
  {
    name: "findings",
    dataType: DataType.FINDINGS,
    fixed: [["withParents", { value: false, code: "false" }]],
    build: (o) => Export.findings(o),
    fields: [
      {
        option: "recommendations",
        path: JPATHS.findingParent,
        operator: Operator.CONTAINS,
        parse: (v) => recommendation(/^\/assessments\/([^/]+)\/$/i.exec(v)?.[1]),
      },
      severityField("severities", JPATHS.findingSeverity, Severity.FINDING_SCALE, Severity, "Severity", "minimumSeverity"),
    ],
  },
  { name: "secureScore", dataType: DataType.SECURE_SCORE, build: (o) => Export.secureScore(o), fields: [] },
  {
    name: "secureScoreControls",
    dataType: DataType.SECURE_SCORE_CONTROLS,
    build: (o) => Export.secureScoreControls(o),
    fields: [
      {
        option: "controls",
        path: JPATHS.controlName,
        operator: Operator.EQUAL_TO,
        parse: (v) => ({ value: SecureScoreControl.of(v), code: `SecureScoreControl.of(${codeLiteral(v)})` }),
      },
    ],
  },
  {
    name: "regulatoryCompliance",
    dataType: DataType.REGULATORY_COMPLIANCE,
    build: (o) => Export.regulatoryCompliance(o),
    fields: [
      {
        option: "standards",
        path: JPATHS.standardId,
        operator: Operator.CONTAINS,
        parse: (v) =>
          knownOr(
            ComplianceStandard,
            "ComplianceStandard",
            (c: unknown) => c instanceof ComplianceStandard && c.standardName === v,
            () => ({ value: ComplianceStandard.of(v), code: `ComplianceStandard.of(${codeLiteral(v)})` }),
          ),
      },
    ],
  },
  {
    name: "attackPaths",
    dataType: DataType.ATTACK_PATHS,
    build: (o) => Export.attackPaths(o),
    fields: [
      severityField(
        "riskLevels",
        JPATHS.attackPathRiskLevel,
        AttackPathRiskLevel.ALL,
        AttackPathRiskLevel,
        "AttackPathRiskLevel",
        "minimumRiskLevel",
      ),
    ],
  },
];

/**
 * Rebuilds live sources as exports of this library that mean exactly what they mean: the typed filters
 * wherever their rule sets say the same, raw rules (`where`) otherwise. Every candidate is checked by
 * writing it again (`Export.sourcesOf`) and comparing meanings, so what is returned round-trips by
 * construction; a request the library cannot write without changing what is exported is refused, with
 * the reason.
 */
export function rebuildExports(sources: readonly PlainSource[]): Rebuilt {
  const target = meaningOf(sources);
  const perType: RebuiltExport[][] = [];
  for (const factory of FACTORIES) {
    const { streamingSource, snapshotSource } = factory.dataType;
    const streaming = setsOf(sources, streamingSource);
    const snapshot = snapshotSource ? setsOf(sources, snapshotSource) : undefined;
    if (!streaming && !snapshot) continue;
    // Compared as the streaming source: both sources of a data type hold the same records.
    const meaning = (sets: ReadonlyArray<ReadonlyArray<RuleView>>) => meaningOf([{ eventSource: streamingSource, ruleSets: sets }]);
    const same = streaming && snapshot && meaning(streaming) === meaning(snapshot);
    const timings: Array<[ReadonlyArray<ReadonlyArray<RuleView>>, Timing]> = same
      ? [[streaming, { snapshot: true }]]
      : [
          ...(streaming ? [[streaming, {}] as [ReadonlyArray<ReadonlyArray<RuleView>>, Timing]] : []),
          ...(snapshot ? [[snapshot, { streaming: false, snapshot: true }] as [ReadonlyArray<ReadonlyArray<RuleView>>, Timing]] : []),
        ];
    const rebuilt: RebuiltExport[] = [];
    for (const [sets, timing] of timings) {
      const typed = typedExports(factory, sets, timing, meaning);
      if (typed) {
        rebuilt.push(...typed);
        continue;
      }
      const one = rawExport(factory, sets, timing);
      if ("refused" in one) return one;
      rebuilt.push(one);
    }
    perType.push(rebuilt);
  }
  const all = perType.flat();
  if (all.length === 0) return { refused: "the automation has no source this library knows." };
  // Findings were rebuilt without the parents the library adds. Where the live automation exports exactly
  // those parents, say it the library's way: findings with their parents, and the recommendations exports
  // that only restate them dropped (together per timing: at most three groups), the shortest program first.
  if (all.some((e) => e.export.dataType === DataType.FINDINGS)) {
    const withParents = all.map((e) => (e.export.dataType === DataType.FINDINGS ? (parentsAdded(e) ?? e) : e));
    const groups = new Map<string, RebuiltExport[]>();
    for (const e of withParents.filter((x) => x.export.dataType === DataType.RECOMMENDATIONS)) {
      const key = e.export.eventSources.join("+");
      groups.set(key, [...(groups.get(key) ?? []), e]);
    }
    for (const drop of subsets([...groups.values()]).sort((a, b) => b.length - a.length)) {
      const dropped = new Set(drop.flat());
      const candidate = withParents.filter((e) => !dropped.has(e));
      if (candidate.length > 0 && meaningOf(plainSources(toAutomationSources(candidate.map((c) => c.export)))) === target)
        return { exports: candidate };
    }
  }
  // Else exactly as it runs: findings with `withParents: false` where the live parents differ (the check pack
  // says which parents may be missing).
  const written = meaningOf(plainSources(toAutomationSources(all.map((c) => c.export))));
  if (written === target) return { exports: all };
  return { refused: `this library would write other sources than the live ones: live ${oneLine(target)}; written ${oneLine(written)}` };
}

/** The same findings export with the parents the library adds (the default), if it builds. */
function parentsAdded(e: RebuiltExport): RebuiltExport | undefined {
  const options = e.source.options.filter(([k]) => k !== "withParents");
  const built = tryBuild(e.source.factory, options);
  return built && { ...built, typed: e.typed, names: e.names };
}

type Timing = { readonly streaming?: boolean; readonly snapshot?: boolean };

function setsOf(sources: readonly PlainSource[], eventSource: string): ReadonlyArray<ReadonlyArray<RuleView>> | undefined {
  const matching = sources.filter((s) => s.eventSource === eventSource);
  if (matching.length === 0) return undefined;
  if (matching.some((s) => (s.ruleSets ?? []).length === 0)) return [];
  return matching.flatMap((s) => s.ruleSets);
}

/**
 * Typed exports that write exactly these rule sets, if any: one export when they are one cross product
 * of filter values; else one per group of rule sets filtering the same fields (rule sets merged from
 * several exports), and one per rule set where a group is no cross product either.
 */
function typedExports(
  factory: Factory,
  sets: ReadonlyArray<ReadonlyArray<RuleView>>,
  timing: Timing,
  meaning: (sets: ReadonlyArray<ReadonlyArray<RuleView>>) => string,
): RebuiltExport[] | undefined {
  const whole = typedExport(factory, sets, timing, meaning);
  if (whole || sets.length < 2) return whole && [whole];
  const bySignature = new Map<string, Array<ReadonlyArray<RuleView>>>();
  for (const set of sets) {
    const signature = [...new Set(set.map((r) => r.propertyJPath.toLowerCase()))].sort().join("|");
    bySignature.set(signature, [...(bySignature.get(signature) ?? []), set]);
  }
  const exports: RebuiltExport[] = [];
  for (const group of bySignature.values()) {
    const one = bySignature.size > 1 ? typedExport(factory, group, timing, meaning) : undefined;
    const parts = one ? [one] : group.map((set) => typedExport(factory, [set], timing, meaning));
    if (parts.some((p) => p === undefined)) return undefined;
    exports.push(...(parts as RebuiltExport[]));
  }
  return exports;
}

/** The typed filters that write exactly these rule sets as one export, if any. */
function typedExport(
  factory: Factory,
  sets: ReadonlyArray<ReadonlyArray<RuleView>>,
  timing: Timing,
  meaning: (sets: ReadonlyArray<ReadonlyArray<RuleView>>) => string,
): RebuiltExport | undefined {
  const values = new Map<Field, Map<string, Coded>>();
  for (const rule of sets.flat().filter((r) => !holdsForEveryRecord(factory.dataType.streamingSource, r))) {
    const field = factory.fields.find(
      (f) =>
        f.path.toLowerCase() === rule.propertyJPath.toLowerCase() &&
        f.operator.value === rule.operator &&
        rule.propertyType.toLowerCase() === "string",
    );
    const coded = field?.parse(rule.expectedValue);
    if (!field || !coded) return undefined;
    const byCode = values.get(field) ?? new Map<string, Coded>();
    byCode.set(coded.code, coded);
    values.set(field, byCode);
  }
  const options: Array<[string, Coded]> = [...timingOptions(timing), ...(factory.fixed ?? [])];
  for (const field of factory.fields) {
    const chosen = values.get(field);
    if (chosen) options.push(fieldOption(field, [...chosen.values()]));
  }
  const same = (candidate: Omit<RebuiltExport, "typed"> | undefined) =>
    candidate !== undefined && meaning(plainSources([{ eventSource: "x", ruleSets: candidate.export.ruleSets }])[0].ruleSets) === meaning(sets);
  let built = tryBuild(factory, options);
  if (!built || !same(built)) return undefined;
  // The shortest form that means the same: a filter whose values cover every record (High, Medium and Low) goes.
  for (const field of factory.fields) {
    const option = field.scale?.minimumOption;
    const without = options.filter(([k]) => k !== field.option && k !== option);
    if (without.length === options.length) continue;
    const shorter = tryBuild(factory, without);
    if (same(shorter)) {
      options.splice(0, options.length, ...without);
      built = shorter as Omit<RebuiltExport, "typed">;
    }
  }
  return { ...built, typed: true };
}

/** The same rule sets as raw rules (`where`); refused when the model refuses them (a defect). */
function rawExport(factory: Factory, sets: ReadonlyArray<ReadonlyArray<RuleView>>, timing: Timing): RebuiltExport | { refused: string } {
  try {
    const ruleSets = sets.map((set) =>
      RuleSet.of(...set.map((r) => Rule.raw(r.propertyJPath, Operator.of(r.operator), r.expectedValue, PropertyType.of(r.propertyType)))),
    );
    const code = `[${sets
      .map(
        (set) =>
          `RuleSet.of(${set
            .map(
              (r) =>
                `Rule.raw(${codeLiteral(r.propertyJPath)}, Operator.of(${codeLiteral(Operator.of(r.operator).value)}), ${codeLiteral(r.expectedValue)}, PropertyType.of(${codeLiteral(PropertyType.of(r.propertyType).value)}))`,
            )
            .join(", ")})`,
      )
      .join(", ")}]`;
    const options: Array<[string, Coded]> = [...timingOptions(timing), ...(factory.fixed ?? []), ["where", { value: ruleSets, code }]];
    const built = tryBuild(factory, options, true);
    if (!built) throw new Error("unreachable: a raw export that does not build");
    return { ...built, typed: false, names: [...built.names, "RuleSet", "Rule", "Operator", "PropertyType"] };
  } catch (e) {
    return { refused: `${factory.dataType.portalName}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function timingOptions(timing: Timing): Array<[string, Coded]> {
  return Object.entries(timing).map(([k, v]) => [k, { value: v, code: String(v) }]);
}

/** A field's values as an option: a contiguous top range of a scale reads as its minimum. */
function fieldOption(field: Field, values: Coded[]): [string, Coded] {
  const scale = field.scale;
  if (scale) {
    const ranks = values.map((v) => (v.value as { rank: number }).rank).sort((a, b) => a - b);
    const top = scale.all.map((s) => s.rank).filter((r) => r >= ranks[0]);
    if (ranks.length > 1 && top.length === ranks.length && top.every((r, i) => r === ranks[i])) {
      const minimum = scale.all.find((s) => s.rank === ranks[0]);
      const coded = constant(scale.owner, scale.className, minimum);
      if (coded) return [scale.minimumOption, coded];
    }
    values.sort((a, b) => (a.value as { rank: number }).rank - (b.value as { rank: number }).rank);
  } else {
    values.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }
  return [field.option, { value: values.map((v) => v.value), code: `[${values.map((v) => v.code).join(", ")}]` }];
}

function tryBuild(factory: Factory, options: ReadonlyArray<[string, Coded]>, rethrow = false): Omit<RebuiltExport, "typed"> | undefined {
  try {
    const exported = factory.build(Object.fromEntries(options.map(([k, v]) => [k, v.value])));
    const code = `Export.${factory.name}(${options.length === 0 ? "" : `{ ${options.map(([k, v]) => `${k}: ${v.code}`).join(", ")} }`})`;
    const names = [
      "Export",
      // Class names from the code outside its string literals: a value such as "Foo.of(" names no class.
      ...new Set(
        options.flatMap(([, v]) =>
          [...withoutLiterals(v.code).matchAll(/\b([A-Z][A-Za-z]+)\.(?:[A-Z][A-Z0-9_]*\b|of\(|custom\()/g)].map((m) => m[1]),
        ),
      ),
    ];
    return { export: exported, code, names, source: { factory, options } };
  } catch (e) {
    if (rethrow || !(e instanceof ExportConfigError)) throw e;
    return undefined;
  }
}

function subsets<T>(items: readonly T[]): T[][] {
  return items.reduce<T[][]>((all, item) => [...all, ...all.map((s) => [...s, item])], [[]]);
}

/** A meaning (one line per event source) in one line: a reason is one line of the command's output. */
function oneLine(text: string): string {
  return `(${text.split("\n").join("; ")})`;
}

/** Code with each string literal (as `codeLiteral` writes them: JSON strings) emptied. */
function withoutLiterals(code: string): string {
  return code.replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
}
