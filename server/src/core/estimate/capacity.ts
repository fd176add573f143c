// Capacity: operations per second a level sustains on the topology, from the profile's per-replica
// figure. Consensus levels send every write through the leader and read from the leader (or spread a
// read quorum of R over N replicas); other levels read from any replica, so reads scale with replicas.
// Every replica applies every write, so writes never scale. The mix is the harmonic blend by read share.
import { formatCount } from './format';

export interface CapacityDetail {
  totalPerSec: number;
  readPerSec: number;
  writePerSec: number;
  explanation: string;
}

export function capacityOf(
  perReplica: number,
  source: string,
  consensus: boolean,
  replicas: number,
  readQuorum: number | undefined,
  readsPct: number,
): CapacityDetail {
  const c = formatCount;
  const writePerSec = perReplica;
  let readPerSec: number;
  let how: string;
  if (!consensus) {
    readPerSec = perReplica * replicas;
    how =
      `reads scale with the ${replicas} replica${replicas > 1 ? 's' : ''} (${c(readPerSec)}/s), ` +
      `writes do not (every replica applies each one: ${c(writePerSec)}/s)`;
  } else if (readQuorum && readQuorum > 1) {
    readPerSec = (perReplica * replicas) / readQuorum;
    how =
      `each read busies a read quorum of ${readQuorum} of ${replicas} replicas ` +
      `(${c(readPerSec)}/s), writes go through the leader (${c(writePerSec)}/s)`;
  } else {
    readPerSec = perReplica;
    how = `reads and writes go through the leader (${c(perReplica)}/s; consensus does not scale with replicas)`;
  }
  const r = readsPct / 100;
  const totalPerSec = 1 / (r / readPerSec + (1 - r) / writePerSec);
  return {
    totalPerSec,
    readPerSec,
    writePerSec,
    explanation:
      `${c(perReplica)} ops/s per replica (${source}); ` + `${how}; at ${readsPct}% reads ≈ ${c(totalPerSec)} ops/s`,
  };
}
