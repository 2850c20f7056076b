/**
 * CDK Terrain (`cdktn`), the maintained fork of CDKTF, from the same source: the one mapping of module
 * specifiers from CDKTF to CDK Terrain. The library imports provider classes only through
 * lib/internal/ (azurerm.ts, azapi.ts), so the mapping is these lines and nothing else; the last one
 * names the package itself (the programs `import` writes import from it).
 */
export const CDKTN_MODULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/(["'])cdktf(["'/])/g, "$1cdktn$2"],
  [/(["'])@cdktf\/provider-azurerm\//g, "$1@cdktn/provider-azurerm/"],
  [/(["'])cdktf-defender-export(["'])/g, "$1cdktn-defender-export$2"],
];

/** A compiled file (or a program) with its CDKTF imports turned into CDK Terrain's. */
export function toCdktn(source: string): string {
  return CDKTN_MODULES.reduce((text, [from, to]) => text.replace(from, to), source);
}

/** The package.json of the CDK Terrain flavor, from the CDKTF one. */
export function cdktnPackageJson(cdktf: { [key: string]: unknown }): { [key: string]: unknown } {
  return {
    ...cdktf,
    name: "cdktn-defender-export",
    bin: Object.fromEntries(Object.values((cdktf.bin as { [name: string]: string }) ?? {}).map((path) => ["cdktn-defender-export", path])),
    description: `${String(cdktf.description)} (CDK Terrain flavor)`,
    keywords: [...((cdktf.keywords as string[]) ?? []).filter((k) => k !== "cdktf"), "cdktn", "cdk-terrain"],
    peerDependencies: { cdktn: "^0.24.0", "@cdktn/provider-azurerm": "^16.1.0", constructs: "^10.6.0" },
    // cdktn-cli 0.24 declares `"engines": { "node": ">=22.19.0" }` (npm registry, 2026-12-06): `cdktn synth`
    // dies on Node 20 (`markAsUncloneable is not a function`).
    engines: { node: ">=22.19" },
    peerDependenciesMeta: undefined,
    devDependencies: undefined,
    overrides: undefined,
    scripts: undefined,
    // The jsii assembly names CDKTF's types, and the flavor's tarball is staged without node_modules to bundle:
    // npm installs Viz.js as a plain dependency.
    jsii: undefined,
    bundledDependencies: undefined,
    files: ((cdktf.files as string[]) ?? []).filter((f) => f !== ".jsii"),
  };
}
