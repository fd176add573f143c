// The table of every rule. Each section is owned by one group of rules; add new rules to their section.
import type { Rule } from './rule';
import { rule as duplicateName } from './rules/duplicate-name';
import { rule as missingConsistency } from './rules/missing-consistency';
import { rule as unknownReference } from './rules/unknown-reference';

export const allRules: Rule[] = [
  // ---- names and structure ----
  unknownReference,
  duplicateName,
  missingConsistency,
  // ---- topology and physics ----
  // ---- levels, tiers and transactions ----
  // ---- estimates: latency, availability, staleness, cost, capacity ----
  // ---- conflicts, sessions, conditions and degradation ----
];
