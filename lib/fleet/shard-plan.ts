import { BRANDS } from "../model/brand";
import * as crypto from "node:crypto";
import { ExportConfigError, atFactory, describeValue } from "../model/errors";
import { checkList } from "../internal/inputs";
import { isGuid } from "../model/guid";

/** A shard as planned, before `ShardPlan.of` hands it out as a {@link FleetShard}. */
interface PlannedShard {
  index: number;
  name: string;
  subscriptionIds: string[];
  arriving: string[];
  leaving: string[];
  retiring: boolean;
}

/**
 * One shard of a fleet: the subscriptions one stack (with its own state) deploys. Only `ShardPlan.of` makes
 * shards (a class, so that every language hands back the very shard it got, which the fleet recognizes).
 */
export class FleetShard {
  /** A planned shard. @internal */
  public static _of(planned: PlannedShard): FleetShard {
    return new FleetShard(planned);
  }

  /** The shard's index, from 0. */
  public readonly index: number;
  /** A name for the shard's stack and state key, e.g. `shard-03`. */
  public readonly name: string;
  /** The subscriptions of this shard, sorted. */
  public readonly subscriptionIds: string[];
  /**
   * Subscriptions that were in another shard under `previousShardCount`: the fleet imports their
   * automations (and created groups) into this shard's state. Empty without `previousShardCount`.
   */
  public readonly arriving: string[];
  /**
   * Subscriptions that were in this shard under `previousShardCount` and now belong to another: the
   * fleet writes `removed` blocks (destroy = false) for their resources, so this shard's state lets
   * them go without deleting them. Empty without `previousShardCount`.
   */
  public readonly leaving: string[];
  /**
   * Whether the shard exists only to let its subscriptions go (its index is at or above a lowered
   * `shardCount`): deploy it once more with its `leaving` list, then drop its stack and state.
   */
  public readonly retiring: boolean;

  private constructor(planned: PlannedShard) {
    this.index = planned.index;
    this.name = planned.name;
    this.subscriptionIds = planned.subscriptionIds;
    this.arriving = planned.arriving;
    this.leaving = planned.leaving;
    this.retiring = planned.retiring;
  }
}

/** Options of {@link ShardPlan.of}. */
export interface ShardPlanOptions {
  /** How many shards (stacks). Changing it moves only the subscriptions that the new shards take. */
  readonly shardCount: number;
  /** Refuse a plan in which a shard holds more subscriptions than this. @default no limit */
  readonly maxShardSize?: number;
  /**
   * The shard count the fleet was deployed with before, when `shardCount` changes: each shard then
   * says which subscriptions arrive and leave, and the fleet hands their automations over between the
   * shards' states (import in the new, `removed` in the old) without touching Azure. A lower count keeps
   * the dropped shards in the plan as `retiring` until they have been deployed once.
   * @default the count has not changed
   */
  readonly previousShardCount?: number;
}

/** One shard as a job of a CI engine's matrix: what to deploy, with which state, and how big it is. */
export interface ShardJob {
  /** The shard's name, e.g. `shard-03`. */
  readonly shard: string;
  /** The cdktf stack that deploys it (`cdktf deploy <stack>`). */
  readonly stack: string;
  /** The key of its state in the backend: one run at a time may write it. */
  readonly backendKey: string;
  /** How many subscriptions it exports. */
  readonly subscriptionCount: number;
  /** How many subscriptions it imports from other shards in this deployment. */
  readonly arriving: number;
  /** How many subscriptions it lets go to other shards in this deployment. */
  readonly leaving: number;
  /** Whether it only lets its subscriptions go (deploy it once more, then drop its stack and state). */
  readonly retiring: boolean;
}

/** A sharded deployment, machine-readable: what to deploy first, then one job per shard. */
export interface ShardDeployment {
  /** The stacks to deploy, in order, before any shard (e.g. the central stack the shards export to). */
  readonly first: string[];
  /** One job per shard; the jobs are independent of each other. */
  readonly shards: ShardJob[];
  /** The subscriptions of all shards. */
  readonly subscriptionCount: number;
}

/**
 * How the shards' stacks are named: the stack id and the state key of each shard. In TypeScript an object
 * literal does (`{ stackOf: (s) => \`fleet-${s.name}\`, backendKeyOf: (s) => \`${s.name}.tfstate\` }`); in
 * the other languages, a class that implements it.
 */
export interface IShardNaming {
  /** The stack id of a shard's stack. */
  stackOf(shard: FleetShard): string;
  /** The state key of a shard's stack. */
  backendKeyOf(shard: FleetShard): string;
}

/** Options of {@link ShardPlan.deployment}. */
export interface ShardDeploymentOptions {
  /** The stack id and state key of each shard's stack. */
  readonly naming: IShardNaming;
  /** Stacks every shard depends on, deployed first in this order. @default none */
  readonly first?: string[];
}

/**
 * Splits subscriptions over shards by rendezvous (highest-random-weight) hashing: each subscription goes
 * to the shard with the highest hash of (subscription, shard). The assignment depends only on the
 * subscription id and the shard count, so adding or removing a subscription never moves another one to
 * another state, and raising the shard count moves only the subscriptions that the new shards win.
 */
export class ShardPlan {
  /** The shards for these subscriptions. */
  public static of(subscriptionIds: string[], options: ShardPlanOptions): FleetShard[] {
    return atFactory("ShardPlan.of", () => planShards(subscriptionIds, options).map((shard) => BRANDS.shard.mark(FleetShard._of(shard))));
  }

  /**
   * The deployment of planned shards, as a CI engine takes it: write it next to the synthesized stacks
   * (e.g. `cdktf.out/shard-plan.json`) and let a job matrix read it, one job per shard.
   */
  public static deployment(shards: FleetShard[], options: ShardDeploymentOptions): ShardDeployment {
    return atFactory("ShardPlan.deployment", () => deploymentOf(shards, options));
  }

  private constructor() {}
}

function deploymentOf(shards: FleetShard[], options: ShardDeploymentOptions): ShardDeployment {
  {
    checkList<unknown>("shards", shards);
    shards.forEach((shard) => BRANDS.shard.check("shards", shard));
    const given: Partial<IShardNaming> | null | undefined = options !== null && typeof options === "object" ? options.naming : undefined;
    if (given === null || typeof given !== "object" || typeof given.stackOf !== "function" || typeof given.backendKeyOf !== "function") {
      throw new ExportConfigError(
        "DFE093",
        `the deployment options must be { naming: { stackOf, backendKeyOf } } (functions of a shard), got ${describeValue(options)}.`,
      );
    }
    const naming = given as IShardNaming;
    const text = (key: string, value: unknown): string => {
      if (typeof value !== "string" || value === "")
        throw new ExportConfigError("DFE093", `\`${key}\` must give a text for each shard, got ${describeValue(value)}.`);
      return value;
    };
    const jobs = shards.map((shard) => ({
      shard: shard.name,
      stack: text("stackOf", naming.stackOf(shard)),
      backendKey: text("backendKeyOf", naming.backendKeyOf(shard)),
      subscriptionCount: shard.subscriptionIds.length,
      arriving: shard.arriving.length,
      leaving: shard.leaving.length,
      retiring: shard.retiring,
    }));
    for (const key of ["stack", "backendKey"] as const) {
      const seen = new Set<string>();
      for (const job of jobs) {
        if (seen.has(job[key]))
          throw new ExportConfigError("DFE092", `two shards share the ${key} "${job[key]}": each shard needs its own stack and state.`);
        seen.add(job[key]);
      }
    }
    const first = checkList<unknown>("first", options.first) ?? [];
    return { first: first.map((f) => text("first", f)), shards: jobs, subscriptionCount: jobs.reduce((sum, j) => sum + j.subscriptionCount, 0) };
  }
}

/**
 * The most shards a plan takes. A shard is a stack, a state and a CI job: GitHub Actions runs at most 256
 * jobs of one matrix (GitHub docs, "Running variations of jobs in a workflow", checked 2026-12), and 1,000
 * shards of the recommended 2,000 subscriptions (docs/fleets.md) hold two million subscriptions.
 */
export const MAX_SHARDS = 1000;
/**
 * The most hashing a plan does: one SHA-256 per subscription and shard count hashed (two counts while the
 * count changes). 100,000 subscriptions over 50 shards are 5 million hashes, about 2 s (docs/fleets.md);
 * the limit, ten times that, keeps a plan under half a minute.
 */
export const MAX_PLAN_HASHES = 50_000_000;

function planShards(subscriptionIds: readonly string[], options: ShardPlanOptions): PlannedShard[] {
  if (options === null || typeof options !== "object") {
    throw new ExportConfigError("DFE093", `the options must be { shardCount, … }, got ${describeValue(options)}.`);
  }
  const count = checkedCount(options.shardCount, "shardCount");
  const previous = options.previousShardCount === undefined ? count : checkedCount(options.previousShardCount, "previousShardCount");
  if (!Array.isArray(subscriptionIds)) {
    throw new ExportConfigError("DFE092", "the subscriptions must be a list of subscription ids.");
  }
  const wrong = subscriptionIds.find((s) => typeof s !== "string" || !isGuid(s));
  if (wrong !== undefined || subscriptionIds.includes(undefined as never)) {
    throw new ExportConfigError("DFE092", `the subscriptions must be subscription ids (GUIDs), got ${describeValue(wrong)}.`);
  }
  if (options.maxShardSize !== undefined) checkedCount(options.maxShardSize, "maxShardSize", Number.MAX_SAFE_INTEGER);
  const hashes = subscriptionIds.length * (previous === count ? count : count + previous);
  if (hashes > MAX_PLAN_HASHES) {
    throw new ExportConfigError(
      "DFE141",
      `planning ${subscriptionIds.length} subscriptions over ${previous === count ? count : `${count} (and before, ${previous})`} shards takes ` +
        `${hashes} hashes, more than the ${MAX_PLAN_HASHES} a plan may take. Use fewer shards (about one per 1,500 subscriptions), ` +
        `or plan the fleet in parts (one ShardPlan per tenant or management group).`,
    );
  }
  const unique = [...new Set(subscriptionIds.map((s) => String(s).toLowerCase()))];
  if (unique.length !== subscriptionIds.length) {
    throw new ExportConfigError("DFE092", "a subscription is listed twice. List each subscription once.");
  }
  const total = Math.max(count, previous);
  const width = Math.max(2, String(total - 1).length);
  const shards = Array.from({ length: total }, (_, index) => ({
    index,
    name: `shard-${String(index).padStart(width, "0")}`,
    subscriptionIds: [] as string[],
    arriving: [] as string[],
    leaving: [] as string[],
    retiring: index >= count,
  }));
  for (const id of [...subscriptionIds].sort()) {
    const now = shardOf(id, count);
    const before = previous === count ? now : shardOf(id, previous);
    shards[now].subscriptionIds.push(id);
    if (now !== before) {
      shards[now].arriving.push(id);
      shards[before].leaving.push(id);
    }
  }
  const largest = Math.max(...shards.map((s) => s.subscriptionIds.length));
  if (options.maxShardSize !== undefined && largest > options.maxShardSize) {
    throw new ExportConfigError(
      "DFE094",
      `a shard would hold ${largest} subscriptions, more than maxShardSize ${options.maxShardSize}. Raise shardCount ` +
        `(to about ${Math.ceil((subscriptionIds.length * 1.2) / options.maxShardSize)}): that moves only the ` +
        `subscriptions the new shards take.`,
    );
  }
  return shards;
}

function checkedCount(count: number, name: string, max = MAX_SHARDS): number {
  if (!Number.isInteger(count) || count < 1) {
    throw new ExportConfigError("DFE093", `${name} must be a whole number of at least 1, got ${describeValue(count)}.`);
  }
  if (count > max) {
    throw new ExportConfigError(
      "DFE140",
      `${name} ${count} is more than the ${MAX_SHARDS} shards a plan takes (each shard is a stack, a state and a CI job). ` +
        `Plan about one shard per 1,500 subscriptions, or split the fleet into several plans.`,
    );
  }
  return count;
}

/** SHA-256 of a text in hex: the one-shot `crypto.hash` where Node has it (20.12+), several times faster than a Hash object. */
const sha256: (text: string) => string =
  typeof (crypto as { hash?: unknown }).hash === "function"
    ? (text) => (crypto as unknown as { hash(algorithm: string, data: string): string }).hash("sha256", text)
    : (text) => crypto.createHash("sha256").update(text).digest("hex");

/** The shard whose weight, SHA-256 of `<subscription>|<shard>` (hex, compared as text), is highest. */
function shardOf(subscriptionId: string, count: number): number {
  const id = subscriptionId.toLowerCase();
  let best = 0;
  let bestWeight = "";
  for (let shard = 0; shard < count; shard++) {
    const weight = sha256(`${id}|${shard}`);
    if (weight > bestWeight) {
      best = shard;
      bestWeight = weight;
    }
  }
  return best;
}
