// Front door of the reference module (code tables and agencies, ADR 0003): no routes; the public functions below.
import type { Services } from '../../container.ts';
import type { AppModule } from '../../platform/module.ts';

export const referenceModule: AppModule<Services> = { name: 'reference' };

export { agencies } from './agency.schema.ts';
export {
  findAgenciesByNames,
  findAgency,
  findAgencyByName,
  listAgencies,
  seedReferenceAgencies,
  upsertAgencies,
  type Agency,
  type AgencyInput,
  type UpsertCounts,
} from './agency.repo.ts';
export { agencyNameKey, isAgencyCode, isSyntheticAgencyCode, syntheticAgencyCode } from './agency.rules.ts';
export * from './codes.ts';
