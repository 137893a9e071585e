// What a GPKI certificate says about its holder (pki-notes §1, §2): subjectDirectoryAttributes (2.5.29.9) with
// 2.16.886.1.100.2.1 主體類別, 2.16.886.1.100.2.51 last four of the 身分證統一編號 (自然人憑證),
// 2.16.886.1.100.2.102 the agency's government OID (機關憑證). Read with asn1js from the extension's DER.
import * as asn1js from 'asn1js';
import { arrayBuffer } from './pki.ts';

export const OID = {
  subjectDirectoryAttributes: '2.5.29.9',
  subjectType: '2.16.886.1.100.2.1',
  idLast4: '2.16.886.1.100.2.51',
  agencyOid: '2.16.886.1.100.2.102',
  keyUsage: '2.5.29.15',
  authorityKeyIdentifier: '2.5.29.35',
  subjectKeyIdentifier: '2.5.29.14',
} as const;

export interface DirectoryAttributes {
  subjectType?: string;
  idLast4?: string;
  agencyOid?: string;
}

function textOf(block: asn1js.AsnType): string | undefined {
  if (block instanceof asn1js.ObjectIdentifier) return block.valueBlock.toString();
  if (
    block instanceof asn1js.PrintableString ||
    block instanceof asn1js.Utf8String ||
    block instanceof asn1js.IA5String ||
    block instanceof asn1js.VisibleString ||
    block instanceof asn1js.NumericString ||
    block instanceof asn1js.BmpString
  )
    return block.valueBlock.value;
  return undefined;
}

/** Parses the extension value (DER of SEQUENCE OF Attribute); unknown or malformed parts are ignored. */
export function parseDirectoryAttributes(der: Uint8Array): DirectoryAttributes {
  const out: DirectoryAttributes = {};
  const parsed = asn1js.fromBER(arrayBuffer(der));
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Sequence)) return out;
  for (const attr of parsed.result.valueBlock.value) {
    if (!(attr instanceof asn1js.Sequence)) continue;
    const [type, values] = attr.valueBlock.value;
    if (!(type instanceof asn1js.ObjectIdentifier) || !(values instanceof asn1js.Set)) continue;
    const first = values.valueBlock.value[0];
    const value = first ? textOf(first) : undefined;
    if (value === undefined) continue;
    const oid = type.valueBlock.toString();
    if (oid === OID.subjectType) out.subjectType = value;
    else if (oid === OID.idLast4) out.idLast4 = value;
    else if (oid === OID.agencyOid) out.agencyOid = value;
  }
  return out;
}

/** Builds the extension value (used by the test PKI). */
export function encodeDirectoryAttributes(attrs: DirectoryAttributes): Uint8Array {
  const items: asn1js.Sequence[] = [];
  const add = (oid: string, value: asn1js.AsnType) => items.push(new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: oid }), new asn1js.Set({ value: [value] })] }));
  if (attrs.subjectType) add(OID.subjectType, new asn1js.ObjectIdentifier({ value: attrs.subjectType }));
  if (attrs.idLast4) add(OID.idLast4, new asn1js.PrintableString({ value: attrs.idLast4 }));
  if (attrs.agencyOid) add(OID.agencyOid, new asn1js.ObjectIdentifier({ value: attrs.agencyOid }));
  return new Uint8Array(new asn1js.Sequence({ value: items }).toBER());
}
