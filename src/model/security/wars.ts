/**
 * Wars as the security module keeps them: two sides of states, and the pairs across the sides that are at
 * war. A war begins between two states (a dispute that escalated, or a scenario event); defence allies of
 * either side may join it (one round: allies of joiners do not); it ends as a whole.
 */
import { pairIndex } from './pairs.js';

export interface War {
  readonly id: number;
  readonly start: number;
  readonly sides: readonly [number[], number[]];
  /** The pairs at war, one member of each side: packed index k and the two states. */
  readonly pairs: { readonly k: number; readonly a: number; readonly b: number }[];
}

export class WarBook {
  readonly wars: War[] = [];
  /** Per pair, the id of the war it is fighting (0: none). */
  readonly pairWar: Int32Array;
  private nextId = 1;

  constructor(readonly n: number) {
    this.pairWar = new Int32Array((n * (n - 1)) / 2);
  }

  atWar(i: number, j: number): boolean {
    return this.pairWar[pairIndex(this.n, i, j)] !== 0;
  }

  start(a: number, b: number, year: number): War {
    const war: War = { id: this.nextId++, start: year, sides: [[a], [b]], pairs: [] };
    this.wars.push(war);
    this.link(war, a, b);
    return war;
  }

  /** State c enters the war on `side` (0 or 1), at war with every member of the other side not yet fighting. */
  join(war: War, c: number, side: 0 | 1): void {
    war.sides[side].push(c);
    for (const enemy of war.sides[1 - side]) if (!this.atWar(c, enemy)) this.link(war, c, enemy);
  }

  end(war: War): void {
    for (const { k } of war.pairs) this.pairWar[k] = 0;
    this.wars.splice(this.wars.indexOf(war), 1);
  }

  /** Whether state c fights in the war. */
  static involves(war: War, c: number): boolean {
    return war.sides[0].includes(c) || war.sides[1].includes(c);
  }

  private link(war: War, a: number, b: number): void {
    const k = pairIndex(this.n, a, b);
    this.pairWar[k] = war.id;
    war.pairs.push({ k, a, b });
  }
}
