/**
 * Terraform evaluates `${…}` and `%{…}` in every string of a configuration, also in `.tf.json`; a user's
 * text must reach Azure as written (`alertTypes: ['${file("/etc/passwd")}']` must not read a file on the
 * machine that runs Terraform). These escape every literal part of a string (`$${`, `%%{`) and leave
 * cdktf's tokens (`${TfToken[TOKEN.n]}`, references the library makes) as they are.
 */
const TEMPLATE_START = /\$\{(?!TfToken\[)|%\{/g;

/** The string with its literal `${` and `%{` escaped; cdktf tokens in it stay references. */
export function escapeTemplate(value: string): string {
  return value.replace(TEMPLATE_START, (m) => (m === "%{" ? "%%{" : "$${"));
}

/**
 * The configuration with every literal string escaped, in plain objects and arrays (keys too);
 * anything else (providers, dependables, tokens of other types) is left as it is. `lifecycle` holds
 * the library's own expressions (postconditions) and attribute names, and is not touched.
 */
export function escapeLiterals<T>(config: T): T {
  return escapeValue(config, true) as T;
}

function escapeValue(value: unknown, top = false): unknown {
  if (typeof value === "string") return escapeTemplate(value);
  if (Array.isArray(value)) return value.map((v) => escapeValue(v));
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value as { [key: string]: unknown }).map(([k, v]) => [escapeTemplate(k), top && META.has(k) ? v : escapeValue(v)]),
    );
  }
  return value;
}

/** Meta-arguments of a resource configuration: not user text. */
const META = new Set(["lifecycle", "provider", "dependsOn", "forEach", "count", "provisioners", "connection"]);
