import { ExportConfigError, describeValue } from "./errors";

/**
 * The objects one of the library's classes made, kept in a `WeakSet`: an object that merely looks like one
 * (a plain object with the same fields, `Object.create(Export.prototype)`, a copy made with the spread
 * operator) is not in it, so `instanceof` and duck typing cannot be fooled into taking a forged request.
 */
export class Brand {
  private readonly made = new WeakSet<object>();

  /**
   * @param what the objects, in words (`an Export`)
   * @param how how to make one (`Export.alerts(), Export.findings(), …`)
   */
  constructor(
    private readonly what: string,
    private readonly how: string,
  ) {}

  /** Records an object as made by the library; returns it. */
  public mark<T extends object>(made: T): T {
    this.made.add(made);
    return made;
  }

  /** Whether the library made this object. */
  public has(value: unknown): boolean {
    return typeof value === "object" && value !== null && this.made.has(value);
  }

  /** Throws DFE224 unless the library made this object. */
  public check(field: string, value: unknown): void {
    if (!this.has(value)) {
      throw new ExportConfigError(
        "DFE224",
        `\`${field}\` takes ${this.what} made by this library (${this.how}), got ${describeValue(value)}` +
          `${value !== null && typeof value === "object" ? ", which only looks like one" : ""}.`,
      );
    }
  }
}

/** The brands of the objects a user passes from one part of the library to another. */
export const BRANDS = {
  export: new Brand("an Export", "Export.alerts(), Export.findings(), …"),
  destination: new Brand("an export destination", "LogAnalyticsDestination, EventHubDestination, LogicAppDestination and their from… methods"),
  principal: new Brand(
    "a principal",
    "ExportingPrincipal.guestUser(), servicePrincipal(), lighthouse(), or SecurityResourceProvider.lookUp() / byObjectId()",
  ),
  shard: new Brand("a shard", "one of the shards ShardPlan.of returns"),
  consumerAccess: new Brand("a consumer access", "ConsumerAccess.listenRule() or ConsumerAccess.dataReceiver(objectId)"),
  /** The model's values: severities, plans, recommendations, operators, property types, rules, rule sets, data types. */
  value: new Brand("a value", "the class's constants or its of(…) method"),
};
