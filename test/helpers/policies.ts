// Policy fragments several test suites share.

/** The India topology: mumbai (3, primary), delhi (2), chennai (2) and their links. */
export const india = `topology india {
  region mumbai  { replicas 3 primary }
  region delhi   { replicas 2 }
  region chennai { replicas 2 }
  link mumbai <-> delhi   45ms jitter 5ms
  link mumbai <-> chennai 35ms
  link delhi  <-> chennai 65ms
}
`;

/** Two regions, a session data type and a strong one: the CLI simulate suites' policy. */
export const twoRegionPolicy = `topology india {
  region mumbai { replicas 3 primary }
  region delhi  { replicas 2 }
  link mumbai <-> delhi 45ms
}
data sess { topology india consistency session }
data acct { topology india consistency strong replication sync conflict abort }
`;
