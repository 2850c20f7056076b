import type { CatalogueEntry } from "./catalogue-entry";

/** The warnings: synth goes on, and `cdktf synth` and the main job print them. */
export const WARNINGS: readonly CatalogueEntry[] = [
  {
    code: "DFW001",
    when: "an automation's subscription, resource group or name is a token, so no other owner of it can be ruled out",
    fix: "give literal values where you can",
  },
  {
    code: "DFW002",
    when: "a destination in another tenant that no `CrossTenantAccess` in the app grants the export's tenant access to",
    fix: "make sure the exporting identity holds a role there, or add the grant",
  },
  {
    code: "DFW003",
    when: "a literal, unsigned Logic App trigger URL in `LogicAppDestination.fromWorkflow` (it may still be a secret)",
    fix: "pass it as a sensitive `TerraformVariable`",
  },
  {
    code: "DFW004",
    when: "a fleet takes over policy-made exports (`adoptPolicyExports`)",
    fix: "remove the policy assignment (or set it to DoNotEnforce) first",
  },
  {
    code: "DFW005",
    when: "a policy at a management group without `remediateSubscriptions`: a remediation in the same apply would find nothing",
    fix: "list today's subscriptions, or run the second step the report prints",
  },
  {
    code: "DFW006",
    when: "a reader added to a locked (trusted-service) namespace that allows no IP range or subnet: it gets in only through a private endpoint",
    fix: "`trustedService.allowedIpRanges` / `allowedSubnetIds`, or a private endpoint",
  },
  {
    code: "DFW010",
    when: "two customers' grants that may reach one resource (or, with Lighthouse, one resource group), where a token (an id, a group name or a tenant id known only at apply) hides whether they do",
    fix: "give literal ids and names, or keep the customers' destinations in separate resource groups",
  },
  {
    code: "DFW025",
    when: "the policy route for recommendations whose request includes Critical (also unfiltered, or as parents of findings): Microsoft's built-in policy selects High, Medium and Low only",
    fix: "add a `ContinuousExport` per subscription for `Severity.CRITICAL`, or use `ContinuousExport` instead",
  },
  {
    code: "DFW045",
    when: "`trustedService.allowedIpRanges` lets the whole internet (`0.0.0.0/0`) or a broad range (a /15 or wider) reach the namespace",
    fix: "list the readers' own addresses (a /24 or narrower), or use `allowedSubnetIds`",
  },
];
