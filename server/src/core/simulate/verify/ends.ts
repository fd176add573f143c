// The end states a collecting search (or one step of a one-operation window) leaves: value, aux, and which of the
// operations in flight at the window's cut each had applied; distinct, at most `maxEnds`. Also the outcome codes
// and what the last search spent.
/** Outcomes of a search: explained, not explained, or not judged (budget, memory, too much to carry). */
export const OK = 0;
export const FAIL = 1;
export const UNKNOWN = 2;

/** The end-state set and the cost of the last search (base of the search classes). */
export class EndStates {
  /** Steps taken by the last run. */
  steps = 0;
  /** Why the last run returned UNKNOWN. */
  reason: 'budget' | 'memory' | 'info' | 'cap' | null = null;
  /** End states recorded by `collect` (pending indeterminate increments folded into aux), and which of the
   * operations still in flight at the cut (`out`, in index order) each had lifted, as a bitmask. */
  endV = new Float64Array(8);
  endAux = new Float64Array(8);
  endMask = new Int32Array(8);
  ends = 0;
  /** More distinct end states than `maxEnds`: the run stopped at the first ones (the window is fine). */
  endsOverflow = false;
  protected maxEnds = 0;

  /** Adds an end state unless already there; false past `maxEnds`. */
  protected keepEnd(v: number, a: number, mask: number): boolean {
    for (let k = 0; k < this.ends; k++) {
      if (this.endV[k] === v && this.endAux[k] === a && this.endMask[k] === mask) return true;
    }
    if (this.ends === this.maxEnds) {
      this.endsOverflow = true;
      return false;
    }
    if (this.ends === this.endV.length) {
      const v = new Float64Array(this.ends * 2);
      v.set(this.endV);
      this.endV = v;
      const x = new Float64Array(this.ends * 2);
      x.set(this.endAux);
      this.endAux = x;
      const m = new Int32Array(this.ends * 2);
      m.set(this.endMask);
      this.endMask = m;
    }
    this.endV[this.ends] = v;
    this.endMask[this.ends] = mask;
    this.endAux[this.ends++] = a;
    return true;
  }
}
