// Quorum arithmetic shared by the model, the estimates, the checks, the stores and the simulator.

/** The smallest majority of n replicas: ⌊n/2⌋ + 1. */
export const majority = (n: number): number => Math.floor(n / 2) + 1;
