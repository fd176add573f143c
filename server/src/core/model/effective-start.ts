// Where a data type's or a `when` branch's effective settings start (effective.ts fills them in): every field
// present, in one order, so every Effective has one object shape (the rules read them all, per data type); lists
// that nobody changes once the model is built are shared, not allocated per data type and branch.
import type { Effective } from './model';

// Lists nobody changes once the model is built, shared rather than allocated per data type and branch; frozen,
// so a change to one would throw (an internal error on the file) instead of changing every data type's.
const noBounds = Object.freeze([]) as unknown as Effective['latency'];
const noPrimaries = Object.freeze([]) as unknown as string[];
const unsetMoney: Effective['moneyBasis'] = Object.freeze({ value: false, declared: false, reason: '' });

/** Every field present, in one order: one object shape for every data type and branch (the rules read them all). */
export function fresh(): Effective {
  return {
    level: undefined,
    tierFloor: undefined,
    replication: undefined,
    latency: noBounds,
    availabilityPct: undefined,
    partition: undefined,
    conflict: undefined,
    workload: undefined,
    budget: undefined,
    stalenessMs: undefined,
    category: undefined,
    primaries: noPrimaries,
    money: false,
    moneyBasis: unsetMoney, // always replaced by computeEffective's verdict
    sessions: undefined,
    lwwClock: undefined,
  };
}

/** A branch's starting point: its data type's settings (lists shared: computeEffective replaces, never changes them). */
export function copyOf(b: Effective): Effective {
  return {
    level: b.level,
    tierFloor: b.tierFloor,
    replication: b.replication,
    latency: b.latency, // copied when the branch adds a bound
    availabilityPct: b.availabilityPct,
    partition: b.partition,
    conflict: b.conflict,
    workload: b.workload,
    budget: b.budget,
    stalenessMs: b.stalenessMs,
    category: b.category,
    primaries: b.primaries, // replaced, never changed, when the branch names its own
    money: b.money,
    moneyBasis: b.moneyBasis,
    sessions: b.sessions,
    lwwClock: b.lwwClock,
  };
}
