// The built-in profiles by name, the default, and currency conversion between INR and USD.
import type { Currency, Profile } from '../profile';
import { cloudGeneric2024 } from './cloud-generic-2024';
import { india2024 } from './india-2024';

export const profiles: ReadonlyMap<string, Profile> = new Map([india2024, cloudGeneric2024].map((p) => [p.name, p]));

export const defaultProfileName = india2024.name;

/** Every built-in profile name: the TypeScript ones and the prelude's vendors-2026 (vendor list prices). */
export const builtinProfileNames: readonly string[] = [...profiles.keys(), 'vendors-2026'];

/** Assumption: 1 USD = ₹83 (about the 2024 average; the source gives no rate). */
export const inrPerUsd = 83;

export const conversionNote = `amounts converted at 1 USD = ₹${inrPerUsd} (assumption, about the 2024 average)`;

export function profileNamed(name: string | undefined): Profile | undefined {
  return profiles.get(name ?? defaultProfileName);
}

/** Multiplier that turns an amount in `from` into `to`, at `perUsd` rupees per dollar (default ₹83). */
export function rate(from: Currency, to: Currency, perUsd = inrPerUsd): number {
  if (from === to) return 1;
  return from === 'USD' ? perUsd : 1 / perUsd;
}
