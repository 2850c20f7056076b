/**
 * What the Python tests compare: a stack's cdk.tf.json without cdktf's metadata, the `"//"` keys, which
 * say how the Terraform was made rather than what it is. At the top, `"//".metadata` (backend, stackName,
 * version, and when present imports, moved, overrides) and `"//".outputs`; in each resource, data source,
 * provider, output or other block, `"//".metadata` (the construct's path and uniqueId). Nothing else is
 * dropped: every other key and value, their order and the JSON text they are written as (re-serialized with
 * two-space indents, as cdktf writes them) must be equal.
 */
export function comparableTerraform(text: string): string {
  return JSON.stringify(withoutMetadataKeys(JSON.parse(text)), null, 2);
}

function withoutMetadataKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMetadataKeys);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== "//")
        .map(([key, v]) => [key, withoutMetadataKeys(v)]),
    );
  return value;
}
