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

  /** The visitor who acts next (a new one takes the place of one who is done). */
  take(): Visitor {
    while (this.present.length < this.size) this.present.push(this.arrive());
    const i = Math.min(this.present.length - 1, Math.floor(this.random() * this.present.length));
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
