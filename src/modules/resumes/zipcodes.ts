// 郵遞區號 (3 digits) for 通訊地址 (RES-1): the select's options, grouped by county, and the lookup that
// validates a choice. Data: ./data/zipcodes.json (中華郵政 103/12, see its _source). 300 and 600 are each
// shared by several districts, so an option's value is zip + county + district (e.g. 300新竹市東區).
import zipcodesJson from './data/zipcodes.json' with { type: 'json' };

export interface Zipcode {
  zip: string;
  county: string;
  district: string;
  countyEn: string;
  districtEn: string;
}

export const ZIPCODES: readonly Zipcode[] = Object.freeze(zipcodesJson.zipcodes.map((z) => Object.freeze({ ...z })));

/** The value of a zipcode's option: 100臺北市中正區. */
export function zipKey(z: Pick<Zipcode, 'zip' | 'county' | 'district'>): string {
  return `${z.zip}${z.county}${z.district}`;
}

const byKey = new Map(ZIPCODES.map((z) => [zipKey(z), z]));

/** The zipcode row of an option value, or null (an unknown value is refused). */
export function findZipcode(key: string): Zipcode | null {
  return byKey.get(key.trim()) ?? null;
}

/** Counties in the order of the data, each with its districts. */
export function zipcodesByCounty(): { county: string; countyEn: string; rows: Zipcode[] }[] {
  const groups = new Map<string, { county: string; countyEn: string; rows: Zipcode[] }>();
  for (const z of ZIPCODES) {
    let g = groups.get(z.county);
    if (!g) groups.set(z.county, (g = { county: z.county, countyEn: z.countyEn, rows: [] }));
    g.rows.push(z);
  }
  return [...groups.values()];
}

/**
 * The street part of an address with a leading county and/or district removed when the person typed them
 * again (臺北市中正區濟南路 → 濟南路), so that the printed address names them once. 台 is read as 臺.
 */
export function streetWithoutArea(street: string, z: Pick<Zipcode, 'county' | 'district'>): string {
  const norm = (x: string) => x.replace(/台/gu, '臺');
  let s = street.trim();
  const zip = /^\d{3,6}\s*/u.exec(s);
  if (zip && norm(s.slice(zip[0].length)).startsWith(z.county)) s = s.slice(zip[0].length);
  if (norm(s).startsWith(z.county)) s = s.slice(z.county.length).trimStart();
  if (norm(s).startsWith(z.district)) s = s.slice(z.district.length).trimStart();
  return s;
}

/** 100 臺北市中正區濟南路一段 2 號 */
export function formatAddress(a: { zip: string; county: string; district: string; street: string }): string {
  if (!a.zip) return a.street;
  return `${a.zip} ${a.county}${a.district}${a.street}`;
}
