import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Testing } from "cdktf";
import { GOLDEN_REQUESTS } from "./golden-requests";

/**
 * Each writer's Terraform JSON for representative requests, against files written by hand from Microsoft's REST
 * shape of `Microsoft.Security/automations` (azapi) and the azurerm provider's schema of
 * `azurerm_security_center_automation`: an oracle that is not the library's own reader.
 *
 * A golden file is the stack's JSON without cdktf's `//` metadata. A string `"~/regex/"` matches a value computed
 * at synth that a hand cannot write (a SHA-256 digest); every other leaf is compared as written.
 */
const GOLDEN = join(__dirname, "golden");

/** Every leaf of a JSON value by its path (`resource.azapi_resource.X.body.properties.actions[0].actionType`). */
function leaves(value: unknown, path = "", out: Record<string, unknown> = {}): Record<string, unknown> {
  if (Array.isArray(value)) {
    if (value.length === 0) out[path] = [];
    value.forEach((v, i) => leaves(v, `${path}[${i}]`, out));
  } else if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([k]) => k !== "//");
    if (entries.length === 0) out[path] = {};
    for (const [k, v] of entries) leaves(v, path ? `${path}.${k}` : k, out);
  } else out[path] = value;
  return out;
}

const expected = (golden: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(golden).map(([path, v]) =>
      typeof v === "string" && /^~\/.*\/$/s.test(v) ? [path, expect.stringMatching(new RegExp(v.slice(2, -1)))] : [path, v],
    ),
  );

const files = readdirSync(GOLDEN).filter((f) => f.endsWith(".json"));

test("every golden file has its request, and every request its file; both writers are covered", () => {
  expect(files.map((f) => f.replace(/\.json$/, "")).sort()).toEqual(Object.keys(GOLDEN_REQUESTS).sort());
  expect(files.some((f) => f.startsWith("azurerm-")) && files.some((f) => f.startsWith("azapi-"))).toBe(true);
});

test.each(files)("%s: the synthesized Terraform JSON, field by field", (file) => {
  const golden = leaves(JSON.parse(readFileSync(join(GOLDEN, file), "utf8")));
  const actual = leaves(JSON.parse(Testing.synth(GOLDEN_REQUESTS[file.replace(/\.json$/, "")](), true)));
  expect(actual).toEqual(expected(golden));
});

test("the field-by-field comparison names a changed field, an extra field and a missing one", () => {
  const golden = leaves({ resource: { a: { action: [{ type: "Workspace" }], name: "n" } } });
  expect(leaves({ resource: { a: { action: [{ type: "EventHub" }], name: "n" } } })).not.toEqual(expected(golden));
  expect(leaves({ resource: { a: { action: [{ type: "Workspace" }], name: "n", extra: 1 } } })).not.toEqual(expected(golden));
  expect(leaves({ resource: { a: { action: [{ type: "Workspace" }] } } })).not.toEqual(expected(golden));
  expect(leaves({ v: "${sensitive(x)}" })).toEqual(expected({ v: "~/^\\$\\{sensitive\\(x\\)\\}$/" }));
  expect(leaves({ v: "${x}" })).not.toEqual(expected({ v: "~/^\\$\\{sensitive\\(x\\)\\}$/" }));
});
