// 健保卡 (NHI card) sign-in behind a port (pki-notes §4, §5). The NHI card has no user signing key in the web flow:
// the NHI component (健保卡元件) answers GetBasic (card number, ID, name, birth date, sex), GetRandom and H_Sign — a
// card ↔ NHI cloud authentication that only NHI's own, non-public service can verify; the 健保卡網路服務註冊密碼 goes
// through the component's EnCrypt. So the server asks an `NhiVerifier`. **Production needs an agreement with NHI**
// (衛生福利部中央健康保險署) for that service; until then production has none and 健保卡 sign-in is refused with a
// message. The local stand-in (tests, `HIPKI_DEV=1`) "signs" with an HMAC only it can check, so a forged value fails.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { keyedHash } from '../../../platform/crypto/keys.ts';

export interface NhiAnswer {
  /** GetBasic's answer after the prefix: card_no(12),id_no(10),name,birth(ROC yyyMMdd),sex,… */
  basic: string;
  /** What H_Sign signed: version (0001) + the card's random (16 digits). */
  random: string;
  /** H_Sign's answer: 256 hex characters. */
  sign: string;
  /** EnCrypt?Pwd=…'s answer: the registration password as the component encrypted it (hex). */
  pwd: string;
}

export interface NhiHolder {
  cardNo: string;
  nationalId: string;
  name: string;
}

export type NhiVerdict = { ok: true; holder: NhiHolder } | { ok: false; reason: 'nhi-bad-format' | 'nhi-bad-signature' | 'nhi-wrong-password' | 'nhi-unavailable' };

export interface NhiVerifier {
  verify(answer: NhiAnswer): Promise<NhiVerdict>;
}

/** Production until an NHI agreement exists: every 健保卡 sign-in is refused with 'nhi-unavailable'. */
export const unavailableNhiVerifier: NhiVerifier = { verify: async () => ({ ok: false, reason: 'nhi-unavailable' }) };

export function parseBasic(basic: string): NhiHolder | null {
  const parts = basic.split(',');
  const [cardNo, nationalId, name] = parts;
  if (parts.length < 5 || !cardNo || !/^\d{12}$/.test(cardNo) || !nationalId || !/^[A-Z][A-Z0-9]\d{8}$/.test(nationalId) || !name || name.length > 40) return null;
  return { cardNo, nationalId, name };
}

const hex = (key: string, label: string, data: string) => createHmac('sha512', key).update(`${label}\n${data}`).digest('hex');

/** The stand-in component's H_Sign: 256 hex characters only the holder of `key` can make. */
export function standinHSign(key: string, basic: string, random: string): string {
  return hex(key, 'nhi-standin/h-sign/a', `${basic}\n${random}`) + hex(key, 'nhi-standin/h-sign/b', `${basic}\n${random}`);
}

/** The stand-in component's EnCrypt of the registration password, bound to the card and the random. */
export function standinEncrypt(key: string, cardNo: string, random: string, password: string): string {
  return hex(key, 'nhi-standin/encrypt', `${cardNo}\n${random}\n${password}`);
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The local stand-in of NHI's verification service: the stand-in cards' registration passwords by card number. */
export function localNhiVerifier(key: string, passwords: ReadonlyMap<string, string>): NhiVerifier {
  return {
    async verify(answer) {
      const holder = parseBasic(answer.basic);
      if (!holder || !/^0001\d{16}$/.test(answer.random) || !/^[0-9a-f]{256}$/i.test(answer.sign) || !/^[0-9a-f]{1,256}$/i.test(answer.pwd)) return { ok: false, reason: 'nhi-bad-format' };
      if (!same(answer.sign.toLowerCase(), standinHSign(key, answer.basic, answer.random))) return { ok: false, reason: 'nhi-bad-signature' };
      const password = passwords.get(holder.cardNo);
      if (password === undefined || !same(answer.pwd.toLowerCase(), standinEncrypt(key, holder.cardNo, answer.random, password))) return { ok: false, reason: 'nhi-wrong-password' };
      return { ok: true, holder };
    },
  };
}

export interface VirtualNhiCard {
  cardNo: string;
  nationalId: string;
  name: string;
  birth: string;
  sex: 'M' | 'F';
  password: string;
  holder: string;
}

/** The demo and test 健保卡 (README.md): well-known HR people. */
export const VIRTUAL_NHI_CARDS: readonly VirtualNhiCard[] = [
  { cardNo: '000012345678', nationalId: 'A128730468', name: '張家豪', birth: '0730220', sex: 'M', password: 'nhi12345', holder: 'civil.servant 張家豪' },
  { cardNo: '000012345679', nationalId: 'G205193723', name: '李淑芬', birth: '0710101', sex: 'F', password: 'nhi12345', holder: 'left.service 李淑芬 (卸職)' },
];

export function basicOf(card: VirtualNhiCard): string {
  return `${card.cardNo},${card.nationalId},${card.name},${card.birth},${card.sex},0`;
}

/** The stand-in's shared key (stand-in component ↔ stand-in verifier), derived from DATA_KEY. */
export function nhiStandinKey(config: { dataKey: string }): string {
  return keyedHash(config.dataKey, 'nhi-standin/v1', 'key');
}
