import { loadWorldData } from '../src/data/load.js';
import { registry, simulate } from '../src/model/engine.js';
const data = loadWorldData();
for (let seed = 1; seed <= 8; seed++) {
  const g = (o: Record<string, number>) => simulate(data, { params: registry.resolve(o), seed, firstYear: data.baseYear, lastYear: 2100 }).global;
  const a = g({}), b = g({ 'climate.ecs': 4 });
  console.log(seed, a.gdp_trillion_usd2015.at(-1)!.toFixed(1), b.gdp_trillion_usd2015.at(-1)!.toFixed(1), a.wars_ongoing.reduce((x,y)=>x+y,0), b.wars_ongoing.reduce((x,y)=>x+y,0));
}
