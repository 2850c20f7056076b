import { createHash } from "node:crypto";
import { ExportConfigError } from "../model/errors";

/** One shard of a fleet: the subscriptions one stack (with its own state) deploys. */
export interface FleetShard {
  /** The shard's index, from 0. */
  readonly index: number;
  /** A name for the shard's stack and state key, e.g. `shard-03`. */
  readonly name: string;
  /** The subscriptions of this shard, sorted. */
  readonly subscriptionIds: string[];
  /**
   * Subscriptions that were in another shard under `previousShardCount`: the fleet imports their
   * automations (and created groups) into this shard's state. Empty without `previousShardCount`.
   */
  readonly arriving: string[];
  /**
   * Subscriptions that were in this shard under `previousShardCount` and now belong to another: the
   * fleet writes `removed` blocks (destroy = false) for their resources, so this shard's state lets
   * them go without deleting them. Empty without `previousShardCount`.
   */
  readonly leaving: string[];
  /**
   * Whether the shard exists only to let its subscriptions go (its index is at or above a lowered
   * `shardCount`): deploy it once more with its `leaving` list, then drop its stack and state.
   */
  readonly retiring: boolean;
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

/**
 * Splits subscriptions over shards by rendezvous (highest-random-weight) hashing: each subscription goes
 * to the shard with the highest hash of (subscription, shard). The assignment depends only on the
 * subscription id and the shard count, so adding or removing a subscription never moves another one to
 * another state, and raising the shard count moves only the subscriptions that the new shards win.
 */
export class ShardPlan {
  /** The shards for these subscriptions. */
  public static of(subscriptionIds: string[], options: ShardPlanOptions): FleetShard[] {
    return planShards(subscriptionIds, options);
  }

  private constructor() {}
}

function planShards(subscriptionIds: readonly string[], options: ShardPlanOptions): FleetShard[] {
  const count = checkedCount(options.shardCount, "shardCount");
  const previous = options.previousShardCount === undefined ? count : checkedCount(options.previousShardCount, "previousShardCount");
  if (!Array.isArray(subscriptionIds)) {
    throw new ExportConfigError("DFE092", "the subscriptions must be a list of subscription ids.");
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
    const before = shardOf(id, previous);
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

function checkedCount(count: number, name: string): number {
  if (!Number.isInteger(count) || count < 1) {
    throw new ExportConfigError("DFE093", `${name} must be a whole number of at least 1, got ${count}.`);
  }
  return count;
}

function shardOf(subscriptionId: string, count: number): number {
  let best = 0;
  let bestWeight = "";
  for (let shard = 0; shard < count; shard++) {
    const weight = createHash("sha256").update(`${subscriptionId.toLowerCase()}|${shard}`).digest("hex");
    if (weight > bestWeight) {
      best = shard;
      bestWeight = weight;
    }
  }
  return best;
}
