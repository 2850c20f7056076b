import { DefaultTokenResolver, LazyBase, StringConcat, TerraformStack, Token, Tokenization } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { ExportConfigError } from "../model/errors";

/**
 * A value given as `Lazy.stringValue` / `numberValue` / `listValue` / `anyValue`, produced now so that it is
 * checked like any literal (a token stands for a value known only at apply; a Lazy's value is known at
 * synth, and checks must not let it through unseen). A value that also holds references stays a token.
 * A producer that fails is refused with DFE222.
 */
export function producedValue(field: string, value: unknown): unknown {
  if (!Token.isUnresolved(value)) return value;
  const tokens = tokensIn(value);
  // Text that only looks like a token (a marker cdktf does not know) is text: the escaping door writes it as such.
  if (tokens === undefined) return value;
  if (tokens.length === 0 || !tokens.every((t) => t instanceof LazyBase)) return value;
  let produced: unknown;
  try {
    // A producer that answers with a reference gives a value known at apply: the value stays a token.
    const context = {
      scope: producingScope(),
      preparing: false,
      documentPath: [],
      registerPostProcessor: () => undefined,
      resolve: (x: unknown) => x,
    };
    if (tokens.some((t) => Token.isUnresolved((t as LazyBase).resolve(context as never)))) return value;
    produced = Tokenization.resolve(value, { scope: producingScope(), resolver: new DefaultTokenResolver(new StringConcat()) });
  } catch (e) {
    throw new ExportConfigError(
      "DFE222",
      `\`${field}\` is a Lazy value whose producer failed when the library read it (${e instanceof Error ? e.message.slice(0, 120) : String(e)}). ` +
        "Give the value itself, or a producer that can answer when the construct is created.",
    );
  }
  // Text a producer makes is written as it is, past the escaping literal text gets: template syntax in it would be evaluated.
  if (JSON.stringify(produced ?? null).match(/[$%]\{/)) {
    throw new ExportConfigError(
      "DFE222",
      `\`${field}\` is a Lazy value that produced Terraform template syntax (\${ or %{): Terraform would evaluate it. Give the text itself (the library escapes it), or a reference.`,
    );
  }
  return produced;
}

/** The tokens a value holds; undefined when it names a token cdktf does not know (then it is text). */
function tokensIn(value: unknown): unknown[] | undefined {
  try {
    return typeof value === "string"
      ? Tokenization.reverseString(value).tokens
      : typeof value === "number"
        ? [Tokenization.reverseNumber(value)].filter((t) => t !== undefined)
        : Array.isArray(value)
          ? [Tokenization.reverseList(value)].filter((t) => t !== undefined)
          : [value];
  } catch {
    return undefined;
  }
}

let scratch: IConstruct | undefined;
/** A stack of its own, outside every app of the user, for producers that ask for their stack; made once, never synthesized. */
function producingScope(): IConstruct {
  scratch ??= new TerraformStack(new Construct(undefined as never, ""), "lazy-values");
  return scratch;
}
