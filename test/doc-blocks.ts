import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * The names the docs' fragments leave to the reader's app: what a fragment uses without defining it,
 * with the type it has there. A fragment that uses anything else does not compile, and the docs test says so.
 */
const GIVEN = `
declare const app: App, stack: TerraformStack;
declare const subscriptionId: string, subscriptionIds: string[], tenantId: string;
declare const resourceGroupName: string, location: string, storageAccountName: string, containerName: string;
declare const socWorkspaceId: string, workspaceIdInB: string, guestObjectIdInB: string;
declare const A: string, B: string, subA: string, subB: string;
declare const exports: Export[];
declare const workspace: LogAnalyticsDestination, centralWorkspace: LogAnalyticsDestination, sentinelWorkspace: LogAnalyticsDestination;
declare const central: { workspace: LogAnalyticsDestination };
declare const legacyAutomation: ContinuousExport;
`;

/** One TypeScript block of the README or docs/, as a module that compiles against the installed package. */
export interface DocBlock {
  /** Where it is: `docs/fleets.md#2`. */
  readonly where: string;
  /** The module: the block as written when it imports what it uses, else the block inside a stack's constructor. */
  readonly source: string;
}

/**
 * Every ```ts block of the README and docs/. A complete program (one with imports) stays as written; a
 * fragment is the body of a `TerraformStack` constructor (`this` is the stack), with the library's exports,
 * cdktf's and the azurerm provider's classes imported, and {@link GIVEN} declared.
 */
export function docBlocks(root: string, libraryExports: readonly string[]): DocBlock[] {
  const pages = [
    "README.md",
    ...readdirSync(join(root, "docs"))
      .filter((f) => f.endsWith(".md"))
      .sort()
      .map((f) => `docs/${f}`),
  ];
  const prelude = [
    `import { ${libraryExports.join(", ")} } from "cdktf-defender-export";`,
    `import { App, AzurermBackend, TerraformOutput, TerraformStack, TerraformVariable } from "cdktf";`,
    `import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";`,
    `import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";`,
    `import { Construct } from "constructs";`,
    GIVEN,
  ].join("\n");
  return pages.flatMap((page) =>
    [...readFileSync(join(root, page), "utf8").matchAll(/```ts\n([\s\S]*?)```/g)]
      // The CDK Terrain flavor's program: run as written by test/readme-literal.test.ts.
      .filter(([, code]) => !/from "cdktn/.test(code))
      .map(([, code], i) => ({
        where: `${page}#${i + 1}`,
        source: /^import /m.test(code)
          ? code
          : `${prelude}\nexport class DocStack extends TerraformStack {\n  constructor(scope: Construct, id: string) {\n    super(scope, id);\n${code}\n  }\n}\n`,
      })),
  );
}

/** One Python block of the README or docs/. */
export interface PythonDocBlock {
  /** Where it is: `docs/health.md#1` (the first Python block of the page). */
  readonly where: string;
  /** The block as written: a complete program, or a fragment (the body of a stack's `__init__`, `self` the stack). */
  readonly code: string;
}

/** The pages with code: the README, then docs/ in name order. */
export function docPages(root: string): string[] {
  return [
    "README.md",
    ...readdirSync(join(root, "docs"))
      .filter((f) => f.endsWith(".md"))
      .sort()
      .map((f) => `docs/${f}`),
  ];
}

/** Every ```python block of the README and docs/ (scripts/python/run_doc_blocks.py runs them). */
export function pythonDocBlocks(root: string): PythonDocBlock[] {
  return docPages(root).flatMap((page) =>
    [...readFileSync(join(root, page), "utf8").matchAll(/```python\n([\s\S]*?)```/g)].map(([, code], i) => ({ where: `${page}#${i + 1}`, code })),
  );
}
