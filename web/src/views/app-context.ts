import type { ApiError } from '../api.js';
import type { Session } from '../session.js';

/** What a view may use of the app: the signed-in session and a way out of it. */
export interface AppContext {
  readonly session: Session;
  /** Ends the session after the API refused the token, and shows the sign-in form. */
  endSession(error: ApiError): void;
  /** Shows the view of a path such as `#/agents`. */
  navigate(hash: string): void;
}

/** A view's heading, focused after navigation so screen readers announce the new page. */
export function pageHeading(text: string): HTMLHeadingElement {
  const heading = document.createElement('h1');
  heading.className = 'page__title';
  heading.tabIndex = -1;
  heading.textContent = text;
  return heading;
}
