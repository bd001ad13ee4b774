// GETs against analytics-service's API with the bearer token; failures become ApiError with a
// message in words, in the current language.

import { t, time } from './i18n.js';
import { token, expiredAt } from './auth.js';

export class ApiError extends Error {
  /** kind: network, unauthorized, forbidden, not-found, invalid, server */
  constructor(kind, message, status) {
    super(message);
    this.kind = kind;
    this.status = status;
  }
}

const listeners = [];

/** Called with the ApiError whenever the service refuses the token (401). */
export function onUnauthorized(listener) {
  listeners.push(listener);
}

export async function get(path, params = {}) {
  const url = new URL(path, location.origin);
  Object.entries(params).forEach(([name, value]) => {
    if (value !== undefined && value !== null) {
      url.searchParams.set(name, value);
    }
  });
  if (expiredAt()) {
    // The service would refuse it too; saying so now names the reason.
    const error = new ApiError('unauthorized', unauthorizedMessage(), 401);
    listeners.forEach(listener => listener(error));
    throw error;
  }
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json', Authorization: `Bearer ${token()}` } });
  } catch {
    throw new ApiError('network', t('error.network'));
  }
  if (response.ok) {
    return response.json();
  }
  let problem = {};
  try {
    problem = await response.json();
  } catch {
    // Not problem+json (a proxy's page, say): the status says enough.
  }
  const detail = problem.detail || problem.title || response.statusText || String(response.status);
  const error = failure(response.status, detail);
  if (error.kind === 'unauthorized') {
    listeners.forEach(listener => listener(error));
  }
  throw error;
}

/** Why the token was refused, in words: an expired token says when it expired. */
export function unauthorizedMessage() {
  const expired = expiredAt();
  return expired ? t('auth.expired', { time: time(expired) }) : t('auth.rejected');
}

function failure(status, detail) {
  switch (status) {
    case 401: return new ApiError('unauthorized', unauthorizedMessage(), status);
    case 403: return new ApiError('forbidden', t('error.forbidden', { detail }), status);
    case 404: return new ApiError('not-found', t('error.notFound', { detail }), status);
    default:
      return status < 500 ? new ApiError('invalid', t('error.invalid', { detail }), status)
        : new ApiError('server', t('error.server', { status, detail }), status);
  }
}
