// Makes a CMS SignedData the way the signing component does (PKCS7, attached content, SHA-256, signed attributes):
// used by the component stand-in and by tests that forge or alter signatures. Not used in production.
import * as asn1js from 'asn1js';
import { webcrypto } from 'node:crypto';
import { arrayBuffer, pkijs } from './pki.ts';

export interface CmsSigner {
  certDer: Uint8Array;
  /** Extra certificates to carry, in the order given (a test may put them in the "wrong" order). */
  chainDer?: Uint8Array[];
  /** PKCS#8 DER of the RSA private key. */
  keyPkcs8: Uint8Array;
  /** Put the extra certificates before the signer's own (the order pkijs's chain engine gets wrong). */
  chainFirst?: boolean;
  /** A randomNonce signed attribute (1.2.840.113549.1.9.25.3), as some components add. */
  nonce?: Uint8Array;
}

export async function signCms(content: Uint8Array, signer: CmsSigner): Promise<string> {
  const key = await webcrypto.subtle.importKey('pkcs8', arrayBuffer(signer.keyPkcs8), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
  const parse = (der: Uint8Array) => pkijs.Certificate.fromBER(arrayBuffer(der));
  const cert = parse(signer.certDer);
  const chain = (signer.chainDer ?? []).map(parse);
  const digest = await webcrypto.subtle.digest('SHA-256', arrayBuffer(content));
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: '1.2.840.113549.1.7.1', eContent: new asn1js.OctetString({ valueHex: arrayBuffer(content) }) }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({ type: '1.2.840.113549.1.9.3', values: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.7.1' })] }),
            new pkijs.Attribute({ type: '1.2.840.113549.1.9.5', values: [new asn1js.UTCTime({ valueDate: new Date() })] }),
            new pkijs.Attribute({ type: '1.2.840.113549.1.9.4', values: [new asn1js.OctetString({ valueHex: digest })] }),
            ...(signer.nonce ? [new pkijs.Attribute({ type: '1.2.840.113549.1.9.25.3', values: [new asn1js.OctetString({ valueHex: arrayBuffer(signer.nonce) })] })] : []),
          ],
        }),
      }),
    ],
    certificates: signer.chainFirst ? [...chain, cert] : [cert, ...chain],
  });
  await signedData.sign(key as never, 0, 'SHA-256');
  const info = new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: signedData.toSchema(true) });
  return Buffer.from(info.toSchema().toBER()).toString('base64');
}
