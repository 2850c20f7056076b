/**
 * What Checkov's `terraform_json` framework can read of a synthesized stack.
 *
 * Checkov 3.3.30's parser (`checkov/terraform_json/parser.py`, `handle_block_type`) treats every key under
 * a top-level block type as a labelled block whose body is an object. Blocks without labels break it:
 * `import`, `moved` and `removed` (written as arrays of `{ id, to }` / `{ from, to }` / `{ from, lifecycle }`,
 * as the HCL JSON syntax defines them) and the scalar arguments of the `terraform` block
 * (`required_version`) raise "this method receives only dicts", and the whole file is reported as a
 * parsing error and not scanned (checked on Checkov 3.3.30, the newest on PyPI on 2026-12-06).
 *
 * None of these blocks creates or configures a resource: they move, adopt or forget state, and pin the
 * Terraform version. The view drops exactly them, so every resource, data source, provider, output and
 * local is scanned as written.
 */
export function scannerView(stack: Record<string, unknown>): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const [blockType, blocks] of Object.entries(stack)) {
    if (UNLABELLED_STATE_BLOCKS.has(blockType)) continue;
    view[blockType] = blockType === "terraform" && isObject(blocks) ? objectArguments(blocks) : blocks;
  }
  return view;
}

/** The block types the view leaves out: they carry state hand-overs, not configuration. */
export const UNLABELLED_STATE_BLOCKS: ReadonlySet<string> = new Set(["import", "moved", "removed"]);

function objectArguments(block: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(block).filter(([, value]) => isObject(value)));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
