/**
 * What the Python tests compare besides the stacks' cdk.tf.json, which must be byte-identical as written: the
 * app's manifest.json without each annotation's `stacktrace` (cdktf records where in the program a warning
 * or error was added: TypeScript source lines in one language, the jsii kernel's frames in the other).
 * Nothing else is dropped: every stack, path, dependency and annotation (level, construct path, message),
 * and the JSON text they are written as (re-serialized with two-space indents, as cdktf writes them).
 */
export function comparableManifest(text: string): string {
  const manifest = JSON.parse(text) as { stacks?: Record<string, { annotations?: Array<Record<string, unknown>> }> };
  for (const stack of Object.values(manifest.stacks ?? {})) for (const annotation of stack.annotations ?? []) delete annotation.stacktrace;
  return JSON.stringify(manifest, null, 2);
}
