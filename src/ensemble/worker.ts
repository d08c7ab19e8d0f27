/** The worker-thread entry (piscina): runs one shard on this thread's copy of the shipped data. */
import { Piscina } from 'piscina';
import { loadWorldData } from '../data/load.js';
import { runShard, type Shard } from './shard.js';

/** The series go back to the parent thread by transfer, not by copy. */
export default function runShardTask(shard: Shard): unknown {
  return Piscina.move(runShard(loadWorldData(), shard));
}
