// PUB-7 visitor counters.
export { readCounters, type Counters } from './counters.service.ts';
export { CountersPanel } from './counters-panel.tsx';
export { registerVisitCounting } from './visit-counting.ts';
export { countVisit, visitTotals } from './counters.repo.ts';
