import { Hit, PackRule } from "./rule";

/** Resource types whose whole value, or whose `body` / `action` block, holds a secret (an automation's `output` is what Azure returns: never its secrets). */
const SECRET_BEARING =
  /\$\{((?:data\.)?(azapi_resource|azurerm_security_center_automation|azurerm_eventhub_namespace|azurerm_eventhub_authorization_rule|azurerm_eventhub_namespace_authorization_rule|azurerm_logic_app_trigger_http_request|azurerm_logic_app_workflow)\.[\w-]+)(\.(body|action)\b[^}]*)?\}/;

/**
 * DFC021: an output of a whole resource, or of an automation's whole `body` / `action`, not
 * marked sensitive: it carries the connection string or trigger URL inside, where DFC007 (which looks for
 * secret attribute names) cannot see it.
 */
function checkWholeValueOutputs(outputs: ReadonlyMap<string, { value?: unknown; sensitive?: unknown }>): Hit[] {
  return [...outputs]
    .filter(([, o]) => o.sensitive !== true)
    .map(([address, o]) => ({ address, match: SECRET_BEARING.exec(JSON.stringify(o.value ?? "")) }))
    .filter((x) => x.match !== null)
    .map(({ address, match }) => ({
      address,
      message:
        `output ${address} carries ${match?.[3] ? `the whole ${match[3].slice(1).split(/\W/)[0]} of` : "the whole of"} ${match?.[1]}, secrets included, and is not sensitive. ` +
        `Output the attribute you need (its id, say), or mark the output sensitive.`,
    }));
}

/** DFC021, as its body above finds it. */
export const DFC021: PackRule = {
  id: "DFC021",
  level: "error",
  summary: "an output of a whole secret-bearing resource, azapi body or automation action, not marked sensitive",
  explanation: "The whole value carries the connection string or trigger URL inside, where DFC007 cannot see it.",
  check: (input) => checkWholeValueOutputs(input.outputs),
};
