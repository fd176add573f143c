// Which analysis a request about one file is answered from: the last one computed, as long as nothing that
// file sees (itself and the files it imports) changed since; else the latest. A hover, completion or lens on
// one file therefore never waits for an edit of an unrelated file to be parsed and analysed. Requests that
// span files (references, rename, workspace symbols, export, simulation) and validation take the latest.
import { uriKey } from '../core/model/imports';
import type { Snapshot } from '../service/snapshot';

export class RequestSnapshots {
  private last?: Snapshot;
  private readonly changed = new Set<string>();
  private everything = false;

  constructor(private readonly analyse: () => Snapshot) {}

  /** A document was opened, edited, closed, found, changed or deleted on disk. */
  changedDocument(uri: string): void {
    this.changed.add(uriKey(uri));
  }

  /** Something every file sees changed (the settings). */
  changedEverything(): void {
    this.everything = true;
  }

  /** The analysis of every document as they are now. */
  latest(): Snapshot {
    const s = this.analyse();
    if (s !== this.last) {
      this.last = s;
      this.changed.clear();
      this.everything = false;
    }
    return s;
  }

  /** An analysis that is current for `uri` and everything it sees (possibly stale for unrelated files). */
  forDocument(uri: string): Snapshot {
    const last = this.last;
    if (!last || this.everything || this.changed.size === 0) return this.latest();
    const key = uriKey(uri);
    if (this.changed.has(key)) return this.latest();
    const unit = last.analysis.units.get(uri) ?? [...last.analysis.units.values()].find((u) => uriKey(u.root) === key);
    if (!unit || unit.documents.some((d) => this.changed.has(uriKey(d)))) return this.latest();
    return last;
  }
}
