import type { Tab } from './route';

/** What every page of the console needs: the admin's token and the regency's zone. */
export interface AdminContext {
  token: string;
  timeZone: string;
  zoneLabel: string;
  /** Today in the regency's zone, `YYYY-MM-DD`. */
  today: string;
  /** The admin's own NIP. */
  nip: string;
  open: (tab: Tab, search?: string) => void;
  /** Switches the console to the admin's own new link (after it was re-issued). */
  adoptLink: (url: string) => void;
}
