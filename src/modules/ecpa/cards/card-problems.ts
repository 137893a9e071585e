// ECPA-3: which message (cards.messages.ts) and which links each refusal shows. Pure.
import { fill } from '../../../platform/i18n/i18n.ts';
import type { CardReason } from './card-sign-in.ts';
import type { CardMessages } from './cards.messages.ts';

export interface CardProblemView {
  text: string;
  links: { href: string; text: string }[];
  /** Shown next to the account field of the binding step rather than in the card box. */
  onAccount?: boolean;
}

export interface ProblemContext {
  detail?: string | undefined;
  caKind?: 'moica' | 'gca' | undefined;
  unlock: { moica: string; gca: string };
  componentUrl: string;
  agency?: string | undefined;
}

export const MOICA_COMPONENT_DOWNLOAD = 'https://moica.nat.gov.tw/download_1.html';

export function cardProblemView(m: CardMessages, reason: CardReason, c: ProblemContext): CardProblemView {
  const unlockLinks = [
    { href: c.unlock.moica, text: m['card.unlock.moica'] },
    { href: c.unlock.gca, text: m['card.unlock.gca'] },
  ];
  const installLinks = [
    { href: MOICA_COMPONENT_DOWNLOAD, text: m['card.install'] },
    { href: `${c.componentUrl}/selfTest.htm`, text: m['card.selfTest'] },
  ];
  const invalid = (suffix: string) => ({ text: m['card.invalid'] + suffix, links: [] });
  switch (reason) {
    case 'expired':
      return invalid(m['card.invalid.expired']);
    case 'revoked':
      return invalid(m['card.invalid.revoked']);
    case 'not-yet-valid':
      return invalid(m['card.invalid.notYetValid']);
    case 'untrusted':
      return invalid(fill(m['card.invalid.untrusted'], { dn: c.detail ?? '' }));
    case 'key-usage':
      return invalid(m['card.invalid.keyUsage']);
    case 'holder-unknown':
      return invalid(m['card.invalid.holder']);
    case 'crl-stale':
      return { text: fill(m['card.crlStale'], { ca: c.detail ?? '' }), links: [] };
    case 'wrong-pin':
      return { text: m['card.wrongPin'], links: unlockLinks };
    case 'wrong-pin-2':
      return { text: m['card.wrongPin.2'], links: [] };
    case 'wrong-pin-1':
      return { text: m['card.wrongPin.1'], links: unlockLinks };
    case 'pin-format':
      return { text: m['card.pinFormat'], links: [] };
    case 'locked':
      return { text: m['card.locked'], links: c.caKind === 'gca' ? [unlockLinks[1]!] : c.caKind === 'moica' ? [unlockLinks[0]!] : unlockLinks };
    case 'no-reader':
      return { text: m['card.noReader'], links: [] };
    case 'no-card':
      return { text: m['card.noCard'], links: [] };
    case 'cancelled':
      return { text: m['card.cancelled'], links: [] };
    case 'popup-blocked':
      return { text: m['card.popupBlocked'], links: [] };
    case 'component-missing':
      return { text: m['card.componentMissing'], links: installLinks };
    case 'domain-not-trusted':
      return { text: m['card.domainNotTrusted'], links: installLinks };
    case 'component-error':
      return { text: fill(m['card.componentError'], { text: c.detail ?? '' }), links: installLinks };
    case 'no-challenge':
      return { text: m['card.replayed'], links: [] };
    case 'challenge-expired':
      return { text: m['card.expiredChallenge'], links: [] };
    case 'too-large':
    case 'not-cms':
    case 'bad-signature':
    case 'challenge-mismatch':
      return { text: m['card.badSignature'], links: [] };
    case 'test-certificate':
      return { text: fill(m['card.testCert'], { dn: c.detail ?? '' }), links: [] };
    case 'unknown-agency':
      return { text: fill(m['card.unknownAgency'], { code: c.detail ?? '' }), links: [] };
    case 'left-service':
      return { text: m['bind.leftService'], links: [], onAccount: true };
    case 'disabled':
      return { text: m['card.disabled'], links: [] };
    case 'not-in-hrdb':
      return { text: m['bind.notInHrdb'], links: [], onAccount: true };
    case 'not-owner':
      return { text: m['bind.notOwner'], links: [], onAccount: true };
    case 'not-agency-staff':
      return { text: fill(m['card.notAgencyStaff'], { agency: c.agency ?? '' }), links: [], onAccount: true };
    case 'already-bound':
      return { text: m['bind.alreadyBound'], links: [], onAccount: true };
    case 'pending-expired':
      return { text: m['bind.expired'], links: [] };
    case 'nhi-wrong-password':
      return { text: m['nhi.wrongPassword'], links: [] };
    case 'nhi-unavailable':
      return { text: m['nhi.unavailable'], links: [] };
  }
}
