/** An Azure built-in role: its name and its role definition GUID (the same in every tenant). */
export interface BuiltInRoleDefinition {
  readonly name: string;
  readonly id: string;
}

/**
 * The built-in roles the library grants or checks, in one place (ids from Microsoft's built-in roles
 * reference; `az role definition list --name "<name>" --query "[].name"`).
 */
export const BUILT_IN_ROLES = {
  owner: { name: "Owner", id: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635" },
  contributor: { name: "Contributor", id: "b24988ac-6180-42a0-ab88-20f7382dd24c" },
  logAnalyticsContributor: { name: "Log Analytics Contributor", id: "92aaf0da-9dab-42b6-94a3-d43ce8d16293" },
  sentinelContributor: { name: "Microsoft Sentinel Contributor", id: "ab8e14d6-4a74-4a29-9ba8-549422addade" },
  monitoringContributor: { name: "Monitoring Contributor", id: "749f88d5-cbae-40b8-bcfc-e573ddc772fa" },
  eventHubsDataSender: { name: "Azure Event Hubs Data Sender", id: "2b629674-e913-4c01-ae53-ef4638d8f975" },
  eventHubsDataReceiver: { name: "Azure Event Hubs Data Receiver", id: "a638d3c7-ab3a-418d-83e6-5f17a39d4fde" },
  securityAdmin: { name: "Security Admin", id: "fb1c8493-542b-48eb-b624-b4c8fea62acd" },
  logAnalyticsReader: { name: "Log Analytics Reader", id: "73c42c96-874c-492b-b04d-ab87d138a893" },
  userAccessAdministrator: { name: "User Access Administrator", id: "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9" },
  rbacAdministrator: { name: "Role Based Access Control Administrator", id: "f58310d9-a9f6-439a-9e8d-f62e7b41a168" },
} as const satisfies { [key: string]: BuiltInRoleDefinition };

/** The roles that carry export access to a destination's data (checked for scope by the check pack). */
export const EXPORT_ACCESS_ROLES: readonly BuiltInRoleDefinition[] = [
  BUILT_IN_ROLES.logAnalyticsContributor,
  BUILT_IN_ROLES.sentinelContributor,
  BUILT_IN_ROLES.monitoringContributor,
  BUILT_IN_ROLES.eventHubsDataSender,
  BUILT_IN_ROLES.eventHubsDataReceiver,
];

/**
 * The roles that can grant roles (`Microsoft.Authorization/roleAssignments/write`): whoever holds one can
 * give itself any access at that scope (Microsoft's built-in roles reference, checked 2026-12).
 */
export const ROLE_GRANTING_ROLES: readonly BuiltInRoleDefinition[] = [
  BUILT_IN_ROLES.owner,
  BUILT_IN_ROLES.userAccessAdministrator,
  BUILT_IN_ROLES.rbacAdministrator,
];
