import { Hit, PackRule } from "./rule";

const SECRET_ATTRIBUTES =
  /(primary|secondary)_(connection_string|key)|connection_string|callback_url|trigger_url|primary_access_key|SharedAccessKey=|[?&]sig=/;
/** DFC007: secrets in outputs that are not sensitive. */
function checkOutputs(outputs: ReadonlyMap<string, { value?: unknown; sensitive?: unknown }>): Hit[] {
  return [...outputs]
    .filter(([, o]) => o.sensitive !== true && SECRET_ATTRIBUTES.test(JSON.stringify(o.value ?? "")))
    .map(([address, o]) => ({
      address,
      message:
        `output ${address} carries a secret (${JSON.stringify(o.value).match(SECRET_ATTRIBUTES)?.[0]}) and is ` +
        `not sensitive: it would be printed and stored in plain text. Mark it sensitive, or do not output it.`,
    }));
}

/** DFC007, as its body above finds it. */
export const DFC007: PackRule = {
  id: "DFC007",
  level: "error",
  summary: "a connection string, key or trigger URL in an output not marked sensitive",
  explanation: "An output not marked sensitive is printed and stored in plain text.",
  check: (input) => checkOutputs(input.outputs),
};
