// Front door of the counters module (ADR 0003): PUB-7 visitor counters (counted by a hook that src/app.ts registers).
import type { Services } from '../../container.ts';
import type { AppModule } from '../../platform/module.ts';

export const countersModule: AppModule<Services> = { name: 'counters' };

export { readCounters, type Counters } from './counters.service.ts';
export { CountersPanel } from './counters-panel.tsx';
export { registerVisitCounting } from './visit-counting.ts';
export { countVisit, visitTotals } from './counters.repo.ts';
