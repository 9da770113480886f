import { enStudio } from './en-studio';
import { enTools } from './en-tools';
import { enReview } from './en-review';
import { enQa } from './en-qa';
import { enDashboard } from './en-dashboard';
import { enDiff } from './en-diff';
import { enImport } from './en-import';
import { enPrelabel } from './en-prelabel';

/** English catalogue: the source of the key set. Every other catalogue must have exactly these keys. */
export const en = {
  ...enStudio,
  ...enTools,
  ...enReview,
  ...enQa,
  ...enDashboard,
  ...enDiff,
  ...enImport,
  ...enPrelabel,
} as const;

/** The shape every catalogue must have: the same keys as `en`, any strings. */
export type Catalogue = { [K in keyof typeof en]: { [L in keyof (typeof en)[K]]: string } };
