// The profile an estimate uses: a built-in TypeScript profile (india-2024, cloud-generic-2024: per level class
// figures) or a `profile` block of the workspace or the prelude (vendors-2026), merged over the profiles it
// extends. Store figures always end in vendors-2026's; a block's general figures (currency, availability,
// intra-region round trip, transfer price) replace the base's.
import type { PolicyModel } from '../../model/model';
import type { Figure, ProfileModel } from '../../model/profiles';
import { memoised } from '../../util/memo';
import type { Currency, Profile } from '../profile';
import { cloudGeneric2024 } from './cloud-generic-2024';
import { defaultProfileName, profiles } from './index';

/** The built-in profile of vendor list prices (server/src/core/model/prelude/vendors-2026.consistency). */
export const vendorProfileName = 'vendors-2026';

export interface ResolvedProfile {
  profile: Profile;
  /** Set when the wanted profile does not exist (estimates then use the default). */
  missing?: string;
}

/** Every profile name a file may select: the TypeScript ones and the declared ones. */
export function knownProfileNames(model: PolicyModel): string[] {
  return [...profiles.keys(), ...model.profiles.keys()];
}

/** The profile for a file that names `wanted` (or none); a file with a store and no profile gets vendors-2026. */
export function resolveProfile(model: PolicyModel, wanted: string | undefined, hasStore: boolean): ResolvedProfile {
  const name = wanted ?? (hasStore && model.profiles.has(vendorProfileName) ? vendorProfileName : defaultProfileName);
  return memoised(model, ['profile', name], () => {
    const p = build(model, name);
    return p ? { profile: p } : { profile: build(model, defaultProfileName)!, missing: name };
  });
}

function build(model: PolicyModel, name: string): Profile | undefined {
  const vendor = model.profiles.get(vendorProfileName);
  const ts = profiles.get(name);
  if (ts) return { ...ts, figures: vendor?.figures, illustrative: true, chain: [name] };
  if (!model.profiles.has(name)) return undefined;
  // The chain of blocks, nearest first, up to a TypeScript profile or a block that extends nothing.
  const chain: ProfileModel[] = [];
  const inChain = new Set<ProfileModel>(); // a long `extends` chain stays linear
  let base: Profile = cloudGeneric2024;
  let extendsBuiltin = false;
  for (let at: string | undefined = name; at !== undefined; ) {
    const block = model.profiles.get(at);
    if (!block || inChain.has(block)) {
      base = (at && profiles.get(at)) || cloudGeneric2024;
      extendsBuiltin = !!(at && profiles.get(at));
      break;
    }
    chain.push(block);
    inChain.add(block);
    at = block.base ?? (block.name === vendorProfileName ? undefined : vendorProfileName);
  }
  const figures = new Map<string, Figure>(vendor && !chain.includes(vendor) ? vendor.figures : []);
  for (const block of [...chain].reverse()) for (const [k, f] of block.figures) figures.set(k, f);
  const num = (k: string) => figures.get(k)?.value;
  const text = (k: string) => figures.get(k)?.text;
  const currency = (text('currency') as Currency | undefined) ?? base.currency;
  const region = num('region-availability');
  const instance = num('instance-availability');
  const notes = { ...base.notes };
  if (region !== undefined || instance !== undefined) {
    const sources = `${sourceOf(figures, 'region-availability')}; ${sourceOf(figures, 'instance-availability')}`;
    const [r, i] = [region ?? base.regionAvailabilityPct, instance ?? base.replicaAvailabilityPct];
    const up = `a region is up ${r}% and an instance ${i}%`;
    notes.availability = `${up} (profile ${name}: ${sources}), independently`;
  }
  const rtt = num('intra-region-rtt');
  if (rtt !== undefined) notes.intraRegion = `intra-region round trip ${rtt} ms (profile ${name})`;
  return {
    ...base,
    name,
    title: text('title') ?? name,
    currency,
    figures,
    dated: text('dated'),
    // Extending india-2024 or cloud-generic-2024 keeps their illustrative level-class figures.
    illustrative: text('illustrative') === 'yes' || (extendsBuiltin && text('illustrative') !== 'no'),
    chain: [...chain.map((b) => b.name), ...(base === cloudGeneric2024 ? [] : [base.name])],
    inrPerUsd: num('inr-per-usd'),
    regionAvailabilityPct: region ?? base.regionAvailabilityPct,
    replicaAvailabilityPct: instance ?? base.replicaAvailabilityPct,
    intraRegionRttMs: rtt ?? base.intraRegionRttMs,
    transferPerGB: num('transfer-gb') ?? base.transferPerGB,
    notes,
  };
}

function sourceOf(figures: ReadonlyMap<string, Figure>, key: string): string {
  const f = figures.get(key);
  return f ? `${key} ${f.written}${f.source ? ` from ${f.source}` : ''}` : `${key} not set`;
}

/** One store figure of a profile, with where it comes from; throws when no profile in the chain sets it. */
export function figureOf(profile: Profile, key: string): Figure {
  const f = profile.figures?.get(key);
  if (!f) throw new Error(`profile ${profile.name} has no figure '${key}' (and neither has ${vendorProfileName})`);
  return f;
}

/** `cosmos.ru-hour $0.008 (…source…)`, for assumptions. */
export function cite(f: Figure): string {
  return `${f.key} ${f.written}${f.source ? ` — ${f.source}` : ''}`;
}
