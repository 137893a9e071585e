// The one source of "now". Services take a Clock so that tests can fix time.
export interface Clock {
  now(): Date;
  /** Today's calendar date in Asia/Taipei, 'YYYY-MM-DD'. */
  today(): string;
}

const taipeiDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei', year: 'numeric', month: '2-digit', day: '2-digit' });

export function taipeiIsoDate(d: Date): string {
  return taipeiDate.format(d); // en-CA formats as YYYY-MM-DD
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => taipeiIsoDate(new Date()),
};

export function fixedClock(at: Date | string): Clock & { set(d: Date | string): void; advance(ms: number): void } {
  let t = new Date(at);
  return {
    now: () => new Date(t),
    today: () => taipeiIsoDate(t),
    set: (d) => {
      t = new Date(d);
    },
    advance: (ms) => {
      t = new Date(t.getTime() + ms);
    },
  };
}
