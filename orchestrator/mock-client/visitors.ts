/**
 * The people behind the mock client's traffic: a few visitors on the site at
 * once, each with the browser it came with (kept for the whole visit), its own
 * cookies and the page it is on. A visitor leaves after a handful of actions
 * and someone new arrives, so the traffic is many browsers, never one marker.
 */
import { pickProfile, type BrowserProfile } from "../util/browser-profile";
import { CookieJar } from "./cookie-jar";

export interface Visitor {
  id: number;
  profile: BrowserProfile;
  jar: CookieJar;
  /** The page it has open (null before its first navigation). */
  page: string | null;
  /** Actions left before it leaves. */
  remaining: number;
}

export class Visitors {
  private readonly present: Visitor[] = [];
  private next = 1;
  private arrived = 0;

  constructor(
    private readonly size = 6,
    private readonly random: () => number = Math.random,
  ) {}

  private arrive(): Visitor {
    this.arrived++;
    return {
      id: this.next++,
      profile: pickProfile(this.random),
      jar: new CookieJar(),
      page: null,
      remaining: 3 + Math.floor(this.random() * 10),
    };
  }

  /**
   * The visitor who acts next: one already on `page` when there is one (people use the page they
   * have open), else anyone (who will open it). A visitor who is done leaves and someone new arrives.
   */
  take(page?: string): Visitor {
    while (this.present.length < this.size) this.present.push(this.arrive());
    const there = page === undefined ? [] : this.present.flatMap((v, i) => (v.page === page ? [i] : []));
    const from = there.length > 0 ? there : this.present.map((_, i) => i);
    const i = from[Math.min(from.length - 1, Math.floor(this.random() * from.length))] ?? 0;
    let v = this.present[i] as Visitor;
    if (v.remaining <= 0) {
      v = this.arrive();
      this.present[i] = v;
    }
    v.remaining--;
    return v;
  }

  /** How many visitors have come so far. */
  count(): number {
    return this.arrived;
  }
}
