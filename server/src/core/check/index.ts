// The table of every rule. Each section is owned by one group of rules; add new rules to their section.
import type { Rule } from './rule';
import { rule as duplicateName } from './rules/duplicate-name';
import { rule as missingConsistency } from './rules/missing-consistency';
import { rule as unknownReference } from './rules/unknown-reference';
import { rule as linkFasterThanLight } from './rules/link-faster-than-light';
import { rule as unreachableRegion } from './rules/unreachable-region';
import { rule as duplicateLink } from './rules/duplicate-link';
import { rule as levelBelowTier } from './rules/level-below-tier';
import { rule as slaLooserThanTier } from './rules/sla-looser-than-tier';
import { rule as transactionMixedLevels } from './rules/transaction-mixed-levels';
import { rule as quorumNoOverlap } from './rules/quorum-no-overlap';
import { rule as quorumTooLarge } from './rules/quorum-too-large';
import { rule as evenConsensusGroup } from './rules/even-consensus-group';
import { rule as strongWithStaleness } from './rules/strong-with-staleness';
import { rule as lwwOnMoney } from './rules/lww-on-money';
import { rule as multiPrimaryLinearizable } from './rules/multi-primary-linearizable';
import { rule as capPreferAvailability } from './rules/cap-prefer-availability';
import { rule as sessionGuaranteeUnsupported } from './rules/session-guarantee-unsupported';
import { rule as whenOverlap } from './rules/when-overlap';
import { rule as whenGap } from './rules/when-gap';
import { rule as degradeBelowFloor } from './rules/degrade-below-floor';
import { rule as latencyBelowPhysics } from './rules/latency-below-physics';
import { rule as availabilityUnreachable } from './rules/availability-unreachable';
import { rule as stalenessBelowPhysics } from './rules/staleness-below-physics';
import { rule as stalenessBelowLag } from './rules/staleness-below-lag';
import { rule as budgetExceeded } from './rules/budget-exceeded';
import { rule as workloadOverCapacity } from './rules/workload-over-capacity';
import { rule as unknownProfile } from './rules/unknown-profile';
import { rule as storeCannotProvide } from './rules/store-cannot-provide';
import { rule as partitionBreaksAvailability } from './rules/partition-breaks-availability';

export const allRules: Rule[] = [
  // ---- names and structure ----
  unknownReference,
  duplicateName,
  missingConsistency,
  // ---- topology and physics ----
  linkFasterThanLight,
  unreachableRegion,
  duplicateLink,
  // ---- levels, tiers and transactions ----
  levelBelowTier,
  slaLooserThanTier,
  transactionMixedLevels,
  quorumNoOverlap,
  quorumTooLarge,
  evenConsensusGroup,
  strongWithStaleness,
  // ---- estimates: latency, availability, staleness, cost, capacity ----
  latencyBelowPhysics,
  availabilityUnreachable,
  stalenessBelowPhysics,
  stalenessBelowLag,
  budgetExceeded,
  workloadOverCapacity,
  unknownProfile,
  // ---- conflicts, sessions, conditions and degradation ----
  lwwOnMoney,
  multiPrimaryLinearizable,
  capPreferAvailability,
  sessionGuaranteeUnsupported,
  whenOverlap,
  whenGap,
  degradeBelowFloor,
  // ---- stores: what the systems named by `store` can give ----
  storeCannotProvide,
  // ---- scenarios: what a declared simulation implies for the targets ----
  partitionBreaksAvailability,
];
