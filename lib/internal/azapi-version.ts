import { TerraformProvider, TerraformStack, Token } from "cdktf";
import { IConstruct } from "constructs";
import { coded } from "../model/errors";
import { StackIndex } from "./stack-index";

/**
 * The oldest azapi that sends the auxiliary tenants' tokens to ARM: before v2.9.0 the provider read
 * `auxiliary_tenant_ids` but never passed them on, so cross-tenant writes failed
 * (Azure/terraform-provider-azapi issue 419, fixed by PR 1046 in v2.9.0; checked 2026-12).
 */
export const AZAPI_MINIMUM = "2.9";

const MINIMUM: Version = [2, 9, 0];
/** The registry source of azapi, in any of the spellings Terraform accepts (`azure/azapi`, `registry.terraform.io/Azure/azapi`). */
const AZAPI_SOURCE = /^(?:(?:registry\.terraform\.io|registry\.opentofu\.org)\/)?azure\/azapi$/i;

/** A version as major, minor, patch. */
export type Version = [number, number, number];

/**
 * DFE171: an `azapi_resource` written through a provider with auxiliary tenants, in a stack whose azapi
 * version constraint (`terraform.required_providers`, as the stack's JSON will say it: the providers'
 * own constraints, then the app's overrides) admits a version before 2.9.0, which would not send them.
 */
export function azapiConstraintErrors(resource: IConstruct, given: TerraformProvider | undefined): string[] {
  const provider = given ?? StackIndex.of(resource).defaultProvider("azapi");
  const aux = (provider as { auxiliaryTenantIds?: unknown } | undefined)?.auxiliaryTenantIds;
  const needsAux = Token.isUnresolved(aux) || (Array.isArray(aux) && aux.length > 0);
  if (!provider || !needsAux) return [];
  const stack = TerraformStack.of(resource);
  return [...azapiConstraints(stack, provider)]
    .filter(([, constraint]) => admitsOlder(constraint))
    .map(
      ([name, constraint]) =>
        `${coded("DFE171", resource.node.path)}the write goes through ${provider.node.path}, which sends auxiliary tenants' tokens, but the stack's ` +
        `azapi requirement (required_providers.${name}: ${constraint === undefined ? "no version" : `"${constraint}"`}) admits versions before 2.9.0, ` +
        `which do not pass auxiliary_tenant_ids to Azure (the cross-tenant write fails). Require "~> ${AZAPI_MINIMUM}" (or ">= 2.9.0"): the library's ` +
        `AzapiProvider does; fix your own required_providers or the provider binding's version.`,
    );
}

/**
 * The azapi entries of the stack's `required_providers`, by local name, as its JSON will say them: the
 * writing provider's own entry (cdktf keys it by the provider's type, the exact version before the
 * constraint: `TerraformProvider.toTerraform`), then the app's overrides of `terraform.required_providers`.
 */
export function azapiConstraints(stack: TerraformStack, provider: TerraformProvider): Map<string, string | undefined> {
  const meta = provider.terraformGeneratorMetadata;
  const required = new Map<string, { source?: string; version?: string }>([
    [provider.terraformResourceType, { source: provider.terraformProviderSource, version: meta?.providerVersion || meta?.providerVersionConstraint }],
  ]);
  const overrides = (stack as unknown as { rawOverrides?: { terraform?: { required_providers?: Record<string, unknown> } } }).rawOverrides;
  for (const [name, entry] of Object.entries(overrides?.terraform?.required_providers ?? {})) {
    const prior = required.get(name) ?? {};
    // Terraform also takes a bare version string (the legacy form) for a provider of the default namespace.
    const given = typeof entry === "string" ? { version: entry } : ((entry ?? {}) as { source?: string; version?: string });
    required.set(name, { ...prior, ...given });
  }
  return new Map([...required].filter(([, r]) => AZAPI_SOURCE.test(String(r.source ?? ""))).map(([name, r]) => [name, r.version]));
}

/** The first Terraform that knows write-only arguments (Terraform 1.11 release notes; checked 2026-12). */
const WRITE_ONLY_TERRAFORM: Version = [1, 11, 0];

/**
 * DFE174: write-only arguments (`sensitive_body`) in a stack whose own `terraform.required_version` admits a
 * Terraform before 1.11, which does not know write-only arguments and would keep the secret in the plan and
 * the state. (Without an own requirement the library writes `>= 1.11`.)
 */
export function writeOnlyTerraformErrors(resource: IConstruct): string[] {
  const stack = TerraformStack.of(resource);
  const own = (stack as unknown as { rawOverrides?: { terraform?: { required_version?: unknown } } }).rawOverrides?.terraform?.required_version;
  if (typeof own !== "string" || !admitsOlder(own, WRITE_ONLY_TERRAFORM)) return [];
  return [
    `${coded("DFE174", resource.node.path)}the automation's secrets go in azapi's write-only sensitive_body, but the stack requires Terraform "${own}", ` +
      `which admits versions before 1.11: they do not know write-only arguments and would keep the secret in the plan and the state. ` +
      `Require ">= 1.11" (or remove your required_version: the library then writes it).`,
  ];
}

/** Whether a Terraform version constraint admits a version before `minimum` (azapi 2.9.0 unless given; none given: any version). */
export function admitsOlder(constraint: string | undefined, minimum: Version = MINIMUM): boolean {
  if (constraint === undefined || Token.isUnresolved(constraint)) return constraint === undefined;
  let lower: Version = [0, 0, 0];
  let upper: Version | undefined;
  for (const part of constraint.split(",").map((p) => p.trim())) {
    const m = /^(~>|>=|<=|!=|=|>|<)?\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(part);
    if (!m) continue;
    const version: Version = [Number(m[2]), Number(m[3] ?? 0), Number(m[4] ?? 0)];
    const op = m[1] ?? "=";
    if (op === "=" || op === ">=" || op === ">" || op === "~>") lower = max(lower, op === ">" ? next(version) : version);
    if (op === "=" || op === "<" || op === "<=") upper = min(upper, op === "<=" || op === "=" ? next(version) : version);
    if (op === "~>") upper = min(upper, m[4] === undefined ? [version[0] + 1, 0, 0] : [version[0], version[1] + 1, 0]);
  }
  return compare(lower, minimum) < 0 && (upper === undefined || compare(lower, upper) < 0);
}

/** The smallest version after `v` this check needs to tell apart (patch + 1). */
const next = (v: Version): Version => [v[0], v[1], v[2] + 1];
const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
const max = (a: Version, b: Version): Version => (compare(a, b) >= 0 ? a : b);
const min = (a: Version | undefined, b: Version): Version => (a === undefined || compare(b, a) < 0 ? b : a);
