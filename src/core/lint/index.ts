export { CHECK_IDS, POINT_CHECK_IDS, SEVERITY_RANK, isPointCheck, type CheckId, type Finding, type LintInput, type LintRunRequest, type LintProgress, type PointSource, type Severity } from './finding'; // prettier-ignore
export { DEFAULT_PROFILE, settingsFor, type CheckSettings, type ClassSettings, type LintProfile } from './profile';
export { runChecks } from './run-checks';
export { applyDismissals, compareFindings, type Dismissal, type DismissedFindings, type FindingChanges } from './dismissals'; // prettier-ignore
