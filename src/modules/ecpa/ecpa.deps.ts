// What the eCPA use cases need, taken from the composition root's Services; the HR database port besides.
import type { Config } from '../../config.ts';
import type { Ports } from '../../container.ts';
import type { SessionStore } from '../../platform/auth/sessions.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/client.ts';
import type { HrDatabase } from '../hrdb/index.ts';
import { ANSWER_FLOOR_MS } from '../../platform/auth/answer-floor.ts';
import { CardTrust } from './cards/card-trust.ts';
import { loadAgencyOidMap } from './cards/agency-oids.ts';
import { localNhiVerifier, nhiStandinKey, unavailableNhiVerifier, VIRTUAL_NHI_CARDS, type NhiVerifier } from './cards/nhi.ts';

export interface EcpaDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly sessions: SessionStore;
  readonly config: Pick<Config, 'sessionSecret' | 'dataKey' | 'dataKeyPrevious' | 'baseUrl' | 'cards'>;
  readonly hrdb: HrDatabase;
  /** Minimum answer time of the use cases that must not reveal whether an account exists. */
  readonly answerFloorMs: number;
  /** ECPA-2: the trusted CAs and their CRLs (refreshed on a schedule by the module's start). */
  readonly cardTrust: CardTrust;
  /** ECPA-3: GCA agency OID → DGPA 機關代碼 (CARD_AGENCY_OID_MAP_FILE), read once. */
  readonly agencyOids: ReadonlyMap<string, string>;
  /** 健保卡: NHI's verification (none in production until an agreement with NHI; the local stand-in elsewhere). */
  readonly nhi: NhiVerifier;
}

/** Built once by the composition root (src/container.ts: services.deps.ecpa). */
export function ecpaDeps(services: Ports, hrdb: HrDatabase = services.hrdb): EcpaDeps {
  return {
    db: services.db,
    clock: services.clock,
    sessions: services.sessions,
    config: services.config,
    hrdb,
    answerFloorMs: ANSWER_FLOOR_MS,
    cardTrust: new CardTrust(services.config.cards),
    agencyOids: loadAgencyOidMap(services.config.cards.agencyOidMapFile),
    nhi:
      services.config.cards.nhi.verifier === 'local' && !services.config.isProduction
        ? localNhiVerifier(nhiStandinKey(services.config), new Map(VIRTUAL_NHI_CARDS.map((c) => [c.cardNo, c.password])))
        : unavailableNhiVerifier,
  };
}

/** Who is acting, for the audit row (SYS-2). */
export type EcpaActor = { kind: 'visitor'; ip?: string | null } | { kind: 'applicant'; id: string; ip?: string | null };
