import fc from "fast-check";
import * as ts from "typescript";
import { LiveInputError, readLiveAutomations } from "../../lib/live/arm-input";
import { lintAutomations } from "../../lib/live/lint";
import { importProgram } from "../../lib/live/program";
import { FIELDS, SENTINEL, hostileSegment, hostileText, liveExport, wrongTyped } from "./hostile-input";

/**
 * No text of a live export becomes code in the program `import` writes. Hostile text (every line
 * terminator, quotes, backticks, `${`, comment ends, escapes, unpaired surrogates, NUL, terminal escapes)
 * and values of the wrong type go into every field of a live export; the program is parsed with the
 * TypeScript compiler and must (1) parse without an error, (2) hold the input's text only inside string
 * literals (the sentinel after every hostile piece is found nowhere else, comments included), (3) carry
 * the text unchanged as a literal's value when it adopts the automation, (4) use only identifiers of the
 * template, and, for fields whose value decides nothing, (5) have exactly the AST of the benign export,
 * string literals aside.
 */

interface Parsed {
  readonly file: ts.SourceFile;
  readonly literals: string[];
  readonly literalRanges: Array<[number, number]>;
  readonly identifiers: Set<string>;
  /** Every node's kind in order, identifiers with their text, string literals as one kind without their text. */
  readonly shape: string;
}

function parse(source: string): Parsed {
  const file = ts.createSourceFile("program.ts", source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const literals: string[] = [];
  const literalRanges: Array<[number, number]> = [];
  const identifiers = new Set<string>();
  const shape: string[] = [];
  const walk = (node: ts.Node): void => {
    if (ts.isStringLiteral(node)) {
      literals.push(node.text);
      literalRanges.push([node.getStart(file), node.end]);
      shape.push("S");
      return;
    }
    if (ts.isIdentifier(node)) identifiers.add(node.text);
    shape.push(ts.isIdentifier(node) ? `I:${node.text}` : ts.SyntaxKind[node.kind]);
    ts.forEachChild(node, walk);
  };
  walk(file);
  return { file, literals, literalRanges, identifiers, shape: shape.join(" ") };
}

/** The parser's errors (what `tsc` reports as syntax errors, before any type check). */
function syntaxErrors(source: string): string[] {
  const file = ts.createSourceFile("program.ts", source, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const diagnostics = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  return diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

/** The program for a live export, or undefined when the command refuses the input (exit 2). */
function programFor(live: unknown): { source: string; imported: string[] } | undefined {
  let automations;
  try {
    automations = readLiveAutomations(JSON.stringify(live), "the test input");
  } catch (e) {
    if (e instanceof LiveInputError) return undefined;
    throw e;
  }
  const program = importProgram(automations, lintAutomations(automations));
  return { source: program.source, imported: program.imported };
}

const GENERATED_NAME = /^(hub|logicApp|workspace)\d+(SendRule|TriggerUrl)?$|^sub_\d+$/;
const benign = programFor(liveExport())!;
// The template's vocabulary: the benign export's program, and one with a raw rule and a trusted-service event hub.
const raw = liveExport();
raw[0].properties.sources[0].ruleSets[1].rules[0].propertyJPath = "properties.extendedProperties.custom";
raw[1].properties.actions[0].isTrustedServiceEnabled = true;
const BENIGN_SHAPE = parse(benign.source).shape;
const VOCABULARY = new Set([...parse(benign.source).identifiers, ...parse(programFor(raw)!.source).identifiers]);
/** Fields whose value decides nothing about the program's code: any text there must leave its AST as it is. */
const CARRIED = ["[0].properties.description", "[1].properties.description", "[2].properties.description", "[0].tags.owner", "[2].tags.owner"];
const DECIDES_NOTHING = new Set([...CARRIED, "[0].properties.scopes.1.description", "[0].properties.unknownField"]);

/** The checks (1) to (4), and what the program holds of the hostile text. */
function checkProgram(source: string, text: string | undefined): { carried: boolean } {
  expect(syntaxErrors(source)).toEqual([]);
  const parsed = parse(source);
  for (let at = source.indexOf(SENTINEL); at >= 0; at = source.indexOf(SENTINEL, at + 1)) {
    if (!parsed.literalRanges.some(([start, end]) => start <= at && at + SENTINEL.length <= end)) {
      throw new Error(`input text outside a string literal at ${at}: ${JSON.stringify(source.slice(Math.max(0, at - 80), at + 80))}`);
    }
  }
  const strange = [...parsed.identifiers].filter((i) => !VOCABULARY.has(i) && !GENERATED_NAME.test(i));
  expect(strange).toEqual([]);
  const carried = text !== undefined && parsed.literals.some((l) => l.includes(text));
  return { carried };
}

test("the benign export is adopted whole, so that hostile text in its fields goes where real text goes", () => {
  expect(benign.imported).toHaveLength(3);
  expect(syntaxErrors(benign.source)).toEqual([]);
});

describe.each(FIELDS.map((f) => [f.name, f] as const))("hostile input at %s", (name, field) => {
  test("text: only ever inside string literals, unchanged; the AST is the template's", () => {
    let carried = 0;
    fc.assert(
      fc.property(field.segment ? hostileSegment : hostileText, (text) => {
        const program = programFor(field.put(text));
        if (!program) return;
        const result = checkProgram(program.source, text);
        if (result.carried) carried++;
        if (!program.source.includes(SENTINEL)) return;
        // Wherever the text is in the program, it is the whole value of a literal or a part of one the template builds.
        if (DECIDES_NOTHING.has(name)) expect(parse(program.source).shape).toEqual(BENIGN_SHAPE);
      }),
      { numRuns: 20 },
    );
    // Fields that reach the program whatever their text: the text must have been carried, not just survived.
    if (CARRIED.includes(name)) expect(carried).toBeGreaterThan(0);
  });

  test("any JSON value: refused (exit 2), or read with the field set aside; never code", () => {
    fc.assert(
      fc.property(wrongTyped, (value) => {
        const program = programFor(field.put(value));
        if (program) checkProgram(program.source, undefined);
      }),
      { numRuns: 10 },
    );
  });
});
