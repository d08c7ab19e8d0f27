/**
 * Strongly connected components of the trade graph (an edge j -> i where i can buy from j).
 * Prohibitive tariffs can split the world into blocs that cannot pay for each other's goods; the solver
 * treats each bloc as its own economy (see solver.ts). Tarjan's algorithm, iterative, O(n^2) on the dense
 * matrix; `label[i]` is the component of country i, components numbered from 0.
 */
export function tradeComponents(
  n: number,
  open: (importer: number, exporter: number) => boolean,
): Int32Array {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const label = new Int32Array(n).fill(-1);
  let counter = 0;
  let components = 0;
  // Explicit DFS stack of (node, next neighbour to visit).
  const frames: number[] = [];
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    frames.push(root, 0);
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (frames.length > 0) {
      const top = frames.length - 2;
      const v = frames[top];
      let w = frames[top + 1];
      // Neighbours of v: the countries v sells to (w imports from v).
      while (w < n && (w === v || !open(w, v))) w++;
      if (w < n) {
        frames[top + 1] = w + 1;
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          frames.push(w, 0);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v], index[w]);
        }
        continue;
      }
      frames.length = top;
      if (frames.length > 0) {
        const parent = frames[frames.length - 2];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === index[v]) {
        let x: number;
        do {
          x = stack.pop()!;
          onStack[x] = 0;
          label[x] = components;
        } while (x !== v);
        components++;
      }
    }
  }
  return label;
}
