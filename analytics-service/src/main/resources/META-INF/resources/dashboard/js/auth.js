// The bearer token: from the link ./shequn up prints (#token=...), or pasted. Kept in this tab's
// sessionStorage only. Its claims are read (not verified: the service does that) to say who is
// signed in and whether the token has expired.

const STORE = 'shequn.token';

/** Takes a token from the address (#token=...) into storage, and removes it from the address bar and history. */
export function adoptTokenFromAddress() {
  const match = location.hash.match(/^#token=([^&]+)(?:&(.*))?$/);
  if (!match) {
    return;
  }
  sessionStorage.setItem(STORE, decodeURIComponent(match[1]));
  history.replaceState(null, '', location.pathname + location.search + '#/' + (match[2] ? '?' + match[2] : ''));
}

export function token() {
  return sessionStorage.getItem(STORE);
}

export function signIn(value) {
  sessionStorage.setItem(STORE, value.trim());
}

export function signOut() {
  sessionStorage.removeItem(STORE);
}

/** The token's claims, or null if it is not a JWT. */
export function claims(value = token()) {
  if (!value) {
    return null;
  }
  const parts = value.split('.');
  if (parts.length !== 3) {
    return null;
  }
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(parts[1].length / 4) * 4, '='));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, c => c.charCodeAt(0))));
  } catch {
    return null;
  }
}

/** When the token expired, as an ISO instant, or null while it is valid (or carries no expiry). */
export function expiredAt(value = token()) {
  const c = claims(value);
  if (!c || typeof c.exp !== 'number' || c.exp * 1000 > Date.now()) {
    return null;
  }
  return new Date(c.exp * 1000).toISOString();
}

export function isOperator() {
  const c = claims();
  return !!c && Array.isArray(c.groups) && c.groups.includes('operator');
}

export function subject() {
  return claims()?.sub ?? null;
}
