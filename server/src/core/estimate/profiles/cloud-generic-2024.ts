// A cloud-style alternative profile in USD: per-instance prices, inter-region transfer per GB and
// per-million request prices. ILLUSTRATIVE list-price-style figures (shaped like 2024 public cloud price
// pages, not quoted from any provider); the source text has no cloud prices. Latency, capacity and people
// hours are the default profile's source figures (see india-2024.ts), so only prices and uptime differ.
import type { ClassFigures, Profile } from '../profile';
import { india2024 } from './india-2024';

const src = india2024.classes;

// Illustrative USD prices per month: a managed database instance (strong: memory-optimised with
// provisioned IOPS; eventual: general-purpose), an on-call engineer rate and an incident allowance.
// Engineer hours per month are the source's (40 / 30 / 20, L1945, L1955, L1950).
const strong: ClassFigures = {
  ...src.strong,
  costPerReplica: 350,
  networkFlat: 0,
  monitoring: 60,
  engineerRate: 80,
  incident: 600,
  perMillionOps: 1.5,
};
const session: ClassFigures = {
  ...src.session,
  costPerReplica: 250,
  networkFlat: 0,
  monitoring: 45,
  engineerRate: 70,
  incident: 450,
  perMillionOps: 1.0,
};
const eventual: ClassFigures = {
  ...src.eventual,
  costPerReplica: 180,
  networkFlat: 0,
  monitoring: 30,
  engineerRate: 60,
  incident: 300,
  perMillionOps: 0.5,
};

export const cloudGeneric2024: Profile = {
  name: 'cloud-generic-2024',
  title: 'Generic public-cloud list prices (illustrative, 2024), USD',
  currency: 'USD',
  classes: { strong, session, eventual },
  transferPerGB: 0.02, // illustrative inter-region transfer price
  bytesPerWrite: india2024.bytesPerWrite,
  intraRegionRttMs: india2024.intraRegionRttMs,
  applyMsP99: india2024.applyMsP99,
  // Illustrative: a cloud region's published uptime target (99.99%) and a single instance's (99.5%).
  regionAvailabilityPct: 99.99,
  replicaAvailabilityPct: 99.5,
  peakFactor: india2024.peakFactor,
  notes: {
    ...india2024.notes,
    availability: 'a region is up 99.99% and an instance 99.5% (illustrative cloud uptime targets), independently',
    cost:
      'prices are illustrative cloud list-price-style figures (instance per replica ' +
      'per month, $0.02/GB inter-region, per-million requests), not quotes; engineer ' +
      "hours per level class are the source calculator's (source L1945–L1955)",
  },
};
