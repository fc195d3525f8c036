/**
 * What the pane shows only after a run or on request: the results (overview, what was found,
 * filters, the indicator cards and the mapping fix) and the tools ("Mẫu và tổng hợp"). A chunk of
 * its own ("panels"), kept out of taskpane.js so that the pane's first render parses and runs less:
 * App fetches it once the pane has shown (when the browser is idle), or at once when a run's results
 * or the tools are wanted before then (a Spinner stands in while it arrives).
 */
export { ResultsOverview, StatusCounts } from './components/ResultsOverview';
export { FoundSummary } from './components/FoundSummary';
export { FilterBar } from './components/FilterBar';
export { IndicatorCard } from './components/IndicatorCard';
export { MappingFix } from './components/MappingFix';
export { ToolsPanel } from './components/ToolsPanel';
