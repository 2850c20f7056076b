import { PackRule, eachAutomation } from "./rule";

/** A secret written out: an Event Hubs connection string's key, or a signed URL's signature. */
const LITERAL_SECRET = /SharedAccessKey=|[?&]sig=/i;

/**
 * DFC009: a literal secret in an automation's action. Only in code: a connection string or trigger URL
 * in Azure's answer (`live`) is Azure's own stored value.
 */
export const DFC009: PackRule = {
  id: "DFC009",
  level: "error",
  summary: "a literal connection string, SAS key or signed trigger URL in an automation (it lands in the JSON and the state)",
  explanation: "A literal secret lands in cdk.tf.json and the state in plain text; reference the rule's or trigger's sensitive attribute.",
  check: eachAutomation((a, origin) =>
    a.actions.flatMap((action) => {
      const literal = origin === "stack" && typeof action.secret === "string" ? literalSecretIn(action.secret) : undefined;
      return literal
        ? [
            {
              message:
                `the ${action.actionType} action carries a literal secret (${literal}…): it lands in cdk.tf.json and the state in plain text. ` +
                "Reference the rule's or trigger's sensitive attribute, or pass a sensitive TerraformVariable.",
            },
          ]
        : [];
    }),
  ),
};

/**
 * The secret written out in a value, if any: in its literal text, or in a string literal inside an
 * expression (`${sensitive("Endpoint=…;SharedAccessKey=…")}` hides nothing from the state). A
 * reference (`${azurerm_eventhub_authorization_rule.r.primary_connection_string}`, a data source's
 * attribute) is a value read back from Azure, not a literal.
 */
function literalSecretIn(value: string): string | undefined {
  const outside = value.replace(/\$\{(?:[^}"]|"(?:[^"\\]|\\.)*")*\}/g, " ");
  const quoted = [...value.matchAll(/\$\{(?:[^}"]|"(?:[^"\\]|\\.)*")*\}/g)].flatMap((m) =>
    [...m[0].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((q) => q[1]),
  );
  return [outside, ...quoted].map((text) => LITERAL_SECRET.exec(text)?.[0]).find((found) => found !== undefined);
}
