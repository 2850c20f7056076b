import { KIND_DECLARATIONS } from "./all-kinds";
import { EVENT_HUB_KIND } from "./event-hub";
import { Heartbeat, KindDeclaration, KindIdShape, KindPolicy, KindPropKey, ProgramDestination, ProgramRequest } from "./declaration";
import { LOGIC_APP_KIND } from "./logic-app";
import { WORKSPACE_KIND } from "./workspace";

/**
 * Each kind's declaration, and its id pattern, kept off the kind's own properties: an action (which holds its
 * kind) stays plain data that cdktf can resolve, and the functions are reached through methods and getters.
 */
const DECLARATIONS = new WeakMap<DestinationKind, { readonly declaration: KindDeclaration; readonly idPattern: RegExp }>();

/**
 * The kind of an export destination: the automation's `actionType`, and everything that depends on it,
 * each declared in the kind's own file (`lib/kinds/workspace.ts`, `event-hub.ts`, `logic-app.ts`, listed in
 * `all-kinds.ts`): its REST
 * wire names, the automation name the portal and Microsoft's policy give it, its key in per-kind props
 * (`names`, `adopt`), the resource types it is recognized by, its heartbeat, the import program's text and
 * its words. The rest of the library reads the kind; none of it asks which kind it is.
 */
export class DestinationKind {
  /** Every kind, in the order the library writes automations: one per declaration of `lib/kinds/all-kinds.ts`. */
  public static readonly ALL: DestinationKind[] = KIND_DECLARATIONS.map((declaration) => new DestinationKind(declaration));

  /** A Log Analytics workspace. */
  public static readonly WORKSPACE = DestinationKind.declaredBy(WORKSPACE_KIND);
  /** An Event Hub. */
  public static readonly EVENT_HUB = DestinationKind.declaredBy(EVENT_HUB_KIND);
  /** A Logic App (workflow automation); the portal shows these under workflow automation, by any name. */
  public static readonly LOGIC_APP = DestinationKind.declaredBy(LOGIC_APP_KIND);

  /** The kind of a REST or azurerm action type (`Workspace`, `EventHub`, `LogicApp`; case-insensitive), if any. */
  public static ofActionType(actionType: string): DestinationKind | undefined {
    return DestinationKind.ALL.find((k) => k.actionType.toLowerCase() === String(actionType).toLowerCase());
  }

  /** The kind of an existing resource's id, by its ARM resource types (case-insensitive), if any. */
  public static ofResourceId(id: string): DestinationKind | undefined {
    return DestinationKind.ALL.find((k) => k.declared.idPattern.test(id));
  }

  /** The action type, as azurerm 4.x and 5.x and the REST API accept it: `Workspace`, `EventHub`, `LogicApp`. */
  public readonly actionType: string;
  /** The kind in words. */
  public readonly displayName: string;
  /** Its key in per-kind props: `AutomationNames`, `AdoptedAutomations`. */
  public readonly propKey: KindPropKey;
  /** The REST action's property that holds the destination's resource id. */
  public readonly resourceIdProperty: string;
  /** The REST action's property that holds its secret (connection string, callback URL), if any. */
  public readonly secretProperty: string | undefined;
  /** The REST action's property that turns trusted-service sending on, if the kind can send so. */
  public readonly trustedServiceProperty: string | undefined;
  /** The automation name the portal's Continuous export page shows, if any. */
  public readonly portalName: string | undefined;
  /** The Graphviz shape the diagram draws a destination of this kind as. */
  public readonly diagramShape: string;
  /** The shape of the destination's resource id: its ARM resource types. @internal */
  public readonly _idShape: KindIdShape;
  /** The Terraform resource type of the destination itself, as a stack creates it. */
  public readonly resourceType: string;
  /** The argument of that resource that references its parent (an event hub's namespace), if any. */
  public readonly parentArgument: string | undefined;
  /** What `new <Kind>Destination` writes, as resource type and construct id below the destination. @internal */
  public readonly _createdResources: ReadonlyArray<readonly [string, string]>;
  /** Microsoft's built-in export policy for the kind, if there is one. @internal */
  public readonly _policy: KindPolicy | undefined;
  /** The automation name Microsoft's built-in export policy deploys (its spelling), if the policy can send to this kind. */
  public readonly policyAutomationName: string | undefined;

  /** The kind of `ALL` made from a declaration. */
  private static declaredBy(declaration: KindDeclaration): DestinationKind {
    return DestinationKind.ALL.find((k) => k.declared.declaration === declaration) as DestinationKind;
  }

  private constructor(declaration: KindDeclaration) {
    this.actionType = declaration.actionType;
    this.displayName = declaration.displayName;
    this.propKey = declaration.propKey as KindPropKey;
    this.resourceIdProperty = declaration.resourceIdProperty;
    this.secretProperty = declaration.secretProperty;
    this.trustedServiceProperty = declaration.trustedServiceProperty;
    this.portalName = declaration.portalName;
    this.diagramShape = declaration.diagramShape;
    this._idShape = declaration.idShape;
    this.resourceType = declaration.resourceType;
    this.parentArgument = declaration.parentArgument;
    this._createdResources = declaration.createdResources;
    this._policy = declaration.policy;
    this.policyAutomationName = declaration.policy?.automationName;
    const [providerType, ...childTypes] = declaration.idShape.types;
    const escape = (t: string) => t.replace(/\./g, "\\.");
    const idPattern = new RegExp(`/providers/${escape(providerType)}/[^/]+${childTypes.map((t) => `/${escape(t)}/[^/]+`).join("")}$`, "i");
    DECLARATIONS.set(this, { declaration, idPattern });
  }

  private get declared(): { readonly declaration: KindDeclaration; readonly idPattern: RegExp } {
    return DECLARATIONS.get(this) as { readonly declaration: KindDeclaration; readonly idPattern: RegExp };
  }

  /** How health alerts hear that data arrives. @internal */
  public get _heartbeat(): Heartbeat {
    return this.declared.declaration.heartbeat;
  }

  /** The destination's name in a resource id (`namespace/hub` for an event hub); `?` for a missing part. */
  public nameInId(id: string): string {
    const parts = id.split("/");
    const names = this._idShape.types.map((_, i) => parts[8 + 2 * i]);
    return names.length === 1 ? (names[0] ?? id) : names.map((n) => n ?? "?").join("/");
  }

  /** An existing destination of this kind in words, from its resource id, as the library's destinations describe themselves. */
  public existingInWords(id: string, trusted: boolean): string {
    const how = this.declared.declaration.sendingInWords?.(trusted);
    return `${this.displayName} ${this.nameInId(id)} (existing, in ${id.split("/")[4] ?? "?"}${how ? `, ${how}` : ""})`;
  }

  /** The destination as code in the program `import` writes. @internal */
  public _program(request: ProgramRequest): ProgramDestination {
    return this.declared.declaration.program(request);
  }
}
