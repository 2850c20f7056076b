import type { KIND_DECLARATIONS } from "./all-kinds";

/** The shape of a kind's resource id: its ARM resource types, name rules and an example. */
export interface KindIdShape {
  /** The ARM resource types, provider type first (e.g. `Microsoft.EventHub/namespaces`, `eventhubs`). */
  readonly types: readonly string[];
  /** The name rule of each name segment, in order (`workspace`, `eventHubNamespace`, …). */
  readonly names: readonly string[];
  /** An example id, for messages. */
  readonly example: string;
}

/**
 * A kind's key in per-kind props (`AutomationNames`, `AdoptedAutomations`): `workspace`, `eventHub`,
 * `logicApp`, derived from the kinds' declarations (`lib/kinds/all-kinds.ts`).
 */
export type KindPropKey = (typeof KIND_DECLARATIONS)[number]["propKey"];

/**
 * One log search alert over a destination's platform metrics (in the health's metrics workspace): it fires
 * when the metric's total over the silence is zero (`silence`), or when it is above zero within the last hour (`any`).
 */
export interface MetricAlert {
  /** The alert rule's construct id (an address: never change it). */
  readonly id: string;
  /** The suffix of the rule's Azure name. */
  readonly suffix: string;
  /** The platform metric the alert reads. */
  readonly metric: string;
  /** When the alert fires. */
  readonly firesOn: "silence" | "any";
  /** The rule's description, given the destination in words. */
  describe(destination: string): string;
}

/**
 * How health alerts hear a kind's heartbeat: a workspace's own tables (`tables`: one alert per watched
 * subscription that sent no rows), or the destination's platform metrics sent to a workspace (`metrics`).
 */
export type Heartbeat =
  | {
      /** The exported rows in the workspace itself. */
      readonly watches: "tables";
    }
  | {
      /** The destination's platform metrics, in a metrics workspace. */
      readonly watches: "metrics";
      /** The resource whose metrics are read, from the destination's id (literal or a reference). */
      metricsOf(resourceId: string): string;
      /** The alerts, in order (their construct ids are addresses). */
      readonly alerts: readonly MetricAlert[];
      /** What is watched and when it alerts, in words, for the report. */
      summary(hours: number): string;
    };

/** Microsoft's built-in export policy for a kind: its definitions and how its parameter names the destination. */
export interface KindPolicy {
  /** The automation name the built-in policy deploys (the policy's spelling). */
  readonly automationName: string;
  /** The parameter that names the destination. */
  readonly destinationParameter: string;
  /** The definition (a GUID) that sends with the destination's key or as its own identity, if any. @default none */
  readonly definitionName?: string;
  /** The definition (a GUID) that sends as a trusted service (no key), if any. @default none */
  readonly trustedServiceDefinitionName?: string;
  /**
   * What the parameter of the keyed definition takes: the destination's resource id, or the scope that
   * grants access to it (an event hub's Send rule, whose connection string the policy reads itself).
   */
  readonly names: "resource" | "accessScope";
}

/** A variable the imported program asks the user to fill (a secret or a name only the user knows). */
export interface ProgramInput {
  /** The TypeScript variable holding the Terraform variable. */
  readonly variable: string;
  /** The Terraform variable's name. */
  readonly name: string;
  /** Whether the variable is sensitive. */
  readonly sensitive: boolean;
  /** The variable's description (plain text; the program writes it through its one door for text). */
  readonly description: string;
}

/** What the imported program needs to know of one live destination. */
export interface ProgramRequest {
  /** The destination's number in the program (1, 2, …). */
  readonly n: number;
  /** The destination's resource id, as Azure returns it. */
  readonly resourceId: string;
  /** Whether the action sends as a trusted service. */
  readonly trusted: boolean;
  /** The TypeScript string literal of a text: the program's one door for text into code. */
  literal(text: string): string;
  /** `, provider: <alias>` for an azurerm provider of the destination's subscription (declared by the program), or "" for the default one. */
  provider(): string;
}

/** One destination of the imported program. */
export interface ProgramDestination {
  /** The library class the code uses. */
  readonly className: string;
  /** The TypeScript variable the destination is held in. */
  readonly variable: string;
  /** The expression that makes the destination. */
  readonly code: string;
  /** The variables the code reads. */
  readonly inputs: readonly ProgramInput[];
  /** Whether the destination needs the azuread provider (to look the trusted sender up). @default false */
  readonly needsAzuread?: boolean;
}

/**
 * Everything that depends on a destination kind, declared in one file per kind (`lib/kinds/*.ts`, see
 * docs/kinds.md): the wire names, the ARM and Terraform types it is recognized by, the heartbeat the health
 * alerts hear, the built-in policy, the import program's text and the words.
 */
export interface KindDeclaration {
  /** The action type, as azurerm 4.x and 5.x and the REST API accept it. */
  readonly actionType: string;
  /** The kind in words. */
  readonly displayName: string;
  /**
   * Its key in per-kind props (`AutomationNames`, `AdoptedAutomations`, each with a named member for it),
   * declared `as const` so that `KindPropKey` is the union of the kinds' keys.
   */
  readonly propKey: string;
  /** The REST action's property that holds the destination's resource id. */
  readonly resourceIdProperty: string;
  /** The REST action's property that holds its secret (connection string, callback URL), if any. @default none */
  readonly secretProperty?: string;
  /** The REST action's property that turns trusted-service sending on, if the kind can send so. @default none */
  readonly trustedServiceProperty?: string;
  /** The automation name the portal's Continuous export page shows, if any. @default none */
  readonly portalName?: string;
  /** The shape of the destination's resource id (its ARM resource types). */
  readonly idShape: KindIdShape;
  /** The Terraform resource type of the destination itself, as a stack creates it. */
  readonly resourceType: string;
  /** The argument of that resource that references its parent (an event hub's namespace), if its name is the parent's and its own. @default none */
  readonly parentArgument?: string;
  /** What `new <Kind>Destination` writes, as resource type and construct id below the destination. */
  readonly createdResources: ReadonlyArray<readonly [string, string]>;
  /** How health alerts hear that data arrives. */
  readonly heartbeat: Heartbeat;
  /** Microsoft's built-in export policy for the kind, if there is one. @default none */
  readonly policy?: KindPolicy;
  /** The Graphviz shape the diagram draws a destination of this kind as. */
  readonly diagramShape: string;
  /** How an action of this kind sends, in words (e.g. "as a trusted service, no key"), if the kind has several ways. @default none */
  sendingInWords?(trusted: boolean): string;
  /** The destination as code in the imported program. */
  program(request: ProgramRequest): ProgramDestination;
}
